// The "Reconciliation" view: the latest reconciliation as a tree to work through, like the Problems panel — grouped by
// classification, the payments the customer paid for but the app lost first, every row opening its log line. A native
// tree rather than a webview table: it follows the theme, the keyboard and screen readers as every other view does,
// needs no content security policy or message passing, and VS Code virtualises it; rows are paged (500 at a time) so
// a 10,000-row report does not send 10,000 items at once.
import * as vscode from 'vscode';
import type { Classification, ReconciledEntry } from '../../core/reconcile/reconcile';
import { appOutcomeLabel, classificationLabel, entryDetail, outcomeLabel } from '../../core/reconcile/report';
import { allClassifications, enquiryRequest, groupEntries, page, pageSize, reversalRequest } from '../../core/reconcile/view';
import type { Reconciliations, ReconciliationRecord } from '../reconciliations';
import { DisposableService } from '../disposable';

export type ReconciliationNode =
  | { readonly kind: 'group'; readonly classification: Classification; readonly count: number }
  | { readonly kind: 'row'; readonly entry: ReconciledEntry }
  | { readonly kind: 'more'; readonly classification: Classification; readonly hidden: number };

const icons: Record<Classification, vscode.ThemeIcon> = {
  'app-failed-backend-approved': new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground')),
  mismatch: new vscode.ThemeIcon('warning', new vscode.ThemeColor('list.warningForeground')),
  'not-found': new vscode.ThemeIcon('question'),
  error: new vscode.ThemeIcon('error'),
  match: new vscode.ThemeIcon('pass', new vscode.ThemeColor('testing.iconPassed')),
};

export class ReconciliationTreeProvider extends DisposableService implements vscode.TreeDataProvider<ReconciliationNode> {
  private readonly changed = this.own(new vscode.EventEmitter<ReconciliationNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;
  #filter: ReadonlySet<Classification> = allClassifications;
  readonly #shown = new Map<Classification, number>();
  #view: vscode.TreeView<ReconciliationNode> | undefined;

  constructor(private readonly reconciliations: Reconciliations) {
    super();
    reconciliations.onDidChange(() => {
      // A new report starts unfiltered, with the first page of each group.
      this.#filter = allClassifications;
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
    return this.#filter;
  }

  setFilter(filter: ReadonlySet<Classification>): void {
    this.#filter = filter.size === 0 ? allClassifications : filter;
    this.refresh();
  }

  showMore(classification: Classification): void {
    this.#shown.set(classification, (this.#shown.get(classification) ?? pageSize) + pageSize);
    this.refresh();
  }

  /** The tree's top level: the groups, most dangerous first. */
  groups(): Extract<ReconciliationNode, { kind: 'group' }>[] {
    const record = this.record;
    if (!record) return [];
    return groupEntries(record.report, this.#filter).map((g) => ({ kind: 'group', classification: g.classification, count: g.entries.length }));
  }

  getChildren(node?: ReconciliationNode): ReconciliationNode[] {
    const record = this.record;
    if (!record) return [];
    if (!node) return this.groups();
    if (node.kind !== 'group') return [];
    const group = groupEntries(record.report, new Set([node.classification]))[0];
    if (!group) return [];
    const { rows, hidden } = page(group.entries, this.#shown.get(node.classification) ?? pageSize);
    const children: ReconciliationNode[] = rows.map((entry) => ({ kind: 'row', entry }));
    if (hidden > 0) children.push({ kind: 'more', classification: node.classification, hidden });
    return children;
  }

  getTreeItem(node: ReconciliationNode): vscode.TreeItem {
    switch (node.kind) {
      case 'group': {
        // What needs action is open; what matched is there to count, folded.
        const item = new vscode.TreeItem(classificationLabel(node.classification), node.classification === 'match' ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
        item.id = `group:${node.classification}`;
        item.description = String(node.count);
        item.iconPath = icons[node.classification];
        item.contextValue = 'reconciliationGroup';
        return item;
      }
      case 'more': {
        const item = new vscode.TreeItem(vscode.l10n.t('Show {0} more ({1} not shown)', Math.min(pageSize, node.hidden), node.hidden), vscode.TreeItemCollapsibleState.None);
        item.id = `more:${node.classification}`;
        item.iconPath = new vscode.ThemeIcon('ellipsis');
        item.command = { command: 'nexi.reconciliation.showMore', title: vscode.l10n.t('Show more'), arguments: [node.classification] };
        return item;
      }
      case 'row': {
        const e = node.entry;
        const item = new vscode.TreeItem(vscode.l10n.t('line {0} · {1}', e.line, e.callerTrxId), vscode.TreeItemCollapsibleState.None);
        item.id = `row:${e.line}:${e.range.start}:${e.callerTrxId}`;
        const app = appOutcomeLabel(e);
        const detail = entryDetail(e);
        item.description = [e.terminalId, vscode.l10n.t('app: {0}', app), vscode.l10n.t('backend: {0}', e.backendOutcome ? outcomeLabel(e.backendOutcome) : '–'), detail].filter(Boolean).join(' · ');
        item.tooltip = new vscode.MarkdownString(
          [`**${classificationLabel(e.classification)}** — ${vscode.l10n.t('line {0}', e.line)}`, '', `${vscode.l10n.t('Terminal')}: \`${e.terminalId ?? '–'}\` · callerTrxId: \`${e.callerTrxId}\``, '', `${vscode.l10n.t('app: {0}', app)} · ${vscode.l10n.t('backend: {0}', e.backendOutcome ? outcomeLabel(e.backendOutcome) : '–')}`, ...(detail ? ['', detail] : [])].join('\n'),
        );
        item.iconPath = icons[e.classification];
        // Words the menus match on: which row actions make sense for this row.
        item.contextValue = ['reconciliationRow', reversalRequest(e) ? 'reversible' : '', enquiryRequest(e) ? 'enquirable' : '', e.terminalId ? 'checkable' : ''].filter(Boolean).join(' ');
        item.command = { command: 'nexi.reconciliation.open', title: vscode.l10n.t('Open log line'), arguments: [node] };
        return item;
      }
    }
  }

  getParent(node: ReconciliationNode): ReconciliationNode | undefined {
    if (node.kind === 'group') return undefined;
    const classification = node.kind === 'row' ? node.entry.classification : node.classification;
    return this.groups().find((g) => g.classification === classification);
  }

  private refresh(): void {
    const record = this.record;
    if (this.#view) {
      const filtered = this.#filter.size < allClassifications.size;
      this.#view.description = record ? `${record.source} · ${record.environmentLabel}${filtered ? ` · ${vscode.l10n.t('filtered')}` : ''}` : undefined;
      this.#view.message = record && this.groups().length === 0 ? vscode.l10n.t('No row matches the filter.') : undefined;
    }
    void vscode.commands.executeCommand('setContext', 'nexi.reconciliation.has', record !== undefined);
    void vscode.commands.executeCommand('setContext', 'nexi.reconciliation.filtered', this.#filter.size < allClassifications.size);
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
