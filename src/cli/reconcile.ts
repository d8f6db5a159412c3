// nexi-app2app reconcile FILE [connection options] [--concurrency N] [--terminal-id TID] [--json | --csv]
import * as fs from 'fs';
import { isNexiError, userMessage } from '../core/nexi/errors';
import { extractEntries, reconcile as runReconcile } from '../core/reconcile/reconcile';
import type { ReconcileReport } from '../core/reconcile/reconcile';
import { classificationLabel, differencesLabel, entryError, outcomeLabel, reportIdentifiers, toCsv, toJson } from '../core/reconcile/report';
import { redact } from '../core/redact';
import { confirmProductionFlag, connect, connectionFlags, connectionHelp, parseOptions, type Connection } from './connection';
import { UsageError, type Io } from './io';
import { t, tn } from './messages';
import { styler } from './render';

export function reconcileHelp(): string {
  return t('reconcileHelp', { connectionHelp: connectionHelp() });
}

/** The text `reconcile` prints (also the MCP tool's): totals, one line per entry, the warning about charged customers. */
export function reconcileText(report: ReconcileReport, file: string, secrets: readonly string[], s: ReturnType<typeof styler> = styler(false)): string {
  const n = report.totals;
  const failedApproved = n['app-failed-backend-approved'];
  let out = `${tn(n.total, 'totalTransactionsOne', 'totalTransactionsMany')}: ${s('green', tn(n.match, 'totalMatchOne', 'totalMatchMany'))}, ${tn(n.mismatch, 'totalMismatchOne', 'totalMismatchMany')}, ${s('red', tn(failedApproved, 'totalFailedApprovedOne', 'totalFailedApprovedMany'))}, ${tn(n['not-found'], 'totalNotFoundOne', 'totalNotFoundMany')}, ${tn(n.error, 'totalErrorsOne', 'totalErrorsMany')}\n`;
  for (const e of report.entries) {
    const label = e.classification === 'match' ? s('green', classificationLabel('match')) : s(e.classification === 'app-failed-backend-approved' ? 'red' : 'yellow', classificationLabel(e.classification));
    const detail = e.differences.length ? differencesLabel(e) : e.errorCode ? entryError(e) : '';
    out += `  ${file}:${e.line}  ${label}  ${t('entryTerminal', { terminalId: e.terminalId ?? '?' })} callerTrxId ${e.callerTrxId}  app ${outcomeLabel(e.appOutcome)}${e.backendOutcome ? `, backend ${outcomeLabel(e.backendOutcome)}` : ''}${detail ? `  (${detail})` : ''}\n`;
  }
  if (failedApproved > 0) out += s('red', `\n${tn(failedApproved, 'approvedButFailedOne', 'approvedButFailedMany')}\n`);
  // Errors and values quote what Nexi and the log said: secrets cut, card numbers masked, callerTrxIds kept.
  return redact(out, secrets, { keepDigits: reportIdentifiers(report) });
}

/** `onReport` sees the finished report (rehearse compares it with what it expected). */
export async function reconcile(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env, onReport?: (report: ReconcileReport) => void): Promise<number> {
  const { values, flags, positional } = parseOptions(argv, ['--concurrency', '--terminal-id', ...connectionFlags], ['--json', '--csv', confirmProductionFlag]);
  if (positional.length !== 1) throw new UsageError(t('reconcileNeedsFile'));
  if (flags.has('--json') && flags.has('--csv')) throw new UsageError(t('jsonOrCsv'));
  const file = positional[0]!;
  if (file === '-') throw new UsageError(t('reconcileNoStdin'));
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(`${file}: ${code === 'ENOENT' ? t('noSuchFile') : code === 'EISDIR' ? t('isDirectory') : (err as Error).message}`);
  }
  const concurrency = values.has('--concurrency') ? Number(values.get('--concurrency')) : 4;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64) throw new UsageError(t('concurrencyRange'));
  let connection: Connection | undefined;
  const s = styler(io.color);
  try {
    connection = await connect(values, io, env, undefined, flags.has(confirmProductionFlag));
    const defaultTerminalId = values.get('--terminal-id') ?? connection.terminalIds[0];
    const entries = extractEntries(text, defaultTerminalId ? { defaultTerminalId } : {});
    if (entries.length === 0) {
      // A log with nothing to check is most likely the wrong file: not a run where everything matched.
      io.stderr(t('reconcileNothing', { file }) + '\n');
      return 1;
    }
    const client = connection.client;
    const report = await runReconcile(entries, async (tid, id, signal) => (await client.checkTransaction({ terminalId: tid, callerTrxId: id }, signal ? { signal } : {})).transaction, {
      concurrency,
      onProgress: (done, total) => {
        if (io.color) io.stderr(`\r${t('progress', { done, total })}`);
      },
    });
    if (io.color) io.stderr('\n');
    const secrets = connection.secrets;
    // No check could succeed (credentials refused, no token, no connection): one message, and the run failed.
    if (report.stopped) throw report.stopped.error;
    onReport?.(report);
    const keepDigits = reportIdentifiers(report);
    if (flags.has('--json')) io.stdout(redact(toJson(report, file), secrets, { keepDigits }));
    else if (flags.has('--csv')) io.stdout(redact(toCsv(report), secrets, { keepDigits }));
    else io.stdout(reconcileText(report, file, secrets, s));
    const totals = report.totals;
    return totals.mismatch + totals['app-failed-backend-approved'] + totals['not-found'] + totals.error > 0 ? 4 : 0;
  } catch (err) {
    if (!isNexiError(err)) throw err;
    io.stderr(`${t('error')}  ${redact(userMessage(err), connection?.secrets ?? [])}\n  ${t('next', { step: err.nextStep })}\n`);
    return 1;
  } finally {
    await connection?.client.close();
  }
}
