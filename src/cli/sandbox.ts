// nexi-app2app sandbox [--port N] [--pki DIR] [--latency MS] — the strict local B2B sandbox, until Ctrl+C.
import * as os from 'os';
import * as path from 'path';
import { loadOrCreatePki, pkiPaths } from '../core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../core/sandbox/server';
import { UsageError, type Io } from './io';
import { writeProfile } from './profiles';

export const sandboxHelp = `Usage: nexi-app2app sandbox [--port N] [--pki DIR] [--latency MS] [--quiet]

Starts the local sandbox of Nexi's B2B API (token, JWKS, checkTransaction) over HTTPS with mandatory client
certificates, seeded with the transactions of samples/logcat.log. Prints its URL and the generated credentials,
saves the CLI profile 'sandbox', and logs one JSON line per request. Ctrl+C stops it.
  --port N      port on 127.0.0.1 (default: a free one)
  --pki DIR     keep the generated CA, server and client certificates in DIR and reuse them
                (default: ${path.join('~', '.config', 'nexi-app2app', 'sandbox-pki')})
  --latency MS  add latency to every response
`;

export async function sandbox(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env, stop?: Promise<void>): Promise<number> {
  const opts = new Map<string, string>();
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--quiet') quiet = true;
    else if (['--port', '--pki', '--latency'].includes(a)) {
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      opts.set(a, v);
    } else throw new UsageError(`unknown option ${a}`);
  }
  const port = opts.has('--port') ? Number(opts.get('--port')) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port takes a port number');
  const latency = opts.has('--latency') ? Number(opts.get('--latency')) : 0;
  if (!Number.isFinite(latency) || latency < 0) throw new UsageError('--latency takes milliseconds');
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
  io.stderr(
    [
      `Nexi B2B sandbox listening on ${sb.url} (${created ? 'new' : 'reused'} PKI in ${dir})`,
      `  checkTransaction  ${sb.checkTransactionUrl}`,
      `  client id         ${sandboxDefaults.clientId}`,
      `  client secret     NEXI_CLIENT_SECRET=${sandboxDefaults.clientSecret}   (a sandbox-only value)`,
      `  certificate       ${files['client.crt']}`,
      `  private key       ${files['client.key']}`,
      `  CA to trust       ${files['ca.crt']}`,
      `  terminals         ${sandboxDefaults.mobilePosTerminalId} (MobilePOS), ${sandboxDefaults.softPosTerminalId} (SoftPOS)`,
      `  CLI profile       'sandbox' saved in ${profileFile}`,
      `Try: NEXI_CLIENT_SECRET=${sandboxDefaults.clientSecret} nexi-app2app check --env sandbox --terminal-id ${sandboxDefaults.mobilePosTerminalId} --caller-trx-id PP-20261121-0001`,
      'Ctrl+C stops the sandbox.',
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
