// Scanning large texts in slices, pausing between them (issue 4: the extension host must never be blocked for long;
// scanning 5 MB of logcat at once takes 100–400 ms). The editor's diagnostics go line by line instead
// (lineAnalysis.ts); this serves selections and the clipboard. App2App URIs never span a line
// break (the scanner stops at control characters), so slices cut after a line break find exactly what one scan of
// the whole text finds; the URIs of later slices are moved to whole-text offsets by `shiftScanned`.

import { Yielder, type CooperativeOptions } from '../yielder';
import { moveParsed } from './parse';
import { scanText, withParsedUri, type ScannedUri, type ScanOptions } from './scan';

/** The URI `s`, found in a slice that starts at offset `delta` of a larger text, with every range moved by `delta`. */
export function shiftScanned(s: ScannedUri, delta: number): ScannedUri {
  if (delta === 0) return s;
  // The scanner's parse, moved: the text is not parsed again (issue 17).
  return withParsedUri(s, moveParsed(s.uri, delta));
}

export interface ChunkedScanOptions extends ScanOptions, CooperativeOptions {
  /** Characters per slice before the next line break. Default 32 Ki (a few ms of scanning). */
  readonly chunkSize?: number;
  /** Offset of `text` in the document it was cut from: every range is moved by it. Default 0. */
  readonly base?: number;
}

/**
 * Every App2App URI in `text`, as `scanText` finds them, scanned slice by slice with a pause whenever the time
 * budget is spent. Undefined when cancelled. A single line longer than a slice is scanned in one go.
 */
export async function scanInChunks(text: string, options: ChunkedScanOptions = {}): Promise<ScannedUri[] | undefined> {
  const size = Math.max(1, options.chunkSize ?? 32 * 1024);
  const base = options.base ?? 0;
  const yielder = options.yielder ?? new Yielder(options);
  const out: ScannedUri[] = [];
  if (options.isCancelled?.()) return undefined;
  let start = 0;
  while (start < text.length) {
    let end = start + size >= text.length ? text.length : text.indexOf('\n', start + size);
    end = end < 0 ? text.length : Math.min(text.length, end + 1);
    const slice = start === 0 && end === text.length ? text : text.slice(start, end);
    for (const s of scanText(slice, options)) out.push(shiftScanned(s, base + start));
    start = end;
    if (!(await yielder.checkpoint())) return undefined;
  }
  return out;
}

/**
 * At most `max` characters of `line` around `at`: a hover on a 5 MB single-line log then still parses a bounded
 * window (issue 4). The window starts after a blank when there is one before `at`, so it does not begin inside the
 * URI under the cursor.
 */
export function windowAround(line: string, at: number, max = 64 * 1024): { text: string; delta: number } {
  if (line.length <= max) return { text: line, delta: 0 };
  let start = Math.max(0, Math.min(at - Math.floor(max / 2), line.length - max));
  const blank = line.indexOf(' ', start);
  if (start > 0 && blank >= 0 && blank < at) start = blank + 1;
  return { text: line.slice(start, start + max), delta: start };
}
