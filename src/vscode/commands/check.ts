// checkTransaction from the editor (issue 6): from the palette (environment, terminal, callerTrxId), from the
// CodeLens or hover of a result URI, from the selection, or re-run from the history; with progress and cancel; the
// result in a read-only document. Also "Copy as curl" and "Show Client Assertion Claims" (the local sandbox's
// commands: ./sandbox.ts).
import * as vscode from 'vscode';
import type { ScannedUri } from '../../core/app2app/scan';
import type { Environment } from '../../core/environments';
import { checkResultMarkdown } from '../../core/explain/checkMarkdown';
import { userMessage } from '../../core/nexi/errors';
import { curlCommands, type HistoryEntry } from '../../core/nexi/fromCredentials';
import { maskPans, redact } from '../../core/redact';
import type { CheckOutcome } from '../checks';
import { chooseEnvironment } from '../pickers';
import { findUris, pickOne } from '../targets';
import type { B2bServices, CommandContext, CommandSpec } from './context';
import { cancelled, type CommandOutcome } from './outcome';

/** What identifies one lookup; any part may be missing and is then asked for. */
interface Lookup {
  environmentId?: string;
  terminalId?: string;
  callerTrxId?: string;
}

const value = (u: ScannedUri, key: string): string | undefined => u.uri.get(key);

/** terminalId and callerTrxId of the result URI the command was invoked on (CodeLens, hover, selection, line). */
async function lookupFromTarget(ctx: CommandContext, arg: unknown): Promise<Lookup> {
  const explicit = arg as Lookup | undefined;
  if (explicit && typeof explicit === 'object' && ('callerTrxId' in explicit || 'terminalId' in explicit || 'environmentId' in explicit)) return { ...explicit };
  const found = await findUris(ctx.editor.index, arg, { clipboard: false });
  const uri = found ? pickOne({ ...found, uris: found.uris.filter((u) => u.kind === 'result') }) : undefined;
  if (!uri) return {};
  const terminalId = value(uri, 'terminalId') ?? value(uri, 'f41');
  const callerTrxId = value(uri, 'callerTrxId');
  return { ...(terminalId ? { terminalId } : {}), ...(callerTrxId ? { callerTrxId } : {}) };
}

async function chooseTerminal(ctx: CommandContext, environment: Environment, step: string): Promise<string | undefined> {
  const known: Array<vscode.QuickPickItem & { id?: string }> = ctx.credentials.store
    .terminals(environment.id)
    .map(({ id, product }) => ({ label: id, description: vscode.l10n.t('{0} terminal of {1}', product, environment.label), id }));
  const other: vscode.QuickPickItem & { id?: string } = { label: vscode.l10n.t('Another terminal id…'), description: vscode.l10n.t('8 digits') };
  const picked = known.length
    ? await ctx.ui.prompts.pick([...known, other], { title: vscode.l10n.t('{0}: terminal', step), placeholder: vscode.l10n.t('The terminal the transaction was made on') })
    : other;
  if (!picked) return undefined;
  if (picked.id) return picked.id;
  return ctx.ui.prompts.text({
    title: vscode.l10n.t('{0}: terminal id', step),
    prompt: vscode.l10n.t('Terminal id (TID) the transaction was made on'),
    placeholder: vscode.l10n.t('e.g. 30350039'),
    // Checked here, not by the backend: a call with an id that cannot be one is a wasted call (and, on PROD, a real one).
    validate: (v) =>
      v.trim() === '' ? vscode.l10n.t('Enter the terminal id (8 digits in every Nexi example).') : /^\d{8}$/.test(v.trim()) ? undefined : vscode.l10n.t('`{0}` does not look like a terminal id: every documented TID has 8 digits (e.g. 30350039).', v.trim()),
  });
}

/** Fills in whatever the lookup lacks, asking the user. */
async function complete(ctx: CommandContext, lookup: Lookup): Promise<{ environment: Environment; terminalId: string; callerTrxId: string } | undefined> {
  // A lookup read from a URI (CodeLens, hover link, selection) has what it needs but the environment: the active one.
  const environment = await chooseEnvironment(ctx, {
    given: lookup.environmentId,
    withCredentials: true,
    preferActive: lookup.terminalId !== undefined && lookup.callerTrxId !== undefined,
    title: vscode.l10n.t('Check transaction (1/3): environment'),
    placeholder: vscode.l10n.t('Which environment to ask'),
  });
  if (!environment) return undefined;
  const terminalId = lookup.terminalId ?? (await chooseTerminal(ctx, environment, vscode.l10n.t('Check transaction (2/3)')));
  if (!terminalId) return undefined;
  const callerTrxId =
    lookup.callerTrxId ??
    (await ctx.ui.prompts.text({
      title: vscode.l10n.t('Check transaction (3/3): callerTrxId'),
      prompt: vscode.l10n.t('The callerTrxId the app sent in the App2App request'),
      validate: (v) => (v.trim() ? undefined : vscode.l10n.t('Enter the callerTrxId.')),
    }));
  if (!callerTrxId) return undefined;
  return { environment, terminalId: terminalId.trim(), callerTrxId: callerTrxId.trim() };
}

/** What one check showed: the outcome and its explained, redacted Markdown (the result document's content). */
export interface ExplainedCheck {
  readonly outcome: CheckOutcome;
  readonly markdown: string;
}

/**
 * One checkTransaction, explained: the code path of "Nexi: Check Transaction…" after its questions (also the
 * `nexi_check_transaction` tool's). The CheckService applies the PROD guard and records the history; the Markdown is
 * redacted with the environment's secrets and never holds a token or assertion.
 */
export async function checkExplained(b2b: B2bServices, environment: Environment, terminalId: string, callerTrxId: string, signal?: AbortSignal): Promise<ExplainedCheck> {
  const outcome = await b2b.checks.check(environment, terminalId, callerTrxId, signal);
  const markdown = checkResultMarkdown(
    {
      environmentLabel: environment.label,
      terminalId,
      callerTrxId,
      at: outcome.at,
      ...(outcome.result ? { found: { transaction: outcome.result.transaction, attempts: outcome.result.attempts, durationMs: outcome.result.durationMs } } : {}),
      ...(outcome.error ? { error: { code: outcome.error.code, message: userMessage(outcome.error) } } : {}),
    },
    outcome.secrets,
  );
  return { outcome, markdown };
}

async function runCheck(ctx: CommandContext, arg: unknown): Promise<CommandOutcome> {
  const lookup = await complete(ctx, await lookupFromTarget(ctx, arg));
  if (!lookup) return cancelled;
  const { environment, terminalId, callerTrxId } = lookup;
  const { outcome, markdown } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('checkTransaction on {0}: {1} / {2}', environment.label, terminalId, callerTrxId), cancellable: true },
    (_progress, token) => {
      const abort = new AbortController();
      token.onCancellationRequested(() => abort.abort());
      return checkExplained(ctx.b2b, environment, terminalId, callerTrxId, abort.signal);
    },
  );
  if (outcome.error?.code === 'CANCELLED') return { ...cancelled, message: userMessage(outcome.error) };
  const json = {
    environment: environment.label,
    terminalId,
    callerTrxId,
    at: outcome.at,
    ...(outcome.result ? { transaction: outcome.result.transaction } : {}),
    ...(outcome.error ? { error: { code: outcome.error.code, message: userMessage(outcome.error) } } : {}),
  };
  // The same masking and redaction as the Markdown: no card number, no secret of the environment.
  const document = await ctx.editor.results.open(`checkTransaction ${terminalId} ${callerTrxId}`, markdown, { json: JSON.parse(redact(maskPans(JSON.stringify(json)), outcome.secrets)) as unknown });
  if (outcome.error) {
    const message = redact(userMessage(outcome.error), outcome.secrets);
    if (outcome.error.code === 'TRANSACTION_NOT_FOUND') ctx.ui.notifications.info(message);
    else ctx.ui.notifications.error(message);
    return { ok: false, code: outcome.error.code, message, document: document.uri.toString() };
  }
  const status = outcome.result!.transaction.status;
  return { ok: true, found: true, ...(typeof status === 'string' ? { status } : {}), document: document.uri.toString() };
}

export const checkCommands: readonly CommandSpec[] = [
    {
      id: 'nexi.checkTransaction',
      needs: ['trustedWorkspace', 'credentials'],
      run: (ctx, arg) => runCheck(ctx, arg),
    },
    {
      id: 'nexi.copyCheckAsCurl',
      needs: ['trustedWorkspace', 'credentials'],
      run: async (ctx, arg) => {
        const lookup = await complete(ctx, await lookupFromTarget(ctx, arg));
        if (!lookup) return cancelled;
        const { environment, terminalId, callerTrxId } = lookup;
        if (!environment.endpoints) return { ok: false, code: 'CREDENTIALS_INCOMPLETE', message: `${environment.label}: ${environment.problem ?? vscode.l10n.t('no endpoints')}` };
        const { store } = ctx.credentials;
        const [clientId, pkcs12, ca] = await Promise.all([store.get(environment.id, 'clientId'), store.get(environment.id, 'pkcs12'), store.get(environment.id, 'caBundle')]);
        const text = curlCommands({ ...environment.endpoints, clientId: clientId ?? '<CLIENT_ID>', terminalId, callerTrxId, hasCaBundle: !!ca, pkcs12: !!pkcs12 });
        await vscode.env.clipboard.writeText(text);
        ctx.ui.notifications.info(
          vscode.l10n.t(
            'Copied to the clipboard: the token and checkTransaction calls for callerTrxId {0} on terminal {1} ({2}) as curl (certificate, key and secret as placeholders; token and assertion cannot be made with curl).',
            callerTrxId,
            terminalId,
            environment.label,
          ),
        );
        return { ok: true, text };
      },
    },
    {
      id: 'nexi.showAssertionClaims',
      needs: ['trustedWorkspace', 'credentials'],
      run: async (ctx, arg) => {
        const given = (arg ?? {}) as Lookup;
        const environment = await chooseEnvironment(ctx, { given: given.environmentId, withCredentials: true, title: vscode.l10n.t('Client assertion claims'), placeholder: vscode.l10n.t('Which environment to ask') });
        if (!environment) return cancelled;
        const terminalId = given.terminalId ?? (await chooseTerminal(ctx, environment, vscode.l10n.t('Client assertion claims')));
        if (!terminalId) return cancelled;
        try {
          const claims = await ctx.b2b.checks.claims(environment, terminalId.trim());
          const markdown = [
            vscode.l10n.t('# Client assertion claims — {0}', environment.label),
            '',
            vscode.l10n.t(
              "What a checkTransaction for terminal `{0}` would carry now (spec §14.6). The claims are signed RS256 with your private key, then encrypted as a JWE (RSA-OAEP-256 / A128CBC-HS256) for Nexi's JWKS key; a fresh `jti`, `iat` and `exp` are made for every call. No key material is shown.",
              terminalId,
            ),
            '',
            '```json',
            JSON.stringify(claims, null, 2),
            '```',
            '',
          ].join('\n');
          const document = await ctx.editor.results.open(vscode.l10n.t('assertion claims {0} {1}', environment.id, terminalId), markdown);
          return { ok: true, claims, document: document.uri.toString() };
        } catch (err) {
          const message = userMessage(err);
          ctx.ui.notifications.error(message);
          return { ok: false, code: (err as { code?: string }).code ?? 'FAILED', message };
        }
      },
    },
    {
      id: 'nexi.history.rerun',
      needs: ['trustedWorkspace', 'credentials'],
      run: (ctx, item) => {
        const entry = (item as { entry?: HistoryEntry } | undefined)?.entry ?? (item as HistoryEntry | undefined);
        if (!entry?.callerTrxId) return { ok: false, code: 'NO_ENTRY', message: vscode.l10n.t('Choose a check in the History view.') };
        return runCheck(ctx, { environmentId: entry.environmentId, terminalId: entry.terminalId, callerTrxId: entry.callerTrxId });
      },
    },
    {
      id: 'nexi.history.clear',
      needs: ['trustedWorkspace'],
      run: async (ctx) => {
        await ctx.b2b.checks.clearHistory();
        return { ok: true };
      },
    },
];
