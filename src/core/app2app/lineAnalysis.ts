// The editor's analysis of a document, line by line (issue 17: instant in the editor on real logs). App2App URIs
// never span a line break (the scanner stops at control characters), so a line's URIs and findings depend on its
// text alone: they are remembered per line text, and a pass after an edit recomputes only the lines that changed.
// A pass goes through the lines in the order given — the visible ones first — and gives the event loop back
// whenever its time budget is spent, so hovers and other requests are answered between two slices.

import type { Diagnostic } from '../types';
import { explainScanned } from '../explain/explain';
import { transactionFindings } from '../transaction/model';
import type { Yielder } from '../yielder';
import { offersCheck, scanText, type ScannedUri, type ScanOptions, type UriKind } from './scan';
import { validateUri } from './validate';

/** Lines `start` to `end`, both included (0-based). */
export interface LineRange {
  readonly start: number;
  readonly end: number;
}

/** What CodeLens needs of a URI on a line: where it starts (character) and what it is. */
export interface UriOnLine {
  readonly start: number;
  readonly end: number;
  readonly kind: UriKind;
  /** `offersCheck`: a result that checkTransaction can look up. */
  readonly check: boolean;
}

/** The findings the editor shows for one URI: the same as the hover's summary counts. */
export function uriDiagnostics(uri: ScannedUri): readonly Diagnostic[] {
  // A result URI's findings come from reading it as a whole (unmasked card data, contradictions): the explainer's,
  // which include the validator's. A request's are the validator's plus the transaction model's card-data findings
  // (A2R001, A2R012: PCI DSS).
  return uri.kind === 'result' ? explainScanned(uri).diagnostics : [...validateUri(uri), ...transactionFindings(uri)];
}

/** Whether `text` can hold a URI at all: every one has `://`, or `:\/\/` in JSON. */
function mayHoldUri(text: string): boolean {
  return text.indexOf('//') >= 0 || text.indexOf('\\/\\/') >= 0;
}

interface Entry {
  readonly uris: readonly UriOnLine[];
  diagnostics: readonly Diagnostic[] | undefined;
  used: number;
}

const none: readonly never[] = [];

/**
 * URIs and findings per line text, with line-relative character ranges. Lines longer than `maxLength` are not kept
 * (their text as a key would cost more than it saves). `sweep` after a pass drops what recent passes did not use,
 * so the cache holds about one version of the document.
 */
export class LineCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;

  constructor(
    private readonly options: ScanOptions = {},
    private readonly maxLength = 64 * 1024,
  ) {}

  get size(): number {
    return this.entries.size;
  }

  /** The URIs on a line. */
  uris(text: string): readonly UriOnLine[] {
    if (!mayHoldUri(text)) return none;
    return this.entry(text, false).uris;
  }

  /** The findings on a line, ranges relative to its start. */
  diagnostics(text: string): readonly Diagnostic[] {
    if (!mayHoldUri(text)) return none;
    return this.entry(text, true).diagnostics!;
  }

  /**
   * Forgets the lines no pass used since the sweep before the last one (two, because the CodeLens and diagnostics
   * passes over one version each sweep when they end, and the one may end while the other is half-way).
   */
  sweep(): void {
    for (const [text, e] of this.entries) if (e.used < this.generation - 1) this.entries.delete(text);
    this.generation++;
  }

  private entry(text: string, withDiagnostics: boolean): Entry {
    let e = this.entries.get(text);
    if (e && (e.diagnostics || !withDiagnostics)) {
      e.used = this.generation;
      return e;
    }
    // A line seen by CodeLens only is scanned again for its findings: scanning a line is ~100× cheaper than
    // explaining its URIs, and keeping the parsed URIs of every line would hold far more memory than the facts.
    const scanned = scanText(text, this.options);
    if (!e) {
      e = { uris: scanned.length ? scanned.map((u) => ({ start: u.range.start, end: u.range.end, kind: u.kind, check: offersCheck(u) })) : none, diagnostics: undefined, used: this.generation };
      if (text.length <= this.maxLength) this.entries.set(text, e);
    }
    if (withDiagnostics) e.diagnostics = scanned.length ? scanned.flatMap((u) => uriDiagnostics(u)) : none;
    e.used = this.generation;
    return e;
  }
}

/**
 * `visible` merged and clamped to the document, then — with `all` — every other line in document order: the order
 * in which a pass analyses a document so that what the user sees comes first.
 */
export function linesInOrder(visible: readonly LineRange[], lineCount: number, all: boolean): { first: LineRange[]; rest: LineRange[] } {
  const last = lineCount - 1;
  const sorted = visible
    .map((r) => ({ start: Math.max(0, Math.min(r.start, r.end)), end: Math.min(last, Math.max(r.start, r.end)) }))
    .filter((r) => r.start <= r.end)
    .sort((a, b) => a.start - b.start);
  const first: LineRange[] = [];
  for (const r of sorted) {
    const prev = first[first.length - 1];
    if (prev && r.start <= prev.end + 1) first[first.length - 1] = { start: prev.start, end: Math.max(prev.end, r.end) };
    else first.push(r);
  }
  const rest: LineRange[] = [];
  if (all) {
    let next = 0;
    for (const r of first) {
      if (r.start > next) rest.push({ start: next, end: r.start - 1 });
      next = r.end + 1;
    }
    if (next <= last) rest.push({ start: next, end: last });
  }
  return { first, rest };
}

/**
 * Calls `visit` for every line of `ranges` in order, pausing through `yielder` whenever its budget is spent (checked
 * after every line; only then is a promise awaited). False when the work was cancelled. `prepare`, when it returns
 * a promise for a line, is awaited before that line is visited (an editor loading what explaining needs, in slices).
 */
export async function forEachLine(
  ranges: readonly LineRange[],
  lineText: (line: number) => string,
  visit: (line: number, text: string) => void,
  yielder: Yielder,
  prepare?: (text: string) => Promise<void> | undefined,
): Promise<boolean> {
  for (const r of ranges) {
    for (let line = r.start; line <= r.end; line++) {
      const text = lineText(line);
      yielder.at = line;
      const preparing = prepare?.(text);
      if (preparing) {
        yielder.suspend();
        await preparing;
        yielder.resume();
        if (!(await yielder.checkpoint())) return false;
      }
      visit(line, text);
      if (yielder.due() && !(await yielder.checkpoint())) return false;
    }
  }
  return true;
}
