import { strict as assert } from 'assert';
import { actionMessages, describeActionCode, nexiActionCodes } from '../../src/core/codes/actionCodes';
import { lookupAid } from '../../src/core/codes/aids';
import { withLocale } from '../../src/core/l10n';
import { lookupCountry } from '../../src/core/codes/countries';
import { formatAmount, knownFormats, lookupCurrency } from '../../src/core/codes/currencies';
import { lookupField } from '../../src/core/codes/iso8583';
import { lookupReceiptKey, receiptKeys } from '../../src/core/codes/receiptKeys';
import {
  describeResult,
  lookupResultCode,
  resultCodes,
  softPosError,
  type NexiOperation,
  type ProductScope,
} from '../../src/core/codes/resultCodes';
import { citation, specSources, titledTags, type SpecSourceTag } from '../../src/core/codes/sources';
import { fillTemplate } from '../../src/core/codes/text';
import { prng } from '../../src/core/text';
import { decodeText } from '../../src/core/explain/explain';
import {
  ct105Codes,
  lookupCt105,
  lookupOperationType,
  lookupTerminalType,
  lookupTransactionType,
} from '../../src/core/codes/transactionTypes';

const P: NexiOperation = 'payment';
const R: NexiOperation = 'reversal';
const C: NexiOperation = 'accounting_closure';
const L: NexiOperation = 'last_transaction';

// Independent transcription of spec §9.1: code, operations, product, a phrase the meaning must contain.
const spec91: readonly [number, readonly NexiOperation[], ProductScope, RegExp][] = [
  [0, [P, R, C, L], 'both', /approved/i],
  [9, [P, R], 'mpos', /POS not connected/],
  [20, [P, R], 'both', /cancelled/],
  [21, [P, R], 'both', /denied/],
  [22, [P, R], 'softpos', /general error/i],
  [-1, [P, R, C], 'both', /invalid input parameters/i],
  [-2, [P, R, C], 'both', /device not secure/i],
  [-3, [P, R, C], 'mpos', /Bluetooth/],
  [-4, [P, R, C], 'unknown', /services not available/i],
  [-5, [P, R, C], 'unknown', /deprecated app/i],
  [-6, [P, R, C], 'unknown', /login required/i],
  [-7, [P, R, C], 'unknown', /terminalId is suspended/],
  [-8, [P, R, C], 'unknown', /terminalId is absent/],
  [-9, [P, R, C], 'unknown', /not configured on the POS/],
  [-10, [P, R, C], 'mpos', /POS connection timeout/],
  [-11, [R], 'both', /not reversible/],
  [-12, [C], 'mpos', /accounting closure not performed/i],
  [-13, [R], 'softpos', /developer options/i],
  [-14, [R], 'both', /network not available/i],
  [-15, [R], 'both', /not connected to a network/],
  [-16, [R], 'softpos', /NFC is not active/],
  [-17, [R], 'softpos', /no reversible SoftPOS transaction in the last month/i],
  [-18, [R], 'both', /cannot be served/],
  [-19, [R, C], 'softpos', /unavailable/],
  [-20, [R], 'softpos', /NFC not available/],
  [-21, [P, R], 'both', /autoClose and sendTicket/],
  [-30, [P, R], 'softpos', /SoftPOS payment error/],
  [-41, [L], 'both', /receipt/],
];

describe('codes: Nexi result codes (spec §9)', () => {
  it('has exactly the codes of the §9.1 master table, in order', () => {
    assert.deepEqual(
      resultCodes.map((e) => e.code),
      spec91.map(([code]) => code),
    );
  });

  for (const [code, operations, product, phrase] of spec91) {
    it(`result ${code}: meaning, operations, product, provenance`, () => {
      const d = describeResult(String(code));
      assert.equal(d.status, 'documented');
      assert.equal(d.code, code);
      assert.match(d.meaning, phrase);
      assert.equal(d.provenance, 'nexi-documented');
      assert.deepEqual(d.entry?.operations, operations);
      assert.equal(d.entry?.product, product);
      assert.ok(d.entry!.sources.length > 0);
      for (const s of d.entry!.sources) assert.ok(s in specSources, `${s} is a known spec source tag`);
    });
  }

  it('marks the (P) column of [ERR] as uncertain for -13…-16 and -20 only', () => {
    const uncertain = resultCodes.filter((e) => e.uncertainOperations?.includes(P)).map((e) => e.code);
    assert.deepEqual(uncertain, [-13, -14, -15, -16, -20]);
  });

  it('marks only the product scope of 9 as inferred', () => {
    assert.deepEqual(
      resultCodes.filter((e) => e.productInferred).map((e) => e.code),
      [9],
    );
  });

  it('classifies outcomes: 0 success, 20 cancelled, 21 declined, everything else an error', () => {
    for (const e of resultCodes) {
      const expected = e.code === 0 ? 'success' : e.code === 20 ? 'cancelled' : e.code === 21 ? 'declined' : 'error';
      assert.equal(e.outcome, expected, `result ${e.code}`);
    }
  });

  it('spec §9.2: only "cancelled" (20) is retryable, as documented; "final" elsewhere is an inference', () => {
    for (const e of resultCodes) {
      assert.equal(e.retry, e.code === 20 ? 'retryable' : 'final', `result ${e.code}`);
      assert.equal(e.retryProvenance, e.code === 20 ? 'nexi-documented' : 'inferred');
    }
  });

  it('reports every code between -45 and 30 that Nexi does not list as undocumented', () => {
    const documented = new Set(spec91.map(([c]) => c));
    for (let code = -45; code <= 30; code++) {
      if (documented.has(code)) continue;
      const d = describeResult(String(code));
      assert.equal(d.status, 'undocumented', `result ${code}`);
      assert.equal(d.provenance, 'undocumented');
      assert.equal(d.entry, undefined);
      const inGap = (code <= -22 && code >= -29) || (code <= -31 && code >= -40);
      assert.equal(d.inUndocumentedRange, inGap, `gap flag of ${code}`);
    }
  });

  it('says which documented gap an undocumented code falls in', () => {
    assert.equal(describeResult('-25').meaning, 'Result code -25 is not documented: Nexi lists no result code from -22 to -29.');
    assert.equal(describeResult('-40').meaning, 'Result code -40 is not documented: Nexi lists no result code from -31 to -40.');
    assert.equal(describeResult('7').meaning, 'Result code 7 is not documented by Nexi.');
  });

  it('reads input leniently and says what it did', () => {
    assert.equal(describeResult(' -1 ').code, -1);
    assert.equal(describeResult('"0"').code, 0);
    assert.equal(describeResult('+9').code, 9);
    assert.equal(describeResult('-007').code, -7);
    assert.equal(describeResult(-21).code, -21);
    const dash = describeResult('\u221213');
    assert.equal(dash.code, -13);
    assert.deepEqual(dash.notes, ['A typographic dash was read as a minus sign.']);
    const residue = describeResult('0 flg=0x10400000');
    assert.equal(residue.code, 0);
    assert.deepEqual(residue.notes, ['Only the leading number was read; " flg=0x10400000" was ignored.']);
  });

  it('refuses non-numbers and decimals instead of guessing', () => {
    for (const input of ['abc', '0.5', 'x1', '-']) {
      const d = describeResult(input);
      assert.equal(d.status, 'not-a-number', input);
      assert.equal(d.code, undefined);
    }
    assert.equal(describeResult('').meaning, 'The result is empty.');
    assert.equal(describeResult('abc').meaning, 'The result "abc" is not a number; Nexi result codes are integers.');
  });

  it('checks a code against the operation it came from', () => {
    assert.equal(describeResult('-12', { operation: P }).listedForOperation, 'no');
    assert.deepEqual(describeResult('-12', { operation: P }).notes, ['Nexi does not list result -12 for the payment operation.']);
    assert.equal(describeResult('-12', { operation: C }).listedForOperation, 'yes');
    assert.equal(describeResult('-16', { operation: P }).listedForOperation, 'uncertain');
    assert.equal(describeResult('-41', { operation: L }).listedForOperation, 'yes');
    assert.equal(describeResult('-41').listedForOperation, undefined);
  });

  it('lookupResultCode finds documented codes only', () => {
    assert.equal(lookupResultCode(-30)?.product, 'softpos');
    assert.equal(lookupResultCode(-31), undefined);
  });
});

describe('codes: softPosError (spec §9.3)', () => {
  it('splits X-Y-Z and says honestly that the parts are undocumented', () => {
    const d = softPosError('12-3-A7');
    assert.equal(d.wellFormed, true);
    assert.deepEqual(d.components, { x: '12', y: '3', z: 'A7' });
    assert.equal(d.shape, 'softPosError has the X-Y-Z shape: X = 12, Y = 3, Z = A7.');
    assert.equal(d.meaning, 'Nexi does not document the meaning of the X, Y and Z components of softPosError.');
    assert.equal(d.provenance, 'undocumented');
  });

  it('is lenient on spaces and typographic dashes', () => {
    assert.deepEqual(softPosError(' 1 \u2013 2 - 3 ').components, { x: '1', y: '2', z: '3' });
  });

  it('flags values without three non-empty parts', () => {
    for (const v of ['1-2', '1--3', '1-2-3-4', '', 'abc']) {
      const d = softPosError(v);
      assert.equal(d.wellFormed, false, v);
      assert.equal(d.components, undefined);
      assert.equal(d.provenance, 'undocumented');
    }
    assert.deepEqual(softPosError('1--3').parts, ['1', '', '3']);
  });
});

describe('codes: action codes (spec §10)', () => {
  it('reads 3 digits as an ISO 8583:1993 action code and 2 characters as a 1987 response code', () => {
    const three = describeActionCode('100');
    assert.equal(three.kind, 'iso8583-1993');
    assert.equal(three.meaning, 'Do not honour');
    assert.equal(three.approved, false);
    assert.equal(three.codeClass?.range, '100-199');
    const two = describeActionCode('05');
    assert.equal(two.kind, 'iso8583-1987');
    assert.equal(two.meaning, 'Do not honour');
    assert.equal(two.category, 'declined');
    assert.equal(two.approved, false);
    assert.equal(two.provenance, 'iso8583');
    assert.deepEqual(two.equivalent, { code: '100', meaning: 'Do not honour' });
  });

  it('000 and 00 are approvals', () => {
    assert.equal(describeActionCode('000').approved, true);
    assert.equal(describeActionCode('000').meaning, 'Approved');
    assert.equal(describeActionCode('00').approved, true);
    assert.equal(describeActionCode('00').meaning, 'Approved or completed successfully');
  });

  it("gives Nexi's own table precedence for 3-digit codes, with its caveat", () => {
    const d = describeActionCode('101');
    assert.equal(d.meaning, 'Expired card or invalid expiration date');
    assert.equal(d.isoMeaning, 'Expired card');
    assert.equal(d.provenance, 'nexi-documented');
    assert.equal(d.sources[0], '[ISO-NEXI]');
    assert.deepEqual(d.notes, [actionMessages.nexiTable, actionMessages.nexiAdvice]);
    assert.match(d.notes[0], /applicability to SoftPOS\/MobilePOS not confirmed/);
  });

  it('knows the Nexi-only codes 182, 413, 888 and 999', () => {
    assert.equal(describeActionCode('182').meaning, 'Wallet error (tokenization)');
    assert.equal(describeActionCode('413').approved, false);
    assert.equal(describeActionCode('888').meaning, 'Pending');
    assert.equal(describeActionCode('888').approved, undefined);
    assert.equal(describeActionCode('999').provenance, 'nexi-documented');
    assert.equal(nexiActionCodes.length, 41);
  });

  it('400 on a reversal is an accepted reversal (spec §10, reference §2.4)', () => {
    const d = describeActionCode('400', { operation: 'reversal' });
    assert.equal(d.meaning, 'Reversal accepted.');
    assert.equal(d.approved, true);
    assert.equal(d.provenance, 'inferred');
    assert.equal(d.category, 'reversal');
    assert.match(d.notes[0], /success code of the 4xx class/);
  });

  it('400 without context is the ISO "accepted"; on a payment it is flagged as unexpected', () => {
    const bare = describeActionCode('400');
    assert.equal(bare.meaning, 'Accepted (reversal / chargeback)');
    assert.equal(bare.approved, true);
    const payment = describeActionCode('400', { operation: 'payment' });
    assert.equal(payment.approved, undefined);
    assert.deepEqual(payment.notes, [
      '400 is the ISO 8583:1993 "accepted" code of the reversal class; it is unexpected in a payment response.',
    ]);
  });

  it('uses ISO 1993 meanings for codes outside the Nexi table', () => {
    const d = describeActionCode('208');
    assert.equal(d.meaning, 'Lost card');
    const iso = describeActionCode('107');
    assert.equal(iso.meaning, 'Refer to card issuer');
    assert.equal(iso.category, 'referral');
    assert.equal(iso.provenance, 'iso8583');
    assert.equal(iso.approved, false);
    assert.equal(describeActionCode('300').approved, undefined, 'file action: neither approved nor declined');
  });

  it('falls back to the 1993 class for unlisted 3-digit codes', () => {
    const d = describeActionCode('080');
    assert.equal(d.documented, false);
    assert.equal(d.approved, true);
    assert.equal(d.provenance, 'inferred');
    assert.match(d.meaning, /^Action code 080 is not in the ISO 8583:1993 table; it belongs to class 000-099: Approved/);
    assert.equal(describeActionCode('150').approved, false);
    assert.equal(describeActionCode('555').approved, undefined);
  });

  it('reads 2-character codes beyond the 1987 table from the 2021/EMV list', () => {
    const y1 = describeActionCode('y1');
    assert.equal(y1.code, 'Y1');
    assert.equal(y1.meaning, 'Offline approved');
    assert.equal(y1.approved, true);
    assert.equal(describeActionCode('Z3').approved, false);
    assert.equal(describeActionCode('85').provenance, 'inferred');
    const unknown = describeActionCode('ZZ');
    assert.equal(unknown.documented, false);
    assert.equal(unknown.meaning, 'Response code ZZ is not in the ISO 8583:1987 table.');
    assert.match(unknown.notes[0], /range 0A-ZZ/);
  });

  it('rejects other shapes', () => {
    assert.equal(describeActionCode('4000').kind, 'unrecognised');
    assert.deepEqual(describeActionCode('4000').notes, [actionMessages.fourDigits]);
    assert.equal(describeActionCode('7').kind, 'unrecognised');
    assert.equal(describeActionCode('  ').meaning, 'The action code is empty.');
    assert.equal(describeActionCode(' 116 ').meaning, 'Not sufficient funds');
  });
});

describe('codes: private action-code ranges and inferred readings (response-code data)', () => {
  it('480-499 are another acquirer\'s private codes, never presented as Nexi\'s', () => {
    const d = describeActionCode('480');
    assert.match(d.codeClass!.meaning, /480-499 private: meanings vary by acquirer and Nexi documents none$/);
    assert.doesNotMatch(d.meaning, /GP|already reversed/);
    assert.match(d.codeClass!.note!, /Example of another acquirer's private codes, not Nexi's: Global Payments uses 480 already reversed/);
    assert.match(describeActionCode('080').codeClass!.note!, /^080-099 are private: their meanings vary by acquirer and Nexi documents none \(another acquirer, Global Payments\/Heartland/);
  });

  it('400 = accepted is ISO 8583:1993; its use for an accepted SoftPOS reversal is labelled inferred', () => {
    const c = describeActionCode('480').codeClass!;
    assert.match(c.meaning, /400 = accepted \(ISO 8583:1993\)/);
    assert.match(c.note!, /^That Nexi SoftPOS answers an accepted reversal with 400 is inferred from one published response/);
  });
});

describe('codes: receipt keys (spec §13)', () => {
  const documented = ['CT100', 'CT101', 'CT102', 'CT103', 'CT104', 'CT105', 'CT106', 'CT107', 'CT108'];
  const host = ['f04', 'f11', 'f12', 'f13', 'f30', 'f37', 'f38', 'f39', 'f41', 'f42', 'f43'];
  const inferred = ['CT109', 'CT110', 'CT111', 'CT112', 'CT114', 'CT115', 'CT116', 'CT117', 'CT118', 'CT119', 'CT120', 'CT121', 'CT123', 'f55', 'F42', '9F14'];

  it('marks the §13.1 keys documented and the §13.2 keys inferred or sample-only', () => {
    for (const k of [...documented, ...host]) assert.equal(lookupReceiptKey(k)?.provenance, 'nexi-documented', k);
    for (const k of inferred) assert.equal(lookupReceiptKey(k)?.provenance, 'inferred', k);
    assert.equal(lookupReceiptKey('CT122')?.provenance, 'nexi-sample');
    assert.equal(lookupReceiptKey('ATAGSRECEIPT')?.provenance, 'nexi-sample');
    assert.equal(lookupReceiptKey('CT113')?.provenance, 'undocumented');
    assert.equal(receiptKeys.length, documented.length + host.length + inferred.length + 3);
  });

  it('is case-sensitive: f42 and F42 are distinct keys', () => {
    assert.notEqual(lookupReceiptKey('f42'), lookupReceiptKey('F42'));
    assert.equal(lookupReceiptKey('CT100'.toLowerCase()), undefined);
    assert.equal(lookupReceiptKey('nope'), undefined);
  });

  it('carries formats, max lengths and ISO field numbers', () => {
    assert.deepEqual(
      [lookupReceiptKey('f39')!.maxLength, lookupReceiptKey('f39')!.iso8583Field, lookupReceiptKey('f39')!.valueKind],
      [3, 39, 'action-code'],
    );
    assert.equal(lookupReceiptKey('f43')?.maxLength, 99);
    assert.equal(lookupReceiptKey('CT104')?.maxLength, 200);
    assert.equal(lookupReceiptKey('CT106')?.format, 'dd/MM/yyyy');
    assert.equal(lookupReceiptKey('CT106')?.maxLength, undefined);
    assert.match(lookupReceiptKey('f04')!.maxLengthNote!, /"11"/);
    assert.equal(lookupReceiptKey('CT123')?.valueKind, 'tlv');
    assert.equal(lookupReceiptKey('CT118')?.valueKind, 'currency');
  });
});

describe('codes: transaction types and other value lists', () => {
  it('CT105 codes 0100…0800', () => {
    assert.deepEqual(
      ct105Codes.map((c) => `${c.code} ${c.label}`),
      ['0100 SALE', '0200 VOID', '0300 REFUND', '0400 REVERSAL', '0500 VOID CANCEL', '0600 BATCH UPLOAD', '0700 SETTLEMENT', '0800 STATISTICS'],
    );
    assert.match(lookupCt105('0200')!.note!, /reversal/);
    assert.equal(lookupCt105('0900'), undefined);
  });

  it('transactionType ICC/MAG/CLI; MAN/CLM only from ECR17', () => {
    assert.equal(lookupTransactionType('CLI')?.label, 'Contactless');
    assert.equal(lookupTransactionType('ICC')?.documentedForApp2App, true);
    assert.equal(lookupTransactionType('MAN')?.documentedForApp2App, false);
    assert.equal(lookupTransactionType('MAN')?.provenance, 'inferred');
    assert.equal(lookupTransactionType('XYZ'), undefined);
  });

  it('terminalType and operationType, with both accounting-closure spellings (spec §16.19)', () => {
    assert.equal(lookupTerminalType('SOFTPOS')?.label, 'SoftPOS');
    assert.equal(lookupTerminalType('MPOS')?.label, 'MobilePOS');
    assert.equal(lookupOperationType('REVERSAL')?.operation, 'reversal');
    assert.equal(lookupOperationType('ACCOUNTING_CLOSE')?.operation, 'accounting_closure');
    assert.equal(lookupOperationType('ACCOUNTING_CLOSURE')?.operation, 'accounting_closure');
    assert.equal(lookupOperationType('LAST_TRANSACTION')?.operation, 'last_transaction');
    assert.equal(lookupOperationType('payment'), undefined, 'values are upper case');
  });
});

describe('codes: AIDs', () => {
  it('A0000000041010 is Mastercard (exact match)', () => {
    const m = lookupAid('A0000000041010')!;
    assert.equal(m.brand, 'Mastercard');
    assert.equal(m.match, 'exact');
    assert.equal(m.rid, 'A000000004');
    assert.equal(m.pix, '1010');
    assert.match(m.product!, /^Mastercard Credit\/Debit/);
  });

  it('remembers answers per locale: a repeated AID reads in the locale of the moment', () => {
    const english = lookupAid('A0000000041010')!.product;
    const italian = withLocale('it', () => lookupAid('A0000000041010')!.product);
    assert.notEqual(italian, english);
    assert.equal(lookupAid('A0000000041010')!.product, english);
    assert.equal(withLocale('it', () => lookupAid('A0000000041010')!.product), italian);
  });

  it('takes the longest listed prefix, then the RID', () => {
    const extended = lookupAid('a0 00 00 00 04 10 10 01')!;
    assert.equal(extended.match, 'prefix');
    assert.equal(extended.matchedAid, 'A0000000041010');
    assert.equal(lookupAid('A0000000043060')?.product, 'Maestro (debit)');
    const ridOnly = lookupAid('A00000014199')!;
    assert.equal(ridOnly.match, 'rid');
    assert.equal(ridOnly.brand, 'PagoBANCOMAT');
    assert.equal(ridOnly.product, undefined);
  });

  it('knows PagoBANCOMAT and rejects what is not an AID', () => {
    assert.equal(lookupAid('A0000001410001')?.brand, 'PagoBANCOMAT');
    assert.equal(lookupAid('A00000'), undefined);
    assert.equal(lookupAid('not hex at all'), undefined);
    assert.equal(lookupAid('F000000000'), undefined);
  });
});

describe('codes: currencies, amounts, countries', () => {
  it('978 is EUR with 2 minor units, by numeric or alpha code', () => {
    for (const code of ['978', '0978', 978, 'EUR', 'eur']) {
      const c = lookupCurrency(code)!;
      assert.equal(c.alpha, 'EUR', String(code));
      assert.equal(c.numeric, '978');
      assert.equal(c.minorUnits, 2);
      assert.equal(c.provenance, 'iso4217');
    }
    assert.equal(lookupCurrency('392')?.minorUnits, 0);
    assert.equal(lookupCurrency('048')?.minorUnits, 3);
    assert.equal(lookupCurrency('12345'), undefined);
    assert.equal(lookupCurrency('ZZZ'), undefined);
  });

  it('999 is XXX (no currency), as ISO 4217 has it; the reference table\'s 000 is corrected, and says so', () => {
    const xxx = lookupCurrency('999')!;
    assert.equal(xxx.alpha, 'XXX');
    assert.equal(lookupCurrency('XXX')?.numeric, '999');
    assert.equal(lookupCurrency('000'), undefined, '000 is not an ISO 4217 code');
    assert.match(xxx.note!, /^Corrected: the reference data lists 000; ISO 4217 gives XXX \(no currency\) the numeric code 999\.$/);
    // Where people read it: CT118=999 in a result is XXX, not "not ISO 4217".
    const [e] = decodeText('app://payment?result=0&amount=450&CT118=999&callerTrxId=1&operationType=PAYMENT');
    const ct118 = e.fields.find((f) => f.key === 'CT118')!.interpretation!;
    assert.match(ct118, /XXX/);
    assert.doesNotMatch(ct118, /not .*ISO 4217/i);
  });

  it('000000000450 in EUR is €4.50', () => {
    const a = formatAmount('000000000450')!;
    assert.equal(a.value, 4.5);
    assert.equal(a.decimal, '4.50');
    assert.equal(a.text, '€4.50');
    assert.equal(a.isoText, 'EUR 4.50');
    assert.equal(a.minor, '450');
    assert.equal(a.exponent, 2);
  });

  it('is lenient on padding and follows the currency exponent', () => {
    assert.equal(formatAmount('450')?.decimal, '4.50');
    assert.equal(formatAmount(200)?.text, '€2.00');
    assert.equal(formatAmount(' 1 ')?.decimal, '0.01');
    assert.equal(formatAmount('000000000000')?.decimal, '0.00');
    assert.equal(formatAmount('450', '392')?.decimal, '450');
    assert.equal(formatAmount('12345', 'BHD')?.isoText, 'BHD 12.345');
    assert.equal(formatAmount('000000025200', 978)?.value, 252);
    assert.equal(formatAmount('-150')?.decimal, '-1.50');
    assert.equal(formatAmount('450', '959')?.exponentAssumed, true, 'gold has no minor unit');
  });

  it('property: the text is what Intl writes, in every locale and currency, for amounts of 1 to 18 digits', () => {
    // formatAmount writes most amounts from the shape of the format (currencies.ts, shapeOf) instead of asking Intl.
    const rnd = prng(17);
    const locales = ['en', 'it', 'de', 'fr', 'es', 'pt-BR', 'de-CH', 'en-IN', 'ja', 'ar-EG', 'hi-IN', 'fa', 'qps-ploc', 'xx-unknown'];
    const currencies = ['978', '840', '392', '048', '756', '356', '999', '959'];
    for (const locale of locales) {
      for (const code of currencies) {
        const currency = lookupCurrency(code)!;
        const exponent = currency.minorUnits ?? 0;
        let intl: Intl.NumberFormat | undefined;
        try {
          intl = new Intl.NumberFormat(locale, { style: 'currency', currency: currency.alpha, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
        } catch {
          intl = undefined;
        }
        for (let length = 1; length <= 18; length++) {
          for (let k = 0; k < 4; k++) {
            let digits = String(1 + Math.floor(rnd() * 9));
            for (let i = 1; i < length; i++) digits += String(Math.floor(rnd() * 10));
            if (k === 3) digits = '0'.repeat(length);
            for (const sign of ['', '-']) {
              const a = formatAmount(`${sign}${digits}`, code, { locale })!;
              const expected = intl ? intl.format(a.value) : `${currency.alpha} ${a.decimal}`;
              assert.equal(a.text, expected, `${locale} ${code} ${sign}${digits}`);
              // The digits as the regular expressions read them before (`^([+-]?)(\d+)$`, leading zeros but one dropped).
              const minor = digits.replace(/^0+(?=\d)/, '');
              const signed = sign === '-' && /[1-9]/.test(minor);
              assert.equal(a.minor, signed ? `-${minor}` : minor);
              const padded = minor.padStart(exponent + 1, '0');
              const unsigned = exponent > 0 ? `${padded.slice(0, padded.length - exponent)}.${padded.slice(padded.length - exponent)}` : padded;
              assert.equal(a.decimal, signed ? `-${unsigned}` : unsigned);
            }
          }
        }
      }
    }
  });

  it('writes the formats it knows without Intl exactly as Intl writes them, for every length of amount', () => {
    // currencies.ts writes these out so a process does not set up ICU for its first amount (knownFormats).
    assert.ok(knownFormats.size > 0);
    for (const key of knownFormats.keys()) {
      const [locale, alpha, exponentText] = key.split('\u0000') as [string, string, string];
      const exponent = Number(exponentText);
      const intl = new Intl.NumberFormat(locale, { style: 'currency', currency: alpha, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
      for (let length = 1; length <= 15; length++) {
        for (const digits of ['1'.repeat(length), '9'.repeat(length), `1${'0'.repeat(length - 1)}`, '123456789012345'.slice(0, length)]) {
          const a = formatAmount(digits, alpha, { locale })!;
          assert.equal(a.text, intl.format(a.value), `${locale} ${alpha} ${digits}`);
        }
      }
    }
  });

  it('reads what `^([+-]?)\\d+$` reads after trimming, and nothing else', () => {
    for (const input of ['', ' ', '+', '-', '+-1', '--1', '1-', '1 2', '١٢', '1e3', '0x1', '+0', '-0', ' -007 ', '\t42\n', '00', '+00012']) {
      const m = /^([+-]?)(\d+)$/.exec(input.trim());
      assert.equal(formatAmount(input) !== undefined, m !== null, JSON.stringify(input));
    }
    assert.equal(formatAmount('+00012')?.minor, '12');
    assert.equal(formatAmount('-0')?.decimal, '0.00');
    assert.equal(formatAmount(' -007 ')?.minor, '-7');
  });

  it('refuses non-integers and unknown currencies', () => {
    assert.equal(formatAmount('4.50'), undefined);
    assert.equal(formatAmount('abc'), undefined);
    assert.equal(formatAmount(4.5), undefined);
    assert.equal(formatAmount('450', '001'), undefined);
  });

  it('formats in another locale on request', () => {
    assert.equal(formatAmount('450', '978', { locale: 'it-IT' })?.text.replace(/\s/g, ' '), '4,50 €');
  });

  it('reuses number formats without mixing locales, currencies or exponents; a locale Intl rejects falls back', () => {
    for (let round = 0; round < 2; round++) {
      assert.equal(formatAmount('450', '978', { locale: 'en' })?.text, '€4.50');
      assert.equal(formatAmount('450', '978', { locale: 'it' })?.text.replace(/\s/g, ' '), '4,50 €');
      assert.equal(formatAmount('450', '840', { locale: 'en' })?.text, '$4.50');
      assert.equal(formatAmount('12345', 'BHD', { locale: 'en' })?.text.replace(/\s/g, ' '), 'BHD 12.345');
      assert.equal(formatAmount('450', '978', { locale: 'not a locale!' })?.text, 'EUR 4.50');
    }
  });

  it('380 is Italy, by numeric, EMV BCD, alpha-2 or alpha-3', () => {
    for (const code of ['380', '0380', 380, 'IT', 'ita']) assert.equal(lookupCountry(code)?.name, 'Italy', String(code));
    assert.equal(lookupCountry('999'), undefined);
  });

  it('has no ambiguous numeric codes: the reference data errors for Andorra and Macao are corrected', () => {
    assert.equal(lookupCountry('492')?.name, 'Monaco');
    assert.equal(lookupCountry('016')?.name, 'American Samoa');
    assert.equal(lookupCountry('020')?.name, 'Andorra');
    assert.equal(lookupCountry('MAC')?.numeric, '446');
    assert.match(lookupCountry('AD')!.note!, /^Corrected/);
    assert.equal(lookupCountry('AD')?.provenance, 'inferred');
  });
});

describe('codes: ISO 8583 fields', () => {
  it('looks fields up by number or Nexi key', () => {
    for (const key of [39, '39', 'f39', 'F039', 'DE39', 'de 39']) assert.equal(lookupField(key)?.field, 39, String(key));
    assert.equal(lookupField(0), undefined);
    assert.equal(lookupField(129), undefined);
    assert.equal(lookupField('CT100'), undefined);
  });

  it('gives both versions with lengths derived from the notation', () => {
    const f39 = lookupField('f39')!;
    assert.deepEqual(
      [f39.v1987.name, f39.v1987.format, f39.v1987.maxLength, f39.v1987.unit],
      ['Response code', 'an 2', 2, 'characters'],
    );
    assert.deepEqual([f39.v1993.name, f39.v1993.format, f39.v1993.lengthType], ['Action code', 'n 3', 'fixed']);
    const f55 = lookupField(55)!;
    assert.deepEqual([f55.v1993.lengthType, f55.v1993.maxLength, f55.v1993.unit, f55.v1993.maxBytes], ['LLLVAR', 255, 'bytes', 255]);
    const f52 = lookupField(52)!;
    assert.deepEqual([f52.v1987.unit, f52.v1987.maxLength, f52.v1987.maxBytes], ['bits', 64, 8]);
    assert.equal(lookupField(12)?.v1987.valueFormat, 'hhmmss');
    assert.equal(lookupField(2)?.sameFormat, true);
    assert.equal(lookupField(43)?.v1993.format, 'ans ..99');
  });
});

describe('codes: text and citations', () => {
  it('fills whole templates and leaves unknown placeholders visible', () => {
    assert.equal(fillTemplate('{a} and {b}', { a: 1, b: 'two' }), '1 and two');
    assert.equal(fillTemplate('{a} and {missing}', { a: 1 }), '1 and {missing}');
  });

  it('resolves spec tags and data source ids', () => {
    assert.equal(citation('[ERR]').url, 'https://developer.nexigroup.com/softposmobilepos/en-EU/docs/error-code');
    assert.match(citation('openemv:emv_tags.h').title, /^openemv\/emv-utils src\/emv_tags\.h/);
    assert.equal(citation('sap-pos-1993').url, 'https://help.sap.com/saphelp_pos22/helpdata/en/ad/087ac8f29d45d6a6136e0b8206af0b/content.htm');
    assert.equal(citation('node-emv:tags.js').url, undefined);
  });
});

describe('codes: source tags worded as titles', () => {
  it('tells each tag as it replaces it, in order with repeats, in one pass', () => {
    const tags = Object.keys(specSources) as SpecSourceTag[];
    const text = `a ${tags[0]} b ${tags[1]} c ${tags[0]} [NOT-A-TAG] d ${tags[2]}`;
    const told: string[] = [];
    const titled = titledTags(text, (tag) => told.push(tag));
    assert.deepEqual(told, [tags[0], tags[1], tags[0], tags[2]]);
    assert.equal(titled, titledTags(text));
    assert.equal(titled, `a [${specSources[tags[0]!].title}] b [${specSources[tags[1]!].title}] c [${specSources[tags[0]!].title}] [NOT-A-TAG] d [${specSources[tags[2]!].title}]`);
  });
});
