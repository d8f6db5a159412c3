// nexi-app2app validate URI… — diagnostics for App2App request URIs; exit 1 when any has an error.
import { scanText } from '../core/app2app/scan';
import { validateUri } from '../core/app2app/validate';
import { parseFlags, UsageError, type Io } from './io';
import { jsonDiagnostic } from './json';
import { lineIndex } from '../core/text';
import { renderCaret, renderDiagnostic, styler } from './render';

export const validateHelp = `Usage: nexi-app2app validate [--json] URI…

Checks App2App request URIs (neximpos://…) against Nexi's documentation: required parameters, values,
encoding, additional tags, autoClose/sendTicket, artefacts of copied examples. Without URI, reads one URI
per line from standard input. Exit status: 0 valid (warnings allowed), 1 at least one error.
`;

export async function validate(argv: readonly string[], io: Io): Promise<number> {
  const { flags, positional } = parseFlags(argv, ['--json']);
  let uris = positional;
  if (uris.length === 0) {
    const stdin = await io.readStdin();
    if (stdin === undefined) throw new UsageError('validate needs a URI (quote it: the shell treats & as a command separator)');
    uris = stdin.split(/\r?\n/).filter((l) => l.trim() !== '');
  }
  const s = styler(io.color);
  const results = uris.map((uri) => {
    // A URI pasted with surrounding text (a log line, a code literal) is validated where it stands.
    const scanned = scanText(uri).find((u) => u.kind === 'request');
    const diagnostics = validateUri(scanned ?? uri.trim());
    return { uri, diagnostics, valid: !diagnostics.some((d) => d.severity === 'error') };
  });
  if (flags.has('--json')) {
    io.stdout(JSON.stringify(results.map((r) => ({ uri: r.uri, valid: r.valid, diagnostics: r.diagnostics.map((d) => jsonDiagnostic(d, lineIndex(r.uri))) })), null, 2) + '\n');
  } else {
    for (const r of results) {
      const where = lineIndex(r.uri);
      const counts = ['error', 'warning', 'info'].map((sev) => `${r.diagnostics.filter((d) => d.severity === sev).length} ${sev}(s)`).join(', ');
      io.stdout(`${r.valid ? s('green', 'valid') : s('red', 'invalid')}  ${counts}\n`);
      for (const d of r.diagnostics) {
        io.stdout(renderDiagnostic(d, where, s));
        if (!r.uri.includes('\n')) io.stdout(renderCaret(r.uri, d.range, s));
      }
    }
  }
  return results.every((r) => r.valid) ? 0 : 1;
}
