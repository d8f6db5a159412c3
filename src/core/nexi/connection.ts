// From credential material (what the CLI reads from files and the extension from SecretStorage) to a ready client:
// the developer certificate and key serve both mTLS and the assertion signature (spec §14.2); a PKCS#12 bundle is
// opened once and used as a PEM pair (OpenSSL 3 refuses the legacy ciphers many .p12 files use).
import { createPrivateKey, X509Certificate, type KeyObject } from 'crypto';
import { readPkcs12 } from '../credentials/containers';
import { NexiClient, type ClientConfig } from './client';
import { NexiError } from './errors';
import type { TransportOptions } from './http';

export type KeyMaterial =
  | { readonly kind: 'pem'; readonly certificate: string; readonly privateKey: string; readonly passphrase?: string }
  | { readonly kind: 'pkcs12'; readonly pkcs12: Uint8Array; readonly passphrase: string };

export interface ConnectionSettings {
  readonly baseUrl: string;
  readonly checkTransactionUrl?: string;
  readonly clientId: string;
  readonly clientSecret: () => string | Promise<string>;
  readonly terminalIds: readonly string[];
  readonly merchantUsername?: string;
  readonly deviceId?: string;
  readonly pointOfSale?: string;
  readonly key: KeyMaterial;
  /** Extra CA bundle (PEM). */
  readonly ca?: string;
  readonly proxy?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeouts?: TransportOptions['timeouts'];
  readonly onEvent?: ClientConfig['onEvent'];
  readonly now?: () => number;
  readonly retry?: ClientConfig['retry'];
}

/**
 * The certificate (PEM) and the private key object of the material, checked against each other before anything is
 * sent: a wrong passphrase is KEY_PASSPHRASE_WRONG, an unreadable key KEY_UNUSABLE, a key that is not the
 * certificate's CERTIFICATE_KEY_MISMATCH — local failures, never dressed up as a server's answer.
 */
export function openKeyMaterial(key: KeyMaterial): { certificate: string; privateKey: KeyObject } {
  let opened: { certificate: string; privateKey: KeyObject };
  // A certificate where the key should be (and, most likely, the key where the certificate should be): say so, rather
  // than leave the decoder's "unsupported" to read as a passphrase problem.
  if (key.kind === 'pem' && !/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(key.privateKey) && /-----BEGIN CERTIFICATE-----/.test(key.privateKey)) {
    throw new NexiError('KEY_UNUSABLE', { cause: 'the key file holds a certificate, not a private key: are the certificate and the key swapped?' });
  }
  try {
    if (key.kind === 'pem') {
      opened = { certificate: key.certificate, privateKey: createPrivateKey({ key: key.privateKey, format: 'pem', ...(key.passphrase !== undefined ? { passphrase: key.passphrase } : {}) }) };
    } else {
      const p12 = readPkcs12(key.pkcs12, key.passphrase);
      opened = { certificate: [p12.certificate, ...p12.chain].map((c) => c.toString()).join('\n'), privateKey: p12.key };
    }
  } catch (err) {
    const message = (err as Error).message;
    const code = (err as { code?: string }).code ?? '';
    // A wrong passphrase usually fails the padding check ("bad decrypt"), but about one time in 256 the garbage
    // decrypts with valid padding and fails later as undecodable DER: an encrypted key that does not open with the
    // passphrase given is a wrong passphrase either way.
    const encrypted = key.kind === 'pem' && key.passphrase !== undefined && /-----BEGIN (ENCRYPTED PRIVATE KEY|RSA PRIVATE KEY-----[\s\S]*?Proc-Type: 4,ENCRYPTED)/.test(key.privateKey);
    if (encrypted || /passphrase|decrypt|bad decrypt|PASSPHRASE/i.test(`${message} ${code}`)) throw new NexiError('KEY_PASSPHRASE_WRONG', { cause: 'wrong passphrase' });
    throw new NexiError('KEY_UNUSABLE', { cause: message.split('\n')[0]! });
  }
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(opened.certificate);
  } catch {
    throw new NexiError('KEY_UNUSABLE', { cause: 'the certificate is not readable PEM' });
  }
  if (!certificate.checkPrivateKey(opened.privateKey)) throw new NexiError('CERTIFICATE_KEY_MISMATCH', { cause: 'the private key does not match the certificate' });
  return opened;
}

export function createClient(settings: ConnectionSettings): NexiClient {
  const { certificate, privateKey } = openKeyMaterial(settings.key);
  const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  return new NexiClient({
    baseUrl: settings.baseUrl,
    ...(settings.checkTransactionUrl ? { checkTransactionUrl: settings.checkTransactionUrl } : {}),
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    terminalIds: settings.terminalIds,
    ...(settings.merchantUsername ? { merchantUsername: settings.merchantUsername } : {}),
    ...(settings.deviceId ? { deviceId: settings.deviceId } : {}),
    ...(settings.pointOfSale ? { pointOfSale: settings.pointOfSale } : {}),
    signingKey: privateKey,
    transport: {
      tls: { cert: certificate, key: keyPem, ...(settings.ca ? { ca: settings.ca } : {}) },
      ...(settings.proxy ? { proxy: settings.proxy } : {}),
      ...(settings.env ? { env: settings.env } : {}),
      ...(settings.timeouts ? { timeouts: settings.timeouts } : {}),
    },
    ...(settings.onEvent ? { onEvent: settings.onEvent } : {}),
    ...(settings.now ? { now: settings.now } : {}),
    ...(settings.retry ? { retry: settings.retry } : {}),
  });
}
