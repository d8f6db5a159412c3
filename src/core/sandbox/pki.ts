// The sandbox's own PKI, generated without openssl: Node makes the RSA-2048 keys, node-forge (already the toolkit's
// lazily loaded PKCS#12/PKCS#7/CSR library) issues a CA, a server certificate for 127.0.0.1/localhost and a
// developer client certificate shaped like the one Nexi signs (extendedKeyUsage clientAuth, OU naming the
// environment; spec §14.2). Nothing here is ever committed: every run makes its own, or reuses what `--pki DIR` saved.
import { createPrivateKey, generateKeyPair, randomBytes, type KeyObject } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type * as ForgeModule from 'node-forge';

export interface Pem {
  readonly certificate: string;
  readonly privateKey: string;
}

export interface SandboxPki {
  readonly ca: Pem;
  readonly server: Pem;
  /** The developer certificate the sandbox trusts for its client id (spec §14.2: the same key signs assertions). */
  readonly client: Pem;
}

export interface PkiOptions {
  /** Client certificate subject OU; Nexi's staging one is "API Security - STAGING". */
  readonly clientOu?: string;
  readonly clientCn?: string;
  readonly now?: Date;
  /** Validity of the client certificate in days (negative: already expired, for tests). */
  readonly clientValidityDays?: number;
}

function forge(): typeof ForgeModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('node-forge') as typeof ForgeModule;
}

const day = 24 * 3600 * 1000;

interface KeyPairPem {
  readonly privateKey: string;
  readonly publicKey: string;
}

function newKeyPair(): Promise<KeyPairPem> {
  return new Promise((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } }, (err, publicKey, privateKey) =>
      err ? reject(err) : resolve({ privateKey, publicKey }),
    ),
  );
}

type Attr = { shortName: string; value: string };

function subject(parts: Record<string, string>): Attr[] {
  return Object.entries(parts).map(([shortName, value]) => ({ shortName, value }));
}

interface Issue {
  readonly subject: Attr[];
  readonly publicKey: string;
  readonly issuer?: { readonly certificate: ForgeModule.pki.Certificate; readonly privateKey: string };
  readonly selfSignKey?: string;
  readonly notBefore: Date;
  readonly notAfter: Date;
  readonly extensions: object[];
}

function issue(spec: Issue): ForgeModule.pki.Certificate {
  const f = forge();
  const cert = f.pki.createCertificate();
  // Positive 16-byte serial.
  const serial = randomBytes(16);
  serial[0] = serial[0]! & 0x7f;
  cert.serialNumber = serial.toString('hex');
  cert.publicKey = f.pki.publicKeyFromPem(spec.publicKey);
  cert.validity.notBefore = spec.notBefore;
  cert.validity.notAfter = spec.notAfter;
  cert.setSubject(spec.subject);
  cert.setIssuer(spec.issuer ? spec.issuer.certificate.subject.attributes : spec.subject);
  cert.setExtensions([...spec.extensions, { name: 'subjectKeyIdentifier' }, ...(spec.issuer ? [{ name: 'authorityKeyIdentifier', keyIdentifier: spec.issuer.certificate.generateSubjectKeyIdentifier().getBytes() }] : [])]);
  const signer = spec.issuer?.privateKey ?? spec.selfSignKey!;
  cert.sign(f.pki.privateKeyFromPem(signer) as ForgeModule.pki.rsa.PrivateKey, f.md.sha256.create());
  return cert;
}

const clientExtensions = [
  { name: 'basicConstraints', cA: false, critical: true },
  { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
  { name: 'extKeyUsage', clientAuth: true },
];

function clientSubject(options: PkiOptions, cn: string): Attr[] {
  return subject({ CN: options.clientCn ?? cn, O: 'NEXI', OU: options.clientOu ?? 'API Security - SANDBOX', L: 'Milano', C: 'IT' });
}

export async function generatePki(options: PkiOptions = {}): Promise<SandboxPki> {
  const f = forge();
  const now = options.now ?? new Date();
  const notBefore = new Date(now.getTime() - day);
  const [caKeys, serverKeys, clientKeys] = await Promise.all([newKeyPair(), newKeyPair(), newKeyPair()]);
  const ca = issue({
    subject: subject({ CN: 'Nexi App2App Toolkit Sandbox CA', O: 'Nexi App2App Toolkit (local sandbox, not Nexi)' }),
    publicKey: caKeys.publicKey,
    selfSignKey: caKeys.privateKey,
    notBefore,
    notAfter: new Date(now.getTime() + 825 * day),
    extensions: [
      { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const issuer = { certificate: ca, privateKey: caKeys.privateKey };
  const server = issue({
    subject: subject({ CN: 'localhost', O: 'Nexi App2App Toolkit sandbox' }),
    publicKey: serverKeys.publicKey,
    issuer,
    notBefore,
    notAfter: new Date(now.getTime() + 825 * day),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  });
  const clientDays = options.clientValidityDays ?? 365;
  const client = issue({
    subject: clientSubject(options, 'SANDBOXAPP'),
    publicKey: clientKeys.publicKey,
    issuer,
    notBefore,
    notAfter: new Date(now.getTime() + clientDays * day),
    extensions: clientExtensions,
  });
  const pem = (c: ForgeModule.pki.Certificate): string => f.pki.certificateToPem(c).replace(/\r\n/g, '\n');
  return {
    ca: { certificate: pem(ca), privateKey: caKeys.privateKey },
    server: { certificate: pem(server), privateKey: serverKeys.privateKey },
    client: { certificate: pem(client), privateKey: clientKeys.privateKey },
  };
}

/** Issues another client certificate from the same CA (tests: a second app, an expired certificate…). */
export async function issueClientCertificate(pki: SandboxPki, options: PkiOptions = {}): Promise<Pem> {
  const f = forge();
  const now = options.now ?? new Date();
  const keys = await newKeyPair();
  const days = options.clientValidityDays ?? 365;
  const cert = issue({
    subject: clientSubject(options, 'OTHERAPP'),
    publicKey: keys.publicKey,
    issuer: { certificate: f.pki.certificateFromPem(pki.ca.certificate), privateKey: pki.ca.privateKey },
    notBefore: new Date(now.getTime() + Math.min(0, days) * day - day),
    notAfter: new Date(now.getTime() + days * day),
    extensions: clientExtensions,
  });
  return { certificate: f.pki.certificateToPem(cert).replace(/\r\n/g, '\n'), privateKey: keys.privateKey };
}

export function privateKeyObject(pem: string): KeyObject {
  return createPrivateKey(pem);
}

const files = {
  'ca.crt': (p: SandboxPki) => p.ca.certificate,
  'ca.key': (p: SandboxPki) => p.ca.privateKey,
  'server.crt': (p: SandboxPki) => p.server.certificate,
  'server.key': (p: SandboxPki) => p.server.privateKey,
  'client.crt': (p: SandboxPki) => p.client.certificate,
  'client.key': (p: SandboxPki) => p.client.privateKey,
} as const;

/** Paths of the PKI files in `dir` (what `nexi-app2app sandbox --pki DIR` prints). */
export function pkiPaths(dir: string): Record<keyof typeof files, string> {
  return Object.fromEntries(Object.keys(files).map((f) => [f, path.join(dir, f)])) as Record<keyof typeof files, string>;
}

/** Loads the PKI saved in `dir`, or generates one and saves it there (keys with mode 0600). */
export async function loadOrCreatePki(dir: string, options: PkiOptions = {}): Promise<{ pki: SandboxPki; created: boolean }> {
  const paths = pkiPaths(dir);
  if (Object.values(paths).every((p) => fs.existsSync(p))) {
    const read = (f: keyof typeof files) => fs.readFileSync(paths[f], 'utf8');
    return {
      pki: {
        ca: { certificate: read('ca.crt'), privateKey: read('ca.key') },
        server: { certificate: read('server.crt'), privateKey: read('server.key') },
        client: { certificate: read('client.crt'), privateKey: read('client.key') },
      },
      created: false,
    };
  }
  const pki = await generatePki(options);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  for (const [f, get] of Object.entries(files)) fs.writeFileSync(path.join(dir, f), get(pki), { mode: f.endsWith('.key') ? 0o600 : 0o644 });
  return { pki, created: true };
}
