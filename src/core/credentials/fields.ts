// What Nexi's B2B channel needs per environment (spec §14.2, §14.6), as one table that the tree, the commands, the
// store and the validation all read. Secret fields live only in SecretStorage under `nexi.<env>.<field>`
// (house style §6); the others are plain values.
import { getLocale, type Locale } from '../l10n';
import { text, type CredentialMessageKey } from './messages';

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

interface FieldFacts {
  readonly secret: boolean;
  readonly optional: boolean;
  /** The field has an input-box placeholder (`<field>Placeholder` in the message table). */
  readonly placeholder?: true;
}

const fieldFacts: Readonly<Record<FieldId, FieldFacts>> = {
  clientId: { secret: false, optional: false, placeholder: true },
  clientSecret: { secret: true, optional: false, placeholder: true },
  certificate: { secret: false, optional: false },
  privateKey: { secret: true, optional: false },
  privateKeyPassphrase: { secret: true, optional: true },
  pkcs12: { secret: true, optional: true },
  pkcs12Passphrase: { secret: true, optional: true },
  pendingPrivateKey: { secret: true, optional: true },
  caBundle: { secret: false, optional: true },
  softPosTerminalId: { secret: false, optional: true, placeholder: true },
  mobilePosTerminalId: { secret: false, optional: true, placeholder: true },
  merchantUsername: { secret: false, optional: true, placeholder: true },
  deviceId: { secret: false, optional: true },
  pointOfSale: { secret: false, optional: true },
};

/** The specs of every field in one locale: labels, descriptions and placeholders worded in it. */
function specsIn(): Readonly<Record<FieldId, FieldSpec>> {
  const specs = {} as Record<FieldId, FieldSpec>;
  for (const id of Object.keys(fieldFacts) as FieldId[]) {
    const facts = fieldFacts[id];
    specs[id] = Object.freeze({
      id,
      secret: facts.secret,
      optional: facts.optional,
      label: text(`${id}Label` as CredentialMessageKey),
      description: text(`${id}Description` as CredentialMessageKey),
      ...(facts.placeholder ? { placeholder: text(`${id}Placeholder` as CredentialMessageKey) } : {}),
    });
  }
  return specs;
}

const specsByLocale = new Map<Locale, Readonly<Record<FieldId, FieldSpec>>>();

/** The spec of `id`, its label, description and placeholder in the current core locale (built once per locale). */
export function fieldSpec(id: FieldId): FieldSpec {
  const locale = getLocale();
  let specs = specsByLocale.get(locale);
  if (!specs) specsByLocale.set(locale, (specs = specsIn()));
  return specs[id];
}

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
  return typeof field === 'string' && Object.prototype.hasOwnProperty.call(fieldFacts, field);
}

/** The typed SecretStorage key of a secret field: `nexi.<env>.<field>` (house style §6). */
export type SecretKey = `nexi.${string}.${SecretField}`;

export function secretKey(environmentId: string, field: SecretField): SecretKey {
  return `nexi.${environmentId}.${field}`;
}

const email = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const terminalId = /^[A-Za-z0-9]{1,16}$/;

/**
 * Checks a typed value. Returns the message for the input box (current core locale), or undefined when it is fine.
 * The message never repeats the value (it may be a secret).
 */
export function validateTextField(field: TextField, value: string): string | undefined {
  const label = fieldSpec(field).label;
  if (value === '') return text('fieldEmpty', { label });
  switch (field) {
    case 'clientId':
    case 'deviceId':
      if (/\s/.test(value)) return text('fieldHasSpaces', { label });
      if (value.length > 256) return text('fieldTooLong256', { label });
      return undefined;
    case 'clientSecret':
      if (/[\r\n]/.test(value)) return text('clientSecretLineBreak');
      if (value !== value.trim()) return text('clientSecretSpaces');
      if (value.length > 1024) return text('clientSecretTooLong');
      return undefined;
    case 'softPosTerminalId':
    case 'mobilePosTerminalId':
      return terminalId.test(value) ? undefined : text('terminalIdInvalid', { label });
    case 'merchantUsername':
      return email.test(value) ? undefined : text('merchantUsernameInvalid');
    case 'pointOfSale':
      if (value !== value.trim() || /[\r\n]/.test(value)) return text('pointOfSaleSpaces');
      return value.length > 64 ? text('pointOfSaleTooLong') : undefined;
  }
}
