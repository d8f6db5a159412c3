// A rehearsal: one realistic logcat session built from the scenario catalogue (issue 18) — payments with every
// outcome, a result that never reached the app, a reversal, an accounting closure — with the transactions the
// sandbox must hold so that checkTransaction agrees with the device, and the reconciliation each one must get.
// The CLI (`nexi-app2app rehearse`) registers them in a local sandbox and reconciles the log; the editor can do the same.
import { buildRequestUri, type RequestInput } from '../app2app/build';
import type { Classification } from '../reconcile/reconcile';
import { sandboxDefaults, type Sandbox } from '../sandbox/server';
import type { SandboxTransaction } from '../sandbox/transactions';
import { simulate, type Product, type SimulatedResult } from '../simulator/simulate';
import { prng } from '../text';
import { findScenario, type Scenario } from './catalog';

/** Registers in `sandbox` what the device's host saw for each simulated result (lost results included). */
export function registerSimulated(sandbox: Pick<Sandbox, 'register'>, results: readonly SimulatedResult[]): SandboxTransaction[] {
  const registered: SandboxTransaction[] = [];
  for (const r of results) {
    if (!r.transaction) continue; // nothing reached the host (cancelled, timeout, SoftPOS error): checkTransaction finds nothing
    sandbox.register(r.transaction);
    registered.push(r.transaction);
  }
  return registered;
}

export interface RehearsalStep {
  readonly callerTrxId: string;
  readonly operation: 'payment' | 'reversal' | 'accounting_closure';
  readonly product: Product;
  readonly terminalId: string;
  readonly amount?: number;
  /** Catalogue scenario the amount chose (absent for the closure). */
  readonly scenario?: string;
  /** What reconciliation must classify it as; absent for what is not a transaction (the closure). */
  readonly expected?: Classification;
}

export interface Rehearsal {
  /** The logcat text (device-local times, Android's threadtime format). */
  readonly log: string;
  readonly steps: readonly RehearsalStep[];
  /** What the sandbox must hold, in order (register each; a later one replaces an earlier one with the same ids). */
  readonly transactions: readonly SandboxTransaction[];
  readonly expected: Readonly<Record<Classification, number>> & { readonly total: number };
}

export interface RehearsalOptions {
  /** Start of the session (default: now). */
  readonly now?: Date;
  /** Minutes east of UTC for device-local times (default: this machine's). */
  readonly utcOffsetMinutes?: number;
  readonly seed?: number;
}

/** A terminal the sandbox's app is not enrolled for: the check fails (TERMINAL_NOT_FOUND), reconciliation says error. */
export const foreignTerminalId = '30350099';

const pad = (n: number, w: number): string => String(n).padStart(w, '0');

/** Builds the session. Deterministic for a given `now`, offset and seed. */
export function rehearsal(options: RehearsalOptions = {}): Rehearsal {
  const start = options.now ?? new Date();
  const offset = options.utcOffsetMinutes ?? -start.getTimezoneOffset();
  const rnd = prng(options.seed ?? start.getTime());
  const pid = 3000 + Math.floor(rnd() * 20000);
  const mpos = sandboxDefaults.mobilePosTerminalId;
  const softpos = sandboxDefaults.softPosTerminalId;
  let clock = start.getTime();
  const lines: string[] = ['--------- beginning of main'];
  const steps: RehearsalStep[] = [];
  const transactions: SandboxTransaction[] = [];
  const local = (ms: number): Date => new Date(ms + offset * 60_000);
  // Android logcat threadtime: "MM-DD HH:MM:SS.mmm  PID  TID L Tag: message".
  const log = (level: 'I' | 'D' | 'W', text: string): void => {
    const t = local(clock);
    const stamp = `${pad(t.getUTCMonth() + 1, 2)}-${pad(t.getUTCDate(), 2)} ${pad(t.getUTCHours(), 2)}:${pad(t.getUTCMinutes(), 2)}:${pad(t.getUTCSeconds(), 2)}.${pad(t.getUTCMilliseconds(), 3)}`;
    lines.push(`${stamp}  ${pid}  ${pid} ${level} PizzaPay: ${text}`);
  };
  const wait = (minSeconds: number, maxSeconds: number): void => {
    clock += Math.floor((minSeconds + rnd() * (maxSeconds - minSeconds)) * 1000);
  };
  const day = `${local(clock).getUTCFullYear()}${pad(local(clock).getUTCMonth() + 1, 2)}${pad(local(clock).getUTCDate(), 2)}`;
  let n = 0;
  const nextId = (): string => `PP-${day}-${pad(++n, 4)}`;
  const activity = { payment: 'PaymentResultActivity', reversal: 'ReversalResultActivity', accounting_closure: 'ClosureResultActivity' } as const;
  const request = (input: RequestInput): string => buildRequestUri(input).uri;
  const deliver = (operation: keyof typeof activity, uri: string): void =>
    log('D', `onNewIntent Intent { act=android.intent.action.VIEW dat=${uri} flg=0x10400000 cmp=com.example.pizzapay/.ui.${activity[operation]} }`);
  const sim = (uri: string, product: Product, terminalId: string): SimulatedResult =>
    simulate(uri, { product, terminalId, now: new Date(clock), utcOffsetMinutes: offset, seed: Math.floor(rnd() * 1_000_000) + 1 });

  /** A payment whose outcome the catalogue chooses from the amount. */
  const pay = (amount: number, product: Product, expected: Classification, terminalId: string = product === 'softpos' ? softpos : mpos): SimulatedResult => {
    const callerTrxId = nextId();
    const uri = request({ operation: 'payment', amount, callerTrxId, callerName: 'Pizza Pay', uri: 'pizzapay://payment', sendTicket: false, autoClose: true });
    log('I', `Launching Nexi POS: ${uri}`);
    wait(8, 40);
    const r = sim(uri, product, terminalId);
    if (r.scenario?.delivered === false) {
      // The device approved; the app was killed or stopped waiting, and its log ends with the request.
      log('W', `payment ${callerTrxId} timed out waiting for Nexi POS`);
    } else deliver('payment', r.uri);
    if (r.transaction && terminalId !== foreignTerminalId) transactions.push(r.transaction);
    steps.push({ callerTrxId, operation: 'payment', product, terminalId, amount, ...(r.scenario ? { scenario: r.scenario.id } : {}), expected });
    wait(20, 90);
    return r;
  };
  const amountOf = (id: string): number => (findScenario(id) as Scenario).amount!;

  pay(1250, 'mobilepos', 'match');
  pay(amountOf('declined-insufficient-funds'), 'mobilepos', 'match');
  pay(amountOf('declined-do-not-honour'), 'softpos', 'match');
  pay(amountOf('declined-wrong-pin'), 'mobilepos', 'match');
  pay(amountOf('declined-expired-card'), 'softpos', 'match');
  pay(amountOf('cancelled'), 'softpos', 'not-found');
  pay(amountOf('pos-timeout'), 'mobilepos', 'not-found');
  pay(amountOf('softpos-error'), 'softpos', 'not-found');
  pay(amountOf('lost-result'), 'mobilepos', 'app-failed-backend-approved');
  pay(amountOf('card-visa-contactless'), 'softpos', 'match');
  pay(amountOf('card-pagobancomat-chip'), 'mobilepos', 'match');
  // A payment from a device whose terminal the app is not enrolled for (a second shop on the same app).
  pay(amountOf('card-maestro-chip'), 'mobilepos', 'error', foreignTerminalId);

  // An approved payment, reversed a little later: the reversal matches; the payment's app log still says approved
  // while the backend now shows it reversed, so reconciliation reports a mismatch (what an operator must look at).
  const reversed = pay(2290, 'mobilepos', 'mismatch');
  const paymentTx = reversed.transaction!;
  // The sandbox's own shape: a reversed payment reads CANCELLED (Nexi's response schema is not published, spec §15.3).
  transactions.push({ ...paymentTx, status: 'CANCELLED' });
  const reversalId = nextId();
  const [date, time] = paymentTx.transactionDate.split('T') as [string, string];
  const timestamp = `${date.slice(8, 10)}${date.slice(5, 7)}${date.slice(2, 4)}${time.slice(0, 2)}${time.slice(3, 5)}`;
  const reversalUri = request({ operation: 'reversal', amount: 2290, callerTrxId: reversalId, callerName: 'Pizza Pay', uri: 'pizzapay://reversal', timestamp, terminalId: mpos, sendTicket: false, autoClose: true });
  log('I', `Launching Nexi POS: ${reversalUri}`);
  wait(6, 20);
  const reversal = sim(reversalUri, 'mobilepos', mpos);
  deliver('reversal', reversal.uri);
  if (reversal.transaction) transactions.push(reversal.transaction);
  steps.push({ callerTrxId: reversalId, operation: 'reversal', product: 'mobilepos', terminalId: mpos, amount: 2290, ...(reversal.scenario ? { scenario: reversal.scenario.id } : {}), expected: 'match' });
  wait(120, 300);

  // End of the day: the accounting closure (not a transaction; reconciliation skips it).
  const closureId = `PP-CLOSE-${day}`;
  const closureUri = request({ operation: 'accounting_closure', callerTrxId: closureId, callerName: 'Pizza Pay', uri: 'pizzapay://accounting_closure' });
  log('I', `Launching Nexi POS: ${closureUri}`);
  wait(5, 15);
  deliver('accounting_closure', sim(closureUri, 'mobilepos', mpos).uri);
  steps.push({ callerTrxId: closureId, operation: 'accounting_closure', product: 'mobilepos', terminalId: mpos });

  const expected = { match: 0, mismatch: 0, 'app-failed-backend-approved': 0, 'not-found': 0, error: 0, total: 0 };
  for (const s of steps) {
    if (!s.expected) continue;
    expected[s.expected]++;
    expected.total++;
  }
  return { log: lines.join('\n') + '\n', steps, transactions, expected };
}
