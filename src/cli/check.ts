// nexi-app2app check --terminal-id TID --caller-trx-id ID [connection options] [--json]
// Secrets never come from argv: the client secret from NEXI_CLIENT_SECRET (or the first line of standard input),
// a key/PKCS#12 passphrase, when the key needs one, from NEXI_KEY_PASSPHRASE (or the next line of standard input).
import * as fs from 'fs';
import { explainCheckResult } from '../core/explain/checkResult';
import { createClient, type KeyMaterial } from '../core/nexi/connection';
import { endpoints } from '../core/nexi/client';
import { errorInfo, isNexiError } from '../core/nexi/errors';
import { redact } from '../core/redact';
import { UsageError, type Io } from './io';
import { readProfile, type Profile } from './profiles';
import { styler } from './render';

export const checkHelp = `Usage: nexi-app2app check --terminal-id TID --caller-trx-id ID [options] [--json]

Looks a transaction up with Nexi's B2B checkTransaction API (token over mTLS, JWKS, RS256 JWT in a JWE).

Connection options (or --env NAME for a profile in ~/.config/nexi-app2app/profiles.json):
  --base-url URL          token/JWKS base, also the assertion's aud (e.g. https://stgb2bsoftpos.nexigroup.com)
  --check-url URL         checkTransaction URL (default: base URL + ${endpoints.checkTransaction})
  --cert FILE --key FILE  developer certificate and private key (PEM), or
  --p12 FILE              PKCS#12 bundle
  --ca FILE               extra CA bundle (PEM), trusted in addition to the system roots
  --app-id ID             client id (APP ID)
  --terminal-ids T1,T2    terminal ids of the app (default: the one checked)
  --username EMAIL  --device-id ID  --point-of-sale CODE   optional assertion claims
  --proxy URL             HTTP proxy (default: HTTPS_PROXY, honouring NO_PROXY)
Secrets: NEXI_CLIENT_SECRET and NEXI_KEY_PASSPHRASE (only for an encrypted key or a PKCS#12), or standard input,
one per line, in that order, for those not set in the environment. Never on the command line.
Exit status: 0 found, 3 not found, 1 other errors (the message starts with the error code), 2 usage.
`;

const valued = ['--terminal-id', '--caller-trx-id', '--base-url', '--check-url', '--ca', '--cert', '--key', '--p12', '--app-id', '--terminal-ids', '--username', '--device-id', '--point-of-sale', '--env', '--proxy'];
const forbidden = /^--(client-secret|secret|passphrase|password|key-passphrase)(=|$)/;

export function parseCheckArgs(argv: readonly string[]): { values: Map<string, string>; json: boolean } {
  const values = new Map<string, string>();
  let json = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (forbidden.test(a)) throw new UsageError(`${a.split('=')[0]} is not accepted on the command line (it would land in shell history and process lists); use the environment variable NEXI_CLIENT_SECRET / NEXI_KEY_PASSPHRASE or standard input`);
    if (a === '--json') {
      json = true;
      continue;
    }
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (!valued.includes(flag)) throw new UsageError(`unknown option ${a}`);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  return { values, json };
}

function readFile(flag: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`${flag} ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
}

export async function check(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, json } = parseCheckArgs(argv);
  const profile: Profile = values.has('--env') ? readProfile(values.get('--env')!, env) : {};
  const get = (flag: string, fromProfile?: string): string | undefined => values.get(flag) ?? fromProfile;
  const terminalId = get('--terminal-id');
  const callerTrxId = get('--caller-trx-id');
  const baseUrl = get('--base-url', profile.baseUrl);
  const appId = get('--app-id', profile.appId);
  if (!terminalId || !callerTrxId) throw new UsageError('check needs --terminal-id and --caller-trx-id');
  if (!baseUrl) throw new UsageError('check needs --base-url (or --env with a profile that has baseUrl)');
  if (!/^https:\/\//i.test(baseUrl)) throw new UsageError('--base-url must be an https:// URL (credentials are only sent over TLS)');
  if (!appId) throw new UsageError('check needs --app-id');
  const p12 = get('--p12', profile.p12);
  const cert = get('--cert', profile.cert);
  const keyFile = get('--key', profile.key);
  if (!p12 && !(cert && keyFile)) throw new UsageError('check needs --cert and --key, or --p12');

  // Secrets: environment first, then standard input (never argv).
  let stdinLines: string[] | undefined;
  const fromStdin = async (line: number): Promise<string | undefined> => {
    stdinLines ??= ((await io.readStdin()) ?? '').split(/\r?\n/);
    return stdinLines[line] || undefined;
  };
  const secret = env.NEXI_CLIENT_SECRET || (await fromStdin(0));
  if (!secret) throw new UsageError('no client secret: set NEXI_CLIENT_SECRET or pipe it on standard input');
  const keyPem = p12 ? undefined : readFile('--key', keyFile!).toString('utf8');
  // A passphrase is read only when the key needs one (encrypted PKCS#8 / legacy encrypted PEM, or a PKCS#12).
  const needsPassphrase = p12 !== undefined || /ENCRYPTED/.test(keyPem ?? '');
  const passphrase = env.NEXI_KEY_PASSPHRASE ?? (needsPassphrase ? await fromStdin(env.NEXI_CLIENT_SECRET ? 0 : 1) : undefined);
  const key: KeyMaterial = p12
    ? { kind: 'pkcs12', pkcs12: readFile('--p12', p12), passphrase: passphrase ?? '' }
    : { kind: 'pem', certificate: readFile('--cert', cert!).toString('utf8'), privateKey: keyPem!, ...(passphrase !== undefined ? { passphrase } : {}) };
  const ca = get('--ca', profile.ca);
  const terminalIds = (get('--terminal-ids', profile.terminalIds?.join(',')) ?? terminalId).split(',').map((t) => t.trim()).filter(Boolean);
  const s = styler(io.color);
  const checkUrl = get('--check-url', profile.checkUrl);
  const username = get('--username', profile.username);
  const deviceId = get('--device-id', profile.deviceId);
  const pointOfSale = get('--point-of-sale', profile.pointOfSale);
  const proxy = get('--proxy');
  let client;
  try {
    client = createClient({
      baseUrl,
      ...(checkUrl ? { checkTransactionUrl: checkUrl } : {}),
      clientId: appId,
      clientSecret: () => secret,
      terminalIds,
      ...(username ? { merchantUsername: username } : {}),
      ...(deviceId ? { deviceId } : {}),
      ...(pointOfSale ? { pointOfSale } : {}),
      key,
      ...(ca ? { ca: readFile('--ca', ca).toString('utf8') } : {}),
      ...(proxy ? { proxy } : {}),
      env,
    });
    const result = await client.checkTransaction({ terminalId, callerTrxId });
    if (json) {
      io.stdout(JSON.stringify({ found: true, terminalId, callerTrxId, attempts: result.attempts, transaction: result.transaction, fields: explainCheckResult(result.transaction) }, null, 2) + '\n');
    } else {
      io.stdout(`${s('green', 'found')}  terminal ${terminalId}, callerTrxId ${callerTrxId}\n`);
      for (const f of explainCheckResult(result.transaction)) {
        io.stdout(`  ${s('bold', f.key)} = ${f.value ?? ''}${f.interpretation ? `  → ${f.interpretation}` : ''}${f.explainedAs ? s('dim', ` (read as ${f.explainedAs})`) : ''}\n`);
      }
    }
    return 0;
  } catch (err) {
    if (!isNexiError(err)) throw err;
    const secrets = [secret, ...(passphrase ? [passphrase] : [])];
    const message = redact(err.message, secrets);
    if (json) io.stdout(JSON.stringify({ found: false, terminalId, callerTrxId, error: { code: err.code, message, nextStep: err.nextStep, status: err.details.status ?? null } }, null, 2) + '\n');
    else io.stderr(`${s('red', err.code === 'TRANSACTION_NOT_FOUND' ? 'not found' : 'error')}  ${message}\n  Next: ${errorInfo[err.code].nextStep}\n`);
    return err.code === 'TRANSACTION_NOT_FOUND' ? 3 : 1;
  } finally {
    await client?.close();
  }
}
