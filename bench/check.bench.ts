// checkTransaction latency against the local sandbox with 20 ms added per response, cold (new client: token, JWKS
// and check on one TLS connection) and warm (cached token and key, kept-alive connection), against a naive client
// measured in the same run: a new TLS connection per request and no caching (token + JWKS + check every time).
import { createPrivateKey } from 'crypto';
import { makeClientAssertion, assertionClaims, pickEncryptionKey } from '../src/core/nexi/assertion';
import { NexiClient } from '../src/core/nexi/client';
import { Transport } from '../src/core/nexi/http';
import { generatePki } from '../src/core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../src/core/sandbox/server';
import { measureAsync, type BenchResult } from './measure';

const lookup = { terminalId: sandboxDefaults.mobilePosTerminalId, callerTrxId: 'PP-20261121-0001' };

export async function checkBench(): Promise<BenchResult[]> {
  const pki = await generatePki();
  const sandbox = await Sandbox.start({ pki });
  sandbox.latencyMs = 20;
  const tls = { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate };
  const signingKey = createPrivateKey(pki.client.privateKey);
  const config = { baseUrl: sandbox.url, clientId: sandboxDefaults.clientId, clientSecret: () => sandboxDefaults.clientSecret, terminalIds: [lookup.terminalId], signingKey };
  try {
    const cold = await measureAsync('toolkit client, cold', async () => {
      const c = new NexiClient({ ...config, transport: { tls } });
      await c.checkTransaction(lookup);
      await c.close();
    });
    const warmClient = new NexiClient({ ...config, transport: { tls } });
    await warmClient.checkTransaction(lookup);
    const before = { ...sandbox.stats.requests, handshakes: sandbox.stats.handshakes };
    const warm = await measureAsync('toolkit client, warm', () => warmClient.checkTransaction(lookup), 10);
    const warmHandshakes = sandbox.stats.handshakes - before.handshakes;
    const warmTokens = sandbox.stats.requests.token - before.token;
    await warmClient.close();

    // Naive: every request on a new connection, token and JWKS fetched for every check.
    const naive = await measureAsync('naive client (new connection per request, no caching)', async () => {
      const fresh = async <T>(f: (t: Transport) => Promise<T>): Promise<T> => {
        const t = new Transport({ tls });
        try {
          return await f(t);
        } finally {
          await t.close();
        }
      };
      const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: sandboxDefaults.clientId, client_secret: sandboxDefaults.clientSecret }).toString();
      const token = JSON.parse((await fresh((t) => t.request(sandbox.url + '/softpos/appenrollment/token', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }))).body) as { access_token: string };
      const jwks = JSON.parse((await fresh((t) => t.request(sandbox.url + '/softpos/par/jwks.json', { method: 'GET', headers: {} }))).body) as { keys: [] };
      const assertion = await makeClientAssertion(assertionClaims(config, lookup.terminalId, Math.floor(Date.now() / 1000)), signingKey, pickEncryptionKey(jwks.keys)!);
      const res = await fresh((t) =>
        t.request(sandbox.checkTransactionUrl, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}`, client_id: sandboxDefaults.clientId, client_assertion: assertion }, body: JSON.stringify(lookup) }),
      );
      if (res.status !== 200) throw new Error(`naive check failed: ${res.status}`);
    });
    return [
      { name: 'check: naive baseline', detail: `${naive.medianMs.toFixed(1)} ms median per check (3 connections, token + JWKS + check)` },
      { name: 'check: cold (new client)', detail: `${cold.medianMs.toFixed(1)} ms median; ${(naive.medianMs / cold.medianMs).toFixed(2)}x faster than the baseline`, ratio: naive.medianMs / cold.medianMs, goal: 1 },
      {
        name: 'check: warm (cached token/key, kept-alive connection)',
        detail: `${warm.medianMs.toFixed(1)} ms median; ${(naive.medianMs / warm.medianMs).toFixed(2)}x faster than the baseline; ${warmHandshakes} handshakes and ${warmTokens} token requests over ${warm.runsMs.length} warm checks`,
        ratio: naive.medianMs / warm.medianMs,
        goal: 1,
      },
    ];
  } finally {
    await sandbox.close();
  }
}
