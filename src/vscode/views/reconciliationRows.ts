// The Reconciliation view's rows: groups, pages and tree items of a finished reconciliation. Loaded by the view
// (reconciliationView.ts) when it first has a report to show, not at activation: the view is empty until
// "Nexi: Reconcile Log…" runs (issue 17 item 4).
import * as vscode from 'vscode';
import type { Classification, ReconcileReport, ReconciledEntry } from '../../core/reconcile/reconcile';
import { appOutcomeLabel, classificationLabel, entryDetail, outcomeLabel } from '../../core/reconcile/report';
import { allClassifications, enquiryRequest, groupEntries, page, pageSize, reversalRequest } from '../../core/reconcile/view';

export { allClassifications, pageSize };

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

/** The tree's top level: the groups that pass `filter`, most dangerous first. */
export function groupNodes(report: ReconcileReport, filter: ReadonlySet<Classification>): Extract<ReconciliationNode, { kind: 'group' }>[] {
  return groupEntries(report, filter).map((g) => ({ kind: 'group', classification: g.classification, count: g.entries.length }));
}

/** The first `shown` rows of a group, and a "show more" row when some are hidden. */
export function rowNodes(report: ReconcileReport, classification: Classification, shown: number): ReconciliationNode[] {
  const group = groupEntries(report, new Set([classification]))[0];
  if (!group) return [];
  const { rows, hidden } = page(group.entries, shown);
  const children: ReconciliationNode[] = rows.map((entry) => ({ kind: 'row', entry }));
  if (hidden > 0) children.push({ kind: 'more', classification, hidden });
  return children;
}

export function treeItem(node: ReconciliationNode): vscode.TreeItem {
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
