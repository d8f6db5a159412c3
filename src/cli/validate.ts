// nexi-app2app validate URI… — diagnostics for App2App request URIs; exit 1 when any has an error.
import { scanText } from '../core/app2app/scan';
import { validateUri } from '../core/app2app/validate';
import { parseFlags, UsageError, type Io } from './io';
import { identifiersToKeep } from '../core/explain/explain';
import { jsonDiagnostic } from '../core/explain/json';
import { maskPans } from '../core/redact';
import { lineIndex } from '../core/text';
import { t, tn } from './messages';
import { renderCaret, renderDiagnostic, styler } from './render';

export function validateHelp(): string {
  return t('validateHelp');
}

const countKeys = {
  error: ['countErrorOne', 'countErrorMany'],
  warning: ['countWarningOne', 'countWarningMany'],
  info: ['countInfoOne', 'countInfoMany'],
} as const;

export async function validate(argv: readonly string[], io: Io): Promise<number> {
  const { flags, positional } = parseFlags(argv, ['--json']);
  // `-` alone is standard input, as for most commands that read files.
  let uris = positional.length === 1 && positional[0] === '-' ? [] : positional;
  if (uris.length === 0) {
    const stdin = await io.readStdin();
    if (stdin === undefined) throw new UsageError(t('validateNeedsUri'));
    uris = stdin.split(/\r?\n/).filter((l) => l.trim() !== '');
    // `validate < empty.txt`, or a pipe whose producer printed nothing: say so rather than pass on nothing checked.
    if (uris.length === 0) throw new UsageError(t('validateEmptyStdin'));
  }
  const s = styler(io.color);
  const results = uris.map((uri) => {
    // A URI pasted with surrounding text (a log line, a code literal) is validated where it stands.
    const scanned = scanText(uri).find((u) => u.kind === 'request');
    const diagnostics = validateUri(scanned ?? uri.trim());
    // What it prints quotes the URI: a card number in it is masked (the URI's own identifiers stay, as in decode).
    const keep = identifiersToKeep(scanned?.params ?? []);
    return { uri, diagnostics, valid: !diagnostics.some((d) => d.severity === 'error'), keep };
  });
  if (flags.has('--json')) {
    const keep = new Set(results.flatMap((r) => [...r.keep]));
    io.stdout(maskPans(JSON.stringify(results.map((r) => ({ uri: r.uri, valid: r.valid, diagnostics: r.diagnostics.map((d) => jsonDiagnostic(d, lineIndex(r.uri))) })), null, 2), keep) + '\n');
  } else {
    for (const r of results) {
      const where = lineIndex(r.uri);
      const counts = (['error', 'warning', 'info'] as const).map((sev) => tn(r.diagnostics.filter((d) => d.severity === sev).length, countKeys[sev][0], countKeys[sev][1])).join(', ');
      io.stdout(`${r.valid ? s('green', t('valid')) : s('red', t('invalid'))}  ${counts}\n`);
      // Masking keeps lengths: the carets still stand under what they point at.
      for (const d of r.diagnostics) {
        io.stdout(maskPans(renderDiagnostic(d, where, s), r.keep));
        if (!r.uri.includes('\n')) io.stdout(maskPans(renderCaret(r.uri, d.range, s), r.keep));
      }
    }
  }
  return results.every((r) => r.valid) ? 0 : 1;
}
