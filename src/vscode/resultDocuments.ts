// Results as read-only virtual Markdown documents (house style §7): decoded URIs, checks, reconciliations and
// their rows, certificates. Searchable, copyable, themable, no webview. The content is rendered once, kept while the document is open (and for the last few
// otherwise), and contains only what the explainer shows, where card numbers are masked.
import * as vscode from 'vscode';
import { DisposableService } from './disposable';

// The scheme keeps its first name: package.json's menus and users' keybindings (`resourceScheme == nexi-decoded`) use it.
export const resultScheme = 'nexi-decoded';
const kept = 20;

/** The built-in Markdown preview's editor (extension vscode.markdown-language-features). */
export const markdownPreviewEditor = 'vscode.markdown.preview.editor';

/** Whether a tab shows one of these documents (rendered or as source). */
export function isResultTab(tab: vscode.Tab): boolean {
  const input = tab.input;
  return (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) && input.uri.scheme === resultScheme;
}

/**
 * The group showing a result already, else beside the active editor (or the active group when there is none). A
 * group the caller keeps for something else (`avoid`, e.g. the log a reconciliation row opened) is never chosen.
 */
function resultsColumn(avoid?: vscode.ViewColumn): vscode.ViewColumn {
  const group = vscode.window.tabGroups.all.find((g) => g.viewColumn !== avoid && g.tabs.some(isResultTab));
  if (group) return group.viewColumn;
  if (avoid !== undefined) return vscode.window.tabGroups.all.find((g) => g.viewColumn !== avoid)?.viewColumn ?? vscode.ViewColumn.Beside;
  return vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

export interface OpenOptions {
  /** Keep the focus where it is (a tree the user is working through). */
  readonly preserveFocus?: boolean;
  /** A group not to use (the one showing the log beside which the result belongs). */
  readonly avoidColumn?: vscode.ViewColumn;
  /** The same result as JSON (card numbers masked), for **Copy as JSON**. */
  readonly json?: unknown;
}

export class ResultDocuments extends DisposableService implements vscode.TextDocumentContentProvider {
  private readonly contents = new Map<string, string>();
  private readonly json = new Map<string, string>();
  private next = 1;

  constructor() {
    super();
    // "Copy Result as JSON" and "Open … Markdown Source" are offered in the palette while a result is open.
    const update = (): void => void vscode.commands.executeCommand('setContext', 'nexi.results.open', vscode.window.tabGroups.all.some((g) => g.tabs.some(isResultTab)));
    vscode.window.tabGroups.onDidChangeTabs(update, this, this.disposables);
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === resultScheme) {
        this.contents.delete(d.uri.toString());
        this.json.delete(d.uri.toString());
      }
    }, this, this.disposables);
  }

  /** The JSON of a result document, when it has one. */
  jsonOf(uri: vscode.Uri): string | undefined {
    return this.json.get(uri.toString());
  }

  /**
   * The result document on screen: the active tab's (rendered or as source), else the most recent visible one — so
   * **Copy as JSON** and **Open Source** work from the preview's title bar and from the palette alike.
   */
  current(): vscode.Uri | undefined {
    const active = vscode.window.tabGroups.activeTabGroup.activeTab;
    if (active && isResultTab(active)) return (active.input as vscode.TabInputCustom | vscode.TabInputText).uri;
    for (const group of vscode.window.tabGroups.all) {
      const tab = group.activeTab;
      if (tab && isResultTab(tab)) return (tab.input as vscode.TabInputCustom | vscode.TabInputText).uri;
    }
    return undefined;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? vscode.l10n.t('# Expired\n\nThis decoded view is no longer available: run **Nexi: Decode URI** again.\n');
  }

  /**
   * Opens `markdown` as a read-only document titled `title`, rendered (the built-in Markdown preview; its "Open
   * Source" shows the Markdown), in one results group beside the editor: the group of the previous result while it is
   * open, so results replace each other there instead of opening new columns.
   */
  async open(title: string, markdown: string, options: OpenOptions = {}): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: resultScheme, path: `/${title.replace(/[\\/:*?"<>|]/g, '_')}.md`, query: String(this.next++) });
    this.contents.set(uri.toString(), markdown);
    if (options.json !== undefined) this.json.set(uri.toString(), `${JSON.stringify(options.json, null, 2)}\n`);
    while (this.contents.size > kept) {
      const oldest = this.contents.keys().next().value!;
      this.contents.delete(oldest);
      this.json.delete(oldest);
    }
    const document = await vscode.workspace.openTextDocument(uri);
    const viewColumn = resultsColumn(options.avoidColumn);
    const preserveFocus = options.preserveFocus ?? false;
    try {
      await vscode.commands.executeCommand('vscode.openWith', uri, markdownPreviewEditor, { viewColumn, preview: true, preserveFocus });
    } catch {
      // The Markdown preview is unavailable (the built-in extension disabled): the source, in the same place.
      await vscode.window.showTextDocument(document, { preview: true, viewColumn, preserveFocus });
    }
    return document;
  }
}
