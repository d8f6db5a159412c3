// nexi-app2app sandbox [--port N] [--pki DIR] [--latency MS] — the strict local B2B sandbox, until Ctrl+C.
import * as os from 'os';
import * as path from 'path';
import { loadOrCreatePki, pkiPaths } from '../core/sandbox/pki';
import { faultEndpoints, Sandbox, sandboxDefaults, type FaultEndpoint, type FaultPlan } from '../core/sandbox/server';
import { unknownOption, UsageError, type Io } from './io';
import { t } from './messages';
import { writeProfile } from './profiles';

/** The options that take a value. */
const valued = ['--port', '--pki', '--latency', '--fail-every', '--fail-status', '--html-502-every', '--drop-every', '--endpoints', '--rotate-jwks-after', '--clock-offset', '--token-ttl'];
const switches = ['--quiet', '--verbose-errors', '--reason-header'];

/** The fault plan the options ask for, every value checked (a usage error names the option and what it takes). */
export function faultPlanFrom(opts: ReadonlyMap<string, string>): FaultPlan {
  const count = (flag: string): number | undefined => {
    const raw = opts.get(flag);
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1) throw new UsageError(t('positiveCount', { flag }));
    return n;
  };
  const plan: { -readonly [K in keyof FaultPlan]: FaultPlan[K] } = {};
  const failEvery = count('--fail-every');
  if (failEvery !== undefined) plan.failEvery = failEvery;
  const html = count('--html-502-every');
  if (html !== undefined) plan.html502Every = html;
  const drop = count('--drop-every');
  if (drop !== undefined) plan.dropEvery = drop;
  const rotate = count('--rotate-jwks-after');
  if (rotate !== undefined) plan.rotateJwksAfter = rotate;
  const ttl = count('--token-ttl');
  if (ttl !== undefined) plan.tokenTtlSeconds = ttl;
  if (opts.has('--fail-status')) {
    const status = Number(opts.get('--fail-status'));
    if (![500, 502, 503, 504].includes(status)) throw new UsageError(t('failStatus'));
    plan.failStatus = status as 500 | 502 | 503 | 504;
  }
  if (opts.has('--endpoints')) {
    const list = opts.get('--endpoints')!.split(',').map((e) => e.trim()).filter(Boolean);
    if (!list.length || list.some((e) => !(faultEndpoints as readonly string[]).includes(e))) throw new UsageError(t('faultEndpoints'));
    plan.endpoints = list as FaultEndpoint[];
  }
  if (opts.has('--clock-offset')) {
    const s = Number(opts.get('--clock-offset'));
    if (!Number.isInteger(s)) throw new UsageError(t('clockOffset'));
    plan.clockOffsetSeconds = s;
  }
  return plan;
}

/** One line for people: the faults in force, as options (empty when none). */
function describePlan(plan: FaultPlan): string {
  const parts: string[] = [];
  if (plan.failEvery) parts.push(`--fail-every ${plan.failEvery} (${plan.failStatus ?? 503})`);
  if (plan.html502Every) parts.push(`--html-502-every ${plan.html502Every}`);
  if (plan.dropEvery) parts.push(`--drop-every ${plan.dropEvery}`);
  if (plan.endpoints) parts.push(`--endpoints ${plan.endpoints.join(',')}`);
  if (plan.rotateJwksAfter) parts.push(`--rotate-jwks-after ${plan.rotateJwksAfter}`);
  if (plan.clockOffsetSeconds) parts.push(`--clock-offset ${plan.clockOffsetSeconds}`);
  if (plan.tokenTtlSeconds) parts.push(`--token-ttl ${plan.tokenTtlSeconds}`);
  return parts.join('  ');
}

export function sandboxHelp(): string {
  return t('sandboxHelp', { pkiDefault: path.join('~', '.config', 'nexi-app2app', 'sandbox-pki') });
}

export async function sandbox(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env, stop?: Promise<void>): Promise<number> {
  const opts = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (switches.includes(a)) flags.add(a);
    else if (valued.includes(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(t('needsValue', { flag: a }));
      opts.set(a, v);
    } else throw unknownOption(a, [...valued, ...switches]);
  }
  const quiet = flags.has('--quiet');
  const faults = faultPlanFrom(opts);
  const port = opts.has('--port') ? Number(opts.get('--port')) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t('portNumber'));
  const latency = opts.has('--latency') ? Number(opts.get('--latency')) : 0;
  if (!Number.isFinite(latency) || latency < 0) throw new UsageError(t('latencyMs'));
  const dir = path.resolve(opts.get('--pki') ?? path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'nexi-app2app', 'sandbox-pki'));
  const { pki, created } = await loadOrCreatePki(dir);
  const sb = await Sandbox.start({
    pki,
    port,
    log: quiet ? undefined : (line) => io.stdout(JSON.stringify(line) + '\n'),
    errorProfile: flags.has('--verbose-errors') ? 'verbose' : 'opaque',
    reasonHeader: flags.has('--reason-header'),
    faults,
  });
  sb.latencyMs = latency;
  const files = pkiPaths(dir);
  const profileFile = writeProfile('sandbox', {
    baseUrl: sb.url,
    checkUrl: sb.checkTransactionUrl,
    ca: files['ca.crt'],
    cert: files['client.crt'],
    key: files['client.key'],
    appId: sandboxDefaults.clientId,
    terminalIds: [sandboxDefaults.mobilePosTerminalId, sandboxDefaults.softPosTerminalId],
  }, env);
  // What a person reads, in the run's language; the JSON request log (stdout) stays English.
  const rows: Array<[string, string]> = [
    [t('sandboxCheckTransaction'), sb.checkTransactionUrl],
    [t('sandboxClientId'), sandboxDefaults.clientId],
    [t('sandboxClientSecret'), `NEXI_CLIENT_SECRET=${sandboxDefaults.clientSecret}   ${t('sandboxSecretNote')}`],
    [t('sandboxCertificate'), files['client.crt']],
    [t('sandboxPrivateKey'), files['client.key']],
    [t('sandboxCa'), files['ca.crt']],
    [t('sandboxTerminals'), `${sandboxDefaults.mobilePosTerminalId} (MobilePOS), ${sandboxDefaults.softPosTerminalId} (SoftPOS)`],
    [t('sandboxProfile'), t('sandboxProfileSaved', { file: profileFile })],
    ...(describePlan(faults) ? [[t('sandboxFaults'), describePlan(faults)] as [string, string]] : []),
  ];
  const width = Math.max(...rows.map(([label]) => label.length)) + 2;
  io.stderr(
    [
      t(created ? 'sandboxListeningNew' : 'sandboxListeningReused', { url: sb.url, dir }),
      ...rows.map(([label, value]) => `  ${label.padEnd(width)}${value}`),
      t('sandboxTry', { command: `NEXI_CLIENT_SECRET=${sandboxDefaults.clientSecret} nexi-app2app check --env sandbox --terminal-id ${sandboxDefaults.mobilePosTerminalId} --caller-trx-id PP-20261121-0001` }),
      t('sandboxStop'),
      '',
    ].join('\n'),
  );
  await (stop ??
    new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    }));
  await sb.close();
  return 0;
}
