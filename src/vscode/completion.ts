// Completion inside `neximpos://` URIs (operations, parameter names, values), computed by the core from the
// catalog; terminal IDs come from the configured terminals and from the ones already written in the document.
import * as vscode from 'vscode';
import type { CompletionCandidate, TerminalIdHint } from '../core/app2app/complete';
import { windowAround } from '../core/app2app/scanChunks';
import type { CredentialsBridge } from './credentialsBridge';
import { documentLength, largeFileThreshold } from './uriIndex';

const kinds: Readonly<Record<CompletionCandidate['kind'], vscode.CompletionItemKind>> = {
  operation: vscode.CompletionItemKind.Module,
  parameter: vscode.CompletionItemKind.Property,
  value: vscode.CompletionItemKind.Value,
};

/** Characters after which the editor should ask for completions. */
export const completionTriggers = ['/', '?', '&', '='] as const;

/** The completion core, loaded with the first completion inside a URI (not at activation: issue 17 item 4). */
let core: Promise<typeof import('../core/app2app/complete')> | undefined;

export class UriCompletions implements vscode.CompletionItemProvider {
  constructor(private readonly credentials: CredentialsBridge) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const window = windowAround(document.lineAt(position.line).text, position.character);
    const at = position.character - window.delta;
    // Cheap test first: most completion requests in a source file are nowhere near a URI.
    if (window.text.lastIndexOf('neximpos://', at) < 0) return [];
    const { completeAt, terminalIdsIn } = await (core ??= import('../core/app2app/complete'));
    const needsTerminals = /[?&;]terminalId=[^&\s"']*$/.test(window.text.slice(0, at));
    const terminalIds = needsTerminals ? await this.terminalHints(document, window.text, terminalIdsIn) : [];
    const line = position.line;
    return completeAt(window.text, at, { now: new Date(), terminalIds }).map((c) => {
      const item = new vscode.CompletionItem(c.label, kinds[c.kind]);
      item.insertText = c.insertText;
      item.range = new vscode.Range(line, c.range.start + window.delta, line, c.range.end + window.delta);
      item.sortText = c.sortText;
      if (c.detail) item.detail = c.detail;
      if (c.documentation) item.documentation = new vscode.MarkdownString(c.documentation);
      if (c.preselect) item.preselect = true;
      if (c.retrigger) item.command = { command: 'editor.action.triggerSuggest', title: vscode.l10n.t('Suggest values') };
      return item;
    });
  }

  /** Configured terminals first, then the ones the document already uses (a large document: this line only). */
  private async terminalHints(document: vscode.TextDocument, line: string, terminalIdsIn: (text: string) => string[]): Promise<TerminalIdHint[]> {
    const configured = await this.credentials.terminalIds();
    return [...configured, ...this.usedTerminalIds(document, line, terminalIdsIn).map((id) => ({ id, source: vscode.l10n.t('used in this document') }))];
  }

  /**
   * The terminal IDs written in the document, read line by line (issue 17: no copy of the whole text per request;
   * only lines that mention `terminalId=` are searched), at most 20.
   */
  private usedTerminalIds(document: vscode.TextDocument, line: string, terminalIdsIn: (text: string) => string[]): string[] {
    if (documentLength(document) > largeFileThreshold) return terminalIdsIn(line);
    const ids = new Set<string>();
    for (let i = 0; i < document.lineCount && ids.size < 20; i++) {
      const text = document.lineAt(i).text;
      if (text.includes('terminalId=')) for (const id of terminalIdsIn(text)) if (ids.size < 20) ids.add(id);
    }
    return [...ids];
  }
}
