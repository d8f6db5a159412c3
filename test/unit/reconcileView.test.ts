// The Reconciliation view's core (src/core/reconcile/view.ts): groups by danger, filters, pages, row text and the
// requests a row leads to.
import { strict as assert } from 'assert';
import type { Classification, ReconcileReport, ReconciledEntry } from '../../src/core/reconcile/reconcile';
import { classificationOrder, entryText, enquiryRequest, groupEntries, page, pageSize, reversalRequest } from '../../src/core/reconcile/view';

function entry(line: number, classification: Classification, more: Partial<ReconciledEntry> = {}): ReconciledEntry {
  return {
    line,
    callerTrxId: `T-${line}`,
    terminalId: '30350039',
    operation: 'payment',
    range: { start: line * 100, end: line * 100 + 80 },
    appOutcome: classification === 'app-failed-backend-approved' ? 'no-result' : 'approved',
    classification,
    differences: [],
    ...(classification === 'not-found' || classification === 'error' ? {} : { backendOutcome: 'approved' as const }),
    amount: '1500',
    ...more,
  };
}

function report(entries: ReconciledEntry[]): ReconcileReport {
  const totals = { match: 0, mismatch: 0, 'app-failed-backend-approved': 0, 'not-found': 0, error: 0, total: entries.length };
  for (const e of entries) totals[e.classification]++;
  return { entries, totals, cancelled: false };
}

describe('reconciliation view (core)', () => {
  it('groups the rows most dangerous first, each group in log order, and leaves out empty groups', () => {
    const r = report([entry(9, 'match'), entry(4, 'mismatch', { differences: [{ field: 'amount', app: '1500', backend: '1000' }] }), entry(7, 'app-failed-backend-approved'), entry(2, 'app-failed-backend-approved'), entry(5, 'error', { errorCode: 'UPSTREAM_UNAVAILABLE', message: 'no connection' })]);
    const groups = groupEntries(r);
    assert.deepEqual(groups.map((g) => g.classification), ['app-failed-backend-approved', 'mismatch', 'error', 'match']);
    assert.deepEqual(groups[0]!.entries.map((e) => e.line), [2, 7]);
    assert.deepEqual(classificationOrder.slice(0, 2), ['app-failed-backend-approved', 'mismatch']);
  });

  it('filters by classification', () => {
    const r = report([entry(1, 'match'), entry(2, 'not-found'), entry(3, 'app-failed-backend-approved')]);
    assert.deepEqual(groupEntries(r, new Set<Classification>(['not-found', 'match'])).map((g) => g.classification), ['not-found', 'match']);
    assert.deepEqual(groupEntries(r, new Set<Classification>(['mismatch'])), []);
  });

  it('pages 10,000 rows: the first page and the count left, never all at once', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => entry(i + 1, i % 10 === 0 ? 'app-failed-backend-approved' : 'match'));
    const groups = groupEntries(report(many));
    assert.deepEqual(groups.map((g) => g.entries.length), [1000, 9000]);
    const first = page(groups[1]!.entries, pageSize);
    assert.equal(first.rows.length, pageSize);
    assert.equal(first.hidden, 9000 - pageSize);
    assert.deepEqual(page(groups[1]!.entries, 20_000), { rows: groups[1]!.entries, hidden: 0 });
  });

  it('copies a row as one tab-separated line with the log position, and says what to do about it', () => {
    const text = entryText(entry(6, 'app-failed-backend-approved', { callerTrxId: 'PP-3' }), 'logcat.log');
    assert.equal(text, 'logcat.log:6\tAPP FAILED, BACKEND APPROVED\t30350039\tPP-3\tno-result\tapproved\treverse or complete it');
    const mismatch = entryText(entry(4, 'mismatch', { result: '0', differences: [{ field: 'amount', app: '1500', backend: '1000' }] }), 'a.log');
    assert.match(mismatch, /\tapproved \(result 0\)\tapproved\tamount: app 1500, backend 1000$/);
  });

  it('leads to the reversal of a payment Nexi approved and to the enquiry of its terminal', () => {
    assert.equal(reversalRequest(entry(6, 'app-failed-backend-approved')), 'neximpos://reversal?amount=1500&terminalId=30350039');
    assert.equal(reversalRequest(entry(2, 'not-found')), undefined, 'nothing to reverse where Nexi has nothing');
    assert.equal(reversalRequest(entry(3, 'match', { operation: 'reversal' })), undefined, 'a reversal is not reversed');
    assert.equal(enquiryRequest(entry(6, 'app-failed-backend-approved')), 'neximpos://last_transaction?terminalId=30350039');
    const { terminalId: _omit, ...noTerminal } = entry(7, 'error');
    assert.equal(enquiryRequest(noTerminal as ReconciledEntry), undefined);
  });
});
