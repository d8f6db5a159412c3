// nexi-app2app build OPERATION key=value… — prints the request URI, encoded as Android's Uri.Builder does.
import { buildRequestUri, type AdditionalTag, type RequestInput } from '../core/app2app/build';
import { findOperation, findParameter, operations, parameterNames } from '../core/app2app/catalog';
import { didYouMean } from '../core/app2app/suggest';
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

const booleans = new Set(['sendTicket', 'urlTicket', 'autoClose', 'hideRetry', 'tipEnabled']);

export function inputFromPairs(operationName: string, pairs: readonly string[]): RequestInput {
  const operation = findOperation(operationName);
  if (!operation) {
    const hint = didYouMean(operationName, operations.map((o) => o.name));
    throw new UsageError(`unknown operation '${operationName}'${hint ? `; did you mean '${hint}'?` : ''} (one of ${operations.map((o) => o.name).join(', ')})`);
  }
  const fields: Record<string, unknown> = { operation: operation.name };
  const tagKeys = new Map<number, string>();
  const tagValues = new Map<number, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new UsageError(`'${pair}' is not key=value`);
    const key = pair.slice(0, eq);
    const value = pair.slice(eq + 1);
    const match = findParameter(operation, 'request', key);
    if (!match) {
      const hint = didYouMean(key, parameterNames(operation, 'request'));
      throw new UsageError(`'${key}' is not a ${operation.name} parameter${hint ? `; did you mean '${hint}'?` : ''}`);
    }
    if (match.spec.family === 'additionalTagKey' || match.spec.family === 'additionalTagValue') {
      if (!match.index || !match.inRange) throw new UsageError(`'${key}': N must be 1 to 5`);
      (match.spec.family === 'additionalTagKey' ? tagKeys : tagValues).set(match.index, value);
    } else if (booleans.has(key)) {
      if (value !== 'true' && value !== 'false') throw new UsageError(`${key} takes true or false, not '${value}'`);
      fields[key] = value === 'true';
    } else {
      fields[key] = value;
    }
  }
  if (tagKeys.size > 0) {
    const indexes = [...new Set([...tagKeys.keys(), ...tagValues.keys()])].sort((a, b) => a - b);
    fields.additionalTags = indexes.map((n): AdditionalTag => ({ key: tagKeys.get(n) ?? '', value: tagValues.get(n) ?? '' }));
  } else if (tagValues.size > 0) {
    fields.legacyAddInfo = [...tagValues.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }
  return fields as unknown as RequestInput;
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
