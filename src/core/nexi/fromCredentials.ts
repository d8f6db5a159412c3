// From an environment's stored credentials (SecretStorage + plain fields, issue 5) to the connection settings of the
// B2B client, and the redacted artefacts the editor offers around a check: "Copy as curl" and the history entry.
// Pure: the editor passes the values in, right before the call, and forgets them afterwards.
import type { CredentialValues } from '../credentials/status';
import type { ConnectionSettings, KeyMaterial } from './connection';
import type { MissingCredential } from './errors';
import { endpoints } from './endpoints';

export interface EnvironmentEndpoints {
  readonly baseUrl: string;
  readonly checkTransactionUrl: string;
}

export type ConnectionResult = { readonly settings: ConnectionSettings } | { readonly missing: readonly MissingCredential[] };

/** The settings, or what is missing for a B2B call (client id and secret, certificate and key), as codes. */
export function connectionFromCredentials(env: EnvironmentEndpoints, values: CredentialValues, extra: Partial<ConnectionSettings> = {}): ConnectionResult {
  const { secrets, plain } = values;
  const missing: MissingCredential[] = [];
  if (!plain.clientId) missing.push('clientId');
  if (!secrets.clientSecret) missing.push('clientSecret');
  let key: KeyMaterial | undefined;
  if (secrets.pkcs12) {
    key = { kind: 'pkcs12', pkcs12: Buffer.from(secrets.pkcs12, 'base64'), passphrase: secrets.pkcs12Passphrase ?? '' };
  } else {
    if (!plain.certificate) missing.push('certificate');
    if (!secrets.privateKey) missing.push('privateKey');
    if (plain.certificate && secrets.privateKey) {
      key = { kind: 'pem', certificate: plain.certificate, privateKey: secrets.privateKey, ...(secrets.privateKeyPassphrase ? { passphrase: secrets.privateKeyPassphrase } : {}) };
    }
  }
  if (missing.length || !key) return { missing };
  const secret = secrets.clientSecret!;
  const terminalIds = [plain.softPosTerminalId, plain.mobilePosTerminalId].filter((t): t is string => !!t);
  return {
    settings: {
      baseUrl: env.baseUrl,
      checkTransactionUrl: env.checkTransactionUrl,
      clientId: plain.clientId!,
      clientSecret: () => secret,
      terminalIds,
      ...(plain.merchantUsername ? { merchantUsername: plain.merchantUsername } : {}),
      ...(plain.deviceId ? { deviceId: plain.deviceId } : {}),
      ...(plain.pointOfSale ? { pointOfSale: plain.pointOfSale } : {}),
      key,
      ...(plain.caBundle ? { ca: plain.caBundle } : {}),
      ...extra,
    },
  };
}

/** Every secret value of the credentials, for redaction of anything shown (messages, logs, copies). */
export function secretValues(values: CredentialValues): string[] {
  return Object.values(values.secrets).filter((v): v is string => typeof v === 'string' && v.length >= 4);
}

const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export interface CurlInput {
  readonly baseUrl: string;
  readonly checkTransactionUrl: string;
  readonly clientId: string;
  readonly terminalId: string;
  readonly callerTrxId: string;
  readonly hasCaBundle: boolean;
  readonly pkcs12: boolean;
}

/**
 * The two curl calls of a check, for a terminal: token, then checkTransaction. Certificate and key appear as file
 * placeholders, the secret as an environment variable, the token and the client assertion as placeholders: nothing
 * secret is ever copied (the assertion is made by the toolkit; curl cannot make one).
 */
export function curlCommands(input: CurlInput): string {
  const tls = input.pkcs12 ? `--cert-type P12 --cert ./client.p12:"$NEXI_KEY_PASSPHRASE"` : '--cert ./client.crt --key ./client.key';
  const ca = input.hasCaBundle ? ' --cacert ./extra-ca.pem' : '';
  const body = JSON.stringify({ terminalId: input.terminalId, callerTrxId: input.callerTrxId });
  return [
    '# 1. Access token (mTLS with your developer certificate; the secret comes from the environment).',
    `curl ${tls}${ca} -X POST ${shellQuote(input.baseUrl.replace(/\/+$/, '') + endpoints.token)} \\`,
    `  -H 'Content-Type: application/x-www-form-urlencoded' \\`,
    `  --data-urlencode 'grant_type=client_credentials' --data-urlencode ${shellQuote(`client_id=${input.clientId}`)} --data-urlencode "client_secret=$NEXI_CLIENT_SECRET"`,
    '',
    '# 2. checkTransaction. <CLIENT_ASSERTION> is a fresh RS256 JWT in an RSA-OAEP-256/A128CBC-HS256 JWE for Nexi\'s',
    '#    JWKS key; it cannot be made with curl ("Nexi: Show Client Assertion Claims" shows what it carries).',
    `curl ${tls}${ca} -X POST ${shellQuote(input.checkTransactionUrl)} \\`,
    `  -H 'Content-Type: application/json' -H 'Authorization: Bearer <ACCESS_TOKEN>' \\`,
    `  -H ${shellQuote(`client_id: ${input.clientId}`)} -H 'client_assertion: <CLIENT_ASSERTION>' \\`,
    `  --data ${shellQuote(body)}`,
    '',
  ].join('\n');
}

/** One line of the check history (globalState): identifiers and outcome only, never a body, token or secret. */
export interface HistoryEntry {
  readonly environmentId: string;
  readonly environmentLabel: string;
  readonly terminalId: string;
  readonly callerTrxId: string;
  /** ISO time of the check. */
  readonly at: string;
  /** `found`, or the NexiError code. */
  readonly outcome: string;
  /** e.g. the backend status word, when found. */
  readonly status?: string;
  /** Set when the check was one of a reconciliation's. */
  readonly via?: 'reconciliation';
}

export const historyLimit = 100;

/** Adds `entry` first, dropping an older identical check and anything beyond the limit. */
export function pushHistory(history: readonly HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const same = (h: HistoryEntry): boolean => h.environmentId === entry.environmentId && h.terminalId === entry.terminalId && h.callerTrxId === entry.callerTrxId;
  return [entry, ...history.filter((h) => !same(h))].slice(0, historyLimit);
}
