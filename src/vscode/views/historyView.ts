// The "Checks" view: the last 100 checkTransaction calls (identifiers and outcomes only, from globalState), newest
// first, each with a re-run action.
import * as vscode from 'vscode';
import type { HistoryEntry } from '../../core/nexi/fromCredentials';
import type { CheckService } from '../checks';
import { DisposableService } from '../disposable';

export interface HistoryNode {
  readonly entry: HistoryEntry;
}

export class HistoryTreeProvider extends DisposableService implements vscode.TreeDataProvider<HistoryNode> {
  private readonly changed = this.own(new vscode.EventEmitter<HistoryNode | undefined>());
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly checks: CheckService) {
    super();
    checks.onDidChangeHistory(() => this.changed.fire(undefined), this, this.disposables);
  }

  getTreeItem(node: HistoryNode): vscode.TreeItem {
    const e = node.entry;
    const found = e.outcome === 'found';
    const item = new vscode.TreeItem(`${e.terminalId} · ${e.callerTrxId}`, vscode.TreeItemCollapsibleState.None);
    const via = e.via === 'reconciliation' ? ` · ${vscode.l10n.t('reconciliation')}` : '';
    item.description = `${found ? (e.status ?? vscode.l10n.t('found')) : e.outcome} · ${e.environmentLabel}${via} · ${new Date(e.at).toLocaleString()}`;
    item.iconPath = new vscode.ThemeIcon(found ? 'pass' : e.outcome === 'TRANSACTION_NOT_FOUND' ? 'question' : 'error');
    item.tooltip = new vscode.MarkdownString(
      vscode.l10n.t('**{0}** on {1}\n\nTerminal `{2}`, callerTrxId `{3}`\n\n{4}', found ? vscode.l10n.t('Found') : e.outcome, e.environmentLabel, e.terminalId, e.callerTrxId, e.at),
    );
    // Re-running is a network call: an explicit action (inline button, context menu), never a plain click.
    item.contextValue = 'checkHistory';
    return item;
  }

  getChildren(node?: HistoryNode): HistoryNode[] {
    return node ? [] : this.checks.history().map((entry) => ({ entry }));
  }
}

export function registerHistoryView(context: vscode.ExtensionContext, checks: CheckService): { provider: HistoryTreeProvider; view: vscode.TreeView<HistoryNode> } {
  const provider = new HistoryTreeProvider(checks);
  const view = vscode.window.createTreeView('nexi.history', { treeDataProvider: provider });
  context.subscriptions.push(provider, view);
  return { provider, view };
}
