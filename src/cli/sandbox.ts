// nexi-app2app sandbox [--port N] [--pki DIR] [--latency MS] — the strict local B2B sandbox, until Ctrl+C.
import * as os from 'os';
import * as path from 'path';
import { loadOrCreatePki, pkiPaths } from '../core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../core/sandbox/server';
import { unknownOption, UsageError, type Io } from './io';
import { t } from './messages';
import { writeProfile } from './profiles';

/** The options that take a value. */
const valued = ['--port', '--pki', '--latency'];

export function sandboxHelp(): string {
  return t('sandboxHelp', { pkiDefault: path.join('~', '.config', 'nexi-app2app', 'sandbox-pki') });
}

export async function sandbox(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env, stop?: Promise<void>): Promise<number> {
  const opts = new Map<string, string>();
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quiet') quiet = true;
    else if (valued.includes(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(t('needsValue', { flag: a }));
      opts.set(a, v);
    } else throw unknownOption(a, [...valued, '--quiet']);
  }
  const port = opts.has('--port') ? Number(opts.get('--port')) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(t('portNumber'));
  const latency = opts.has('--latency') ? Number(opts.get('--latency')) : 0;
  if (!Number.isFinite(latency) || latency < 0) throw new UsageError(t('latencyMs'));
  const dir = path.resolve(opts.get('--pki') ?? path.join(env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config'), 'nexi-app2app', 'sandbox-pki'));
  const { pki, created } = await loadOrCreatePki(dir);
  const sb = await Sandbox.start({ pki, port, log: quiet ? undefined : (line) => io.stdout(JSON.stringify(line) + '\n') });
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
