// Issue 7 in the editor: "Nexi: Reconcile Log…" (every transaction of a log against the backend, a report with links
// back to the log lines, CSV/JSON export) and "Nexi: Simulate POS Response…" (the result URI Nexi POS would send,
// copied, delivered to a device with adb, and registered in the running sandbox).
import * as vscode from 'vscode';
import { describeActionCode } from '../../core/codes/actionCodes';
import { localizedResultCodes } from '../../core/codes/resultCodes';
import { userMessage } from '../../core/nexi/errors';
import { extractEntries, reconcile, type ReconcileReport } from '../../core/reconcile/reconcile';
import { toCsv, toJson, toMarkdown } from '../../core/reconcile/report';
import { redact } from '../../core/redact';
import { parseOutcome, simulate, SimulationError, type Outcome, type Product } from '../../core/simulator/simulate';
import { findUris, pickOne } from '../targets';
import { chooseEnvironment } from './check';
import type { CommandContext, CommandOutcome, CommandSpec } from './index';

const cancelled: CommandOutcome = { ok: false, code: 'CANCELLED', message: vscode.l10n.t('Cancelled.') };

/** A finished reconciliation: the report, the log's name, and where the log is. */
export interface ReconciliationRecord {
  readonly report: ReconcileReport;
  readonly source: string;
  readonly sourceUri: vscode.Uri;
}

/** The window's latest reconciliation, which the export commands write out. */
export class Reconciliations {
  #last: ReconciliationRecord | undefined;

  get last(): ReconciliationRecord | undefined {
    return this.#last;
  }

  remember(record: ReconciliationRecord): void {
    this.#last = record;
  }
}

interface ReconcileArgs {
  /** The log (a file or an open document); default: the active editor's document, else a file chooser. */
  readonly uri?: string | vscode.Uri;
  readonly environmentId?: string;
  /** Terminal for lines without one (payment requests carry no TID). */
  readonly defaultTerminalId?: string;
  readonly concurrency?: number;
}

async function logDocument(args: ReconcileArgs): Promise<vscode.TextDocument | undefined> {
  if (args.uri) return vscode.workspace.openTextDocument(typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri);
  const active = vscode.window.activeTextEditor?.document;
  if (active && active.uri.scheme !== 'nexi-decoded') return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Reconcile'),
    title: vscode.l10n.t('Log to reconcile against the backend'),
    filters: { [vscode.l10n.t('Logs')]: ['log', 'txt'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0] ? vscode.workspace.openTextDocument(picked[0]) : undefined;
}

async function defaultTerminal(ctx: CommandContext, environmentId: string, given?: string): Promise<string | undefined | null> {
  if (given) return given;
  // MobilePOS first: payment requests without a TID are the MobilePOS flow's (SoftPOS results carry f41).
  const ids = ctx.credentials.store.terminals(environmentId).map((t) => t.id).reverse();
  if (ids.length <= 1) return ids[0];
  const picked = await ctx.ui.prompts.pick(
    ids.map((id) => ({ label: id })),
    { title: vscode.l10n.t('Reconcile: terminal for lines without one'), placeholder: vscode.l10n.t('Payment requests carry no terminal id (Nexi POS uses the last selected one)') },
  );
  return picked ? picked.label : null;
}

async function runReconcile(ctx: CommandContext, raw: unknown): Promise<CommandOutcome> {
  const args = (raw instanceof vscode.Uri ? { uri: raw } : (raw ?? {})) as ReconcileArgs;
  const document = await logDocument(args);
  if (!document) return cancelled;
  const environment = await chooseEnvironment(ctx, args.environmentId);
  if (!environment) return cancelled;
  const terminal = await defaultTerminal(ctx, environment.id, args.defaultTerminalId);
  if (terminal === null) return cancelled;
  const entries = extractEntries(document.getText(), terminal ? { defaultTerminalId: terminal } : {});
  const source = document.uri.path.split('/').pop() ?? document.uri.toString();
  if (entries.length === 0) {
    const message = vscode.l10n.t('No payment or reversal URI with a callerTrxId in {0}.', source);
    ctx.ui.notifications.info(message);
    return { ok: false, code: 'NOTHING_TO_RECONCILE', message };
  }
  let batch;
  try {
    batch = await ctx.b2b.checks.batch(environment, entries.length);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'FAILED';
    const message = userMessage(err);
    if (code !== 'CANCELLED') ctx.ui.notifications.error(message);
    return { ok: false, code, message };
  }
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Reconciling {0} against {1}', source, environment.label), cancellable: true },
    (progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return reconcile(entries, batch.check, {
        concurrency: args.concurrency ?? 4,
        signal: abort.signal,
        onProgress: (done, total) => progress.report({ message: vscode.l10n.t('{0}/{1} checked', done, total), increment: 100 / total }),
      });
    },
  );
  if (report.stopped) {
    // Nothing could be checked the way things are (credentials refused, no token, no connection): say so once.
    const message = redact(userMessage(report.stopped.error), batch.secrets);
    ctx.ui.notifications.error(vscode.l10n.t('Reconciliation of {0} stopped after {1} of {2}: {3}', source, report.entries.length, entries.length, message));
    return { ok: false, code: report.stopped.code, message, checked: report.entries.length };
  }
  ctx.b2b.reconciliations.remember({ report, source, sourceUri: document.uri });
  // Links back to the log: the document's URI with an `L<line>` fragment opens it at that line.
  const markdown = redact(
    toMarkdown(report, { title: vscode.l10n.t('Reconciliation of {0} against {1}', source, environment.label), lineLink: (line) => document.uri.with({ fragment: `L${line}` }).toString() }) +
      vscode.l10n.t('\nExport: **Nexi: Export Reconciliation as CSV…** or **…as JSON…**.\n'),
    batch.secrets,
  );
  const opened = await ctx.editor.decoded.open(vscode.l10n.t('reconciliation {0}', source), markdown);
  const danger = report.totals['app-failed-backend-approved'];
  if (danger > 0) {
    ctx.ui.notifications.warn(
      danger === 1
        ? vscode.l10n.t('1 payment in {0} was approved by Nexi while the app recorded a failure or no result: the customer was charged. See the report.', source)
        : vscode.l10n.t('{0} payments in {1} were approved by Nexi while the app recorded a failure or no result: the customers were charged. See the report.', danger, source),
    );
  }
  return { ok: true, totals: report.totals, cancelled: report.cancelled, document: opened.uri.toString() };
}

async function exportReport(ctx: CommandContext, format: 'csv' | 'json', target: unknown): Promise<CommandOutcome> {
  const last = ctx.b2b.reconciliations.last;
  if (!last) {
    const message = vscode.l10n.t('Nothing to export yet: run "Nexi: Reconcile Log…" first.');
    ctx.ui.notifications.info(message);
    return { ok: false, code: 'NO_REPORT', message };
  }
  const base = last.sourceUri.scheme === 'file' ? vscode.Uri.joinPath(last.sourceUri, '..', `${last.source.replace(/\.[^.]+$/, '')}-reconciliation.${format}`) : undefined;
  const uri =
    target instanceof vscode.Uri
      ? target
      : typeof target === 'string'
        ? vscode.Uri.parse(target)
        : await vscode.window.showSaveDialog({ ...(base ? { defaultUri: base } : {}), filters: format === 'csv' ? { CSV: ['csv'] } : { JSON: ['json'] }, title: vscode.l10n.t('Export reconciliation as {0}', format.toUpperCase()) });
  if (!uri) return cancelled;
  const text = format === 'csv' ? toCsv(last.report) : toJson(last.report, last.source);
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(text));
  ctx.ui.notifications.info(vscode.l10n.t('Reconciliation exported to {0}.', uri.path.split('/').pop() ?? ''));
  return { ok: true, uri: uri.toString() };
}

interface SimulateArgs {
  readonly text?: string;
  readonly outcome?: string;
  readonly product?: Product;
  /** What to do with the result: copy (default), send with adb, or nothing (return it only). */
  readonly deliver?: 'copy' | 'adb' | 'none';
}

async function chooseOutcome(ctx: CommandContext): Promise<Outcome | undefined> {
  const documented = localizedResultCodes().filter((r) => r.code !== 0 && r.code !== 20 && r.code !== 21 && r.code !== -30);
  const items: Array<vscode.QuickPickItem & { outcome?: Outcome; declined?: true }> = [
    { label: vscode.l10n.t('Approved'), description: vscode.l10n.t('result 0'), outcome: { kind: 'approved' } },
    { label: vscode.l10n.t('Declined by the host…'), description: vscode.l10n.t('result 21 with an action code'), declined: true },
    { label: vscode.l10n.t('Cancelled'), description: vscode.l10n.t('result 20: the operator pressed X'), outcome: { kind: 'cancelled' } },
    { label: vscode.l10n.t('SoftPOS error'), description: vscode.l10n.t('result -30 with softPosError'), outcome: { kind: 'softpos-error' } },
    ...documented.map((r) => ({ label: vscode.l10n.t('Result {0}', r.code), description: r.meaning, outcome: { kind: 'result', code: r.code } as Outcome })),
  ];
  const picked = await ctx.ui.prompts.pick(items, { title: vscode.l10n.t('Simulate POS response (1/2): outcome'), placeholder: vscode.l10n.t('What Nexi POS answers') });
  if (!picked) return undefined;
  if (!picked.declined) return picked.outcome;
  const codes = ['116', '100', '101', '117', '119', '902', '909'];
  const code = await ctx.ui.prompts.pick(
    codes.map((c) => ({ label: c, description: describeActionCode(c).meaning })),
    { title: vscode.l10n.t('Simulate POS response: action code'), placeholder: vscode.l10n.t("The bank's answer (ISO 8583 field 39)") },
  );
  return code ? { kind: 'declined', actionCode: code.label } : undefined;
}

async function runSimulate(ctx: CommandContext, raw: unknown): Promise<CommandOutcome> {
  const args = (raw ?? {}) as SimulateArgs;
  const found = await findUris(ctx.editor.index, typeof args.text === 'string' ? { text: args.text } : raw, { clipboard: false });
  const request = found ? pickOne({ ...found, uris: found.uris.filter((u) => u.kind === 'request') }) : undefined;
  if (!request) {
    const message = vscode.l10n.t('Put the cursor on an App2App request URI (neximpos://…), select one, or use the CodeLens above it.');
    ctx.ui.notifications.info(message);
    return { ok: false, code: 'NO_REQUEST', message };
  }
  let outcome: Outcome | undefined;
  try {
    outcome = args.outcome ? parseOutcome(args.outcome) : await chooseOutcome(ctx);
  } catch (err) {
    if (err instanceof SimulationError) return { ok: false, code: 'BAD_OUTCOME', message: err.message };
    throw err;
  }
  if (!outcome) return cancelled;
  const product =
    args.product ??
    (
      await ctx.ui.prompts.pick(
        [
          { label: 'SoftPOS', description: vscode.l10n.t('receipt keys f04…CT123, values as Nexi sends them'), product: 'softpos' as const },
          { label: 'MobilePOS', description: vscode.l10n.t('the documented result fields'), product: 'mobilepos' as const },
        ],
        { title: vscode.l10n.t('Simulate POS response (2/2): product'), placeholder: vscode.l10n.t('Which Nexi POS answers') },
      )
    )?.product;
  if (!product) return cancelled;
  let result;
  try {
    const text = request.uri.text;
    result = simulate(text, { outcome, product });
  } catch (err) {
    if (!(err instanceof SimulationError)) throw err;
    ctx.ui.notifications.error(err.message);
    return { ok: false, code: 'CANNOT_SIMULATE', message: err.message };
  }
  const registered = result.transaction ? ctx.b2b.sandbox.register(result.transaction) : false;
  const notes = [...result.notes, ...(registered ? [vscode.l10n.t('Registered in the local sandbox: checkTransaction and reconciliation will find it.')] : [])];
  const deliver = args.deliver ?? 'copy';
  if (deliver === 'adb') {
    const sent = await ctx.editor.adb.send(result.uri);
    return { ...sent, uri: result.uri, registered, notes };
  }
  if (deliver === 'copy') {
    await vscode.env.clipboard.writeText(result.uri);
    // Issue 16: the confirmation names what was copied (product, operation, outcome, callerTrxId).
    const productName = product === 'softpos' ? 'SoftPOS' : 'MobilePOS';
    const operation = request.operation ?? 'App2App';
    const id = request.uri.get('callerTrxId');
    const copied = id
      ? vscode.l10n.t('Copied to the clipboard: the simulated {0} {1} result (result {2}, callerTrxId {3}).', productName, operation, result.result, id)
      : vscode.l10n.t('Copied to the clipboard: the simulated {0} {1} result (result {2}).', productName, operation, result.result);
    ctx.ui.notifications.info(`${copied}${notes.length ? ` ${notes.join(' ')}` : ''}`, {
      [vscode.l10n.t('Send to device…')]: () => ctx.editor.adb.send(result.uri),
      [vscode.l10n.t('Decode')]: () => vscode.commands.executeCommand('nexi.decodeUri', { text: result.uri }),
    });
  }
  return { ok: true, uri: result.uri, result: result.result, registered, notes };
}

export const reconcileCommands: readonly CommandSpec[] = [
  { id: 'nexi.reconcileLog', needs: ['trustedWorkspace', 'credentials'], run: (ctx, arg) => runReconcile(ctx, arg) },
  { id: 'nexi.reconcile.exportCsv', needs: ['trustedWorkspace'], run: (ctx, target) => exportReport(ctx, 'csv', target) },
  { id: 'nexi.reconcile.exportJson', needs: ['trustedWorkspace'], run: (ctx, target) => exportReport(ctx, 'json', target) },
  // Simulating needs neither credentials nor the network: it works in Restricted Mode too.
  { id: 'nexi.simulatePosResponse', run: (ctx, arg) => runSimulate(ctx, arg) },
];
