import { strict as assert } from 'assert';
import { checkResultMarkdown } from '../../src/core/explain/checkMarkdown';
import { connectionFromCredentials, curlCommands, historyLimit, pushHistory, secretValues, type HistoryEntry } from '../../src/core/nexi/fromCredentials';
import { seedTransactions } from '../../src/core/sandbox/transactions';

const env = { baseUrl: 'https://stgb2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://stgb2b-issuing.nexi.it/mpos-core/app/checkTransaction' };

describe('from stored credentials to a check', () => {
  it('names exactly what is missing', () => {
    assert.deepEqual(connectionFromCredentials(env, { secrets: {}, plain: {} }), { missing: ['clientId', 'clientSecret', 'certificate', 'privateKey'] });
    assert.deepEqual(connectionFromCredentials(env, { secrets: { clientSecret: 'abcd', pkcs12: 'AAAA' }, plain: {} }), { missing: ['clientId'] });
  });

  it('builds settings from PEM or PKCS#12 material, with the terminals and optional claims', () => {
    const r = connectionFromCredentials(env, { secrets: { clientSecret: 's3cret', privateKey: 'KEY', privateKeyPassphrase: 'pw' }, plain: { clientId: 'app', certificate: 'CERT', softPosTerminalId: '38032131', mobilePosTerminalId: '30350039', merchantUsername: 'op@shop.it', caBundle: 'CA' } });
    assert.ok('settings' in r);
    assert.equal(r.settings.checkTransactionUrl, env.checkTransactionUrl, 'the separate check URL is kept');
    assert.deepEqual(r.settings.terminalIds, ['38032131', '30350039']);
    assert.deepEqual(r.settings.key, { kind: 'pem', certificate: 'CERT', privateKey: 'KEY', passphrase: 'pw' });
    assert.equal(r.settings.merchantUsername, 'op@shop.it');
    assert.equal(r.settings.ca, 'CA');
    assert.equal(r.settings.clientSecret(), 's3cret');
    const p12 = connectionFromCredentials(env, { secrets: { clientSecret: 's', pkcs12: Buffer.from('p12').toString('base64'), pkcs12Passphrase: 'x' }, plain: { clientId: 'app' } });
    assert.ok('settings' in p12 && p12.settings.key.kind === 'pkcs12' && Buffer.from(p12.settings.key.pkcs12).toString() === 'p12');
    assert.deepEqual(secretValues({ secrets: { clientSecret: 's3cret', privateKeyPassphrase: 'pw' }, plain: { clientId: 'app' } }), ['s3cret']);
  });

  it('curl: placeholders for certificate, key, secret, token and assertion', () => {
    const text = curlCommands({ ...env, clientId: "o'app", terminalId: '30350039', callerTrxId: 'A-1', hasCaBundle: false, pkcs12: true });
    assert.match(text, /curl --cert-type P12 --cert \.\/client\.p12:"\$NEXI_KEY_PASSPHRASE" -X POST 'https:\/\/stgb2bsoftpos\.nexigroup\.com\/softpos\/appenrollment\/token'/);
    assert.match(text, /-X POST 'https:\/\/stgb2b-issuing\.nexi\.it\/mpos-core\/app\/checkTransaction'/);
    assert.match(text, /--data-urlencode 'client_id=o'\\''app'/, 'shell quoting of a quote');
    assert.ok(!text.includes('--cacert'));
  });

  it('history: newest first, one line per lookup, at most 100', () => {
    const entry = (n: number, id = `T-${n}`): HistoryEntry => ({ environmentId: 'stg', environmentLabel: 'STG', terminalId: '1', callerTrxId: id, at: String(n), outcome: 'found' });
    let h: HistoryEntry[] = [];
    for (let i = 0; i < 120; i++) h = pushHistory(h, entry(i));
    assert.equal(h.length, historyLimit);
    assert.equal(h[0]!.callerTrxId, 'T-119');
    h = pushHistory(h, entry(200, 'T-110'));
    assert.equal(h.filter((e) => e.callerTrxId === 'T-110').length, 1);
    assert.equal(h[0]!.at, '200');
  });

  it('the result document: summary, every key explained, raw JSON; secrets redacted, PANs masked, identifiers kept', () => {
    const tx = { ...seedTransactions()[0]!, callerTrxId: '1747399896591', note: 'client_secret=s3cret', pan: '4111111111111111' };
    const md = checkResultMarkdown({ environmentLabel: 'STG', terminalId: '30350039', callerTrxId: '1747399896591', at: '2026-11-21T10:00:00Z', found: { transaction: tx, attempts: 1, durationMs: 42 } }, ['s3cret']);
    assert.match(md, /^\*\*Found\*\*: APPROVED, €12\.50\. 42 ms\.$/m);
    assert.match(md, /\| `amount` \| 000000001250 \| €12\.50 \(1250 minor units of EUR\)\. \| Nexi documentation \|/);
    assert.ok(md.includes('1747399896591'), 'a Luhn-valid callerTrxId stays readable');
    assert.match(md, /\| `status` \| APPROVED \| A field of the checkTransaction response; Nexi does not publish the response schema/, 'a backend field is not called a misplaced URI parameter');
    assert.ok(!md.includes('4111111111111111') && md.includes('411111******1111'));
    assert.ok(!md.includes('s3cret'));
    const err = checkResultMarkdown({ environmentLabel: 'STG', terminalId: '1', callerTrxId: 'x', at: 'now', error: { code: 'CLOCK_SKEW', message: 'CLOCK_SKEW: …' } });
    assert.match(err, /\*\*Clocks out of step\*\* \(`CLOCK_SKEW`\)/);
    assert.match(err, /\*\*Next step:\*\* Synchronise this machine's clock/);
  });
});
