// nexi-app2app check --terminal-id TID --caller-trx-id ID [connection options] [--json]
import { explainCheckResult } from '../core/explain/checkResult';
import { errorInfo, isNexiError } from '../core/nexi/errors';
import { redact } from '../core/redact';
import { connect, connectionFlags, connectionHelp, parseOptions, type Connection } from './connection';
import { UsageError, type Io } from './io';
import { styler } from './render';

export const checkHelp = `Usage: nexi-app2app check --terminal-id TID --caller-trx-id ID [options] [--json]

Looks a transaction up with Nexi's B2B checkTransaction API (token over mTLS, JWKS, RS256 JWT in a JWE).

${connectionHelp}
Exit status: 0 found, 3 not found, 1 other errors (the message starts with the error code), 2 usage.
`;

export function parseCheckArgs(argv: readonly string[]): { values: Map<string, string>; json: boolean } {
  const { values, flags, positional } = parseOptions(argv, ['--terminal-id', '--caller-trx-id', ...connectionFlags], ['--json']);
  if (positional.length) throw new UsageError(`unexpected argument '${positional[0]}'`);
  return { values, json: flags.has('--json') };
}

export async function check(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, json } = parseCheckArgs(argv);
  const terminalId = values.get('--terminal-id');
  const callerTrxId = values.get('--caller-trx-id');
  if (!terminalId || !callerTrxId) throw new UsageError('check needs --terminal-id and --caller-trx-id');
  const s = styler(io.color);
  let connection: Connection | undefined;
  try {
    connection = await connect(values, io, env, terminalId);
    const result = await connection.client.checkTransaction({ terminalId, callerTrxId });
    if (json) {
      io.stdout(JSON.stringify({ found: true, terminalId, callerTrxId, attempts: result.attempts, transaction: result.transaction, fields: explainCheckResult(result.transaction) }, null, 2) + '\n');
    } else {
      io.stdout(`${s('green', 'found')}  terminal ${terminalId}, callerTrxId ${callerTrxId}\n`);
      for (const f of explainCheckResult(result.transaction)) {
        io.stdout(`  ${s('bold', f.key)} = ${f.value ?? ''}${f.interpretation ? `  → ${f.interpretation}` : ''}${f.explainedAs ? s('dim', ` (read as ${f.explainedAs})`) : ''}\n`);
      }
    }
    return 0;
  } catch (err) {
    if (!isNexiError(err)) throw err;
    const message = redact(err.message, connection?.secrets ?? []);
    if (json) io.stdout(JSON.stringify({ found: false, terminalId, callerTrxId, error: { code: err.code, message, nextStep: err.nextStep, status: err.details.status ?? null } }, null, 2) + '\n');
    else io.stderr(`${s('red', err.code === 'TRANSACTION_NOT_FOUND' ? 'not found' : 'error')}  ${message}\n  Next: ${errorInfo[err.code].nextStep}\n`);
    return err.code === 'TRANSACTION_NOT_FOUND' ? 3 : 1;
  } finally {
    await connection?.client.close();
  }
}
