// The scenario catalogue (issue 18): amounts choose the outcome; the simulator, the transaction model, the sandbox's
// checkTransaction and reconciliation all agree with what each scenario says.
import { strict as assert } from 'assert';
import { createPrivateKey } from 'crypto';
import fc from 'fast-check';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { scanText } from '../../src/core/app2app/scan';
import { validateUri } from '../../src/core/app2app/validate';
import { lookupAid } from '../../src/core/codes/aids';
import { lookupResultCode } from '../../src/core/codes/resultCodes';
import { withLocale } from '../../src/core/l10n';
import { NexiClient } from '../../src/core/nexi/client';
import { extractEntries, reconcile } from '../../src/core/reconcile/reconcile';
import { loadOrCreatePki, type SandboxPki } from '../../src/core/sandbox/pki';
import { Sandbox, sandboxDefaults } from '../../src/core/sandbox/server';
import { catalogueProblems, defaultScenario, describeScenario, scenarioFor, scenarioMessages, scenarioMessagesEn, scenarios, scenarioTableMarkdown, type Scenario } from '../../src/core/scenarios/catalog';
import { registerSimulated, rehearsal } from '../../src/core/scenarios/rehearsal';
import { simulate, type Product } from '../../src/core/simulator/simulate';
import { readTransaction } from '../../src/core/transaction/model';

const root = path.resolve(__dirname, '..', '..');
const now = new Date('2026-11-21T10:00:00Z');
const tidOf = (p: Product): string => (p === 'softpos' ? sandboxDefaults.softPosTerminalId : sandboxDefaults.mobilePosTerminalId);
const paymentRequest = (amount: number | string, id = 'SC-1'): string => `neximpos://payment?amount=${amount}&callerTrxId=${id}&callerName=Test&uri=test%3A%2F%2Fpayment`;
const reversalRequest = (amount: number, id = 'SC-R'): string => `neximpos://reversal?amount=${amount}&callerTrxId=${id}&callerName=Test&timestamp=2111261000&terminalId=30350039&uri=test%3A%2F%2Freversal`;

const readme = (): string => fs.readFileSync(path.join(root, 'README.md'), 'utf8');

/** Every (scenario, product) pair the scenario applies to, for payments. */
const pairs: Array<[Scenario, Product]> = scenarios.flatMap((s) => s.products.map((p) => [s, p] as [Scenario, Product]));

describe('scenario catalogue', () => {
  it('names only codes and AIDs that the code tables have', () => {
    assert.deepEqual(catalogueProblems(), []);
  });

  it('amounts are unique, and every documented outcome has a scenario', () => {
    const amounts = scenarios.filter((s) => s.amount !== undefined).map((s) => s.amount);
    assert.equal(new Set(amounts).size, amounts.length);
    assert.equal(new Set(scenarios.map((s) => s.id)).size, scenarios.length);
    assert.equal(scenarios.filter((s) => s.amount === undefined).length, 1, 'one default');
    const has = (f: (s: Scenario) => boolean, what: string) => assert.ok(scenarios.some(f), what);
    has((s) => s.expected.result === 0 && s.expected.delivered, 'approved');
    for (const code of ['116', '100', '117', '101']) has((s) => s.expected.actionCode === code && s.expected.outcome === 'declined', `declined ${code}`);
    has((s) => s.expected.actionCode === '117' && s.expected.retry === 'retryable', 'wrong PIN retryable');
    has((s) => s.expected.result === 20, 'cancelled');
    has((s) => s.expected.result === -10, 'POS timeout');
    has((s) => s.expected.result === -30 && s.outcome.kind === 'softpos-error' && !!s.outcome.softPosError && s.inferred, 'SoftPOS error, labelled inferred');
    has((s) => !s.expected.delivered && s.expected.backend === 'APPROVED', 'lost result');
    for (const scheme of ['Visa', 'Mastercard', 'Maestro', 'PagoBANCOMAT']) for (const entry of ['contactless', 'chip']) has((s) => s.card?.scheme === scheme && s.card.entry === entry, `${scheme} ${entry}`);
  });

  it('products follow the result-code table (-10 MobilePOS, -30 SoftPOS) and SoftPOS never reads chip', () => {
    for (const s of scenarios) {
      const scope = lookupResultCode(s.expected.result)!.product;
      if (scope === 'mpos') assert.deepEqual(s.products, ['mobilepos'], s.id);
      if (scope === 'softpos') assert.deepEqual(s.products, ['softpos'], s.id);
      if (s.card?.entry === 'chip') assert.ok(!s.products.includes('softpos'), s.id);
    }
  });

  it('ordinary amounts of the tests, samples and README stay approved', () => {
    const texts = [fs.readFileSync(path.join(root, 'samples', 'logcat.log'), 'utf8'), readme().replace(/### Test scenarios[\s\S]*?(?=\n### )/, ''), ...fs.readdirSync(path.join(root, 'test', 'unit')).filter((f) => f !== 'scenarios.test.ts' && f !== 'cliScenarios.test.ts' && f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(root, 'test', 'unit', f), 'utf8'))];
    const used = new Set(texts.flatMap((t) => [...t.matchAll(/amount=0*(\d+)/g)].map((m) => Number(m[1]))));
    assert.ok(used.has(1000) || used.has(1250), 'found the usual amounts');
    for (const a of used) assert.ok(!scenarios.some((s) => s.amount === a), `amount ${a} used elsewhere selects a scenario`);
    for (const a of [1000, 150, 480, 1250, 2290, 450, 1, 999]) assert.equal(scenarioFor(a, 'mobilepos', 'payment').scenario, defaultScenario, String(a));
  });

  it('the README table is the catalogue (generated by scenarioTableMarkdown)', () => {
    const m = /<!-- scenarios:begin[^\n]*-->\n([\s\S]*?)\n<!-- scenarios:end -->/.exec(readme());
    assert.ok(m, 'README has the generated scenarios table');
    assert.equal(m[1], scenarioTableMarkdown(), 'README table is stale: paste scenarioTableMarkdown() between the markers');
  });

  it('scenarioFor is lenient on the form of the amount and falls back for another product', () => {
    const s = scenarios.find((x) => x.id === 'declined-insufficient-funds')!;
    assert.equal(scenarioFor(String(s.amount), 'softpos', 'payment').scenario, s);
    assert.equal(scenarioFor(String(s.amount).padStart(12, '0'), 'softpos', 'payment').scenario, s);
    const timeout = scenarios.find((x) => x.id === 'pos-timeout')!;
    const other = scenarioFor(timeout.amount, 'softpos', 'payment');
    assert.equal(other.scenario, defaultScenario);
    assert.equal(other.notApplicable, timeout);
    assert.equal(scenarioFor('12,50', 'softpos', 'payment').scenario, defaultScenario);
  });

  it('the Italian descriptions have the English placeholders', () => {
    const placeholders = (template: string): string[] => [...new Set([...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
    const italian: Record<string, string> = withLocale('it', scenarioMessages);
    assert.deepEqual(Object.keys(italian).sort(), Object.keys(scenarioMessagesEn).sort());
    for (const [k, en] of Object.entries(scenarioMessagesEn)) {
      assert.deepEqual(placeholders(italian[k]!), placeholders(en), k);
      if (k !== 'contactless') assert.notEqual(italian[k], en, `${k} is translated`);
    }
  });

  it('describes every scenario in English and Italian, with the code meaning from the tables', () => {
    for (const s of scenarios) {
      const en = describeScenario(s);
      const it = withLocale('it', () => describeScenario(s));
      assert.ok(en && it && en !== it && !/\{\w+\}/.test(en + it), s.id);
    }
    assert.match(describeScenario(scenarios.find((x) => x.id === 'declined-insufficient-funds')!), /116.*51/);
    assert.match(describeScenario(scenarios.find((x) => x.id === 'softpos-error')!), /illustrative/);
  });
});

describe('the simulator takes the outcome from the amount', () => {
  it('each scenario: result, host code, retry and card as the transaction model reads them', () => {
    fc.assert(
      fc.property(fc.constantFrom(...pairs), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom(0, 60, -300), ([s, product], seed, utcOffsetMinutes) => {
        const amount = s.amount ?? 1250;
        const r = simulate(paymentRequest(amount), { product, now, seed, utcOffsetMinutes });
        const label = `${s.id}/${product}: ${r.uri}`;
        assert.equal(r.scenario?.id, s.id, label);
        assert.equal(r.scenario?.delivered, s.expected.delivered, label);
        assert.equal(r.result, s.expected.result, label);
        const m = readTransaction(scanText(r.uri)[0]!);
        assert.equal(m.outcome.value, s.expected.outcome, label);
        assert.deepEqual(m.findings.filter((d) => d.severity !== 'info'), [], label);
        if (s.expected.actionCode && s.expected.outcome === 'declined') assert.equal(m.host?.code, s.expected.actionCode, label);
        if (s.expected.retry) assert.equal(m.retry?.value, s.expected.retry, label);
        assert.equal(m.amount.requested?.amount.minor, String(amount), label);
        if (s.card && product === 'softpos') {
          assert.equal(m.card.brand?.value, s.card.scheme, label);
          assert.equal(m.card.kernel?.entry.mode, 'contactless', label);
          assert.equal(lookupAid(m.card.kernel!.aid!)?.aid, m.card.kernel?.aid, label);
        }
        if (s.card && product === 'mobilepos') assert.match(r.uri, new RegExp(`transactionType=${s.card.entry === 'chip' ? 'ICC' : 'CLI'}`), label);
        if (s.expected.backend === 'not-found') assert.equal(r.transaction, undefined, label);
        else assert.equal(r.transaction?.status, s.expected.backend, label);
        if (s.outcome.kind === 'softpos-error') assert.equal(scanText(r.uri)[0]!.uri.get('softPosError'), s.outcome.softPosError, label);
      }),
      { numRuns: Number(process.env.NEXI_PROPERTY_RUNS ?? 300) },
    );
  });

  it('an explicit outcome still wins over the amount', () => {
    const declines = scenarios.find((x) => x.id === 'declined-insufficient-funds')!.amount!;
    const r = simulate(paymentRequest(declines), { outcome: { kind: 'approved' }, product: 'mobilepos', now, seed: 1 });
    assert.equal(r.result, 0);
    assert.equal(r.scenario, undefined);
    assert.deepEqual(r.notes, []);
  });

  it('notes the scenario, the lost result, and a scenario of another product', () => {
    const lost = simulate(paymentRequest(scenarios.find((x) => x.id === 'lost-result')!.amount!), { product: 'softpos', now, seed: 1 });
    assert.ok(lost.notes.some((n) => /never reaches the app/.test(n)), lost.notes.join('\n'));
    const timeout = simulate(paymentRequest(scenarios.find((x) => x.id === 'pos-timeout')!.amount!), { product: 'softpos', now, seed: 1 });
    assert.equal(timeout.result, 0);
    assert.match(timeout.notes.join('\n'), /pos-timeout, which applies to payment, reversal on MobilePOS only: simulated as approved/);
    const it = withLocale('it', () => simulate(paymentRequest(10051), { product: 'mobilepos', now, seed: 1 }));
    assert.match(it.notes.join('\n'), /Scenario declined-insufficient-funds \(importo 10051\): Negata/);
  });

  it('reversals: cancelled and lost result apply; declines fall back to approved', () => {
    assert.equal(simulate(reversalRequest(10020), { product: 'mobilepos', now, seed: 2 }).result, 20);
    const lost = simulate(reversalRequest(10099), { product: 'mobilepos', now, seed: 2 });
    assert.equal(lost.scenario?.delivered, false);
    assert.equal(lost.transaction?.operationType, 'REVERSAL');
    const decline = simulate(reversalRequest(10051), { product: 'mobilepos', now, seed: 2 });
    assert.equal(decline.result, 0);
    // The reason it does not apply: the operation, not the product.
    assert.match(decline.notes.join('\n'), /declined-insufficient-funds, which applies to payment on SoftPOS, MobilePOS only: simulated as approved/);
  });

  it('operations without an amount are approved (last transaction, closure)', () => {
    const last = simulate('neximpos://last_transaction?callerTrxId=L1&callerName=Test&terminalId=38032131&uri=test%3A%2F%2Flast', { product: 'softpos', now, seed: 3 });
    assert.equal(last.result, 0);
    assert.equal(last.scenario?.id, 'approved');
  });

  it('a request missing a parameter the operation requires is refused with -1, as an invalid amount is (inferred)', () => {
    // The scenarios' own example lacked callerName, and the simulator approved it.
    for (const [uri, name] of [
      ['neximpos://payment?amount=10051&callerTrxId=T1&uri=myapp%3A%2F%2Fpayment', 'callerName'],
      ['neximpos://reversal?amount=150&callerTrxId=R1&callerName=Test&timestamp=2111261000&uri=myapp%3A%2F%2Freversal', 'terminalId'],
      ['neximpos://last_transaction?callerTrxId=L1&callerName=Test&uri=test%3A%2F%2Flast', 'terminalId'],
    ] as const) {
      const r = simulate(uri, { product: 'mobilepos', now, seed: 3 });
      assert.equal(r.result, -1, uri);
      assert.match(r.notes.join('\n'), new RegExp(`The request is invalid \\(A2A003: \\w+ needs \`${name}\`.*Nexi POS answers result -1, invalid input parameters \\(spec §9\\.1; .*inferred\\)`), uri);
    }
    // An outcome asked for is simulated all the same, with the warning.
    const asked = simulate('neximpos://payment?amount=100&callerTrxId=T2&uri=myapp%3A%2F%2Fpayment', { product: 'mobilepos', now, seed: 3, outcome: { kind: 'approved' } });
    assert.equal(asked.result, 0);
    assert.match(asked.notes.join('\n'), /The request is invalid \(A2A003: payment needs `callerName`.*the outcome asked for is simulated all the same/);
  });
});

describe('the sandbox answers as the scenario says', function () {
  this.timeout(60000);
  let dir: string;
  let pki: SandboxPki;
  let sb: Sandbox;
  let client: NexiClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-scenarios-'));
    pki = (await loadOrCreatePki(path.join(dir, 'pki'))).pki;
    sb = await Sandbox.start({ pki, transactions: [] });
    client = new NexiClient({
      baseUrl: sb.url,
      clientId: sandboxDefaults.clientId,
      clientSecret: () => sandboxDefaults.clientSecret,
      terminalIds: [sandboxDefaults.mobilePosTerminalId, sandboxDefaults.softPosTerminalId],
      signingKey: createPrivateKey(pki.client.privateKey),
      transport: { tls: { cert: pki.client.certificate, key: pki.client.privateKey, ca: pki.ca.certificate } },
    });
  });

  after(async () => {
    await client.close();
    await sb.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checkTransaction through the client, for every scenario and product (lost result included)', async () => {
    const simulated = pairs.map(([s, product], i) => ({ s, r: simulate(paymentRequest(s.amount ?? 1250, `SC-${i}`), { product, terminalId: tidOf(product), now, seed: i + 1 }) }));
    const registered = registerSimulated(sb, simulated.map((x) => x.r));
    assert.equal(registered.length, simulated.filter((x) => x.s.expected.backend !== 'not-found').length);
    for (const { s, r } of simulated) {
      const label = `${s.id}/${r.product}`;
      if (s.expected.backend === 'not-found') {
        await assert.rejects(client.checkTransaction({ terminalId: r.terminalId, callerTrxId: r.callerTrxId }), (e: { code?: string }) => e.code === 'TRANSACTION_NOT_FOUND', label);
        continue;
      }
      const found = await client.checkTransaction({ terminalId: r.terminalId, callerTrxId: r.callerTrxId });
      assert.equal(found.transaction.status, s.expected.backend, label);
      assert.equal(found.transaction.amount, String(s.amount ?? 1250).padStart(12, '0'), label);
      if (s.expected.actionCode) assert.equal(found.transaction.actionCode, s.expected.actionCode, label);
      if (s.card) assert.equal(found.transaction.cardType, s.card.scheme, label);
    }
  });

  it('a rehearsal log reconciles to the classes it was built for', async () => {
    const rh = rehearsal({ now, utcOffsetMinutes: 60, seed: 42 });
    for (const t of rh.transactions) sb.register(t);
    // The requests in the log are valid requests (the builder's), and the results are found.
    const requests = scanText(rh.log).filter((u) => u.kind === 'request');
    assert.ok(requests.length >= rh.steps.length);
    for (const u of requests) assert.deepEqual(validateUri(u).filter((d) => d.severity === 'error'), [], rh.log.slice(u.range.start, u.range.end));
    assert.match(rh.log.split('\n')[1]!, /^11-21 11:00:00\.000 {2}\d+ {2}\d+ I PizzaPay: Launching Nexi POS: neximpos:\/\/payment\?/);
    const entries = extractEntries(rh.log, { defaultTerminalId: sandboxDefaults.mobilePosTerminalId });
    const report = await reconcile(entries, async (tid, id) => (await client.checkTransaction({ terminalId: tid, callerTrxId: id })).transaction);
    assert.deepEqual(report.totals, rh.expected);
    for (const step of rh.steps.filter((s) => s.expected)) {
      const e = report.entries.find((x) => x.callerTrxId === step.callerTrxId);
      assert.equal(e?.classification, step.expected, `${step.callerTrxId} ${step.scenario}`);
    }
    for (const c of ['match', 'mismatch', 'app-failed-backend-approved', 'not-found', 'error'] as const) assert.ok(rh.expected[c] > 0, c);
  });
});
