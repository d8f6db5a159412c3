// The secret linter: a warning on any open file that git would commit (not git-ignored) and that holds what looks
// like a PEM private key, or the client secret of a configured environment. "Would commit" is asked of git itself
// (`git check-ignore`, which knows nested .gitignore files, .git/info/exclude and the global excludes); outside a
// repository, or without git, every file counts. Client secrets are compared only in trusted workspaces (reading
// credentials is off in Restricted Mode); private keys are recognised everywhere.
import { execFile } from 'child_process';
import * as path from 'path';
import * as vscode from 'vscode';
import { KnownSecret, findSecrets } from '../core/credentials/secretScan';
import type { EnvironmentService } from './environments';
import type { Logger } from './log';
import { documentLength } from './uriIndex';
import type { CredentialStore } from './credentialStore';
import { DisposableService } from './disposable';
import { onSettingChange } from './settingChange';

const maxSize = 2 * 1024 * 1024;

/** Exit 0: ignored; 1: not ignored; anything else (no repository, no git): treated as not ignored. */
function gitIgnored(file: string): Promise<boolean> {
  return new Promise((resolve) => {
    execFile('git', ['check-ignore', '-q', '--', path.basename(file)], { cwd: path.dirname(file), timeout: 5000, windowsHide: true }, (err) => {
      resolve(!err);
    });
  });
}

export class SecretLinter extends DisposableService {
  readonly diagnostics = this.own(vscode.languages.createDiagnosticCollection('nexi-secrets'));
  private readonly ignored = new Map<string, Promise<boolean>>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  private knownSecrets: Promise<KnownSecret[]> | undefined;
  /** Settles when the lint of a document started last has finished (integration tests wait on it). */
  lastRun: Promise<void> = Promise.resolve();

  constructor(
    private readonly environments: EnvironmentService,
    private readonly store: CredentialStore,
    private readonly log: Logger,
  ) {
    super();
    vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0), this, this.disposables);
    vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, 300), this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => this.diagnostics.delete(d.uri), this, this.disposables);
    vscode.workspace.onDidSaveTextDocument((d) => {
      // A changed .gitignore can change every answer.
      if (path.basename(d.uri.fsPath) === '.gitignore' || path.basename(d.uri.fsPath) === 'exclude') this.relintAll();
    }, this, this.disposables);
    this.own(onSettingChange('nexi.secretLinter', () => this.relintAll()));
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.relintAll(), this, this.disposables);
    store.onDidChange(() => {
      this.knownSecrets = undefined;
      this.relintAll();
    }, this, this.disposables);
    environments.onDidChange(() => {
      this.knownSecrets = undefined;
    }, this, this.disposables);
    this.relintAll();
  }

  private secrets(): Promise<KnownSecret[]> {
    if (!vscode.workspace.isTrusted) return Promise.resolve([]);
    this.knownSecrets ??= Promise.all(
      this.environments.all().map(async (env) => {
        const value = await this.store.get(env.id, 'clientSecret');
        if (value) this.log.addKnownSecret(value);
        return value ? [{ environmentLabel: env.label, value }] : [];
      }),
    ).then((lists) => lists.flat());
    return this.knownSecrets;
  }

  relintAll(): void {
    this.ignored.clear();
    for (const d of vscode.workspace.textDocuments) this.schedule(d, 0);
  }

  private schedule(document: vscode.TextDocument, delayMs: number): void {
    if (document.uri.scheme !== 'file') return;
    const key = document.uri.toString();
    clearTimeout(this.pending.get(key));
    this.pending.set(
      key,
      setTimeout(() => {
        this.pending.delete(key);
        this.lastRun = this.lint(document).catch((err) => this.log.error(err as Error));
      }, delayMs),
    );
  }

  /** Lints one document now. */
  async lint(document: vscode.TextDocument): Promise<void> {
    const enabled = vscode.workspace.getConfiguration('nexi', document.uri).get<boolean>('secretLinter.enabled', true);
    // The length from the last line's end offset: getText() of a 50 MB log alone blocks the extension host for
    // ~300 ms (issue 17), and was called twice here.
    if (!enabled || document.isClosed || documentLength(document) > maxSize) {
      this.diagnostics.delete(document.uri);
      return;
    }
    const version = document.version;
    const known = await this.secrets();
    if (document.isClosed || document.version !== version) return;
    const found = findSecrets(document.getText(), known);
    if (found.length === 0) {
      this.diagnostics.delete(document.uri);
      return;
    }
    const file = document.uri.fsPath;
    let ignored = this.ignored.get(file);
    if (!ignored) this.ignored.set(file, (ignored = gitIgnored(file)));
    if ((await ignored) || document.isClosed || document.version !== version) {
      if (await ignored) this.diagnostics.delete(document.uri);
      return;
    }
    this.diagnostics.set(
      document.uri,
      found.map((f) => {
        const d = new vscode.Diagnostic(new vscode.Range(document.positionAt(f.range.start), document.positionAt(f.range.end)), f.message, vscode.DiagnosticSeverity.Warning);
        d.code = f.code;
        d.source = 'Nexi App2App';
        return d;
      }),
    );
  }

  override dispose(): void {
    for (const t of this.pending.values()) clearTimeout(t);
    super.dispose();
  }
}
