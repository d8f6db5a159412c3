// The reconciliation as something to work through (the editor's Reconciliation view, issue 16): entries grouped by
// classification, the most dangerous first, filtered and paged so a 10,000-row report stays responsive; the text a
// row copies; and the App2App requests a row leads to (the reversal of a payment the app lost, or the enquiry that
// asks the device what it last did). Pure: the view, its tests and the CLI read the same functions.
import type { Classification, ReconcileReport, ReconciledEntry } from './reconcile';
import { appOutcomeLabel, classificationLabel, entryDetail, outcomeLabel } from './report';

/** Most dangerous first: money taken that the app does not know about, then disagreements, then the unknowns. */
export const classificationOrder: readonly Classification[] = ['app-failed-backend-approved', 'mismatch', 'not-found', 'error', 'match'];

export const allClassifications: ReadonlySet<Classification> = new Set(classificationOrder);

export interface EntryGroup {
  readonly classification: Classification;
  /** In log order. */
  readonly entries: readonly ReconciledEntry[];
}

/** The non-empty groups of the report that pass `filter`, most dangerous first. */
export function groupEntries(report: ReconcileReport, filter: ReadonlySet<Classification> = allClassifications): EntryGroup[] {
  const by = new Map<Classification, ReconciledEntry[]>();
  for (const e of report.entries) {
    if (!filter.has(e.classification)) continue;
    const list = by.get(e.classification);
    if (list) list.push(e);
    else by.set(e.classification, [e]);
  }
  return classificationOrder.filter((c) => by.has(c)).map((c) => ({ classification: c, entries: by.get(c)!.sort((a, b) => a.line - b.line) }));
}

/** Rows a group shows at first, and how many more each "show more" adds: a tree of thousands of rows stays quick. */
export const pageSize = 500;

/** The first `shown` entries of a group and how many remain hidden. */
export function page<T>(entries: readonly T[], shown: number): { rows: readonly T[]; hidden: number } {
  const n = Math.max(0, Math.min(entries.length, shown));
  return { rows: entries.slice(0, n), hidden: entries.length - n };
}

/** One line of text for the clipboard (tab-separated, for a ticket or a spreadsheet). */
export function entryText(e: ReconciledEntry, source: string): string {
  return [`${source}:${e.line}`, classificationLabel(e.classification), e.terminalId ?? '', e.callerTrxId, appOutcomeLabel(e), e.backendOutcome ? outcomeLabel(e.backendOutcome) : '–', entryDetail(e)].join('\t').trimEnd();
}

/**
 * The reversal request for an entry, as far as the log tells it: the amount and terminal of the payment to reverse.
 * `callerTrxId` (the reversal's own reference, spec §4.1), `timestamp`, `callerName` and `uri` are left to the
 * builder, which asks for them. Only a payment the backend approved can be reversed.
 */
export function reversalRequest(e: ReconciledEntry): string | undefined {
  if (e.backendOutcome !== 'approved' || (e.operation !== undefined && e.operation !== 'payment')) return undefined;
  const params = [e.amount ? `amount=${e.amount}` : '', e.terminalId ? `terminalId=${encodeURIComponent(e.terminalId)}` : ''].filter(Boolean);
  return `neximpos://reversal${params.length ? `?${params.join('&')}` : ''}`;
}

/** The last-transaction enquiry for the entry's terminal: what the device itself last did (spec §5). */
export function enquiryRequest(e: ReconciledEntry): string | undefined {
  return e.terminalId ? `neximpos://last_transaction?terminalId=${encodeURIComponent(e.terminalId)}` : undefined;
}
