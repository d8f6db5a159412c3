// Reconciliation of 1,000 result URIs against the sandbox with 20 ms added per response: concurrency 8 against
// sequential (concurrency 1), measured in the same run. Goal (issue 7): >= 6x faster, one token request and one
// JWKS request for the whole run. The sandbox runs in its own process (`nexi-app2app sandbox`), as a real server
// would: in the bench's own process its decryption and signature checks would compete with the client's.
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { createClient } from '../src/core/nexi/connection';
import { Transport } from '../src/core/nexi/http';
import { extractEntries, reconcile } from '../src/core/reconcile/reconcile';
import { pkiPaths } from '../src/core/sandbox/pki';
import { sandboxAdmin, sandboxDefaults } from '../src/core/sandbox/server';
import { repoRoot, type BenchResult } from './measure';

const root = repoRoot;

async function startSandboxProcess(dir: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join(root, 'src', 'cli', 'main.ts'), 'sandbox', '--lang', 'en', '--pki', path.join(dir, 'pki'), '--latency', '20', '--quiet'], {
    env: { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config') },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let err = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /listening on (https:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (code) => reject(new Error(`sandbox exited (${code}): ${err}`)));
  });
  return { url, child };
}

export async function reconcileBench(): Promise<BenchResult[]> {
  const count = Number(process.env.NEXI_BENCH_RECONCILE ?? 1000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-bench-'));
  const { url, child } = await startSandboxProcess(dir);
  const files = pkiPaths(path.join(dir, 'pki'));
  const tls = { cert: fs.readFileSync(files['client.crt'], 'utf8'), key: fs.readFileSync(files['client.key'], 'utf8'), ca: fs.readFileSync(files['ca.crt'], 'utf8') };
  const tid = sandboxDefaults.mobilePosTerminalId;
  try {
    const admin = new Transport({ tls, connections: 8 });
    const lines: string[] = [];
    const registrations: Promise<unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const id = `BENCH-${i}`;
      const tx = { terminalId: tid, callerTrxId: id, operationType: 'PAYMENT', status: 'APPROVED', result: '0', amount: String(100 + i).padStart(12, '0'), currency: '978', authorizationNumber: 'A00001', transactionDate: '2026-11-21T10:00:00+01:00' };
      registrations.push(admin.request(url + sandboxAdmin.transactions, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tx) }));
      lines.push(`11-21 10:00:00.000 1 1 D App: Intent { dat=app://payment?result=0&amount=${100 + i}&callerTrxId=${id}&operationType=PAYMENT&authorizationNumber=A00001&terminalId=${tid} flg=0x0 }`);
    }
    await Promise.all(registrations);
    await admin.close();
    const entries = extractEntries(lines.join('\n'));
    const run = async (concurrency: number): Promise<{ ms: number; tokens: number; jwks: number; matched: number }> => {
      let tokens = 0;
      let jwks = 0;
      const client = createClient({
        baseUrl: url,
        clientId: sandboxDefaults.clientId,
        clientSecret: () => sandboxDefaults.clientSecret,
        terminalIds: [tid],
        key: { kind: 'pem', certificate: tls.cert, privateKey: tls.key },
        ca: tls.ca,
        onEvent: (e) => {
          if (e.kind === 'response' && e.step === 'token') tokens++;
          if (e.kind === 'response' && e.step === 'jwks') jwks++;
        },
      });
      const t0 = process.hrtime.bigint();
      const report = await reconcile(entries, async (t, id) => (await client.checkTransaction({ terminalId: t, callerTrxId: id })).transaction, { concurrency });
      const ms = Number(process.hrtime.bigint() - t0) / 1e6;
      await client.close();
      return { ms, tokens, jwks, matched: report.totals.match };
    };
    const sequential = await run(1);
    const parallel = await run(8);
    const ratio = sequential.ms / parallel.ms;
    return [
      { name: 'reconcile: sequential (concurrency 1)', detail: `${count} URIs in ${(sequential.ms / 1000).toFixed(2)} s; ${sequential.matched} matched` },
      { name: 'reconcile: concurrency 8', detail: `${count} URIs in ${(parallel.ms / 1000).toFixed(2)} s; ${parallel.matched} matched; ${parallel.tokens} token request(s), ${parallel.jwks} JWKS request(s)` },
      { name: 'reconcile: speed-up', detail: `${ratio.toFixed(2)}x sequential (goal >= 6x)`, ratio, goal: 6 },
      { name: 'reconcile: one token and one JWKS request', detail: `${parallel.tokens} token, ${parallel.jwks} JWKS (goal 1 and 1)`, ratio: parallel.tokens === 1 && parallel.jwks === 1 ? 1 : 0, goal: 1 },
    ];
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
