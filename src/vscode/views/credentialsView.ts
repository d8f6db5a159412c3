// The "Credentials" view of the Nexi activity-bar container. While no environment holds credentials the tree
// is empty, and VS Code shows the view's welcome content (package.json `viewsWelcome`), which explains where
// credentials live and how to start.
import * as vscode from 'vscode';

export interface CredentialsNode {
  readonly label: string;
  readonly description?: string;
  readonly children?: readonly CredentialsNode[];
}

export class CredentialsTreeProvider implements vscode.TreeDataProvider<CredentialsNode> {
  private readonly changed = new vscode.EventEmitter<CredentialsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(private readonly roots: () => readonly CredentialsNode[]) {}

  getTreeItem(node: CredentialsNode): vscode.TreeItem {
    const item = new vscode.TreeItem(node.label, node.children?.length ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
    if (node.description) item.description = node.description;
    return item;
  }

  getChildren(node?: CredentialsNode): CredentialsNode[] {
    return [...(node ? (node.children ?? []) : this.roots())];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export function registerCredentialsView(context: vscode.ExtensionContext): { provider: CredentialsTreeProvider; view: vscode.TreeView<CredentialsNode> } {
  // No environment stores credentials yet: an empty tree makes VS Code show the welcome content.
  const provider = new CredentialsTreeProvider(() => []);
  const view = vscode.window.createTreeView('nexi.credentials', { treeDataProvider: provider, showCollapseAll: false });
  context.subscriptions.push(provider, view);
  return { provider, view };
}
