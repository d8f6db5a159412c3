// Inspecting and checking developer certificates and their keys. Node's own X509Certificate and KeyObject do the
// parsing (no library needed for this part); the checks are the ones the issue lists: certificate and key match,
// expiry (warn under 30 days), extendedKeyUsage clientAuth, RSA ≥ 2048, and the subject OU naming STAGING vs the
// environment the certificate is stored under (spec §14.2).
import { KeyObject, X509Certificate, createHash, createPrivateKey, createPublicKey } from 'crypto';
import type { CertificateFlavour } from '../environments';
import { CredentialError } from './errors';
import { PemBlock, toPem } from './pem';

export const clientAuthOid = '1.3.6.1.5.5.7.3.2';
const anyExtendedKeyUsageOid = '2.5.29.37.0';

export const expiryWarningDays = 30;

export interface CertificateInfo {
  readonly pem: string;
  readonly subject: string;
  /** Attribute → values, e.g. { CN: ['MyApp'], OU: ['API Security - STAGING'] }. */
  readonly subjectFields: Readonly<Record<string, readonly string[]>>;
  readonly commonName?: string;
  readonly issuer: string;
  readonly serialNumber: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly fingerprint256: string;
  readonly keyType: string;
  readonly keyBits?: number;
  /** Extended key usage OIDs; undefined when the certificate has no such extension. */
  readonly extendedKeyUsage?: readonly string[];
  readonly isCA: boolean;
  readonly selfIssued: boolean;
}

/** Node prints a distinguished name one attribute per line: `CN=MyApp\nOU=API Security - STAGING`. */
function parseDn(dn: string): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const line of dn.split('\n')) {
    const eq = line.indexOf('=');
    if (eq <= 0) continue;
    const key = line.slice(0, eq);
    let value = line.slice(eq + 1);
    if (value.startsWith('"') && value.endsWith('"')) {
      try {
        value = JSON.parse(value) as string;
      } catch {
        // keep the quoted text
      }
    }
    (out[key] ??= []).push(value);
  }
  return out;
}

function oneLine(dn: string): string {
  return dn.split('\n').filter(Boolean).join(', ');
}

export function parseCertificate(der: Uint8Array): X509Certificate {
  try {
    return new X509Certificate(Buffer.from(der));
  } catch {
    throw new CredentialError('CERTIFICATE_INVALID', 'The certificate could not be read: it is damaged or not an X.509 certificate.', 'Import the file Nexi sent (the .p7b, or the PEM converted from it).');
  }
}

export function inspectCertificate(certificate: X509Certificate): CertificateInfo {
  const subjectFields = parseDn(certificate.subject);
  const details = certificate.publicKey.asymmetricKeyDetails;
  // Node ≥ 23 names it extKeyUsage; older versions call the same list keyUsage.
  const eku = (certificate as X509Certificate & { extKeyUsage?: string[] }).extKeyUsage ?? certificate.keyUsage;
  return {
    pem: toPem('CERTIFICATE', certificate.raw),
    subject: oneLine(certificate.subject),
    subjectFields,
    ...(subjectFields.CN?.[0] !== undefined ? { commonName: subjectFields.CN[0] } : {}),
    issuer: oneLine(certificate.issuer),
    serialNumber: certificate.serialNumber,
    notBefore: new Date(certificate.validFrom),
    notAfter: new Date(certificate.validTo),
    fingerprint256: certificate.fingerprint256,
    keyType: certificate.publicKey.asymmetricKeyType ?? 'unknown',
    ...(details?.modulusLength !== undefined ? { keyBits: details.modulusLength } : {}),
    ...(eku ? { extendedKeyUsage: eku } : {}),
    isCA: certificate.ca,
    selfIssued: certificate.subject === certificate.issuer,
  };
}

export type FindingCode =
  | 'CERT_EXPIRED'
  | 'CERT_EXPIRING'
  | 'CERT_NOT_YET_VALID'
  | 'CERT_NO_CLIENT_AUTH'
  | 'CERT_NO_EKU'
  | 'CERT_KEY_NOT_RSA'
  | 'CERT_KEY_TOO_SMALL'
  | 'CERT_STAGING_IN_PRODUCTION'
  | 'CERT_NOT_STAGING'
  | 'CERT_KEY_MISMATCH'
  | 'CERT_IS_CA';

export interface Finding {
  readonly code: FindingCode;
  readonly severity: 'error' | 'warning';
  readonly message: string;
}

const day = 24 * 60 * 60 * 1000;

function isStagingOu(info: CertificateInfo): boolean {
  return (info.subjectFields.OU ?? []).some((ou) => /staging/i.test(ou));
}

/**
 * Checks a certificate for use as the developer certificate of an environment. `key`, when given, is the private key
 * stored beside it. Errors make the certificate unusable; warnings are worth knowing.
 */
export function checkCertificate(certificate: X509Certificate, options: { now: Date; flavour: CertificateFlavour; key?: KeyObject }): Finding[] {
  const info = inspectCertificate(certificate);
  const findings: Finding[] = [];
  const { now } = options;
  const date = (d: Date): string => d.toISOString().slice(0, 10);
  if (info.notAfter.getTime() <= now.getTime()) {
    findings.push({ code: 'CERT_EXPIRED', severity: 'error', message: `Expired on ${date(info.notAfter)}: create a new key and CSR and ask Nexi to sign it.` });
  } else if (info.notAfter.getTime() - now.getTime() < expiryWarningDays * day) {
    const days = Math.floor((info.notAfter.getTime() - now.getTime()) / day);
    const when = days === 0 ? 'in less than a day' : `in ${days} day${days === 1 ? '' : 's'}`;
    findings.push({ code: 'CERT_EXPIRING', severity: 'warning', message: `Expires ${when} (${date(info.notAfter)}): create a new key and CSR now; Nexi returns the signed certificate by e-mail.` });
  }
  if (info.notBefore.getTime() > now.getTime()) {
    findings.push({ code: 'CERT_NOT_YET_VALID', severity: 'error', message: `Not valid before ${date(info.notBefore)}: check the computer's clock, or wait.` });
  }
  if (info.extendedKeyUsage === undefined) {
    findings.push({ code: 'CERT_NO_EKU', severity: 'warning', message: 'Has no extendedKeyUsage; the CSR Nexi expects asks for clientAuth (spec §14.2).' });
  } else if (!info.extendedKeyUsage.includes(clientAuthOid) && !info.extendedKeyUsage.includes(anyExtendedKeyUsageOid)) {
    findings.push({ code: 'CERT_NO_CLIENT_AUTH', severity: 'error', message: 'Its extendedKeyUsage does not include clientAuth, so mTLS with it fails: create the CSR with "Nexi: Create Key and CSR for the Nexi Portal".' });
  }
  if (info.keyType !== 'rsa') {
    findings.push({ code: 'CERT_KEY_NOT_RSA', severity: 'error', message: `Its key is ${info.keyType.toUpperCase()}, not RSA: Nexi's B2B channel uses RSA-2048 keys and RS256 assertions (spec §14.2, §14.6).` });
  } else if ((info.keyBits ?? 0) < 2048) {
    findings.push({ code: 'CERT_KEY_TOO_SMALL', severity: 'error', message: `Its RSA key has ${info.keyBits ?? '?'} bits; at least 2048 are needed (spec §14.2).` });
  }
  if (options.flavour === 'production' && isStagingOu(info)) {
    findings.push({ code: 'CERT_STAGING_IN_PRODUCTION', severity: 'error', message: `Its subject OU names STAGING (${info.subjectFields.OU!.join(', ')}): this is a staging certificate, stored under a production environment.` });
  } else if (options.flavour === 'staging' && !isStagingOu(info)) {
    findings.push({ code: 'CERT_NOT_STAGING', severity: 'warning', message: `Its subject OU does not name STAGING (${(info.subjectFields.OU ?? ['no OU']).join(', ')}): Nexi's staging certificates do; is it the production one?` });
  }
  if (info.isCA) {
    findings.push({ code: 'CERT_IS_CA', severity: 'warning', message: 'It is a CA certificate, not the developer certificate Nexi issues for your app.' });
  }
  if (options.key && !certificate.checkPrivateKey(options.key)) {
    findings.push({ code: 'CERT_KEY_MISMATCH', severity: 'error', message: 'It does not belong to the stored private key (the public keys differ): import the matching key, or the certificate Nexi signed for this key.' });
  }
  return findings;
}

/** The private key of a PEM block (decrypted with `passphrase` when it is encrypted). */
export function readPrivateKey(block: PemBlock, passphrase?: string): KeyObject {
  if (block.kind !== 'privateKey') throw expectedKey(block.kind);
  if (block.label === 'OPENSSH PRIVATE KEY') {
    throw new CredentialError('KEY_UNSUPPORTED', 'This is an OpenSSH private key, which TLS clients cannot use.', 'Convert it with "ssh-keygen -p -m PKCS8 -f <file>" and import the result, or create a new key and CSR.');
  }
  if (block.encrypted && !passphrase) {
    throw new CredentialError('KEY_PASSPHRASE_REQUIRED', 'The private key is encrypted and needs its passphrase.', 'Enter the passphrase you chose when the key was exported.');
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(block.encrypted ? { key: block.text, format: 'pem', passphrase: passphrase! } : { key: block.text, format: 'pem' });
  } catch {
    if (block.encrypted) throw new CredentialError('KEY_PASSPHRASE_WRONG', 'The passphrase does not open the private key.', 'Enter it again (it is case-sensitive); nothing was stored.');
    throw new CredentialError('KEY_UNSUPPORTED', `The private key ("${block.label}") could not be read: it is damaged or in a format TLS clients do not support.`, 'Import the key file you created with the CSR.');
  }
  return key;
}

/** Throws when the key cannot serve Nexi's B2B channel (RSA-2048 at least; spec §14.2). */
export function assertUsableKey(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new CredentialError('KEY_NOT_RSA', `The private key is ${String(key.asymmetricKeyType).toUpperCase()}, not RSA.`, "Nexi's B2B channel uses RSA-2048 keys (spec §14.2): create one with \"Nexi: Create Key and CSR for the Nexi Portal\".");
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) {
    throw new CredentialError('KEY_TOO_SMALL', `The private key has ${bits} bits; at least 2048 are needed.`, 'Create a new RSA-2048 key with "Nexi: Create Key and CSR for the Nexi Portal".');
  }
}

/** SHA-256 of the public key (SPKI), to tell keys apart without showing them. */
export function publicKeyId(key: KeyObject): string {
  const spki = createPublicKey(key).export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(spki).digest('hex').slice(0, 16);
}

export function expectedKey(kind: string): CredentialError {
  switch (kind) {
    case 'certificate':
      return new CredentialError('EXPECTED_KEY_GOT_CERTIFICATE', 'This is a certificate, but a private key was expected.', 'Import the .key file you created together with the CSR (a PEM "PRIVATE KEY" block).');
    case 'csr':
      return new CredentialError('EXPECTED_KEY_GOT_CSR', 'This is a certificate signing request (CSR), but a private key was expected.', 'Import the .key file created together with the CSR.');
    case 'publicKey':
      return new CredentialError('KEY_UNSUPPORTED', 'This is a public key, but the private key was expected.', 'Import the .key file created together with the CSR.');
    default:
      return new CredentialError('NOTHING_FOUND', 'No private key was found here.', 'Import the .key file created together with the CSR.');
  }
}
