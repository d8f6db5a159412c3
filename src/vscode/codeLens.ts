// CodeLens above App2App URIs: "Decode" and (when credentials exist and the command is there) "Check transaction"
// above result URIs; "Open in builder" and "Copy as adb" above request URIs. Large documents: visible lines only.
import * as vscode from 'vscode';
import { app2appCommandIds } from './commands/app2app';
import { checkTransactionCommand, type CredentialsBridge } from './credentialsBridge';
import type { UriIndex } from './documents';
import { targetOf } from './targets';

export class UriCodeLenses implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.changed.event;
  private readonly disposables: vscode.Disposable[] = [this.changed];

  constructor(
    private readonly index: UriIndex,
    private readonly credentials: CredentialsBridge,
  ) {
    index.onDidChangeVisibleLines(() => this.changed.fire(), this, this.disposables);
    credentials.onDidChange(() => this.changed.fire(), this, this.disposables);
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('nexi.codeLens.enabled')) this.changed.fire();
    }, this, this.disposables);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.index.isAnalysed(document) || !vscode.workspace.getConfiguration('nexi', document).get<boolean>('codeLens.enabled', true)) return [];
    const uris = await this.index.scan(document);
    if (!uris || token.isCancellationRequested) return [];
    const check = uris.some((u) => u.kind === 'result') && (await this.credentials.checkTransactionAvailable());
    const lenses: vscode.CodeLens[] = [];
    for (const uri of uris) {
      const start = document.positionAt(uri.range.start);
      const range = new vscode.Range(start, start);
      const target = [targetOf(document, start)];
      const lens = (title: string, command: string, tooltip: string) => lenses.push(new vscode.CodeLens(range, { title, command, arguments: target, tooltip }));
      if (uri.kind === 'result') {
        lens(vscode.l10n.t('Decode'), app2appCommandIds.decode, vscode.l10n.t('Open the decoded result beside, as Markdown'));
        if (check) lens(vscode.l10n.t('Check transaction'), checkTransactionCommand, vscode.l10n.t('Look the transaction up with checkTransaction'));
      } else {
        lens(vscode.l10n.t('Open in builder'), app2appCommandIds.build, vscode.l10n.t('Edit this request step by step in "Build App2App URI…"'));
        lens(vscode.l10n.t('Copy as adb'), app2appCommandIds.copyAsAdb, vscode.l10n.t('Copy an adb command that opens this URI on a device'));
        lens(
          vscode.l10n.t('Simulate response'),
          'nexi.simulatePosResponse',
          vscode.l10n.t('The result URI Nexi POS would answer with (approved, declined, cancelled, errors), to test your result handling'),
        );
      }
    }
    return lenses;
  }
}
