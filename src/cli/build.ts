// nexi-app2app build OPERATION key=value… — prints the request URI, encoded as Android's Uri.Builder does.
import { buildRequestUri, type RequestInput } from '../core/app2app/build';
import { BuildInputError, requestInputFromEntries } from '../core/app2app/buildInput';
import { operations } from '../core/app2app/catalog';
import { parseFlags, UsageError, type Io } from './io';
import { jsonDiagnostic } from './json';
import { lineIndex } from '../core/text';
import { renderDiagnostic, styler } from './render';

export const buildHelp = `Usage: nexi-app2app build [--json] OPERATION key=value…

OPERATION is one of: ${operations.map((o) => o.name).join(', ')}.
Values are given unencoded (the builder percent-encodes them); additional tags as addInfoKey1=… addInfo1=….
Example: nexi-app2app build payment amount=1250 callerTrxId=A-1 "callerName=Pizza Pay" uri=pizzapay://payment sendTicket=false autoClose=true
Exit status: 0 when the URI is valid, 1 when it has errors (the URI is still printed), 2 on usage errors.
`;

export function inputFromPairs(operationName: string, pairs: readonly string[]): RequestInput {
  // Split lazily, so errors come in the order the pairs were given (after an unknown operation).
  function* entries(): Generator<[string, string]> {
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(`'${pair}' is not key=value`);
      yield [pair.slice(0, eq), pair.slice(eq + 1)];
    }
  }
  try {
    return requestInputFromEntries(operationName, entries());
  } catch (err) {
    if (err instanceof BuildInputError) throw new UsageError(err.message);
    throw err;
  }
}

export function build(argv: readonly string[], io: Io): number {
  const { flags, positional } = parseFlags(argv, ['--json']);
  const [operation, ...pairs] = positional;
  if (!operation) throw new UsageError('build needs an OPERATION and key=value pairs');
  const { uri, diagnostics } = buildRequestUri(inputFromPairs(operation, pairs));
  const valid = !diagnostics.some((d) => d.severity === 'error');
  const where = lineIndex(uri);
  if (flags.has('--json')) {
    io.stdout(JSON.stringify({ uri, valid, diagnostics: diagnostics.map((d) => jsonDiagnostic(d, where)) }, null, 2) + '\n');
  } else {
    io.stdout(uri + '\n');
    const s = styler(io.color);
    for (const d of diagnostics) io.stderr(renderDiagnostic(d, where, s));
  }
  return valid ? 0 : 1;
}
