// Where the editor features find URIs in a document, within the large-file rules of issue 4 and the latency budgets
// of issue 17:
// - hovers, quick fixes, completion and commands read one line (a window of it when the line is huge), never the
//   document-wide analysis: they answer at once even while a pass runs;
// - diagnostics and CodeLens go line by line (lineAnalysis.ts), the visible lines first, in slices of a few ms
//   with pauses between them; what a line holds is remembered per line text, so a pass after an edit recomputes
//   only the changed lines; documents over 5 MB are analysed on their visible lines only, saying so once.
import * as vscode from 'vscode';
import { LineCache, forEachLine, linesInOrder, type LineRange, type UriOnLine } from '../core/app2app/lineAnalysis';
import { shiftScanned, windowAround } from '../core/app2app/scanChunks';
import { Yielder } from '../core/yielder';
import { scanText, type ScannedUri, type ScanOptions } from '../core/app2app/scan';
import { editorLanguages, markupLanguages } from '../core/editorLanguages';
import { explainWarmUp } from '../core/explain/warmUp';
import { getLocale } from '../core/l10n';
import type { Logger } from './log';
import type { Ui } from './ui';

/** Documents longer than this (UTF-16 code units, ≈ bytes for logs) are analysed on their visible lines only. */
export const largeFileThreshold = 5 * 1024 * 1024;

/**
 * Lines analysed first when no editor shows the document yet: an editor opening it shows its top (about 30–60 lines
 * on common screens; inferred, VS Code states no number), so its first diagnostics are ready when it appears.
 */
const firstScreenLines = 100;

/**
 * Work between two pauses of a pass, ms. Issue 17 allows no blocking slice over 20 ms in the extension host; the
 * host runs other extensions' work between our slices too, and one line may overrun the budget a little.
 */
const sliceBudgetMs = 4;

/** Schemes whose documents get diagnostics and CodeLens (not output channels, diff views or our own documents). */
const analysedSchemes = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export const documentSelector: vscode.DocumentSelector = editorLanguages.map((language) => ({ language }));

/** Gives the event loop back (between slices of work). */
export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** The extension host's CPU time, ms: tells a slice that took long from one the host spent waiting for a processor. */
const cpuNow = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** The document's length without joining its lines (getText() of 50 MB alone blocks for hundreds of ms). */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

export function scanOptions(document: vscode.TextDocument): ScanOptions {
  return markupLanguages.has(document.languageId) ? { markup: true } : {};
}

/** The lines a pass analyses: `first` (the visible ones, or the first screen), then `rest` (none over 5 MB). */
export interface Plan {
  readonly first: readonly LineRange[];
  readonly rest: readonly LineRange[];
  /** Same key, same lines: version and, for large documents, the lines analysed. */
  readonly key: string;
}

/** The URIs of one line, for CodeLens. */
export interface UrisOnLine {
  readonly line: number;
  readonly uris: readonly UriOnLine[];
}

export class UriIndex implements vscode.Disposable {
  private readonly lineCaches = new Map<string, LineCache>();
  private readonly lensPasses = new Map<string, { key: string; lines: Promise<readonly UrisOnLine[] | undefined> }>();
  private readonly told = new Set<string>();
  private readonly visibleChanged = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires (debounced while scrolling) when the visible lines of a large document change: its analysis must follow. */
  readonly onDidChangeVisibleLines = this.visibleChanged.event;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.visibleChanged];
  /**
   * The longest stretch the analyses blocked the extension host for (ms, wall time: on a busy machine it includes
   * time the process waited for a CPU), and how often they gave the event loop back, for logs, tests and the
   * editor benchmark.
   */
  /** The longest stretch of work between two pauses, where it ended (a line, 0-based, or a warm-up step), pauses. */
  readonly stats: { longestSliceMs: number; longestSliceAt: string | number | undefined; longestSliceCpuMs: number | undefined; pauses: number } = {
    longestSliceMs: 0,
    longestSliceAt: undefined,
    longestSliceCpuMs: undefined,
    pauses: 0,
  };
  /** Loading what explaining needs, one chunk per slice (see warmUp); settled once it is done. */
  private warming: Promise<void> | undefined;
  private warm = false;

  constructor(
    private readonly log: Logger,
    private readonly ui: Ui,
  ) {
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.visibleRangesChanged(e.textEditor.document, 100), this, this.disposables);
    // An editor that just appeared needs its lines now, not after a scrolling debounce.
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.visibleRangesChanged(e.document, 0)), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => {
      this.lineCaches.delete(d.uri.toString());
      this.lensPasses.delete(d.uri.toString());
    }, this, this.disposables);
    // The first Intl.NumberFormat of a process initialises ICU's number formatting: 60–90 ms of blocking (measured
    // in the editor benchmark's profile, issue 17), which would otherwise land in the first hover or the first slice
    // of the first analysis, since amounts are explained with it. Paid once, after activation, not during it.
    const warmUp = setTimeout(() => new Intl.NumberFormat(getLocale(), { style: 'currency', currency: 'EUR' }).format(0), 0);
    this.disposables.push({ dispose: () => clearTimeout(warmUp) });
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  isAnalysed(document: vscode.TextDocument): boolean {
    return analysedSchemes.has(document.uri.scheme) && (editorLanguages as readonly string[]).includes(document.languageId);
  }

  isLarge(document: vscode.TextDocument): boolean {
    return documentLength(document) > largeFileThreshold;
  }

  private visibleRangesChanged(document: vscode.TextDocument, delay: number): void {
    if (!this.isAnalysed(document) || !this.isLarge(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.visibleChanged.fire(document);
    }, delay));
  }

  /** Lines visible in any editor showing `document`. */
  private visibleLines(document: vscode.TextDocument): LineRange[] {
    return vscode.window.visibleTextEditors
      .filter((e) => e.document === document)
      .flatMap((e) => e.visibleRanges)
      .map((r) => ({ start: r.start.line, end: r.end.line }));
  }

  /** What a pass over `document` analyses now, visible lines first. */
  plan(document: vscode.TextDocument): Plan {
    const large = this.isLarge(document);
    const visible = this.visibleLines(document);
    // Said when the limitation shows, i.e. once the document is on screen.
    if (large && visible.length > 0) this.sayOnce(document);
    const { first, rest } = linesInOrder(visible.length > 0 ? visible : [{ start: 0, end: firstScreenLines - 1 }], document.lineCount, !large);
    return { first, rest, key: `${document.version}|${large ? first.map((r) => `${r.start}-${r.end}`).join(',') : 'all'}` };
  }

  /** What the lines of `document` hold, remembered per line text for as long as the document is open. */
  lineCache(document: vscode.TextDocument): LineCache {
    const id = document.uri.toString();
    let cache = this.lineCaches.get(id);
    if (!cache) this.lineCaches.set(id, (cache = new LineCache(scanOptions(document))));
    return cache;
  }

  /**
   * Runs `visit` over the lines of `ranges` in slices; false when the document changed or closed meanwhile. Before
   * the first line with a URI of the session is visited, what explaining it needs is loaded (see `warmUp`).
   */
  forEachLine(document: vscode.TextDocument, ranges: readonly LineRange[], visit: (line: number, text: string) => void, yielder: Yielder): Promise<boolean> {
    const cache = this.lineCache(document);
    const prepare = (text: string): Promise<void> | undefined => (this.warm || cache.uris(text).length === 0 ? undefined : this.warmUp());
    return forEachLine(ranges, (line) => document.lineAt(line).text, visit, yielder, prepare);
  }

  /**
   * Loads the data tables and the EMV decoder that explaining a URI needs (lazy chunks, issue 17), one per slice,
   * once: their first use would otherwise read and compile them all within one slice of the first analysis or in
   * the first hover. Each step counts as a slice in `stats`.
   */
  warmUp(): Promise<void> {
    return (this.warming ??= (async () => {
      const yielder = new Yielder({ pause, budgetMs: 0, cpuNow });
      for (const [i, step] of explainWarmUp.entries()) {
        yielder.at = `warm-up step ${i + 1} of ${explainWarmUp.length}`;
        try {
          step();
        } catch (err) {
          // A chunk that cannot load fails again, with its own message, where it is needed.
          this.log.debug(`warm-up step failed: ${String(err)}`);
        }
        await yielder.checkpoint();
      }
      this.record(yielder);
      this.warm = true;
    })());
  }

  /**
   * The lines of `document` with URIs, for CodeLens: all of them, or — over 5 MB — those visible. Shared by every
   * request for the same version and lines, so no single caller can cancel it; it stops by itself (undefined) when
   * the document changes or closes meanwhile.
   */
  uriLines(document: vscode.TextDocument): Promise<readonly UrisOnLine[] | undefined> {
    const id = document.uri.toString();
    const plan = this.plan(document);
    const cached = this.lensPasses.get(id);
    if (cached && cached.key === plan.key) return cached.lines;
    const version = document.version;
    const yielder = this.yielder(() => document.isClosed || document.version !== version);
    const cache = this.lineCache(document);
    const found: UrisOnLine[] = [];
    const visit = (line: number, text: string) => {
      const uris = cache.uris(text);
      if (uris.length) found.push({ line, uris });
    };
    const pass = { key: plan.key, lines: Promise.resolve<readonly UrisOnLine[] | undefined>(undefined) };
    pass.lines = (async () => {
      if (!(await this.forEachLine(document, [...plan.first, ...plan.rest], visit, yielder))) {
        if (this.lensPasses.get(id) === pass) this.lensPasses.delete(id);
        return undefined;
      }
      this.record(yielder);
      cache.sweep();
      found.sort((a, b) => a.line - b.line);
      return found;
    })();
    this.lensPasses.set(id, pass);
    return pass.lines;
  }

  /** A Yielder for one analysis: pauses with setImmediate every few ms; `record` it when done. */
  yielder(isCancelled: () => boolean): Yielder {
    return new Yielder({ pause, isCancelled, budgetMs: sliceBudgetMs, cpuNow });
  }

  /** Keeps the longest stretch of work of a finished analysis in `stats`. */
  record(yielder: Yielder): void {
    const longest = yielder.finish();
    if (longest > this.stats.longestSliceMs) {
      this.stats.longestSliceMs = longest;
      this.stats.longestSliceAt = yielder.longestAt;
      this.stats.longestSliceCpuMs = yielder.longestCpuMs;
    }
    this.stats.pauses += yielder.pauses;
  }

  private sayOnce(document: vscode.TextDocument): void {
    const id = document.uri.toString();
    if (this.told.has(id)) return;
    this.told.add(id);
    const name = document.uri.path.split('/').pop() ?? id;
    const mb = (documentLength(document) / (1024 * 1024)).toFixed(1);
    this.log.info(`${name} is ${mb} MB: App2App diagnostics and CodeLens cover its visible lines only`);
    this.ui.notifications.info(vscode.l10n.t('Nexi: {0} is larger than 5 MB ({1} MB), so App2App diagnostics and CodeLens cover only the lines you see. Hovers work everywhere.', name, mb));
  }

  /**
   * The URIs on one line, with offsets relative to the line's start (a window around `character` when the line is
   * longer than 64 Ki characters). What hovers, quick fixes and commands use: they never parse more than a line.
   */
  scanLine(document: vscode.TextDocument, line: number, character = 0): ScannedUri[] {
    const text = document.lineAt(line).text;
    const window = windowAround(text, character);
    return scanText(window.text, scanOptions(document)).map((s) => shiftScanned(s, window.delta));
  }
}
