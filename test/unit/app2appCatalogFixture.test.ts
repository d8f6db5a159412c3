// Issue #19 item 2: adding a parameter touches one TS file (the catalog) and the translation files. A fixture
// catalog with one more payment parameter (`receiptLanguage`, an enum with a default, echoed in results) is run
// through every feature: the builder's types and URI, the build input of the CLI and the tools, the validator
// (enum check), completion, hover/explain and the simulator's result. Nothing outside the catalog names it.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { buildRequestUri, type RequestInputOf } from '../../src/core/app2app/build';
import { requestInputFromEntries } from '../../src/core/app2app/buildInput';
import { findOperation, findParameter, withCatalog } from '../../src/core/app2app/catalog';
import { completeAt } from '../../src/core/app2app/complete';
import { validateUri } from '../../src/core/app2app/validate';
import { decodeText } from '../../src/core/explain/explain';
import { fieldMarkdown } from '../../src/core/explain/markdown';
import { simulate } from '../../src/core/simulator/simulate';
import { withLocale } from '../../src/core/l10n';
import { fixtureOperations, fixturePayment, receiptLanguage } from './app2appFixtures';

const inFixture = <T>(fn: () => T): T => withCatalog(fixtureOperations, fn);
const pay = 'neximpos://payment?amount=150&callerName=Shop&callerTrxId=T1&uri=myapp%3A%2F%2Fpayment';

describe('a parameter added to the catalog alone reaches every feature (fixture catalog)', () => {
  it('the real catalog does not know it, and withCatalog restores the real one (also after a throw)', () => {
    assert.equal(findParameter(findOperation('payment')!, 'request', 'receiptLanguage'), undefined);
    assert.equal(inFixture(() => findParameter(findOperation('payment')!, 'request', 'receiptLanguage')?.spec), receiptLanguage);
    assert.throws(() => inFixture(() => { throw new Error('boom'); }), /boom/);
    assert.equal(findParameter(findOperation('payment')!, 'request', 'receiptLanguage'), undefined);
    assert.deepEqual(validateUri(`${pay}&receiptLanguage=EN`).map((d) => d.code), ['A2A009']);
  });

  it('builder: the input type has the field (typed by the catalog), and the URI carries it in catalog order', () => {
    const input: RequestInputOf<typeof fixturePayment> = { operation: 'payment', amount: 150, callerName: 'Shop', callerTrxId: 'T1', uri: 'myapp://payment', receiptLanguage: 'EN', tipEnabled: true };
    // @ts-expect-error an enum parameter is a string, not a boolean
    const wrong: RequestInputOf<typeof fixturePayment> = { ...input, receiptLanguage: true };
    void wrong;
    const built = inFixture(() => buildRequestUri<typeof fixturePayment>(input));
    assert.equal(built.uri, 'neximpos://payment?amount=150&callerName=Shop&callerTrxId=T1&uri=myapp%3A%2F%2Fpayment&tipEnabled=true&receiptLanguage=EN');
    assert.deepEqual(built.diagnostics.map((d) => d.code), ['A2A032', 'A2A032']);
  });

  it('build input (CLI, tools): the key is accepted, unknown keys still suggest it', () => {
    const input = inFixture(() => requestInputFromEntries('payment', [['amount', '150'], ['receiptLanguage', 'DE']]));
    assert.deepEqual(input, { operation: 'payment', amount: '150', receiptLanguage: 'DE' });
    assert.throws(() => inFixture(() => requestInputFromEntries('payment', [['receiptLanguag', 'DE']])), /did you mean 'receiptLanguage'\?/);
  });

  it('validator: a listed value passes; another is A2A038 with the list, and a case slip gets the exact spelling as a fix', () => {
    assert.deepEqual(inFixture(() => validateUri(`${pay}&receiptLanguage=DE`)).map((d) => d.code), ['A2A032']);
    const [, other] = inFixture(() => validateUri(`${pay}&receiptLanguage=FR`));
    assert.equal(other.code, 'A2A038');
    assert.equal(other.message, '`receiptLanguage` takes one of `IT`, `EN`, `DE`, not `FR`; what Nexi POS does with another value is not documented. Write one of the listed values exactly.');
    assert.equal(other.fixes, undefined);
    const [, slip] = inFixture(() => validateUri(`${pay}&receiptLanguage=en`));
    assert.equal(slip.message, '`receiptLanguage` takes one of `IT`, `EN`, `DE`, not `en` (values are case-sensitive): write `EN`.');
    assert.deepEqual(slip.fixes?.map((f) => [f.title, f.edits.map((e) => e.newText)]), [['Replace with `EN`', ['EN']]]);
    const [, italian] = withLocale('it', () => inFixture(() => validateUri(`${pay}&receiptLanguage=en`)));
    assert.equal(italian.message, '`receiptLanguage` accetta uno tra `IT`, `EN`, `DE`, non `en` (i valori distinguono maiuscole e minuscole): scrivere `EN`.');
  });

  it('completion: the name with its description, then its values', () => {
    const names = inFixture(() => completeAt(`${pay}&`, pay.length + 1));
    const entry = names.find((c) => c.label === 'receiptLanguage');
    assert.ok(entry, names.map((c) => c.label).join(' '));
    assert.match(entry.detail ?? '', /Language of the printed receipt/);
    const text = `${pay}&receiptLanguage=`;
    assert.deepEqual(inFixture(() => completeAt(text, text.length)).map((c) => c.label), ['IT', 'EN', 'DE']);
  });

  it('hover and explain: the field is a known parameter with its description, provenance and source', () => {
    const [e] = inFixture(() => decodeText(`${pay}&receiptLanguage=EN`));
    const field = e.fields.find((f) => f.key === 'receiptLanguage');
    assert.ok(field);
    assert.equal(field.meaning, 'Language of the printed receipt (fixture parameter).');
    assert.equal(field.provenance, 'nexi-sample');
    assert.deepEqual(field.sources, ['[fixture]']);
    assert.match(inFixture(() => fieldMarkdown(e, field)), /Language of the printed receipt/);
  });

  it('simulator: the layouts that echo it repeat the request value, or the default when the request leaves it out', () => {
    const options = { seed: 7, now: new Date(Date.UTC(2025, 4, 16, 14, 51)), utcOffsetMinutes: 120 } as const;
    const mpos = inFixture(() => simulate(`${pay}&receiptLanguage=EN`, { ...options, product: 'mobilepos', outcome: { kind: 'approved' } }));
    assert.match(mpos.uri, /&urlTicket=[^&]+&receiptLanguage=EN$/);
    const soft = inFixture(() => simulate(pay, { ...options, product: 'softpos', outcome: { kind: 'declined' } }));
    assert.match(soft.uri, /&terminalId=38032131&autoClose=false&receiptLanguage=IT$/);
    assert.doesNotMatch(simulate(`${pay}&receiptLanguage=EN`, { ...options, product: 'mobilepos' }).uri, /receiptLanguage/);
  });

  it('no source file outside the catalog names a request parameter (the fixture needs no other edit)', () => {
    // The names the old code listed by hand (the build input's boolean set, the explainer's switch, the simulator's
    // echo): they are now read from the catalog.
    const root = path.resolve(__dirname, '..', '..', 'src', 'core');
    const buildInput = fs.readFileSync(path.join(root, 'app2app', 'buildInput.ts'), 'utf8');
    assert.doesNotMatch(buildInput, /'sendTicket'|'hideRetry'|'tipEnabled'/);
    const simulator = fs.readFileSync(path.join(root, 'simulator', 'simulate.ts'), 'utf8');
    assert.doesNotMatch(simulator, /\['autoClose'|'f30'|'CT1\d\d'/);
    const explain = fs.readFileSync(path.join(root, 'explain', 'explain.ts'), 'utf8');
    assert.doesNotMatch(explain, /case 'softPosError'|case 'acquirerName'/);
  });
});
