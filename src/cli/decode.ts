// nexi-app2app decode [TEXT…] — every App2App URI found in the text (or standard input: a whole log works), explained.
import { scanEach } from '../core/app2app/scan';
import { explainScanned } from '../core/explain/explain';
import { parseFlags, UsageError, type Io, type StdinLines } from './io';
import { lineCounter } from '../core/text';
import { t } from './messages';
import { renderDecoded, renderSources, styler, type CitedSources, type RenderedField, type RenderSink } from './render';

export function decodeHelp(): string {
  return t('decodeHelp');
}

export async function decode(argv: readonly string[], io: Io): Promise<number> {
  const { flags, positional } = parseFlags(argv, ['--json']);
  let input: StdinLines;
  // `-` alone is standard input, as for most commands that read files.
  if (positional.length > 0 && !(positional.length === 1 && positional[0] === '-')) input = { pieces: [positional.join(' ')], live: false };
  else {
    const lines = io.stdinLines ? io.stdinLines() : await wholeStdin(io);
    if (lines === undefined) throw new UsageError(t('decodeNeedsText'));
    input = lines;
  }
  const json = flags.has('--json');
  if ((await decodeHere(input, json, io, new DecodeOutput(io, json))) === 0) {
    if (json) io.stdout('[]\n');
    else io.stderr(t('decodeNothingFound') + '\n');
    return 1;
  }
  return 0;
}

/** Standard input read whole, as one piece (an Io without stdinLines: tests, the MCP server). */
async function wholeStdin(io: Io): Promise<StdinLines | undefined> {
  const text = await io.readStdin();
  return text === undefined ? undefined : { pieces: [text], live: false };
}

/** Every URI of the input explained into `out`, one at a time; how many were found (0: nothing was written). */
async function decodeHere(input: StdinLines, json: boolean, io: Io, out: DecodeOutput): Promise<number> {
  // One URI at a time, found, explained and written: a whole log's scanned URIs and explanations never sit in memory
  // at once (a large log's JSON would not even fit in one string), and output waits whenever standard output is behind.
  // The input comes a few whole lines at a time (a URI never spans lines): each piece is scanned on its own, its
  // offsets counted from the piece's start (`at` is where it starts in the whole input, `lines` the lines before it),
  // and its lines are counted as its URIs come.
  const s = styler(io.color);
  let i = 0;
  let at = 0;
  let lines = 0;
  for await (const piece of input.pieces) {
    const local = lineCounter(piece);
    const before = lines;
    const where = before === 0 ? local : (o: number) => shifted(local(o), before);
    for (const scanned of scanEach(piece)) {
      renderDecoded(explainScanned(scanned), i++, json, where, s, out.cited, at, out);
      await out.ready();
    }
    at += piece.length;
    lines += local(piece.length).line - 1;
    if (input.live) await out.flush();
  }
  if (i > 0) await out.end();
  return i;
}

function shifted(p: { line: number; column: number }, lines: number): { line: number; column: number } {
  return { line: p.line + lines, column: p.column };
}

/**
 * The output of a decode that found something: the opening of the JSON array, the URIs' texts in order, then the
 * closing bracket, or the sources cited (their titles are in the text, their addresses once at the end). Written in
 * chunks of at least 64K (many URIs each, not one write per URI or per line), waiting whenever standard output is
 * behind. Where standard output takes bytes, text is encoded as it comes, into one buffer used again once written,
 * and the text kept for fields explained alike is copied as the bytes kept with it: Node 20 encodes a long string
 * built of many short ones several times slower than the same text a few kilobytes at a time (a whole log's decode
 * spent more time encoding its output than explaining it), fresh memory for every chunk cost as much again, and most
 * of a log's output is fields it has printed before.
 */
class DecodeOutput implements RenderSink {
  /** The sources the text cites, in order of first citation. */
  readonly cited: CitedSources = new Map();
  #pending = '';
  #started = false;
  /** UTF-8 bytes not written yet: `#bytes[0…#length]`. */
  #bytes: Buffer | undefined;
  #length = 0;

  constructor(
    private readonly io: Io,
    private readonly json: boolean,
  ) {}

  text(text: string): void {
    if (!this.#started) text = this.#opening() + text;
    if (this.io.stdoutBytes === undefined) this.#pending += text;
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    else this.#length += this.#room(text.length * 3).write(text, this.#length);
  }

  kept(field: RenderedField): void {
    if (!this.#started || this.io.stdoutBytes === undefined) return this.text(field.text);
    const bytes = field.bytes;
    this.#room(bytes.length).set(bytes, this.#length);
    this.#length += bytes.length;
  }

  /** Writes what is waiting once it makes a chunk (after each URI). */
  async ready(): Promise<void> {
    if (this.#length >= 1 << 16 || this.#pending.length >= 1 << 16) await this.#flush();
  }

  /** Writes what is waiting (a live input's lines so far), even short of a chunk. */
  flush(): Promise<void> {
    return this.#flush();
  }

  async end(): Promise<void> {
    if (this.json) this.text('\n]\n');
    else if (this.cited.size > 0) this.text(`\n${renderSources(this.cited, styler(this.io.color))}`);
    await this.#flush();
  }

  /** What comes before the first URI: the JSON array's opening. */
  #opening(): string {
    this.#started = true;
    return this.json ? '[\n' : '';
  }

  /** The buffer, with room for `size` more bytes after `#length` (it grows to hold a chunk and the largest URI's text). */
  #room(size: number): Buffer {
    if (this.#bytes === undefined || this.#bytes.length - this.#length < size) {
      const bytes = Buffer.allocUnsafe(Math.max(1 << 17, (this.#length + size) * 2));
      if (this.#bytes) this.#bytes.copy(bytes, 0, 0, this.#length);
      this.#bytes = bytes;
    }
    return this.#bytes;
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
