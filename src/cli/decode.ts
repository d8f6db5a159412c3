// nexi-app2app decode [TEXT…] — every App2App URI found in the text (or standard input: a whole log works), explained.
import { scanEach } from '../core/app2app/scan';
import { explainScanned } from '../core/explain/explain';
import { parseFlags, UsageError, type Io } from './io';
import { lineIndex } from '../core/text';
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
  let where: ReturnType<typeof lineIndex> | undefined;
  const s = styler(io.color);
  let i = 0;
  for (const scanned of scanEach(text)) {
    where ??= lineIndex(text);
    await out.write(renderDecoded(explainScanned(scanned), i++, json, where, s, out.cited));
  }
  if (i > 0) await out.end();
  return i;
}

/**
 * The output of a decode that found something: the opening of the JSON array, the URIs' texts in order, then the
 * closing bracket, or the sources cited (their titles are in the text, their addresses once at the end). Written in
 * chunks of at least 64K characters (many URIs each, not one write per URI or per line), waiting whenever standard
 * output is behind. Where standard output takes bytes, each URI's text is encoded as it comes: Node 20 encodes a
 * long string built of many short ones several times slower than the same text a few kilobytes at a time (a whole
 * log's decode spent more time encoding its output than explaining it).
 */
class DecodeOutput {
  /** The sources the text cites, in order of first citation. */
  readonly cited: CitedSources = new Map();
  #pending = '';
  #started = false;
  /** UTF-8 bytes not written yet: `#bytes[#from…#to]`; what follows is free. */
  #bytes: Buffer | undefined;
  #from = 0;
  #to = 0;

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
    // UTF-8 takes at most 3 bytes per UTF-16 unit. What is not written yet moves to the new buffer.
    if (this.#bytes === undefined || this.#bytes.length - this.#to < text.length * 3) {
      const bytes = Buffer.allocUnsafe(Math.max(1 << 18, (this.#to - this.#from + text.length) * 3));
      this.#to = this.#bytes?.copy(bytes, 0, this.#from, this.#to) ?? 0;
      this.#from = 0;
      this.#bytes = bytes;
    }
    this.#to += encoder.encodeInto(text, this.#bytes.subarray(this.#to)).written;
    if (this.#to - this.#from >= 1 << 16) await this.#flush();
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
    } else if (this.#bytes !== undefined && this.#to > this.#from) {
      // The stream keeps what it is given until written: the part given is never written over.
      this.io.stdoutBytes!(this.#bytes.subarray(this.#from, this.#to));
      this.#from = this.#to;
    } else return;
    await this.io.drained?.();
  }
}

const encoder = new TextEncoder();
