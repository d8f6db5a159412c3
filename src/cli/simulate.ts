// nexi-app2app simulate REQUEST_URI --outcome … [--product softpos|mobilepos] [--register] [--adb] [--json]
import { spawnSync } from 'child_process';
import { parseOutcome, simulate as runSimulate, SimulationError, type Product } from '../core/simulator/simulate';
import { Transport } from '../core/nexi/http';
import { sandboxAdmin } from '../core/sandbox/server';
import { parseOptions, readFile } from './connection';
import { UsageError, type Io } from './io';
import { readProfile } from './profiles';

export const simulateHelp = `Usage: nexi-app2app simulate REQUEST_URI --outcome OUTCOME [--product softpos|mobilepos] [--register] [--adb] [--json]

Prints the result URI Nexi POS would send back for REQUEST_URI, shaped like Nexi's published examples.
  --outcome    approved | declined[:ACTIONCODE] | cancelled | softpos-error[:X-Y-Z] | result:N (any documented code)
  --product    softpos (receipt keys f04…CT123) or mobilepos (default: mobilepos)
  --register   register the transaction in the sandbox started by 'nexi-app2app sandbox' (profile 'sandbox'),
               so checkTransaction and reconciliation find it
  --adb        deliver the result to the app on the connected Android device or emulator
               (adb shell am start -a android.intent.action.VIEW -d '…')
`;

/** The adb command line that delivers `uri` as a VIEW intent (single quotes survive adb's remote shell). */
export function adbArgs(uri: string, serial?: string): string[] {
  return [...(serial ? ['-s', serial] : []), 'shell', 'am', 'start', '-a', 'android.intent.action.VIEW', '-d', `'${uri.replace(/'/g, `'\\''`)}'`];
}

export async function simulate(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, flags, positional } = parseOptions(argv, ['--outcome', '--product', '--device'], ['--register', '--adb', '--json']);
  if (positional.length !== 1) throw new UsageError("simulate needs one REQUEST_URI (quote it: the shell treats & as a command separator)");
  const outcomeText = values.get('--outcome');
  if (!outcomeText) throw new UsageError('simulate needs --outcome');
  const product = (values.get('--product') ?? 'mobilepos') as Product;
  if (product !== 'softpos' && product !== 'mobilepos') throw new UsageError('--product is softpos or mobilepos');
  let result;
  try {
    result = runSimulate(positional[0]!, { outcome: parseOutcome(outcomeText), product });
  } catch (err) {
    if (err instanceof SimulationError) throw new UsageError(err.message);
    throw err;
  }
  let registered: string | undefined;
  if (flags.has('--register')) {
    if (!result.transaction) {
      registered = 'not registered: this outcome never reaches the host';
    } else {
      const profile = readProfile('sandbox', env);
      if (!profile.baseUrl || !profile.cert || !profile.key) throw new UsageError("no running sandbox profile: start 'nexi-app2app sandbox' first");
      const t = new Transport({ tls: { cert: readFile('--cert', profile.cert).toString(), key: readFile('--key', profile.key).toString(), ...(profile.ca ? { ca: readFile('--ca', profile.ca).toString() } : {}) }, env });
      try {
        const res = await t.request(profile.baseUrl + sandboxAdmin.transactions, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(result.transaction) });
        if (res.status !== 201) throw new Error(`the sandbox answered ${res.status}: ${res.body.slice(0, 200)}`);
        registered = `registered in the sandbox at ${profile.baseUrl}`;
      } catch (err) {
        io.stderr(`nexi-app2app: could not register the transaction: ${(err as Error).message}. Is 'nexi-app2app sandbox' running?\n`);
        return 1;
      } finally {
        await t.close();
      }
    }
  }
  if (flags.has('--json')) io.stdout(JSON.stringify({ ...result, ...(registered ? { registered } : {}) }, null, 2) + '\n');
  else {
    io.stdout(result.uri + '\n');
    for (const n of result.notes) io.stderr(`note: ${n}\n`);
    if (registered) io.stderr(`${registered}\n`);
  }
  if (flags.has('--adb')) {
    const r = spawnSync('adb', adbArgs(result.uri, values.get('--device')), { encoding: 'utf8' });
    if (r.error) {
      io.stderr(`nexi-app2app: adb was not found on PATH. Install the Android SDK platform-tools (https://developer.android.com/tools/releases/platform-tools) or add them to PATH.\n`);
      return 1;
    }
    if (r.status !== 0) {
      io.stderr(`nexi-app2app: adb failed (${r.status}): ${(r.stderr || r.stdout).trim()}\n`);
      return 1;
    }
    io.stderr(`delivered to the device: ${(r.stdout || '').trim()}\n`);
  }
  return 0;
}
