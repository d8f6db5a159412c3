// nexi-app2app reconcile FILE [connection options] [--concurrency N] [--terminal-id TID] [--json | --csv]
import * as fs from 'fs';
import { isNexiError } from '../core/nexi/errors';
import { extractEntries, reconcile as runReconcile } from '../core/reconcile/reconcile';
import { classificationLabels, toCsv, toJson } from '../core/reconcile/report';
import { redact } from '../core/redact';
import { connect, connectionFlags, connectionHelp, parseOptions, type Connection } from './connection';
import { UsageError, type Io } from './io';
import { styler } from './render';

export const reconcileHelp = `Usage: nexi-app2app reconcile FILE [options] [--concurrency N] [--terminal-id TID] [--json | --csv]

Finds every payment/reversal result URI in FILE (a logcat or any log; - for standard input is not supported,
since standard input carries secrets), plus every request that never got a result, and checks each against the
backend. Classifies each: match, mismatch (which fields), APP FAILED BUT BACKEND APPROVED, not found, error.
  --concurrency N   checks in flight (default 4)
  --terminal-id T   terminal for lines without one (payment requests carry no TID; default: the first of
                    --terminal-ids / the profile's)

${connectionHelp}
Exit status: 0 everything matches, 4 discrepancies found (any mismatch, approved-but-failed, not found or error),
1 the run failed, 2 usage.
`;

export async function reconcile(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, flags, positional } = parseOptions(argv, ['--concurrency', '--terminal-id', ...connectionFlags], ['--json', '--csv']);
  if (positional.length !== 1) throw new UsageError('reconcile needs exactly one FILE');
  if (flags.has('--json') && flags.has('--csv')) throw new UsageError('choose one of --json and --csv');
  const file = positional[0]!;
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`);
  }
  const concurrency = values.has('--concurrency') ? Number(values.get('--concurrency')) : 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError('--concurrency takes a whole number from 1 to 64');
  let connection: Connection | undefined;
  const s = styler(io.color);
  try {
    connection = await connect(values, io, env);
    const defaultTerminalId = values.get('--terminal-id') ?? connection.terminalIds[0];
    const entries = extractEntries(text, defaultTerminalId ? { defaultTerminalId } : {});
    if (entries.length === 0) {
      io.stderr(`No payment or reversal URI with a callerTrxId found in ${file}.\n`);
      return 0;
    }
    const client = connection.client;
    const report = await runReconcile(entries, async (tid, id, signal) => (await client.checkTransaction({ terminalId: tid, callerTrxId: id }, signal ? { signal } : {})).transaction, {
      concurrency,
      onProgress: (done, total) => {
        if (io.color) io.stderr(`\r${done}/${total} checked`);
      },
    });
    if (io.color) io.stderr('\n');
    const secrets = connection.secrets;
    if (flags.has('--json')) io.stdout(redact(toJson(report, file), secrets));
    else if (flags.has('--csv')) io.stdout(redact(toCsv(report), secrets));
    else {
      const t = report.totals;
      io.stdout(`${t.total} transaction(s): ${s('green', `${t.match} match`)}, ${t.mismatch} mismatch, ${s('red', `${t['app-failed-backend-approved']} app failed but backend approved`)}, ${t['not-found']} not found, ${t.error} error(s)\n`);
      for (const e of report.entries) {
        const label = e.classification === 'match' ? s('green', 'match') : s(e.classification === 'app-failed-backend-approved' ? 'red' : 'yellow', classificationLabels[e.classification]);
        const detail = e.differences.length ? e.differences.map((d) => `${d.field}: app ${d.app}, backend ${d.backend}`).join('; ') : e.errorCode ? redact(`${e.errorCode}: ${e.message ?? ''}`, secrets) : '';
        io.stdout(`  ${file}:${e.line}  ${label}  terminal ${e.terminalId ?? '?'} callerTrxId ${e.callerTrxId}  app ${e.appOutcome}${e.backendOutcome ? `, backend ${e.backendOutcome}` : ''}${detail ? `  (${detail})` : ''}\n`);
      }
      if (t['app-failed-backend-approved'] > 0) {
        io.stdout(s('red', `\n${t['app-failed-backend-approved']} payment(s) were approved by Nexi while the app recorded a failure or no result: the customer was charged. Reverse them or complete the orders.\n`));
      }
    }
    const t = report.totals;
    return t.mismatch + t['app-failed-backend-approved'] + t['not-found'] + t.error > 0 ? 4 : 0;
  } catch (err) {
    if (!isNexiError(err)) throw err;
    io.stderr(`error  ${redact(err.message, connection?.secrets ?? [])}\n  Next: ${err.nextStep}\n`);
    return 1;
  } finally {
    await connection?.client.close();
  }
}
