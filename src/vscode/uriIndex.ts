// Where the editor features find URIs in a document, within the large-file rules of issue 4:
// - hovers, quick fixes and commands read one line (a window of it when the line is huge);
// - diagnostics and CodeLens scan the whole document, in slices with pauses (never > 50 ms of blocking), or — for
//   documents over 5 MB — only the lines visible in editors, saying so once per document.
import * as vscode from 'vscode';
import { scanInChunks, shiftScanned, windowAround } from '../core/app2app/scanChunks';
import { Yielder } from '../core/yielder';
import { scanText, type ScannedUri, type ScanOptions } from '../core/app2app/scan';
import { editorLanguages, markupLanguages } from '../core/editorLanguages';
import type { Logger } from './log';
import type { Ui } from './ui';

/** Documents longer than this (UTF-16 code units, ≈ bytes for logs) are analysed on their visible lines only. */
export const largeFileThreshold = 5 * 1024 * 1024;

/** Characters read from the document per scanning step. */
const sliceCharacters = 32 * 1024;

/** Schemes whose documents get diagnostics and CodeLens (not output channels, diff views or our own documents). */
const analysedSchemes = new Set(['file', 'untitled', 'vscode-remote', 'vscode-vfs', 'vscode-userdata']);

export const documentSelector: vscode.DocumentSelector = editorLanguages.map((language) => ({ language }));

/** Gives the event loop back (between slices of work). */
export const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}

export function scanOptions(document: vscode.TextDocument): ScanOptions {
  return markupLanguages.has(document.languageId) ? { markup: true } : {};
}

export class UriIndex implements vscode.Disposable {
  private readonly cache = new Map<string, { key: string; scan: Promise<readonly ScannedUri[] | undefined> }>();
  private readonly told = new Set<string>();
  private readonly visibleChanged = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires (debounced) when the visible lines of a large document change: its analysis must follow. */
  readonly onDidChangeVisibleLines = this.visibleChanged.event;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [this.visibleChanged];
  /** The longest stretch the analyses blocked the extension host for (ms), for logs and tests. */
  readonly stats = { longestSliceMs: 0 };

  constructor(
    private readonly log: Logger,
    private readonly ui: Ui,
  ) {
    vscode.window.onDidChangeTextEditorVisibleRanges((e) => this.visibleRangesChanged(e.textEditor.document), this, this.disposables);
    vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((e) => this.visibleRangesChanged(e.document)), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString()), this, this.disposables);
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

  private visibleRangesChanged(document: vscode.TextDocument): void {
    if (!this.isAnalysed(document) || !this.isLarge(document)) return;
    const key = document.uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      this.visibleChanged.fire(document);
    }, 150));
  }

  /** Full lines visible in any editor showing `document`, merged. */
  private visibleLines(document: vscode.TextDocument): vscode.Range[] {
    const ranges = vscode.window.visibleTextEditors
      .filter((e) => e.document === document)
      .flatMap((e) => e.visibleRanges)
      .map((r) => new vscode.Range(r.start.line, 0, r.end.line, document.lineAt(r.end.line).range.end.character))
      .sort((a, b) => a.start.line - b.start.line);
    const merged: vscode.Range[] = [];
    for (const r of ranges) {
      const last = merged[merged.length - 1];
      if (last && r.start.line <= last.end.line + 1) merged[merged.length - 1] = last.union(r);
      else merged.push(r);
    }
    return merged;
  }

  /**
   * The URIs of `document` with whole-document offsets: all of them, or — over 5 MB — those on the visible lines.
   * Shared by diagnostics and CodeLens (cached per version and visible lines), so no single caller can cancel it;
   * it stops by itself (undefined) when the document changes or closes meanwhile.
   */
  scan(document: vscode.TextDocument): Promise<readonly ScannedUri[] | undefined> {
    const id = document.uri.toString();
    const large = this.isLarge(document);
    const lines = large ? this.visibleLines(document) : undefined;
    const key = `${document.version}|${lines?.map((r) => `${r.start.line}-${r.end.line}`).join(',') ?? 'all'}`;
    const cached = this.cache.get(id);
    if (cached && cached.key === key) return cached.scan;
    // Said when the limitation shows, i.e. once the document is on screen.
    if (lines && lines.length > 0) this.sayOnce(document);
    const started = performance.now();
    const scan = this.scanNow(document, lines).then((result) => {
      if (result) this.log.debug(`scan ${document.uri.path.split('/').pop()} v${document.version}: ${result.length} URI(s)${lines ? ` on ${lines.length} visible range(s)` : ''} in ${(performance.now() - started).toFixed(1)} ms`);
      else if (this.cache.get(id)?.scan === scan) this.cache.delete(id);
      return result;
    });
    this.cache.set(id, { key, scan });
    return scan;
  }

  /** A Yielder for one analysis: pauses with setImmediate; `record` it when done. */
  yielder(isCancelled: () => boolean): Yielder {
    return new Yielder({ pause, isCancelled });
  }

  /** Keeps the longest stretch of work of a finished analysis in `stats`. */
  record(yielder: Yielder): void {
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, yielder.finish());
  }

  // Reads the document range by range (never the whole text at once: joining 5 MB of lines alone can take longer
  // than the budget), each range a few tens of kilobytes of whole lines.
  private async scanNow(document: vscode.TextDocument, lines: vscode.Range[] | undefined): Promise<ScannedUri[] | undefined> {
    const version = document.version;
    const yielder = this.yielder(() => document.isClosed || document.version !== version);
    const options = { ...scanOptions(document), yielder };
    const uris: ScannedUri[] = [];
    const last = document.lineCount - 1;
    for (const range of lines ?? [new vscode.Range(0, 0, last, document.lineAt(last).text.length)]) {
      let line = range.start.line;
      while (line <= range.end.line) {
        let end = line;
        for (let size = 0; end <= range.end.line && size < sliceCharacters; end++) size += document.lineAt(end).text.length + 1;
        const slice = new vscode.Range(line, 0, end - 1, document.lineAt(end - 1).text.length);
        const found = await scanInChunks(document.getText(slice), { ...options, base: document.offsetAt(slice.start) });
        if (!found || !(await yielder.checkpoint())) return undefined;
        uris.push(...found);
        line = end;
      }
    }
    this.record(yielder);
    return uris;
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
