// The "Reconciliation" view: the latest reconciliation as a tree to work through, like the Problems panel — grouped by
// classification, the payments the customer paid for but the app lost first, every row opening its log line. A native
// tree rather than a webview table: it follows the theme, the keyboard and screen readers as every other view does,
// needs no content security policy or message passing, and VS Code virtualises it; rows are paged (500 at a time) so
// a 10,000-row report does not send 10,000 items at once.
// The rows (their labels, the report's wording, grouping and paging) are reconciliationRows.ts, loaded when the view
// first has a report to show: until "Nexi: Reconcile Log…" runs the view is empty (issue 17 item 4).
import * as vscode from 'vscode';
import type { Classification } from '../../core/reconcile/reconcile';
import type { Reconciliations, ReconciliationRecord } from '../reconciliations';
import { DisposableService } from '../disposable';
import type { ReconciliationNode } from './reconciliationRows';

export type { ReconciliationNode } from './reconciliationRows';

type Rows = typeof import('./reconciliationRows');

let rowsModule: Rows | undefined;
/** The rows' code, required (synchronously: the tree asks synchronously) the first time there is a report. */
function rows(): Rows {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (rowsModule ??= require('./reconciliationRows') as Rows);
}

export class ReconciliationTreeProvider extends DisposableService implements vscode.TreeDataProvider<ReconciliationNode> {
  private readonly changed = this.own(new vscode.EventEmitter<ReconciliationNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  /** Undefined: every classification (nothing filtered). */
  #filter: ReadonlySet<Classification> | undefined;
  readonly #shown = new Map<Classification, number>();
  #view: vscode.TreeView<ReconciliationNode> | undefined;

  constructor(private readonly reconciliations: Reconciliations) {
    super();
    reconciliations.onDidChange(() => {
      // A new report starts unfiltered, with the first page of each group.
      this.#filter = undefined;
      this.#shown.clear();
      this.refresh();
    }, this, this.disposables);
  }

  attach(view: vscode.TreeView<ReconciliationNode>): void {
    this.#view = view;
    this.refresh();
  }

  get record(): ReconciliationRecord | undefined {
    return this.reconciliations.last;
  }

  get filter(): ReadonlySet<Classification> {
    return this.#filter ?? rows().allClassifications;
  }

  /** A filter is set that leaves some classification out. */
  private get filtered(): boolean {
    return this.#filter !== undefined && this.#filter.size < rows().allClassifications.size;
  }

  setFilter(filter: ReadonlySet<Classification>): void {
    this.#filter = filter.size === 0 ? undefined : filter;
    this.refresh();
  }

  showMore(classification: Classification): void {
    const { pageSize } = rows();
    this.#shown.set(classification, (this.#shown.get(classification) ?? pageSize) + pageSize);
    this.refresh();
  }

  /** The tree's top level: the groups, most dangerous first. */
  groups(): Extract<ReconciliationNode, { kind: 'group' }>[] {
    const record = this.record;
    if (!record) return [];
    return rows().groupNodes(record.report, this.filter);
  }

  getChildren(node?: ReconciliationNode): ReconciliationNode[] {
    const record = this.record;
    if (!record) return [];
    if (!node) return this.groups();
    if (node.kind !== 'group') return [];
    return rows().rowNodes(record.report, node.classification, this.#shown.get(node.classification) ?? rows().pageSize);
  }

  getTreeItem(node: ReconciliationNode): vscode.TreeItem {
    return rows().treeItem(node);
  }

  getParent(node: ReconciliationNode): ReconciliationNode | undefined {
    if (node.kind === 'group') return undefined;
    const classification = node.kind === 'row' ? node.entry.classification : node.classification;
    return this.groups().find((g) => g.classification === classification);
  }

  private refresh(): void {
    const record = this.record;
    if (this.#view) {
      this.#view.description = record ? `${record.source} · ${record.environmentLabel}${this.filtered ? ` · ${vscode.l10n.t('filtered')}` : ''}` : undefined;
      this.#view.message = record && this.groups().length === 0 ? vscode.l10n.t('No row matches the filter.') : undefined;
    }
    void vscode.commands.executeCommand('setContext', 'nexi.reconciliation.has', record !== undefined);
    void vscode.commands.executeCommand('setContext', 'nexi.reconciliation.filtered', this.filtered);
    this.changed.fire(undefined);
  }
}

export function registerReconciliationView(context: vscode.ExtensionContext, reconciliations: Reconciliations): { provider: ReconciliationTreeProvider; view: vscode.TreeView<ReconciliationNode> } {
  const provider = new ReconciliationTreeProvider(reconciliations);
  const view = vscode.window.createTreeView('nexi.reconciliation', { treeDataProvider: provider, showCollapseAll: true });
  provider.attach(view);
  context.subscriptions.push(provider, view);
  return { provider, view };
}
