// The B2B client against the strict local sandbox, over real TLS with real client certificates on loopback.
import { strict as assert } from 'assert';
import { createPrivateKey } from 'crypto';
import * as http from 'http';
import * as net from 'net';
import { assertionClaims, audienceOf, makeClientAssertion, pickEncryptionKey } from '../../src/core/nexi/assertion';
import { interpretCheckResponse, NexiClient, type ClientConfig } from '../../src/core/nexi/client';
import { NexiError, type NexiErrorCode } from '../../src/core/nexi/errors';
import { bypassesProxy, resolveProxy, Transport } from '../../src/core/nexi/http';
import { generatePki, issueClientCertificate, type Pem, type SandboxPki } from '../../src/core/sandbox/pki';
import { certificateFingerprint, Sandbox, sandboxDefaults, type SandboxLogLine } from '../../src/core/sandbox/server';

const tid = sandboxDefaults.mobilePosTerminalId;
const found = { terminalId: tid, callerTrxId: 'PP-20261121-0001' };

async function rejects(p: Promise<unknown>, code: NexiErrorCode): Promise<NexiError> {
  try {
    await p;
  } catch (err) {
    assert.ok(err instanceof NexiError, `expected a NexiError, got ${String(err)}`);
    assert.equal(err.code, code, err.message);
    return err;
  }
  return assert.fail(`expected ${code}`);
}

describe('B2B client against the local sandbox (real mTLS on loopback)', function () {
  this.timeout(60000);
  let pki: SandboxPki;
  let stranger: SandboxPki; // a PKI the sandbox does not trust
  let sandbox: Sandbox;
  let log: SandboxLogLine[];
  const clients: NexiClient[] = [];

  function client(overrides: Partial<ClientConfig> = {}, cert: Pem = pki.client, ca = pki.ca.certificate): NexiClient {
    const c = new NexiClient({
      baseUrl: sandbox.url,
      clientId: sandboxDefaults.clientId,
      clientSecret: () => sandboxDefaults.clientSecret,
      terminalIds: [sandboxDefaults.mobilePosTerminalId, sandboxDefaults.softPosTerminalId],
      signingKey: createPrivateKey(cert.privateKey),
      transport: { tls: { cert: cert.certificate, key: cert.privateKey, ca } },
      retry: { baseDelayMs: 10 },
      ...overrides,
    });
    clients.push(c);
    return c;
  }

  before(async () => {
    [pki, stranger] = await Promise.all([generatePki(), generatePki()]);
  });

  beforeEach(async () => {
    log = [];
    // The verbose profile: these tests read the sandbox's reasons (the opaque one, Nexi's, is in faultMatrix.test.ts).
    sandbox = await Sandbox.start({ pki, log: (l) => log.push(l), errorProfile: 'verbose' });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await sandbox.close();
  });

  describe('success and connection reuse', () => {
    it('a cold check: 1 TLS handshake for token + JWKS + check; a warm one: 0 handshakes, 1 request', async () => {
      const c = client();
      const r = await c.checkTransaction(found);
      assert.equal(r.transaction.status, 'APPROVED');
      assert.equal(r.transaction.authorizationNumber, '012651');
      assert.equal(r.attempts, 1);
      assert.deepEqual(sandbox.stats.requests, { token: 1, jwks: 1, checkTransaction: 1, other: 0 });
      assert.equal(sandbox.stats.handshakes, 1);
      await c.checkTransaction({ terminalId: tid, callerTrxId: 'PP-20261121-0002' });
      assert.deepEqual(sandbox.stats.requests, { token: 1, jwks: 1, checkTransaction: 2, other: 0 });
      assert.equal(sandbox.stats.handshakes, 1);
    });

    it('20 concurrent checks share 1 token request and 1 JWKS request', async () => {
      const c = client();
      const results = await Promise.all(Array.from({ length: 20 }, () => c.checkTransaction(found)));
      assert.ok(results.every((r) => r.transaction.callerTrxId === found.callerTrxId));
      assert.equal(sandbox.stats.requests.token, 1);
      assert.equal(sandbox.stats.requests.jwks, 1);
      assert.equal(sandbox.stats.requests.checkTransaction, 20);
    });

    it('logs one JSON line per request with the verdict and the reason', async () => {
      await client().checkTransaction(found);
      assert.deepEqual(log.map((l) => [l.path, l.status, l.verdict]), [
        ['/softpos/appenrollment/token', 200, 'accepted'],
        ['/softpos/par/jwks.json', 200, 'accepted'],
        ['/mpos-core/app/checkTransaction', 200, 'accepted'],
      ]);
      assert.ok(log.every((l) => !JSON.stringify(l).includes(sandboxDefaults.clientSecret)), 'no secret in the log');
    });

    it('works through an HTTP CONNECT proxy, with mTLS end to end', async () => {
      const tunnels: string[] = [];
      const proxy = http.createServer();
      proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket, head: Buffer) => {
        tunnels.push(req.url ?? '');
        const [host, port] = (req.url ?? '').split(':');
        const upstream = net.connect(Number(port), host, () => {
          socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
          upstream.write(head);
          upstream.pipe(socket);
          socket.pipe(upstream);
        });
        upstream.on('error', () => socket.destroy());
        socket.on('error', () => upstream.destroy());
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
      try {
        const port = (proxy.address() as net.AddressInfo).port;
        const c = client({ transport: { tls: { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate }, proxy: `http://127.0.0.1:${port}`, env: {} } });
        const r = await c.checkTransaction(found);
        assert.equal(r.transaction.status, 'APPROVED');
        assert.ok(tunnels.length >= 1 && tunnels.every((t) => t === new URL(sandbox.url).host), JSON.stringify(tunnels));
        await c.close();
      } finally {
        proxy.closeAllConnections();
        await new Promise((r) => proxy.close(r));
      }
    });
  });

  describe('every rejection the sandbox knows', () => {
    it('wrong client secret → TOKEN_INVALID_CLIENT', async () => {
      await rejects(client({ clientSecret: () => 'wrong' }).checkTransaction(found), 'TOKEN_INVALID_CLIENT');
      assert.match(log[0]!.reason, /invalid_client/);
    });

    it('no client certificate → TLS_CLIENT_CERT_REJECTED', async () => {
      const c = client({ transport: { tls: { ca: pki.ca.certificate } } });
      await rejects(c.checkTransaction(found), 'TLS_CLIENT_CERT_REJECTED');
      await waitFor(() => log.some((l) => l.reason === 'TLS: no client certificate'));
    });

    it('a client certificate from an untrusted CA → TLS_CLIENT_CERT_REJECTED', async () => {
      await rejects(client({}, stranger.client).checkTransaction(found), 'TLS_CLIENT_CERT_REJECTED');
      await waitFor(() => log.some((l) => /^TLS: client certificate not trusted \(/.test(l.reason)));
    });

    it('a trusted certificate that is not registered for the client → TOKEN_INVALID_CLIENT', async () => {
      const other = await issueClientCertificate(pki);
      await rejects(client({}, other).checkTransaction(found), 'TOKEN_INVALID_CLIENT');
      assert.match(log[0]!.reason, /not registered/);
    });

    it('an untrusted server certificate → TLS_SERVER_UNTRUSTED (verification is never off)', async () => {
      await rejects(client({}, pki.client, stranger.ca.certificate).checkTransaction(found), 'TLS_SERVER_UNTRUSTED');
    });

    it('wrong aud → ASSERTION_REJECTED', async () => {
      const r = await rawCheck({ aud: 'https://stgb2bsoftpos.nexigroup.com' });
      assert.equal(r.status, 400);
      assert.throws(() => interpretCheckResponse(r), (e: NexiError) => e.code === 'ASSERTION_REJECTED' && /aud must be/.test(e.message));
    });

    it('a replayed jti → ASSERTION_REJECTED', async () => {
      const first = await rawCheck({}, { reuse: true });
      assert.equal(first.status, 200);
      const replay = await rawCheck({}, { reuse: true });
      assert.equal(replay.status, 400);
      assert.match(replay.body, /replay/);
    });

    it('a jti is still refused as a replay after older, expired ones were forgotten', async () => {
      const now = Math.floor(Date.now() / 1000);
      const shortLived = await rawCheck({ exp: now + 5 }); // seconds to spare: a slow machine must not expire it early
      assert.equal(shortLived.status, 200);
      const kept = await rawCheck({});
      assert.equal(kept.status, 200);
      sandbox.clockOffsetSeconds = 30; // the short-lived assertion has expired: the next check sweeps it out
      assert.equal((await rawCheck({})).status, 200);
      const expired = await rawCheck({}, { assertion: shortLived.assertion });
      assert.match(expired.body, /expired/);
      const replay = await rawCheck({}, { assertion: kept.assertion });
      assert.equal(replay.status, 400);
      assert.match(replay.body, /replay/);
    });

    it('an assertion expired because the client clock is 20 min behind → CLOCK_SKEW with the measured offset', async () => {
      const c = client({ now: () => Date.now() - 20 * 60 * 1000 });
      const e = await rejects(c.checkTransaction(found), 'CLOCK_SKEW');
      assert.match(e.message, /expired/);
      assert.match(e.message, /this machine's clock is 1(199|200|201) s behind the server's/);
    });

    it('a client clock ahead → CLOCK_SKEW', async () => {
      const e = await rejects(client({ now: () => Date.now() + 60_000 }).checkTransaction(found), 'CLOCK_SKEW');
      assert.match(e.message, /in the future/);
      assert.match(e.message, /this machine's clock is (59|60|61) s ahead of the server's/);
    });

    it('a terminal the app does not serve → TERMINAL_NOT_FOUND; an unknown callerTrxId → TRANSACTION_NOT_FOUND', async () => {
      const c = client();
      await rejects(c.checkTransaction({ terminalId: '99999999', callerTrxId: 'x' }), 'TERMINAL_NOT_FOUND');
      const e = await rejects(c.checkTransaction({ terminalId: tid, callerTrxId: 'nope' }), 'TRANSACTION_NOT_FOUND');
      assert.match(e.message, /Transaction for terminalId 30350039 not found/);
    });

    it('a blank callerTrxId → VALIDATION_FAILED with the field errors', async () => {
      const e = await rejects(client().checkTransaction({ terminalId: tid, callerTrxId: '' }), 'VALIDATION_FAILED');
      assert.deepEqual(e.details.fieldErrors, [{ field: 'callerTrxId', message: 'must not be blank (the lookup needs it)' }]);
    });

    it('an assertion signed with a key that is not the certificate\'s → ASSERTION_REJECTED', async () => {
      const other = await issueClientCertificate(pki);
      const e = await rejects(client({ signingKey: createPrivateKey(other.privateKey) }).checkTransaction(found), 'ASSERTION_REJECTED');
      assert.match(e.message, /RS256 signature by the TLS client certificate's key/);
    });
  });

  describe('recovery', () => {
    it('recovers from a JWKS rotation with one refetch', async () => {
      const c = client();
      await c.checkTransaction(found);
      await sandbox.rotateJwks();
      const r = await c.checkTransaction(found);
      assert.equal(r.attempts, 2);
      assert.equal(sandbox.stats.requests.jwks, 2);
      assert.ok(log.some((l) => /unknown encryption key/.test(l.reason)));
    });

    it('recovers from token expiry with one token refresh', async () => {
      const c = client();
      await c.checkTransaction(found);
      sandbox.expireTokens();
      const r = await c.checkTransaction(found);
      assert.equal(r.attempts, 2);
      assert.equal(sandbox.stats.requests.token, 2);
    });

    it('renews a short-lived token at 75 % of its lifetime, without a 401', async () => {
      let now = Date.now();
      sandbox.tokenLifetimeSeconds = 100;
      const c = client({ now: () => now });
      await c.checkTransaction(found);
      // The sandbox's clock moves with the client's (a clock ahead of the server's is rejected).
      now += 74_000;
      sandbox.clockOffsetSeconds = 74;
      await c.checkTransaction(found);
      assert.equal(sandbox.stats.requests.token, 1);
      now += 2_000; // 76 s: past 75 %
      sandbox.clockOffsetSeconds = 76;
      await c.checkTransaction(found);
      assert.equal(sandbox.stats.requests.token, 2);
      assert.ok(!log.some((l) => l.status === 401));
    });

    it('retries an HTML 502 page and a dropped connection, with a fresh assertion each time', async () => {
      const c = client();
      await c.checkTransaction(found); // warm up token and key
      sandbox.failNext('html502');
      sandbox.failNext('drop');
      const r = await c.checkTransaction(found);
      assert.equal(r.attempts, 3);
      assert.equal(r.transaction.status, 'APPROVED'); // a reused jti would have been rejected as a replay
    });

    it('reports a persistent HTML 502 as UPSTREAM_HTML_ERROR, persistent drops as CONNECTION_RESET', async () => {
      const c = client();
      await c.checkTransaction(found);
      sandbox.failNext('html502', 3);
      const e = await rejects(c.checkTransaction(found), 'UPSTREAM_HTML_ERROR');
      assert.match(e.message, /502 Bad Gateway/);
      sandbox.failNext('drop', 3);
      await rejects(c.checkTransaction(found), 'CONNECTION_RESET');
    });

    it('never retries a 500: SERVER_ERROR at once', async () => {
      const c = client();
      await c.checkTransaction(found);
      sandbox.failNext('500');
      await rejects(c.checkTransaction(found), 'SERVER_ERROR');
      assert.equal(sandbox.stats.requests.checkTransaction, 2);
    });

    it('adds latency without failing, and a cancelled call stops with CANCELLED', async () => {
      const c = client();
      sandbox.latencyMs = 50;
      const ac = new AbortController();
      const p = c.checkTransaction(found, { signal: ac.signal });
      setTimeout(() => ac.abort(), 20);
      await rejects(p, 'CANCELLED');
    });
  });

  /** Sends one checkTransaction with hand-made claims (to reach rejections the client itself never produces). */
  let reused: string | undefined;
  async function rawCheck(claimOverrides: Record<string, unknown>, opts: { reuse?: boolean; assertion?: string } = {}) {
    const t = new Transport({ tls: { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate } });
    try {
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sandboxDefaults.clientId, client_secret: sandboxDefaults.clientSecret }).toString();
      const token = JSON.parse((await t.request(sandbox.url + '/softpos/appenrollment/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form })).body) as { access_token: string };
      const jwks = JSON.parse((await t.request(sandbox.url + '/softpos/par/jwks.json', { method: 'GET', headers: {} })).body) as { keys: [] };
      const claims = { ...assertionClaims({ clientId: sandboxDefaults.clientId, baseUrl: sandbox.url, terminalIds: [tid] }, tid, Math.floor(Date.now() / 1000)), ...claimOverrides };
      const assertion = opts.assertion ?? (opts.reuse && reused ? reused : undefined) ?? await makeClientAssertion(claims as never, createPrivateKey(pki.client.privateKey), pickEncryptionKey(jwks.keys)!);
      if (opts.reuse) reused = assertion;
      const res = await t.request(sandbox.checkTransactionUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}`, client_id: sandboxDefaults.clientId, client_assertion: assertion },
        body: JSON.stringify(found),
      });
      return { ...res, assertion };
    } finally {
      await t.close();
    }
  }
});

async function waitFor(probe: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) assert.fail('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('B2B client building blocks', () => {
  it('aud has the scheme and no trailing slash', () => {
    assert.equal(audienceOf('https://stgb2bsoftpos.nexigroup.com/'), 'https://stgb2bsoftpos.nexigroup.com');
    assert.equal(audienceOf('https://127.0.0.1:8443'), 'https://127.0.0.1:8443');
  });

  it('claims follow spec §14.6: terminal_ids with the requested TID first, exp = iat + 300, never over 900', () => {
    const c = assertionClaims({ clientId: 'app', baseUrl: 'https://x.example/', terminalIds: ['11111111', '22222222'], merchantUsername: 'op@shop.it', pointOfSale: 'POS1' }, '22222222', 1000);
    assert.deepEqual({ ...c, jti: 'x' }, { appId: 'app', terminal_ids: ['22222222', '11111111'], app_username_merchant: 'op@shop.it', pointOfSale: 'POS1', iss: 'app', sub: 'app', aud: 'https://x.example', iat: 1000, exp: 1300, jti: 'x' });
    assert.match(c.jti, /^[0-9a-f-]{36}$/);
    assert.equal(assertionClaims({ clientId: 'a', baseUrl: 'https://x', terminalIds: [], lifetimeSeconds: 5000 }, '1', 0).exp, 900);
    assert.deepEqual(assertionClaims({ clientId: 'a', baseUrl: 'https://x', terminalIds: ['1', '2', '3'] }, '9', 0).terminal_ids, ['9', '1']);
  });

  it('picks a JWKS key meant for encryption and keeps its kid', () => {
    const sig = { kty: 'RSA', n: 'a', e: 'AQAB', use: 'sig', kid: 's' };
    const enc = { kty: 'RSA', n: 'b', e: 'AQAB', use: 'enc', kid: 'e' };
    assert.equal(pickEncryptionKey([sig, enc])?.kid, 'e');
    assert.equal(pickEncryptionKey([sig]), undefined);
    assert.equal(pickEncryptionKey([{ kty: 'RSA', n: 'c', e: 'AQAB' }])?.kid, undefined, 'no use, no kid: usable, no kid header');
    assert.equal(pickEncryptionKey([{ kty: 'EC', crv: 'P-256', x: 'a', y: 'b', use: 'enc' }]), undefined);
  });

  it('maps every published response shape to a typed error', () => {
    const res = (status: number, body: string, type = 'application/json') => ({ status, headers: { 'content-type': type }, body });
    const code = (status: number, body: string, type?: string) => {
      try {
        interpretCheckResponse(res(status, body, type));
        return 'OK';
      } catch (e) {
        return (e as NexiError).code;
      }
    };
    assert.equal(code(200, '{"status":"APPROVED"}'), 'OK');
    assert.equal(code(400, '{"statusCode":"400","message":"Validation failed","fieldErrors":[{"field":"terminalId","message":"must not be blank"}]}'), 'VALIDATION_FAILED');
    assert.equal(code(400, '{"statusCode":null,"message":"Transaction for terminalId 02765555 not found.","appVersionStatus":"UNKNOWN"}'), 'TRANSACTION_NOT_FOUND');
    assert.equal(code(400, '{"statusCode":null,"message":"Terminal not found.","appVersionStatus":"UNKNOWN"}'), 'TERMINAL_NOT_FOUND');
    assert.equal(code(401, '{"errcode":"401","errmsg":"Unauthorized"}'), 'UNAUTHORIZED');
    assert.equal(code(401, '{ "statusCode": "401", "message": "Unauthorized — invalid or expired token" }'), 'UNAUTHORIZED');
    assert.equal(code(404, '{"statusCode":"404","message":"Not found"}'), 'TRANSACTION_NOT_FOUND');
    assert.equal(code(500, '{"statusCode":"500","message":"boom"}'), 'SERVER_ERROR');
    assert.equal(code(503, '{"statusCode":"503","message":"down"}'), 'UPSTREAM_UNAVAILABLE');
    assert.equal(code(502, '<html><head><title>502 Bad Gateway</title></head></html>', 'text/html'), 'UPSTREAM_HTML_ERROR');
    assert.equal(code(200, '<!DOCTYPE html><html><title>Login</title></html>', 'text/plain'), 'UPSTREAM_HTML_ERROR');
    assert.equal(code(200, 'OK'), 'UNEXPECTED_RESPONSE');
    assert.equal(code(418, '{"message":"teapot"}'), 'UNEXPECTED_RESPONSE');
  });

  it('errors carry an explanation and a next step, never a secret', () => {
    const e = new NexiError('TOKEN_INVALID_CLIENT', { status: 401, step: 'token', serverMessage: 'invalid_client' });
    assert.match(e.message, /^TOKEN_INVALID_CLIENT: Client id or secret rejected\. .* \(HTTP 401, token\)$/);
    assert.match(e.nextStep, /client id .* secret/i);
  });

  it('resolves proxies from the setting, HTTPS_PROXY and NO_PROXY', () => {
    const url = new URL('https://stgb2bsoftpos.nexigroup.com/x');
    assert.equal(resolveProxy(url, undefined, {}), undefined);
    assert.equal(resolveProxy(url, undefined, { HTTPS_PROXY: 'http://proxy:3128' }), 'http://proxy:3128');
    assert.equal(resolveProxy(url, 'http://explicit:8080', { HTTPS_PROXY: 'http://proxy:3128' }), 'http://explicit:8080');
    assert.equal(resolveProxy(url, undefined, { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: '.nexigroup.com' }), undefined);
    assert.ok(bypassesProxy(url, 'localhost, nexigroup.com'));
    assert.ok(bypassesProxy(url, '*'));
    assert.ok(!bypassesProxy(url, 'group.com'));
    assert.ok(bypassesProxy(new URL('https://127.0.0.1:8443/'), '127.0.0.1:8443'));
    assert.ok(!bypassesProxy(new URL('https://127.0.0.1:8443/'), '127.0.0.1:9000'));
  });

  it('the sandbox fingerprints certificates as the TLS layer does', async () => {
    const pki = await generatePki();
    assert.match(certificateFingerprint(pki.client.certificate), /^[0-9a-f]{64}$/);
  });
});
