// What the App2App editor features need to know from the credentials (issue 5), and nothing more: whether any
// environment has credentials (the "Check transaction" link), and the configured terminal IDs (completion and
// the builder's prefill). Terminal IDs are plain, non-secret fields; no secret is ever read here. In Restricted
// Mode credentials are off, so neither is offered.
import * as vscode from 'vscode';
import type { TerminalIdHint } from '../core/app2app/complete';
import type { EnvironmentService } from './environments';
import type { CredentialStore } from './credentialStore';
import { DisposableService } from './disposable';

/**
 * The command of the "Check transaction" link (issue 6). Until an extension build registers it, the link is not
 * shown even when credentials exist: a link to a missing command would only fail.
 */
export const checkTransactionCommand = 'nexi.checkTransaction';

export class CredentialsBridge extends DisposableService {
  private readonly changed = this.own(new vscode.EventEmitter<void>());
  /** Fires when credentials, environments or the set of registered commands may have changed. */
  readonly onDidChange = this.changed.event;
  private registered: Promise<boolean> | undefined;

  constructor(
    private readonly environments: EnvironmentService,
    private readonly store: CredentialStore,
  ) {
    super();
    store.onDidChange(this.refresh, this, this.disposables);
    environments.onDidChange(this.refresh, this, this.disposables);
    vscode.extensions.onDidChange(this.refresh, this, this.disposables);
    vscode.workspace.onDidGrantWorkspaceTrust(this.refresh, this, this.disposables);
  }

  async hasCredentials(): Promise<boolean> {
    if (!vscode.workspace.isTrusted) return false;
    return (await this.store.configured(this.environments.all())).length > 0;
  }

  /** True when "Check transaction" can be offered: its command exists and an environment has credentials. */
  async checkTransactionAvailable(): Promise<boolean> {
    this.registered ??= Promise.resolve(vscode.commands.getCommands(true)).then((all) => all.includes(checkTransactionCommand));
    return (await this.registered) && (await this.hasCredentials());
  }

  /** The SoftPOS and MobilePOS terminal IDs stored for each environment, labelled with where they come from. */
  async terminalIds(): Promise<TerminalIdHint[]> {
    if (!vscode.workspace.isTrusted) return [];
    const hints: TerminalIdHint[] = [];
    for (const env of this.environments.all()) {
      for (const { id, product } of this.store.terminals(env.id)) hints.push({ id, source: vscode.l10n.t('{0} terminal of {1}', product, env.label) });
    }
    return hints;
  }

  /** Forgets which commands are registered (e.g. after another extension registered the check command). */
  refresh(): void {
    this.registered = undefined;
    this.changed.fire();
  }
}
