import { strict as assert } from 'assert';
import { holdsPan, luhnValid, maskPan, maskPans, redact } from '../../src/core/redact';

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
