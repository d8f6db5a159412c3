// Nexi POS result simulator: for a request URI and a chosen outcome, the result URI Nexi POS would send back, shaped
// like Nexi's published examples for that product and operation (spec §3.5, §4.4, §5.2, §6.2): MobilePOS results
// carry the §3.4 fields in the [PAYS]/[REV] order with the same encoding habits; SoftPOS results carry the receipt
// keys f04…CT123 in the order of the published SoftPOS example, unencoded as Nexi sends them. Every value agrees
// with the others (amount, dates, STAN, RRN, masked PAN, AID, TVR), so the result decodes without diagnostics.
import { encodeQueryComponent } from '../app2app/build';
import { findOperation, responseLayouts, type LayoutCondition, type LayoutId, type LayoutValue, type OperationName } from '../app2app/catalog';
import { scanText, type ScannedUri } from '../app2app/scan';
import { validateUri } from '../app2app/validate';
import { describeResult } from '../codes/resultCodes';
import { fillTemplate as fill } from '../codes/text';
import { translated } from '../l10n';
import type { SandboxTransaction } from '../sandbox/transactions';
import type { Outcome, Product } from './outcome';
import { prng } from '../text';
import { describeScenario, scenarioFor, scenarioMessages, schemeAids, type CardScheme, type EntryMode } from '../scenarios/catalog';

/** Errors and notes of the simulator, shown to people (CLI, editor); other languages are the l10n bundles. */
export const simulatorMessagesEn = {
  declinedBadCode: 'declined:{arg}: an action code is 3 digits (ISO 8583:1993) or 2 characters (1987)',
  softposErrorBad: 'softpos-error:{arg}: softPosError is three parts X-Y-Z (spec §9.3)',
  resultNotNumber: 'result:{arg}: give a result code, e.g. result:-16',
  resultUndocumented: 'result {code} is not a documented Nexi result code (spec §9)',
  unknownOutcome: "unknown outcome '{text}': use approved, declined[:CODE], cancelled, softpos-error[:X-Y-Z] or result:N",
  notRequest: 'not an App2App request URI (neximpos://payment|reversal|last_transaction|accounting_closure?…)',
  noCallerTrxId: 'the request has no callerTrxId: Nexi POS echoes it in every result',
  noReturnUri: 'the request has no valid uri: Nexi POS would not know where to send the result',
  closureSoftpos: 'Accounting closure is MobilePOS only: with only a SoftPOS TID Nexi POS answers -19 (spec §6, §9.1).',
  softposErrorOnly: 'result -30 with softPosError comes from the SoftPOS payment flow only',
  lastTransactionCode: 'A last-transaction enquiry answers 0 or -41 (spec §5.2); the code chosen is used as is.',
  softposChip: 'SoftPOS reads cards contactless only (NFC): a chip read needs MobilePOS',
  invalidRequest: 'The request is invalid ({reason}): Nexi POS answers result -1, invalid input parameters (spec §9.1; which checks Nexi POS makes is not documented: inferred).',
  invalidRequestKept: 'The request is invalid ({reason}): Nexi POS would answer result -1 (inferred); the outcome asked for is simulated all the same.',
  noAmount: 'it has no amount',
  resultNotListed: '{note} The code is simulated as asked.',
} as const;

/**
 * Why a request cannot be carried out as asked: a parameter the operation requires is missing (A2A003: `callerName`,
 * a reversal's `terminalId`…), or a payment or reversal has no amount or one the validator finds in error (no number, a
 * decimal separator, out of range). Nexi POS refuses such a request with -1 (spec §9.1) rather than charging 0; which
 * checks it makes is not documented (inferred).
 */
function invalidRequest(scanned: ScannedUri, operation: OperationName): string | undefined {
  const isPayment = operation === 'payment' || operation === 'reversal';
  const amount = scanned.params.find((p) => p.name === 'amount');
  // A missing amount has its own words (the "payment needs `amount`" finding would say it too).
  if (isPayment && amount === undefined) return simulatorMessages().noAmount;
  const findings = validateUri(scanned);
  const missing = findings.find((d) => d.code === 'A2A003');
  if (missing) return `${missing.code}: ${missing.message}`;
  if (!isPayment || amount === undefined) return undefined;
  const found = findings.find((d) => d.severity === 'error' && d.range.start >= amount.range.start && d.range.end <= amount.range.end);
  return found ? `${found.code}: ${found.message}` : undefined;
}

/** The simulator's texts in the current core locale. */
export const simulatorMessages = translated('simulator.messages', simulatorMessagesEn);

export type { Outcome, Product } from './outcome';

export interface SimulateOptions {
  /** The outcome; when absent, the scenario catalogue chooses it from the request's amount (issue 18). */
  readonly outcome?: Outcome;
  readonly product: Product;
  readonly now?: Date;
  /** Minutes east of UTC for device-local times (default: this machine's). */
  readonly utcOffsetMinutes?: number;
  /** Terminal for operations whose request carries none (payment: Nexi POS uses the last selected TID, spec §1). */
  readonly terminalId?: string;
  readonly card?: CardScheme;
  /** How the card is read (default contactless; chip is MobilePOS only). */
  readonly entry?: EntryMode;
  /** Seed for STAN, RRN, authorisation code and PAN digits (deterministic output for tests). */
  readonly seed?: number;
}

export interface SimulatedResult {
  readonly uri: string;
  readonly operation: OperationName;
  readonly product: Product;
  readonly result: number;
  readonly terminalId: string;
  readonly callerTrxId: string;
  /** For the sandbox (approved and declined payments/reversals reach the host; others do not). */
  readonly transaction?: SandboxTransaction;
  /** Things the user should know (e.g. accounting closure on SoftPOS). */
  readonly notes: readonly string[];
  /** The catalogue scenario the amount chose (only when no outcome was given). */
  readonly scenario?: {
    readonly id: string;
    /** False for a result that never reaches the app (lost result): only checkTransaction knows the outcome. */
    readonly delivered: boolean;
  };
}

export class SimulationError extends Error {}

// CT109 (product name as a receipt prints it) per scheme; the AIDs are the catalogue's (all in the AID table).
const cardProducts: Readonly<Record<CardScheme, string>> = {
  Mastercard: 'Debit Mastercard',
  Visa: 'Visa Debit',
  Maestro: 'Maestro',
  PagoBANCOMAT: 'PagoBANCOMAT',
};

const pad = (n: number | string, w: number): string => String(n).padStart(w, '0');

interface LocalTime {
  readonly y: number;
  readonly mo: number;
  readonly d: number;
  readonly h: number;
  readonly mi: number;
  readonly s: number;
  readonly dayOfYear: number;
  readonly offset: string;
}

function localTime(now: Date, offsetMinutes: number): LocalTime {
  const t = new Date(now.getTime() + offsetMinutes * 60_000);
  const start = Date.UTC(t.getUTCFullYear(), 0, 1);
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return {
    y: t.getUTCFullYear(),
    mo: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
    dayOfYear: Math.floor((Date.UTC(t.getUTCFullYear(), t.getUTCMonth(), t.getUTCDate()) - start) / 86_400_000) + 1,
    offset: `${sign}${pad(Math.floor(abs / 60), 2)}:${pad(abs % 60, 2)}`,
  };
}

function resultCode(outcome: Outcome): number {
  switch (outcome.kind) {
    case 'approved':
      return 0;
    case 'declined':
      return 21;
    case 'cancelled':
      return 20;
    case 'softpos-error':
      return -30;
    case 'result':
      return outcome.code;
  }
}

/** Serialises pairs; `encode` decides per key whether the value is percent-encoded (Nexi's habits differ per field). */
function query(pairs: ReadonlyArray<readonly [string, string]>, encode: (key: string) => boolean): string {
  return pairs.map(([k, v]) => `${k}=${encode(k) ? encodeQueryComponent(v) : v}`).join('&');
}

/** Parses the `outcome` words of the CLI and the editor: approved, declined[:CODE], cancelled, softpos-error[:X-Y-Z], result:N. */
export function parseOutcome(text: string): Outcome {
  const M = simulatorMessages();
  const [kind, arg] = text.split(':', 2) as [string, string | undefined];
  switch (kind) {
    case 'approved':
      return { kind: 'approved' };
    case 'declined':
      if (arg !== undefined && !/^(\d{3}|[0-9A-Z]{2})$/.test(arg)) throw new SimulationError(fill(M.declinedBadCode, { arg }));
      return { kind: 'declined', ...(arg ? { actionCode: arg } : {}) };
    case 'cancelled':
      return { kind: 'cancelled' };
    case 'softpos-error':
      if (arg !== undefined && !/^[^-\s]+-[^-\s]+-[^-\s]+$/.test(arg)) throw new SimulationError(fill(M.softposErrorBad, { arg }));
      return { kind: 'softpos-error', ...(arg ? { softPosError: arg } : {}) };
    case 'result': {
      const code = Number(arg);
      if (!Number.isInteger(code)) throw new SimulationError(fill(M.resultNotNumber, { arg: arg ?? '' }));
      if (describeResult(String(code)).status !== 'documented') throw new SimulationError(fill(M.resultUndocumented, { code }));
      return { kind: 'result', code };
    }
    default:
      throw new SimulationError(fill(M.unknownOutcome, { text }));
  }
}

export function simulate(requestUri: string, options: SimulateOptions): SimulatedResult {
  const M = simulatorMessages();
  const scanned = scanText(requestUri).find((u) => u.kind === 'request');
  if (!scanned || !scanned.operation) throw new SimulationError(M.notRequest);
  const get = (k: string): string | undefined => scanned.params.find((p) => p.name === k)?.value ?? undefined;
  const operation = scanned.operation;
  const callerTrxId = get('callerTrxId');
  const returnUri = get('uri');
  if (!callerTrxId) throw new SimulationError(M.noCallerTrxId);
  if (!returnUri || !/^[A-Za-z][A-Za-z0-9+.-]*:/.test(returnUri)) throw new SimulationError(M.noReturnUri);
  const notes: string[] = [];
  const product = options.product;
  const invalid = invalidRequest(scanned, operation);
  // No outcome given: the scenario catalogue chooses it, and the card, from the request's amount (issue 18).
  let outcome: Outcome;
  let scheme: CardScheme = options.card ?? 'Mastercard';
  let entry: EntryMode = options.entry ?? 'contactless';
  let scenario: SimulatedResult['scenario'];
  if (options.outcome) {
    outcome = options.outcome;
    if (invalid) notes.push(fill(M.invalidRequestKept, { reason: invalid }));
  } else if (invalid) {
    outcome = { kind: 'result', code: -1 };
    notes.push(fill(M.invalidRequest, { reason: invalid }));
  } else {
    const S = scenarioMessages();
    const amountParam = get('amount');
    const choice = scenarioFor(amountParam, product, operation);
    const chosen = choice.scenario;
    outcome = chosen.outcome;
    if (chosen.card) {
      scheme = chosen.card.scheme;
      entry = chosen.card.entry;
    }
    scenario = { id: chosen.id, delivered: chosen.expected.delivered };
    if (choice.notApplicable) {
      const n = choice.notApplicable;
      notes.push(fill(S.notApplicable, { amount: String(n.amount), id: n.id, operations: n.operations.join(', '), products: n.products.map((p) => (p === 'softpos' ? 'SoftPOS' : 'MobilePOS')).join(', ') }));
    } else if (chosen.amount !== undefined) notes.push(fill(S.scenarioNote, { id: chosen.id, amount: String(chosen.amount), description: describeScenario(chosen) }));
    if (!chosen.expected.delivered) notes.push(S.lostNote);
  }
  if (entry === 'chip' && product === 'softpos') throw new SimulationError(M.softposChip);
  let code = resultCode(outcome);
  if (operation === 'accounting_closure' && product === 'softpos') {
    code = -19;
    notes.push(M.closureSoftpos);
  }
  if (outcome.kind === 'softpos-error' && product !== 'softpos') throw new SimulationError(M.softposErrorOnly);
  const rnd = prng(options.seed ?? Date.now());
  const now = options.now ?? new Date();
  const t = localTime(now, options.utcOffsetMinutes ?? -now.getTimezoneOffset());
  const card = { aid: schemeAids[scheme], product: cardProducts[scheme] };
  const last4 = pad(Math.floor(rnd() * 10000), 4);
  const stan = pad(1 + Math.floor(rnd() * 999998), 6);
  const sequence = pad(Math.floor(rnd() * 1_000_000), 6);
  const rrn = `${t.y % 10}${pad(t.dayOfYear, 3)}${pad(t.h, 2)}${sequence}`;
  const auth = Array.from({ length: 6 }, () => '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'[Math.floor(rnd() * 33)]).join('');
  const atc = pad(Math.floor(rnd() * 0xffff).toString(16).toUpperCase(), 4);
  const tvr = '0000008001';
  const terminalId = get('terminalId') ?? options.terminalId ?? (product === 'softpos' ? '38032131' : '30350039');
  const amountRaw = get('amount') ?? '0';
  const requested = /^\d+$/.test(amountRaw) ? amountRaw.replace(/^0+(?=\d)/, '') : '0';
  // A last-transaction request carries no amount: the simulated last transaction gets one, used everywhere.
  const amount = operation === 'last_transaction' && requested === '0' ? String(1 + Math.floor(rnd() * 9999)) : requested;
  // spec §5.2: a last-transaction enquiry that finds a declined transaction still succeeds (result 0); the
  // transaction's own outcome is in f39 (§10). "declined" simulates that, not a result Nexi never sends there.
  const lastDeclined = operation === 'last_transaction' && outcome.kind === 'declined';
  if (lastDeclined) code = 0;
  const approved = code === 0 && !lastDeclined;
  const declined = code === 21 || lastDeclined;
  const actionCode = declined ? (outcome.kind === 'declined' ? (outcome.actionCode ?? '116') : '116') : operation === 'reversal' && product === 'softpos' ? '400' : '000';
  const reachedHost = approved || declined;
  const operationType = { payment: 'PAYMENT', reversal: 'REVERSAL', last_transaction: 'LAST_TRANSACTION', accounting_closure: 'ACCOUNTING_CLOSURE' }[operation];
  const ddMMyyHHmm = `${pad(t.d, 2)}${pad(t.mo, 2)}${pad(t.y % 100, 2)}${pad(t.h, 2)}${pad(t.mi, 2)}`;
  const base = returnUri.includes('?') ? `${returnUri}&` : `${returnUri}?`;
  // The result's shape is catalog data (`responseLayouts`); here only the values of this one transaction.
  const layoutId: LayoutId =
    operation === 'accounting_closure' ? 'accounting_closure' : operation === 'last_transaction' ? 'last_transaction' : product === 'mobilepos' ? 'mobilepos' : 'softpos';
  // Drawn in the order the published layouts use them, so a seed gives the same result as before.
  const total = layoutId === 'accounting_closure' ? String(Math.floor(rnd() * 500_000)) : '';
  const operationNumber = layoutId === 'mobilepos' && reachedHost ? pad(Math.floor(rnd() * 1000), 6) : '';
  const amount12 = pad(amount, 12);
  const found = operation === 'last_transaction' && code === 0;
  // spec §5.2: result 0 with the receipt of the last transaction, or -41 when there is none.
  if (operation === 'last_transaction' && code !== 0 && code !== -41) notes.push(M.lastTransactionCode);
  // A code asked for that Nexi does not list for this operation (result:-41 for a payment): said, as decode says it.
  else if (outcome.kind === 'result') {
    const listed = describeResult(String(code), { operation });
    if (listed.listedForOperation === 'no' || listed.listedForOperation === 'uncertain') for (const note of listed.notes) notes.push(fill(M.resultNotListed, { note }));
  }
  const values: Readonly<Record<LayoutValue, string>> = {
    result: String(code),
    amount,
    amount12,
    enquiryAmount12: found ? amount12 : pad(0, 12),
    callerTrxId,
    operationType,
    actionCode,
    maskedPan: `************${last4}`,
    last4,
    // [REV]: transactionType ICC (chip), MAG, CLI (contactless).
    transactionType: entry === 'chip' ? 'ICC' : 'CLI',
    entryLabel: entry === 'chip' ? 'Chip' : 'Contactless',
    ddMMyyHHmm,
    resultDescription: approved ? 'TRANSAZIONE APPROVATA' : 'TRANSAZIONE NEGATA',
    stan,
    rrn,
    authorizationNumber: auth,
    operationNumber,
    acquirerName: 'NEXI'.padEnd(16, ' '),
    merchantId: '0000091'.padEnd(15, ' '),
    terminalId,
    terminalType: product === 'softpos' ? 'SOFTPOS' : 'MPOS',
    receiptLink: `https://mpos.nexi.it/r?id=${auth}${stan}`,
    softPosError: outcome.kind === 'softpos-error' ? (outcome.softPosError ?? '2-13-0') : '',
    total,
    HHmmss: `${pad(t.h, 2)}${pad(t.mi, 2)}${pad(t.s, 2)}`,
    MMdd: `${pad(t.mo, 2)}${pad(t.d, 2)}`,
    HHcolonMM: `${pad(t.h, 2)}:${pad(t.mi, 2)}`,
    ddSlashMMSlashYyyy: `${pad(t.d, 2)}/${pad(t.mo, 2)}/${t.y}`,
    iso8601: `${t.y}-${pad(t.mo, 2)}-${pad(t.d, 2)}T${pad(t.h, 2)}:${pad(t.mi, 2)}:${pad(t.s, 2)}${t.offset}`,
    f55: `9F3602${atc}9F350121950500${tvr.slice(2)}`,
    ct123: `9F3602${atc}9505${tvr}`,
    messageType: operation === 'reversal' ? '0200' : '0100',
    aid: card.aid,
    cardProduct: card.product,
    scheme,
  };
  const holds: Readonly<Record<LayoutCondition, boolean>> = {
    reachedHost,
    notReachedHost: !reachedHost,
    approved,
    performed: code === 0,
    found,
    softPosError: outcome.kind === 'softpos-error' && code === -30,
    receiptLinkWanted: get('urlTicket') !== 'false',
  };
  const fields = responseLayouts[layoutId].filter((f) => (f.when ?? []).every((c) => holds[c]));
  const pairs: Array<[string, string]> = fields.map((f) => [f.key, f.constant ?? values[f.from ?? 'result']]);
  // Request parameters the layout repeats (catalog `echoedIn`), after its own fields; a flag is echoed as
  // true/false, its default when the request leaves it out.
  for (const spec of findOperation(operation)?.request ?? []) {
    if (!spec.echoedIn?.includes(layoutId)) continue;
    const sent = get(spec.name) ?? spec.default;
    if (spec.type === 'boolean') pairs.push([spec.name, sent === 'true' ? 'true' : 'false']);
    else if (sent !== undefined) pairs.push([spec.name, sent]);
  }
  const encodedKeys = new Set(fields.filter((f) => f.encoded).map((f) => f.key));
  const encode = (key: string): boolean => encodedKeys.has(key);
  const uri = base + query(pairs, encode);
  const transaction: SandboxTransaction | undefined =
    reachedHost && (operation === 'payment' || operation === 'reversal')
      ? {
          terminalId,
          callerTrxId,
          operationType: operation === 'payment' ? 'PAYMENT' : 'REVERSAL',
          status: approved ? 'APPROVED' : 'DECLINED',
          result: String(code),
          actionCode,
          amount: pad(amount, 12),
          currency: '978',
          cardType: scheme,
          pan: `************${last4}`,
          ...(approved ? { authorizationNumber: auth } : {}),
          stan,
          rrn,
          acquirerId: product === 'softpos' ? '909517' : '00000000003',
          transactionDate: `${t.y}-${pad(t.mo, 2)}-${pad(t.d, 2)}T${pad(t.h, 2)}:${pad(t.mi, 2)}:${pad(t.s, 2)}${t.offset}`,
        }
      : undefined;
  return { uri, operation, product, result: code, terminalId, callerTrxId, ...(transaction ? { transaction } : {}), notes, ...(scenario ? { scenario } : {}) };
}
