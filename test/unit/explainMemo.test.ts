// Wordings kept across URIs (issue 17): fields whose inputs repeat in a log (operationType=PAYMENT, actionCode=000,
// the same CT123…) take their words from the first URI that had them, and the CLI renders their text once. Whatever
// sequence of URIs, languages, positions and reference dates, a kept explanation equals one made afresh, and
// `nexi-app2app decode` prints what it printed before the memo (the outputs under test/fixtures/decode/ were made by
// the explainer without it).
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { scanText, type ScannedUri } from '../../src/core/app2app/scan';
import { explainedField, explainScanned, keptLimit, keptWordCount, type UriExplanation } from '../../src/core/explain/explain';
import { withLocale, type Locale } from '../../src/core/l10n';
import { run } from '../../src/cli/main';
import type { Io } from '../../src/cli/io';
import { renderExplanation, styler, type CitedSources } from '../../src/cli/render';
import { lineIndex } from '../../src/core/text';

// Values that repeat in logs and values that reach every other reading: result and host codes, operation and entry
// types, EMV data (good, damaged, with card data), card numbers (masked, full, Luhn-valid in an identifier), RRNs,
// dates, amounts, blanks, `null`, percent escapes and `+`.
const values = [
  '000', '116', '117', '400', '888', '55', '05', 'CLI', 'ICC', 'PAYMENT', 'REVERSAL', 'SOFTPOS', 'MPOS', '0100', '0200',
  '0400', '978', '840', '999', 'A0000000041010', 'A0000000031010', 'A000000999', '30350039', '3035003', 'NEXI%20%20%20',
  'NEXI+SPA', '************5938', '4111111111111111', '5333171234567890', '4111 1111 1111 1111', '5938', '513614271424',
  '9F3602015B95050000008001', '9F360201', '5A0841111111111111119F3602015B', '570F4111111111111111D2512201000000',
  '9F34034103029F2701809F10', 'DF8001|DF8002', 'TRANSAZIONE%20APPROVATA', 'C.SO SEMPIONE 55, 20145', 'a%zzb', '0', '-1',
  '1500', '000000001500', '12x', '', ' ', 'null', '2111261015', '16/05/2025', '14:51', '145151', '0516',
  '2025-05-16T14:51:51+02:00', 'true', 'false', 'yes', 'shop://payment', 'https://x.example/t?id=1', '1700000000000', '071',
];
const requestKeys = ['amount', 'callerTrxId', 'callerName', 'sendTicket', 'autoClose', 'uri', 'terminalId', 'addInfo1', 'addInfoKey1', 'urlTicket', 'foo'];
const resultKeys = [
  'result', 'amount', 'callerTrxId', 'operationType', 'actionCode', 'pan', 'transactionType', 'timestamp', 'resultDescription',
  'acquirerName', 'terminalId', 'authorizationNumber', 'terminalType', 'softPosError', 'cardTypeCVM', 'urlTicket', 'f04', 'f22',
  'f37', 'f38', 'f39', 'f41', 'f42', 'F42', 'f55', 'CT102', 'CT105', 'CT110', 'CT112', 'CT115', 'CT118', 'CT122', 'CT123', 'unknownKey',
];

const pair = (keys: readonly string[]) => fc.record({ key: fc.constantFrom(...keys), value: fc.option(fc.constantFrom(...values), { nil: undefined, freq: 12 }) });

const anyUri = fc
  .record({
    request: fc.boolean(),
    operation: fc.constantFrom('payment', 'reversal', 'last_transaction', 'accounting_closure', 'refund'),
    pairs: fc.array(pair(resultKeys), { minLength: 1, maxLength: 14 }),
    requestPairs: fc.array(pair(requestKeys), { maxLength: 8 }),
  })
  .map(({ request, operation, pairs, requestPairs }) => {
    const list = request ? requestPairs : [{ key: 'callerTrxId', value: 'X1' }, ...pairs];
    return `${request ? 'neximpos' : 'pizzapay'}://${operation}?${list.map((p) => (p.value === undefined ? p.key : `${p.key}=${p.value}`)).join('&')}`;
  });

/** One URI of a sequence: where it stands in its line, the language it is explained in, the reference date. */
const step = fc.record({ uri: anyUri, pad: fc.nat(30), locale: fc.constantFrom<Locale>('en', 'it'), year: fc.constantFrom(2025, 2026, 2036, 2041), field: fc.nat(16) });

/** A sequence where URIs repeat (the memo's hits), in another place, language or year each time. */
const sequence = fc.array(step, { minLength: 1, maxLength: 12 }).chain((steps) =>
  fc.array(fc.tuple(fc.nat(steps.length - 1), step), { maxLength: 12 }).map((again) => [...steps, ...again.map(([i, s]) => ({ ...s, uri: steps[i]!.uri }))]),
);

function scanOne(text: string): ScannedUri | undefined {
  const found = scanText(text);
  return found.length === 1 ? found[0] : undefined;
}

const plain = (e: UriExplanation): unknown => JSON.parse(JSON.stringify(e));

describe('field wordings kept across URIs (issue 17)', () => {
  it('explain every URI of any sequence as a fresh explanation does, in English and Italian', function () {
    // 300 sequences of up to 24 URIs, each explained twice: seconds on a loaded machine.
    this.timeout(120000);
    fc.assert(
      fc.property(sequence, (steps) => {
        for (const s of steps) {
          const scanned = scanOne(`${' '.repeat(s.pad)}${s.uri}`);
          if (!scanned) continue;
          const now = new Date(Date.UTC(s.year, 4, 20));
          const kept = withLocale(s.locale, () => explainScanned(scanned, { now }));
          const fresh = withLocale(s.locale, () => explainScanned(scanned, { now, memo: false }));
          // One field alone first (a hover), then the whole: both equal to the fresh explanation's, property by
          // property (an absent property and one set to undefined differ).
          assert.deepStrictEqual(explainedField(kept, s.field), fresh.fields[s.field]);
          assert.deepStrictEqual(kept.fields, fresh.fields);
          assert.deepStrictEqual(plain(kept), plain(fresh));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('mask a card number in one URI and leave it in another where it is also the URI’s own identifier', () => {
    // The same field and value; only the second URI names the number as its callerTrxId (an identifier to keep).
    const masked = 'pizzapay://payment?callerTrxId=X1&acquirerName=4111111111111111&resultDescription=4111111111111111';
    const kept = 'pizzapay://payment?callerTrxId=4111111111111111&acquirerName=4111111111111111&resultDescription=4111111111111111';
    for (const order of [[masked, kept], [kept, masked], [masked, kept, masked]]) {
      for (const text of order) {
        const scanned = scanOne(text)!;
        const e = explainScanned(scanned);
        assert.deepStrictEqual(plain(e), plain(explainScanned(scanned, { memo: false })), text);
        assert.strictEqual(e.fields[1]!.value?.includes('4111111111111111'), text === kept, text);
      }
    }
  });

  it('keep at most keptLimit wordings: a log of ever-new values starts afresh, and explains the same after', function () {
    this.timeout(120_000);
    // Each URI's terminalId and acquirerName are new: two wordings kept per URI, past the limit several times over.
    const uris = Math.ceil((keptLimit * 2.5) / 2);
    let most = 0;
    let dropped = false;
    for (let i = 0; i < uris; i++) {
      const before = keptWordCount();
      const scanned = scanOne(`pizzapay://payment?result=0&callerTrxId=X${i}&terminalId=T${i}&acquirerName=BANK${i}&operationType=PAYMENT`)!;
      const e = explainScanned(scanned);
      // Read the fields: what keeps their words.
      if (i % 1000 === 999) assert.deepStrictEqual(plain(e), plain(explainScanned(scanned, { memo: false })), `URI ${i}`);
      else void e.fields;
      if (keptWordCount() < before) dropped = true;
      most = Math.max(most, keptWordCount());
    }
    assert.ok(most <= keptLimit, `${most} wordings kept, the limit is ${keptLimit}`);
    assert.ok(dropped, 'the kept wordings were never let go');
    // Wordings that repeat are kept again after a reset, and still read right.
    const again = scanOne('pizzapay://payment?result=0&callerTrxId=Y&terminalId=T1&acquirerName=BANK1&operationType=PAYMENT')!;
    for (let k = 0; k < 2; k++) assert.deepStrictEqual(plain(explainScanned(again)), plain(explainScanned(again, { memo: false })));
  });

  it('render the same CLI text and cite the same sources in the same order as fresh explanations', function () {
    this.timeout(120000);
    fc.assert(
      fc.property(sequence, fc.boolean(), (steps, color) => {
        const s = styler(color);
        const citedKept: CitedSources = new Map();
        const citedFresh: CitedSources = new Map();
        let keptText = '';
        let freshText = '';
        for (const st of steps) {
          const line = `${' '.repeat(st.pad)}${st.uri}`;
          const scanned = scanOne(line);
          if (!scanned) continue;
          const where = lineIndex(line);
          const now = new Date(Date.UTC(st.year, 4, 20));
          withLocale(st.locale, () => {
            keptText += renderExplanation(explainScanned(scanned, { now }), where, s, citedKept);
            freshText += renderExplanation(explainScanned(scanned, { now, memo: false }), where, s, citedFresh);
          });
        }
        assert.strictEqual(keptText, freshText);
        assert.deepStrictEqual([...citedKept], [...citedFresh]);
      }),
      { numRuns: 200 },
    );
  });

  describe('nexi-app2app decode prints what it printed before (samples/logcat.log)', () => {
    const log = fs.readFileSync(path.join(__dirname, '..', '..', 'samples', 'logcat.log'), 'utf8');
    const fixtures = path.join(__dirname, '..', 'fixtures', 'decode');
    // The sample's RRN (f37 = 5…) reads as 2025 from 2025 to 2034 (the year digit is read for the decade of now).
    const cases: ReadonlyArray<readonly [string, readonly string[], boolean]> = [
      ['logcat.en.txt', ['--lang', 'en'], false],
      ['logcat.it.txt', ['--lang', 'it'], false],
      ['logcat.en.color.txt', ['--lang', 'en'], true],
      ['logcat.en.json', ['--lang', 'en', '--json'], false],
      ['logcat.it.json', ['--lang', 'it', '--json'], false],
    ];
    for (const [file, args, color] of cases) {
      it(`${args.join(' ')}${color ? ' (colour)' : ''}, twice (the second time from kept wordings)`, async () => {
        const expected = fs.readFileSync(path.join(fixtures, file), 'utf8');
        for (let i = 0; i < 2; i++) {
          let out = '';
          const io: Io = { stdout: (t) => (out += t), stderr: (t) => (out += t), readStdin: async () => log, color };
          assert.strictEqual(await run(['decode', ...args], io, {}), 0);
          assert.strictEqual(out, expected);
        }
      });
    }
  });
});
