// nexi-app2app decode [TEXT…] — every App2App URI found in the text (or standard input: a whole log works), explained.
import { scanEach } from '../core/app2app/scan';
import { explainScanned } from '../core/explain/explain';
import { parseFlags, UsageError, type Io } from './io';
import { lineCounter } from '../core/text';
import { t } from './messages';
import { renderDecoded, renderSources, styler, type CitedSources } from './render';

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
  if ((await decodeHere(text, json, io, new DecodeOutput(io, json))) === 0) {
    if (json) io.stdout('[]\n');
    else io.stderr(t('decodeNothingFound') + '\n');
    return 1;
  }
  return 0;
}

/** Every URI of `text` explained into `out`, one at a time; how many were found (0: nothing was written). */
async function decodeHere(text: string, json: boolean, io: Io, out: DecodeOutput): Promise<number> {
  // One URI at a time, found, explained and written: a whole log's scanned URIs and explanations never sit in memory
  // at once (a large log's JSON would not even fit in one string), and output waits whenever standard output is behind.
  // URIs come in order: their lines are counted as they come.
  const where = lineCounter(text);
  const s = styler(io.color);
  let i = 0;
  for (const scanned of scanEach(text)) {
    await out.write(renderDecoded(explainScanned(scanned), i++, json, where, s, out.cited));
  }
  if (i > 0) await out.end();
  return i;
}

/**
 * The output of a decode that found something: the opening of the JSON array, the URIs' texts in order, then the
 * closing bracket, or the sources cited (their titles are in the text, their addresses once at the end). Written in
 * chunks of at least 64K characters (many URIs each, not one write per URI or per line), waiting whenever standard
 * output is behind. Where standard output takes bytes, each URI's text is encoded as it comes, into one buffer used
 * again once written: Node 20 encodes a long string built of many short ones several times slower than the same text
 * a few kilobytes at a time (a whole log's decode spent more time encoding its output than explaining it), and fresh
 * memory for every chunk cost as much again.
 */
class DecodeOutput {
  /** The sources the text cites, in order of first citation. */
  readonly cited: CitedSources = new Map();
  #pending = '';
  #started = false;
  /** UTF-8 bytes not written yet: `#bytes[0…#length]`. */
  #bytes: Uint8Array | undefined;
  #length = 0;

  constructor(
    private readonly io: Io,
    private readonly json: boolean,
  ) {}

  async write(chunk: string): Promise<void> {
    const text = this.#opening() + chunk;
    if (this.io.stdoutBytes === undefined) {
      this.#pending += text;
      if (this.#pending.length >= 1 << 16) await this.#flush();
      return;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit; the buffer grows to hold a chunk and the largest URI's text.
    if (this.#bytes === undefined || this.#bytes.length - this.#length < text.length * 3) {
      const bytes = new Uint8Array(Math.max(1 << 17, (this.#length + text.length) * 3));
      if (this.#bytes) bytes.set(this.#bytes.subarray(0, this.#length));
      this.#bytes = bytes;
    }
    this.#length += encoder.encodeInto(text, this.#bytes.subarray(this.#length)).written;
    if (this.#length >= 1 << 16) await this.#flush();
  }

  async end(): Promise<void> {
    if (this.json) await this.write('\n]\n');
    else if (this.cited.size > 0) await this.write(`\n${renderSources(this.cited, styler(this.io.color))}`);
    await this.#flush();
  }

  /** What comes before the first URI: the JSON array's opening. */
  #opening(): string {
    if (this.#started) return '';
    this.#started = true;
    return this.json ? '[\n' : '';
  }

  async #flush(): Promise<void> {
    if (this.#pending !== '') {
      this.io.stdout(this.#pending);
      this.#pending = '';
      await this.io.drained?.();
    } else if (this.#bytes !== undefined && this.#length > 0) {
      // Written before the buffer is filled again.
      await this.io.stdoutBytes!(this.#bytes.subarray(0, this.#length));
      this.#length = 0;
    }
  }
}

const encoder = new TextEncoder();
