import { strict as assert } from 'assert';
import { b2bUrls, documentedEndpoints, resolveEnvironments, validateEndpointUrl, validateEnvironmentId } from '../../src/core/environments';

describe('environments', () => {
  it('resolves STG, PROD and Sandbox with the documented URLs of spec §14.1 by default', () => {
    const { environments, problems } = resolveEnvironments({});
    assert.deepEqual(problems, []);
    assert.deepEqual(environments.map((e) => e.id), ['stg', 'prod', 'sandbox']);
    const [stg, prod, sandbox] = environments;
    assert.deepEqual(stg!.endpoints, { baseUrl: 'https://stgb2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://stgb2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction' });
    assert.deepEqual(prod!.endpoints, { baseUrl: 'https://b2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://b2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction' });
    assert.equal(prod!.production, true);
    assert.equal(stg!.production, false);
    assert.equal(stg!.certificateFlavour, 'staging');
    assert.equal(prod!.portalUrl, 'https://posweb.nexi.it/login');
    assert.equal(sandbox!.kind, 'sandbox');
    assert.equal(sandbox!.endpoints, undefined);
    assert.match(sandbox!.problem!, /not running/);
  });

  it('takes a separate checkTransaction URL (the Java sample\'s staging host) and normalises trailing slashes', () => {
    const { environments } = resolveEnvironments({ stg: { baseUrl: 'https://stgb2bsoftpos.nexigroup.com/', checkTransactionUrl: 'https://stgb2b-issuing.nexi.it/mpos-core/app/checkTransaction' } });
    assert.deepEqual(environments[0]!.endpoints, { baseUrl: 'https://stgb2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://stgb2b-issuing.nexi.it/mpos-core/app/checkTransaction' });
  });

  it('derives token, JWKS, PAR and the assertion audience from the base URL (spec §14.3–14.6)', () => {
    assert.deepEqual(b2bUrls(documentedEndpoints.stg), {
      token: 'https://stgb2bsoftpos.nexigroup.com/softpos/appenrollment/token',
      jwks: 'https://stgb2bsoftpos.nexigroup.com/softpos/par/jwks.json',
      par: 'https://stgb2bsoftpos.nexigroup.com/softpos/as/par',
      audience: 'https://stgb2bsoftpos.nexigroup.com',
      checkTransaction: 'https://stgb2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction',
    });
  });

  it('refuses plain http, embedded credentials, queries and non-URLs, with a specific message', () => {
    assert.match(validateEndpointUrl('http://stgb2bsoftpos.nexigroup.com')!, /https/);
    assert.match(validateEndpointUrl('https://user:pw@example.com')!, /user name or password/);
    assert.doesNotMatch(validateEndpointUrl('https://user:pw@example.com')!, /pw/);
    assert.match(validateEndpointUrl('https://example.com/x?y=1')!, /query/);
    assert.match(validateEndpointUrl('not a url')!, /not a URL/);
    assert.match(validateEndpointUrl('')!, /empty/);
    assert.equal(validateEndpointUrl('https://example.com/base'), undefined);
    assert.equal(validateEndpointUrl('http://127.0.0.1:8443', { allowLoopbackHttp: true }), undefined);
    assert.match(validateEndpointUrl('http://10.0.0.1:8443', { allowLoopbackHttp: true })!, /https/);
  });

  it('marks a built-in environment with an invalid URL setting as unusable instead of silently using another host', () => {
    const { environments, problems } = resolveEnvironments({ prod: { baseUrl: 'http://b2bsoftpos.nexigroup.com' } });
    const prod = environments.find((e) => e.id === 'prod')!;
    assert.equal(prod.endpoints, undefined);
    assert.match(prod.problem!, /nexi\.endpoints\.prod\.baseUrl/);
    assert.equal(problems.length, 1);
  });

  it('adds user-defined environments, validating ids and URLs, and treats ones aimed at Nexi PROD as production', () => {
    const { environments, problems } = resolveEnvironments({
      custom: [
        { id: 'uat', label: 'UAT proxy', baseUrl: 'https://uat.example.com', checkTransactionUrl: 'https://uat.example.com/check' },
        { id: 'prod-eu', baseUrl: 'https://b2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://b2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction' },
        { id: 'stg', baseUrl: 'https://x.example.com', checkTransactionUrl: 'https://x.example.com/c' },
        { id: 'Bad Id', baseUrl: 'https://x.example.com', checkTransactionUrl: 'https://x.example.com/c' },
        { id: 'uat', baseUrl: 'https://x.example.com', checkTransactionUrl: 'https://x.example.com/c' },
        { id: 'plain', baseUrl: 'http://x.example.com', checkTransactionUrl: 'https://x.example.com/c' },
        'nonsense',
      ],
    });
    const custom = environments.filter((e) => e.kind === 'custom');
    assert.deepEqual(custom.map((e) => e.id), ['uat', 'prod-eu', 'plain']);
    assert.equal(custom[0]!.label, 'UAT proxy');
    assert.equal(custom[0]!.production, false);
    assert.equal(custom[0]!.certificateFlavour, 'any');
    assert.equal(custom[1]!.production, true);
    assert.equal(custom[2]!.endpoints, undefined);
    assert.match(problems.map((p) => p.message).join('\n'), /built-in/);
    assert.match(problems.map((p) => p.message).join('\n'), /not a valid id/);
    assert.match(problems.map((p) => p.message).join('\n'), /defined twice/);
    assert.match(problems.map((p) => p.message).join('\n'), /custom\[6\] must be an object/);
    assert.equal(problems.length, 5);
  });

  it('validates environment ids for the secret key template nexi.<env>.<field>', () => {
    assert.equal(validateEnvironmentId('uat-2'), undefined);
    assert.match(validateEnvironmentId('prod')!, /built-in/);
    assert.match(validateEnvironmentId('a.b')!, /not a valid id/);
    assert.match(validateEnvironmentId('uat', ['uat'])!, /twice/);
  });

  it('takes the sandbox endpoints a running sandbox publishes, http on loopback only', () => {
    const ok = resolveEnvironments({ sandbox: { baseUrl: 'http://127.0.0.1:47011', checkTransactionUrl: 'http://127.0.0.1:47011/mpos-core/app/checkTransaction' } });
    assert.deepEqual(ok.environments[2]!.endpoints, { baseUrl: 'http://127.0.0.1:47011', checkTransactionUrl: 'http://127.0.0.1:47011/mpos-core/app/checkTransaction' });
    const bad = resolveEnvironments({ sandbox: { baseUrl: 'http://192.168.1.4:47011', checkTransactionUrl: 'http://192.168.1.4:47011/c' } });
    assert.equal(bad.environments[2]!.endpoints, undefined);
  });
});
