// Issue 7 in the editor: "Nexi: Reconcile Log…" (every transaction of a log against the backend, a report with links
// back to the log lines, CSV/JSON export) and the rehearsal. "Nexi: Simulate POS Response…": ./simulate.ts.
import * as vscode from 'vscode';
import { formatAmount } from '../../core/codes/currencies';
import { NexiError, userMessage } from '../../core/nexi/errors';
import { fillTemplate } from '../../core/codes/text';
import { checkMessages } from '../../core/explain/messages';
import { scanText, type ScannedUri } from '../../core/app2app/scan';
import { explainScanned } from '../../core/explain/explain';
import { explanationMarkdown } from '../../core/explain/markdown';
import { extractEntries, reconcile, withDefaultTerminal, type Classification, type ReconcileReport, type ReconciledEntry } from '../../core/reconcile/reconcile';
import { appOutcomeLabel, classificationLabel, differencesLabel, entryErrorText, outcomeLabel, reportIdentifiers, reportMessages, toCsv, toJson, toMarkdown } from '../../core/reconcile/report';
import { classificationOrder, entryText, enquiryRequest, reversalRequest } from '../../core/reconcile/view';
import { maskPans, redact } from '../../core/redact';
import { sandboxDefaults } from '../../core/sandbox/server';
import { rehearsal } from '../../core/scenarios/rehearsal';
import { isResultTab, resultScheme } from '../resultDocuments';
import type { ReconciliationNode } from '../views/reconciliationView';
import { chooseEnvironment } from '../pickers';
import type { CommandContext, CommandSpec } from './context';
import { cancelled, type CommandOutcome } from './outcome';

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
  if (active && active.uri.scheme !== resultScheme) return active;
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: vscode.l10n.t('Reconcile'),
    title: vscode.l10n.t('Log to reconcile against the backend'),
    filters: { [vscode.l10n.t('Logs')]: ['log', 'txt'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0] ? vscode.workspace.openTextDocument(picked[0]) : undefined;
}

async function defaultTerminal(ctx: CommandContext, environmentId: string, given: string | undefined, lines: readonly number[]): Promise<string | undefined | null> {
  if (given) return given;
  // Asked only when some line names no terminal (a payment request without a result, say).
  if (lines.length === 0) return undefined;
  // MobilePOS first: payment requests without a TID are the MobilePOS flow's (SoftPOS results carry f41).
  const ids = ctx.credentials.store.terminals(environmentId).map((t) => t.id).reverse();
  if (ids.length <= 1) return ids[0];
  const picked = await ctx.ui.prompts.pick(
    ids.map((id) => ({ label: id })),
    {
      title:
        lines.length === 1
          ? vscode.l10n.t('Reconcile: terminal for line {0}, which names none', lines[0]!)
          : vscode.l10n.t('Reconcile: terminal for the {0} lines that name none ({1})', lines.length, lines.slice(0, 5).join(', ') + (lines.length > 5 ? ', …' : '')),
      placeholder: vscode.l10n.t('Payment requests carry no terminal id (Nexi POS uses the last selected one)'),
    },
  );
  return picked ? picked.label : null;
}

async function runReconcile(ctx: CommandContext, raw: unknown): Promise<CommandOutcome> {
  const args = (raw instanceof vscode.Uri ? { uri: raw } : (raw ?? {})) as ReconcileArgs;
  const document = await logDocument(args);
  if (!document) return cancelled;
  const source = document.uri.path.split('/').pop() ?? document.uri.toString();
  // What the log holds is known before anything is asked: a log with nothing to check says so at once, and the
  // questions name the log and how much of it they are for.
  const found = extractEntries(document.getText());
  if (found.length === 0) {
    const message = vscode.l10n.t('No payment or reversal URI with a callerTrxId in {0}.', source);
    ctx.ui.notifications.info(message);
    return { ok: false, code: 'NOTHING_TO_RECONCILE', message };
  }
  const environment = await chooseEnvironment(ctx, {
    given: args.environmentId,
    withCredentials: true,
    title:
      found.length === 1
        ? vscode.l10n.t('Reconcile {0}: environment to check its transaction against', source)
        : vscode.l10n.t('Reconcile {0}: environment to check its {1} transactions against', source, found.length),
    placeholder: vscode.l10n.t('Which environment to ask'),
  });
  if (!environment) return cancelled;
  const terminal = await defaultTerminal(ctx, environment.id, args.defaultTerminalId, found.filter((e) => e.terminalId === undefined).map((e) => e.line));
  if (terminal === null) return cancelled;
  const entries = withDefaultTerminal(found, terminal);
  let batch;
  try {
    batch = await ctx.b2b.checks.batch(environment, entries.length);
  } catch (err) {
    const code = (err as { code?: string }).code ?? 'FAILED';
    const message = userMessage(err);
    if (code !== 'CANCELLED') ctx.ui.notifications.error(message);
    return { ok: false, code, message };
  }
  let report: ReconcileReport;
  try {
    report = await vscode.window.withProgress(
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
  } finally {
    // Every check made reaches the Checks history, also when the run stopped or was cancelled.
    await batch.finish();
  }
  if (report.stopped) {
    // Nothing could be checked the way things are (credentials refused, no token, no connection): say so once.
    const message = redact(userMessage(report.stopped.error), batch.secrets);
    ctx.ui.notifications.error(vscode.l10n.t('Reconciliation of {0} stopped after {1} of {2}: {3}', source, report.entries.length, entries.length, message));
    return { ok: false, code: report.stopped.code, message, checked: report.entries.length };
  }
  // Line numbers as plain text: the rendered report does not follow links to files (it showed `[3](file:///…#L3)` as
  // raw text); the Reconciliation view's rows open the log at the line.
  const markdown = redact(
    toMarkdown(report, { title: vscode.l10n.t('Reconciliation of {0} against {1}', source, environment.label) }) +
      vscode.l10n.t('\nWork through it in the **Reconciliation** view (Nexi App2App side bar): a row opens its log line. Export: **Nexi: Export Reconciliation as CSV…** or **…as JSON…**.\n'),
    batch.secrets,
    { keepDigits: reportIdentifiers(report) },
  );
  ctx.b2b.reconciliations.remember({ report, source, sourceUri: document.uri, environmentId: environment.id, environmentLabel: environment.label, markdown });
  const opened = await ctx.editor.results.open(vscode.l10n.t('reconciliation {0}', source), markdown, { json: JSON.parse(toJson(report, source)) });
  // The view lists the rows by danger; showing it does not take the focus from the editor.
  void vscode.commands.executeCommand('nexi.reconciliation.focus', { preserveFocus: true });
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

/** The row a command was run on: the tree node (inline action, context menu, click) or `{ line }` / `{ callerTrxId }`. */
function rowOf(ctx: CommandContext, arg: unknown): ReconciledEntry | undefined {
  const report = ctx.b2b.reconciliations.last?.report;
  if (!report || !arg || typeof arg !== 'object') return undefined;
  const node = arg as Partial<Extract<ReconciliationNode, { kind: 'row' }>> & { line?: number; callerTrxId?: string };
  if (node.kind === 'row' && node.entry) return report.entries.find((e) => e.line === node.entry!.line && e.callerTrxId === node.entry!.callerTrxId) ?? node.entry;
  return report.entries.find((e) => (node.line === undefined || e.line === node.line) && (node.callerTrxId === undefined || e.callerTrxId === node.callerTrxId));
}

function noRow(ctx: CommandContext): CommandOutcome {
  const message = ctx.b2b.reconciliations.last
    ? vscode.l10n.t('Pick a row of the Reconciliation view.')
    : vscode.l10n.t('No reconciliation yet: run "Nexi: Reconcile Log…" first.');
  ctx.ui.notifications.info(message);
  return { ok: false, code: 'NO_ROW', message };
}

/** The group to show the log in: where it is visible already, else the first group that holds no result document. */
function logColumn(uri: vscode.Uri): vscode.ViewColumn {
  const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString() && e.viewColumn !== undefined);
  if (visible?.viewColumn) return visible.viewColumn;
  const group = vscode.window.tabGroups.all.find((g) => !g.tabs.some(isResultTab));
  return group?.viewColumn ?? vscode.ViewColumn.One;
}

/** What to do about a row, in a sentence (the detail document's first paragraph). */
function nextStep(e: ReconciledEntry): string {
  switch (e.classification) {
    case 'app-failed-backend-approved':
      return reportMessages().explainDanger;
    case 'mismatch':
      return vscode.l10n.t("The app and Nexi disagree on this transaction. Nexi's record is what the customer was charged: correct the app's record, and find out why they differ.");
    case 'not-found':
      return vscode.l10n.t('Nexi has no transaction with this terminal and callerTrxId: the request may never have reached Nexi POS, or the terminal id may be wrong. Check the terminal id, or ask the device with a last-transaction enquiry.');
    case 'error':
      return vscode.l10n.t('The check itself failed, so nothing is known about this transaction yet: fix the cause below, then check it again.');
    case 'match':
      return vscode.l10n.t('The app and Nexi agree on this transaction.');
  }
}

/** The detail of one row: what it means, the two sides, the log line decoded, and the backend's answer. */
function rowMarkdown(e: ReconciledEntry, source: string, environmentLabel: string, logged: ScannedUri | undefined): string {
  const cell = (v: string | undefined): string => (v ?? '–').replace(/\|/g, '\\|');
  const out: string[] = [`# ${source}:${e.line} — ${classificationLabel(e.classification)}`, '', nextStep(e), ''];
  const app = appOutcomeLabel(e);
  // A list rather than a table: it wraps in a half-width pane.
  const amount = e.amount ? formatAmount(e.amount)?.text : undefined;
  out.push(
    `- **${vscode.l10n.t('App (log line {0})', e.line)}:** ${app}`,
    `- **${vscode.l10n.t('Nexi ({0})', cell(environmentLabel))}:** ${e.backendOutcome ? outcomeLabel(e.backendOutcome) : '–'}`,
    `- **${vscode.l10n.t('Terminal')}:** \`${cell(e.terminalId)}\` · **callerTrxId:** \`${cell(e.callerTrxId)}\`${e.operation ? ` · **${vscode.l10n.t('Operation')}:** ${cell(e.operation)}` : ''}`,
    ...(amount ? [`- **${vscode.l10n.t('Amount in the log')}:** ${amount}`] : []),
    '',
  );
  if (e.classification === 'mismatch' && e.differences.length > 0) out.push(`**${vscode.l10n.t('Differences')}:** ${differencesLabel(e)}`, '');
  if (e.errorCode) {
    // The code once, then what to do, as a single check says it.
    out.push(`**${e.errorCode}:** ${entryErrorText(e)}`, '');
    if (e.failure instanceof NexiError) out.push(fillTemplate(checkMessages().nextStep, { step: e.failure.nextStep }), '');
  }
  if (logged) out.push(`## ${vscode.l10n.t('What the log says (line {0})', e.line)}`, '', explanationMarkdown(explainScanned(logged), {}, 3), '');
  if (e.backend) {
    out.push(`## ${vscode.l10n.t('What Nexi answered (checkTransaction)')}`, '', '```json', maskPans(JSON.stringify(e.backend, null, 2)), '```', '');
  }
  return out.join('\n');
}

/** A row click: the log at that line in the log's own editor, and the row's detail beside it; the focus stays in the view. */
async function openRow(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const record = ctx.b2b.reconciliations.last;
  const entry = rowOf(ctx, arg);
  if (!record || !entry) return noRow(ctx);
  let document: vscode.TextDocument;
  try {
    document = await vscode.workspace.openTextDocument(record.sourceUri);
  } catch {
    const message = vscode.l10n.t('The log {0} cannot be opened any more (moved or deleted). Reconcile it again from where it is now.', record.source);
    ctx.ui.notifications.warn(message);
    return { ok: false, code: 'LOG_GONE', message };
  }
  // The URI's own range when the log is unchanged since the run (read once, also for the detail); the line otherwise.
  // The end offset is checked against the last line's end, not against a copy of a possibly huge text.
  const line = Math.min(entry.line - 1, document.lineCount - 1);
  const end = document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
  const found = entry.range.end <= end ? scanText(document.getText(new vscode.Range(document.positionAt(entry.range.start), document.positionAt(entry.range.end))))[0] : undefined;
  const logged = found?.uri.get('callerTrxId') === entry.callerTrxId ? found : undefined;
  const unchanged = logged !== undefined;
  // Selected from the line's start to the URI's end, drawn backwards: the cursor at the line's start keeps the log's
  // timestamp and tag in view instead of scrolling sideways to a long URI's end.
  const range = unchanged ? new vscode.Range(document.positionAt(entry.range.start).with({ character: 0 }), document.positionAt(entry.range.end)) : document.lineAt(line).range;
  const selection = new vscode.Selection(range.end, range.start);
  const viewColumn = logColumn(record.sourceUri);
  const editor = await vscode.window.showTextDocument(document, { viewColumn, preserveFocus: true, preview: false });
  editor.selection = selection;
  editor.revealRange(new vscode.Range(range.start, range.start), vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  const detail = await ctx.editor.results.open(
    vscode.l10n.t('{0} line {1}', record.source, entry.line),
    // Errors and Nexi's body never carry the environment's secrets; tokens or JOSE objects a gateway echoed are cut.
    redact(rowMarkdown(entry, record.source, record.environmentLabel, logged), [], { keepDigits: reportIdentifiers(record.report) }),
    { preserveFocus: true, ...(editor.viewColumn !== undefined ? { avoidColumn: editor.viewColumn } : {}), json: JSON.parse(toJson({ ...record.report, entries: [entry] }, record.source)).entries[0] },
  );
  return { ok: true, line: entry.line, document: detail.uri.toString(), log: document.uri.toString() };
}

async function checkRowAgain(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const record = ctx.b2b.reconciliations.last;
  const entry = rowOf(ctx, arg);
  if (!record || !entry) return noRow(ctx);
  if (!entry.terminalId) return { ok: false, code: 'NO_TERMINAL_ID', message: reportMessages().noTerminalId };
  return (await vscode.commands.executeCommand('nexi.checkTransaction', { environmentId: record.environmentId, terminalId: entry.terminalId, callerTrxId: entry.callerTrxId })) as CommandOutcome;
}

async function buildFromRow(ctx: CommandContext, arg: unknown, what: 'reversal' | 'enquiry'): Promise<CommandOutcome> {
  const entry = rowOf(ctx, arg);
  if (!entry) return noRow(ctx);
  const text = what === 'reversal' ? reversalRequest(entry) : enquiryRequest(entry);
  if (!text) {
    const message =
      what === 'reversal'
        ? vscode.l10n.t('Only a payment Nexi approved can be reversed; line {0} is {1} on the backend.', entry.line, entry.backendOutcome ? outcomeLabel(entry.backendOutcome) : '–')
        : vscode.l10n.t('Line {0} has no terminal id to ask about.', entry.line);
    ctx.ui.notifications.info(message);
    return { ok: false, code: 'NOT_APPLICABLE', message };
  }
  return (await vscode.commands.executeCommand('nexi.buildUri', { text })) as CommandOutcome;
}

async function copyRow(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const record = ctx.b2b.reconciliations.last;
  const entry = rowOf(ctx, arg);
  if (!record || !entry) return noRow(ctx);
  const text = entryText(entry, record.source);
  await vscode.env.clipboard.writeText(text);
  const message = vscode.l10n.t('Copied line {0} of the reconciliation ({1}).', entry.line, classificationLabel(entry.classification));
  ctx.ui.notifications.info(message);
  return { ok: true, copied: text, message };
}

async function filterRows(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const view = ctx.b2b.reconciliationView;
  if (!ctx.b2b.reconciliations.last) return noRow(ctx);
  let chosen: Classification[] | undefined;
  if (Array.isArray(arg)) chosen = arg.filter((c): c is Classification => classificationOrder.includes(c as Classification));
  else {
    const totals = ctx.b2b.reconciliations.last.report.totals;
    const items = classificationOrder.map((c) => ({ label: classificationLabel(c), description: String(totals[c]), classification: c }));
    const picked = await ctx.ui.prompts.pickMany(items, {
      title: vscode.l10n.t('Reconciliation: show these classifications'),
      placeholder: vscode.l10n.t('Rows of the unchecked classifications are hidden'),
      selected: items.filter((i) => view.filter.has(i.classification)),
    });
    if (!picked) return { ok: false, code: 'CANCELLED' };
    chosen = picked.map((p) => p.classification);
  }
  view.setFilter(new Set(chosen));
  return { ok: true, filter: [...view.filter] };
}

async function openReport(ctx: CommandContext): Promise<CommandOutcome> {
  const record = ctx.b2b.reconciliations.last;
  if (!record) return noRow(ctx);
  const opened = await ctx.editor.results.open(vscode.l10n.t('reconciliation {0}', record.source), record.markdown, { json: JSON.parse(toJson(record.report, record.source)) });
  return { ok: true, document: opened.uri.toString() };
}

/**
 * "Nexi: Rehearse a Session…" (issue 18): a logcat session made from the scenario catalogue — payments with every
 * outcome, a result that never reached the app, a reversal, a closure — registered in the local sandbox (started if
 * needed) and reconciled against it, so every classification shows up in the Reconciliation view in a minute.
 */
async function runRehearse(ctx: CommandContext): Promise<CommandOutcome> {
  const server = await ctx.b2b.sandbox.start();
  await ctx.credentials.environments.setActive('sandbox');
  const rh = rehearsal();
  for (const tx of rh.transactions) ctx.b2b.sandbox.register(tx);
  const now = new Date();
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const dir = vscode.Uri.joinPath(ctx.extension.globalStorageUri, 'rehearsals');
  await vscode.workspace.fs.createDirectory(dir);
  const file = vscode.Uri.joinPath(dir, `rehearsal-${stamp}.log`);
  await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(rh.log));
  const document = await vscode.workspace.openTextDocument(file);
  await vscode.window.showTextDocument(document, { preview: false });
  const outcome = (await vscode.commands.executeCommand('nexi.reconcileLog', { uri: file, environmentId: 'sandbox', defaultTerminalId: sandboxDefaults.mobilePosTerminalId })) as CommandOutcome;
  if (!outcome.ok) return outcome;
  const totals = outcome.totals as Readonly<Record<Classification, number>> & { total: number };
  const differs = classificationOrder.filter((c) => totals[c] !== rh.expected[c]);
  if (differs.length > 0) {
    const message = vscode.l10n.t('Rehearsal: the reconciliation differs from what the scenarios predict ({0}). See the Reconciliation view and the log (Nexi: Show Log).', differs.map((c) => `${classificationLabel(c)} ${totals[c]}/${rh.expected[c]}`).join(', '));
    ctx.ui.notifications.warn(message);
    return { ok: false, code: 'REHEARSAL_DIFFERS', message, totals, expected: rh.expected };
  }
  ctx.ui.notifications.info(
    vscode.l10n.t('Rehearsal: {0} operations logged in {1}, registered in the sandbox ({2}) and reconciled: every classification appeared as the scenarios predict. Work through them in the Reconciliation view.', rh.steps.length, file.path.split('/').pop() ?? '', server.url),
  );
  return { ok: true, log: file.toString(), totals, expected: rh.expected };
}

export const reconcileCommands: readonly CommandSpec[] = [
  { id: 'nexi.reconcileLog', needs: ['trustedWorkspace', 'credentials'], run: (ctx, arg) => runReconcile(ctx, arg) },
  { id: 'nexi.reconcile.exportCsv', needs: ['trustedWorkspace'], run: (ctx, target) => exportReport(ctx, 'csv', target) },
  { id: 'nexi.reconcile.exportJson', needs: ['trustedWorkspace'], run: (ctx, target) => exportReport(ctx, 'json', target) },
  { id: 'nexi.rehearse', needs: ['trustedWorkspace'], run: (ctx) => runRehearse(ctx) },
  // A reconciliation exists only where checks can run: the view's commands explain Restricted Mode like the rest.
  { id: 'nexi.reconciliation.open', needs: ['trustedWorkspace'], run: (ctx, arg) => openRow(ctx, arg) },
  { id: 'nexi.reconciliation.checkAgain', needs: ['trustedWorkspace', 'credentials'], run: (ctx, arg) => checkRowAgain(ctx, arg) },
  { id: 'nexi.reconciliation.buildReversal', needs: ['trustedWorkspace'], run: (ctx, arg) => buildFromRow(ctx, arg, 'reversal') },
  { id: 'nexi.reconciliation.buildEnquiry', needs: ['trustedWorkspace'], run: (ctx, arg) => buildFromRow(ctx, arg, 'enquiry') },
  { id: 'nexi.reconciliation.copy', needs: ['trustedWorkspace'], run: (ctx, arg) => copyRow(ctx, arg) },
  { id: 'nexi.reconciliation.filter', needs: ['trustedWorkspace'], run: (ctx, arg) => filterRows(ctx, arg) },
  { id: 'nexi.reconciliation.showAll', needs: ['trustedWorkspace'], run: (ctx) => filterRows(ctx, [...classificationOrder]) },
  {
    id: 'nexi.reconciliation.showMore',
    needs: ['trustedWorkspace'],
    run: (ctx, arg) => {
      if (typeof arg === 'string' && classificationOrder.includes(arg as Classification)) ctx.b2b.reconciliationView.showMore(arg as Classification);
      return { ok: true };
    },
  },
  { id: 'nexi.reconciliation.openReport', needs: ['trustedWorkspace'], run: (ctx) => openReport(ctx) },
];
