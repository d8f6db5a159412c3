// The B2B client against the sandbox's opaque profile (Nexi's documented errors: a bare 401 "Unauthorized", 404 for
// an unknown transaction) with faults on every endpoint: each fault × each endpoint × rates 1–3, JWKS rotation
// answered by generic 401s, clocks apart, a token expiring mid-run. A bounded safe retry must turn every recoverable
// cell into a success; the others end in a specific code with a next step. No retry may reuse a jti, and nothing
// printed may hold a secret, a token or a JOSE object. Real TLS with real client certificates on loopback.
import { strict as assert } from 'assert';
import { createPrivateKey, generateKeyPairSync } from 'crypto';
import { NexiClient, type ClientConfig, type ClientEvent } from '../../src/core/nexi/client';
import { Transport, type HttpRequest, type HttpResponse } from '../../src/core/nexi/http';
import { NexiError, userMessage } from '../../src/core/nexi/errors';
import { generatePki, type SandboxPki } from '../../src/core/sandbox/pki';
import { Sandbox, sandboxDefaults, type FaultEndpoint, type FaultPlan, type SandboxLogLine } from '../../src/core/sandbox/server';

const tid = sandboxDefaults.mobilePosTerminalId;
const found = { terminalId: tid, callerTrxId: 'PP-20261121-0001' };

type Outcome = { ok: true } | { ok: false; code: string; message: string; nextStep: string };

describe('B2B client: fault matrix against the opaque sandbox (real mTLS on loopback)', function () {
  this.timeout(120000);
  let pki: SandboxPki;
  let sandbox: Sandbox;
  let log: SandboxLogLine[];
  let events: ClientEvent[];
  const clients: NexiClient[] = [];

  function client(overrides: Partial<ClientConfig> = {}): NexiClient {
    const c = new NexiClient({
      baseUrl: sandbox.url,
      clientId: sandboxDefaults.clientId,
      clientSecret: () => sandboxDefaults.clientSecret,
      terminalIds: [sandboxDefaults.mobilePosTerminalId, sandboxDefaults.softPosTerminalId],
      signingKey: createPrivateKey(pki.client.privateKey),
      transport: { tls: { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate } },
      retry: { baseDelayMs: 5, maxDelayMs: 20 },
      onEvent: (e) => events.push(e),
      ...overrides,
    });
    clients.push(c);
    return c;
  }

  async function attempt(c: NexiClient): Promise<Outcome> {
    try {
      await c.checkTransaction(found);
      return { ok: true };
    } catch (err) {
      assert.ok(err instanceof NexiError, `a NexiError, got ${String(err)}`);
      return { ok: false, code: err.code, message: userMessage(err), nextStep: err.nextStep };
    }
  }

  /** Nothing a person or a log could read holds a secret, a token, an assertion or any JOSE object. */
  function assertNothingLeaks(texts: readonly string[]): void {
    const all = texts.join('\n');
    assert.doesNotMatch(all, /eyJ[A-Za-z0-9_-]{6,}/, 'no JOSE object');
    assert.ok(!all.includes(sandboxDefaults.clientSecret), 'no client secret');
    assert.doesNotMatch(all, /BEGIN [A-Z ]*PRIVATE KEY/, 'no key material');
  }

  /** Every accepted check carried its own jti: no retry reused one (the sandbox would also refuse a replay). */
  function assertFreshJtis(): void {
    const jtis = log.filter((l) => l.jti).map((l) => l.jti!);
    assert.equal(new Set(jtis).size, jtis.length, 'every jti used once');
    assert.ok(!log.some((l) => /replay/.test(l.reason)), 'no replayed jti');
  }

  before(async () => {
    pki = await generatePki();
  });

  beforeEach(async () => {
    log = [];
    events = [];
    sandbox = await Sandbox.start({ pki, log: (l) => log.push(l) });
  });

  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await sandbox.close();
  });

  const faults: ReadonlyArray<{ name: string; plan: (rate: number) => FaultPlan; code: string }> = [
    { name: 'JSON 503', plan: (rate) => ({ failEvery: rate, failStatus: 503 }), code: 'UPSTREAM_UNAVAILABLE' },
    { name: 'JSON 502', plan: (rate) => ({ failEvery: rate, failStatus: 502 }), code: 'UPSTREAM_UNAVAILABLE' },
    { name: 'JSON 504', plan: (rate) => ({ failEvery: rate, failStatus: 504 }), code: 'UPSTREAM_UNAVAILABLE' },
    { name: 'HTML 502 page', plan: (rate) => ({ html502Every: rate }), code: 'UPSTREAM_HTML_ERROR' },
    { name: 'connection dropped before any answer', plan: (rate) => ({ dropEvery: rate }), code: 'CONNECTION_RESET' },
  ];
  const faultEndpoints: readonly FaultEndpoint[] = ['token', 'jwks', 'check'];

  for (const fault of faults) {
    for (const endpoint of faultEndpoints) {
      it(`${fault.name} on ${endpoint}: every request (rate 1) → ${fault.code} with a next step; every 2nd or 3rd → recovered`, async () => {
        for (const rate of [1, 2, 3]) {
          sandbox.setFaults({ ...fault.plan(rate), endpoints: [endpoint] });
          const c = client();
          const outcomes: Outcome[] = [];
          // Four checks, each fetching token and JWKS anew, so every endpoint sees several requests.
          for (let i = 0; i < 4; i++) {
            c.reset();
            outcomes.push(await attempt(c));
          }
          if (rate === 1) {
            for (const o of outcomes) {
              assert.equal(o.ok, false, `rate 1 on ${endpoint} cannot succeed`);
              if (!o.ok) {
                assert.equal(o.code, fault.code, o.message);
                assert.ok(o.nextStep.length > 10, 'a next step');
                assert.match(o.message, new RegExp(`[(, ]${endpoint === 'check' ? 'checkTransaction' : endpoint}[):]`), 'names the step that failed');
              }
            }
          } else {
            assert.deepEqual(outcomes, [{ ok: true }, { ok: true }, { ok: true }, { ok: true }], `rate ${rate} on ${endpoint} is recovered by bounded retries`);
          }
        }
        assertFreshJtis();
        assertNothingLeaks([...log.map((l) => JSON.stringify(l)), ...events.map((e) => JSON.stringify(e))]);
      });
    }
  }

  it('JWKS rotation answered only by generic 401s: every check recovers (token refresh, then JWKS refetch with a fresh assertion)', async () => {
    sandbox.setFaults({ rotateJwksAfter: 2 });
    const c = client();
    for (let i = 0; i < 7; i++) assert.deepEqual(await attempt(c), { ok: true }, `check ${i + 1}`);
    // The opaque profile never says "unknown key": the client refetched the keys because a fresh token did not help.
    assert.ok(log.some((l) => l.status === 401 && /unknown encryption key/.test(l.reason)), 'the sandbox refused the old key with a bare 401');
    assert.ok(events.some((e) => e.kind === 'refresh' && e.what === 'jwks'));
    assert.ok(sandbox.stats.requests.jwks >= 3, 'the keys were fetched again after each rotation');
    assertFreshJtis();
  });

  it('a client clock 120 s ahead: CLOCK_SKEW with the measured offset, at once (no futile refresh)', async () => {
    const c = client({ now: () => Date.now() + 120_000 });
    const o = await attempt(c);
    assert.equal(o.ok, false);
    if (!o.ok) {
      assert.equal(o.code, 'CLOCK_SKEW');
      assert.match(o.message, /this machine's clock is 1(19|20|21) s ahead of the server's/);
      assert.match(o.nextStep, /NTP/);
    }
    assert.equal(sandbox.stats.requests.token, 1, 'no token refresh while the clocks disagree');
  });

  it('a server clock 120 s ahead (the client behind): the assertion stays valid and the check succeeds', async () => {
    sandbox.setFaults({ clockOffsetSeconds: 120 });
    assert.deepEqual(await attempt(client()), { ok: true });
  });

  it('a server clock 400 s ahead: the assertion has expired on arrival → CLOCK_SKEW, the client 400 s behind', async () => {
    sandbox.setFaults({ clockOffsetSeconds: 400 });
    const o = await attempt(client());
    assert.equal(o.ok, false);
    if (!o.ok) {
      assert.equal(o.code, 'CLOCK_SKEW');
      assert.match(o.message, /this machine's clock is (399|400|401) s behind the server's/);
    }
  });

  it('a token expiring mid-run: the next check gets a 401, fetches a new token and succeeds', async () => {
    sandbox.setFaults({ tokenTtlSeconds: 1 });
    const c = client();
    assert.deepEqual(await attempt(c), { ok: true });
    await new Promise((r) => setTimeout(r, 1200));
    sandbox.setFaults({});
    assert.deepEqual(await attempt(c), { ok: true });
    assert.equal(sandbox.stats.requests.token, 2);
  });

  it('credentials the server refuses with a generic 401: TOKEN_INVALID_CLIENT, no secret in the message', async () => {
    const o = await attempt(client({ clientSecret: () => 'wrong-secret-value-4711' }));
    assert.equal(o.ok, false);
    if (!o.ok) {
      assert.equal(o.code, 'TOKEN_INVALID_CLIENT');
      assert.doesNotMatch(o.message, /wrong-secret-value-4711/);
    }
  });

  it('an unknown transaction: the documented 404 → TRANSACTION_NOT_FOUND, without token or key refreshes', async () => {
    const c = client();
    await attempt(c);
    const before = { ...sandbox.stats.requests };
    const o = await attempt(client());
    assert.equal(o.ok, true);
    const missing = await (async () => {
      try {
        await c.checkTransaction({ terminalId: tid, callerTrxId: 'NOT-THERE' });
        return undefined;
      } catch (err) {
        return err as NexiError;
      }
    })();
    assert.equal(missing?.code, 'TRANSACTION_NOT_FOUND');
    assert.equal(missing?.details.status, 404);
    assert.ok(sandbox.stats.requests.token - before.token <= 1, 'no refresh for a 404');
  });

  it('a 401 that survives a fresh token and fresh keys: UNAUTHORIZED listing the causes in order, with the claims as next step', async () => {
    // The assertion is signed with a key that is not the TLS certificate's: Nexi answers a bare 401 every time.
    const c = client({ signingKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey });
    const o = await attempt(c);
    assert.equal(o.ok, false);
    if (!o.ok) {
      assert.equal(o.code, 'UNAUTHORIZED');
      assert.match(o.message, /clock .* assertion's claims .* app not enabled/);
      assert.match(o.nextStep, /Show Client Assertion Claims/);
    }
    assert.equal(sandbox.stats.requests.token, 2, 'one token refresh');
    assert.equal(sandbox.stats.requests.jwks, 2, 'one JWKS refetch');
    assert.equal(sandbox.stats.requests.checkTransaction, 3, 'then a diagnosis, no more attempts');
  });

  it('a server that echoes the access token and the assertion (whole, or cut at any length) in its errors: none of it is printed', async () => {
    // A misbehaving gateway in front of the real sandbox: token and JWKS pass through, checkTransaction answers 401
    // with a body that repeats the bearer token and a prefix of the client assertion.
    let cut = 300;
    class EchoingGateway extends Transport {
      override async request(url: string, req: HttpRequest): Promise<HttpResponse> {
        if (!url.endsWith('/checkTransaction')) return super.request(url, req);
        const token = req.headers.authorization!.replace(/^Bearer /, '');
        const assertion = req.headers.client_assertion!;
        cut = cut === 300 ? 30 : 300;
        return { status: 401, headers: {}, body: JSON.stringify({ statusCode: '401', message: `rejected ${token} with ${assertion.slice(0, cut)}` }) };
      }
    }
    const transport = new EchoingGateway({ tls: { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate } });
    const c = client({ transport });
    const o = await attempt(c);
    await transport.close();
    assert.equal(o.ok, false);
    const token = await c.accessToken();
    if (!o.ok) {
      assert.equal(o.code, 'UNAUTHORIZED');
      assert.match(o.message, /rejected \[redacted\] with \[redacted/, 'the echo is shown, redacted');
      assert.ok(!o.message.includes(token), 'never the access token');
      assertNothingLeaks([o.message]);
    }
  });
});
