// What a subcommand needs from the process, passed in so tests run subcommands in-process on real strings.
import { fstatSync, readFileSync } from 'fs';
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
  /** Colour and other terminal niceties. */
  readonly color: boolean;
  /** Resolves once standard output has taken what was written so far (long outputs wait instead of piling up). */
  readonly drained?: () => Promise<void>;
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
      // A file (`decode < app.log`) is read in one go, from where standard input stands, then decoded: a 50 MB log in
      // ~0.37 s, against ~0.64 s as a stream of chunks joined, and ~0.51 s with readFileSync(0, 'utf8') on Node 20.
      if (isFile(0)) return readFileSync(0).toString('utf8');
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks).toString('utf8');
    },
    color: !!process.stdout.isTTY && !process.env.NO_COLOR,
    drained: () => (process.stdout.writableNeedDrain ? new Promise((resolve) => process.stdout.once('drain', resolve)) : Promise.resolve()),
  };
}

function isFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    return false;
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
