// Reconciliation: what the app believes happened (the result URIs — and unanswered requests — in its log) against
// what the backend knows (checkTransaction). Pure: the check itself is passed in, so the CLI, the editor and the
// tests drive the same code; concurrency is bounded, cancellable, and backs off when the server does.
import { scanText, type ScannedUri } from '../app2app/scan';
import { describeResult } from '../codes/resultCodes';
import type { NexiErrorCode } from '../nexi/errors';
import { lineIndex } from '../text';
import { readTransaction, type TransactionModel } from '../transaction/model';
import { reportMessagesEn } from './report';
import type { AppOutcome, BackendOutcome, LogEntry, ReconciledEntry, ReconcileReport } from './types';

export type { AppOutcome, BackendOutcome, Classification, LogEntry, ReconciledEntry, ReconcileReport } from './types';

export type CheckFn = (terminalId: string, callerTrxId: string, signal?: AbortSignal) => Promise<Record<string, unknown>>;

const digits = (v: string | undefined): string | undefined => (v && /^\d+$/.test(v.trim()) ? v.trim().replace(/^0+(?=\d)/, '') : undefined);
const last4 = (v: string | undefined): string | undefined => /(\d{4})\s*$/.exec(v ?? '')?.[1];

function appOutcomeOf(result: string | undefined): AppOutcome {
  if (result === undefined) return 'no-result';
  const d = describeResult(result);
  switch (d.entry?.outcome) {
    case 'success':
      return 'approved';
    case 'declined':
      return 'declined';
    case 'cancelled':
      return 'cancelled';
    default:
      return 'failed';
  }
}

/**
 * What the app was told, as the transaction model reads the whole result (issue 15); where `result` and the host code
 * contradict each other the app's own reading is the `result` it received.
 */
function appOutcomeOfModel(model: TransactionModel, result: string | undefined): AppOutcome {
  switch (model.outcome.value) {
    case 'approved':
    case 'declined':
    case 'cancelled':
      return model.outcome.value;
    case 'contradictory':
      return appOutcomeOf(result);
    default:
      return result === undefined ? 'no-result' : 'failed';
  }
}

/**
 * The transactions of a log: every payment/reversal result URI, plus every request whose callerTrxId never got a
 * result in the log (the app crashed or timed out: exactly the case reconciliation is for). Last-transaction and
 * accounting-closure URIs are not transactions and are skipped. `defaultTerminalId` fills in requests (payment
 * URIs carry no TID: Nexi POS uses the last selected one, spec §1).
 */
export function extractEntries(text: string, options: { defaultTerminalId?: string } = {}): LogEntry[] {
  const where = lineIndex(text);
  const lineOf = (offset: number): number => where(offset).line;
  const byId = new Map<string, LogEntry>();
  const order: string[] = [];
  const value = (u: ScannedUri, k: string): string | undefined => u.uri.get(k);
  for (const u of scanText(text)) {
    if (u.operation !== 'payment' && u.operation !== 'reversal') continue;
    const id = value(u, 'callerTrxId');
    if (!id) continue;
    const terminalId = value(u, 'terminalId') ?? value(u, 'f41');
    const base = { callerTrxId: id, ...(terminalId ? { terminalId } : {}), operation: u.operation, line: lineOf(u.range.start), range: u.range };
    if (u.kind === 'result') {
      const result = value(u, 'result');
      const amount = digits(value(u, 'amount') ?? value(u, 'f04'));
      const auth = value(u, 'authorizationNumber') ?? value(u, 'f38');
      const pan = last4(value(u, 'CT100') ?? value(u, 'pan') ?? value(u, 'CT112'));
      const entry: LogEntry = { ...base, appOutcome: appOutcomeOfModel(readTransaction(u), result), ...(result !== undefined ? { result } : {}), ...(amount ? { amount } : {}), ...(auth ? { authorizationNumber: auth } : {}), ...(pan ? { panLast4: pan } : {}) };
      if (!byId.has(id)) order.push(id);
      byId.set(id, entry); // the last result of a callerTrxId is what the app ended with
    } else if (!byId.has(id)) {
      const amount = digits(value(u, 'amount'));
      byId.set(id, { ...base, appOutcome: 'no-result', ...(amount ? { amount } : {}) });
      order.push(id);
    }
  }
  return withDefaultTerminal(order.map((id) => byId.get(id)!), options.defaultTerminalId);
}

/** `entries`, those that name no terminal given `terminalId` (what extractEntries' `defaultTerminalId` does). */
export function withDefaultTerminal(entries: readonly LogEntry[], terminalId: string | undefined): LogEntry[] {
  if (!terminalId) return [...entries];
  return entries.map((e) => {
    if (e.terminalId !== undefined) return e;
    const { callerTrxId, ...rest } = e; // the terminal where extractEntries puts it, right after the callerTrxId
    return { callerTrxId, terminalId, ...rest };
  });
}

const pick = (o: Record<string, unknown>, ...keys: string[]): string | undefined => {
  for (const k of keys) {
    const v = o[k];
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
    if (typeof v === 'number') return String(v);
  }
  return undefined;
};

/**
 * The backend's outcome. The response schema is not published (spec §15.3): a `status` word is read first, then a
 * `result` code as in App2App; both readings are ours [inference].
 */
export function backendOutcomeOf(tx: Record<string, unknown>): BackendOutcome {
  const status = pick(tx, 'status', 'transactionStatus', 'outcome', 'state');
  if (status) {
    if (/APPROV|SUCCESS|\bOK\b|ACCEPT|COMPLET|AUTHORI[SZ]ED|CAPTURED/i.test(status)) return 'approved';
    if (/DECLIN|DENIED|REFUSED|REJECT/i.test(status)) return 'declined';
    if (/CANCEL|VOID|REVERS|ABORT/i.test(status)) return 'cancelled';
    if (/FAIL|ERROR/i.test(status)) return 'failed';
  }
  const result = pick(tx, 'result');
  if (result !== undefined) {
    const o = appOutcomeOf(result);
    return o === 'no-result' ? 'unknown' : o;
  }
  return 'unknown';
}

/** Compares one log entry with the backend's answer. */
export function classify(entry: LogEntry, tx: Record<string, unknown>): Pick<ReconciledEntry, 'classification' | 'backendOutcome' | 'differences'> {
  const backendOutcome = backendOutcomeOf(tx);
  const differences: Array<ReconciledEntry['differences'][number]> = [];
  if (backendOutcome === 'approved' && entry.appOutcome !== 'approved') {
    return { classification: 'app-failed-backend-approved', backendOutcome, differences: [{ field: 'outcome', app: entry.appOutcome, backend: backendOutcome }] };
  }
  const sameOutcome = entry.appOutcome === backendOutcome || (entry.appOutcome === 'no-result' && backendOutcome !== 'approved') || backendOutcome === 'unknown';
  if (!sameOutcome) differences.push({ field: 'outcome', app: entry.appOutcome, backend: backendOutcome });
  const backendAmount = digits(pick(tx, 'amount', 'f04'));
  if (entry.amount && backendAmount && entry.amount !== backendAmount) differences.push({ field: 'amount', app: entry.amount, backend: backendAmount });
  const backendAuth = pick(tx, 'authorizationNumber', 'authorizationCode', 'approvalCode', 'f38');
  if (entry.authorizationNumber && backendAuth && entry.authorizationNumber !== backendAuth) differences.push({ field: 'authorizationNumber', app: entry.authorizationNumber, backend: backendAuth });
  const backendPan = last4(pick(tx, 'pan', 'maskedPan', 'CT100', 'panLast4', 'CT112'));
  if (entry.panLast4 && backendPan && entry.panLast4 !== backendPan) differences.push({ field: 'panLast4', app: entry.panLast4, backend: backendPan });
  return { classification: differences.length ? 'mismatch' : 'match', backendOutcome, differences };
}

export interface ReconcileOptions {
  readonly concurrency?: number;
  readonly signal?: AbortSignal;
  readonly onProgress?: (done: number, total: number, entry: ReconciledEntry) => void;
}

// Failures that mean "the server is struggling" (every transient class the client knows): the pool halves its
// concurrency and retries the entry once later.
const backOffCodes = new Set<string>(['UPSTREAM_UNAVAILABLE', 'UPSTREAM_HTML_ERROR', 'TIMEOUT', 'CONNECTION_RESET', 'SERVER_ERROR', 'JWKS_FAILED']);

// Failures after which no check can succeed: the client, the certificate, the key or the network is refused. The
// run stops instead of failing every entry the same way (a 500-entry log would take half an hour to say so).
const fatalCodes = new Set<string>(['TOKEN_INVALID_CLIENT', 'TLS_CLIENT_CERT_REJECTED', 'TLS_SERVER_UNTRUSTED', 'CREDENTIALS_INCOMPLETE', 'KEY_UNUSABLE', 'KEY_PASSPHRASE_WRONG', 'CERTIFICATE_KEY_MISMATCH', 'DNS_FAILED', 'CONNECTION_FAILED', 'PROXY_FAILED', 'CLOCK_SKEW']);

/** Whether a failure means the whole run cannot succeed: a fatal class, or the token/JWKS step failing after its retries. */
function stopsTheRun(err: unknown, retriedOnce: boolean): boolean {
  const { code, details } = err as { code?: string; details?: { step?: string } };
  if (!code) return false;
  if (fatalCodes.has(code)) return true;
  // Token and keys are shared by every entry: still unavailable after the client's retries and one more go later.
  return (details?.step === 'token' || details?.step === 'jwks') && (retriedOnce || !backOffCodes.has(code));
}

/** Checks every entry against the backend with at most `concurrency` calls in flight (default 4). */
export async function reconcile(entries: readonly LogEntry[], check: CheckFn, options: ReconcileOptions = {}): Promise<ReconcileReport> {
  const results: ReconciledEntry[] = new Array(entries.length);
  let limit = Math.max(1, Math.floor(options.concurrency ?? 4));
  const maxLimit = limit;
  let next = 0;
  let done = 0;
  let active = 0;
  const retried = new Set<number>();
  const queue: number[] = [];
  let stopped: ReconcileReport['stopped'];
  const signal = options.signal;

  const finish = (i: number, r: ReconciledEntry): void => {
    results[i] = r;
    done++;
    options.onProgress?.(done, entries.length, r);
  };

  const runOne = async (i: number): Promise<void> => {
    const entry = entries[i]!;
    if (!entry.terminalId) {
      finish(i, { ...entry, classification: 'error', differences: [], errorCode: 'NO_TERMINAL_ID', message: reportMessagesEn.noTerminalId });
      return;
    }
    try {
      const tx = await check(entry.terminalId, entry.callerTrxId, signal);
      finish(i, { ...entry, ...classify(entry, tx), backend: tx });
      if (limit < maxLimit) limit++; // recover slowly after a back-off
    } catch (err) {
      const code = (err as { code?: string }).code as NexiErrorCode | undefined;
      if (code === 'CANCELLED' || signal?.aborted || stopped) return;
      if (stopsTheRun(err, retried.has(i))) {
        stopped = { code: code ?? 'FAILED', error: err };
        return;
      }
      if (code && backOffCodes.has(code) && !retried.has(i)) {
        retried.add(i);
        limit = Math.max(1, Math.floor(limit / 2));
        queue.push(i);
        return;
      }
      const messages = { message: (err as Error).message, failure: err };
      if (code === 'TRANSACTION_NOT_FOUND') finish(i, { ...entry, classification: 'not-found', differences: [], errorCode: code, ...messages });
      else finish(i, { ...entry, classification: 'error', differences: [], ...(code ? { errorCode: code } : {}), ...messages });
    }
  };

  await new Promise<void>((resolve) => {
    const pump = (): void => {
      if (signal?.aborted || stopped) {
        if (active === 0) resolve();
        return;
      }
      while (active < limit) {
        const i = queue.length ? queue.shift()! : next < entries.length ? next++ : -1;
        if (i < 0) break;
        active++;
        void runOne(i).finally(() => {
          active--;
          pump();
        });
      }
      if (active === 0 && queue.length === 0 && next >= entries.length) resolve();
    };
    signal?.addEventListener('abort', () => pump(), { once: true });
    pump();
  });

  const finished = results.filter((r): r is ReconciledEntry => r !== undefined);
  const totals = { match: 0, mismatch: 0, 'app-failed-backend-approved': 0, 'not-found': 0, error: 0, total: finished.length };
  for (const r of finished) totals[r.classification]++;
  return { entries: finished, totals, cancelled: !!signal?.aborted && finished.length < entries.length, ...(stopped ? { stopped } : {}) };
}
