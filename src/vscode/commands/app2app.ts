// Commands of the App2App editor features: build, decode, copy as, send to a device. None needs credentials or a
// trusted workspace (Restricted Mode keeps decoding and building, see package.json `capabilities`). A chunk loaded on
// the first call of one of them (commands/index.ts); their ids are ./ids.ts.
import * as vscode from 'vscode';
import { jsonExplanation } from '../../core/explain/json';
import { copiedMessage, copiedUri, copyFormats, formatUriAs, type CopyFormat } from '../../core/app2app/copyAs';
import { effectiveUriText } from '../../core/app2app/locate';
import { Yielder } from '../../core/yielder';
import { explainScanned, type UriExplanation } from '../../core/explain/explain';
import { decodeLimit, decodeResultMarkdown } from '../../core/explain/markdown';
import { pause } from '../uriIndex';
import { findUris, isTextTarget, isUriTarget, pickOne, type Found } from '../targets';
import type { CommandContext, CommandSpec } from './context';
import { app2appCommandIds } from './ids';
import type { CommandOutcome } from './outcome';

export { app2appCommandIds };

function noUri(ctx: CommandContext, found: Found | undefined, clipboard: boolean): CommandOutcome {
  const where = found ? found.inOrigin : vscode.l10n.t('here');
  const hint = clipboard ? vscode.l10n.t('select one, put the cursor on its line, or copy it to the clipboard') : vscode.l10n.t('put the cursor on one, or select it');
  const message = vscode.l10n.t('No App2App URI found {0}: {1}.', where, hint);
  ctx.ui.notifications.warn(message);
  return { ok: false, code: 'NO_URI', message };
}

async function decode(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const found = await findUris(ctx.editor.index, arg, { clipboard: true });
  if (!found || found.uris.length === 0) return noUri(ctx, found, true);
  const yielder = new Yielder({ pause });
  const explanations: UriExplanation[] = [];
  for (const uri of found.uris.slice(0, decodeLimit)) {
    explanations.push(explainScanned(uri));
    await yielder.checkpoint();
  }
  const markdown = decodeResultMarkdown(explanations, found.uris.length, found.origin, found.where);
  const first = explanations[0]!;
  const title =
    explanations.length > 1
      ? vscode.l10n.t('Decoded {0} App2App URIs', explanations.length)
      : first.kind === 'result'
        ? vscode.l10n.t('Decoded {0} result', first.operation ?? 'App2App')
        : vscode.l10n.t('Decoded {0} request', first.operation ?? 'App2App');
  const document = await ctx.editor.results.open(title, markdown, { json: explanations.map((e) => jsonExplanation(e, found.where)) });
  ctx.log.debug(`decode: ${explanations.length} URI(s) from ${found.loggedOrigin}`);
  return { ok: true, document: document.uri.toString(), count: explanations.length };
}

async function copyAs(ctx: CommandContext, arg: unknown, format?: unknown): Promise<CommandOutcome> {
  const found = await findUris(ctx.editor.index, arg, { clipboard: false });
  const uri = found && pickOne(found);
  if (!uri) return noUri(ctx, found, false);
  let chosen = copyFormats.find((f) => f.id === format)?.id;
  if (!chosen) {
    const picked = await ctx.ui.prompts.pick(
      copyFormats.map((f) => ({ label: f.label, description: f.description, id: f.id })),
      { title: vscode.l10n.t('Copy App2App URI as…'), placeholder: vscode.l10n.t('Copy the URI as') },
    );
    if (!picked) return { ok: false, code: 'CANCELLED' };
    chosen = picked.id;
  }
  const text = formatUriAs(chosen, effectiveUriText(uri));
  await vscode.env.clipboard.writeText(text);
  // Templates (`$amount`, `${id}`) are filled at run time: what was copied still has them.
  const dynamic = uri.partial || uri.params.some((p) => p.dynamic !== undefined);
  const copied = copiedMessage(chosen, copiedUri(uri));
  const message = dynamic ? vscode.l10n.t('{0} It contains parts filled in at run time, copied as written: replace them before running it.', copied) : copied;
  if (dynamic) ctx.ui.notifications.warn(message);
  else ctx.ui.notifications.info(message);
  return { ok: true, format: chosen as CopyFormat, copied: text, message };
}

async function sendToDevice(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const found = await findUris(ctx.editor.index, arg, { clipboard: false });
  const uri = found && pickOne(found);
  if (!uri) return noUri(ctx, found, false);
  return ctx.editor.adb.send(effectiveUriText(uri));
}

async function build(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  // With a target ("Open in builder" on a request URI): start from that URI and offer to replace it.
  if (isUriTarget(arg) || isTextTarget(arg)) {
    const found = await findUris(ctx.editor.index, arg, { clipboard: false });
    const uri = found && pickOne(found);
    if (uri?.kind === 'request') {
      const replace = found?.document && found.toRange ? { document: found.document, range: found.toRange(uri.range), markup: uri.markup } : undefined;
      const { stateFromUri } = await import('../../core/app2app/builderFlow');
      return (await ctx.editor.builder()).run({ state: stateFromUri(effectiveUriText(uri)), ...(replace ? { replace } : {}) });
    }
  }
  return (await ctx.editor.builder()).run();
}

/** "Nexi: Test Scenarios…": the amounts that choose what the simulator answers; the one picked is copied. */
async function showScenarios(ctx: CommandContext, operation: unknown): Promise<CommandOutcome> {
  const amount = await (await ctx.editor.builder()).pickScenario(typeof operation === 'string' ? operation : 'payment');
  if (amount === undefined) return { ok: false, code: 'CANCELLED' };
  await vscode.env.clipboard.writeText(amount);
  const message = vscode.l10n.t('Copied the test amount {0}: a request with it gets that outcome from Nexi: Simulate POS Response… and the sandbox.', amount);
  ctx.ui.notifications.info(message);
  return { ok: true, amount, message };
}

export const app2appCommands: readonly CommandSpec[] = [
  { id: 'nexi.scenarios.show', run: (ctx, operation) => showScenarios(ctx, operation) },
  { id: app2appCommandIds.build, run: build },
  { id: app2appCommandIds.decode, run: decode },
  { id: app2appCommandIds.copyAs, run: copyAs },
  { id: app2appCommandIds.copyAsAdb, run: (ctx, arg) => copyAs(ctx, arg, 'adb') },
  { id: app2appCommandIds.sendToDevice, run: sendToDevice },
];
