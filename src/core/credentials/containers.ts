// Binary containers: PKCS#12 (.p12/.pfx) and PKCS#7 (.p7b, how Nexi e-mails the signed certificate; spec §14.2),
// and DER files in general. node-forge reads them (it decrypts every PKCS#12 flavour in use: OpenSSL 3's
// PBES2/AES with SHA-256 MAC and the legacy 3DES/RC2 ones); it is required lazily, inside the functions, so
// activating the extension never evaluates it. Certificates and keys leave forge as DER and are handed to Node's
// crypto, which does all checking.
import { KeyObject, X509Certificate, createPrivateKey } from 'crypto';
import type * as ForgeModule from 'node-forge';
import { CredentialError } from './errors';
import { msg } from './messages';
import { PemBlock, PemKind, toPem } from './pem';

type Forge = typeof ForgeModule;
type Asn1 = ForgeModule.asn1.Asn1;

function forge(): Forge {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node-forge') as Forge;
}

const oids = {
  data: '1.2.840.113549.1.7.1',
  signedData: '1.2.840.113549.1.7.2',
  rsaEncryption: '1.2.840.113549.1.1.1',
};

export type DerKind = 'pkcs12' | 'pkcs7' | 'certificate' | 'csr' | 'privateKey' | 'encryptedPrivateKey' | 'publicKey';

function parseDer(f: Forge, der: Uint8Array): Asn1 {
  return f.asn1.fromDer(f.util.createBuffer(Buffer.from(der).toString('binary')), false);
}

function children(node: Asn1 | undefined): Asn1[] {
  return node && Array.isArray(node.value) ? (node.value as Asn1[]) : [];
}

function isType(node: Asn1 | undefined, type: number, tagClass = 0): boolean {
  return !!node && node.tagClass === tagClass && node.type === type;
}

function oidOf(f: Forge, node: Asn1 | undefined): string | undefined {
  return node && isType(node, f.asn1.Type.OID) && typeof node.value === 'string' ? f.asn1.derToOid(node.value) : undefined;
}

function integerOf(node: Asn1 | undefined): number | undefined {
  if (!node || node.tagClass !== 0 || node.type !== 2 || typeof node.value !== 'string' || node.value.length > 4) return undefined;
  let n = 0;
  for (let i = 0; i < node.value.length; i++) n = n * 256 + node.value.charCodeAt(i);
  return n;
}

function toBuffer(f: Forge, node: Asn1): Buffer {
  return Buffer.from(f.asn1.toDer(node).getBytes(), 'binary');
}

/** What a binary (DER) file holds, judged by its ASN.1 shape; undefined when it is none of the known kinds. */
export function sniffDer(der: Uint8Array): DerKind | undefined {
  if (der[0] !== 0x30) return undefined;
  const f = forge();
  let root: Asn1;
  try {
    root = parseDer(f, der);
  } catch {
    return undefined;
  }
  const [a, b, c] = children(root);
  const T = f.asn1.Type;
  // PFX ::= SEQUENCE { version INTEGER (3), authSafe ContentInfo (data), macData OPTIONAL }
  if (integerOf(a) === 3 && oidOf(f, children(b)[0]) === oids.data) return 'pkcs12';
  // ContentInfo ::= SEQUENCE { contentType OID (signedData), [0] content }
  if (oidOf(f, a) === oids.signedData) return 'pkcs7';
  // PrivateKeyInfo ::= SEQUENCE { version, AlgorithmIdentifier, OCTET STRING } ; RSAPrivateKey ::= SEQUENCE { 0, n, e, … }
  if (integerOf(a) !== undefined && isType(b, T.SEQUENCE) && isType(c, T.OCTETSTRING)) return 'privateKey';
  if (integerOf(a) === 0 && isType(b, T.INTEGER) && isType(c, T.INTEGER)) return 'privateKey';
  // EncryptedPrivateKeyInfo ::= SEQUENCE { AlgorithmIdentifier, OCTET STRING }
  if (isType(a, T.SEQUENCE) && oidOf(f, children(a)[0]) !== undefined && isType(b, T.OCTETSTRING) && children(root).length === 2) return 'encryptedPrivateKey';
  // SubjectPublicKeyInfo ::= SEQUENCE { AlgorithmIdentifier, BIT STRING }
  if (isType(a, T.SEQUENCE) && oidOf(f, children(a)[0]) !== undefined && isType(b, T.BITSTRING)) return 'publicKey';
  // Certificate and CertificationRequest are both SEQUENCE { info, AlgorithmIdentifier, BIT STRING }.
  if (isType(a, T.SEQUENCE) && isType(b, T.SEQUENCE) && isType(c, T.BITSTRING)) {
    try {
      new X509Certificate(Buffer.from(der));
      return 'certificate';
    } catch {
      return 'csr';
    }
  }
  return undefined;
}

const derLabels: Readonly<Record<Exclude<DerKind, 'pkcs12'>, [string, PemKind]>> = {
  pkcs7: ['PKCS7', 'pkcs7'],
  certificate: ['CERTIFICATE', 'certificate'],
  csr: ['CERTIFICATE REQUEST', 'csr'],
  privateKey: ['PRIVATE KEY', 'privateKey'],
  encryptedPrivateKey: ['ENCRYPTED PRIVATE KEY', 'privateKey'],
  publicKey: ['PUBLIC KEY', 'publicKey'],
};

/** A DER file as the PEM block it would be, so PEM and DER inputs take the same path afterwards. */
export function derAsPemBlock(der: Uint8Array, kind: Exclude<DerKind, 'pkcs12'>): PemBlock {
  let [label, pemKind] = derLabels[kind];
  let body = Buffer.from(der);
  if (kind === 'privateKey') {
    // A DER RSAPrivateKey (PKCS#1) becomes PKCS#8 so every stored key has one shape.
    try {
      body = createPrivateKey({ key: body, format: 'der', type: 'pkcs8' }).export({ type: 'pkcs8', format: 'der' });
    } catch {
      try {
        body = createPrivateKey({ key: body, format: 'der', type: 'pkcs1' }).export({ type: 'pkcs8', format: 'der' });
      } catch {
        label = 'PRIVATE KEY';
      }
    }
  }
  return { label, kind: pemKind, text: toPem(label, body), der: body, encrypted: kind === 'encryptedPrivateKey' };
}

/** The certificates of a PKCS#7 bundle (.p7b), as DER, in the bundle's order. */
export function readPkcs7Certificates(der: Uint8Array): Buffer[] {
  const f = forge();
  let root: Asn1;
  try {
    root = parseDer(f, der);
  } catch {
    throw new CredentialError('P7B_INVALID', msg('p7bUnreadable'), msg('p7bUnreadableNext'));
  }
  const [type, wrapper] = children(root);
  if (oidOf(f, type) !== oids.signedData) {
    throw new CredentialError('P7B_INVALID', msg('p7bNotSignedData'), msg('p7bNotSignedDataNext'));
  }
  // SignedData ::= SEQUENCE { version, digestAlgorithms SET, encapContentInfo, [0] IMPLICIT certificates, [1] crls, signerInfos }
  const signedData = children(wrapper)[0];
  const certificateSet = children(signedData).find((n) => n.tagClass === f.asn1.Class.CONTEXT_SPECIFIC && n.type === 0);
  // Only plain X.509 certificates (SEQUENCE); the obsolete extended/attribute certificate choices are skipped.
  return children(certificateSet).filter((n) => isType(n, f.asn1.Type.SEQUENCE)).map((n) => toBuffer(f, n));
}

export interface Pkcs12Contents {
  /** The certificate whose public key is the bundle's key. */
  readonly certificate: X509Certificate;
  /** The other certificates (usually the issuing CAs). */
  readonly chain: readonly X509Certificate[];
  readonly key: KeyObject;
}

/**
 * Opens a PKCS#12 bundle. Throws PKCS12_PASSPHRASE_WRONG when the passphrase does not verify or decrypt it, and
 * PKCS12_* errors when it lacks a key or the key's certificate.
 */
export function readPkcs12(der: Uint8Array, passphrase: string): Pkcs12Contents {
  const f = forge();
  let asn: Asn1;
  try {
    asn = parseDer(f, der);
  } catch {
    throw new CredentialError('PKCS12_INVALID', msg('pkcs12Unreadable'), msg('pkcs12UnreadableNext'));
  }
  let p12: ForgeModule.pkcs12.Pkcs12Pfx;
  try {
    p12 = f.pkcs12.pkcs12FromAsn1(asn, true, passphrase);
  } catch (err) {
    if (/password|MAC could not be verified|decrypt/i.test(String((err as Error).message))) {
      throw new CredentialError('PKCS12_PASSPHRASE_WRONG', msg('pkcs12PassphraseWrong'), msg('passphraseRetryNext'));
    }
    throw new CredentialError('PKCS12_INVALID', msg('pkcs12Unsupported'), msg('pkcs12UnsupportedNext'));
  }
  const bags = (type: string): ForgeModule.pkcs12.Bag[] => p12.getBags({ bagType: type })[type] ?? [];
  const keyBags = [...bags(f.pki.oids.pkcs8ShroudedKeyBag!), ...bags(f.pki.oids.keyBag!)];
  if (keyBags.length === 0) throw new CredentialError('PKCS12_NO_KEY', msg('pkcs12NoKey'), msg('pkcs12NoKeyNext'));
  if (keyBags.length > 1) throw new CredentialError('PKCS12_SEVERAL_KEYS', msg('pkcs12SeveralKeys', { count: keyBags.length }), msg('pkcs12SeveralKeysNext'));
  const bag = keyBags[0]!;
  const keyDer = bag.key
    ? toBuffer(f, f.pki.wrapRsaPrivateKey(f.pki.privateKeyToAsn1(bag.key)))
    : toBuffer(f, (bag as ForgeModule.pkcs12.Bag & { asn1: Asn1 }).asn1);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyDer, format: 'der', type: 'pkcs8' });
  } catch {
    throw new CredentialError('KEY_UNSUPPORTED', msg('pkcs12KeyUnreadable'), msg('pkcs12KeyUnreadableNext'));
  }
  const certificates: X509Certificate[] = [];
  for (const certBag of bags(f.pki.oids.certBag!)) {
    const node = certBag.cert ? f.pki.certificateToAsn1(certBag.cert) : (certBag as ForgeModule.pkcs12.Bag & { asn1?: Asn1 }).asn1;
    if (!node) continue;
    try {
      certificates.push(new X509Certificate(toBuffer(f, node)));
    } catch {
      // an unreadable extra certificate does not make the bundle unusable
    }
  }
  const certificate = certificates.find((c) => c.checkPrivateKey(key));
  if (!certificate) {
    throw new CredentialError('PKCS12_NO_CERTIFICATE', msg(certificates.length ? 'pkcs12NoCertificateForKey' : 'pkcs12NoCertificate'), msg('pkcs12NoCertificateNext'));
  }
  return { certificate, chain: certificates.filter((c) => c !== certificate), key };
}

export interface KeyUsage {
  readonly digitalSignature: boolean;
  readonly keyCertSign: boolean;
}

/**
 * The certificate's keyUsage extension (RFC 5280 §4.2.1.3), which Node's X509Certificate does not expose;
 * undefined when the certificate has none. A TLS client certificate needs digitalSignature; a CA, keyCertSign.
 */
export function keyUsageOf(certificate: X509Certificate): KeyUsage | undefined {
  const f = forge();
  const tbs = (parseDer(f, certificate.raw).value as Asn1[])[0];
  const explicit = (tbs?.value as Asn1[] | undefined)?.find((n) => n.tagClass === f.asn1.Class.CONTEXT_SPECIFIC && n.type === 3);
  for (const extension of ((explicit?.value as Asn1[] | undefined)?.[0]?.value as Asn1[] | undefined) ?? []) {
    const parts = extension.value as Asn1[];
    if (f.asn1.derToOid(parts[0]!.value as string) !== '2.5.29.15') continue;
    const bits = f.asn1.fromDer(parts[parts.length - 1]!.value as string, false).value as string;
    const first = bits.length > 1 ? bits.charCodeAt(1) : 0; // byte 0 counts the unused bits
    return { digitalSignature: (first & 0x80) !== 0, keyCertSign: (first & 0x04) !== 0 };
  }
  return undefined;
}
