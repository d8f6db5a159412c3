// The result documents' two other forms (issue 16): results open rendered, and the Markdown source and the JSON stay
// one command away — from the preview's title bar, the palette, or a keybinding.
import * as vscode from 'vscode';
import type { CommandContext, CommandSpec } from './context';
import type { CommandOutcome } from './outcome';
import { resultScheme } from '../resultDocuments';

function target(ctx: CommandContext, arg: unknown): vscode.Uri | undefined {
  if (arg instanceof vscode.Uri && arg.scheme === resultScheme) return arg;
  return ctx.editor.results.current();
}

function noResult(ctx: CommandContext): CommandOutcome {
  const message = vscode.l10n.t('No result is open: decode a URI, check a transaction or reconcile a log first.');
  ctx.ui.notifications.info(message);
  return { ok: false, code: 'NO_RESULT', message };
}

async function copyJson(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const uri = target(ctx, arg);
  if (!uri) return noResult(ctx);
  const json = ctx.editor.results.jsonOf(uri);
  if (json === undefined) {
    const message = vscode.l10n.t('This document has no JSON form (only decoded URIs, checks and reconciliations have one), or it expired: open it again.');
    ctx.ui.notifications.info(message);
    return { ok: false, code: 'NO_JSON', message };
  }
  await vscode.env.clipboard.writeText(json);
  const message = vscode.l10n.t('Copied the result as JSON (card numbers masked).');
  ctx.ui.notifications.info(message);
  return { ok: true, copied: json, message };
}

async function openSource(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const uri = target(ctx, arg);
  if (!uri) return noResult(ctx);
  // In the group that shows the result, so the source takes the rendered view's place.
  const group = vscode.window.tabGroups.all.find((g) => g.tabs.some((t) => (t.input as { uri?: vscode.Uri } | undefined)?.uri?.toString() === uri.toString()));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: true, ...(group ? { viewColumn: group.viewColumn } : {}) });
  return { ok: true, document: uri.toString() };
}

export const resultCommands: readonly CommandSpec[] = [
  { id: 'nexi.results.copyJson', run: (ctx, arg) => copyJson(ctx, arg) },
  { id: 'nexi.results.openSource', run: (ctx, arg) => openSource(ctx, arg) },
];
