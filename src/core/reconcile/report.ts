// Reconciliation report in three forms: CSV and JSON for export, Markdown for the read-only editor document.
// The JSON shape is stable (documented in the README); the card number only ever appears as its last four digits.
import type { Classification, ReconcileReport, ReconciledEntry } from './reconcile';

export const classificationLabels: Readonly<Record<Classification, string>> = {
  match: 'match',
  mismatch: 'mismatch',
  'app-failed-backend-approved': 'APP FAILED, BACKEND APPROVED',
  'not-found': 'not found on the backend',
  error: 'error',
};

const explainDanger =
  'The app recorded no successful payment, but Nexi approved it: the customer was charged. Reverse it (Nexi: Build App2App URI… → reversal, or the last-transaction enquiry) or complete the order, and find out why the result was lost.';

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

export function toCsv(report: ReconcileReport): string {
  const rows = report.entries.map((e) =>
    [e.line, e.classification, e.terminalId, e.callerTrxId, e.operation, e.appOutcome, e.result, e.backendOutcome, e.amount, e.authorizationNumber, e.panLast4, differencesText(e), e.errorCode, e.message].map(csvCell).join(','),
  );
  return [csvColumns.join(','), ...rows].join('\r\n') + '\r\n';
}

export function toJson(report: ReconcileReport, source?: string): string {
  return (
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
    ) + '\n'
  );
}

const mdCell = (s: string | undefined): string => (s ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Markdown report; `lineLink(line)` turns a log line number into a link target (a command URI in the editor). */
export function toMarkdown(report: ReconcileReport, options: { title: string; lineLink?: (line: number) => string }): string {
  const t = report.totals;
  const out: string[] = [`# ${options.title}`, ''];
  out.push(`${t.total} transaction(s): **${t.match} match**, ${t.mismatch} mismatch, **${t['app-failed-backend-approved']} app failed but backend approved**, ${t['not-found']} not found, ${t.error} error(s).${report.cancelled ? ' The run was cancelled before the end.' : ''}`, '');
  const dangerous = report.entries.filter((e) => e.classification === 'app-failed-backend-approved');
  if (dangerous.length) {
    out.push(`> **⚠ ${dangerous.length} payment(s) were approved by Nexi while the app recorded a failure or no result.** ${explainDanger}`, '');
    for (const e of dangerous) out.push(`> - line ${e.line}: terminal ${e.terminalId}, callerTrxId \`${e.callerTrxId}\` (app: ${e.appOutcome})`);
    out.push('');
  }
  out.push('| Line | Result | Terminal | callerTrxId | App | Backend | Details |', '|---:|---|---|---|---|---|---|');
  for (const e of report.entries) {
    const line = options.lineLink ? `[${e.line}](${options.lineLink(e.line)})` : String(e.line);
    const details = e.classification === 'mismatch' ? differencesText(e) : e.errorCode ? `${e.errorCode}: ${e.message ?? ''}` : e.classification === 'app-failed-backend-approved' ? 'reverse or complete it' : '';
    const label = e.classification === 'match' ? 'match' : `**${classificationLabels[e.classification]}**`;
    out.push(`| ${line} | ${label} | ${mdCell(e.terminalId)} | \`${mdCell(e.callerTrxId)}\` | ${e.appOutcome}${e.result !== undefined ? ` (result ${e.result})` : ''} | ${e.backendOutcome ?? '–'} | ${mdCell(details)} |`);
  }
  out.push('');
  return out.join('\n');
}
