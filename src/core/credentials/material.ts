// Reading what a file or the clipboard holds: PEM text (any number of blocks), a binary DER file, a PKCS#7 bundle
// (.p7b, PEM or DER) or a PKCS#12 bundle (.p12/.pfx). The result is neutral ("what is in it"); importing.ts
// decides where it goes.
import { X509Certificate } from 'crypto';
import { derAsPemBlock, readPkcs7Certificates, sniffDer } from './containers';
import { parseCertificate } from './certificates';
import { CredentialError } from './errors';
import { msg } from './messages';
import { PemBlock, looksLikePem, parsePem } from './pem';

export type Material =
  | { readonly kind: 'pkcs12'; readonly der: Buffer }
  | {
      readonly kind: 'blocks';
      readonly certificates: readonly X509Certificate[];
      readonly keys: readonly PemBlock[];
      readonly csrs: number;
      readonly publicKeys: number;
      /** The certificates came from a PKCS#7 bundle (a .p7b). */
      readonly pkcs7: boolean;
    };

function nothingFound(where: string): CredentialError {
  return new CredentialError('NOTHING_FOUND', msg('nothingFound', { where }), msg('nothingFoundNext'));
}

function fromBlocks(blocks: readonly PemBlock[], where: string): Material {
  const certificates: X509Certificate[] = [];
  let pkcs7 = false;
  for (const block of blocks) {
    if (block.kind === 'certificate') certificates.push(parseCertificate(block.der));
    if (block.kind === 'pkcs7') {
      pkcs7 = true;
      for (const der of readPkcs7Certificates(block.der)) certificates.push(parseCertificate(der));
    }
  }
  const keys = blocks.filter((b) => b.kind === 'privateKey');
  const csrs = blocks.filter((b) => b.kind === 'csr').length;
  const publicKeys = blocks.filter((b) => b.kind === 'publicKey').length;
  if (pkcs7 && certificates.length === 0) {
    throw new CredentialError('P7B_NO_CERTIFICATE', msg('p7bNoCertificate', { where }), msg('p7bNoCertificateNext'));
  }
  if (certificates.length + keys.length + csrs + publicKeys === 0) throw nothingFound(where);
  return { kind: 'blocks', certificates, keys, csrs, publicKeys, pkcs7 };
}

/**
 * Reads `bytes` (a file's content, or clipboard text as UTF-8). `where` names the source in messages, e.g.
 * `"nexi.p7b"` or `"the clipboard"`. Throws a CredentialError for damaged or unrecognised input.
 */
export function readMaterial(bytes: Uint8Array, where: string): Material {
  const buffer = Buffer.from(bytes);
  const text = buffer.toString('utf8');
  if (looksLikePem(text)) return fromBlocks(parsePem(text), where);
  let der = buffer;
  // Base64 without PEM armour (e.g. a .p12 copied as text): decode it and look again.
  const compact = text.replace(/\s+/g, '');
  if (compact.length >= 64 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) der = Buffer.from(compact, 'base64');
  const kind = sniffDer(der);
  if (!kind) throw nothingFound(where);
  if (kind === 'pkcs12') return { kind: 'pkcs12', der };
  if (kind === 'pkcs7') return fromBlocks([derAsPemBlock(der, 'pkcs7')], where);
  return fromBlocks([derAsPemBlock(der, kind)], where);
}

/** True when opening the material needs a passphrase (an encrypted private key, or any PKCS#12 bundle). */
export function needsPassphrase(material: Material): 'pkcs12' | 'privateKey' | undefined {
  if (material.kind === 'pkcs12') return 'pkcs12';
  return material.keys.some((k) => k.encrypted) ? 'privateKey' : undefined;
}
