// nexi-app2app simulate REQUEST_URI [--outcome …] [--product softpos|mobilepos] [--register] [--adb] [--json]
import { spawnSync } from 'child_process';
import { parseOutcome, simulate as runSimulate, SimulationError, type Product } from '../core/simulator/simulate';
import { Transport } from '../core/nexi/http';
import { sandboxAdmin } from '../core/sandbox/server';
import { parseOptions, readFile } from './connection';
import { UsageError, type Io } from './io';
import { t } from './messages';
import { readProfile } from './profiles';

export function simulateHelp(): string {
  return t('simulateHelp');
}

/** The adb command line that delivers `uri` as a VIEW intent (single quotes survive adb's remote shell). */
export function adbArgs(uri: string, serial?: string): string[] {
  return [...(serial ? ['-s', serial] : []), 'shell', 'am', 'start', '-a', 'android.intent.action.VIEW', '-d', `'${uri.replace(/'/g, `'\\''`)}'`];
}

export async function simulate(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, flags, positional } = parseOptions(argv, ['--outcome', '--product', '--device'], ['--register', '--adb', '--json']);
  if (positional.length !== 1) throw new UsageError(t('simulateNeedsUri'));
  // No --outcome: the scenario catalogue chooses it from the request's amount (issue 18; notes say which).
  const outcomeText = values.get('--outcome');
  const product = (values.get('--product') ?? 'mobilepos') as Product;
  if (product !== 'softpos' && product !== 'mobilepos') throw new UsageError(t('productValues'));
  let result;
  try {
    result = runSimulate(positional[0]!, { ...(outcomeText !== undefined ? { outcome: parseOutcome(outcomeText) } : {}), product });
  } catch (err) {
    if (err instanceof SimulationError) throw new UsageError(err.message);
    throw err;
  }
  let registered: string | undefined;
  if (flags.has('--register')) {
    if (!result.transaction) {
      registered = t('notRegistered');
    } else {
      const profile = readProfile('sandbox', env);
      if (!profile.baseUrl || !profile.cert || !profile.key) throw new UsageError(t('noSandboxProfile'));
      const transport = new Transport({ tls: { cert: readFile('--cert', profile.cert).toString(), key: readFile('--key', profile.key).toString(), ...(profile.ca ? { ca: readFile('--ca', profile.ca).toString() } : {}) }, env });
      try {
        const res = await transport.request(profile.baseUrl + sandboxAdmin.transactions, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(result.transaction) });
        if (res.status !== 201) throw new Error(t('sandboxAnswered', { status: res.status, body: res.body.slice(0, 200) }));
        registered = t('registered', { url: profile.baseUrl });
      } catch (err) {
        io.stderr(`nexi-app2app: ${t('registerFailed', { error: (err as Error).message })}\n`);
        return 1;
      } finally {
        await transport.close();
      }
    }
  }
  if (flags.has('--json')) io.stdout(JSON.stringify({ ...result, ...(registered ? { registered } : {}) }, null, 2) + '\n');
  else {
    io.stdout(result.uri + '\n');
    for (const n of result.notes) io.stderr(`${t('note', { note: n })}\n`);
    if (registered) io.stderr(`${registered}\n`);
  }
  if (flags.has('--adb') && result.scenario?.delivered === false) {
    // The lost-result scenario: delivering the result would be the opposite of what it rehearses.
    io.stderr(`${t('notDelivered')}\n`);
  } else if (flags.has('--adb')) {
    const r = spawnSync('adb', adbArgs(result.uri, values.get('--device')), { encoding: 'utf8' });
    if (r.error) {
      io.stderr(`nexi-app2app: ${t('adbNotFound')}\n`);
      return 1;
    }
    if (r.status !== 0) {
      io.stderr(`nexi-app2app: ${t('adbFailed', { status: String(r.status), output: (r.stderr || r.stdout).trim() })}\n`);
      return 1;
    }
    io.stderr(`${t('delivered', { output: (r.stdout || '').trim() })}\n`);
  }
  return 0;
}
