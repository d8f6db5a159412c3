// The window's latest reconciliation (issue 7): written by "Nexi: Reconcile Log…", read by the Reconciliation view
// and the export commands. Its own module, so the view and the commands need not import each other.
import * as vscode from 'vscode';
import type { ReconcileReport } from '../core/reconcile/reconcile';
import { DisposableService } from './disposable';

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
export class Reconciliations extends DisposableService {
  #last: ReconciliationRecord | undefined;
  readonly #changed = this.own(new vscode.EventEmitter<ReconciliationRecord | undefined>());
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
}
