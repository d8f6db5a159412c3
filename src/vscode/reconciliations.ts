// The window's latest reconciliation (issue 7): kept at activation by the Reconciliation view, filled by
// "Nexi: Reconcile Log…" (./commands/reconcile.ts, a chunk loaded on first use, issue 17 item 4).
import * as vscode from 'vscode';
import type { ReconcileReport } from '../core/reconcile/reconcile';

/** A finished reconciliation: the report, the log's name, where the log is, and the environment it was checked on. */
export interface ReconciliationRecord {
  readonly report: ReconcileReport;
  readonly source: string;
  readonly sourceUri: vscode.Uri;
  readonly environmentId: string;
  readonly environmentLabel: string;
  /** The Markdown report, as opened after the run. */
  readonly markdown: string;
}

/** The window's latest reconciliation, which the Reconciliation view shows and the export commands write out. */
export class Reconciliations implements vscode.Disposable {
  #last: ReconciliationRecord | undefined;
  readonly #changed = new vscode.EventEmitter<ReconciliationRecord | undefined>();
  readonly onDidChange = this.#changed.event;

  get last(): ReconciliationRecord | undefined {
    return this.#last;
  }

  remember(record: ReconciliationRecord): void {
    this.#last = record;
    this.#changed.fire(record);
  }

  clear(): void {
    this.#last = undefined;
    this.#changed.fire(undefined);
  }

  dispose(): void {
    this.#changed.dispose();
  }
}

