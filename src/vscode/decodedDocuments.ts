// "Nexi: Decode URI" results as read-only virtual Markdown documents (house style §7): searchable, copyable,
// themable, no webview. The content is rendered once, kept while the document is open (and for the last few
// otherwise), and contains only what the explainer shows, where card numbers are masked.
import * as vscode from 'vscode';

export const decodedScheme = 'nexi-decoded';
const kept = 20;

/** The built-in Markdown preview's editor (extension vscode.markdown-language-features). */
export const markdownPreviewEditor = 'vscode.markdown.preview.editor';

/** Whether a tab shows one of these documents (rendered or as source). */
export function isResultTab(tab: vscode.Tab): boolean {
  const input = tab.input;
  return (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) && input.uri.scheme === decodedScheme;
}

/** The group showing a result already, else beside the active editor (or the active group when there is none). */
function resultsColumn(): vscode.ViewColumn {
  const group = vscode.window.tabGroups.all.find((g) => g.tabs.some(isResultTab));
  if (group) return group.viewColumn;
  return vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
}

export class DecodedDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly contents = new Map<string, string>();
  private next = 1;
  private readonly disposables: vscode.Disposable[] = [];

  constructor() {
    vscode.workspace.onDidCloseTextDocument((d) => {
      if (d.uri.scheme === decodedScheme) this.contents.delete(d.uri.toString());
    }, this, this.disposables);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.contents.get(uri.toString()) ?? vscode.l10n.t('# Expired\n\nThis decoded view is no longer available: run **Nexi: Decode URI** again.\n');
  }

  /**
   * Opens `markdown` as a read-only document titled `title`, rendered (the built-in Markdown preview; its "Open
   * Source" shows the Markdown), in one results group beside the editor: the group of the previous result while it is
   * open, so results replace each other there instead of opening new columns.
   */
  async open(title: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: decodedScheme, path: `/${title.replace(/[\\/:*?"<>|]/g, '_')}.md`, query: String(this.next++) });
    this.contents.set(uri.toString(), markdown);
    while (this.contents.size > kept) this.contents.delete(this.contents.keys().next().value!);
    const document = await vscode.workspace.openTextDocument(uri);
    const viewColumn = resultsColumn();
    try {
      await vscode.commands.executeCommand('vscode.openWith', uri, markdownPreviewEditor, { viewColumn, preview: true });
    } catch {
      // The Markdown preview is unavailable (the built-in extension disabled): the source, in the same place.
      await vscode.window.showTextDocument(document, { preview: true, viewColumn });
    }
    return document;
  }
}
