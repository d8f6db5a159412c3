// The hot paths of explaining a log keep what they read (issue 17): compiled templates, currencies and formatted
// amounts, result descriptions, card kernels, catalog matches, date readings. Such caches must never show: a URI
// reads the same whatever was read before it and in whichever locale, and a template fills as the plain regular
// expression reading fills it.
import * as assert from 'assert';
import fc from 'fast-check';
import { scanText, type ScannedUri } from '../../src/core/app2app/scan';
import { validateUri } from '../../src/core/app2app/validate';
import { lookupCurrency } from '../../src/core/codes/currencies';
import { explainScanned } from '../../src/core/explain/explain';
import { fillTemplate, withLocale } from '../../src/core/l10n';
import { readTransaction } from '../../src/core/transaction/model';
import { prng } from '../../src/core/text';

/** The reading `fillTemplate` replaced: `{name}` placeholders by a regular expression, unknown ones kept. */
function fillByRegex(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole));
}

// Values that reach every cached reading: amounts (equal in amount and f04, padded, signed, bad), result and host
// codes, currencies (known, unknown, alphabetic), AIDs and entry modes (the kernel reading), dates in every format,
// and values with a NUL (`%00`) or a separator-like character, which a cache key built by joining strings confuses.
const values = [
  '0', '-1', '-41', '-21', '9', '21', '-999', '1500', '+150', '000000001500', '000000000150', '12x', '', ' ', 'null',
  '2111261015', '3213202317', '16/05/2025', '31/02/2025', '16/05/0024', '14:51', '25:61', '0516', '145151',
  '2025-05-16T14:51:51+02:00', '2025-05-16T14:51:51 02:00', '2025-05-16T14:51:51Z', '2025-13-16T14:51:51',
  '000', '116', '117', '400', '888', '55', 'CLI', 'ICC', 'PAYMENT', 'REVERSAL', 'SOFTPOS', 'MPOS', '0100', '0200', '0400',
  '978', '840', '999', 'USD', '392', 'A0000000041010', 'A0000000031010', 'A000000999', 'A0000000041010%00', '%00',
  'Contactless', 'Chip%00', 'Contactless%00', '************5938', '4111111111111111', '5938',
  '9F3602015B95050000008001', '9F34034103029F2701809F10', '5A0841111111111111119F3602015B', 'true', 'shop://payment',
];
const keys = [
  'result', 'amount', 'callerTrxId', 'operationType', 'actionCode', 'pan', 'transactionType', 'timestamp', 'terminalType',
  'terminalId', 'sendTicket', 'autoClose', 'uri', 'addInfo1', 'addInfoKey1', 'f04', 'f30', 'f39', 'f55', 'CT100', 'CT102',
  'CT105', 'CT106', 'CT107', 'CT110', 'CT112', 'CT115', 'CT118', 'CT123', 'hostTotal', 'terminalTotal', 'unknownKey',
];

const anyUri = fc
  .record({
    scheme: fc.constantFrom('neximpos', 'pizzapay', 'demonexi'),
    operation: fc.constantFrom('payment', 'reversal', 'last_transaction', 'accounting_closure', 'refund'),
    pairs: fc.array(fc.record({ key: fc.constantFrom(...keys), value: fc.constantFrom(...values) }), { minLength: 1, maxLength: 14 }),
  })
  .map(({ scheme, operation, pairs }) => `${scheme}://${operation}?result=0&${pairs.map((p) => `${p.key}=${p.value}`).join('&')}`);

const now = new Date(Date.UTC(2025, 4, 20));

// The model holds a Map keyed by parameters: compared by key name.
const replacer = (_key: string, v: unknown): unknown => (v instanceof Map ? [...v].map(([k, x]) => [(k as { name: string }).name, x]) : v);

/** Everything the model, the validator and the explainer make of one URI, as JSON. */
function readAll(scanned: ScannedUri): string {
  return JSON.stringify({ model: readTransaction(scanned), validator: validateUri(scanned), explanation: explainScanned(scanned, { now }) }, replacer);
}

/** Reads `count` URIs of other amounts, dates, results and kernels, in both locales by turns. */
function flood(count: number): void {
  for (let n = 0; n < count; n++) {
    const other = `pizzapay://payment?result=${n % 50}&amount=${n}&f04=${n}&CT118=${n % 2 ? '840' : '978'}&timestamp=${String(1000000000 + n)}&CT110=2024-01-01T00:00:${String(n % 60).padStart(2, '0')}Z&CT106=01/01/${2000 + (n % 100)}&CT102=A00000000${n}&CT115=x${n}`;
    withLocale(n % 2 ? 'it' : 'en', () => readAll(scanText(other)[0]!));
  }
}

describe('cached readings of the hot paths (issue 17)', () => {
  it('fill a template as the regular expression reading does', () => {
    const template = fc
      .array(fc.constantFrom('{', '}', 'a', 'b', '_', '1', ' ', 'é', '{a}', '{b}', '{a1}', '{toString}', '{__proto__}', '$&', '{a', '{{b}}'), { maxLength: 20 })
      .map((parts) => parts.join(''));
    const args = fc.dictionary(fc.constantFrom('a', 'b', '_', 'a1', 'toString'), fc.oneof(fc.string(), fc.integer()));
    fc.assert(
      fc.property(template, args, (t, v) => {
        assert.strictEqual(fillTemplate(t, v), fillByRegex(t, v));
        // Filled again (the template is now compiled): the same.
        assert.strictEqual(fillTemplate(t, v), fillByRegex(t, v));
      }),
      { numRuns: 3000 },
    );
  });

  it('read a URI the same whatever was read before it, in English and Italian', () => {
    fc.assert(
      fc.property(fc.array(anyUri, { minLength: 2, maxLength: 12 }), fc.integer(), (texts, seed) => {
        const found = texts.filter((t) => scanText(t).length === 1);
        fc.pre(found.length >= 2);
        const scanned = found.map((t) => scanText(t)[0]!);
        // In order, each URI in both locales (English first for every other one).
        const first = scanned.map((s, i) => {
          const [a, b] = i % 2 ? (['it', 'en'] as const) : (['en', 'it'] as const);
          const one = withLocale(a, () => readAll(s));
          const other = withLocale(b, () => readAll(s));
          return a === 'en' ? { en: one, it: other } : { en: other, it: one };
        });
        // Other values in both locales, so that the short caches (the last few amounts and dates) forget these URIs'.
        flood(40);
        // Then in a shuffled order, the locales interleaved at random, each URI scanned again (fresh parameters).
        const rnd = prng(seed);
        const steps = scanned.flatMap((_, i) => [
          { i, locale: 'en' as const },
          { i, locale: 'it' as const },
        ]);
        for (let k = steps.length - 1; k > 0; k--) {
          const j = Math.floor(rnd() * (k + 1));
          [steps[k], steps[j]] = [steps[j]!, steps[k]!];
        }
        for (const { i, locale } of steps) {
          const again = scanText(found[i]!)[0]!;
          assert.strictEqual(withLocale(locale, () => readAll(again)), first[i]![locale], `${locale}: ${found[i]}`);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('looks a currency up by number and by text alike, whatever was asked before', () => {
    // A text that a key made of the number would equal (`#978`), asked first, must not answer for the number.
    assert.strictEqual(lookupCurrency('#978'), undefined);
    assert.strictEqual(lookupCurrency(978)?.alpha, 'EUR');
    assert.strictEqual(lookupCurrency('978')?.alpha, 'EUR');
    assert.strictEqual(withLocale('it', () => lookupCurrency(978)?.name), withLocale('it', () => lookupCurrency(' 0978 ')?.name));
  });

  it('reads an amount, a date and a result alike once their caches were filled by other values', () => {
    const text = 'pizzapay://payment?result=0&amount=150&f04=000000000150&CT118=978&timestamp=2111261015&CT110=2025-05-16T14:51:51 02:00&CT102=A0000000041010&transactionType=CLI';
    const expected = { en: withLocale('en', () => readAll(scanText(text)[0]!)), it: withLocale('it', () => readAll(scanText(text)[0]!)) };
    // Many other amounts, dates, results and kernels in both locales: every bounded cache is emptied or overwritten.
    flood(1200);
    assert.strictEqual(withLocale('it', () => readAll(scanText(text)[0]!)), expected.it);
    assert.strictEqual(withLocale('en', () => readAll(scanText(text)[0]!)), expected.en);
  });
});
