import { strict as assert } from 'assert';
import { holdsPan, luhnValid, maskEveryPan, maskPan, maskPans, redact } from '../../src/core/redact';
import fc from 'fast-check';

describe('redact', () => {
  it('removes PEM blocks, also truncated ones', () => {
    const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----';
    assert.equal(redact(`key: ${pem} done`), 'key: [redacted private key] done');
    assert.equal(redact('-----BEGIN RSA PRIVATE KEY-----\nMIIEow'), '[redacted rsa private key]');
  });

  it('removes bearer tokens and compact JOSE objects', () => {
    assert.equal(redact('Authorization: Bearer abcdefghijklmnop.qrs'), 'Authorization: Bearer [redacted]');
    const jwe = 'eyJhbGciOiJSU0EtT0FFUC0yNTYifQ.a2V5.aXY.Y2lwaGVy.dGFn';
    assert.equal(redact(`client_assertion: ${jwe}`), 'client_assertion: [redacted]');
    assert.equal(redact(`sent ${jwe} ok`), 'sent [redacted jose] ok');
    assert.equal(redact('jws eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln'), 'jws [redacted jose]');
  });

  it('removes values of secret-named keys in forms, JSON and headers', () => {
    assert.equal(redact('grant_type=client_credentials&client_id=app&client_secret=s3cr3t!'), 'grant_type=client_credentials&client_id=app&client_secret=[redacted]');
    assert.equal(redact('{"access_token":"abc.def","token_type":"Bearer"}'), '{"access_token":[redacted],"token_type":"Bearer"}');
    assert.equal(redact('passphrase: hunter22'), 'passphrase: [redacted]');
  });

  it('removes known secret values wherever they appear', () => {
    assert.equal(redact('the value Zx9-Qq appeared', ['Zx9-Qq']), 'the value [redacted] appeared');
    assert.equal(redact('abc stays', ['abc']), 'abc stays', 'too short to be a secret');
  });

  it('masks Luhn-valid PANs and leaves other digit runs alone', () => {
    assert.ok(luhnValid('4111111111111111'));
    assert.ok(!luhnValid('4111111111111112'));
    assert.equal(maskPan('5333171234565938'), '533317******5938');
    assert.equal(maskPans('pan=4111111111111111&stan=000002'), 'pan=411111******1111&stan=000002');
    assert.equal(maskPans('rrn 513614271424 and f42 000000009041042'), 'rrn 513614271424 and f42 000000009041042');
    assert.equal(redact('pan=************5938'), 'pan=************5938');
  });
});

describe('maskPans on texts met again (those found clean are known after)', () => {
  it('masks a text the same way again, and never takes one found clean while an identifier was kept for clean', () => {
    const text = 'ref 4111111111111111 tlv 9F3602015B95050000008001';
    const keep = new Set(['4111111111111111']);
    // Clean with the identifier kept: not known as clean for a call that keeps nothing.
    assert.equal(maskPans(text, keep), text);
    assert.equal(maskPans(text), 'ref 411111******1111 tlv 9F3602015B95050000008001');
    assert.equal(maskPans(text, keep), text);
    assert.equal(maskPans(text), 'ref 411111******1111 tlv 9F3602015B95050000008001');
    assert.equal(holdsPan(text), true);
    const clean = 'tlv 9F3602015B95050000008001';
    assert.equal(maskPans(clean), clean);
    assert.equal(maskPans(clean), clean);
    assert.equal(holdsPan(clean), false);
    // Many other texts of that shape in between (those known are dropped, not grown without end).
    for (let i = 0; i < 1000; i++) maskPans(`x ${4111111111111111 + i * 10} y ${9505000000800 + i}`);
    assert.equal(maskPans(text), 'ref 411111******1111 tlv 9F3602015B95050000008001');
    assert.equal(maskPans(text, keep), text);
    assert.equal(maskPans(clean), clean);
  });
});

describe('holdsPan (what maskPans would mask)', () => {
  it('is true exactly where maskPans, keeping nothing, changes the text', () => {
    const cases = ['pan 4111111111111111 here', '4111111111111112', 'id 123456789012', 'a 41111111111111111111 b', 'x5500005555555559y', '', 'no digits', 'two 4111111111111111 and 1234'];
    for (const text of cases) assert.equal(holdsPan(text), maskPans(text) !== text, text);
    assert.equal(holdsPan(undefined), false);
  });
});

describe('maskPans looks at one character in 13 (hasDigitRun)', () => {
  // The plain reading: every run of 13–19 digits (no digit either side) that passes Luhn, masked.
  const plain = (text: string): string => text.replace(/(?<![0-9])[0-9]{13,19}(?![0-9])/g, (d) => (luhnValid(d) ? maskPan(d) : d));
  // Digits most of the time, so that runs of every length end and start at every offset.
  const digitHeavy = fc.array(fc.constantFrom('0', '1', '4', '5', '9', '9', '7', '3', ' ', 'a', '-', '٣'), { maxLength: 120 }).map((cs) => cs.join(''));

  it('masks exactly what the plain regular expression masks, wherever runs start and end', () => {
    fc.assert(
      fc.property(digitHeavy, (text) => {
        assert.equal(maskPans(text), plain(text));
        assert.equal(holdsPan(text), plain(text) !== text);
      }),
      { numRuns: 3000 },
    );
  });

  it('finds a run at the very start, at the very end, and across a checked index', () => {
    for (const pan of ['4222222222222', '4111111111111111', '5500005555555559', '4012888888881881', '6011000990139424']) {
      for (let pad = 0; pad <= 26; pad++) {
        const before = 'x'.repeat(pad);
        assert.equal(maskPans(before + pan), before + maskPan(pan), `${pad} before`);
        assert.equal(maskPans(pan + before), maskPan(pan) + before, `${pad} after`);
        assert.equal(maskPans(`${before}12 ${pan} 34`), `${before}12 ${maskPan(pan)} 34`, `${pad} between short runs`);
      }
    }
  });
});

describe('maskPans: card numbers written in groups', () => {
  it('masks a card number in groups of 3–6 digits joined by a space, a dash, a + or %20, keeping the separators', () => {
    assert.equal(maskPans('pan=4111 1111 1111 1111'), 'pan=4111 11** **** 1111');
    assert.equal(maskPans('4111-1111-1111-1111.'), '4111-11**-****-1111.');
    assert.equal(maskPans('pan=4111+1111+1111+1111&x=1'), 'pan=4111+11**+****+1111&x=1');
    assert.equal(maskPans('pan=4111%201111%201111%201111'), 'pan=4111%2011**%20****%201111');
    assert.equal(maskPans('amex 3782 822463 10005'), 'amex 3782 82**** *0005', 'Amex 4-6-5');
    assert.equal(maskPans('6304 0000 0000 0000 018'), '6304 00** **** ***0 018', '19 digits, 4-4-4-4-3');
    // The shortest groups, three digits, with every separator: no six digits in a row anywhere.
    assert.equal(maskPans('x 378 282 246 310 005 y'), 'x 378 282 *** **0 005 y');
    assert.equal(maskPans('378-282-246-310-005'), '378-282-***-**0-005');
    assert.equal(maskPans('378%20282%20246%20310%20005'), '378%20282%20***%20**0%20005');
    // A run right after a %20, which the first pass reads with the 20 in front.
    assert.equal(maskPans('Shop%204111111111111111'), 'Shop%20411111******1111');
    // The card number among longer chains of groups.
    assert.equal(maskPans('ref 1234 4111 1111 1111 1111 end'), 'ref 1234 4111 11** **** 1111 end');
  });

  it('leaves dates, times, phone numbers, short groups and numbers failing Luhn alone', () => {
    for (const text of ['2025-05-16 14:51:51', '+39 02 1234 5678', '4111 1111 1111 1112', '41 11 11 11 11 11 11 11', '4111111 111111111', '1 234 567 890 123', 'x 411111******1111 y']) {
      assert.equal(maskPans(text), text, text);
      assert.equal(holdsPan(text), false, text);
    }
  });

  it('keeps an identifier of the URI written in groups too, and masks every one in a PAN field', () => {
    assert.equal(maskPans('id 4111 1111 1111 1111', new Set(['4111111111111111'])), 'id 4111 1111 1111 1111');
    assert.equal(maskEveryPan('4111 1111 1111 1112'), '4111 11** **** 1112', 'a PAN field masks a mistyped one');
    assert.equal(maskEveryPan('pan=4111111111111112'), 'pan=411111******1112');
  });

  // A card number (Luhn-completed), written in groups, inside text that never has a digit next to it.
  const luhnComplete = (body: string): string => {
    for (let d = 0; d <= 9; d++) if (luhnValid(body + d)) return body + d;
    throw new Error('unreachable');
  };
  const grouping = fc.constantFrom([4, 4, 4, 4], [4, 6, 5], [4, 6, 4], [4, 4, 4, 4, 3], [4, 4, 5], [6, 6, 4], [3, 5, 5]);
  const groupedPan = fc
    .tuple(grouping, fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 18, maxLength: 18 }), fc.constantFrom(' ', '-', '+', '%20'))
    .map(([sizes, digits, sep]) => {
      const total = sizes.reduce((a, b) => a + b, 0);
      const pan = luhnComplete(digits.slice(0, total - 1).join(''));
      let at = 0;
      return { pan, text: sizes.map((n) => pan.slice(at, (at += n))).join(sep) };
    });
  const words = fc.array(fc.constantFrom('a', 'b', ' ', '.', '&', '=', '€', 'x'), { maxLength: 12 }).map((cs) => cs.join(''));

  it('masks every such number wherever it stands: only its first 6 and last 4 digits stay visible', () => {
    fc.assert(
      fc.property(words, groupedPan, words, (before, { pan, text }, after) => {
        const out = maskPans(`${before}x${text}x${after}`);
        // Its digits in order, masked as maskPan masks them; its separators and the text around it unchanged.
        const masked = maskPan(pan);
        let d = 0;
        const expected = text.replace(/%20|[0-9]/g, (c) => (c === '%20' ? c : masked[d++]!));
        assert.equal(out, `${before}x${expected}x${after}`);
        assert.ok(holdsPan(`${before}x${text}x${after}`));
      }),
      { numRuns: 2000 },
    );
  });

  // Digits, separators and a few other characters, so that groups and chains of every shape occur.
  const groupHeavy = fc.array(fc.constantFrom('0', '1', '4', '5', '9', '7', '3', '8', ' ', ' ', '-', '+', '%20', 'a', '*'), { maxLength: 160 }).map((cs) => cs.join(''));
  const plain = (text: string): string => text.replace(/(?<![0-9])[0-9]{13,19}(?![0-9])/g, (d) => (luhnValid(d) ? maskPan(d) : d));
  /** The Luhn-valid card numbers in groups still visible in `text` (a sub-chain of 13–19 digits, all shown). */
  const visibleGrouped = (text: string): string[] => {
    const found: string[] = [];
    for (const m of text.matchAll(/(?<![0-9])[0-9]{3,6}(?:(?:[ +-]|%20)[0-9]{3,6})+(?![0-9])/g)) {
      const groups = m[0].split(/%20|[ +-]/);
      for (let a = 0; a < groups.length; a++) {
        let digits = groups[a]!;
        for (let b = a + 1; b < groups.length && digits.length + groups[b]!.length <= 19; b++) {
          digits += groups[b]!;
          if (digits.length >= 13 && luhnValid(digits)) found.push(digits);
        }
      }
    }
    return found;
  };

  it('masks all the first pass masks, changes only digits to *, leaves no grouped number visible, and is stable', () => {
    fc.assert(
      fc.property(groupHeavy, (text) => {
        const out = maskPans(text);
        const first = plain(text);
        assert.equal(out.length, text.length);
        for (let i = 0; i < text.length; i++) {
          if (first[i] === '*') assert.equal(out[i], '*', `${JSON.stringify(text)} at ${i}`);
          if (out[i] !== text[i]) assert.ok(out[i] === '*' && /[0-9]/.test(text[i]!), `${JSON.stringify(text)} at ${i}`);
        }
        assert.deepEqual(visibleGrouped(out), [], JSON.stringify(text));
        assert.equal(maskPans(out), out);
        assert.equal(holdsPan(text), out !== text);
      }),
      { numRuns: 5000 },
    );
  });
});
