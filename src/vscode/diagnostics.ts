// App2App diagnostics as you type: the validator's findings (stable A2A codes) for every URI of a document, and the
// transaction model's (A2R codes: card numbers and track data, PCI DSS; results whose fields contradict each other),
// debounced after edits, computed line by line in slices, the visible lines first (see uriIndex.ts). Quick fixes
// come from codeActions.ts.
import * as vscode from 'vscode';
import { titledTags } from '../core/codes/sources';
import type { Diagnostic, OffsetRange, Severity } from '../core/types';
import type { UriIndex } from './uriIndex';
import type { Logger } from './log';
import { onSettingChange } from './settingChange';

export const diagnosticSource = 'Nexi App2App';

/** More findings than this in one document are not shown (a log with thousands of broken URIs). */
const maxPerDocument = 1000;

const severities: Readonly<Record<Severity, vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  info: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function toRange(document: vscode.TextDocument, range: OffsetRange): vscode.Range {
  return new vscode.Range(document.positionAt(range.start), document.positionAt(range.end));
}

export function toDiagnostic(range: vscode.Range, d: Diagnostic): vscode.Diagnostic {
  // The Problems panel is plain text: a cited `[REVS]` reads as the page's title there (issue 16).
  const diagnostic = new vscode.Diagnostic(range, titledTags(d.message), severities[d.severity]);
  diagnostic.code = d.code;
  diagnostic.source = diagnosticSource;
  return diagnostic;
}

export class UriDiagnostics implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('nexi-app2app');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  /** Documents whose findings were published since they opened. */
  private readonly published = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [this.collection];

  constructor(
    private readonly index: UriIndex,
    private readonly log: Logger,
    private readonly debounceMs = 300,
  ) {
    vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0), this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length > 0) this.schedule(e.document, this.debounceMs);
    }, this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri), this, this.disposables);
    index.onDidChangeVisibleLines((d) => this.schedule(d, 0), this, this.disposables);
    this.disposables.push(onSettingChange('nexi.diagnostics.enabled', () => this.refreshAll()));
    this.refreshAll();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    for (const d of this.disposables) d.dispose();
  }

  private enabled(document: vscode.TextDocument): boolean {
    return vscode.workspace.getConfiguration('nexi', document).get<boolean>('diagnostics.enabled', true);
  }

  private refreshAll(): void {
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private forget(uri: vscode.Uri): void {
    clearTimeout(this.timers.get(uri.toString()));
    this.timers.delete(uri.toString());
    this.published.delete(uri.toString());
    this.collection.delete(uri);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!this.index.isAnalysed(document)) return;
    if (!this.enabled(document)) return this.forget(document.uri);
    const id = document.uri.toString();
    clearTimeout(this.timers.get(id));
    this.timers.set(id, setTimeout(() => {
      this.timers.delete(id);
      const run = this.update(document).catch((err) => this.log.error(err as Error));
      this.running.set(id, run);
      void run.finally(() => this.running.get(id) === run && this.running.delete(id));
    }, delay));
  }

  private async update(document: vscode.TextDocument): Promise<void> {
    const id = document.uri.toString();
    const version = document.version;
    const started = performance.now();
    const stale = () => document.isClosed || document.version !== version;
    const yielder = this.index.yielder(stale);
    const cache = this.index.lineCache(document);
    const plan = this.index.plan(document);
    const diagnostics: vscode.Diagnostic[] = [];
    const visit = (line: number, text: string) => {
      for (const d of cache.diagnostics(text)) {
        if (diagnostics.length >= maxPerDocument) return;
        diagnostics.push(toDiagnostic(new vscode.Range(line, d.range.start, line, d.range.end), d));
      }
    };
    if (!(await this.index.forEachLine(document, plan.first, visit, yielder))) return;
    // A document shown for the first time gets the findings of its visible lines at once, before the rest is done
    // (issue 17: visible-line diagnostics within 200 ms of opening). Later passes publish once, at the end: they
    // mostly reuse remembered lines, and publishing a part would briefly hide the findings of the other lines.
    const firstTime = !this.published.has(id);
    if (firstTime && plan.rest.length > 0) this.collection.set(document.uri, [...diagnostics]);
    const firstMs = performance.now() - started;
    if (!(await this.index.forEachLine(document, plan.rest, visit, yielder))) return;
    this.index.record(yielder);
    cache.sweep();
    this.collection.set(document.uri, diagnostics);
    this.published.add(id);
    this.log.debug(`diagnostics ${document.uri.path.split('/').pop()} v${version}: ${diagnostics.length} finding(s), visible lines in ${firstMs.toFixed(1)} ms, all in ${(performance.now() - started).toFixed(1)} ms (${yielder.pauses} pauses, longest slice ${yielder.longest.toFixed(1)} ms, ${cache.size} lines remembered)`);
  }

  /** Resolves when no analysis of `uri` is pending or running (tests wait for it instead of polling). */
  async settled(uri: vscode.Uri): Promise<void> {
    const id = uri.toString();
    for (let i = 0; i < 200 && (this.timers.has(id) || this.running.has(id)); i++) {
      await (this.running.get(id) ?? new Promise((r) => setTimeout(r, 20)));
    }
  }
}
