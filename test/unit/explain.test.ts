import { strict as assert } from 'assert';
import fc from 'fast-check';
import { decodeText, type FieldExplanation, type UriExplanation } from '../../src/core/explain/explain';
import { readDdMMyyHHmm, readEpochMillis, readHHmmss, readIso8601, readMMdd, readRrn } from '../../src/core/explain/dates';
import { resultDiagnosticCodes } from '../../src/core/explain/messages';
import { renderExplanation, styler } from '../../src/cli/render';
import { withLocale } from '../../src/core/l10n';

const now = new Date('2026-11-21T10:00:00Z');

// Published examples, spec §3.5 / §4.4 / §6.3 (with `&timestamp` repaired where the spec did).
const paymentResponse =
  'demonexi://payment?result=0&amount=1&callerTrxId=qwerty&operationType=PAYMENT&actionCode=000&pan=************5938&transactionType=CLI&timestamp=0912202317&resultDescription=&cardTypeCVM=2&acquirerId=00000000003&stan=000002&operationNumber=000031&acquirerName=NEXI%20%20%20%20%20%20%20%20%20%20%20%20&terminalId=30350039&merchantId=0000091%20%20%20%20%20%20%20%20&authorizationNumber=012651&urlTicket=https%3A%2F%2Fintapi.nexi.it%3A8443%2Fmpos%2Fmobile%2Fapi%2Fservices%2Forchestrator%2Freceipt%2Fview%3Fid%3DDBFIEFJQIJKLPOOYBDEDGIHO';
const softposReversal =
  'easypay://reversal?operationType=REVERSAL&callerTrxId=1747399896594&result=0&amount=000000000450&f30=000000000450&F42=1000000595940&f12=145126&f11=000247&f55=9F3602015B9F10120110800005220000000000000000000FF9F35012195050000008001&CT121=C.SO SEMPIONE 55, 20145, MILANO (MI)&f13=0516&CT120=NEXI SOFTPOS OPERATION&f38=H50716&9F14=1420&f37=513614271424&f39=400&CT118=978&CT117=Online&CT116=00034&CT115=Contactless&CT114=NEXI Core&CT112=************6313&CT111=0&acquirerId=909517&CT119=Grazie e arrivederci&f41=38032131&f43=NEXI SOFTPOS OPERATION C.SO SEMPIONE 55, 20145, MILANO (MI)&f42=1000000595940&CT110=2025-05-16T14:51:51+02:00&f04=000000000450&CT107=14:51&CT106=16/05/2025&CT105=0200&CT104=NEXI SOFTPOS OPERATION C.SO SEMPIONE 55, 20145, MILANO (MI)&CT103=513614271424&CT102=A0000000041010&CT123=9F3602015B95050000008001&CT100=6313&CT109=Debit Mastercard&CT108=Mastercard&terminalId=38032131&autoClose=false flg=0x10400000 cmp=com.example.easypay/.ui.redirect.RevertResultActivity }';
const mposReversal =
  'app2appDemo://reversalResult?callerTrxId=1234&operationType=REVERSAL&amount=200&result=0&actionCode=000&pan=******7819&transactionType=CLI&authorizationNumber=870316&timestamp=0407250932&resultDescription=TRANSAZIONE APPROVATA&cardTypeCVM=2&acquirerId=00000000034&stan=000009&operationNumber=000027&acquirerName=NEXI&terminalId=37063166&merchantId=1829312&urlTicket=https://mpos.nexi.it/r?id=DICJHGMNIJKLOUOTAIEIEOJJ';
const closureResponse = 'demonexi:// accounting_closure?result=0&hostTotal=1&terminalTotal=1&callerTrxId=qwerty&operationType=ACCOUNTING_CLOSURE';

function only(text: string): UriExplanation {
  const all = decodeText(text, { now });
  assert.equal(all.length, 1, `one URI in ${text.slice(0, 60)}…, got ${all.length}`);
  return all[0]!;
}

function field(e: UriExplanation, key: string): FieldExplanation {
  const f = e.fields.find((x) => x.key === key);
  assert.ok(f, `field ${key}`);
  return f;
}

describe('explainer', () => {
  describe('mPOS payment response (spec §3.5)', () => {
    const e = only(paymentResponse);

    it('is a payment result that succeeded, summarised in one paragraph', () => {
      assert.equal(e.kind, 'result');
      assert.equal(e.operation, 'payment');
      assert.deepEqual(e.result, { code: '0', meaning: 'Approved: the operation was performed successfully.', outcome: 'success' });
      assert.equal(
        e.summary,
        'Payment succeeded: Approved: the operation was performed successfully. — amount €0.01; card contactless …5938; at 9 Dec 2020 23:17; terminal 30350039; authorisation code 012651; callerTrxId qwerty.',
      );
    });

    it('explains amount, pan, transactionType, timestamp, actionCode and cardTypeCVM', () => {
      assert.equal(field(e, 'amount').interpretation, '€0.01 (1 minor units of EUR).');
      assert.equal(field(e, 'pan').interpretation, 'Masked card number; last four digits 5938.');
      assert.equal(field(e, 'transactionType').interpretation, 'Contactless (CLI).');
      assert.equal(field(e, 'timestamp').interpretation, "9 Dec 2020 23:17 (the time zone is not stated; probably the device's local time, inferred).");
      assert.match(field(e, 'actionCode').interpretation!, /approved/i);
      assert.match(field(e, 'cardTypeCVM').interpretation!, /No Nexi page defines this field/);
    });

    it('trims blank-padded fixed-width values and says so', () => {
      assert.equal(field(e, 'acquirerName').value, 'NEXI');
      assert.equal(field(e, 'acquirerName').interpretation, 'Blank-padded fixed-width value ("NEXI").');
      assert.equal(field(e, 'merchantId').value, '0000091');
    });

    it('decodes the receipt link and reports no diagnostics', () => {
      assert.equal(field(e, 'urlTicket').value, 'https://intapi.nexi.it:8443/mpos/mobile/api/services/orchestrator/receipt/view?id=DBFIEFJQIJKLPOOYBDEDGIHO');
      assert.match(field(e, 'urlTicket').interpretation!, /receipt image/);
      assert.deepEqual(e.diagnostics, []);
    });
  });

  describe('SoftPOS reversal response with the Intent tail (spec §4.4)', () => {
    const e = only(`D/Easypay: Intent { act=android.intent.action.VIEW dat=${softposReversal}`);

    it('stops before the Intent tail and keeps raw spaces and + in values', () => {
      assert.equal(e.operation, 'reversal');
      assert.ok(e.text.endsWith('autoClose=false'), e.text.slice(-40));
      assert.equal(field(e, 'CT121').value, 'C.SO SEMPIONE 55, 20145, MILANO (MI)');
      assert.equal(field(e, 'CT110').value, '2025-05-16T14:51:51+02:00');
    });

    it('reads f39=400 on a reversal as an accepted reversal, and says the reading is inferred', () => {
      assert.equal(field(e, 'f39').interpretation, 'Reversal accepted (inferred)');
      assert.ok(e.reading.includes('Host response: f39 400: Reversal accepted (inferred)'), e.reading.join('\n'));
    });

    it('reads 12-digit amounts with the CT118 currency', () => {
      for (const k of ['amount', 'f04', 'f30']) assert.equal(field(e, k).interpretation, '€4.50 (450 minor units of EUR).', k);
      assert.equal(field(e, 'CT118').interpretation, 'EUR: Euro (2 decimals).');
      assert.ok(!field(e, 'amount').details.some((d) => /assumed/.test(d)), 'no currency assumption when CT118 is present');
    });

    it('explains dates and times of every format', () => {
      assert.equal(field(e, 'f12').interpretation, '14:51:26 (local time).');
      assert.equal(field(e, 'f13').interpretation, '16 May (month and day; no year).');
      assert.equal(field(e, 'CT106').interpretation, '16 May 2025.');
      assert.equal(field(e, 'CT107').interpretation, '14:51 (local time).');
      assert.equal(field(e, 'CT110').interpretation, '16 May 2025 14:51:51 UTC+02:00.');
    });

    it('explains AID, transaction type, RRN, callerTrxId and the F42/f42 pair separately', () => {
      assert.match(field(e, 'CT102').interpretation!, /^Mastercard.* \(exact match on A0000000041010\)\.$/);
      assert.match(field(e, 'CT105').interpretation!, /^VOID \(0200\)/);
      assert.match(field(e, 'f37').interpretation!, /16 May 2025, 14 h, sequence 271424/);
      assert.match(field(e, 'callerTrxId').interpretation!, /16 May 2025 12:51:36 UTC/);
      assert.equal(field(e, 'F42').label, 'F42: Merchant ID (duplicate)');
      assert.equal(field(e, 'f42').label, 'f42: Merchant ID');
      assert.equal(field(e, 'F42').provenance, 'inferred');
      assert.equal(field(e, 'f42').provenance, 'nexi-documented');
    });

    it('decodes CT123 tag by tag with TVR bit meanings', () => {
      const tlv = field(e, 'CT123').tlv!;
      assert.deepEqual(tlv.map((n) => n.tag), ['9F36', '95']);
      assert.equal(tlv[0]!.interpretation, '347');
      assert.ok(tlv[1]!.details.some((d) => /floor limit/i.test(d)), tlv[1]!.details.join('\n'));
      assert.ok(tlv[1]!.details.some((d) => /RRP not performed/i.test(d)), tlv[1]!.details.join('\n'));
    });

    it('decodes the malformed f55 as far as possible and says exactly what is wrong', () => {
      const f55 = field(e, 'f55');
      assert.deepEqual(f55.tlv!.map((n) => n.tag), ['9F36', '9F10', '9F35', '95']);
      assert.equal(f55.tlv![1]!.truncated, true);
      assert.equal(f55.tlv![2]!.recovered, true);
      const codes = e.diagnostics.map((d) => `${d.code}:${d.severity}`);
      assert.deepEqual(codes, ['TLV002:warning', 'TLV008:warning', 'TLV010:info']);
      assert.match(e.diagnostics[1]!.message, /^f55: Tag 9F10 declares 18 bytes .* 3 hex digits short\.$/);
      // Ranges point into the original text, inside the f55 value.
      const text = `D/Easypay: Intent { act=android.intent.action.VIEW dat=${softposReversal}`;
      const d = e.diagnostics[1]!;
      assert.ok(d.range.start >= f55.valueRange!.start && d.range.end <= f55.valueRange!.end);
      assert.equal(text.slice(d.range.start, d.range.start + 4), '9F10');
    });

    it('summarises operation, outcome, amount, card, when and where', () => {
      assert.equal(
        e.summary,
        'Reversal succeeded: Approved: the operation was performed successfully. — amount reversed €4.50 (f04, inferred), requested €4.50; card Mastercard contactless …6313; at 16 May 2025 14:51:51 UTC+02:00; merchant NEXI SOFTPOS OPERATION C.SO SEMPIONE 55, 20145, MILANO (MI); terminal 38032131; authorisation code H50716; callerTrxId 1747399896594; errors found: 0, warnings: 2.',
      );
    });
  });

  describe('other published results', () => {
    it('mPOS reversal on a custom result authority (spec §4.4)', () => {
      const e = only(mposReversal);
      assert.equal(e.operation, 'reversal');
      assert.equal(field(e, 'resultDescription').value, 'TRANSAZIONE APPROVATA');
      assert.equal(field(e, 'amount').interpretation, '€2.00 (200 minor units of EUR).');
      assert.equal(field(e, 'timestamp').interpretation, "4 Jul 2025 09:32 (the time zone is not stated; probably the device's local time, inferred).");
    });

    it('accounting closure with both totals and the ACCOUNTING_CLOSURE spelling (spec §6.3)', () => {
      const e = only(closureResponse);
      assert.equal(e.operation, 'accounting_closure');
      assert.equal(field(e, 'hostTotal').interpretation, '€0.01 (1 minor units of EUR).');
      assert.match(e.summary, /^Accounting closure succeeded: .* host total €0\.01, terminal total €0\.01; callerTrxId qwerty; errors found: 1, warnings: 0\.$/);
      // The raw published form has a line-wrap space after `//` (spec §6.3): the validator's A2A027.
      assert.deepEqual(e.diagnostics.map((d) => d.code), ['A2A027']);
      assert.ok(!e.diagnostics.some((d) => d.code === 'A2R005'), 'ACCOUNTING_CLOSURE matches accounting_closure');
    });

    it('a declined payment names the bank response in the summary', () => {
      const e = only('app://payment?result=21&amount=480&callerTrxId=X1&operationType=PAYMENT&actionCode=116');
      assert.equal(e.result!.outcome, 'declined');
      assert.match(e.summary, /^Payment was declined: .* bank response 116 \(Not sufficient funds\)/);
    });
  });

  describe('last-transaction results: the enquiry succeeded, the transaction has its own outcome (spec §5.2, §10)', () => {
    it('result=0 with f39=116: the last transaction was declined (not sufficient funds), never "approved"', () => {
      const e = only('demo://last_transaction?result=0&callerTrxId=X&f39=116&amount=480&terminalId=30350039');
      assert.match(e.summary, /^Last-transaction enquiry succeeded: the last transaction was declined \(Not sufficient funds, f39 116\)/);
      assert.doesNotMatch(e.summary, /approved/i);
      assert.doesNotMatch(field(e, 'result').interpretation!, /approved/i);
      assert.ok(field(e, 'result').details.some((d) => /declined/.test(d) && /f39 116/.test(d)), field(e, 'result').details.join('\n'));
    });

    it('result=0 with actionCode=000: approved; with CT105=0200 and f39=400: a reversal accepted, labelled inferred', () => {
      assert.match(only('demo://last_transaction?result=0&callerTrxId=X&actionCode=000').summary, /the last transaction was approved \(Approved, actionCode 000\)/);
      const reversal = only('demo://last_transaction?result=0&callerTrxId=X&f39=400&CT105=0200');
      assert.match(reversal.summary, /the last transaction was a reversal, accepted \(Reversal accepted, f39 400; inferred\)/);
      assert.doesNotMatch(reversal.summary, /unexpected/i);
    });

    it('a failed enquiry is still the enquiry\'s failure', () => {
      assert.match(only('demo://last_transaction?result=-41&callerTrxId=X').summary, /^Last-transaction enquiry failed/);
      assert.doesNotMatch(only('demo://last_transaction?result=-41&callerTrxId=X').summary, /enquiry succeeded/);
    });
  });

  describe('what a result says when it is no approval', () => {
    it('an accounting closure with result 0 was performed, not approved, and is no transaction with an outcome', () => {
      const e = only('pizzapay://accounting_closure?result=0&hostTotal=12345&terminalTotal=12345&callerTrxId=C1&operationType=ACCOUNTING_CLOSURE');
      assert.match(e.summary, /^Accounting closure succeeded: Closure performed: the accounting closure was done\./);
      assert.equal(e.result?.meaning, 'Closure performed: the accounting closure was done.');
      assert.equal(field(e, 'result').interpretation, 'Closure performed: the accounting closure was done.');
      assert.ok(!e.reading.some((l) => l.startsWith('Transaction outcome')), e.reading.join('\n'));
      // Other operations keep the table's wording.
      assert.match(only('pizzapay://payment?result=0&amount=100&callerTrxId=P1').summary, /^Payment succeeded: Approved: the operation was performed successfully\./);
    });

    it('a result without `result` says its outcome is not stated, not that its code is undocumented', () => {
      const e = only('app://payment?amount=100&callerTrxId=A');
      assert.match(e.summary, /^Payment result without a result code: its outcome is not stated — amount €1\.00/);
      assert.doesNotMatch(e.summary, /undocumented|–/);
      assert.ok(e.diagnostics.some((d) => d.code === 'A2R006'));
    });
  });

  describe('result diagnostics', () => {
    it('A2R001: an unmasked PAN is an error and is never shown', () => {
      const e = only('app://payment?result=0&amount=100&callerTrxId=a&operationType=PAYMENT&pan=4111111111111111');
      const d = e.diagnostics.find((x) => x.code === 'A2R001');
      assert.ok(d);
      assert.equal(d.severity, 'error');
      assert.equal(field(e, 'pan').value, '411111******1111');
      assert.equal(field(e, 'pan').rawValue, '411111******1111');
      assert.ok(!e.text.includes('4111111111111111'));
      assert.ok(!JSON.stringify(e).includes('4111111111111111'), 'nowhere in the explanation');
    });

    it('A2R001: a PAN written in groups (spaces, dashes, %20) is an error and is never shown either', () => {
      for (const [pan, shown] of [
        ['4111%201111%201111%201111', '4111 11** **** 1111'],
        ['4111-1111-1111-1111', '4111-11**-****-1111'],
        ['4111 1111 1111 1111', '4111 11** **** 1111'],
      ] as const) {
        const e = only(`app://payment?result=0&amount=100&callerTrxId=a&operationType=PAYMENT&pan=${pan}&resultDescription=card%20${pan}&terminalId=30350039`);
        assert.ok(e.diagnostics.some((x) => x.code === 'A2R001'), pan);
        assert.equal(field(e, 'pan').value, shown, pan);
        assert.equal(field(e, 'resultDescription').value, `card ${shown}`, pan);
        const all = JSON.stringify(e) + renderExplanation(e, () => ({ line: 1, column: 1 }), styler(false));
        assert.ok(!all.replace(/%20|[ +-]/g, '').includes('4111111111111111'), `${pan}: nowhere in the explanation or its text`);
      }
    });

    it('A2R001: also for an unknown key carrying a Luhn-valid card number', () => {
      const e = only('app://payment?result=0&callerTrxId=a&operationType=PAYMENT&cardNumber=5555555555554444');
      assert.ok(e.diagnostics.some((x) => x.code === 'A2R001'));
      assert.ok(!JSON.stringify(e).includes('5555555555554444'));
    });

    it('A2R001: also in the free-text keys a request documents (addInfo1–5, addInfoKey1–5, callerName), in requests and results', () => {
      const card = '5413330089010434'; // passes the Luhn check
      for (const uri of [
        `neximpos://payment?amount=100&callerTrxId=A&callerName=B&uri=x://y&addInfoKey1=pan&addInfo1=${card}`,
        `neximpos://payment?amount=100&callerTrxId=A&callerName=${card}&uri=x://y`,
        `pizzapay://payment?result=0&amount=100&callerTrxId=A&addInfo2=${card}`,
      ]) {
        const e = only(uri);
        assert.equal(e.diagnostics.filter((x) => x.code === 'A2R001').length, 1, uri);
        assert.ok(!JSON.stringify(e).includes(card), uri);
      }
      // Digits that fail the check are an order number, not a card: no finding.
      const order = only('neximpos://payment?amount=100&callerTrxId=A&callerName=B&uri=x://y&addInfo1=1234567890123');
      assert.ok(!order.diagnostics.some((x) => x.code === 'A2R001'), JSON.stringify(order.diagnostics));
    });

    it('A2R012 (PCI): a full PAN or track data inside EMV data (5A, 57, 56, 9F6B in f55 or CT123) is an error, masked everywhere', () => {
      // 5A: Application PAN; 57: Track 2 Equivalent Data (PAN D expiry service code …); both in clear.
      const f55 = '5A0841111111111111119F3602015B57134111111111111111D29122010000000000000F';
      const e = only(`app://payment?result=0&amount=100&callerTrxId=a&operationType=PAYMENT&f55=${f55}&CT123=9F6B0F5555555555554444D2912201000F`);
      const pci = e.diagnostics.filter((x) => x.code === 'A2R012');
      assert.equal(pci.length, 3, JSON.stringify(e.diagnostics));
      assert.ok(pci.every((d) => d.severity === 'error'));
      assert.deepEqual(pci.map((d) => /in (\S+): EMV tag ([0-9A-F]+)/.exec(d.message)?.slice(1).join(' ')), ['f55 5A', 'f55 57', 'CT123 9F6B']);
      const all = JSON.stringify(e);
      assert.ok(!all.includes('4111111111111111') && !all.includes('5555555555554444'), 'no card number anywhere in the explanation');
      // Nor the rest of the track data (expiry, service code, discretionary data), also where 5A's card number stands
      // inside 57's track: masked there first, it left the track unmatched and in clear in the field's value.
      assert.ok(!all.includes('D2912201'), 'no track data anywhere in the explanation');
      assert.match(field(e, 'f55').value!, /5713411111\*+1111D\*+$/);
      // A masked or padded PAN (not 13+ digits in clear) is no finding.
      const masked = only('app://payment?result=0&amount=100&callerTrxId=a&operationType=PAYMENT&f55=5A08411111FFFFFF1111');
      assert.ok(!masked.diagnostics.some((x) => x.code === 'A2R001' || x.code === 'A2R012'), JSON.stringify(masked.diagnostics));
    });

    it('a Luhn-valid epoch-millisecond callerTrxId is an identifier, shown as is; the same digits as a PAN are masked', () => {
      const id = '1747399896591'; // passes the Luhn check
      const e = only(`app://payment?result=0&amount=1&callerTrxId=${id}&operationType=PAYMENT&pan=${id}`);
      assert.equal(field(e, 'callerTrxId').value, id);
      assert.match(field(e, 'callerTrxId').interpretation!, /epoch milliseconds/);
      assert.match(e.summary, new RegExp(`callerTrxId ${id}[.;]`));
      assert.equal(field(e, 'pan').value, '174739***6591');
      assert.ok(e.diagnostics.some((d) => d.code === 'A2R001'));
    });

    it('A2R002: an undocumented result code is called undocumented', () => {
      const e = only('app://payment?result=-25&callerTrxId=a&operationType=PAYMENT');
      const d = e.diagnostics.find((x) => x.code === 'A2R002');
      assert.ok(d);
      assert.equal(e.result!.outcome, 'unknown');
      assert.match(e.summary, /has an undocumented result/);
    });

    it('A2R003: an amount that is not a whole number of minor units', () => {
      const e = only('app://payment?result=0&amount=4.50&callerTrxId=a&operationType=PAYMENT');
      assert.deepEqual(e.diagnostics.map((d) => d.code), ['A2R003']);
    });

    it('A2R004: a date that does not exist', () => {
      const e = only('app://payment?result=0&amount=1&callerTrxId=a&operationType=PAYMENT&timestamp=3102252317');
      assert.deepEqual(e.diagnostics.map((d) => d.code), ['A2R004']);
      assert.equal(field(e, 'timestamp').interpretation, '"3102252317" is not a real date/time in the ddMMyyHHmm format.');
    });

    it('A2R005: operationType that contradicts the authority', () => {
      const e = only('app://payment?result=0&amount=1&callerTrxId=a&operationType=REVERSAL');
      assert.ok(e.diagnostics.some((d) => d.code === 'A2R005'));
    });

    it('A2R006: a result URI without result', () => {
      const e = only('app://payment?amount=1&callerTrxId=a&operationType=PAYMENT');
      assert.ok(e.diagnostics.some((d) => d.code === 'A2R006'));
    });

    const codesOf = (text: string): string[] => only(text).diagnostics.map((d) => d.code);

    it('A2R007: result and the host code contradict each other, both ways', () => {
      assert.deepEqual(codesOf('app://payment?result=0&amount=1&callerTrxId=a&operationType=PAYMENT&actionCode=116'), ['A2R007']);
      assert.deepEqual(codesOf('app://payment?result=21&amount=1&callerTrxId=a&operationType=PAYMENT&actionCode=000'), ['A2R007']);
      assert.deepEqual(codesOf('app://payment?result=21&amount=1&callerTrxId=a&operationType=PAYMENT&actionCode=116'), []);
    });

    it('A2R008: the last four digits of pan, CT100 and CT112 disagree', () => {
      const e = only('app://payment?result=0&amount=1&callerTrxId=a&operationType=PAYMENT&CT100=6313&CT112=************6314');
      assert.deepEqual(e.diagnostics.map((d) => d.code), ['A2R008']);
      assert.equal(e.diagnostics[0]!.message, 'CT100 ends in 6313 but CT112 ends in 6314: the card-number fields disagree.');
    });

    it('A2R009: amount differs from f04 on a payment', () => {
      assert.deepEqual(codesOf('app://payment?result=0&amount=000000000450&callerTrxId=a&operationType=PAYMENT&f04=000000000460'), ['A2R009']);
      assert.deepEqual(codesOf('app://payment?result=0&amount=450&callerTrxId=a&operationType=PAYMENT&f04=000000000450'), []);
    });

    it('A2R010: F42 and f42 name different merchants', () => {
      assert.deepEqual(codesOf('app://payment?result=0&amount=1&callerTrxId=a&operationType=PAYMENT&F42=1000000595940&f42=1000000595941'), ['A2R010']);
      assert.deepEqual(codesOf('app://payment?result=0&amount=1&callerTrxId=a&operationType=PAYMENT&F42=1000000595940&f42=001000000595940'), []);
    });

    it('A2R011: operationType contradicts CT105', () => {
      assert.deepEqual(codesOf('app://payment?result=0&amount=1&callerTrxId=a&operationType=PAYMENT&CT105=0200'), ['A2R011']);
      assert.deepEqual(codesOf('app://reversal?result=0&amount=1&callerTrxId=a&operationType=REVERSAL&CT105=0200'), []);
    });

    it('A2R012: card data (5A, 57, 56, 9F6B) inside an EMV value is an error', () => {
      const e = only('app://payment?result=0&amount=1&callerTrxId=a&operationType=PAYMENT&CT123=5A0841111111111111119F36020001');
      const d = e.diagnostics.find((x) => x.code === 'A2R012');
      assert.ok(d);
      assert.equal(d.severity, 'error');
      assert.match(d.message, /^Card data in CT123: EMV tag 5A \(Application Primary Account Number \(PAN\)\)/);
    });

    it('A2R013: a negative total is negative, not "not a whole number"', () => {
      const e = only('demonexi://accounting_closure?result=0&hostTotal=-150&terminalTotal=1&callerTrxId=q&operationType=ACCOUNTING_CLOSURE');
      assert.deepEqual(e.diagnostics.map((d) => d.code), ['A2R013']);
      assert.equal(e.diagnostics[0]!.severity, 'info');
      assert.equal(field(e, 'hostTotal').interpretation, '-€1.50: a negative amount (-150 minor units of EUR); no Nexi document or example shows one.');
      assert.doesNotMatch(JSON.stringify(e), /not a whole number/);
    });

    it('A2R014: a SoftPOS reversal whose receipt shows another amount than the request (info, [REVS])', () => {
      const e = only('app://reversal?result=0&amount=000000000450&callerTrxId=a&operationType=REVERSAL&f04=000000000300&f39=400');
      assert.deepEqual(e.diagnostics.map((d) => [d.code, d.severity]), [['A2R014', 'info']]);
      assert.match(e.summary, /amount reversed €3\.00 \(f04, inferred\), requested €4\.50/);
    });

    it('every A2R code is exercised above', () => {
      const tested = ['A2R001', 'A2R002', 'A2R003', 'A2R004', 'A2R005', 'A2R006', 'A2R007', 'A2R008', 'A2R009', 'A2R010', 'A2R011', 'A2R012', 'A2R013', 'A2R014'];
      assert.deepEqual(Object.keys(resultDiagnosticCodes).sort(), tested);
    });
  });

  it('a summary of one sentence ends with one period', () => {
    assert.equal(only('app://payment?result=0').summary, 'Payment succeeded: Approved: the operation was performed successfully.');
  });

  describe('card data inside EMV values', () => {
    it('masks the PAN of EMV tags 5A and 57 wherever the value is shown', () => {
      const track2 = `4111111111111111D2812201${'0'.repeat(11)}F`; // 36 hex digits = 18 (0x12) bytes
      const e = only(`app://payment?result=0&callerTrxId=a&operationType=PAYMENT&f55=5A0841111111111111119F36020001${'57'}12${track2}`);
      const tlv = field(e, 'f55').tlv!;
      assert.deepEqual(tlv.map((n) => n.tag), ['5A', '9F36', '57']);
      assert.equal(tlv[0]!.value, '411111******1111');
      assert.equal(tlv[0]!.interpretation, 'Card number or track data (shown masked). It must never appear in a URI or a log (PCI DSS).');
      // Track 2: the PAN masked, nothing after the separator (expiry, service code, discretionary data).
      assert.equal(tlv[2]!.value, `411111******1111D${'*'.repeat(19)}`);
      assert.deepEqual(e.diagnostics.filter((d) => d.code === 'A2R012').map((d) => d.message.slice(0, 30)), ['Card data in f55: EMV tag 5A (', 'Card data in f55: EMV tag 57 (']);
      assert.equal(tlv[1]!.interpretation, '1');
      assert.ok(!JSON.stringify(e, (k, v: unknown) => (k === 'fixes' ? undefined : v)).includes('4111111111111111'));
    });
  });

  describe('requests', () => {
    it('explains request parameters from the catalog and includes the validator diagnostics', () => {
      const e = only('val u = "neximpos://payment?amount=1,50&callerTrxId=PP-QUICK&callerName=Pizza Pay&autoClose=true&uri=pizzapay://payment"');
      assert.equal(e.kind, 'request');
      assert.equal(e.operation, 'payment');
      assert.match(field(e, 'uri').interpretation!, /Nexi POS will open pizzapay:\/\/payment/);
      assert.equal(field(e, 'autoClose').interpretation, 'true: not the default (absent means false).');
      assert.ok(e.diagnostics.some((d) => d.code.startsWith('A2A') && d.severity === 'error'), JSON.stringify(e.diagnostics.map((d) => d.code)));
      assert.match(e.summary, /^Payment request — .*callerTrxId PP-QUICK; errors found: \d+, warnings: \d+\.$/);
    });

    it('tells whether a flag changes anything: the literal as sent, against the default, in every language', () => {
      const request = 'neximpos://payment?amount=150&callerTrxId=F1&callerName=Pizza&sendTicket=false&autoClose=false&hideRetry=maybe&uri=pizzapay://payment';
      const e = only(request);
      assert.equal(field(e, 'sendTicket').interpretation, 'false: not the default (absent means true).');
      assert.deepEqual(field(e, 'sendTicket').details, []);
      assert.equal(field(e, 'autoClose').interpretation, 'false: the default, as when the key is absent.');
      assert.equal(field(e, 'hideRetry').interpretation, '"maybe" is neither true nor false; Nexi POS expects the literal strings.');
      assert.deepEqual(field(e, 'hideRetry').details, ['Absent, it means false.']);
      // Italian words the sentence, never the literal: Nexi POS reads true and false, not vero and falso.
      const it = withLocale('it', () => only(request));
      assert.equal(field(it, 'sendTicket').interpretation, 'false: non è il valore predefinito (se manca vale true).');
      assert.equal(field(it, 'autoClose').interpretation, 'false: il valore predefinito, come se la chiave mancasse.');
      // A default the portal does not state says where it comes from.
      const reversal = only('neximpos://reversal?amount=150&callerTrxId=R1&callerName=Pizza&autoClose=true&uri=pizzapay://reversal');
      assert.equal(field(reversal, 'autoClose').interpretation, 'true: not the default (absent means false).');
      assert.deepEqual(field(reversal, 'autoClose').details, ['Not stated on the portal; the Cloud SDK defaults to false.']);
    });
  });

  describe('date readers', () => {
    it('accept only real dates and times', () => {
      assert.equal(readDdMMyyHHmm('0912202317')?.iso, '2020-12-09T23:17');
      assert.equal(readDdMMyyHHmm('2902232317'), undefined, '29 Feb 2023');
      assert.equal(readDdMMyyHHmm('2902242317')?.iso, '2024-02-29T23:17');
      assert.equal(readDdMMyyHHmm('0912202417'), undefined, 'hour 24');
      assert.equal(readHHmmss('236000'), undefined);
      assert.equal(readMMdd('0230'), undefined);
      assert.equal(readIso8601('2025-05-16T14:51:51+02:00')?.text, '16 May 2025 14:51:51 UTC+02:00');
      assert.equal(readEpochMillis('1747399896594')?.iso, '2025-05-16T12:51:36.594Z');
      assert.equal(readEpochMillis('9999999999999'), undefined, 'beyond 2100');
      assert.deepEqual(readRrn('513614271424', 2026), { year: 2025, dayOfYear: 136, date: '16 May 2025', hour: 14, sequence: '271424' });
      assert.equal(readRrn('599914271424', 2026), undefined, 'day 999');
    });
  });

  describe('robustness', () => {
    it('masks a card number typed as an amount or an action code in the transaction reading too', () => {
      for (const text of ['"app://reversal?amount= 4111111111111111 "', 'app://payment?result=0&amount=4111111111111111&actionCode=4111111111111111&operationType=PAYMENT']) {
        const [e] = decodeText(text, { now });
        assert.ok(e?.transaction, text);
        const shown = JSON.stringify(e);
        assert.doesNotMatch(shown, /(?<!\d)4111111111111111(?!\d)/, text);
        assert.match(JSON.stringify(e.transaction), /411111\*{6}1111/, text);
      }
    });

    it('masks a card number standing in the value of any EMV tag, not only 5A and 57', () => {
      const [e] = decodeText('neximpos://payment?f55=5A08411111111111111157000000000450=4111111111111111', { now });
      const shown = JSON.stringify(e);
      assert.doesNotMatch(shown, /(?<!\d)4111111111111111(?!\d)/);
      assert.match(JSON.stringify(e!.fields.find((f) => f.key === 'f55')?.tlv), /411111\*{6}1111/);
    });

    it('never throws and never leaks a card number, whatever the text', () => {
      // The card number always stands alone (a Luhn-valid run inside a longer digit run is not a PAN).
      const fragments = ['neximpos://payment?', 'app://reversal?', '&', '=', 'result=0', 'pan=', '&4111111111111111&', ' 4111111111111111 ', '=4111111111111111', 'f55=9F36', 'f55=5A08411111111111111157', '%', '%2', ' ', '"', '\n', '×tamp=', 'CT118=978', 'amount=', '000000000450', 'flg=0x1 }'];
      fc.assert(
        fc.property(fc.array(fc.oneof(fc.constantFrom(...fragments), fc.string()), { maxLength: 30 }), (parts) => {
          const text = parts.join('');
          const out = decodeText(text, { now });
          // Quick-fix edits rewrite the user's own text and are never displayed: everything else is.
          const shown = JSON.stringify(out, (k, v: unknown) => (k === 'fixes' ? undefined : v));
          // A PAN is a standalone digit run; a Luhn-valid stretch inside a longer run of digits is not one.
          assert.ok(!/(?<!\d)4111111111111111(?!\d)/.test(shown), 'unmasked PAN leaked');
        }),
        { numRuns: Number(process.env.NEXI_PROPERTY_RUNS ?? 2000) },
      );
    });
  });
});
