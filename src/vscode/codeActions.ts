// Quick fixes for the App2App diagnostics: every fix the validator attaches to a finding becomes a code action
// with a WorkspaceEdit (snippet edits for fixes with placeholders). The line is re-read rather than trusting a
// cached analysis, so a fix always applies to the text as it is now.
import * as vscode from 'vscode';
import { validateUri } from '../core/app2app/validate';
import type { Fix, OffsetRange } from '../core/types';
import { diagnosticSource } from './diagnostics';
import type { UriIndex } from './uriIndex';

export class UriCodeActions implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly index: UriIndex) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    if (context.only && !vscode.CodeActionKind.QuickFix.contains(context.only) && !context.only.contains(vscode.CodeActionKind.QuickFix)) return [];
    const ours = context.diagnostics.filter((d) => d.source === diagnosticSource);
    const actions: vscode.CodeAction[] = [];
    const lines = new Map<number, ReturnType<typeof validateUri>>();
    // One action per title: each missing parameter's A2A003 also offers "Add all missing required parameters".
    const titles = new Set<string>();
    for (const shown of ours) {
      const line = shown.range.start.line;
      let found = lines.get(line);
      if (!found) lines.set(line, (found = this.index.scanLine(document, line, shown.range.start.character).flatMap((u) => validateUri(u))));
      const at = (r: OffsetRange) => new vscode.Range(line, r.start, line, r.end);
      // Diagnostics of one code can share a range (every missing parameter is reported on the operation): the message
      // tells them apart.
      const same = found.filter((d) => d.code === shown.code && at(d.range).isEqual(shown.range));
      const match = same.find((d) => d.message === shown.message) ?? same[0];
      match?.fixes?.forEach((fix, i) => {
        if (titles.has(fix.title)) return;
        titles.add(fix.title);
        actions.push(this.action(document, fix, shown, i === 0, at));
      });
    }
    return actions;
  }

  private action(document: vscode.TextDocument, fix: Fix, diagnostic: vscode.Diagnostic, preferred: boolean, at: (r: OffsetRange) => vscode.Range): vscode.CodeAction {
    const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
    action.diagnostics = [diagnostic];
    action.isPreferred = preferred;
    const edit = new vscode.WorkspaceEdit();
    edit.set(
      document.uri,
      fix.edits.map((e) => (fix.snippet ? new vscode.SnippetTextEdit(at(e.range), new vscode.SnippetString(e.newText)) : vscode.TextEdit.replace(at(e.range), e.newText))),
    );
    action.edit = edit;
    return action;
  }
}
