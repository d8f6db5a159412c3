// What a subcommand needs from the process, passed in so tests run subcommands in-process on real strings.
import { fstatSync, readFileSync, readSync, type Stats } from 'fs';
import { didYouMean } from '../core/app2app/suggest';
import { t } from './messages';

export interface Io {
  readonly stdout: (text: string) => void;
  /**
   * Standard output for text already encoded in UTF-8 (long outputs: decode), where it takes bytes. Resolves once the
   * bytes are written (or failed to be: the stream's own error handling decides): their memory can be used again.
   */
  readonly stdoutBytes?: (bytes: Uint8Array) => Promise<void>;
  readonly stderr: (text: string) => void;
  /** Whole standard input, or undefined when it is a terminal (nothing piped). */
  readonly readStdin: () => Promise<string | undefined>;
  /**
   * Standard input as it comes, a few whole lines at a time (see {@link wholeLines}), or undefined when it is a
   * terminal. Commands that read a log line by line (decode) take it when there is one, readStdin otherwise.
   */
  readonly stdinLines?: () => StdinLines | undefined;
  /** Colour and other terminal niceties. */
  readonly color: boolean;
  /** Resolves once standard output has taken what was written so far (long outputs wait instead of piling up). */
  readonly drained?: () => Promise<void>;
}

/** Standard input a few whole lines at a time. */
export interface StdinLines {
  readonly pieces: AsyncIterable<string> | Iterable<string>;
  /** More may come at any time (a pipe, `adb logcat | …`): what the lines so far make is worth printing now. */
  readonly live: boolean;
}

export class UsageError extends Error {}

/** The usage error for an option the command does not take, naming the known one it most likely meant. */
export function unknownOption(option: string, known: readonly string[]): UsageError {
  const flag = option.includes('=') ? option.slice(0, option.indexOf('=')) : option;
  const names = known.map((k) => k.replace(/^-+/, ''));
  const name = flag.replace(/^-+/, '');
  // A typo (`--jsn`), or the start of exactly one option (`--confirm-prod`).
  const starting = name.length >= 3 ? names.filter((n) => n.startsWith(name)) : [];
  const suggestion = didYouMean(name, names) ?? (starting.length === 1 ? starting[0] : undefined);
  return new UsageError(suggestion === undefined ? t('unknownOption', { option }) : t('unknownOptionSuggestion', { option, suggestion: `--${suggestion}` }));
}

export function processIo(): Io {
  // `nexi-app2app decode < big.log | head`: once the reader has closed the pipe, what is left to print has no
  // reader; stop quietly instead of failing with an EPIPE stack trace. The exit status stays the command's when it
  // has one by then (`validate … | head` still exits 1 on errors: the command returns before this runs); a
  // command still printing (decode) has found something, so 0.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') setImmediate(() => process.exit(process.exitCode ?? 0));
    else throw err;
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stdoutBytes: (bytes) => new Promise<void>((resolve) => process.stdout.write(bytes, () => resolve())),
    stderr: (t) => process.stderr.write(t),
    readStdin: async () => {
      if (process.stdin.isTTY) return undefined;
      // Commands that need all of it (`validate < uris.txt`; decode takes stdinLines). A file is read in one go, from
      // where standard input stands, then decoded: 50 MB in ~0.37 s, against ~0.64 s as a stream of chunks joined, and
      // ~0.51 s with readFileSync(0, 'utf8') on Node 20.
      if (fileStats(0)?.isFile()) return readFileSync(0).toString('utf8');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    stdinLines: () => {
      if (process.stdin.isTTY) return undefined;
      // A file (`decode < app.log`) is read from where standard input stands, 64 KiB at a time into the same memory:
      // a 50 MB log in ~50 ms, against ~0.37 s read whole (fresh memory for 50 MB costs this machine more than reading).
      const file = fileStats(0);
      if (file?.isFile()) {
        if (file.size >= largeInput) tuneForWholeLog();
        return { pieces: wholeLines(fileChunks(0)), live: false };
      }
      return { pieces: wholeLines(growingOnceLarge(process.stdin as AsyncIterable<Uint8Array>)), live: true };
    },
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    drained: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
  };
}

/**
 * A file from this size on is a whole log (see tuneForWholeLog); a pipe is one once this much came (a whole log comes
 * in full 64 KiB reads at once: V8 is tuned early in a decode, or never).
 */
const largeInput = 1 << 20;
const largeFirstChunks = 1 << 16;

/**
 * Tunes V8 for a command reading a whole log (issue 17), with the flags of {@link wholeLogFlags}. Only for large
 * inputs: loading the `v8` module costs a short run ~4 ms.
 */
function tuneForWholeLog(): void {
  if (tuned) return;
  tuned = true;
  const flags = wholeLogFlags();
  if (flags.length === 0) return;
  const v8 = require('v8') as typeof import('v8');
  for (const flag of flags) v8.setFlagsFromString(flag);
}
let tuned = false;

/**
 * The V8 flags a whole log's decode runs better with, less those node was given (NODE_OPTIONS, node's own arguments:
 * `given`), on this V8 (`v8Version`). Set at run time: V8 reads both kinds whenever it uses them.
 * - The young generation grows to its full size at once. Decoding a log makes a great many short-lived strings and
 *   objects, and the young generation starts at 1 MB and only doubles each time much of it survives a scavenge, so a
 *   50 MB decode paused for 185 scavenges (~190 ms) while it grew. With a growth factor of 16 it reaches its full size
 *   (16 MB on 64-bit Node) at the first growth: 94 scavenges (~90 ms), the same peak memory (102 vs 103 MB resident),
 *   the whole decode ~5% faster.
 * - On Node 20's V8 (11.3), large functions are optimised sooner. That V8 gives a function to its optimising compiler
 *   after 3 + (bytecode length / 150) rounds of its interrupt budget: the explainer's per-URI functions are large
 *   (`summarise` ~2.7 KB of bytecode, `readingLines` ~1.9, `readTransaction` ~1.7), so they waited for 14–21 rounds
 *   (readTransaction: V8 decided at the 567th URI of a log; its code, through the compiler threads' queue, came after
 *   1,000–2,600 URIs) while MB 2–10 of a log decoded at ~40 ms/MB, ~24 once optimised. With 2 + (length / 600) rounds
 *   V8 decides about three times sooner (readTransaction: at the 163rd URI): 2.6% fewer instructions for a 10 MB decode
 *   (callgrind, --single-threaded); a 50 MB decode was faster in 11 of 12 alternating runs (the pairs' median ratio
 *   0.92 on a busy machine; fastest runs 1% apart). Node 24's V8 (13.6, tiering up through Maglev) has no such flags,
 *   and an unknown flag would be an error message on standard error: other V8s are left as they are.
 */
export function wholeLogFlags(v8Version = process.versions.v8, given = [process.env.NODE_OPTIONS ?? '', ...process.execArgv].join(' ')): string[] {
  const named = given.replace(/_/g, '-');
  const flags: string[] = [];
  if (!named.includes('semi-space')) flags.push('--semi-space-growth-factor=16');
  if (/^11\.3\./.test(v8Version) && !named.includes('bytecode-size-allowance-per-tick') && !named.includes('ticks-before-optimization')) {
    flags.push('--bytecode-size-allowance-per-tick=600', '--ticks-before-optimization=2');
  }
  return flags;
}

/** `chunks` as they come; once they make a large input, V8 is tuned for a whole log. */
async function* growingOnceLarge(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array, void, undefined> {
  let size = 0;
  for await (const chunk of chunks) {
    if (size < largeFirstChunks && (size += chunk.byteLength) >= largeFirstChunks) tuneForWholeLog();
    yield chunk;
  }
}

/** The file open as `fd`, from where it stands, 64 KiB at a time; each chunk's memory is used again for the next. */
function* fileChunks(fd: number): Generator<Uint8Array, void, undefined> {
  const buffer = Buffer.allocUnsafe(1 << 16);
  for (let n = readSync(fd, buffer, 0, buffer.length, null); n > 0; n = readSync(fd, buffer, 0, buffer.length, null)) yield buffer.subarray(0, n);
}

/**
 * UTF-8 `chunks` as text, each piece whole lines: it ends just after a newline, or at the end of the input. Decoded
 * piece by piece, the text is the one the bytes make whole (a newline byte is never part of another character), and a
 * URI never spans lines (scan.ts: a newline ends every URI) unless a backslash escapes the newline (a string literal
 * continued on the next line): a piece never ends there, so every piece can be scanned on its own. A chunk's memory
 * may be used again once the next is asked for (fileChunks): what is kept of it is copied.
 */
export async function* wholeLines(chunks: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): AsyncGenerator<string, void, undefined> {
  // What follows the last line end so far, kept until one comes (in chunks: a long line is joined once).
  let carried: Buffer[] = [];
  for await (const chunk of chunks) {
    if (chunk.byteLength === 0) continue;
    const bytes = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    const end = lineEnd(bytes, carried);
    if (end === 0) {
      carried.push(Buffer.from(bytes));
      continue;
    }
    yield (carried.length === 0 ? bytes.subarray(0, end) : Buffer.concat([...carried, bytes.subarray(0, end)])).toString('utf8');
    carried = end === bytes.length ? [] : [Buffer.from(bytes.subarray(end))];
  }
  if (carried.length > 0) yield Buffer.concat(carried).toString('utf8');
}

/** Index just after the last newline of `bytes` no backslash escapes (`\`, or `\` and a carriage return, before it), or 0. */
function lineEnd(bytes: Buffer, carried: readonly Buffer[]): number {
  // The byte `back` bytes before index `i` of `bytes`, looking into the carried bytes before it if need be.
  const before = (i: number, back: number): number => {
    if (i - back >= 0) return bytes[i - back]!;
    let k = back - i;
    for (let c = carried.length - 1; c >= 0; c--) {
      if (k <= carried[c]!.length) return carried[c]![carried[c]!.length - k]!;
      k -= carried[c]!.length;
    }
    return -1;
  };
  for (let i = bytes.lastIndexOf(10); i >= 0; i = i > 0 ? bytes.lastIndexOf(10, i - 1) : -1) {
    const previous = before(i, 1);
    if (previous !== 92 && !(previous === 13 && before(i, 2) === 92)) return i + 1;
  }
  return 0;
}

/** What the system tells of the file open as `fd` (undefined when it cannot tell). */
function fileStats(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

/** Splits `argv` into flags it knows and positional arguments; unknown flags are usage errors. */
export function parseFlags(argv: readonly string[], known: readonly string[]): { flags: Set<string>; positional: string[] } {
  const flags = new Set<string>();
  const positional: string[] = [];
  let rest = false;
  for (const a of argv) {
    if (rest || !a.startsWith('--')) positional.push(a);
    else if (a === '--') rest = true;
    else if (known.includes(a)) flags.add(a);
    else throw unknownOption(a, known);
  }
  return { flags, positional };
}
