// nexi-app2app rehearse [--out FILE] [--pki DIR | --env NAME] [--seed N] [--json] — a logcat session from the scenario
// catalogue, registered in a local sandbox (started for the run, or one already running), and reconciled with the same code as `nexi-app2app reconcile`
// (issue 18), so a new user sees every classification in a minute.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { Classification, ReconcileReport } from '../core/reconcile/reconcile';
import { classificationLabel } from '../core/reconcile/report';
import { formatAmount } from '../core/codes/currencies';
import { Transport } from '../core/nexi/http';
import { loadOrCreatePki, pkiPaths } from '../core/sandbox/pki';
import { Sandbox, sandboxAdmin, sandboxDefaults } from '../core/sandbox/server';
import type { SandboxTransaction } from '../core/sandbox/transactions';
import { rehearsal } from '../core/scenarios/rehearsal';
import { parseOptions, readFile } from './connection';
import { UsageError, type Io } from './io';
import { t } from './messages';
import { readProfile } from './profiles';
import { reconcile } from './reconcile';

export function rehearseHelp(): string {
  return t('rehearseHelp');
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');
const classes: readonly Classification[] = ['match', 'mismatch', 'app-failed-backend-approved', 'not-found', 'error'];

export async function rehearse(argv: readonly string[], io: Io, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  const { values, flags, positional } = parseOptions(argv, ['--out', '--pki', '--seed', '--env'], ['--json']);
  if (positional.length) throw new UsageError(t('unexpectedArgument', { argument: positional[0]! }));
  if (values.has('--pki') && values.has('--env')) throw new UsageError(t('rehearsePkiOrEnv'));
  // A running sandbox: only on this machine (the rehearsal registers made-up transactions; a real backend has no
  // registration endpoint, and the sandbox's client secret is for the sandbox only).
  const profileName = values.get('--env');
  const profile = profileName !== undefined ? readProfile(profileName, env) : undefined;
  if (profile && (!profile.baseUrl || !profile.cert || !profile.key || !isLoopback(profile.baseUrl))) throw new UsageError(t('rehearseLocalOnly', { name: profileName! }));
  let seed: number | undefined;
  if (values.has('--seed')) {
    seed = Number(values.get('--seed'));
    if (!Number.isSafeInteger(seed) || seed < 1) throw new UsageError(t('rehearseSeed'));
  }
  const json = flags.has('--json');
  const now = new Date();
  // The same seed gives the same session: the clock then starts at a fixed hour of today (device time).
  const start = seed === undefined ? now : new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 9, 0, 0));
  const rh = rehearsal({ now: start, ...(seed !== undefined ? { seed } : {}) });
  const stamp = `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}${pad(now.getSeconds())}`;
  const file = path.resolve(values.get('--out') ?? path.join(os.tmpdir(), `nexi-app2app-rehearsal-${stamp}-${process.pid}.log`));
  try {
    fs.writeFileSync(file, rh.log);
  } catch (err) {
    throw new UsageError(t('rehearseWriteFailed', { file, error: (err as Error).message }));
  }

  const tempPki = values.has('--pki') || profile ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-app2app-rehearse-pki-'));
  let sb: Sandbox | undefined;
  try {
    let url: string;
    let connection: string[];
    if (profile) {
      url = profile.baseUrl!;
      try {
        await registerRemote({ baseUrl: url, cert: profile.cert!, key: profile.key!, ...(profile.ca ? { ca: profile.ca } : {}) }, rh.transactions, env);
      } catch (err) {
        io.stderr(`nexi-app2app: ${t('rehearseRegisterFailed', { url, error: (err as Error).message })}\n`);
        return 1;
      }
      connection = ['--env', profileName!];
    } else {
      const pkiDir = path.resolve(values.get('--pki') ?? tempPki!);
      const { pki } = await loadOrCreatePki(pkiDir);
      // Only the rehearsal's transactions: the seeds of samples/logcat.log would not be in this log.
      sb = await Sandbox.start({ pki, transactions: [] });
      for (const tx of rh.transactions) sb.register(tx);
      url = sb.url;
      const files = pkiPaths(pkiDir);
      connection = ['--base-url', sb.url, '--ca', files['ca.crt'], '--cert', files['client.crt'], '--key', files['client.key'], '--app-id', sandboxDefaults.clientId, '--terminal-ids', `${sandboxDefaults.mobilePosTerminalId},${sandboxDefaults.softPosTerminalId}`];
    }
    const registered = new Set(rh.transactions.map((x) => `${x.terminalId}/${x.callerTrxId}`)).size;
    const terminals = ['--terminal-id', sandboxDefaults.mobilePosTerminalId];
    // The sandbox's client secret is a published sandbox-only value; it goes through the environment as always
    // (a running sandbox takes the one set, if any: it may have been started for another client).
    const runEnv = { ...env, NEXI_CLIENT_SECRET: (profile ? env.NEXI_CLIENT_SECRET : undefined) ?? sandboxDefaults.clientSecret };

    let report: ReconcileReport | undefined;
    let captured = '';
    const inner: Io = json ? { ...io, stdout: (text) => (captured += text) } : io;
    if (!json) {
      io.stdout(`${t('rehearseTitle', { count: rh.steps.length, date: `${start.getFullYear()}-${pad(start.getMonth() + 1)}-${pad(start.getDate())}` })}\n${t('rehearseLog', { file })}\n${t('rehearseSandbox', { url, count: registered })}\n\n${t('rehearseSteps')}\n`);
      const width = Math.max(...rh.steps.map((s) => s.callerTrxId.length));
      for (const s of rh.steps) {
        const amount = s.amount !== undefined ? (formatAmount(String(s.amount), '978')?.text ?? '') : '';
        io.stdout(`  ${s.callerTrxId.padEnd(width)}  ${s.operation.padEnd(18)} ${(s.product === 'softpos' ? 'SoftPOS' : 'MobilePOS').padEnd(9)}  ${s.terminalId}  ${amount.padStart(8)}  ${(s.scenario ?? '').padEnd(27)}  → ${s.expected ? classificationLabel(s.expected) : t('rehearseNotTransaction')}\n`);
      }
      io.stdout(`\n${t('rehearseReconciling', { file })}\n`);
    }
    const code = await reconcile([file, ...connection, ...terminals, ...(json ? ['--json'] : [])], inner, runEnv, (r) => (report = r));
    if (code !== 0 && code !== 4) {
      io.stderr(`${t('rehearseFailed')}\n`);
      return 1;
    }
    const actual = report!.totals;
    const asExpected = classes.every((c) => actual[c] === rh.expected[c]) && actual.total === rh.expected.total;
    const expectedText = classes.map((c) => `${classificationLabel(c)} ${rh.expected[c]}`).join(', ');
    if (json) {
      io.stdout(JSON.stringify({ log: file, sandbox: url, steps: rh.steps, expected: rh.expected, asExpected, reconciliation: JSON.parse(captured) }, null, 2) + '\n');
    } else io.stdout(`\n${asExpected ? t('rehearseAsExpected') : t('rehearseUnexpected', { expected: expectedText })}\n`);
    if (!asExpected && json) io.stderr(`${t('rehearseUnexpected', { expected: expectedText })}\n`);
    return asExpected ? 0 : 1;
  } finally {
    await sb?.close();
    if (tempPki) fs.rmSync(tempPki, { recursive: true, force: true });
  }
}

/** https://127.0.0.1…, https://localhost…, https://[::1]…: a sandbox on this machine. */
function isLoopback(baseUrl: string): boolean {
  try {
    return ['127.0.0.1', 'localhost', '[::1]'].includes(new URL(baseUrl).hostname);
  } catch {
    return false;
  }
}

/** Registers the transactions in a running sandbox through its registration endpoint (mTLS, the app's certificate). */
async function registerRemote(profile: { baseUrl: string; cert: string; key: string; ca?: string }, transactions: readonly SandboxTransaction[], env: NodeJS.ProcessEnv): Promise<void> {
  const transport = new Transport({ tls: { cert: readFile('--cert', profile.cert).toString(), key: readFile('--key', profile.key).toString(), ...(profile.ca ? { ca: readFile('--ca', profile.ca).toString() } : {}) }, env });
  try {
    for (const tx of transactions) {
      const res = await transport.request(profile.baseUrl + sandboxAdmin.transactions, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tx) });
      if (res.status !== 201) throw new Error(t('sandboxAnswered', { status: res.status, body: res.body.slice(0, 200) }));
    }
  } finally {
    await transport.close();
  }
}
