// The client assertion of spec §14.6: a JSON claim set, signed as an RS256 JWS with the developer's private key
// (the same key as for mTLS), then encrypted as a compact JWE (RSA-OAEP-256 / A128CBC-HS256) with an RSA key from
// Nexi's JWKS — the algorithms Nexi's samples use (the portal names only the standards, §16.29). A fresh assertion
// (new jti, iat, exp) for every attempt. jose is required on first use only.
//
// jose 5, not 6: jose 5's Node build does JOSE with node:crypto, jose 6 with WebCrypto everywhere. Measured on
// Node 20 and 24, an assertion costs 2.0 ms of CPU with jose 6 against 1.1 ms with jose 5 (the JWE part 0.9 ms against
// 0.2: A128CBC-HS256 alone is three WebCrypto jobs), and the sandbox's decryption 2.1 ms against 1.2; reconciling a
// log at concurrency 8 is CPU-bound on both sides (`npm run bench`). Same API for what is used here.
import { randomUUID, type KeyObject } from 'crypto';
import type * as Jose from 'jose';
import { NexiError } from './errors';

export const assertionAlgorithms = { signature: 'RS256', keyManagement: 'RSA-OAEP-256', contentEncryption: 'A128CBC-HS256' } as const;
export const defaultAssertionLifetime = 300; // seconds: "5 minutes recommended" [RECON]
export const maxAssertionLifetime = 900; // "maximum 15 minutes" (spec §14.6)

export interface AssertionIdentity {
  readonly clientId: string;
  /** B2B base URL: the `aud` claim, with scheme and without trailing slash (spec §14.6, [FAQ PAR 400]). */
  readonly baseUrl: string;
  /** The environment's configured terminal ids (at most one SoftPOS and one MobilePOS). */
  readonly terminalIds: readonly string[];
  readonly merchantUsername?: string;
  readonly deviceId?: string;
  readonly pointOfSale?: string;
  readonly lifetimeSeconds?: number;
}

export interface AssertionClaims {
  readonly appId: string;
  readonly terminal_ids: readonly string[];
  readonly app_username_merchant?: string;
  readonly app_deviceid?: string;
  readonly pointOfSale?: string;
  readonly iss: string;
  readonly sub: string;
  readonly aud: string;
  readonly iat: number;
  readonly exp: number;
  readonly jti: string;
}

/** `https://host/` → `https://host` (the aud Nexi expects has a scheme and no trailing slash). */
export function audienceOf(baseUrl: string): string {
  const u = new URL(baseUrl);
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, '')}`;
}

/**
 * The claims sent for a check of `terminalId`: terminal_ids always includes it (the requested TID first), and
 * holds at most two ids (one SoftPOS, one mPOS, [RECON]).
 */
export function assertionClaims(identity: AssertionIdentity, terminalId: string, nowSeconds: number): AssertionClaims {
  const lifetime = Math.min(Math.max(1, identity.lifetimeSeconds ?? defaultAssertionLifetime), maxAssertionLifetime);
  const terminals = [terminalId, ...identity.terminalIds.filter((t) => t !== terminalId)].slice(0, 2);
  return {
    appId: identity.clientId,
    terminal_ids: terminals,
    ...(identity.merchantUsername ? { app_username_merchant: identity.merchantUsername } : {}),
    ...(identity.deviceId ? { app_deviceid: identity.deviceId } : {}),
    ...(identity.pointOfSale ? { pointOfSale: identity.pointOfSale } : {}),
    iss: identity.clientId,
    sub: identity.clientId,
    aud: audienceOf(identity.baseUrl),
    iat: nowSeconds,
    exp: nowSeconds + lifetime,
    jti: randomUUID(),
  };
}

export interface EncryptionKey {
  readonly jwk: Jose.JWK;
  readonly kid?: string;
}

/** The JWKS key to encrypt with: an RSA key meant for encryption (use "enc", or no use and a compatible alg). */
export function pickEncryptionKey(keys: readonly Jose.JWK[]): EncryptionKey | undefined {
  const rsa = keys.filter((k) => k.kty === 'RSA' && k.n && k.e && (k.alg === undefined || k.alg === assertionAlgorithms.keyManagement || k.alg.startsWith('RSA-OAEP')));
  const chosen = rsa.find((k) => k.use === 'enc') ?? rsa.find((k) => k.use === undefined && (!k.key_ops || k.key_ops.includes('encrypt') || k.key_ops.includes('wrapKey')));
  return chosen ? { jwk: chosen, ...(chosen.kid ? { kid: chosen.kid } : {}) } : undefined;
}

/** Imported JWKS keys, per key object of the client's JWKS cache (a new JWKS brings new objects). */
const importedKeys = new WeakMap<Jose.JWK, Promise<Jose.KeyLike | Uint8Array>>();

function jose(): typeof Jose {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('jose') as typeof Jose;
}

/** Signs and encrypts `claims`; returns the compact JWE for the `client_assertion` header/field. */
export async function makeClientAssertion(claims: AssertionClaims, signingKey: KeyObject, encryption: EncryptionKey): Promise<string> {
  const j = jose();
  let jws: string;
  try {
    jws = await new j.SignJWT({ ...claims }).setProtectedHeader({ alg: assertionAlgorithms.signature, typ: 'JWT' }).sign(signingKey);
  } catch (err) {
    throw new NexiError('KEY_UNUSABLE', { cause: (err as Error).message });
  }
  let publicKey = importedKeys.get(encryption.jwk);
  if (!publicKey) {
    publicKey = j.importJWK({ ...encryption.jwk, alg: assertionAlgorithms.keyManagement }, assertionAlgorithms.keyManagement);
    importedKeys.set(encryption.jwk, publicKey);
    // A key that cannot be imported is not remembered: the next JWKS fetch brings a new object anyway.
    publicKey.catch(() => importedKeys.delete(encryption.jwk));
  }
  const key = await publicKey;
  return new j.CompactEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg: assertionAlgorithms.keyManagement, enc: assertionAlgorithms.contentEncryption, ...(encryption.kid ? { kid: encryption.kid } : {}) })
    .encrypt(key);
}
