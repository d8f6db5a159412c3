import { strict as assert } from 'assert';
import fc from 'fast-check';
import { scanText } from '../../src/core/app2app/scan';
import { lookupResultCode, resultCodes } from '../../src/core/codes/resultCodes';
import { explainCheck } from '../../src/core/explain/checkResult';
import { checkResultMarkdown } from '../../src/core/explain/checkMarkdown';
import { decodeText, type UriExplanation } from '../../src/core/explain/explain';
import { decodeDocumentMarkdown, fieldMarkdown, summaryMarkdown } from '../../src/core/explain/markdown';
import { withLocale } from '../../src/core/l10n';
import { simulate, type Outcome, type Product } from '../../src/core/simulator/simulate';
import { maskCardTlvValue, readTransaction, transactionFindings, type TransactionModel } from '../../src/core/transaction/model';

const now = new Date('2026-11-21T10:00:00Z');

function only(text: string): UriExplanation {
  const all = decodeText(text, { now });
  assert.equal(all.length, 1, text);
  return all[0]!;
}

function model(text: string): TransactionModel {
  const [s] = scanText(text);
  assert.ok(s, text);
  return readTransaction(s);
}

/** Everything a person reads about one URI: hover summary, every field hover, the decode document. */
function everything(e: UriExplanation): { hover: string; fields: string; document: string } {
  return { hover: summaryMarkdown(e), fields: e.fields.map((f) => fieldMarkdown(e, f)).join('\n\n'), document: decodeDocumentMarkdown([e]) };
}

// A last-transaction result whose retrieved transaction was declined (spec §5.2: result is the enquiry's outcome).
const lastDeclined =
  'demonexi://last_transaction?operationType=LAST_TRANSACTION&callerTrxId=123123&result=0&amount=000000025200&terminalType=SOFTPOS&f30=000000025200&f04=000000025200&f39=116&CT105=0100&CT100=6313&CT102=A0000000041010&CT108=Mastercard&CT115=Contactless&f41=38032131';
// The same, when the last operation was a (SoftPOS) reversal: CT105 0200 VOID, f39 400 (spec §4.4, §10).
const lastReversal =
  'demonexi://last_transaction?operationType=LAST_TRANSACTION&callerTrxId=1&result=0&amount=000000000450&terminalType=SOFTPOS&f30=000000000450&f04=000000000450&f39=400&CT105=0200&CT100=6313&CT102=A0000000041010&CT108=Mastercard';
// SoftPOS reversal whose receipt shows what was actually reversed (f04) and a request amount that differs [REVS].
const softposReversal = 'easypay://reversal?operationType=REVERSAL&callerTrxId=R1&result=0&amount=000000000450&f30=000000000300&f04=000000000300&f39=400&CT118=978&CT105=0200&CT100=6313&CT112=************6313&terminalId=38032131';

describe('transaction model (issue 15)', () => {
  describe('last_transaction: the enquiry succeeded, the transaction was declined', () => {
    const e = only(lastDeclined);
    const m = model(lastDeclined);

    it('reads the enquiry and the transaction apart', () => {
      assert.equal(m.operation, 'last_transaction');
      assert.deepEqual(m.enquiry, { found: true });
      assert.deepEqual(m.outcome, { value: 'declined', source: 'f39', inferred: false });
      assert.deepEqual(m.product, { value: 'softpos', source: 'terminalType', inferred: false });
      assert.equal(m.host?.code, '116');
      assert.equal(e.transaction?.outcome, 'declined');
      assert.equal(e.result?.outcome, 'success', 'the result code itself is the enquiry\'s: it succeeded');
    });

    it('summary, hover and decode document say the last transaction was declined, never "Approved"', () => {
      assert.match(e.summary, /^Last-transaction enquiry succeeded: the last transaction was declined \(Not sufficient funds, f39 116\)/);
      const { hover, fields, document } = everything(e);
      for (const [where, text] of Object.entries({ hover, document })) assert.match(text, /the last transaction was declined \(Not sufficient funds/i, where);
      assert.match(fields, /The last transaction itself was declined: f39 116 \(Not sufficient funds\)/);
      for (const [where, text] of Object.entries({ hover, fields, document })) assert.doesNotMatch(text, /Approved/, where);
      assert.match(document, /^# Last transaction result — declined\n/);
      assert.match(hover, /^\*\*Last transaction result\*\* — declined /);
      const result = e.fields.find((f) => f.key === 'result')!;
      assert.match(result.interpretation!, /^The enquiry succeeded: Nexi POS returned the last transaction\. This result is the outcome of the enquiry, not of the transaction \(spec §5\.2\)\.$/);
      assert.ok(result.details.includes('The last transaction itself was declined: f39 116 (Not sufficient funds).'), result.details.join('\n'));
    });

    it('reads the same in Italian', () => {
      const ita = withLocale('it', () => only(lastDeclined));
      assert.match(ita.summary, /^Richiesta ultima transazione riuscita: l'ultima transazione è stata rifiutata \(Fondi insufficienti, f39 116\)/);
      assert.match(withLocale('it', () => decodeDocumentMarkdown([ita])), /^# Esito ultima transazione — rifiutato\n/);
    });

    it('an enquiry that found nothing (-41) has no transaction to judge', () => {
      const none = model('demonexi://last_transaction?operationType=LAST_TRANSACTION&callerTrxId=1&result=-41&amount=000000000000&terminalType=MPOS');
      assert.deepEqual(none.enquiry, { found: false });
      assert.equal(none.outcome.value, 'none');
      assert.equal(none.product?.value, 'mobilepos');
    });
  });

  describe('last_transaction whose last operation was a reversal', () => {
    const e = only(lastReversal);

    it('is a reversal accepted, labelled inferred; not "unexpected"', () => {
      const m = model(lastReversal);
      assert.equal(m.retrieved?.operation?.value, 'reversal');
      assert.equal(m.retrieved?.operation?.inferred, true, 'CT105 0200 VOID read as a reversal is ours');
      assert.deepEqual(m.outcome, { value: 'approved', source: 'f39', inferred: true });
      assert.match(e.summary, /^Last-transaction enquiry succeeded: the last transaction was a reversal, accepted \(Reversal accepted, f39 400; inferred\)/);
      assert.equal(e.fields.find((f) => f.key === 'f39')!.interpretation, 'Reversal accepted (inferred)');
      const { hover, fields, document } = everything(e);
      for (const text of [hover, fields, document]) assert.doesNotMatch(text, /unexpected/i);
      assert.ok(e.reading.includes('Last transaction: VOID (0200) read as a reversal (inferred: the published SoftPOS reversal carries 0200 VOID)'), e.reading.join('\n'));
      assert.ok(e.reading.includes('Transaction outcome: approved (from f39; inferred)'), e.reading.join('\n'));
    });
  });

  describe('result and action code read together', () => {
    it('result 21 with a wrong PIN (117 or 55) is retryable, not final', () => {
      for (const code of ['117', '55']) {
        const text = `demonexi://payment?result=21&amount=150&callerTrxId=q&operationType=PAYMENT&actionCode=${code}`;
        const m = model(text);
        assert.deepEqual(m.retry, { value: 'retryable', reason: 'wrong-pin', inferred: true }, code);
        const e = only(text);
        const result = e.fields.find((f) => f.key === 'result')!;
        assert.ok(!result.details.some((d) => /^Final/.test(d)), result.details.join('\n'));
        assert.ok(result.details.some((d) => d.startsWith(`Retryable: actionCode ${code} is a wrong PIN`)), result.details.join('\n'));
        assert.match(e.summary, /a wrong PIN, retryable on the device \[PAY\] \(reading the code as a wrong PIN is inferred\)/);
        assert.ok(e.reading.includes('Retry: retryable on the device: a wrong PIN, which [PAY] lists as retryable (reading the code as a wrong PIN is inferred)'));
      }
      // Another decline stays final, and says the finality is our reading (spec §9.2).
      const other = only('demonexi://payment?result=21&amount=150&callerTrxId=q&operationType=PAYMENT&actionCode=116');
      assert.ok(other.fields.find((f) => f.key === 'result')!.details.some((d) => d.startsWith('Final for this request (inferred')));
    });

    it('result=0&actionCode=116 is a contradiction (A2R007), not an approval', () => {
      const e = only('demonexi://payment?result=0&amount=150&callerTrxId=q&operationType=PAYMENT&actionCode=116');
      assert.equal(e.transaction?.outcome, 'contradictory');
      assert.deepEqual(e.diagnostics.map((d) => [d.code, d.severity]), [['A2R007', 'warning']]);
      assert.match(e.summary, /^Payment: contradictory outcome: result 0 says Approved: the operation was performed successfully, actionCode 116 says Not sufficient funds; confirm it with checkTransaction/);
      assert.doesNotMatch(e.summary, /succeeded/);
    });

    it('result=21&actionCode=000 is noted as a contradiction, not "declined … 000 (Approved)"', () => {
      const e = only('demonexi://payment?result=21&amount=150&callerTrxId=q&operationType=PAYMENT&actionCode=000');
      assert.equal(e.transaction?.outcome, 'contradictory');
      assert.deepEqual(e.diagnostics.map((d) => d.code), ['A2R007']);
      assert.equal(e.diagnostics[0]!.message, 'result 21 (Transaction denied by the host) contradicts actionCode 000 (Approved): the outcome is uncertain. Confirm it with checkTransaction before acting on it.');
      assert.doesNotMatch(e.summary, /declined/);
      assert.doesNotMatch(e.summary, /bank response 000/);
      assert.ok(e.fields.find((f) => f.key === 'result')!.details.includes('Contradicted by actionCode 000 (Approved): the outcome is uncertain (see A2R007).'));
    });
  });

  describe('SoftPOS reversal amount [REVS]', () => {
    const e = only(softposReversal);

    it('the summary shows the amount reversed from f04, not the request amount as reversed', () => {
      const m = model(softposReversal);
      assert.equal(m.amount.requested?.amount.minor, '450');
      assert.deepEqual({ key: m.amount.processed?.source, minor: m.amount.processed?.value.amount.minor, inferred: m.amount.processed?.inferred }, { key: 'f04', minor: '300', inferred: true });
      assert.equal(m.amount.requestNotReversed, true);
      assert.match(e.summary, /— amount reversed €3\.00 \(f04, inferred\), requested €4\.50;/);
      assert.doesNotMatch(e.summary, /amount €4\.50/);
    });

    it('the [REVS] caveat reaches the amount hover and the decode document', () => {
      const caveat = 'For a reversal this is the amount in the request, not the amount actually reversed [REVS]';
      const amount = e.fields.find((f) => f.key === 'amount')!;
      assert.ok(amount.details.some((d) => d.startsWith(caveat)), amount.details.join('\n'));
      assert.ok(amount.details.includes('Amount reversed according to f04: €3.00 (reading f04 as the amount reversed is inferred).'));
      // In Markdown the tag reads as the linked title of the page it cites (issue 16).
      const escaped = caveat.replace('[REVS]', '\\[[Reversal SoftPOS](https://developer.nexigroup.com/softposmobilepos/en-EU/docs/reversal-softpos)\\]');
      assert.ok(fieldMarkdown(e, amount).includes(escaped), fieldMarkdown(e, amount));
      assert.ok(decodeDocumentMarkdown([e]).includes(escaped));
      assert.ok(e.reading.includes("Amount requested: €4.50 (amount: the request's, not the amount reversed [REVS])"));
      assert.ok(e.reading.includes('Amount reversed: €3.00 (f04; inferred)'));
    });

    it('a MobilePOS reversal without f04 says the amount reversed is not stated', () => {
      const mpos = only('app2appDemo://reversalResult?callerTrxId=1234&operationType=REVERSAL&amount=200&result=0&actionCode=000&pan=******7819&transactionType=CLI');
      assert.match(mpos.summary, /amount requested €2\.00 \(the amount actually reversed is not stated\)/);
    });
  });

  describe('texts that said more or less than the sources', () => {
    it('pan=null is documented: null when not approved', () => {
      const e = only('demonexi://payment?result=21&amount=150&callerTrxId=q&operationType=PAYMENT&actionCode=116&pan=null&transactionType=null&timestamp=null&authorizationNumber=null');
      for (const key of ['pan', 'transactionType', 'timestamp', 'authorizationNumber']) {
        assert.equal(e.fields.find((f) => f.key === key)!.interpretation, '`null`: not set. Documented as set only for approved transactions (spec §3.4, [REV]).', key);
      }
      assert.deepEqual(e.diagnostics, [], 'timestamp=null is not "not a real date"');
      assert.equal(model('demonexi://payment?result=21&pan=null&CT100=1234').findings.length, 0, 'null is no card number to compare');
    });

    it('an outcome nothing states names what is missing, not a key it was not read from', () => {
      // It said "not stated (from result)", also for a result with no result key.
      for (const [uri, line, italian] of [
        ['demonexi://last_transaction?result=0&callerTrxId=q&operationType=LAST_TRANSACTION&amount=000000000450', 'no f39 or actionCode', 'mancano f39 e actionCode'],
        ['demonexi://payment?result=999&callerTrxId=q&operationType=PAYMENT&amount=450', "result 999 is not in Nexi's result-code table", 'il result 999 non è nella tabella dei codici result di Nexi'],
        ['demonexi://payment?callerTrxId=q&operationType=PAYMENT&amount=450&actionCode=000', 'no result code', 'manca il codice result'],
      ] as const) {
        const e = only(uri);
        assert.ok(e.reading.includes(`Transaction outcome: not stated (${line})`), e.reading.join('\n'));
        assert.ok(!e.reading.some((r) => /from result/.test(r)), e.reading.join('\n'));
        const it = withLocale('it', () => only(uri));
        assert.ok(it.reading.includes(`Esito della transazione: non indicato (${italian})`), it.reading.join('\n'));
      }
    });

    it('a negative total is a negative amount, not "not a whole number"', () => {
      const e = only('demonexi://accounting_closure?result=0&hostTotal=-150&terminalTotal=1&callerTrxId=q&operationType=ACCOUNTING_CLOSURE');
      assert.match(e.fields.find((f) => f.key === 'hostTotal')!.interpretation!, /^-€1\.50: a negative amount/);
      assert.match(e.summary, /host total -€1\.50, terminal total €0\.01/);
      assert.ok(!e.diagnostics.some((d) => d.code === 'A2R003'));
    });
  });

  describe('PCI DSS: card numbers and track data', () => {
    const track2 = `5413330089020011D2512201${'0'.repeat(11)}F`; // 36 hex digits = 18 bytes

    it('a full PAN in pan or CT112, and in a key nobody documents, is A2R001 (an error)', () => {
      const f = transactionFindings(scanText('demonexi://payment?result=0&amount=1&callerTrxId=q&operationType=PAYMENT&pan=4111111111111111&CT112=5413330089020011&cardNo=5555555555554444')[0]!);
      assert.deepEqual(f.map((d) => [d.code, d.severity]), [['A2R001', 'error'], ['A2R001', 'error'], ['A2R008', 'warning'], ['A2R001', 'error']]);
      assert.ok(!f.some((d) => /4111111111111111|5413330089020011|5555555555554444/.test(d.message)));
    });

    it('tags 5A, 57, 56 and 9F6B inside f55 or CT123 are A2R012 errors at the tag, masked where shown', () => {
      const track1 = Buffer.from('B5413330089020011^DOE/JOHN^2512201').toString('hex').toUpperCase();
      const t1len = (track1.length / 2).toString(16).toUpperCase().padStart(2, '0');
      const text = `demonexi://payment?result=0&amount=1&callerTrxId=q&operationType=PAYMENT&f55=5712${track2}9F3602000156${t1len}${track1}&CT123=9F6B12${track2}5A0854133300890200119F360200015F2A020978`;
      const [s] = scanText(text);
      const f = transactionFindings(s!);
      assert.deepEqual(f.map((d) => [d.code, d.severity, text.slice(d.range.start, d.range.start + 4)]), [
        ['A2R012', 'error', '5712'],
        ['A2R012', 'error', `56${t1len}`],
        ['A2R012', 'error', '9F6B'],
        ['A2R012', 'error', '5A08'],
      ]);
      const e = only(text);
      const shown = JSON.stringify(e);
      assert.ok(!shown.includes('5413330089020011'), 'PAN hidden');
      assert.ok(!shown.includes(track1), 'track 1 hidden');
      assert.ok(!shown.includes('D2512201'), 'track 2 expiry and service code hidden');
      assert.equal(maskCardTlvValue('57', track2), `541333******0011D${'*'.repeat(19)}`);
      assert.equal(maskCardTlvValue('5A', '5413330089020011'), '541333******0011');
      assert.equal(maskCardTlvValue('56', track1), '*'.repeat(track1.length));
    });

    it('requests are checked too', () => {
      assert.deepEqual(transactionFindings(scanText('neximpos://payment?amount=1&callerTrxId=1&callerName=A&uri=a%3A%2F%2Fb&card=4111111111111111')[0]!).map((d) => d.code), ['A2R001']);
    });
  });

  describe('what the model reads besides the outcome', () => {
    it('product: terminalType states it; the keys present suggest it (inferred); the closure is MobilePOS', () => {
      assert.deepEqual(model('demonexi://payment?result=0&amount=1&operationType=PAYMENT&actionCode=000&pan=****1234').product, { value: 'mobilepos', source: 'actionCode, pan', inferred: true });
      assert.deepEqual(model('demonexi://payment?result=0&amount=000000000001&operationType=PAYMENT&f39=000&CT100=1234').product, { value: 'softpos', source: 'f39, CT100', inferred: true });
      assert.deepEqual(model('demonexi://payment?result=-30&softPosError=1-2-3').product, { value: 'softpos', source: 'result -30', inferred: false });
      assert.equal(model('demonexi://payment?result=0&amount=1').product, undefined);
      // A repeated key is one key, read as its first parameter reads: a blank first one counts as absent.
      assert.deepEqual(model('demonexi://payment?result=0&amount=1&f39=000&f39=000&CT100=1234&f39=1').product, { value: 'softpos', source: 'f39, CT100', inferred: true });
      assert.equal(model('demonexi://payment?result=0&amount=1&pan=&CT100=1234&pan=****1234').product?.source, 'CT100');
      assert.equal(model('demonexi://payment?result=0&amount=1&actionCode=&f39=000&actionCode=000').product?.source, 'f39');
      assert.equal(model('demonexi://accounting_closure?result=0&hostTotal=1').product?.value, 'mobilepos');
    });

    it('currency from CT118 or assumed EUR; timestamps with their time zone; card and kernel', () => {
      const m = model(softposReversal.replace('CT118=978', 'CT118=756') + '&CT110=2025-05-16T14:51:51+02:00&timestamp=1605251451&CT115=Contactless');
      assert.deepEqual({ alpha: m.currency.currency.alpha, assumed: m.currency.assumed }, { alpha: 'CHF', assumed: false });
      assert.deepEqual(m.timestamps.map((t) => [t.key, t.zone]), [['CT110', 'offset'], ['timestamp', 'not-stated']]);
      assert.equal(model('demonexi://payment?result=0&amount=1').currency.assumed, true);
      const card = model(lastDeclined).card;
      assert.equal(card.brand?.value, 'Mastercard');
      assert.deepEqual(card.last4, { value: '6313', source: 'CT100', inferred: false });
      assert.equal(card.kernel?.kernel, 'C-2');
      assert.match(card.kernel!.label, /Mastercard contactless, kernel C-2/);
    });

    it('cardholder verification from 9F34 in the EMV data', () => {
      assert.deepEqual(model('demonexi://payment?result=0&f55=9F34031F0302').card.cvm, { value: 'No CVM required (Successful)', source: 'f55 9F34', inferred: false });
    });

    it('the published examples read without cross-field findings', () => {
      const examples = [
        'demonexi://payment?result=0&amount=1&callerTrxId=qwerty&operationType=PAYMENT&actionCode=000&pan=************5938&transactionType=CLI&timestamp=0912202317&resultDescription=&cardTypeCVM=2',
        'app2appDemo://reversalResult?callerTrxId=1234&operationType=REVERSAL&amount=200&result=0&actionCode=000&pan=******7819&transactionType=CLI&authorizationNumber=870316&timestamp=0407250932',
        'easypay://reversal?operationType=REVERSAL&callerTrxId=1747399896594&result=0&amount=000000000450&f30=000000000450&F42=1000000595940&f39=400&CT118=978&CT112=************6313&f42=1000000595940&f04=000000000450&CT105=0200&CT100=6313&CT102=A0000000041010&CT108=Mastercard',
      ];
      for (const text of examples) assert.deepEqual(model(text).findings, [], text);
    });
  });

  describe('checkTransaction responses read by the same model', () => {
    it('keys that share App2App names are read together: a contradiction is named, a decline is a decline', () => {
      const contradictory = explainCheck({ operationType: 'PAYMENT', result: '0', actionCode: '116', amount: '1250', pan: '************5938' });
      assert.equal(contradictory.transaction?.outcome, 'contradictory');
      assert.deepEqual(contradictory.findings.map((f) => f.code), ['A2R007']);
      const md = checkResultMarkdown({ environmentLabel: 'Sandbox', terminalId: '30350039', callerTrxId: 'PP-1', at: '2026-11-21T10:00:00.000Z', found: { transaction: { result: '21', actionCode: '116', amount: '1250' }, attempts: 1, durationMs: 5 } });
      assert.match(md, /\nOutcome read from result, actionCode as in a result URI \(our reading: the response schema is not published\): \*\*declined\*\*\.\n/);
      assert.equal(explainCheck({ status: 'APPROVED', amount: '1250' }).transaction, undefined, 'no App2App outcome keys, no reading');
      const ita = withLocale('it', () => checkResultMarkdown({ environmentLabel: 'Sandbox', terminalId: '1', callerTrxId: '1', at: 'x', found: { transaction: { result: '21', actionCode: '116' }, attempts: 1, durationMs: 5 } }));
      assert.match(ita, /Esito letto da result, actionCode .*\*\*rifiutata\*\*/);
    });

    it('keeps each raw value as the backend sent it (not percent-encoded), card numbers masked', () => {
      const e = explainCheck({ CT121: 'C.SO SEMPIONE 55, 20145 MILANO (MI)', note: ' a&b=c ', amount: 450, CT112: '4111111111111111' });
      const raw = Object.fromEntries(e.fields.map((f) => [f.key, f.rawValue]));
      assert.deepEqual(raw, { CT121: 'C.SO SEMPIONE 55, 20145 MILANO (MI)', note: ' a&b=c ', amount: '450', CT112: '411111******1111' });
      assert.equal(e.fields.find((f) => f.key === 'note')?.value, 'a&b=c');
    });
  });

  describe('simulator: the declined MobilePOS shape [REV]', () => {
    it('leaves out pan, transactionType, timestamp and authorizationNumber ("set only for approved transactions")', () => {
      const request = 'neximpos://payment?amount=480&callerTrxId=D1&callerName=Shop&uri=shop%3A%2F%2Fpayment';
      const declined = simulate(request, { outcome: { kind: 'declined', actionCode: '116' }, product: 'mobilepos', now, seed: 3 });
      const keys = scanText(declined.uri)[0]!.params.map((p) => p.name);
      for (const key of ['pan', 'transactionType', 'timestamp', 'authorizationNumber']) assert.ok(!keys.includes(key), `${key} in ${declined.uri}`);
      assert.ok(keys.includes('actionCode'), 'actionCode is set for a denied transaction');
      const approved = simulate(request, { outcome: { kind: 'approved' }, product: 'mobilepos', now, seed: 3 });
      const approvedKeys = scanText(approved.uri)[0]!.params.map((p) => p.name);
      for (const key of ['pan', 'transactionType', 'timestamp', 'authorizationNumber']) assert.ok(approvedKeys.includes(key), key);
    });

    it('a declined last transaction is result 0 with the decline in f39 (spec §5.2)', () => {
      const request = 'neximpos://last_transaction?callerName=Shop&terminalId=30350039&callerTrxId=L1&uri=shop%3A%2F%2Flast_transaction';
      const r = simulate(request, { outcome: { kind: 'declined', actionCode: '116' }, product: 'softpos', now, seed: 5 });
      assert.equal(r.result, 0);
      const m = model(r.uri);
      assert.deepEqual([m.enquiry?.found, m.outcome.value, m.host?.code], [true, 'declined', '116']);
      assert.ok(!scanText(r.uri)[0]!.params.some((p) => p.name === 'f38'), 'no authorisation code for a decline');
    });
  });

  describe('property: the model reads back what the simulator simulated', () => {
    const requests = {
      payment: (amount: number) => `neximpos://payment?amount=${amount}&callerTrxId=P1&callerName=Shop&sendTicket=false&autoClose=true&uri=shop%3A%2F%2Fpayment`,
      reversal: (amount: number) => `neximpos://reversal?amount=${amount}&callerTrxId=R1&callerName=Shop&terminalId=30350039&timestamp=2111261030&uri=shop%3A%2F%2Freversal`,
      last_transaction: () => 'neximpos://last_transaction?callerName=Shop&terminalId=30350039&callerTrxId=L1&uri=shop%3A%2F%2Flast_transaction',
      accounting_closure: () => 'neximpos://accounting_closure?callerTrxId=C1&callerName=Shop&uri=shop%3A%2F%2Faccounting_closure',
    } as const;
    type Operation = keyof typeof requests;
    // Documented result codes per operation (spec §9.1), as the simulator's result:N accepts them.
    const documented = (op: Operation): number[] => resultCodes.filter((c) => c.operations.includes(op)).map((c) => c.code);
    const declineCodes = ['100', '101', '116', '117', '119', '05', '51', '55'];

    /** What the outcome chosen must read as, for the result code the simulator sent. */
    function expected(op: Operation, outcome: Outcome, result: number): TransactionModel['outcome']['value'] {
      if (op === 'last_transaction') {
        if (result !== 0) return 'none';
        return outcome.kind === 'declined' ? 'declined' : 'approved';
      }
      const entry = lookupResultCode(result)!;
      return entry.outcome === 'success' ? 'approved' : entry.outcome;
    }

    it('outcome, amount and card agree for every operation × product × outcome', () => {
      const arbitrary = fc.record({
        op: fc.constantFrom<Operation>('payment', 'reversal', 'last_transaction', 'accounting_closure'),
        product: fc.constantFrom<Product>('softpos', 'mobilepos'),
        kind: fc.constantFrom('approved', 'declined', 'cancelled', 'softpos-error', 'result'),
        decline: fc.constantFrom(...declineCodes),
        pick: fc.nat(),
        amount: fc.integer({ min: 1, max: 99_999_999 }),
        card: fc.constantFrom<'Mastercard' | 'Visa'>('Mastercard', 'Visa'),
        seed: fc.integer({ min: 1, max: 1_000_000 }),
      });
      fc.assert(
        fc.property(arbitrary, ({ op, product, kind, decline, pick, amount, card, seed }) => {
          // softpos-error is SoftPOS's (the simulator refuses it for MobilePOS), and a payment/reversal outcome.
          if (kind === 'softpos-error' && (product !== 'softpos' || op === 'last_transaction' || op === 'accounting_closure')) return;
          const codes = documented(op);
          const outcome: Outcome =
            kind === 'declined' ? { kind, actionCode: decline } : kind === 'result' ? { kind, code: codes[pick % codes.length]! } : kind === 'softpos-error' ? { kind, softPosError: '1-2-3' } : ({ kind } as Outcome);
          if (op === 'accounting_closure' && (kind === 'declined' || kind === 'cancelled')) return; // not closure outcomes (spec §6.2)
          if (op === 'last_transaction' && kind === 'cancelled') return; // spec §5.2: an enquiry answers 0 or -41
          const r = simulate(requests[op](amount), { outcome, product, now, seed, card, utcOffsetMinutes: 60 });
          const [s] = scanText(r.uri);
          const m = readTransaction(s!);
          const label = `${op}/${product}/${JSON.stringify(outcome)}: ${r.uri}`;
          assert.equal(m.outcome.value, expected(op, outcome, r.result), label);
          assert.deepEqual(m.findings.filter((d) => d.severity !== 'info'), [], label);
          if (kind === 'declined' && op !== 'accounting_closure') assert.equal(m.host?.code, decline, label);
          if (kind === 'declined' && (decline === '117' || decline === '55') && op !== 'last_transaction') assert.equal(m.retry?.value, 'retryable', label);
          // Amount: what was asked for is read back; what the host processed (f04) equals it.
          if (op === 'payment' || op === 'reversal') {
            assert.equal(m.amount.requested?.amount.minor, String(amount), label);
            if (m.amount.processed) assert.equal(m.amount.processed.value.amount.minor, String(amount), label);
          }
          const reachedHost = m.outcome.value === 'approved' || m.outcome.value === 'declined';
          if (reachedHost && op !== 'accounting_closure') {
            if (product === 'softpos' || op === 'last_transaction') {
              assert.ok(m.amount.processed, label);
              assert.equal(m.card.brand?.value, card, label);
              assert.ok(m.card.last4, label);
              if (r.transaction) assert.equal(m.card.last4.value, r.transaction.pan?.slice(-4), label);
            } else if (m.outcome.value === 'approved') {
              assert.equal(m.card.last4?.value, r.transaction?.pan?.slice(-4), label);
            } else {
              assert.equal(m.card.last4, undefined, `declined MobilePOS carries no pan: ${label}`);
            }
          }
        }),
        { numRuns: Number(process.env.NEXI_PROPERTY_RUNS ?? 500) },
      );
    });
  });
});
