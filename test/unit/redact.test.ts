import { strict as assert } from 'assert';
import { holdsPan, luhnValid, maskPan, maskPans, redact } from '../../src/core/redact';
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
