// nexi-app2app build OPERATION key=value… — prints the request URI, encoded as Android's Uri.Builder does.
import { buildRequestUri, type RequestInput } from '../core/app2app/build';
import { BuildInputError, requestInputFromEntries } from '../core/app2app/buildInput';
import { operations } from '../core/app2app/catalog';
import { parseFlags, UsageError, type Io } from './io';
import { identifiersToKeep } from '../core/explain/explain';
import { jsonDiagnostic } from '../core/explain/json';
import { scanText } from '../core/app2app/scan';
import { maskPans } from '../core/redact';
import { lineIndex } from '../core/text';
import { t } from './messages';
import { renderDiagnostic, styler } from './render';

export function buildHelp(): string {
  return t('buildHelp', { operations: operations.map((o) => o.name).join(', ') });
}

export function inputFromPairs(operationName: string, pairs: readonly string[]): RequestInput {
  // Split lazily, so errors come in the order the pairs were given (after an unknown operation).
  function* entries(): Generator<[string, string]> {
    for (const pair of pairs) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new UsageError(t('notKeyValue', { pair }));
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
  if (!operation) throw new UsageError(t('buildNeedsOperation'));
  const { uri, diagnostics } = buildRequestUri(inputFromPairs(operation, pairs));
  const valid = !diagnostics.some((d) => d.severity === 'error');
  const where = lineIndex(uri);
  // A card number given as a value is printed masked, as everywhere (the URI's own identifiers stay, as in decode).
  const keep = identifiersToKeep(scanText(uri)[0]?.params ?? []);
  if (flags.has('--json')) {
    io.stdout(maskPans(JSON.stringify({ uri, valid, diagnostics: diagnostics.map((d) => jsonDiagnostic(d, where)) }, null, 2), keep) + '\n');
  } else {
    io.stdout(maskPans(uri, keep) + '\n');
    const s = styler(io.color);
    for (const d of diagnostics) io.stderr(maskPans(renderDiagnostic(d, where, s), keep));
  }
  return valid ? 0 : 1;
}
