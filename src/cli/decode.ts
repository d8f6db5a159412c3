// nexi-app2app decode [TEXT…] — every App2App URI found in the text (or standard input: a whole log works), explained.
import { scanText, type ScannedUri } from '../core/app2app/scan';
import { explainScanned } from '../core/explain/explain';
import { parseFlags, UsageError, type Io } from './io';
import { jsonExplanation } from '../core/explain/json';
import { lineIndex } from '../core/text';
import { t } from './messages';
import { renderExplanation, renderSources, styler, type CitedSources } from './render';

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
  const json = flags.has('--json');
  const scanned = scanText(text);
  if (scanned.length === 0) {
    if (json) io.stdout('[]\n');
    else io.stderr(t('decodeNothingFound') + '\n');
    return 1;
  }
  // One URI at a time, written as it is explained: a whole log's explanations never sit in memory at once (a large
  // log's JSON would not even fit in one string), and output waits whenever standard output is behind.
  const where = lineIndex(text);
  const s = styler(io.color);
  // Written in chunks of at least 64K characters (many URIs each, not one write per URI or per line).
  let pending = '';
  const write = async (chunk: string): Promise<void> => {
    pending += chunk;
    if (pending.length >= 1 << 16) await flush();
  };
  const flush = async (): Promise<void> => {
    if (pending === '') return;
    io.stdout(pending);
    pending = '';
    await io.drained?.();
  };
  if (json) await write('[\n');
  // The text names sources by title where they are cited; their addresses follow once, after the last URI.
  const cited: CitedSources = new Map();
  for (let i = 0; i < scanned.length; i++) {
    const e = explainScanned(scanned[i]!);
    // Let go of each URI once explained: what it parsed and read (parameters, the reading) is garbage from here on,
    // not a log's worth of objects kept alive until the end.
    (scanned as Array<ScannedUri | undefined>)[i] = undefined;
    // The same text as JSON.stringify(all, null, 2): each element indented by two more spaces.
    if (json) await write(`${i > 0 ? ',\n' : ''}  ${JSON.stringify(jsonExplanation(e, where), null, 2).replace(/\n/g, '\n  ')}`);
    else await write(`${i > 0 ? '\n' : ''}${renderExplanation(e, where, s, cited)}`);
  }
  if (json) await write('\n]\n');
  else if (cited.size > 0) await write(`\n${renderSources(cited, s)}`);
  await flush();
  return 0;
}
