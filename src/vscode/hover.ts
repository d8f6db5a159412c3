// Hovers on App2App URIs in any served language. Only the line under the cursor is parsed (issue 4: large files).
// On a parameter: its explanation, interpreted value and provenance; on the scheme, authority or `?`: the
// summary of the whole URI with command links (Decode, Check transaction, Copy as adb).
import * as vscode from 'vscode';
import { partAt, uriAt } from '../core/app2app/locate';
import { offersCheck } from '../core/app2app/scan';
import { explainedField, explainScanned } from '../core/explain/explain';
import { markdownRenderings } from '../core/explain/lazyMarkdown';
import type { CommandLink } from '../core/explain/markdownText';
import { app2appCommandIds } from './commands/ids';
import { checkTransactionCommand, type CredentialsBridge } from './credentialsBridge';
import type { UriIndex } from './uriIndex';
import { targetOf } from './targets';

export class UriHovers implements vscode.HoverProvider {
  constructor(
    private readonly index: UriIndex,
    private readonly credentials: CredentialsBridge,
  ) {}

  async provideHover(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.Hover | undefined> {
    const uri = uriAt(this.index.scanLine(document, position.line, position.character), position.character);
    if (!uri) return undefined;
    const part = partAt(uri, position.character);
    if (!part) return undefined;
    // The first hover of a session may come before any analysis: what explaining needs loads in slices first.
    await this.index.warmUp();
    const explanation = explainScanned(uri);
    const line = position.line;
    if (part.kind === 'param') {
      const field = explainedField(explanation, part.index);
      if (!field) return undefined;
      return new vscode.Hover(markdown(markdownRenderings().fieldMarkdown(explanation, field), []), new vscode.Range(line, part.param.range.start, line, part.param.range.end));
    }
    const target = [targetOf(document, new vscode.Position(line, uri.range.start))];
    const links: CommandLink[] = [{ title: vscode.l10n.t('Decode'), command: app2appCommandIds.decode, args: target, tooltip: vscode.l10n.t('Open the decoded URI beside, as Markdown') }];
    if (offersCheck(uri) && (await this.credentials.checkTransactionAvailable())) {
      links.push({ title: vscode.l10n.t('Check transaction'), command: checkTransactionCommand, args: target, tooltip: vscode.l10n.t('Look the transaction up with checkTransaction') });
    }
    links.push({ title: vscode.l10n.t('Copy as adb'), command: app2appCommandIds.copyAsAdb, args: target, tooltip: vscode.l10n.t('Copy an adb command that opens this URI on a device') });
    const head = new vscode.Range(line, uri.uri.schemeRange.start, line, uri.uri.queryRange ? uri.uri.queryRange.start : uri.range.end);
    // The summary counts errors and warnings; where the Problems panel does not list them for this document
    // (diagnostics off, or a document that is not analysed), the hover lists them itself (issue 16).
    const published = this.index.isAnalysed(document) && vscode.workspace.getConfiguration('nexi', document).get<boolean>('diagnostics.enabled', true);
    return new vscode.Hover(markdown(markdownRenderings().summaryMarkdown(explanation, links, { listProblems: !published }), links.map((l) => l.command)), head);
  }
}

function markdown(text: string, commands: readonly string[]): vscode.MarkdownString {
  const md = new vscode.MarkdownString(text, true);
  // Only our own commands may run from the hover's links.
  md.isTrusted = commands.length > 0 ? { enabledCommands: [...commands] } : false;
  return md;
}
