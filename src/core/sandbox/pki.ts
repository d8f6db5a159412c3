// The sandbox's own PKI, generated in pure JS (Node's WebCrypto + @peculiar/x509, loaded lazily): a CA, a server
// certificate for 127.0.0.1/localhost, and a developer client certificate shaped like the one Nexi signs
// (RSA-2048, extendedKeyUsage clientAuth, OU naming the environment; spec §14.2). Nothing here is ever committed:
// every run makes its own, or reuses what `--pki DIR` saved.
import { createPrivateKey, webcrypto, type KeyObject } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export interface Pem {
  readonly certificate: string;
  readonly privateKey: string;
}

export interface SandboxPki {
  readonly ca: Pem;
  readonly server: Pem;
  /** The developer certificate the sandbox trusts for `clientId` (spec §14.2: the same key signs assertions). */
  readonly client: Pem;
}

const rsa = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) } as const;

function pemOf(label: string, der: ArrayBuffer): string {
  const b64 = Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n').replace(/\n$/, '');
  return `-----BEGIN ${label}-----\n${b64}\n-----END ${label}-----\n`;
}

type X509Module = typeof import('@peculiar/x509');

function x509(): X509Module {
  // @peculiar/x509 needs the Reflect metadata polyfill before it loads; both are required lazily, on first use.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  require('reflect-metadata');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const lib = require('@peculiar/x509') as X509Module;
  lib.cryptoProvider.set(webcrypto as unknown as Parameters<typeof lib.cryptoProvider.set>[0]);
  return lib;
}

type KeyPair = webcrypto.CryptoKeyPair;

async function keyPair(): Promise<KeyPair> {
  return (await webcrypto.subtle.generateKey(rsa, true, ['sign', 'verify'])) as KeyPair;
}

async function exportKey(key: webcrypto.CryptoKey): Promise<string> {
  return pemOf('PRIVATE KEY', await webcrypto.subtle.exportKey('pkcs8', key));
}

function serial(): string {
  // Positive, 16 bytes.
  const bytes = webcrypto.getRandomValues(new Uint8Array(16));
  bytes[0] = bytes[0]! & 0x7f;
  return Buffer.from(bytes).toString('hex');
}

export interface PkiOptions {
  /** Client certificate subject OU; Nexi's staging one is "API Security - STAGING". */
  readonly clientOu?: string;
  readonly clientCn?: string;
  readonly now?: Date;
  /** Validity of the client certificate in days (negative: already expired, for tests). */
  readonly clientValidityDays?: number;
}

export async function generatePki(options: PkiOptions = {}): Promise<SandboxPki> {
  const lib = x509();
  const now = options.now ?? new Date();
  const day = 24 * 3600 * 1000;
  const notBefore = new Date(now.getTime() - day);
  const [caKeys, serverKeys, clientKeys] = await Promise.all([keyPair(), keyPair(), keyPair()]);
  const caName = 'CN=Nexi App2App Toolkit Sandbox CA, O=Nexi App2App Toolkit (local sandbox, not Nexi)';
  const caCert = await lib.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: caName,
    notBefore,
    notAfter: new Date(now.getTime() + 825 * day),
    keys: caKeys,
    signingAlgorithm: rsa,
    extensions: [
      new lib.BasicConstraintsExtension(true, 0, true),
      new lib.KeyUsagesExtension(lib.KeyUsageFlags.keyCertSign | lib.KeyUsageFlags.cRLSign, true),
      await lib.SubjectKeyIdentifierExtension.create(caKeys.publicKey),
    ],
  });
  const issued = async (subject: string, keys: KeyPair, notAfter: Date, extensions: InstanceType<X509Module['Extension']>[]) =>
    lib.X509CertificateGenerator.create({
      serialNumber: serial(),
      subject,
      issuer: caCert.subject,
      notBefore,
      notAfter,
      signingKey: caKeys.privateKey,
      publicKey: keys.publicKey,
      signingAlgorithm: rsa,
      extensions: [
        new lib.BasicConstraintsExtension(false, undefined, true),
        await lib.AuthorityKeyIdentifierExtension.create(caCert, false),
        await lib.SubjectKeyIdentifierExtension.create(keys.publicKey),
        ...extensions,
      ],
    });
  const serverCert = await issued('CN=localhost, O=Nexi App2App Toolkit sandbox', serverKeys, new Date(now.getTime() + 825 * day), [
    new lib.KeyUsagesExtension(lib.KeyUsageFlags.digitalSignature | lib.KeyUsageFlags.keyEncipherment, true),
    new lib.ExtendedKeyUsageExtension([lib.ExtendedKeyUsage.serverAuth]),
    new lib.SubjectAlternativeNameExtension([
      { type: 'dns', value: 'localhost' },
      { type: 'ip', value: '127.0.0.1' },
      { type: 'ip', value: '::1' },
    ]),
  ]);
  const clientDays = options.clientValidityDays ?? 365;
  const clientCert = await issued(
    `CN=${options.clientCn ?? 'SANDBOXAPP'}, O=NEXI, OU=${options.clientOu ?? 'API Security - SANDBOX'}, L=Milano, C=IT`,
    clientKeys,
    new Date(now.getTime() + clientDays * day),
    [
      new lib.KeyUsagesExtension(lib.KeyUsageFlags.digitalSignature | lib.KeyUsageFlags.keyEncipherment, true),
      new lib.ExtendedKeyUsageExtension([lib.ExtendedKeyUsage.clientAuth]),
    ],
  );
  return {
    ca: { certificate: caCert.toString('pem') + '\n', privateKey: await exportKey(caKeys.privateKey) },
    server: { certificate: serverCert.toString('pem') + '\n', privateKey: await exportKey(serverKeys.privateKey) },
    client: { certificate: clientCert.toString('pem') + '\n', privateKey: await exportKey(clientKeys.privateKey) },
  };
}

/** Issues another client certificate from the same CA (tests: a second app, an expired certificate…). */
export async function issueClientCertificate(pki: SandboxPki, options: PkiOptions = {}): Promise<Pem> {
  const lib = x509();
  const now = options.now ?? new Date();
  const day = 24 * 3600 * 1000;
  const caCert = new lib.X509Certificate(pki.ca.certificate);
  const caKey = await webcrypto.subtle.importKey('pkcs8', pemBody(pki.ca.privateKey), rsa, false, ['sign']);
  const keys = await keyPair();
  const days = options.clientValidityDays ?? 365;
  const cert = await lib.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `CN=${options.clientCn ?? 'OTHERAPP'}, O=NEXI, OU=${options.clientOu ?? 'API Security - SANDBOX'}, L=Milano, C=IT`,
    issuer: caCert.subject,
    notBefore: new Date(now.getTime() + Math.min(0, days) * day - day),
    notAfter: new Date(now.getTime() + days * day),
    signingKey: caKey,
    publicKey: keys.publicKey,
    signingAlgorithm: rsa,
    extensions: [new lib.BasicConstraintsExtension(false, undefined, true), new lib.ExtendedKeyUsageExtension([lib.ExtendedKeyUsage.clientAuth])],
  });
  return { certificate: cert.toString('pem') + '\n', privateKey: await exportKey(keys.privateKey) };
}

function pemBody(pem: string): ArrayBuffer {
  const b = Buffer.from(pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, ''), 'base64');
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
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
