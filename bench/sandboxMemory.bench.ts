// The sandbox's memory over 10,000 checks: it runs in its own process (test/fixtures/sandboxProcess.ts) and its
// resident set is read from /proc once it is warm (10,000 checks: JIT, heap, TLS, pools at their working size) and
// again after 10,000 more, with fresh tokens all along (issued tokens must be swept). The baseline is its own warm
// reading in the same run; "flat" is the ratio staying near 1. What may still grow is the jti replay list, by design:
// each jti is kept until its assertion expires (at most 300 s), about 150 bytes per check in that window.
import { spawn } from 'child_process';
import { createPrivateKey } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { NexiClient } from '../src/core/nexi/client';
import { loadOrCreatePki } from '../src/core/sandbox/pki';
import { sandboxDefaults } from '../src/core/sandbox/server';
import { repoRoot, type BenchResult } from './measure';

const root = repoRoot;


export async function sandboxMemoryBench(): Promise<BenchResult[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-bench-rss-'));
  const { pki } = await loadOrCreatePki(path.join(dir, 'pki'));
  const child = spawn(process.execPath, ['--expose-gc', '--require', 'tsx/cjs', path.join(root, 'test', 'fixtures', 'sandboxProcess.ts')], { cwd: root, env: { ...process.env, NEXI_SANDBOX_PKI: path.join(dir, 'pki') }, stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    const lines: string[] = [];
    let waiting: ((line: string) => void) | undefined;
    let buffered = '';
    child.stdout!.on('data', (d: Buffer) => {
      buffered += d.toString();
      for (let i = buffered.indexOf('\n'); i >= 0; i = buffered.indexOf('\n')) {
        const line = buffered.slice(0, i);
        buffered = buffered.slice(i + 1);
        if (waiting) waiting(line);
        else lines.push(line);
      }
    });
    const nextLine = (): Promise<string> => (lines.length ? Promise.resolve(lines.shift()!) : new Promise((r) => (waiting = (l) => ((waiting = undefined), r(l)))));
    const url = (JSON.parse(await nextLine()) as { url: string }).url;
    /** The sandbox's memory after a full garbage collection (MB), and what it remembers. */
    const memory = async (): Promise<{ rss: number; heap: number; tokens: number; jti: number }> => {
      child.kill('SIGUSR2');
      const m = JSON.parse(await nextLine()) as { rss: number; heapUsed: number; tokens: number; jti: number };
      return { rss: m.rss / 2 ** 20, heap: m.heapUsed / 2 ** 20, tokens: m.tokens, jti: m.jti };
    };
    const client = new NexiClient({
      baseUrl: url,
      clientId: sandboxDefaults.clientId,
      clientSecret: () => sandboxDefaults.clientSecret,
      terminalIds: [sandboxDefaults.mobilePosTerminalId],
      signingKey: createPrivateKey(pki.client.privateKey),
      transport: { tls: { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate }, connections: 8 },
    });
    let done = 0;
    const run = async (count: number): Promise<void> => {
      const workers = Array.from({ length: 8 }, async () => {
        while (done < count) {
          done++;
          // Every 50th check with a new token: the sandbox keeps issuing, and must forget the expired ones.
          if (done % 50 === 0) client.reset();
          await client.checkTransaction({ terminalId: sandboxDefaults.mobilePosTerminalId, callerTrxId: 'PP-20261121-0001' });
        }
      });
      await Promise.all(workers);
    };
    await run(10000);
    const warm = await memory();
    await run(20000);
    const after = await memory();
    await client.close();
    const describe = (m: typeof warm): string => `RSS ${m.rss.toFixed(1)} MB, heap ${m.heap.toFixed(1)} MB after GC; ${m.tokens} tokens and ${m.jti} jti values remembered`;
    return [
      { name: 'sandbox memory: warm, 10,000 checks (baseline)', detail: describe(warm) },
      { name: 'sandbox memory: after 10,000 more checks', detail: `${describe(after)}; RSS ${((after.rss / warm.rss - 1) * 100).toFixed(1)}% over the baseline`, ratio: warm.rss / after.rss, goal: 0.95 },
    ];
  } finally {
    child.kill();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
