// CLI profiles: named connection settings for `--env NAME`, kept in $XDG_CONFIG_HOME/nexi-app2app/profiles.json
// (or ~/.config/…). Never secrets: the client secret and passphrases come from the environment or standard input.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from './io';
import { t } from './messages';

export interface Profile {
  readonly baseUrl?: string;
  readonly checkUrl?: string;
  readonly ca?: string;
  readonly cert?: string;
  readonly key?: string;
  readonly p12?: string;
  readonly appId?: string;
  readonly terminalIds?: readonly string[];
  readonly username?: string;
  readonly deviceId?: string;
  readonly pointOfSale?: string;
  /** Calls through this profile reach Nexi's production: they need --confirm-production. */
  readonly production?: boolean;
}

const secretNames = /secret|passphrase|password|token/i;

export function profilesFile(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'nexi-app2app', 'profiles.json');
}

export function readProfiles(env: NodeJS.ProcessEnv = process.env): Record<string, Profile> {
  const file = profilesFile(env);
  if (!fs.existsSync(file)) return {};
  let json: unknown;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new UsageError(t('profilesNotJson', { file, error: (err as Error).message }));
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new UsageError(t('profilesNotObject', { file }));
  return json as Record<string, Profile>;
}

export function readProfile(name: string, env: NodeJS.ProcessEnv = process.env): Profile {
  const all = readProfiles(env);
  const p = all[name];
  if (!p) {
    const known = Object.keys(all);
    const missing = known.length ? t('profileMissingKnown', { name, file: profilesFile(env), known: known.join(', ') }) : t('profileMissing', { name, file: profilesFile(env) });
    // The sandbox's profile is made by starting it: say so rather than leave the user looking for a file to write.
    throw new UsageError(name === 'sandbox' ? `${missing}; ${t('profileSandboxNext')}` : missing);
  }
  const leaked = Object.keys(p).find((k) => secretNames.test(k));
  if (leaked) throw new UsageError(t('profileHasSecret', { name, key: leaked }));
  return p;
}

export function writeProfile(name: string, profile: Profile, env: NodeJS.ProcessEnv = process.env): string {
  const file = profilesFile(env);
  const all = fs.existsSync(file) ? readProfiles(env) : {};
  all[name] = profile;
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.writeFileSync(file, JSON.stringify(all, null, 2) + '\n', { mode: 0o600 });
  return file;
}
