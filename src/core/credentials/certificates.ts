// Inspecting and checking developer certificates and their keys. Node's own X509Certificate and KeyObject do the
// parsing (no library needed for this part); the checks are the ones the issue lists: certificate and key match,
// expiry (warn under 30 days), extendedKeyUsage clientAuth, RSA ≥ 2048, and the subject OU naming STAGING vs the
// environment the certificate is stored under (spec §14.2).
import { KeyObject, X509Certificate, createHash, createPrivateKey, createPublicKey } from 'crypto';
import type { CertificateFlavour } from '../environments';
import { CredentialError } from './errors';
import { msg, text } from './messages';
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
    throw new CredentialError('CERTIFICATE_INVALID', msg('certificateUnreadable'), msg('certificateUnreadableNext'));
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
    findings.push({ code: 'CERT_EXPIRED', severity: 'error', message: text('certExpired', { date: date(info.notAfter) }) });
  } else if (info.notAfter.getTime() - now.getTime() < expiryWarningDays * day) {
    const days = Math.floor((info.notAfter.getTime() - now.getTime()) / day);
    const when = days === 0 ? text('expiresWithinDay') : text(days === 1 ? 'expiresInOneDay' : 'expiresInDays', { days });
    findings.push({ code: 'CERT_EXPIRING', severity: 'warning', message: text('certExpiring', { when, date: date(info.notAfter) }) });
  }
  if (info.notBefore.getTime() > now.getTime()) {
    findings.push({ code: 'CERT_NOT_YET_VALID', severity: 'error', message: text('certNotYetValid', { date: date(info.notBefore) }) });
  }
  if (info.extendedKeyUsage === undefined) {
    findings.push({ code: 'CERT_NO_EKU', severity: 'warning', message: text('certNoEku') });
  } else if (!info.extendedKeyUsage.includes(clientAuthOid) && !info.extendedKeyUsage.includes(anyExtendedKeyUsageOid)) {
    findings.push({ code: 'CERT_NO_CLIENT_AUTH', severity: 'error', message: text('certNoClientAuth') });
  }
  if (info.keyType !== 'rsa') {
    findings.push({ code: 'CERT_KEY_NOT_RSA', severity: 'error', message: text('certKeyNotRsa', { keyType: info.keyType.toUpperCase() }) });
  } else if ((info.keyBits ?? 0) < 2048) {
    findings.push({ code: 'CERT_KEY_TOO_SMALL', severity: 'error', message: text('certKeyTooSmall', { bits: info.keyBits ?? '?' }) });
  }
  if (options.flavour === 'production' && isStagingOu(info)) {
    findings.push({ code: 'CERT_STAGING_IN_PRODUCTION', severity: 'error', message: text('certStagingInProduction', { ou: info.subjectFields.OU!.join(', ') }) });
  } else if (options.flavour === 'staging' && !isStagingOu(info)) {
    findings.push({ code: 'CERT_NOT_STAGING', severity: 'warning', message: text('certNotStaging', { ou: (info.subjectFields.OU ?? [text('noOu')]).join(', ') }) });
  }
  if (info.isCA) {
    findings.push({ code: 'CERT_IS_CA', severity: 'warning', message: text('certIsCa') });
  }
  if (options.key && !certificate.checkPrivateKey(options.key)) {
    findings.push({ code: 'CERT_KEY_MISMATCH', severity: 'error', message: text('certKeyMismatch') });
  }
  return findings;
}

/** The private key of a PEM block (decrypted with `passphrase` when it is encrypted). */
export function readPrivateKey(block: PemBlock, passphrase?: string): KeyObject {
  if (block.kind !== 'privateKey') throw expectedKey(block.kind);
  if (block.label === 'OPENSSH PRIVATE KEY') {
    throw new CredentialError('KEY_UNSUPPORTED', msg('keyOpenSsh'), msg('keyOpenSshNext'));
  }
  if (block.encrypted && !passphrase) {
    throw new CredentialError('KEY_PASSPHRASE_REQUIRED', msg('keyPassphraseRequired'), msg('keyPassphraseRequiredNext'));
  }
  let key: KeyObject;
  try {
    key = createPrivateKey(block.encrypted ? { key: block.text, format: 'pem', passphrase: passphrase! } : { key: block.text, format: 'pem' });
  } catch {
    if (block.encrypted) throw new CredentialError('KEY_PASSPHRASE_WRONG', msg('keyPassphraseWrong'), msg('passphraseRetryNext'));
    throw new CredentialError('KEY_UNSUPPORTED', msg('keyUnreadable', { label: block.label }), msg('keyUnreadableNext'));
  }
  return key;
}

/** Throws when the key cannot serve Nexi's B2B channel (RSA-2048 at least; spec §14.2). */
export function assertUsableKey(key: KeyObject): void {
  if (key.asymmetricKeyType !== 'rsa') {
    throw new CredentialError('KEY_NOT_RSA', msg('keyNotRsa', { keyType: String(key.asymmetricKeyType).toUpperCase() }), msg('keyNotRsaNext'));
  }
  const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
  if (bits < 2048) {
    throw new CredentialError('KEY_TOO_SMALL', msg('keyTooSmall', { bits }), msg('keyTooSmallNext'));
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
      return new CredentialError('EXPECTED_KEY_GOT_CERTIFICATE', msg('expectedKeyGotCertificate'), msg('expectedKeyGotCertificateNext'));
    case 'csr':
      return new CredentialError('EXPECTED_KEY_GOT_CSR', msg('expectedKeyGotCsr'), msg('importKeyFileNext'));
    case 'publicKey':
      return new CredentialError('KEY_UNSUPPORTED', msg('expectedKeyGotPublicKey'), msg('importKeyFileNext'));
    default:
      return new CredentialError('NOTHING_FOUND', msg('noPrivateKeyFound'), msg('importKeyFileNext'));
  }
}
