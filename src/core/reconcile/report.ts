// Reconciliation report in three forms: CSV and JSON for export, Markdown for the read-only editor document.
// The JSON shape is stable (documented in the README); the card number only ever appears as its last four digits.
//
// Language: CSV and JSON are machine exports and stay the same in every locale (column names, keys, enum values
// such as `app-failed-backend-approved`, the `differences` cell, and `message`, which is the English error text
// of the logs), so scripts and spreadsheets read a report the same whoever produced it. The Markdown document is
// for people and follows the core locale (other languages: the l10n bundles).
import { fillTemplate as t } from '../codes/text';
import { translated } from '../l10n';
import type { AppOutcome, BackendOutcome, Classification, ReconcileReport, ReconciledEntry } from './types';
import { userMessage } from '../nexi/errors';
import { maskPans } from '../redact';

export const reportMessagesEn = {
  classification: {
    match: 'match',
    mismatch: 'mismatch',
    'app-failed-backend-approved': 'APP FAILED, BACKEND APPROVED',
    'not-found': 'not found on the backend',
    error: 'error',
  },
  /** Outcomes as the app and the backend report them. */
  outcome: { approved: 'approved', declined: 'declined', cancelled: 'cancelled', failed: 'failed', 'no-result': 'no-result', unknown: 'unknown' },
  /** Names of the compared fields in the Details column. */
  field: { outcome: 'outcome', amount: 'amount', authorizationNumber: 'authorizationNumber', panLast4: 'panLast4' },
  difference: '{field}: app {app}, backend {backend}',
  totals:
    'Transactions: {total}; **match: {match}**, mismatch: {mismatch}, **app failed but backend approved: {failedApproved}**, not found: {notFound}, error: {errors}.',
  cancelledRun: ' The run was cancelled before the end.',
  dangerHeadline: '**⚠ Payments approved by Nexi while the app recorded a failure or no result: {count}.**',
  explainDanger:
    'The app recorded no successful payment, but Nexi approved it: the customer was charged. Reverse it (Nexi: Build App2App URI… → reversal, or the last-transaction enquiry) or complete the order, and find out why the result was lost.',
  dangerLine: '- line {line}: terminal {terminalId}, callerTrxId `{callerTrxId}` (app: {appOutcome})',
  tableHeader: '| Line | Result | Terminal | callerTrxId | App | Backend | Details |',
  appResult: '{outcome} (result {result})',
  reverseOrComplete: 'reverse or complete it',
  /** The message of a NO_TERMINAL_ID entry (reconcile.ts). */
  noTerminalId: 'No terminal id: the log line has none; pass a default terminal id.',
} as const;

/** The report's texts in the current core locale. */
export const reportMessages = translated('reconcile.report', reportMessagesEn, {
  contexts: { classification: 'reconciliation', outcome: 'reconciliation outcome', field: 'reconciliation field' },
});

/** The label of a classification in the current core locale ("not-found" → "not found on the backend"). */
export function classificationLabel(c: Classification): string {
  return reportMessages().classification[c];
}

/** An app or backend outcome in the current core locale ("no-result" → "nessun esito"). */
export function outcomeLabel(outcome: AppOutcome | BackendOutcome): string {
  return reportMessages().outcome[outcome];
}

/** The differences of a mismatch in the current core locale ("amount: app 999, backend 1000"), for people. */
export function differencesLabel(e: Pick<ReconciledEntry, 'differences'>): string {
  const M = reportMessages();
  const value = (field: string, v: string): string => (field === 'outcome' && v in M.outcome ? M.outcome[v as AppOutcome | BackendOutcome] : v);
  return e.differences.map((d) => t(M.difference, { field: M.field[d.field], app: value(d.field, d.app), backend: value(d.field, d.backend) })).join('; ');
}

/** The message of an entry in error for people: the locale's text where there is one, else the recorded message. */
export function entryMessage(e: ReconciledEntry): string {
  if (e.errorCode === 'NO_TERMINAL_ID') return reportMessages().noTerminalId;
  return e.failure !== undefined ? userMessage(e.failure) : (e.message ?? '');
}

/** An entry's error message without the code a B2B error's message starts with (what follows `CODE: `). */
export function entryErrorText(e: ReconciledEntry): string {
  const message = entryMessage(e);
  return e.errorCode && message.startsWith(`${e.errorCode}:`) ? message.slice(e.errorCode.length + 1).trimStart() : message;
}

/** An entry's error with its code in front, once. */
export function entryError(e: ReconciledEntry): string {
  return e.errorCode ? `${e.errorCode}: ${entryErrorText(e)}` : entryMessage(e);
}

/** What the app recorded, for people: "declined (result 21)", or "no-result" when no result came back. */
export function appOutcomeLabel(e: Pick<ReconciledEntry, 'appOutcome' | 'result'>): string {
  const M = reportMessages();
  return e.result !== undefined ? t(M.appResult, { outcome: M.outcome[e.appOutcome], result: e.result }) : M.outcome[e.appOutcome];
}

/** What a row says after its outcomes: the differences, the error, or what to do about a charged customer. */
export function entryDetail(e: ReconciledEntry): string {
  if (e.classification === 'mismatch') return differencesLabel(e);
  if (e.errorCode) return entryError(e);
  return e.classification === 'app-failed-backend-approved' ? reportMessages().reverseOrComplete : '';
}

const csvColumns = ['line', 'classification', 'terminalId', 'callerTrxId', 'operation', 'appOutcome', 'appResult', 'backendOutcome', 'amount', 'authorizationNumber', 'panLast4', 'differences', 'errorCode', 'message'] as const;

function csvCell(v: string | number | undefined): string {
  const s = v === undefined ? '' : String(v);
  // RFC 4180 quoting; a leading =,+,-,@ is prefixed so spreadsheets do not run it as a formula.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function differencesText(e: ReconciledEntry): string {
  return e.differences.map((d) => `${d.field}: app ${d.app}, backend ${d.backend}`).join('; ');
}

/**
 * The digits masking leaves alone in a report: its callerTrxIds, identifiers rather than card numbers (a 13-digit
 * epoch-millisecond one passes Luhn one time in ten), as decode and check leave them. Every other card number in a
 * report (a value Nexi's body or the log held, an error's message) is masked, in each of its forms: pass this set to
 * `redact` too when cutting secrets from one.
 */
export function reportIdentifiers(report: ReconcileReport): ReadonlySet<string> {
  return new Set(report.entries.map((e) => e.callerTrxId));
}

export function toCsv(report: ReconcileReport): string {
  const rows = report.entries.map((e) =>
    [e.line, e.classification, e.terminalId, e.callerTrxId, e.operation, e.appOutcome, e.result, e.backendOutcome, e.amount, e.authorizationNumber, e.panLast4, differencesText(e), e.errorCode, e.message].map(csvCell).join(','),
  );
  return maskPans([csvColumns.join(','), ...rows].join('\r\n') + '\r\n', reportIdentifiers(report));
}

export function toJson(report: ReconcileReport, source?: string): string {
  return maskPans(
    JSON.stringify(
      {
        ...(source ? { source } : {}),
        totals: report.totals,
        cancelled: report.cancelled,
        entries: report.entries.map((e) => ({
          line: e.line,
          classification: e.classification,
          terminalId: e.terminalId ?? null,
          callerTrxId: e.callerTrxId,
          operation: e.operation ?? null,
          app: { outcome: e.appOutcome, result: e.result ?? null, amount: e.amount ?? null, authorizationNumber: e.authorizationNumber ?? null, panLast4: e.panLast4 ?? null },
          backend: e.backendOutcome ? { outcome: e.backendOutcome, body: e.backend ?? null } : null,
          differences: e.differences,
          error: e.errorCode ? { code: e.errorCode, message: e.message ?? '' } : null,
        })),
      },
      null,
      2,
    ) + '\n',
    reportIdentifiers(report),
  );
}

const mdCell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown report; `lineLink(line)` turns a log line number into a link target (a command URI in the editor). */
export function toMarkdown(report: ReconcileReport, options: { title: string; lineLink?: (line: number) => string }): string {
  const M = reportMessages();
  const n = report.totals;
  const out: string[] = [`# ${options.title}`, ''];
  const totals = t(M.totals, { total: n.total, match: n.match, mismatch: n.mismatch, failedApproved: n['app-failed-backend-approved'], notFound: n['not-found'], errors: n.error });
  out.push(`${totals}${report.cancelled ? M.cancelledRun : ''}`, '');
  const dangerous = report.entries.filter((e) => e.classification === 'app-failed-backend-approved');
  if (dangerous.length) {
    out.push(`> ${t(M.dangerHeadline, { count: dangerous.length })} ${M.explainDanger}`, '');
    for (const e of dangerous) out.push(`> ${t(M.dangerLine, { line: e.line, terminalId: e.terminalId ?? '', callerTrxId: e.callerTrxId, appOutcome: M.outcome[e.appOutcome] })}`);
    out.push('');
  }
  out.push(M.tableHeader, '|---:|---|---|---|---|---|---|');
  for (const e of report.entries) {
    const line = options.lineLink ? `[${e.line}](${options.lineLink(e.line)})` : String(e.line);
    const details = entryDetail(e);
    const label = e.classification === 'match' ? M.classification.match : `**${M.classification[e.classification]}**`;
    const app = appOutcomeLabel(e);
    out.push(`| ${line} | ${label} | ${mdCell(e.terminalId)} | \`${mdCell(e.callerTrxId)}\` | ${app} | ${e.backendOutcome ? M.outcome[e.backendOutcome] : '–'} | ${mdCell(details)} |`);
  }
  out.push('');
  return maskPans(out.join('\n'), reportIdentifiers(report));
}
