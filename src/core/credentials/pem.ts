// PEM (RFC 7468) text and DER framing. Truncation is the most common damage (a partial copy from an e-mail or a
// terminal), so it is detected twice: a BEGIN line without its END line, and DER content shorter than its own
// length header says.
import { CredentialError } from './errors';
import { msg, type CredentialMessageKey } from './messages';

export type PemKind = 'certificate' | 'privateKey' | 'csr' | 'pkcs7' | 'publicKey' | 'other';

export interface PemBlock {
  readonly label: string;
  readonly kind: PemKind;
  /** The whole block, BEGIN to END, with \n line endings. */
  readonly text: string;
  readonly der: Buffer;
  /** An encrypted private key: PKCS#8 `ENCRYPTED PRIVATE KEY`, or legacy PEM with `Proc-Type: 4,ENCRYPTED`. */
  readonly encrypted: boolean;
}

const kinds: Readonly<Record<string, PemKind>> = {
  'CERTIFICATE': 'certificate',
  'X509 CERTIFICATE': 'certificate',
  'PRIVATE KEY': 'privateKey',
  'ENCRYPTED PRIVATE KEY': 'privateKey',
  'RSA PRIVATE KEY': 'privateKey',
  'EC PRIVATE KEY': 'privateKey',
  'DSA PRIVATE KEY': 'privateKey',
  'OPENSSH PRIVATE KEY': 'privateKey',
  'CERTIFICATE REQUEST': 'csr',
  'NEW CERTIFICATE REQUEST': 'csr',
  'PKCS7': 'pkcs7',
  'CMS': 'pkcs7',
  'PUBLIC KEY': 'publicKey',
  'RSA PUBLIC KEY': 'publicKey',
};

/** How messages name a block of each kind: "The certificate (block 1, "CERTIFICATE")". */
const describe: Readonly<Record<PemKind, CredentialMessageKey>> = {
  certificate: 'pemCertificate',
  privateKey: 'pemPrivateKey',
  csr: 'pemCsr',
  pkcs7: 'pemPkcs7',
  publicKey: 'pemPublicKey',
  other: 'pemOther',
};

export function looksLikePem(text: string): boolean {
  return /-----BEGIN [A-Z0-9 #]+-----/.test(text);
}

/**
 * The length a DER value claims (header + content), or undefined when it cannot tell (indefinite-length BER, or
 * fewer than two bytes).
 */
export function derClaimedLength(der: Uint8Array): number | undefined {
  if (der.length < 2) return undefined;
  const first = der[1]!;
  if (first < 0x80) return 2 + first;
  const count = first & 0x7f;
  if (count === 0 || count > 4 || der.length < 2 + count) return undefined;
  let length = 0;
  for (let i = 0; i < count; i++) length = length * 256 + der[2 + i]!;
  return 2 + count + length;
}

/** True when `der` is one complete DER SEQUENCE (what certificates, keys, CSRs, PKCS#7 and PKCS#12 all are). */
export function isCompleteDerSequence(der: Uint8Array): boolean {
  if (der[0] !== 0x30) return false;
  const claimed = derClaimedLength(der);
  return claimed === undefined ? der[1] === 0x80 : claimed === der.length;
}

/**
 * Every PEM block in `text`, in order. Throws PEM_TRUNCATED or PEM_CORRUPT for the first damaged block, naming it,
 * so a partial copy never passes for a complete one.
 */
export function parsePem(text: string): PemBlock[] {
  const normalised = text.replace(/\r\n?/g, '\n');
  const blocks: PemBlock[] = [];
  const begin = /-----BEGIN ([A-Z0-9 #]+)-----/g;
  let match: RegExpExecArray | null;
  let ordinal = 0;
  while ((match = begin.exec(normalised))) {
    ordinal++;
    const label = match[1]!;
    const kind = kinds[label] ?? 'other';
    const what = msg(describe[kind], { ordinal, label });
    const endLine = `-----END ${label}-----`;
    const bodyStart = match.index + match[0].length;
    const endAt = normalised.indexOf(endLine, bodyStart);
    const nextBegin = normalised.indexOf('-----BEGIN ', bodyStart);
    if (endAt < 0 || (nextBegin >= 0 && nextBegin < endAt)) {
      throw new CredentialError('PEM_TRUNCATED', msg('pemNoEnd', { what, endLine }), msg('pemNoEndNext'));
    }
    const body = normalised.slice(bodyStart, endAt);
    // RFC 1421 headers (legacy encrypted keys): "Name: value" lines, then a blank line.
    const lines = body.split('\n').map((l) => l.trim());
    const headers = lines.filter((l) => /^[A-Za-z-]+:/.test(l));
    const base64 = lines.filter((l) => l !== '' && !/^[A-Za-z-]+:/.test(l)).join('');
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(base64) || base64.length % 4 === 1) {
      throw new CredentialError('PEM_CORRUPT', msg('pemNotBase64', { what }), msg('pemNotBase64Next'));
    }
    const der = Buffer.from(base64, 'base64');
    const encrypted = label === 'ENCRYPTED PRIVATE KEY' || headers.some((h) => /^Proc-Type:\s*4,\s*ENCRYPTED/i.test(h));
    const legacyEncrypted = encrypted && label !== 'ENCRYPTED PRIVATE KEY';
    if (der.length === 0 || (!legacyEncrypted && label !== 'OPENSSH PRIVATE KEY' && kind !== 'other' && !isCompleteDerSequence(der))) {
      throw new CredentialError('PEM_TRUNCATED', msg('pemIncomplete', { what }), msg('pemIncompleteNext'));
    }
    blocks.push({ label, kind, text: normalised.slice(match.index, endAt + endLine.length) + '\n', der, encrypted });
    begin.lastIndex = endAt + endLine.length;
  }
  return blocks;
}

export function toPem(label: string, der: Uint8Array): string {
  const base64 = Buffer.from(der).toString('base64');
  return `-----BEGIN ${label}-----\n${base64.replace(/.{1,64}/g, '$&\n')}-----END ${label}-----\n`;
}
