// Connection options shared by `check` and `reconcile`: flags, a stored profile (--env), and secrets from the
// environment or standard input (never argv).
import * as fs from 'fs';
import { documentedEndpoints } from '../core/environments';
import { createClient, type KeyMaterial } from '../core/nexi/connection';
import type { NexiClient } from '../core/nexi/client';
import { unknownOption, UsageError, type Io } from './io';
import { t } from './messages';
import { readProfile, type Profile } from './profiles';

/** The boolean connection flag: the explicit confirmation a call to production needs. */
export const confirmProductionFlag = '--confirm-production';

export const connectionFlags = ['--base-url', '--check-url', '--ca', '--cert', '--key', '--p12', '--app-id', '--terminal-ids', '--username', '--device-id', '--point-of-sale', '--env', '--proxy'];

export function connectionHelp(): string {
  return t('connectionHelp');
}

const forbidden = /^--(client-secret|secret|passphrase|password|key-passphrase)(=|$)/;

/** Parses `--flag value` / `--flag=value` for the known flags plus booleans; secrets on argv are refused. */
export function parseOptions(argv: readonly string[], valued: readonly string[], booleans: readonly string[]): { values: Map<string, string>; flags: Set<string>; positional: string[] } {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (forbidden.test(a)) throw new UsageError(t('secretOnArgv', { flag: a.split('=')[0]! }));
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    if (booleans.includes(a)) {
      flags.add(a);
      continue;
    }
    const [flag, inline] = a.includes('=') ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)] : [a, undefined];
    if (!valued.includes(flag)) throw unknownOption(a, [...valued, ...booleans]);
    const value = inline ?? argv[++i];
    if (value === undefined || value.startsWith('--')) throw new UsageError(t('needsValue', { flag }));
    values.set(flag, value);
  }
  return { values, flags, positional };
}

export function readFile(flag: string, file: string): Buffer {
  try {
    return fs.readFileSync(file);
  } catch (err) {
    throw new UsageError(`${flag} ${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? t('noSuchFile') : (err as Error).message}`);
  }
}

export interface Connection {
  readonly client: NexiClient;
  readonly terminalIds: readonly string[];
  /** Values to redact from anything printed. */
  readonly secrets: readonly string[];
}

/** Nexi's production hosts (documented), and a profile marked `"production": true`, are production. */
export function productionTarget(urls: readonly (string | undefined)[], profile: Profile): string | undefined {
  const prodHosts = new Set(Object.values(documentedEndpoints.prod).map((u) => new URL(u).host.toLowerCase()));
  for (const url of urls) {
    if (!url) continue;
    try {
      const host = new URL(url).host.toLowerCase();
      if (prodHosts.has(host)) return host;
    } catch {
      // not a URL: the client reports it
    }
  }
  return profile.production === true ? (urls.find(Boolean) ?? 'production') : undefined;
}

/**
 * Builds the client from the options; `fallbackTerminal` fills --terminal-ids when absent. A production target needs
 * `confirmedProduction` (--confirm-production): the CLI's counterpart of the editor's modal confirmation, explicit
 * enough for CI and never a prompt (standard input carries the secrets).
 */
export async function connect(values: Map<string, string>, io: Io, env: NodeJS.ProcessEnv, fallbackTerminal?: string, confirmedProduction = false): Promise<Connection> {
  const profile: Profile = values.has('--env') ? readProfile(values.get('--env')!, env) : {};
  const get = (flag: string, fromProfile?: string): string | undefined => values.get(flag) ?? fromProfile;
  const baseUrl = get('--base-url', profile.baseUrl);
  const appId = get('--app-id', profile.appId);
  if (!baseUrl) throw new UsageError(t('needsBaseUrl'));
  if (!/^https:\/\//i.test(baseUrl)) throw new UsageError(t('baseUrlHttps'));
  const production = productionTarget([baseUrl, get('--check-url', profile.checkUrl)], profile);
  if (production && !confirmedProduction) throw new UsageError(t('productionNeedsConfirmation', { target: production, flag: confirmProductionFlag }));
  if (!appId) throw new UsageError(t('needsAppId'));
  const p12 = get('--p12', profile.p12);
  const cert = get('--cert', profile.cert);
  const keyFile = get('--key', profile.key);
  if (!p12 && !(cert && keyFile)) throw new UsageError(t('needsKeyMaterial'));
  let stdinLines: string[] | undefined;
  let nextLine = 0;
  const fromStdin = async (): Promise<string | undefined> => {
    stdinLines ??= ((await io.readStdin()) ?? '').split(/\r?\n/);
    return stdinLines[nextLine++] || undefined;
  };
  const secret = env.NEXI_CLIENT_SECRET || (await fromStdin());
  if (!secret) throw new UsageError(t('noClientSecret'));
  const keyPem = p12 ? undefined : readFile('--key', keyFile!).toString('utf8');
  // A passphrase is read only when the key needs one (encrypted PKCS#8 / legacy encrypted PEM, or a PKCS#12).
  const needsPassphrase = p12 !== undefined || /ENCRYPTED/.test(keyPem ?? '');
  const passphrase = env.NEXI_KEY_PASSPHRASE ?? (needsPassphrase ? await fromStdin() : undefined);
  const key: KeyMaterial = p12
    ? { kind: 'pkcs12', pkcs12: readFile('--p12', p12), passphrase: passphrase ?? '' }
    : { kind: 'pem', certificate: readFile('--cert', cert!).toString('utf8'), privateKey: keyPem!, ...(passphrase !== undefined ? { passphrase } : {}) };
  const ca = get('--ca', profile.ca);
  const terminalIds = (get('--terminal-ids', profile.terminalIds?.join(',')) ?? fallbackTerminal ?? '').split(',').map((t) => t.trim()).filter(Boolean);
  const checkUrl = get('--check-url', profile.checkUrl);
  const username = get('--username', profile.username);
  const deviceId = get('--device-id', profile.deviceId);
  const pointOfSale = get('--point-of-sale', profile.pointOfSale);
  const proxy = get('--proxy');
  const client = createClient({
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
  return { client, terminalIds, secrets: [secret, ...(passphrase ? [passphrase] : [])] };
}
