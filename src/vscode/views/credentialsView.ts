// The "Credentials" view: environments → fields with their state (set, missing, expiring, invalid), endpoints,
// terminals and the access token the checkTransaction client holds. States come from core/credentials/status.ts,
// which runs the certificate checks again on display.
// While nothing is stored (and no environment of your own is defined) the tree is empty and VS Code shows the
// view's welcome content; in Restricted Mode it is empty too, and the welcome content says why.
//
// What a row shows is credentialsRows.ts, loaded when the first row is shown (issue 17 item 4).
import * as vscode from 'vscode';
import type { EnvironmentService } from '../environments';
import type { CredentialStore } from '../credentialStore';
import type { CredentialsNode, TokenStates } from './credentialsRows';

export type { CredentialsNode, TokenStates } from './credentialsRows';

type Rows = typeof import('./credentialsRows');

let rowsModule: Rows | undefined;
/** The rows' code, required on the first row shown (synchronously: the tree asks for items synchronously). */
function rows(): Rows {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (rowsModule ??= require('./credentialsRows') as Rows);
}

export class CredentialsTreeProvider implements vscode.TreeDataProvider<CredentialsNode> {
  private readonly changed = new vscode.EventEmitter<CredentialsNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;

  constructor(
    private readonly environments: EnvironmentService,
    private readonly store: CredentialStore,
    private readonly tokens?: TokenStates,
  ) {}

  getTreeItem(node: CredentialsNode): vscode.TreeItem {
    return rows().treeItem(node);
  }

  async getChildren(node?: CredentialsNode): Promise<CredentialsNode[]> {
    if (!node) return this.roots();
    if (node.kind === 'group') return [...node.children];
    if (node.kind !== 'environment') return [];
    return rows().environmentChildren(node, this.tokens);
  }

  /** The environments, or nothing (→ welcome content) while nothing is stored or the workspace is restricted. */
  async roots(): Promise<CredentialsNode[]> {
    if (!vscode.workspace.isTrusted) return [];
    const all = this.environments.all();
    const active = this.environments.active();
    const nodes = await Promise.all(all.map(async (environment): Promise<CredentialsNode> => ({ kind: 'environment', environment, active: environment.id === active.id, assessment: await this.store.assess(environment.id, environment.certificateFlavour) })));
    const anything = nodes.some((n) => n.kind === 'environment' && (n.assessment.configured || n.environment.kind === 'custom'));
    return anything ? nodes : [];
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  dispose(): void {
    this.changed.dispose();
  }
}

export interface CredentialsView {
  readonly provider: CredentialsTreeProvider;
  readonly view: vscode.TreeView<CredentialsNode>;
}

export function registerCredentialsView(context: vscode.ExtensionContext, environments: EnvironmentService, store: CredentialStore, tokens?: TokenStates): CredentialsView {
  const provider = new CredentialsTreeProvider(environments, store, tokens);
  const view = vscode.window.createTreeView('nexi.credentials', { treeDataProvider: provider, showCollapseAll: true });
  context.subscriptions.push(provider, view);
  store.onDidChange(() => provider.refresh(), undefined, context.subscriptions);
  environments.onDidChange(() => {
    store.refresh();
    provider.refresh();
  }, undefined, context.subscriptions);
  vscode.workspace.onDidGrantWorkspaceTrust(() => provider.refresh(), undefined, context.subscriptions);
  tokens?.onDidChangeHistory(() => provider.refresh(), undefined, context.subscriptions);
  return { provider, view };
}
