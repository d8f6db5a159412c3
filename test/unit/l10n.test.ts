import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { availableLocales, configureL10n, getLocale, localeFromEnv, overlay, parseLocale, pseudoLocale, setLocale, t, translated, withLocale } from '../../src/core/l10n';

describe('l10n: one mechanism over the JSON bundles', () => {
  const repoRoot = path.join(__dirname, '..', '..', 'l10n');
  let dir: string;

  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-l10n-'));
    fs.writeFileSync(path.join(dir, 'bundle.l10n.json'), '{}');
    fs.writeFileSync(path.join(dir, 'bundle.l10n.xx.json'), JSON.stringify({ 'Hello {name}.': 'Ciao {name}.', 'Bank/of a river': 'Riva' }));
    fs.mkdirSync(path.join(dir, 'data'));
    fs.writeFileSync(path.join(dir, 'data', 'colours.xx.json'), JSON.stringify({ R: { name: 'Rosso' } }));
    configureL10n({ root: dir });
  });
  after(() => {
    configureL10n({ root: repoRoot });
    setLocale('en');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('adding a language is adding its bundle file', () => {
    assert.deepStrictEqual(availableLocales(), ['en', 'xx']);
    assert.strictEqual(parseLocale('xx-YY'), 'xx');
    assert.strictEqual(parseLocale('it'), undefined, 'no Italian bundle in this root');
    assert.strictEqual(localeFromEnv({ LANG: 'xx_YY.UTF-8' }), 'xx');
  });

  it('translates messages and fills named placeholders; English when the bundle lacks one', () => {
    withLocale('xx', () => {
      assert.strictEqual(t('Hello {name}.', { name: 'Ada' }), 'Ciao Ada.');
      assert.strictEqual(t('Not translated {n}', { n: 3 }), 'Not translated 3');
      assert.strictEqual(t('Bank', undefined, 'of a river'), 'Riva');
    });
    assert.strictEqual(getLocale(), 'en');
    assert.strictEqual(t('Hello {name}.', { name: 'Ada' }), 'Hello Ada.');
  });

  it('translates a table of templates per locale, keeping placeholders for the caller', () => {
    const table = translated('test.greetings', { hello: 'Hello {name}.', nested: { other: 'Untranslated' } });
    assert.strictEqual(table().hello, 'Hello {name}.');
    withLocale('xx', () => {
      assert.strictEqual(table().hello, 'Ciao {name}.');
      assert.strictEqual(table().nested.other, 'Untranslated');
      assert.strictEqual(table(), table(), 'built once per locale');
    });
  });

  it('lays a data overlay over the English entry, by code', () => {
    const red = { name: 'Red', hex: 'f00' };
    withLocale('xx', () => {
      assert.deepStrictEqual(overlay('colours', 'R', red), { name: 'Rosso', hex: 'f00' });
      assert.strictEqual(overlay('colours', 'G', { name: 'Green' }).name, 'Green');
    });
    assert.strictEqual(overlay('colours', 'R', red), red);
  });

  it('the pseudo-locale marks every message and overlay field', () => {
    withLocale(pseudoLocale, () => {
      assert.strictEqual(t('Hello {name}.', { name: 'Ada' }), '⟦Hello Ada.⟧');
      assert.strictEqual(overlay('colours', 'R', { name: 'Red' }).name, '⟦Red⟧');
      assert.strictEqual(t('Enter an https:// URL, e.g. https://host/path.'), '⟦Enter an https:// URL, e.g. https://host/path.⟧', 'a "/" in the message is no context');
      assert.strictEqual(t('Bank', undefined, 'of a river'), '⟦Bank⟧', 'the context is not shown');
    });
  });

  it('reads the shipped Italian bundle', () => {
    configureL10n({ root: repoRoot });
    assert.ok(availableLocales().includes('it'));
    assert.strictEqual(withLocale('it', () => t('line {0} of {1}', { 0: 3, 1: 'a.log' })), 'riga 3 di a.log');
    configureL10n({ root: dir });
  });
});
