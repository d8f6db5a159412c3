import { strict as assert } from 'assert';
import fc from 'fast-check';
import type { OffsetRange } from '../../src/core/types';
import { offersCheck, scanEach, scanText, type ScannedUri } from '../../src/core/app2app/scan';
import { generateCorpus } from '../../bench/corpus';
import { validateUri } from '../../src/core/app2app/validate';
import { parseUri } from '../../src/core/app2app/parse';

const slice = (text: string, r: OffsetRange) => text.slice(r.start, r.end);
const texts = (text: string) => scanText(text).map((u) => slice(text, u.range));
const values = (u: ScannedUri) => u.params.map((p) => [p.key, p.value]);

describe('app2app scan', () => {
  it('offers "Check transaction" for results that name a transaction, not for requests, enquiries or accounting closures', () => {
    const offered = (text: string) => offersCheck(scanText(text)[0]!);
    assert.equal(offered('pizzapay://payment?result=0&callerTrxId=A&operationType=PAYMENT&amount=1'), true);
    assert.equal(offered('pizzapay://reversal?result=0&callerTrxId=A&operationType=REVERSAL'), true);
    // A last-transaction result's callerTrxId is the enquiry's own reference (spec §5.2), not the transaction's.
    assert.equal(offered('pizzapay://last_transaction?result=0&callerTrxId=A&f39=000'), false);
    assert.equal(offered('demonexi://accounting_closure?result=0&hostTotal=1&terminalTotal=1&callerTrxId=qwerty&operationType=ACCOUNTING_CLOSURE'), false);
    assert.equal(offered('neximpos://payment?amount=1&callerTrxId=A&callerName=B&uri=c%3A%2F%2Fd'), false);
  });

  describe('what counts as an App2App URI', () => {
    it('requests by scheme, also near-misses of neximpos; results by operation authority', () => {
      const text = [
        'a neximpos://payment?amount=1 b',
        'nexipos://payment?amount=1',
        'NEXIMPOS://payment?amount=1',
        'neximpos://payments?amount=1',
        'demonexi://payment?result=0',
        'nexidemo://reversal?result=0&operationType=REVERSAL',
        'myapp://last_transaction?foo=1',
      ].join('\n');
      assert.deepEqual(
        scanText(text).map((u) => [u.kind, u.operation, slice(text, u.range)]),
        [
          ['request', 'payment', 'neximpos://payment?amount=1'],
          ['request', 'payment', 'nexipos://payment?amount=1'],
          ['request', 'payment', 'NEXIMPOS://payment?amount=1'],
          ['request', undefined, 'neximpos://payments?amount=1'],
          ['result', 'payment', 'demonexi://payment?result=0'],
          ['result', 'reversal', 'nexidemo://reversal?result=0&operationType=REVERSAL'],
          ['result', 'last_transaction', 'myapp://last_transaction?foo=1'],
        ],
      );
    });

    it('custom result authorities need result keys; operation comes from operationType', () => {
      const text = 'x app2appDemo://reversalResult?callerTrxId=1&operationType=REVERSAL y myapp://home?tab=2 z myapp://cb?result=-1 w myapp://done?operationType=ACCOUNTING_CLOSE';
      assert.deepEqual(
        scanText(text).map((u) => [u.kind, u.operation, slice(text, u.range)]),
        [
          ['result', 'reversal', 'app2appDemo://reversalResult?callerTrxId=1&operationType=REVERSAL'],
          ['result', undefined, 'myapp://cb?result=-1'],
          ['result', 'accounting_closure', 'myapp://done?operationType=ACCOUNTING_CLOSE'],
        ],
      );
    });

    it('ignores web URLs, URIs without a query and empty schemes', () => {
      const text = [
        'see https://developer.nexigroup.com/softposmobilepos/en-EU/docs/payment?result=0 and http://x/payment?callerTrxId=1',
        'Uri.Builder().scheme("neximpos").authority("payment") // neximpos://payment',
        'NSURLComponents componentsWithString:@"neximpos://payment"',
        '://payment?amount=1 and 1://payment?amount=1',
      ].join('\n');
      assert.deepEqual(texts(text), []);
    });

    it('a request URI inside a web URL is still found; a rejected custom URL hides what it contains', () => {
      assert.deepEqual(texts('https://example.com/go?to=neximpos://payment?amount=1'), ['neximpos://payment?amount=1']);
      assert.deepEqual(texts('myapp://home?next=neximpos://payment?amount=1'), []);
    });
  });

  describe('where a URI ends outside string literals', () => {
    it('continues across spaces followed by more key=value of the same URI', () => {
      const line = 'I/App: got app2appDemo://reversalResult?callerTrxId=1234&resultDescription=TRANSAZIONE APPROVATA&cardTypeCVM=2 done';
      const [u] = scanText(line);
      assert.equal(slice(line, u.range), 'app2appDemo://reversalResult?callerTrxId=1234&resultDescription=TRANSAZIONE APPROVATA&cardTypeCVM=2');
      assert.equal(u.params[1].value, 'TRANSAZIONE APPROVATA');
    });

    it('continues across `callerName =x`, `true &x` and a glued `3uri=`; stops before plain words', () => {
      assert.deepEqual(texts('neximpos://payment?callerName =Payment&amount=1 ok'), ['neximpos://payment?callerName =Payment&amount=1']);
      assert.deepEqual(texts('neximpos://payment?sendTicket=true &urlTicket=true end'), ['neximpos://payment?sendTicket=true &urlTicket=true']);
      assert.deepEqual(texts('neximpos://last_transaction?callerTrxId=12312 3uri=demonexi%3A%2F%2Flast_transaction'), [
        'neximpos://last_transaction?callerTrxId=12312 3uri=demonexi%3A%2F%2Flast_transaction',
      ]);
      assert.deepEqual(texts('opened neximpos://payment?amount=1 at 10:00 status=ok'), ['neximpos://payment?amount=1']);
      assert.deepEqual(texts('neximpos://payment?amount=1 neximpos://reversal?amount=2&x=y'), ['neximpos://payment?amount=1', 'neximpos://reversal?amount=2&x=y']);
    });

    it('ends at the Intent.toString() tail and starts after `dat=`', () => {
      const log = [
        '05-16 14:51:51.100 I ActivityTaskManager: START u0 {act=android.intent.action.VIEW dat=neximpos://payment?amount=1&callerName=My Shop flg=0x10000000 cmp=it.nexi.mpos/.A} from uid 1',
        'Intent { act=android.intent.action.VIEW dat=demonexi://payment?result=0&CT119=Grazie e arrivederci (has extras) }',
        'Intent { dat=demonexi://payment?result=0&a=b}',
      ].join('\n');
      assert.deepEqual(texts(log), [
        'neximpos://payment?amount=1&callerName=My Shop',
        'demonexi://payment?result=0&CT119=Grazie e arrivederci',
        'demonexi://payment?result=0&a=b',
      ]);
    });

    it('Markdown: links, inline code, trailing punctuation and parentheses', () => {
      assert.deepEqual(texts('[pay](neximpos://payment?amount=1) and `neximpos://reversal?amount=2&callerName=A B`.'), [
        'neximpos://payment?amount=1',
        'neximpos://reversal?amount=2&callerName=A B',
      ]);
      assert.deepEqual(texts('Try neximpos://payment?amount=1. Or (neximpos://payment?amount=2), or neximpos://payment?CT121=(MI)'), [
        'neximpos://payment?amount=1',
        'neximpos://payment?amount=2',
        'neximpos://payment?CT121=(MI)',
      ]);
    });

    it('`demonexi:// accounting_closure?…` keeps the operation after a wrap space', () => {
      const [u] = scanText('demonexi:// accounting_closure?result=0');
      assert.equal(u.operation, 'accounting_closure');
      assert.deepEqual(u.range, { start: 0, end: 39 });
      assert.deepEqual(texts('foo:// bar?result=0'), []);
    });
  });

  describe('string literals and markup', () => {
    it('a literal still being typed ends before the code the line closes with: an auto-closed `)`, `;`, `]`', () => {
      // The editor closes `Uri.parse(` at once: the key being typed read as "hide)" (A2A009/A2A023 on the `)`).
      for (const [src, uri] of [
        ['Uri.parse("neximpos://payment?amount=100&callerTrxId=X1&hide)', 'neximpos://payment?amount=100&callerTrxId=X1&hide'],
        ['Uri.parse("neximpos://payment?amount=100&callerTrxId=X1) ;  ', 'neximpos://payment?amount=100&callerTrxId=X1'],
        ['listOf(arrayOf("neximpos://payment?amount=1])', 'neximpos://payment?amount=1'],
        // Brackets the URI opened itself stay, as does an escaped one and a Swift interpolation.
        ['x("neximpos://payment?amount=1&callerName=Bar (MI))', 'neximpos://payment?amount=1&callerName=Bar (MI)'],
        ['x("neximpos://payment?amount=1&callerName=a\\)', 'neximpos://payment?amount=1&callerName=a\\)'],
        ['x("neximpos://payment?amount=\\(cents))', 'neximpos://payment?amount=\\(cents)'],
      ] as const) {
        assert.deepEqual(texts(src), [uri], src);
      }
      // A closed literal ends at its quote, whatever it holds.
      assert.deepEqual(texts('f("neximpos://payment?amount=1&callerName=a)")'), ['neximpos://payment?amount=1&callerName=a)']);
      const typed = scanText('Uri.parse("neximpos://payment?amount=100&callerTrxId=X1&hide)')[0]!;
      assert.deepEqual(validateUri(typed).map((d) => [d.code, slice('Uri.parse("neximpos://payment?amount=100&callerTrxId=X1&hide)', d.range)]).filter(([c]) => c === 'A2A023'), [['A2A023', '&hide']]);
    });

    it('Kotlin/Java: stops at the closing quote, resolves `\\"`, maps ranges to the source', () => {
      const src = 'val u = "neximpos://payment?amount=1&callerName=Joe \\"The\\" Shop&callerTrxId=T1" + suffix';
      const [u] = scanText(src);
      assert.equal(u.quote, '"');
      assert.equal(u.partial, true);
      assert.equal(slice(src, u.range), 'neximpos://payment?amount=1&callerName=Joe \\"The\\" Shop&callerTrxId=T1');
      const caller = u.params[1];
      assert.equal(caller.value, 'Joe "The" Shop');
      assert.equal(slice(src, caller.valueRange as OffsetRange), 'Joe \\"The\\" Shop');
      assert.equal(slice(src, u.params[2].keyRange), 'callerTrxId');
      assert.equal(u.params[2].dynamic, 'value');
    });

    it('templates are dynamic: Kotlin `$x` / `${x}`, Swift `\\(x)`, TS `${x}`, printf `%s`', () => {
      const dyn = (src: string) => scanText(src)[0].params.map((p) => [p.key, p.dynamic ?? null]);
      assert.deepEqual(dyn('"neximpos://payment?amount=$cents&callerName=${shop.name}&uri=x"'), [
        ['amount', 'value'],
        ['callerName', 'value'],
        ['uri', null],
      ]);
      assert.deepEqual(dyn('"neximpos://payment?amount=\\(cents)&uri=x"'), [
        ['amount', 'value'],
        ['uri', null],
      ]);
      assert.deepEqual(dyn('`neximpos://payment?amount=${cents}&${extra}`'), [
        ['amount', 'value'],
        ['${extra}', 'key'],
      ]);
      assert.deepEqual(dyn('"neximpos://payment?amount=%d&callerName=%s&x=%1$s&y=%da"'), [
        ['amount', 'value'],
        ['callerName', 'value'],
        ['x', 'value'],
        ['y', null],
      ]);
      assert.equal(scanText('`neximpos://payment?amount=${cents}&${extra}`')[0].partial, true);
    });

    it('Dart single quotes and JSON with escaped slashes and \\u escapes', () => {
      const dart = "final u = 'neximpos://payment?amount=1&callerName=L\\'Oca';";
      const [d] = scanText(dart);
      assert.equal(d.params[1].value, "L'Oca");
      const json = '{"uri":"neximpos:\\/\\/payment?amount=1&callerName=A\\u0026B=1&x=\\u00e9"}';
      const [j] = scanText(json);
      assert.equal(j.uri.text, 'neximpos://payment?amount=1&callerName=A&B=1&x=é');
      assert.equal(slice(json, j.range), 'neximpos:\\/\\/payment?amount=1&callerName=A\\u0026B=1&x=\\u00e9');
      assert.deepEqual(values(j), [
        ['amount', '1'],
        ['callerName', 'A'],
        ['B', '1'],
        ['x', 'é'],
      ]);
      assert.equal(slice(json, j.params[2].separatorRange), '\\u0026');
      assert.equal(slice(json, j.params[3].valueRange as OffsetRange), '\\u00e9');
    });

    it('XML: attribute values and element text; `&amp;` is a separator and markup is detected', () => {
      const xml = '<data android:value="neximpos://payment?amount=1&amp;callerName=A"/>\n<string name="x">demonexi://payment?result=0&amp;amount=1</string>';
      const [attr, element] = scanText(xml);
      assert.equal(attr.markup, true);
      assert.equal(element.markup, true);
      assert.equal(slice(xml, attr.range), 'neximpos://payment?amount=1&amp;callerName=A');
      assert.deepEqual(values(attr), [
        ['amount', '1'],
        ['callerName', 'A'],
      ]);
      assert.equal(slice(xml, attr.params[1].separatorRange), '&amp;');
      assert.equal(slice(xml, element.range), 'demonexi://payment?result=0&amp;amount=1');
      assert.equal(scanText('x neximpos://payment?a=1&amp;b=2')[0].markup, false);
      assert.equal(scanText('x neximpos://payment?a=1&amp;b=2', { markup: true })[0].markup, true);
    });
  });

  describe('robustness', () => {
    // Fragments that exercise every branch of the scanner: schemes, separators, artefacts, escapes, templates, tails.
    const fragment = fc.oneof(
      fc.constantFrom(
        'neximpos://',
        'nexipos://',
        'demonexi://',
        'x://',
        '://',
        ':\\/\\/',
        'payment',
        'reversal',
        'last_transaction',
        'accounting_closure',
        '?',
        '&',
        '=',
        '&amp;',
        '\u00d7tamp=',
        '%',
        '%2',
        '%E2%82',
        '%C3%A9',
        ' ',
        '  ',
        '\t',
        '\n',
        '\r\n',
        '"',
        "'",
        '`',
        '\\',
        '\\"',
        '\\u0026',
        '\\u00',
        '$',
        '$x',
        '${',
        '}',
        '\\(',
        '(',
        ')',
        '[',
        ']',
        '{',
        '<',
        '>',
        '=""',
        'dat=',
        ' flg=0x1',
        ' cmp=a/.B }',
        ' (has extras)',
        'amount=',
        'callerName =',
        'uri=',
        'result=0',
        'operationType=REVERSAL',
        '3uri=',
        'addInfoKey1=',
        'addInfo6=',
        'autoClose=true',
        '.',
        ',',
        '#',
        '+',
        '%s',
        '%1$s',
        'é',
        '\uD800',
        '\uDC00',
        '😀',
      ),
      fc.string({ maxLength: 4, unit: 'binary' }),
    );
    const join = (parts: readonly string[]) => parts.join('');
    // URI-shaped text with damaged parts, so that most runs reach the parser and the validator, not just the search.
    const key = fc.oneof(
      fc.constantFrom('amount', 'callerName ', 'callerTrxId', 'uri', 'sendTicket', 'autoClose', 'addInfoKey1', 'addInfo1', 'addInfo6', 'result', 'CT121', 'F42', 'x', ''),
      fc.string({ maxLength: 6, unit: 'binary' }),
    );
    const pair = fc.tuple(key, fc.constantFrom('=', ' =', '', '=='), fc.array(fragment, { maxLength: 6 }).map(join)).map(join);
    const separator = fc.constantFrom('&', '&amp;', '\u00d7tamp=', ' &', '& ', ' ', '', '\n');
    const query = fc.array(fc.tuple(separator, pair).map(join), { maxLength: 10 }).map(join);
    const uriLike = fc
      .tuple(
        fc.constantFrom('', ' ', '"', "'", '`', 'dat=', '(', '[x](', '>', 'a="', '{"u":"'),
        fc.constantFrom('neximpos', 'nexipos', 'NEXIMPOS', 'demonexi', 'app2appDemo', 'https', 'x', ''),
        fc.constantFrom('://', ':// ', ':\\/\\/', ':/'),
        fc.constantFrom('payment', 'reversal', 'last_transaction', 'accounting_closure', 'payments', 'reversalResult', '', 'pay ment'),
        fc.constantFrom('?', '/?', '', '??'),
        query,
        fc.constantFrom('', ' flg=0x1 cmp=a/.B }', '"', '" + x', ')', '.', '\n', ' end', '}'),
      )
      .map(join);
    const noisyText = fc.array(fc.oneof(fragment, uriLike), { maxLength: 12 }).map(join);

    function checkInvariants(text: string): void {
      const found = scanText(text);
      let previousEnd = 0;
      for (const u of found) {
        assert.ok(u.range.start >= previousEnd && u.range.start < u.range.end && u.range.end <= text.length, 'URI ranges are ordered and inside the text');
        previousEnd = u.range.end;
        if (!u.uri.offsets) assert.equal(slice(text, u.range), u.uri.text);
        // The index and name readers agree with the parameter objects.
        assert.equal(u.uri.paramCount, u.params.length);
        u.params.forEach((p, i) => {
          assert.equal(u.uri.keyAt(i), p.key);
          assert.equal(u.uri.valueAt(i), p.value);
        });
        for (const name of new Set(u.params.map((p) => p.name))) assert.equal(u.uri.get(name), u.params.find((p) => p.dynamic !== 'key' && p.name === name)?.trimmed || undefined);
        for (const p of u.params) {
          for (const r of [p.range, p.keyRange, p.separatorRange, p.valueRange ?? p.range]) {
            assert.ok(r.start >= u.range.start && r.start <= r.end && r.end <= u.range.end, 'parameter ranges are inside the URI');
          }
          if (!u.uri.offsets && p.rawValue !== undefined) assert.equal(slice(text, p.valueRange as OffsetRange), p.rawValue);
        }
        for (const d of validateUri(u)) {
          assert.ok(d.range.start >= 0 && d.range.start <= d.range.end && d.range.end <= text.length, `${d.code} range inside the text`);
          for (const f of d.fixes ?? []) for (const e of f.edits) assert.ok(e.range.start >= 0 && e.range.start <= e.range.end && e.range.end <= text.length);
        }
      }
    }

    it('never throws and keeps every range inside the text (10,000 random texts of URI fragments)', () => {
      fc.assert(fc.property(noisyText, (text) => checkInvariants(text)), { numRuns: 10_000 });
    });

    // `nexi-app2app decode` scans standard input a few whole lines at a time (cli/io.ts wholeLines): every piece that
    // starts a line must yield what the whole text yields there. A backslash before a newline continues a string
    // literal on the next line: no piece starts after such a newline.
    it('finds in each run of whole lines, scanned alone, what it finds there in the whole text (10,000 random texts)', () => {
      const shape = (u: ScannedUri, at: number) => [u.kind, u.operation, u.range.start + at, u.range.end + at, u.quote, u.markup, u.partial, u.params.map((p) => [p.key, p.value, p.range.start + at, p.dynamic])];
      const lines = fc.array(fc.oneof(fragment, uriLike, fc.constant('\n')), { maxLength: 16 }).map(join);
      fc.assert(
        fc.property(lines, fc.array(fc.nat(40), { maxLength: 6 }), (text, cuts) => {
          const starts = [0];
          for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) if (!/\\\r?$/.test(text.slice(Math.max(0, i - 2), i))) starts.push(i + 1);
          const at = [...new Set(cuts.map((c) => starts[c % starts.length]!))].filter((a) => a > 0).sort((a, b) => a - b);
          const pieces = [0, ...at].map((start, i) => [start, i < at.length ? at[i]! : text.length] as const);
          const byPiece = pieces.flatMap(([start, end]) => scanText(text.slice(start, end)).map((u) => shape(u, start)));
          assert.deepEqual(byPiece, scanText(text).map((u) => shape(u, 0)));
        }),
        { numRuns: 10_000 },
      );
    });

    it('never throws on arbitrary unicode text', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => checkInvariants(text)),
        { numRuns: 2_000 },
      );
    });

    it('stays linear on adversarial input', () => {
      // Inputs that would make a careless scanner quadratic: at n = 100,000 that is 10^10 steps, far beyond the
      // suite's 20 s timeout, while a linear scan takes milliseconds. No timed assertion here (speed is measured in
      // `npm run bench`); what each input yields is checked instead.
      const n = 100_000;
      const cases: Array<[string, number, number[]]> = [
        ['a://'.repeat(n), 0, []],
        [`neximpos://payment?a=1${' x'.repeat(n)}`, 1, [0, 22]],
        [`neximpos://payment?a=1${' x'.repeat(n)}&b=2`, 1, [0, 200_026]],
        [`x://y?${'a://'.repeat(n)}`, 0, []],
        [`"${'neximpos://p?a=\\"'.repeat(n / 4)}`, 1, [1, 425_001]],
        [`neximpos://p?a=${')'.repeat(n)}`, 1, [0, 15]],
        [`"${'a://\\"'.repeat(n / 4)}`, 0, []],
        [`x ${'a://?'.repeat(n / 4)}`, 0, []],
        [`${'a'.repeat(n)}://p?result=1`, 0, []],
        ['neximpos://p?a=1 '.repeat(n / 4), n / 4, [0, 16]],
      ];
      for (const [text, count, first] of cases) {
        const found = scanText(text);
        assert.equal(found.length, count);
        assert.deepEqual(found.length ? [found[0].range.start, found[0].range.end] : [], first);
      }
      assert.equal(scanText('neximpos://p?a=1 '.repeat(1000)).length, 1000);
    });

    it('URIs of one scan read exactly as each parsed alone, across the shared index chunks', () => {
      // 3,000 URIs of 1 to 7 parameters fill chunks of every size; one URI of 30,000 parameters is larger than any.
      const lines = Array.from({ length: 3000 }, (_, i) => `neximpos://payment?${Array.from({ length: 1 + (i % 7) }, (_, k) => `k${k}=${i}-${k}`).join('&')}`);
      lines.splice(1500, 0, `neximpos://payment?${Array.from({ length: 30_000 }, (_, k) => `a${k}=${k}`).join('&')}`);
      const log = lines.join('\n');
      const found = scanText(log);
      assert.equal(found.length, 3001);
      for (const u of found) {
        const alone = parseUri(slice(log, u.range), { base: u.range.start });
        assert.equal(u.uri.paramCount, alone.paramCount);
        assert.deepEqual(u.params.map((q) => [q.key, q.value, q.range]), alone.params.map((q) => [q.key, q.value, q.range]));
        for (let i = 0; i < alone.paramCount; i++) assert.deepEqual([u.uri.keyAt(i), u.uri.valueAt(i)], [alone.keyAt(i), alone.valueAt(i)]);
      }
      assert.equal(found[1500].uri.paramCount, 30_000);
      assert.equal(found[1500].uri.get('a29999'), '29999');
      assert.equal(found[2996].uri.get('k6'), '2995-6'); // i = 2995 has 7 parameters, one line down after the splice
    });

    it('finds every URI in a large log', () => {
      const line = (i: number) =>
        `05-16 14:51:${String(i % 60).padStart(2, '0')}.123 I ActivityTaskManager: START u0 {act=android.intent.action.VIEW dat=demonexi://payment?result=0&amount=${i}&resultDescription=TRANSAZIONE APPROVATA flg=0x10400000 cmp=x/.A} from uid 1\nD/OkHttp: --> GET https://api.example.com/v1/items?page=${i}\n`;
      const log = Array.from({ length: 5000 }, (_, i) => line(i)).join('');
      const found = scanText(log);
      assert.equal(found.length, 5000);
      assert.equal(found[4999].params[1].value, '4999');
      assert.equal(found[4999].params[2].value, 'TRANSAZIONE APPROVATA');
    });
  });

  describe('scanEach', () => {
    it('hands out the URIs scanText finds, in order, the same ones', () => {
      const text = generateCorpus(512 * 1024).text + '\n"neximpos:\\/\\/payment?amount=1&callerTrxId=json"\n';
      const all = scanText(text);
      const each = [...scanEach(text)];
      assert.ok(all.length > 300);
      assert.deepEqual(each.map((u) => [u.kind, u.operation, u.range.start, u.range.end, u.params.map((p) => [p.key, p.value])]), all.map((u) => [u.kind, u.operation, u.range.start, u.range.end, u.params.map((p) => [p.key, p.value])]));
      assert.deepEqual([...scanEach('no URI here')], []);
    });
  });
});
