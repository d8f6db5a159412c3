// nexi-app2app decode [TEXT…] — every App2App URI found in the text (or standard input: a whole log works), explained.
import { decodeText } from '../core/explain/explain';
import { parseFlags, UsageError, type Io } from './io';
import { jsonExplanation } from './json';
import { lineIndex } from '../core/text';
import { t } from './messages';
import { renderExplanation, styler } from './render';

export function decodeHelp(): string {
  return t('decodeHelp');
}

export async function decode(argv: readonly string[], io: Io): Promise<number> {
  const { flags, positional } = parseFlags(argv, ['--json']);
  let text = positional.join(' ');
  if (positional.length === 0) {
    const stdin = await io.readStdin();
    if (stdin === undefined) throw new UsageError(t('decodeNeedsText'));
    text = stdin;
  }
  const explanations = decodeText(text);
  const where = lineIndex(text);
  if (flags.has('--json')) {
    io.stdout(JSON.stringify(explanations.map((e) => jsonExplanation(e, where)), null, 2) + '\n');
  } else if (explanations.length === 0) {
    io.stderr(t('decodeNothingFound') + '\n');
  } else {
    const s = styler(io.color);
    io.stdout(explanations.map((e) => renderExplanation(e, where, s)).join('\n'));
  }
  return explanations.length > 0 ? 0 : 1;
}
