// CodeLens above App2App URIs: "Decode" and (when credentials exist and the command is there) "Check transaction"
// above result URIs; "Open in builder" and "Copy as adb" above request URIs. Large documents: visible lines only.
import * as vscode from 'vscode';
import { app2appCommandIds } from './commands/ids';
import { checkTransactionCommand, type CredentialsBridge } from './credentialsBridge';
import type { UriIndex } from './uriIndex';
import type { UriTarget } from './targets';
import { DisposableService } from './disposable';
import { onSettingChange } from './settingChange';

export class UriCodeLenses extends DisposableService implements vscode.CodeLensProvider {
  private readonly changed = this.own(new vscode.EventEmitter<void>());
  readonly onDidChangeCodeLenses = this.changed.event;

  constructor(
    private readonly index: UriIndex,
    private readonly credentials: CredentialsBridge,
  ) {
    super();
    index.onDidChangeVisibleLines(() => this.changed.fire(), this, this.disposables);
    credentials.onDidChange(() => this.changed.fire(), this, this.disposables);
    this.own(onSettingChange('nexi.codeLens.enabled', () => this.changed.fire()));
  }

  /**
   * The lenses' places only: their commands (titles, arguments) are made in `resolveCodeLens`, which VS Code asks for
   * the lenses it shows. A log of thousands of URIs then sends a few dozen commands to the window, not thousands.
   */
  async provideCodeLenses(document: vscode.TextDocument, token: vscode.CancellationToken): Promise<vscode.CodeLens[]> {
    if (!this.index.isAnalysed(document) || !vscode.workspace.getConfiguration('nexi', document).get<boolean>('codeLens.enabled', true)) return [];
    const lines = await this.index.uriLines(document);
    if (!lines || token.isCancellationRequested) return [];
    const check = lines.some((l) => l.uris.some((u) => u.check)) && (await this.credentials.checkTransactionAvailable());
    const lenses: vscode.CodeLens[] = [];
    const uri = document.uri.toString();
    for (const { line, uris } of lines) {
      for (const u of uris) {
        const range = new vscode.Range(line, u.start, line, u.start);
        const target: UriTarget = { uri, line, character: u.start };
        const lens = (action: LensAction) => lenses.push(new UriLens(range, target, action));
        if (u.kind === 'result') {
          lens('decode');
          if (check && u.check) lens('check');
        } else {
          lens('build');
          lens('copyAsAdb');
          lens('simulate');
        }
      }
    }
    return lenses;
  }

  resolveCodeLens(lens: vscode.CodeLens): vscode.CodeLens {
    if (lens instanceof UriLens && !lens.command) {
      const { title, command, tooltip } = lensCommand(lens.action);
      lens.command = { title, command, arguments: [lens.target], tooltip };
    }
    return lens;
  }
}

type LensAction = 'decode' | 'check' | 'build' | 'copyAsAdb' | 'simulate';

/** A lens above a URI: what it will do, its command made when VS Code resolves it. */
class UriLens extends vscode.CodeLens {
  constructor(
    range: vscode.Range,
    readonly target: UriTarget,
    readonly action: LensAction,
  ) {
    super(range);
  }
}

function lensCommand(action: LensAction): { title: string; command: string; tooltip: string } {
  switch (action) {
    case 'decode':
      return { title: vscode.l10n.t('Decode'), command: app2appCommandIds.decode, tooltip: vscode.l10n.t('Open the decoded result beside, as Markdown') };
    case 'check':
      return { title: vscode.l10n.t('Check transaction'), command: checkTransactionCommand, tooltip: vscode.l10n.t('Look the transaction up with checkTransaction') };
    case 'build':
      return { title: vscode.l10n.t('Open in builder'), command: app2appCommandIds.build, tooltip: vscode.l10n.t('Edit this request step by step in "Build App2App URI…"') };
    case 'copyAsAdb':
      return { title: vscode.l10n.t('Copy as adb'), command: app2appCommandIds.copyAsAdb, tooltip: vscode.l10n.t('Copy an adb command that opens this URI on a device') };
    case 'simulate':
      return {
        title: vscode.l10n.t('Simulate response'),
        command: 'nexi.simulatePosResponse',
        tooltip: vscode.l10n.t('The result URI Nexi POS would answer with (approved, declined, cancelled, errors), to test your result handling'),
      };
  }
}
