// Explanations made from the scanner's parse, their parts made when first read (issue 17). Whatever order the parts
// are read in (diagnostics first, as the editor's diagnostics pass does; one field first, as a hover does; every
// field first, as the CLI does), the explanation is the same; and a URI found in a larger text (moved, not parsed
// again) explains the same as the URI scanned where it stands.
import * as assert from 'assert';
import fc from 'fast-check';
import { scanInChunks, shiftScanned } from '../../src/core/app2app/scanChunks';
import { scanText, type ScannedUri } from '../../src/core/app2app/scan';
import { explainedField, explainScanned, type UriExplanation } from '../../src/core/explain/explain';
import { withLocale } from '../../src/core/l10n';

// Values that reach every reading that can report a finding: amounts (bad, signed, padded), dates and times (real
// and not), result codes (documented and not), EMV data (good, damaged, with card data), card numbers (masked, full),
// `null`, blanks, percent escapes, raw spaces and `+`.
const values = [
  '0', '-1', '-41', '9', '-999', '1500', '+150', '-150', '000000001500', '12x', '', ' ', 'null', 'NULL',
  '2111261015', '3213202317', '1712202517', '16/05/2025', '31/02/2025', '14:51', '25:61', '145151', '0516', '1399',
  '2025-05-16T14:51:51+02:00', '2025-05-16T14:51:51 02:00', '2025-13-16T14:51:51',
  '000', '116', '117', '400', '888', '55', 'CLI', 'ICC', 'PAYMENT', 'REVERSAL', 'SOFTPOS', 'MPOS', '0100', '0200', '0400',
  '978', '840', '999', 'A0000000041010', 'A0000000031010', 'A000000999', '38032131', '3035003', 'NEXI%20%20%20',
  '************5938', '4111111111111111', '5333171234567890', '4111 1111 1111 1111', '5938',
  '9F3602015B95050000008001', '9F360201', '5A0841111111111111119F3602015B', '570F4111111111111111D2512201000000',
  '9F34034103029F2701809F10', 'DF8001|DF8002', 'TRANSAZIONE%20APPROVATA', 'C.SO SEMPIONE 55, 20145', 'a%zzb',
  'true', 'false', 'yes', 'shop://payment', 'https://x.example/t?id=1', '929616000304', '1700000000000',
];
const requestKeys = ['amount', 'callerTrxId', 'callerName', 'sendTicket', 'autoClose', 'uri', 'timestamp', 'terminalId', 'addInfo1', 'addInfoKey1', 'email', 'phone', 'urlTicket', 'result', 'foo'];
const resultKeys = [
  'result', 'amount', 'callerTrxId', 'operationType', 'actionCode', 'pan', 'transactionType', 'timestamp', 'resultDescription',
  'acquirerName', 'terminalId', 'authorizationNumber', 'terminalType', 'softPosError', 'cardTypeCVM', 'urlTicket', 'merchantId',
  'hostTotal', 'terminalTotal', 'f04', 'f30', 'f37', 'f38', 'f39', 'f41', 'f42', 'F42', 'f55', 'CT100', 'CT102', 'CT104',
  'CT105', 'CT106', 'CT107', 'CT108', 'CT110', 'CT112', 'CT115', 'CT118', 'CT121', 'CT123', 'unknownKey', 'callerName ',
];
const separators = ['&', '&', '&', '&', '&amp;'];

const pair = (keys: readonly string[]) =>
  fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.constantFrom(...values), { nil: undefined, freq: 12 }), separator: fc.constantFrom(...separators) });

/** A request or result URI over the keys and values above. */
const anyUri = fc
  .record({
    request: fc.boolean(),
    scheme: fc.constantFrom('pizzapay', 'demonexi', 'easypay'),
    operation: fc.constantFrom('payment', 'reversal', 'last_transaction', 'accounting_closure', 'refund'),
    requestPairs: fc.array(pair(requestKeys), { maxLength: 10 }),
    resultPairs: fc.array(pair(resultKeys), { minLength: 1, maxLength: 16 }),
  })
  .map(({ request, scheme, operation, requestPairs, resultPairs }) => {
    const pairs = request ? requestPairs : [{ key: 'callerTrxId', value: 'X1', separator: '&' }, ...resultPairs];
    const query = pairs.map((p, i) => `${i === 0 ? '' : p.separator}${p.key}${p.value === undefined ? '' : `=${p.value}`}`).join('');
    return `${request ? 'neximpos' : scheme}://${operation}?${query}`;
  });

/** The one URI a line holds, as the scanner finds it; undefined when it is no App2App URI. */
function scanOne(text: string): ScannedUri | undefined {
  const found = scanText(text);
  return found.length === 1 ? found[0] : undefined;
}

const now = new Date(Date.UTC(2025, 4, 20));
const plain = (e: UriExplanation): unknown => JSON.parse(JSON.stringify(e));

/** Every part read in `order` before the whole explanation is compared. */
function readIn(e: UriExplanation, order: 'fields' | 'diagnostics' | 'summary' | 'field', index = 0): UriExplanation {
  if (order === 'fields') void e.fields.length;
  else if (order === 'diagnostics') void e.diagnostics.length;
  else if (order === 'summary') void e.summary.length;
  else void explainedField(e, index);
  return e;
}

describe('explanations made from the scan, parts made when read (issue 17)', () => {
  it('are the same whichever part is read first, in English and Italian', () => {
    fc.assert(
      fc.property(anyUri, fc.constantFrom('en' as const, 'it' as const), fc.nat(20), (text, locale, index) => {
        const scanned = scanOne(text);
        fc.pre(scanned !== undefined);
        const make = () => explainScanned(scanned!, { now });
        // Every field worded before anything else: what the explainer did before parts were made when read.
        const reference = plain(withLocale(locale, () => readIn(make(), 'fields')));
        for (const order of ['diagnostics', 'summary', 'field'] as const) {
          const e = withLocale(locale, () => readIn(make(), order, index));
          // Read outside the locale it was made in: still worded in that locale.
          assert.deepStrictEqual(plain(e), reference, order);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('makes one field alone equal to that field of the whole explanation', () => {
    fc.assert(
      fc.property(anyUri, fc.nat(20), (text, index) => {
        const scanned = scanOne(text);
        fc.pre(scanned !== undefined);
        const alone = explainedField(explainScanned(scanned!, { now }), index);
        assert.deepStrictEqual(alone, explainScanned(scanned!, { now }).fields[index]);
      }),
      { numRuns: 200 },
    );
  });

  it('explains a URI moved from a slice as the URI scanned where it stands', async () => {
    await fc.assert(
      fc.asyncProperty(anyUri, fc.nat(40), fc.boolean(), async (text, lines, quoted) => {
        const line = quoted ? `Log.d("Pay", "${text.replace(/"/g, '')}");` : `11-21 10:15:00.000 D PizzaPay: ${text}`;
        fc.pre(scanOne(line) !== undefined);
        const before = 'I ActivityManager: Start proc 4821:com.example.pizzapay/u0a213 https://example.com/x?a=1\n'.repeat(lines);
        const whole = `${before}${line}\n`;
        const inPlace = scanText(whole);
        const moved = shiftScanned(scanOne(line)!, before.length);
        const chunked = (await scanInChunks(whole, { chunkSize: 64 })) ?? [];
        assert.strictEqual(inPlace.length, 1);
        assert.strictEqual(chunked.length, 1);
        const expected = plain(explainScanned(inPlace[0]!, { now }));
        assert.deepStrictEqual(JSON.parse(JSON.stringify(moved)), JSON.parse(JSON.stringify(inPlace[0])));
        assert.deepStrictEqual(plain(explainScanned(moved, { now })), expected);
        assert.deepStrictEqual(plain(explainScanned(chunked[0]!, { now })), expected);
      }),
      { numRuns: 150 },
    );
  });

  it('finds what reading every field finds, for the published kinds of findings', () => {
    // One URI per finding the field readings report: A2R002 (undocumented result), A2R003 (amount not a number),
    // A2R004 (no real date), A2R013 (negative amount), TLV problems, A2R012 (card data in EMV, masked everywhere).
    const text = 'demo://payment?result=77&amount=-5&f04=12x&timestamp=3213202317&callerTrxId=1&f55=5A0841111111111111119F36&CT110=2025-13-01T00:00:00';
    const e = explainScanned(scanOne(text)!, { now });
    const codes = e.diagnostics.map((d) => d.code);
    for (const code of ['A2R002', 'A2R003', 'A2R004', 'A2R013', 'A2R012']) assert.ok(codes.includes(code), `${code} in ${codes.join(', ')}`);
    assert.ok(codes.some((c) => c.startsWith('TLV')), codes.join(', '));
    assert.ok(!JSON.stringify(e).includes('4111111111111111'), 'the card number in f55 is masked everywhere');
    assert.deepStrictEqual(plain(e), plain(readIn(explainScanned(scanOne(text)!, { now }), 'fields')));
  });
});
