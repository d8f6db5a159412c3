// What Nexi's B2B channel needs per environment (spec §14.2, §14.6), as one table that the tree, the commands, the
// store and the validation all read. Secret fields live only in SecretStorage under `nexi.<env>.<field>`
// (house style §6); the others are plain values.

export type SecretField = 'clientSecret' | 'privateKey' | 'privateKeyPassphrase' | 'pkcs12' | 'pkcs12Passphrase' | 'pendingPrivateKey';

export type PlainField = 'clientId' | 'certificate' | 'caBundle' | 'softPosTerminalId' | 'mobilePosTerminalId' | 'merchantUsername' | 'deviceId' | 'pointOfSale';

export type FieldId = SecretField | PlainField;

/** Fields a user types (or pastes) into an input box; the others come from files or the clipboard. */
export type TextField = 'clientId' | 'clientSecret' | 'softPosTerminalId' | 'mobilePosTerminalId' | 'merchantUsername' | 'deviceId' | 'pointOfSale';

export interface FieldSpec {
  readonly id: FieldId;
  readonly label: string;
  readonly secret: boolean;
  /** Shown as the input prompt and in tooltips; cites the spec where the requirement comes from. */
  readonly description: string;
  /** Not needed for every call (e.g. Cloud-Authentication-only claims), so "not set" is no problem. */
  readonly optional: boolean;
  readonly placeholder?: string;
}

export const fieldSpecs: Readonly<Record<FieldId, FieldSpec>> = {
  clientId: { id: 'clientId', label: 'Client id (APP_ID)', secret: false, optional: false, placeholder: 'the "ID Client" of your app in the Nexi portal', description: 'Client id ("ID Client") of your app in the Nexi portal; sent as client_id and used as the assertion\'s appId, iss and sub (spec §14.3, §14.6).' },
  clientSecret: { id: 'clientSecret', label: 'Client secret', secret: true, optional: false, placeholder: 'the "Secret" of your app in the Nexi portal', description: 'Client secret ("Secret") of your app in the Nexi portal; sent only to the token endpoint (spec §14.3).' },
  certificate: { id: 'certificate', label: 'Certificate', secret: false, optional: false, description: 'Developer certificate Nexi signed for your CSR (arrives as a .p7b by e-mail), used for mTLS (spec §14.2).' },
  privateKey: { id: 'privateKey', label: 'Private key', secret: true, optional: false, description: 'RSA-2048 private key of the certificate; it also signs the client assertions (spec §14.2, §14.6).' },
  privateKeyPassphrase: { id: 'privateKeyPassphrase', label: 'Private key passphrase', secret: true, optional: true, description: 'Passphrase of an encrypted PKCS#8 private key.' },
  pkcs12: { id: 'pkcs12', label: 'PKCS#12 bundle', secret: true, optional: true, description: 'Certificate and private key as one PKCS#12 (.p12/.pfx) file, instead of separate PEM files.' },
  pkcs12Passphrase: { id: 'pkcs12Passphrase', label: 'PKCS#12 passphrase', secret: true, optional: true, description: 'Passphrase of the PKCS#12 bundle.' },
  pendingPrivateKey: { id: 'pendingPrivateKey', label: 'New private key (awaiting certificate)', secret: true, optional: true, description: 'Key generated with a CSR while another key was stored; it replaces that key when you import the certificate Nexi signs for it.' },
  caBundle: { id: 'caBundle', label: 'Extra CA bundle', secret: false, optional: true, description: 'Extra CA certificates (PEM) to trust for Nexi\'s hosts, e.g. behind a TLS-inspecting proxy. Optional.' },
  softPosTerminalId: { id: 'softPosTerminalId', label: 'SoftPOS terminal id', secret: false, optional: true, placeholder: 'e.g. 12345678', description: 'SoftPOS TID for terminal_ids (at most one SoftPOS and one MobilePOS TID; spec §14.6).' },
  mobilePosTerminalId: { id: 'mobilePosTerminalId', label: 'MobilePOS terminal id', secret: false, optional: true, placeholder: 'e.g. 12345678', description: 'MobilePOS TID for terminal_ids (at most one SoftPOS and one MobilePOS TID; spec §14.6).' },
  merchantUsername: { id: 'merchantUsername', label: 'Merchant username (e-mail)', secret: false, optional: true, placeholder: 'operator@merchant.example', description: 'app_username_merchant: the operator e-mail, unique per TID; may be omitted for checkTransaction only (spec §14.6).' },
  deviceId: { id: 'deviceId', label: 'Device id', secret: false, optional: true, description: 'app_deviceid: the SDK-generated device id; may be omitted for checkTransaction only (spec §14.6).' },
  pointOfSale: { id: 'pointOfSale', label: 'Point of sale', secret: false, optional: true, description: 'pointOfSale claim: the merchant\'s point-of-sale code (from Nexi\'s samples; spec §14.6, §16 point 27).' },
};

export const secretFields: readonly SecretField[] = ['clientSecret', 'privateKey', 'privateKeyPassphrase', 'pkcs12', 'pkcs12Passphrase', 'pendingPrivateKey'];

export const plainFields: readonly PlainField[] = ['clientId', 'certificate', 'caBundle', 'softPosTerminalId', 'mobilePosTerminalId', 'merchantUsername', 'deviceId', 'pointOfSale'];

export const textFields: readonly TextField[] = ['clientId', 'clientSecret', 'softPosTerminalId', 'mobilePosTerminalId', 'merchantUsername', 'deviceId', 'pointOfSale'];

export function isSecretField(field: string): field is SecretField {
  return (secretFields as readonly string[]).includes(field);
}

export function isTextField(field: string): field is TextField {
  return (textFields as readonly string[]).includes(field);
}

export function isFieldId(field: unknown): field is FieldId {
  return typeof field === 'string' && Object.prototype.hasOwnProperty.call(fieldSpecs, field);
}

/** The typed SecretStorage key of a secret field: `nexi.<env>.<field>` (house style §6). */
export type SecretKey = `nexi.${string}.${SecretField}`;

export function secretKey(environmentId: string, field: SecretField): SecretKey {
  return `nexi.${environmentId}.${field}`;
}

const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const terminalId = /^[A-Za-z0-9]{1,16}$/;

/**
 * Checks a typed value. Returns the message for the input box, or undefined when it is fine. The message never
 * repeats the value (it may be a secret).
 */
export function validateTextField(field: TextField, value: string): string | undefined {
  if (value === '') return `${fieldSpecs[field].label} cannot be empty: to remove it, use "Clear".`;
  switch (field) {
    case 'clientId':
    case 'deviceId':
      if (/\s/.test(value)) return `${fieldSpecs[field].label} contains spaces or line breaks: paste it again without them.`;
      if (value.length > 256) return `${fieldSpecs[field].label} is longer than 256 characters: is it the right value?`;
      return undefined;
    case 'clientSecret':
      if (/[\r\n]/.test(value)) return 'The client secret contains a line break: paste it again as one line.';
      if (value !== value.trim()) return 'The client secret starts or ends with a space, which Nexi secrets do not: paste it again without it.';
      if (value.length > 1024) return 'The client secret is longer than 1024 characters: is it the right value?';
      return undefined;
    case 'softPosTerminalId':
    case 'mobilePosTerminalId':
      return terminalId.test(value) ? undefined : `${fieldSpecs[field].label} takes letters and digits only (at most 16), e.g. 12345678.`;
    case 'merchantUsername':
      return email.test(value) ? undefined : 'The merchant username is the operator\'s e-mail address, e.g. operator@merchant.example (spec §14.6).';
    case 'pointOfSale':
      if (value !== value.trim() || /[\r\n]/.test(value)) return 'The point of sale code has surrounding spaces or line breaks: enter it without them.';
      return value.length > 64 ? 'The point of sale code is longer than 64 characters: is it the right value?' : undefined;
  }
}
