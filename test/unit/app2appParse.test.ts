import { strict as assert } from 'assert';
import { decodePercent, parseUri, rangeAt, splitParam, trimBlanks } from '../../src/core/app2app/parse';

describe('app2app parse', () => {
  it('splits scheme, authority, path and query with exact ranges', () => {
    const text = 'neximpos://payment/x?amount=1&callerName=A';
    const u = parseUri(text);
    assert.equal(u.scheme, 'neximpos');
    assert.deepEqual(u.schemeRange, { start: 0, end: 8 });
    assert.equal(u.authority, 'payment');
    assert.deepEqual(u.authorityRange, { start: 11, end: 18 });
    assert.equal(u.path, '/x');
    assert.deepEqual(u.queryRange, { start: 21, end: text.length });
    assert.deepEqual(
      u.params.map((p) => [p.key, p.rawValue, p.separator]),
      [
        ['amount', '1', 'query'],
        ['callerName', 'A', 'ampersand'],
      ],
    );
    const [amount, caller] = u.params;
    assert.deepEqual(amount.range, { start: 21, end: 29 });
    assert.deepEqual(amount.keyRange, { start: 21, end: 27 });
    assert.deepEqual(amount.valueRange, { start: 28, end: 29 });
    assert.deepEqual(amount.separatorRange, { start: 20, end: 21 });
    assert.deepEqual(caller.separatorRange, { start: 29, end: 30 });
  });

  it('`+` is not a space; valid escapes decode as UTF-8; malformed `%` is kept and reported', () => {
    assert.deepEqual(decodePercent('a+b'), { value: 'a+b', malformed: [] });
    assert.deepEqual(decodePercent('name.surname%40domain.it'), { value: 'name.surname@domain.it', malformed: [] });
    assert.deepEqual(decodePercent('%E2%82%AC%20%F0%9F%98%80'), { value: '€ 😀', malformed: [] });
    assert.deepEqual(decodePercent('100%'), { value: '100%', malformed: [3] });
    assert.deepEqual(decodePercent('%2F% a%zz%4'), { value: '/% a%zz%4', malformed: [3, 6, 9] });
    // Invalid UTF-8 (lone continuation byte, overlong, encoded surrogate) stays as written.
    assert.deepEqual(decodePercent('%80x%C0%AFy%ED%A0%80'), { value: '%80x%C0%AFy%ED%A0%80', malformed: [] });
    assert.deepEqual(decodePercent('%C3%A9%C3'), { value: 'é%C3', malformed: [] });
    assert.deepEqual(decodePercent('%c3%a9'), { value: 'é', malformed: [] });
  });

  it('keeps raw spaces, commas and parentheses; exposes blank-trimmed values', () => {
    const u = parseUri('x://reversal?CT121=C.SO SEMPIONE 55, 20145, MILANO (MI)&acquirerName=NEXI%20%20%20&m= 1 ');
    assert.equal(u.params[0].value, 'C.SO SEMPIONE 55, 20145, MILANO (MI)');
    assert.equal(u.params[1].value, 'NEXI   ');
    assert.equal(u.params[1].trimmed, 'NEXI');
    assert.equal(u.params[2].rawValue, ' 1 ');
    assert.equal(u.params[2].trimmed, '1');
    assert.equal(trimBlanks('\t a \t'), '\t a \t');
  });

  it('keys are case-sensitive and duplicates are kept', () => {
    const u = parseUri('x://y?F42=1&f42=2&f42=3');
    assert.deepEqual(
      u.params.map((p) => `${p.key}=${p.value}`),
      ['F42=1', 'f42=2', 'f42=3'],
    );
  });

  it('a pair without `=` has no value; empty pairs are skipped', () => {
    const u = parseUri('x://y?&a&&b=&c=1=2');
    assert.deepEqual(
      u.params.map((p) => [p.key, p.rawValue, p.value]),
      [
        ['a', undefined, undefined],
        ['b', '', ''],
        ['c', '1=2', '1=2'],
      ],
    );
    assert.equal(u.params[0].valueRange, undefined);
  });

  it('`&amp;` and `×tamp=` are separators with their own kind', () => {
    const text = 'neximpos://reversal?amount=1&amp;callerName=A\u00d7tamp=0912202317';
    const u = parseUri(text);
    assert.deepEqual(
      u.params.map((p) => [p.key, p.value, p.separator]),
      [
        ['amount', '1', 'query'],
        ['callerName', 'A', 'amp-entity'],
        ['timestamp', '0912202317', 'times-entity'],
      ],
    );
    const ts = u.params[2];
    assert.equal(text.slice(ts.separatorRange.start, ts.separatorRange.end), '×');
    assert.equal(text.slice(ts.keyRange.start, ts.keyRange.end), 'tamp');
    assert.equal(text.slice(u.params[1].separatorRange.start, u.params[1].separatorRange.end), '&amp;');
  });

  it('line-wrap spaces: key keeps them, name drops them; authority likewise', () => {
    const u = parseUri('demonexi:// accounting_closure?callerName =Payment');
    assert.equal(u.rawAuthority, ' accounting_closure');
    assert.equal(u.authority, 'accounting_closure');
    assert.equal(u.params[0].key, 'callerName ');
    assert.equal(u.params[0].name, 'callerName');
  });

  it('maps ranges through base offsets and offset tables', () => {
    const u = parseUri('a://b?k=v', { base: 100 });
    assert.deepEqual(u.params[0].valueRange, { start: 108, end: 109 });
    // `a://b?k=\"v` where `\"` (2 source chars) is one character of the URI.
    const offsets = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11];
    const v = parseUri('a://b?k="v', { offsets });
    assert.deepEqual(v.params[0].valueRange, { start: 8, end: 11 });
    assert.deepEqual(rangeAt(v, 8, 9), { start: 8, end: 10 });
  });

  it('marks template parts dynamic, and the last pair of an open-ended literal', () => {
    const u = parseUri('a://b?amount=$x&$k=1&c=2', { dynamic: [{ start: 13, end: 15 }, { start: 16, end: 18 }] });
    assert.deepEqual(
      u.params.map((p) => p.dynamic),
      ['value', 'key', undefined],
    );
    const open = parseUri('a://b?c=2&amount=', { openEnd: true });
    assert.deepEqual(
      open.params.map((p) => p.dynamic),
      [undefined, 'value'],
    );
    assert.equal(parseUri('a://b?c=2&am', { openEnd: true }).params[1].dynamic, 'key');
  });

  it('reads keys and values by index and by name without making parameter objects', () => {
    const u = parseUri('pizzapay://payment?callerName =Pizza%20Pay&amp;\u00d7tamp=2111261015&amount=&amount=12&pan=%2&acquirerName=NEXI%20%20%20&flag&F42=1&f42=2');
    assert.equal(u.paramCount, 9);
    assert.deepEqual(
      Array.from({ length: u.paramCount }, (_, i) => [u.keyAt(i), u.valueAt(i)]),
      u.params.map((p) => [p.key, p.value]),
    );
    assert.equal(u.keyAt(1), 'timestamp');
    assert.equal(u.valueAt(0), 'Pizza Pay');
    assert.equal(u.valueAt(5), 'NEXI   ');
    assert.equal(u.valueAt(6), undefined);
    assert.equal(u.get('callerName'), 'Pizza Pay', 'line-wrap blanks are not part of the name');
    assert.equal(u.get('timestamp'), '2111261015', '`×tamp=` is `&timestamp=`');
    assert.equal(u.get('amount'), undefined, 'the first `amount` is blank: that is what the URI says');
    assert.equal(u.get('pan'), '%2', 'a malformed escape is kept');
    assert.equal(u.get('acquirerName'), 'NEXI', 'values are trimmed');
    assert.equal(u.get('flag'), undefined);
    assert.equal(u.get('F42'), '1');
    assert.equal(u.get('f42'), '2', 'keys are case-sensitive');
    assert.equal(u.get('callerNam'), undefined);
    assert.equal(u.get('missing'), undefined);
    // Keys from templates never match; an open end leaves the last key unfinished.
    const d = parseUri('a://b?$kamount=1&amount=2', { dynamic: [{ start: 6, end: 8 }] });
    assert.equal(d.get('amount'), '2');
    assert.equal(parseUri('a://b?c=2&amount', { openEnd: true }).get('amount'), undefined);
    assert.equal(parseUri('a://b?c=2&amount=5', { openEnd: true }).get('amount'), '5');
  });

  it('splitParam cuts a value where a `&` is missing', () => {
    const text = 'a://b?callerTrxId=12uri=x%3A';
    const u = parseUri(text);
    const [left, right] = splitParam(u, u.params[0], text.indexOf('uri'));
    assert.equal(left.value, '12');
    assert.deepEqual(left.range, { start: 6, end: 20 });
    assert.equal(right.key, 'uri');
    assert.equal(right.value, 'x:');
    assert.equal(right.separator, 'missing');
    assert.deepEqual(right.separatorRange, { start: 20, end: 20 });
  });

  it('never throws on odd strings', () => {
    for (const s of ['', ':', '://', '?', '%', '&&&', 'x:?', '×tamp=', '&amp;', 'a://b?=', 'a://b?=v', '\uD800']) {
      const u = parseUri(s);
      assert.equal(u.text, s);
    }
    assert.deepEqual(
      parseUri('a://b?=v').params.map((p) => [p.key, p.value]),
      [['', 'v']],
    );
    const noScheme = parseUri('payment?x=a:b');
    assert.equal(noScheme.scheme, '');
    assert.equal(noScheme.authority, 'payment');
    assert.equal(noScheme.params[0].value, 'a:b');
  });
});

describe('app2app parse: get(name) against the parameters it reads', () => {
  it('answers as the first non-template parameter of that name does, whatever blanks its key holds', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fc = require('fast-check') as typeof import('fast-check');
    const names = ['uri', 'amount', 'callerTrxId', 'CT115', 'transactionType', 'a', 'ab', ''];
    const key = fc.tuple(fc.constantFrom(...names), fc.array(fc.tuple(fc.nat(12), fc.constantFrom(' ', '\t', '%20')), { maxLength: 2 })).map(([name, blanks]) => {
      let k = name;
      for (const [at, blank] of blanks) k = k.slice(0, at % (k.length + 1)) + blank + k.slice(at % (k.length + 1));
      return k;
    });
    const pair = fc.tuple(key, fc.constantFrom('', ' ', 'x', ' 12 ', 'null', 'v%20w'));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), fc.constantFrom(...names), (pairs, name) => {
        const uri = parseUri(`pizzapay://payment?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`);
        const first = uri.params.find((p) => p.name === name && p.dynamic !== 'key');
        const expected = first?.trimmed === '' ? undefined : first?.trimmed;
        assert.equal(uri.get(name), expected, uri.text);
      }),
      { numRuns: 2000 },
    );
  });
});
