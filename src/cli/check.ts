// nexi-app2app check --terminal-id TID --caller-trx-id ID [connection options] [--json]
import { explainCheckResult } from '../core/explain/checkResult';
import { isNexiError, userMessage } from '../core/nexi/errors';
import { redact } from '../core/redact';
import { confirmProductionFlag, connect, connectionFlags, connectionHelp, parseOptions, type Connection } from './connection';
import { UsageError, type Io } from './io';
import { titledTags } from '../core/codes/sources';
import { t } from './messages';
import { styler } from './render';

export function checkHelp(): string {
  return t('checkHelp', { connectionHelp: connectionHelp() });
}

export function parseCheckArgs(argv: readonly string[]): { values: Map<string, string>; json: boolean; confirmedProduction: boolean } {
  const { values, flags, positional } = parseOptions(argv, ['--terminal-id', '--caller-trx-id', ...connectionFlags], ['--json', confirmProductionFlag]);
  if (positional.length) throw new UsageError(t('unexpectedArgument', { argument: positional[0]! }));
  return { values, json: flags.has('--json'), confirmedProduction: flags.has(confirmProductionFlag) };
}

/** The JSON `check --json` prints for a transaction found (also the MCP tool's structured answer). */
export function checkJson(terminalId: string, callerTrxId: string, attempts: number, transaction: Record<string, unknown>): Record<string, unknown> {
  return { found: true, terminalId, callerTrxId, attempts, transaction, fields: explainCheckResult(transaction) };
}

/** The text `check` prints for a transaction found (also the MCP tool's). */
export function checkText(terminalId: string, callerTrxId: string, transaction: Record<string, unknown>, s: ReturnType<typeof styler> = styler(false)): string {
  let out = `${s('green', t('found'))}  ${t('foundTransaction', { terminalId, callerTrxId })}\n`;
  for (const f of explainCheckResult(transaction)) {
    out += `  ${s('bold', f.key)} = ${f.value ?? ''}${f.interpretation ? `  → ${titledTags(f.interpretation)}` : ''}${f.explainedAs ? s('dim', t('readAs', { field: f.explainedAs })) : ''}\n`;
  }
  return out;
}

export async function check(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, json, confirmedProduction } = parseCheckArgs(argv);
  const terminalId = values.get('--terminal-id');
  const callerTrxId = values.get('--caller-trx-id');
  if (!terminalId || !callerTrxId) throw new UsageError(t('checkNeedsIds'));
  const s = styler(io.color);
  let connection: Connection | undefined;
  try {
    connection = await connect(values, io, env, terminalId, confirmedProduction);
    const result = await connection.client.checkTransaction({ terminalId, callerTrxId });
    io.stdout(json ? JSON.stringify(checkJson(terminalId, callerTrxId, result.attempts, result.transaction), null, 2) + '\n' : checkText(terminalId, callerTrxId, result.transaction, s));
    return 0;
  } catch (err) {
    if (!isNexiError(err)) throw err;
    // The message and next step in the run's language (`err.message` is the English one, for logs).
    const message = redact(userMessage(err), connection?.secrets ?? []);
    if (json) io.stdout(JSON.stringify({ found: false, terminalId, callerTrxId, error: { code: err.code, message, nextStep: err.nextStep, status: err.details.status ?? null } }, null, 2) + '\n');
    else io.stderr(`${s('red', err.code === 'TRANSACTION_NOT_FOUND' ? t('notFound') : t('error'))}  ${message}\n  ${t('next', { step: err.nextStep })}\n`);
    return err.code === 'TRANSACTION_NOT_FOUND' ? 3 : 1;
  } finally {
    await connection?.client.close();
  }
}
