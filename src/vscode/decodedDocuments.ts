// "Nexi: Decode URI" results as read-only virtual Markdown documents (house style §7): searchable, copyable,
// themable, no webview. The content is rendered once, kept while the document is open (and for the last few
// otherwise), and contains only what the explainer shows, where card numbers are masked.
import * as vscode from 'vscode';

export const decodedScheme = 'nexi-decoded';
const kept = 20;

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

  /** Opens `markdown` as a read-only document titled `title` beside the active editor. */
  async open(title: string, markdown: string): Promise<vscode.TextDocument> {
    const uri = vscode.Uri.from({ scheme: decodedScheme, path: `/${title.replace(/[\\/:*?"<>|]/g, '_')}.md`, query: String(this.next++) });
    this.contents.set(uri.toString(), markdown);
    while (this.contents.size > kept) this.contents.delete(this.contents.keys().next().value!);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(document, { preview: true, viewColumn: vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active });
    return document;
  }
}
