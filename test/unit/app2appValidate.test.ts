import { strict as assert } from 'assert';
import { diagnosticCodes, formatMessage, type DiagnosticCode } from '../../src/core/app2app/diagnosticCodes';
import { scanText } from '../../src/core/app2app/scan';
import { byCode, validateUri } from '../../src/core/app2app/validate';
import type { Diagnostic } from '../../src/core/types';
import { withCatalog } from '../../src/core/app2app/catalog';
import { applyEdits, fixtureOperations } from './app2appFixtures';

// Codes asserted in this file; the last test fails if a code of the table has no test here.
const covered = new Set<string>();

/** Validates and asserts the exact list of codes (in range order). */
function expectCodes(input: string, expected: readonly DiagnosticCode[]): Diagnostic[] {
  const ds = validateUri(input);
  assert.deepEqual(
    ds.map((d) => d.code),
    expected,
    ds.map((d) => `${d.code} ${d.message}`).join('\n'),
  );
  for (const c of expected) covered.add(c);
  return ds;
}

/** The single diagnostic of `uri`, which must have code `code`. */
function single(input: string, code: DiagnosticCode): Diagnostic {
  const [d] = expectCodes(input, [code]);
  assert.equal(d.severity, diagnosticCodes[code].severity);
  return d;
}

const at = (text: string, d: Diagnostic) => text.slice(d.range.start, d.range.end);
const fixed = (text: string, d: Diagnostic, fix = 0) => applyEdits(text, d.fixes?.[fix]?.edits ?? []);

const pay = 'neximpos://payment?amount=150&callerName=Shop&callerTrxId=T1&uri=myapp%3A%2F%2Fpayment';
const rev = 'neximpos://reversal?amount=150&callerTrxId=T1&timestamp=0912202317&terminalId=30350039&callerName=Shop&uri=myapp%3A%2F%2Freversal';
const last = 'neximpos://last_transaction?callerName=Shop&terminalId=30350039&callerTrxId=T1&uri=myapp%3A%2F%2Flast_transaction';
const closure = 'neximpos://accounting_closure?callerTrxId=T1&callerName=Shop&uri=myapp%3A%2F%2Faccounting_closure';

describe('app2app validate', () => {
  it('orders diagnostic codes as the collator orders them (every code of the table, and codes of other families)', () => {
    const codes = [...Object.keys(diagnosticCodes), 'A2R001', 'A2R014', 'A2R006', 'A2A1', 'B1', 'A10'];
    assert.deepEqual([...codes].sort(byCode), [...codes].sort((a, b) => a.localeCompare(b)));
    assert.equal(byCode('A2A003', 'A2A003'), 0);
  });

  it('accepts a minimal valid request of each operation', () => {
    for (const uri of [pay, rev, last, closure]) expectCodes(uri, []);
  });

  it('accepts a full modern payment request', () => {
    expectCodes(`${pay}&email=a%40b.it&sms=3344556951&sendTicket=false&addInfoKey1=order&addInfo1=A-1%2F2&autoClose=true&hideRetry=true`, []);
  });

  it('validates a value the same every time: values found clean are kept per spec, findings never (validate.ts, cleanValues)', () => {
    const values = ['150', '150%20', '1.50', '-1', 'Shop', 'Shop%2520Pay', 'Fish&Chips', 'a b', 'x%zz', '0912202317', '3203202317', 'true', 'yes', 'myapp%3A%2F%2Fpayment', 'myapp%253A%252F%252Fp'];
    const keys = ['amount', 'callerName', 'timestamp', 'sendTicket', 'uri', 'terminalId'];
    const texts = keys.flatMap((k) => values.map((v) => `${pay.replace(new RegExp(`(^|[?&])${k}=[^&]*`), '$1')}&${k}=${v}`));
    const render = (ds: Diagnostic[]) => JSON.stringify(ds);
    const first = texts.map((t) => render(validateUri(t)));
    // Again, in reverse order, and inside a string literal and an XML attribute (other offsets, escaped fixes).
    for (let i = texts.length - 1; i >= 0; i--) assert.equal(render(validateUri(texts[i]!)), first[i], texts[i]);
    for (const t of texts) {
      const quoted = `val u = "${t}"`;
      const [inString] = scanText(quoted);
      const fresh = validateUri(inString!);
      assert.equal(fresh.length, JSON.parse(first[texts.indexOf(t)]!).length, t);
      assert.deepEqual(validateUri(scanText(quoted)[0]!), fresh, t);
    }
  });

  describe('scheme and operation', () => {
    it('A2A001 unknown scheme, with the fix', () => {
      const text = pay.replace('neximpos', 'nexipos');
      const d = single(text, 'A2A001');
      assert.equal(at(text, d), 'nexipos');
      assert.equal(d.message, '`nexipos://` is not the Nexi POS scheme: requests start with `neximpos://`.');
      assert.equal(fixed(text, d), pay);
    });

    it('A2A001 no scheme at all', () => {
      const text = pay.replace('neximpos://', '');
      const d = single(text, 'A2A001');
      assert.equal(d.message, 'The URI has no scheme: requests start with `neximpos://`.');
      assert.equal(fixed(text, d), pay);
    });

    it('A2A001 scheme in the wrong case', () => {
      const text = pay.replace('neximpos', 'NexiMPOS');
      const d = single(text, 'A2A001');
      assert.match(d.message, /lower case/);
      assert.equal(fixed(text, d), pay);
    });

    it('A2A002 unknown operation with did-you-mean: payments, last-transaction, lastTransaction, accounting_close', () => {
      for (const [wrong, right, base] of [
        ['payments', 'payment', pay],
        ['last-transaction', 'last_transaction', last],
        ['lastTransaction', 'last_transaction', last],
        ['accounting_close', 'accounting_closure', closure],
      ]) {
        const text = base.replace(`://${right}`, `://${wrong}`);
        const d = single(text, 'A2A002');
        assert.equal(at(text, d), wrong);
        assert.equal(d.message, `\`${wrong}\` is not a Nexi POS operation. Did you mean \`${right}\`?`);
        assert.equal(fixed(text, d), base);
      }
    });

    it('A2A002 without a suggestion, and with no operation at all', () => {
      const d = single('neximpos://refund?amount=1', 'A2A002');
      assert.equal(d.fixes, undefined);
      assert.match(d.message, /payment, reversal, last_transaction, accounting_closure/);
      const empty = single('neximpos://?amount=1', 'A2A002');
      assert.equal(empty.message, diagnosticCodes.A2A002.variants.empty);
      assert.deepEqual(empty.range, { start: 0, end: 11 });
    });

    it('A2A027 whitespace in the operation', () => {
      const text = pay.replace('://', ':// ');
      const d = single(text, 'A2A027');
      assert.equal(at(text, d), ' payment');
      assert.equal(fixed(text, d), pay);
    });
  });

  describe('required parameters', () => {
    it('A2A003 missing parameter: snippet fix at the end of the URI', () => {
      const text = pay.replace('&callerTrxId=T1', '');
      const d = single(text, 'A2A003');
      assert.equal(at(text, d), 'neximpos://payment');
      assert.equal(d.message, "payment needs `callerTrxId`: The caller's own reference for this request; echoed in the result. Add it.");
      assert.equal(d.fixes?.length, 1);
      assert.equal(d.fixes?.[0].snippet, true);
      assert.equal(fixed(text, d), `${text}&callerTrxId=\${1:order-1}`);
    });

    it('A2A003 for each missing parameter, with an "add all" fix; `?` added when there is no query', () => {
      const text = 'neximpos://accounting_closure';
      const ds = expectCodes(text, ['A2A003', 'A2A003', 'A2A003']);
      assert.deepEqual(
        ds.map((d) => d.message.match(/`(\w+)`/)?.[1]),
        ['callerTrxId', 'callerName', 'uri'],
      );
      assert.equal(fixed(text, ds[0], 1), `${text}?callerTrxId=\${1:order-1}&callerName=\${2:MyShop}&uri=\${3:myapp%3A%2F%2Fpayment}`);
    });

    it('A2A003: `uri` is required on payment (spec §16.1)', () => {
      expectCodes(pay.replace('&uri=myapp%3A%2F%2Fpayment', ''), ['A2A003']);
    });

    it('A2A008 empty callerTrxId, and a parameter without `=`', () => {
      const text = pay.replace('callerTrxId=T1', 'callerTrxId=');
      const d = single(text, 'A2A008');
      assert.equal(at(text, d), 'callerTrxId=');
      assert.equal(fixed(text, d), pay.replace('callerTrxId=T1', 'callerTrxId=${1:order-1}'));
      const bare = pay.replace('callerTrxId=T1', 'callerTrxId');
      const e = single(bare, 'A2A008');
      assert.equal(fixed(bare, e), pay.replace('callerTrxId=T1', 'callerTrxId=${1:order-1}'));
      single(pay.replace('callerTrxId=T1', 'callerTrxId=%20%20'), 'A2A008');
    });
  });

  describe('values', () => {
    const amount = (v: string) => pay.replace('amount=150', `amount=${v}`);

    it('A2A004 amount in euros (`1.50`, `1,50`, `1.5`) → cents, with the fix', () => {
      for (const [v, cents] of [
        ['1.50', '150'],
        ['1,50', '150'],
        ['1.5', '150'],
        ['0.01', '1'],
      ]) {
        const d = single(amount(v), 'A2A004');
        assert.equal(at(amount(v), d), v);
        assert.equal(d.message, `\`amount\` is in euro cents, without a decimal separator: \`${v}\` looks like euros — write \`${cents}\`.`);
        assert.equal(fixed(amount(v), d), amount(cents));
      }
    });

    it('A2A004 negative, zero, `+3`, text', () => {
      const neg = single(amount('-5'), 'A2A004');
      assert.match(neg.message, /cannot be negative/);
      assert.equal(neg.fixes, undefined);
      const zero = single(amount('0'), 'A2A004');
      // spec §16.8: whether zero is accepted is an open point, so the message says the rule is ours (inferred).
      assert.equal(zero.message, '`amount` must be at least 1 cent: `0` has nothing to charge. Nexi does not document whether zero is accepted (spec §16.8); we treat it as an error (inferred).');
      const plus = single(amount('+3'), 'A2A004');
      assert.equal(fixed(amount('+3'), plus), amount('3'));
      assert.equal(single(amount('abc'), 'A2A004').message, '`amount` must be an integer number of euro cents (150 = €1.50), not `abc`.');
      single(amount('1.234'), 'A2A004');
    });

    it('A2A004 tipAmount accepts 0 (min 0) but not -1', () => {
      expectCodes(`${pay}&tipAmount=0`, ['A2A032']);
      expectCodes(`${pay}&tipAmount=-1`, ['A2A032', 'A2A004']);
    });

    it('A2A005 booleans must be literally true/false', () => {
      for (const [v, right] of [
        ['TRUE', 'true'],
        ['True', 'true'],
        ['1', 'true'],
        ['no', 'false'],
      ]) {
        const text = `${pay}&hideRetry=${v}`;
        const d = single(text, 'A2A005');
        assert.equal(fixed(text, d), `${pay}&hideRetry=${right}`);
      }
      const d = single(`${pay}&hideRetry=maybe`, 'A2A005');
      assert.equal(d.message, '`hideRetry` takes the literal `true` or `false`, not `maybe`.');
      assert.equal(d.fixes, undefined);
    });

    it('A2A006 timestamp must be a real ddMMyyHHmm date-time', () => {
      const ts = (v: string) => rev.replace('timestamp=0912202317', `timestamp=${v}`);
      assert.match(single(ts('3102231200'), 'A2A006').message, /31\/02\/2023 is not a real date/);
      assert.match(single(ts('2902231200'), 'A2A006').message, /29\/02\/2023/);
      expectCodes(ts('2902241200'), []); // 2024 is a leap year
      assert.match(single(ts('0913231200'), 'A2A006').message, /month 13 does not exist/);
      assert.match(single(ts('0912202417'), 'A2A006').message, /hour 24 does not exist/);
      assert.match(single(ts('0912202360'), 'A2A006').message, /minute 60/);
      assert.match(single(ts('1702486200000'), 'A2A006').message, /epoch milliseconds/);
      assert.match(single(ts('09/12/2023'), 'A2A006').message, /must be ddMMyyHHmm/);
      expectCodes(ts('0101000000'), []);
    });

    it('A2A007 terminalId that is not 8 digits is a warning', () => {
      const text = rev.replace('terminalId=30350039', 'terminalId=3035003');
      const d = single(text, 'A2A007');
      assert.equal(d.severity, 'warning');
      assert.equal(at(text, d), '3035003');
      single(last.replace('terminalId=30350039', 'terminalId=ABCDEFGH'), 'A2A007');
    });

    it('A2A033 an encoded space inside a number, flag or date (issue 15: `amount=150%20` passed); fix: remove it', () => {
      const text = amount('150%20');
      const d = single(text, 'A2A033');
      assert.equal(d.severity, 'error');
      assert.equal(at(text, d), '%20');
      assert.equal(d.message, '`amount` is read as "150 ": the encoded space `%20` becomes part of the value, which is then not an integer number of cents. Remove `%20`.');
      assert.deepEqual(d.fixes?.map((f) => f.title), ['Remove the encoded space']);
      assert.equal(fixed(text, d), pay);
      // Every encoded blank of the value goes with the one fix; %09 counts as well.
      const both = amount('%20150%09');
      assert.equal(fixed(both, single(both, 'A2A033')), pay);
      assert.match(single(`${pay}&hideRetry=true%20`, 'A2A033').message, /not the literal `true` or `false`/);
      assert.match(single(rev.replace('timestamp=0912202317', 'timestamp=0912202317%20'), 'A2A033').message, /not ddMMyyHHmm/);
      single(rev.replace('terminalId=30350039', 'terminalId=30350039%20'), 'A2A033');
      // In a return URI only the ends count: inside, the space may belong to the return URI's own query.
      const trailing = pay.replace('uri=myapp%3A%2F%2Fpayment', 'uri=myapp%3A%2F%2Fpayment%20');
      assert.equal(fixed(trailing, single(trailing, 'A2A033')), pay);
      expectCodes(pay.replace('uri=myapp%3A%2F%2Fpayment', 'uri=myapp%3A%2F%2Fpayment%3Fnote%3Da%20b'), []);
      // Text parameters may hold spaces.
      expectCodes(pay.replace('callerName=Shop', 'callerName=My%20Shop%20'), []);
    });

    it('A2A034 amount above what an int holds (issue 15: `amount=99999999999999` passed)', () => {
      expectCodes(amount('2147483647'), []);
      const d = single(amount('2147483648'), 'A2A034');
      assert.equal(d.severity, 'error');
      assert.equal(at(amount('2147483648'), d), '2147483648');
      const big = single(amount('99999999999999'), 'A2A034');
      // The documented type is int (spec §3.1); its 32-bit limit is our reading and the message says so.
      assert.equal(
        big.message,
        '`amount`=`99999999999999` cents is more than an int holds: Nexi types the amount as int, at most 2147483647 cents (€21,474,836.47) on Android (inferred: Java/Kotlin int). No maximum is documented (spec §16.8); check that the amount is in cents.',
      );
      single(rev.replace('amount=150', 'amount=99999999999999'), 'A2A034');
      expectCodes(`${pay}&tipAmount=99999999999`, ['A2A032', 'A2A034']);
    });

    it('A2A035 a value percent-encoded twice (issue 15: `callerName=Shop%2520Pay`); fix: decode once', () => {
      const text = pay.replace('callerName=Shop', 'callerName=Shop%2520Pay');
      const d = single(text, 'A2A035');
      assert.equal(d.severity, 'warning');
      assert.equal(at(text, d), '%2520');
      assert.equal(d.message, '`callerName` is percent-encoded twice: `%2520` decodes to `%20`, so Nexi POS reads "Shop%20Pay" with the escape still in it. Decode it once: `Shop%20Pay`.');
      assert.deepEqual(d.fixes?.map((f) => f.title), ['Decode once: `Shop%20Pay`']);
      assert.equal(fixed(text, d), pay.replace('callerName=Shop', 'callerName=Shop%20Pay'));
      // A literal `%` followed by text that is not hex is fine (`100%25 off`), and so is a single encoding.
      expectCodes(pay.replace('callerName=Shop', 'callerName=100%25%20off'), []);
      // A return URI with its own encoded query is not encoded twice.
      expectCodes(pay.replace('uri=myapp%3A%2F%2Fpayment', 'uri=myapp%3A%2F%2Fpayment%3Fnote%3Da%2520b'), []);
    });

    it('A2A022 a return URI encoded twice is named so (issue 15), with the decode-once fix', () => {
      const text = pay.replace('uri=myapp%3A%2F%2Fpayment', 'uri=myapp%253A%252F%252Fpayment');
      const d = single(text, 'A2A022');
      assert.equal(d.message, '`uri` decodes to `myapp%3A%2F%2Fpayment`, which has no scheme: the return URI is percent-encoded twice. Decode it once: `myapp%3A%2F%2Fpayment`.');
      assert.equal(fixed(text, d), pay);
      // Inside a Kotlin string the fix is written for that context too.
      const kotlin = `val u = "${text}"`;
      const [k] = validateUri(scanText(kotlin)[0]);
      assert.equal(applyEdits(kotlin, k.fixes?.[0].edits ?? []), `val u = "${pay}"`);
    });

    it('A2A036 a return URI cut by a broken escape says what it is read as (issue 15, spec §6.3)', () => {
      const text = closure.replace('uri=myapp%3A%2F%2Faccounting_closure', 'uri=demonexi%3A%2F%');
      const d = single(text, 'A2A036');
      assert.equal(d.severity, 'error');
      assert.equal(text.slice(d.range.start), '%');
      assert.match(d.message, /^`uri` is read as `demonexi:\/%`: the `%` is not followed by two hex digits, so the return URI is cut/);
      const published = 'neximpos://accounting_closure?callerTrxId=qwerty&callerName=AAA&uri=demonexi%3A%2F% accounting';
      const [cut, space] = expectCodes(published, ['A2A036', 'A2A026']);
      assert.match(cut.message, /read as `demonexi:\/% accounting`/);
      assert.equal(at(published, space), ' ');
    });

    it('A2A022 uri must be an absolute URI with a scheme', () => {
      const text = pay.replace('uri=myapp%3A%2F%2Fpayment', 'uri=payment');
      const d = single(text, 'A2A022');
      assert.equal(at(text, d), 'payment');
      expectCodes(pay.replace('uri=myapp%3A%2F%2Fpayment', 'uri=myapp://payment'), []);
      single(pay.replace('uri=myapp%3A%2F%2Fpayment', 'uri=%2F%2Fpayment'), 'A2A022');
    });
  });

  describe('parameter names', () => {
    it('A2A009 did-you-mean: callerTrxID, amout (fix: rename)', () => {
      const text = pay.replace('callerTrxId', 'callerTrxID');
      const ds = expectCodes(text, ['A2A003', 'A2A009']);
      assert.equal(ds[1].message, '`callerTrxID` is not a payment parameter. Did you mean `callerTrxId`? (Parameter names are case-sensitive.)');
      assert.equal(fixed(text, ds[1]), pay);
      const amout = pay.replace('amount', 'amout');
      const [a] = expectCodes(amout, ['A2A003', 'A2A009']).filter((x) => x.code === 'A2A009');
      assert.equal(at(amout, a), 'amout');
      assert.equal(fixed(amout, a), pay);
    });

    it('A2A009 parameter of another operation, result field, or simply unknown (fix: remove)', () => {
      const ts = `${pay}&timestamp=0912202317`;
      const d = single(ts, 'A2A009');
      assert.equal(d.message, '`timestamp` is a reversal parameter; payment does not take it.');
      assert.equal(fixed(ts, d), pay);
      assert.equal(single(`${pay}&result=0`, 'A2A009').message, '`result` is a result field that Nexi POS sends back; requests do not carry it.');
      const foo = single(`${pay}&foo=1`, 'A2A009');
      assert.equal(foo.message, '`foo` is not a payment parameter: Nexi does not document it, so it is ignored at best.');
      const first = 'neximpos://payment?foo=1&amount=150&callerName=Shop&callerTrxId=T1&uri=myapp%3A%2F%2Fpayment';
      assert.equal(fixed(first, single(first, 'A2A009')), pay);
      single(`${rev}&addInfo1=x`, 'A2A009');
    });

    it('A2A010 duplicate parameter (fix: drop the later one)', () => {
      const text = `${pay}&amount=200`;
      const d = single(text, 'A2A010');
      assert.equal(at(text, d), 'amount=200');
      assert.equal(fixed(text, d), pay);
    });

    it('A2A021 terminalId on payment is ignored (fix: remove)', () => {
      const text = `${pay}&terminalId=30350039`;
      const d = single(text, 'A2A021');
      assert.equal(d.message, '`terminalId` is ignored by payment: Nexi POS uses the TID last selected in the app.');
      assert.equal(fixed(text, d), pay);
    });

    it('A2A020 urlTicket is MobilePOS-only (info)', () => {
      const d = single(`${pay}&urlTicket=true`, 'A2A020');
      assert.equal(d.severity, 'info');
      // spec §16.6: only the missing link in SoftPOS results is documented [REVS]; "SoftPOS ignores it" was more than that.
      assert.equal(d.message, '`urlTicket` is documented for MobilePOS only: SoftPOS does not return the receipt link even when asked [REVS]; any other effect on SoftPOS is not stated (spec §16.6).');
    });

    it('A2A032 parameters only the sample apps send (info)', () => {
      const d = single(`${pay}&tipEnabled=true`, 'A2A032');
      assert.equal(d.severity, 'info');
    });

    it('A2A027 line-wrap space in a key (`callerName =Shop`)', () => {
      const text = pay.replace('callerName=', 'callerName =');
      const d = single(text, 'A2A027');
      assert.equal(at(text, d), 'callerName ');
      assert.equal(fixed(text, d), pay);
    });
  });

  describe('autoClose and sendTicket (spec §3.3)', () => {
    it('A2A018 autoClose=true with sendTicket=true → result -21 (fix: sendTicket=false)', () => {
      const text = `${pay}&sendTicket=true&autoClose=true`;
      const d = single(text, 'A2A018');
      assert.equal(at(text, d), 'sendTicket=true');
      assert.equal(fixed(text, d), `${pay}&sendTicket=false&autoClose=true`);
      single(`${rev}&sendTicket=true&autoClose=true`, 'A2A018');
    });

    it('A2A019 autoClose=true with sendTicket omitted (fix: add sendTicket=false)', () => {
      const text = `${pay}&autoClose=true&hideRetry=false`;
      const d = single(text, 'A2A019');
      assert.equal(at(text, d), 'autoClose=true');
      assert.equal(fixed(text, d), `${pay}&autoClose=true&sendTicket=false&hideRetry=false`);
      expectCodes(`${pay}&autoClose=false`, []);
      expectCodes(`${pay}&autoClose=true&sendTicket=false`, []);
    });
  });

  describe('additional tags (spec §3.2)', () => {
    it('A2A011 length 1–30 of the decoded value', () => {
      const long = 'x'.repeat(31);
      const d = single(`${pay}&addInfoKey1=k&addInfo1=${long}`, 'A2A011');
      assert.equal(d.message, `\`addInfo1\` must be 1–30 characters long once decoded; \`${long}\` has 31.`);
      expectCodes(`${pay}&addInfoKey1=k&addInfo1=${'%40'.repeat(30)}`, []);
      single(`${pay}&addInfoKey1=&addInfo1=v`, 'A2A011');
    });

    it('A2A012 characters outside the allowed set (decoded); A2A037 letters outside A–Z are only a warning', () => {
      const [d, letters] = expectCodes(`${pay}&addInfoKey1=k&addInfo1=caf%C3%A9%23`, ['A2A012', 'A2A037']);
      assert.equal(d.severity, 'error');
      assert.equal(d.message, '`addInfo1` may contain only digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }. Not allowed here: `#`.');
      // spec §16.3: whether "letters" means ASCII only is open (issue 15: it was an error).
      assert.equal(letters.severity, 'warning');
      assert.equal(
        letters.message,
        '`addInfo1` contains `é`: Nexi allows "letters" without saying whether accented or non-Latin letters count (spec §16.3), so Nexi POS may reject the pair (inferred). Use A–Z to be safe.',
      );
      assert.equal(single(`${pay}&addInfoKey1=k&addInfo1=a%20b`, 'A2A012').message, '`addInfo1` may contain only digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }. Not allowed here: space.');
      assert.match(single(`${pay}&addInfoKey1=k&addInfo1=Stra%C3%9Fe%CE%B1`, 'A2A037').message, /contains `ß`, `α`/);
      expectCodes(`${pay}&addInfoKey1=k&addInfo1=%21%24%25%26()*%2B-.%2F%3A%3B%3C%3D%3E%3F%40%5B%5D%5E_%7B%7D`, []);
    });

    it('A2A013 repeated tag key', () => {
      const text = `${pay}&addInfoKey1=k&addInfo1=a&addInfoKey2=k&addInfo2=b`;
      const d = single(text, 'A2A013');
      assert.equal(d.range.start, text.lastIndexOf('=k'.slice(1)));
      assert.equal(d.message, 'The tag key `k` is already used by `addInfoKey1`; Nexi POS ignores a repeated key. Use a unique key.');
    });

    it('A2A014 index outside 1…5', () => {
      // spec §16.3: whether N is strictly 1–5 is open.
      assert.equal(single(`${pay}&addInfoKey6=k`, 'A2A014').message, '`addInfoKey6`: additional tags are documented for indexes 1 to 5; whether Nexi POS reads index 6 is not stated (spec §16.3). Use 1–5.');
      single(`${pay}&addInfo0=v`, 'A2A014');
    });

    it('A2A015 key without value (fix: add the value)', () => {
      const text = `${pay}&addInfoKey2=k`;
      const d = single(text, 'A2A015');
      assert.equal(fixed(text, d), `${text}&addInfo2=\${1:value2}`);
    });

    it('A2A016 value without key when other tags have keys (fix: add the key)', () => {
      const text = `${pay}&addInfoKey1=k&addInfo1=a&addInfo2=b`;
      const d = single(text, 'A2A016');
      assert.equal(fixed(text, d), `${pay}&addInfoKey1=k&addInfo1=a&addInfoKey2=\${1:key2}&addInfo2=b`);
    });

    it('A2A017 legacy addInfoN without any key is info', () => {
      const text = `${pay}&addInfo1=v`;
      const d = single(text, 'A2A017');
      assert.equal(d.severity, 'info');
      assert.match(d.message, /DF8001/);
      assert.equal(fixed(text, d), `${pay}&addInfoKey1=\${1:key1}&addInfo1=v`);
    });
  });

  describe('encoding', () => {
    it('A2A023 unencoded `&` inside a value (fix: %26)', () => {
      const text = pay.replace('callerName=Shop', 'callerName=Fish&Chips');
      const d = single(text, 'A2A023');
      assert.equal(at(text, d), '&Chips');
      assert.equal(d.message, '`&Chips` has no `=`: if the `&` belongs to the `callerName` value, percent-encode it as `%26`.');
      assert.equal(fixed(text, d), pay.replace('callerName=Shop', 'callerName=Fish%26Chips'));
    });

    it('A2A024 unencoded `+` (fix: %2B)', () => {
      const text = pay.replace('callerName=Shop', 'callerName=A+B');
      const d = single(text, 'A2A024');
      assert.equal(at(text, d), '+');
      assert.equal(fixed(text, d), pay.replace('callerName=Shop', 'callerName=A%2BB'));
    });

    it('A2A025 unencoded `#` (fix: %23)', () => {
      const text = pay.replace('callerTrxId=T1', 'callerTrxId=T#1');
      const d = single(text, 'A2A025');
      assert.equal(fixed(text, d), pay.replace('callerTrxId=T1', 'callerTrxId=T%231'));
    });

    it('A2A026 raw space: encode first for text, remove first where a space cannot belong', () => {
      const text = pay.replace('callerName=Shop', 'callerName=My  Shop');
      const d = single(text, 'A2A026');
      assert.equal(at(text, d), '  ');
      assert.deepEqual(
        d.fixes?.map((f) => f.title),
        ['Percent-encode as `%20`', 'Remove the whitespace (line-wrap artefact)'],
      );
      assert.equal(fixed(text, d), pay.replace('callerName=Shop', 'callerName=My%20%20Shop'));
      const amount = pay.replace('amount=150', 'amount=1 50');
      const e = single(amount, 'A2A026');
      assert.equal(fixed(amount, e), pay);
    });

    it('A2A028 `×tamp` instead of `&timestamp`', () => {
      const text = rev.replace('&timestamp', '\u00d7tamp');
      const d = single(text, 'A2A028');
      assert.equal(at(text, d), '×tamp');
      assert.equal(fixed(text, d), rev);
    });

    it('A2A029 `&amp;` outside XML/HTML', () => {
      const text = pay.replace('&callerName', '&amp;callerName');
      const d = single(text, 'A2A029');
      assert.equal(at(text, d), '&amp;');
      assert.equal(d.message, '`&amp;` is the HTML spelling of `&`, copied from a web page; here it makes Nexi POS read `amp;callerName` as the name. Write `&`.');
      assert.equal(fixed(text, d), pay);
    });

    it('A2A029 in a result URI names the app that reads it, not Nexi POS', () => {
      const scanned = scanText('pizzapay://payment?result=0&amp;amount=100&callerTrxId=A')[0]!;
      assert.equal(scanned.kind, 'result');
      const d = validateUri(scanned).find((x) => x.code === 'A2A029');
      assert.equal(d?.message, '`&amp;` is the HTML spelling of `&`, copied from a web page; in a result URI it makes the app that reads it see `amp;amount` as the name. Write `&`.');
    });

    it('A2A030 missing `&` before a parameter', () => {
      const text = pay.replace('&uri=', 'uri=');
      const d = single(text, 'A2A030');
      assert.equal(at(text, d), 'uri');
      assert.equal(fixed(text, d), pay);
      // An unencoded query inside a value is not a missing `&`.
      expectCodes(pay.replace('uri=myapp%3A%2F%2Fpayment', 'uri=myapp://cb?callerTrxId=1'), []);
    });

    it('A2A031 malformed percent-escape (fix: %25)', () => {
      const text = pay.replace('callerName=Shop', 'callerName=100%zz');
      const d = single(text, 'A2A031');
      assert.equal(at(text, d), '%');
      assert.equal(fixed(text, d), pay.replace('callerName=Shop', 'callerName=100%25zz'));
    });
  });

  describe('URIs inside other text', () => {
    it('ranges and edits refer to the document; string-literal escapes are respected', () => {
      const doc = 'val uri = "neximpos://payment?amount=1.50&callerName=\\"Joe\\"&callerTrxId=T1&uri=myapp%3A%2F%2Fpayment"\n';
      const [u] = scanText(doc);
      const ds = validateUri(u);
      assert.deepEqual(
        ds.map((d) => d.code),
        ['A2A004'],
      );
      assert.equal(at(doc, ds[0]), '1.50');
      assert.equal(applyEdits(doc, ds[0].fixes?.[0].edits ?? []), doc.replace('1.50', '150'));
    });

    it('template values are not checked; a concatenated URI is not reported as incomplete', () => {
      const kotlin = 'val u = "neximpos://payment?amount=$cents&callerName=${shop.name}&callerTrxId=$id&uri=myapp%3A%2F%2Fpayment"';
      assert.deepEqual(validateUri(scanText(kotlin)[0]), []);
      const java = 'String u = "neximpos://payment?amount=" + cents + "&callerTrxId=" + id;';
      const [u] = scanText(java);
      assert.equal(u.partial, true);
      assert.deepEqual(validateUri(u), []);
      const swift = 'let u = "neximpos://payment?amount=\\(cents)&callerName=Shop&callerTrxId=\\(id)&uri=myapp%3A%2F%2Fpayment"';
      assert.deepEqual(validateUri(scanText(swift)[0]), []);
      const format = 'String.format("neximpos://payment?amount=%d&callerName=%s&callerTrxId=%1$s&uri=myapp%3A%2F%2Fpayment", a, b)';
      assert.deepEqual(validateUri(scanText(format)[0]), []);
    });

    it('XML: `&amp;` is correct there, and inserted text is escaped as `&amp;`', () => {
      const xml = '<string name="pay">neximpos://payment?amount=150&amp;callerName=Shop&amp;uri=myapp%3A%2F%2Fpayment</string>';
      const [u] = scanText(xml);
      assert.equal(u.markup, true);
      const [d] = validateUri(u);
      assert.equal(d.code, 'A2A003');
      assert.equal(applyEdits(xml, d.fixes?.[0].edits ?? []), xml.replace('</string>', '&amp;callerTrxId=${1:order-1}</string>'));
      const attr = '<data android:value="neximpos://payment?amount=150&amp;callerName=Shop&amp;callerTrxId=T1&amp;uri=myapp%3A%2F%2Fpayment"/>';
      assert.deepEqual(validateUri(scanText(attr)[0]), []);
    });

    it('results get only the artefact checks', () => {
      const log = 'demonexi://payment?result=0&amount=1&callerTrxId=x&operationType=PAYMENT&resultDescription=TRANSAZIONE APPROVATA&CT110=2025-05-16T14:51:51+02:00';
      const [u] = scanText(log);
      assert.equal(u.kind, 'result');
      assert.deepEqual(validateUri(u), []);
    });
  });

  describe('message table', () => {
    it('templates fill placeholders, fall back for unknown variants, and accept translations', () => {
      assert.equal(formatMessage('A2A010', { name: 'amount' }), '`amount` appears more than once; Android reads only the first occurrence. Keep one.');
      assert.equal(formatMessage('A2A010', { name: 'amount' }, 'nope'), formatMessage('A2A010', { name: 'amount' }));
      assert.equal(formatMessage('A2A010', { name: 'amount' }, undefined, { messages: { A2A010: { message: '`{name}` ripetuto.' } } }), '`amount` ripetuto.');
      const it = validateUri(`${pay}&amount=1`, { messages: { messages: { A2A010: { message: '`{name}` ripetuto.' } }, fixTitles: { removeParameter: 'Rimuovi `{name}`' } } });
      assert.equal(it[0].message, '`amount` ripetuto.');
      assert.equal(it[0].fixes?.[0].title, 'Rimuovi `amount`');
    });

    it('A2A038 a value outside the catalog\'s values (no real request parameter is an enum yet: a fixture catalog adds one)', () => {
      const [, wrong] = withCatalog(fixtureOperations, () => expectCodes(`${pay}&receiptLanguage=Fr`, ['A2A032', 'A2A038']));
      assert.equal(at(`${pay}&receiptLanguage=Fr`, wrong), 'Fr');
      assert.match(wrong.message, /takes one of `IT`, `EN`, `DE`, not `Fr`/);
      const [, slip] = withCatalog(fixtureOperations, () => expectCodes(`${pay}&receiptLanguage=de`, ['A2A032', 'A2A038']));
      assert.equal(fixed(`${pay}&receiptLanguage=de`, slip), `${pay}&receiptLanguage=DE`);
    });

    it('codes are A2A001… in order, each with a severity, a title and a source', () => {
      const codes = Object.keys(diagnosticCodes);
      assert.deepEqual(
        codes,
        codes.map((_, i) => `A2A${String(i + 1).padStart(3, '0')}`),
      );
      for (const info of Object.values(diagnosticCodes)) {
        assert.ok(['error', 'warning', 'info', 'hint'].includes(info.severity));
        assert.ok(info.title.length > 0 && info.source.length > 0 && info.message.length > 0);
      }
    });
  });

  // Last child suite, so it runs after every other test of this file.
  describe('coverage', () => {
    it('every diagnostic code of the table has a test in this file', () => {
      const missing = Object.keys(diagnosticCodes).filter((c) => !covered.has(c));
      assert.deepEqual(missing, []);
    });
  });
});
