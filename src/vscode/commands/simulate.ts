// "Nexi: Simulate POS Response…" (issue 7): the result URI Nexi POS would send for the request under the cursor,
// copied, delivered to a device with adb, and registered in the running sandbox. Loaded on first use (issue 17 item 4).
import * as vscode from 'vscode';
import { describeActionCode } from '../../core/codes/actionCodes';
import { localizedResultCodes } from '../../core/codes/resultCodes';
import { describeScenario, scenarioFor } from '../../core/scenarios/catalog';
import { parseOutcome, simulate, SimulationError, type Outcome, type Product } from '../../core/simulator/simulate';
import { findUris, pickOne } from '../targets';
import type { CommandContext, CommandSpec } from './context';
import { cancelled, type CommandOutcome } from './outcome';


interface SimulateArgs {
  readonly text?: string;
  readonly outcome?: string;
  readonly product?: Product;
  /** What to do with the result: copy (default), send with adb, or nothing (return it only). */
  readonly deliver?: 'copy' | 'adb' | 'none';
}

/** What the picker returns for "chosen by the amount" (the scenario catalogue decides). */
const byAmount = 'by-amount' as const;

async function chooseOutcome(ctx: CommandContext, amount: string | undefined, operation: string | undefined): Promise<Outcome | typeof byAmount | undefined> {
  const documented = localizedResultCodes().filter((r) => r.code !== 0 && r.code !== 20 && r.code !== 21 && r.code !== -30);
  // The amount's test scenario first (payment/reversal requests carry an amount): what "no outcome" gives.
  const scenario = amount !== undefined && (operation === 'payment' || operation === 'reversal') ? scenarioFor(amount, 'mobilepos', operation).scenario : undefined;
  const items: Array<vscode.QuickPickItem & { outcome?: Outcome | typeof byAmount; declined?: true }> = [
    ...(scenario ? [{ label: vscode.l10n.t('Chosen by the amount ({0})', amount!), description: describeScenario(scenario), outcome: byAmount }] : []),
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
  let outcome: Outcome | typeof byAmount | undefined;
  try {
    const amount = request.params.find((p) => p.name === 'amount')?.value ?? undefined;
    outcome = args.outcome === byAmount ? byAmount : args.outcome ? parseOutcome(args.outcome) : await chooseOutcome(ctx, amount, request.operation);
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
    result = simulate(text, outcome === byAmount ? { product } : { outcome, product });
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

export const simulateCommands: readonly CommandSpec[] = [
  // Simulating needs neither credentials nor the network: it works in Restricted Mode too.
  { id: 'nexi.simulatePosResponse', run: (ctx, arg) => runSimulate(ctx, arg) },
];
