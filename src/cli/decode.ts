// nexi-app2app decode [TEXT…] — every App2App URI found in the text (or standard input: a whole log works), explained.
import { decodeText } from '../core/explain/explain';
import { parseFlags, UsageError, type Io } from './io';
import { jsonExplanation } from './json';
import { lineIndex } from '../core/text';
import { renderExplanation, styler } from './render';

export const decodeHelp = `Usage: nexi-app2app decode [--json] [TEXT…]

Finds every App2App request and result URI in TEXT (or in standard input when no TEXT is given: pipe a
whole logcat) and explains every field. Exit status: 0 when at least one URI was found, 1 when none was.
`;

export async function decode(argv: readonly string[], io: Io): Promise<number> {
  const { flags, positional } = parseFlags(argv, ['--json']);
  let text = positional.join(' ');
  if (positional.length === 0) {
    const stdin = await io.readStdin();
    if (stdin === undefined) throw new UsageError('decode needs TEXT, or text on standard input (e.g. adb logcat -d | nexi-app2app decode)');
    text = stdin;
  }
  const explanations = decodeText(text);
  const where = lineIndex(text);
  if (flags.has('--json')) {
    io.stdout(JSON.stringify(explanations.map((e) => jsonExplanation(e, where)), null, 2) + '\n');
  } else if (explanations.length === 0) {
    io.stderr('No App2App URI found (looked for neximpos://… requests and …://payment|reversal|last_transaction|accounting_closure?… results).\n');
  } else {
    const s = styler(io.color);
    io.stdout(explanations.map((e) => renderExplanation(e, where, s)).join('\n'));
  }
  return explanations.length > 0 ? 0 : 1;
}
