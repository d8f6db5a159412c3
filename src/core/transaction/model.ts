// One typed reading of a whole App2App URI: which operation and product, the outcome of the enquiry and of the
// transaction, the amounts, the card, the host response, the timestamps, and what the fields say about each other.
// Field-by-field explanations are right on their own but wrong where a field's meaning depends on the rest of the
// URI (issue 15): for last_transaction `result` is the enquiry's outcome and the transaction's is in f39/actionCode
// (spec §5.2, §10); a SoftPOS reversal's `amount` is the request's, not the amount reversed [REVS]. Summaries,
// hovers, diagnostics, decode documents, check results and reconciliation read this model instead of single keys.
// Built once per URI from the already-parsed URI; every reading that rests on an inference says so (`inferred`).
import { findOperation, findOperationByType, findParameter, type OperationName } from '../app2app/catalog';
import type { QueryParam } from '../app2app/parse';
import type { ScannedUri } from '../app2app/scan';
import { describeActionCode, type ActionCodeDescription } from '../codes/actionCodes';
import { formatAmount, lookupCurrency, type Currency, type FormattedAmount } from '../codes/currencies';
import { lookupReceiptKey, receiptKeys } from '../codes/receiptKeys';
import { describeResult, type ResultDescription } from '../codes/resultCodes';
import type { TemplateValues } from '../codes/text';
import { fillTemplate, recentlyRead } from '../codes/text';
import { lookupCt105, lookupOperationType } from '../codes/transactionTypes';
import { decodeBits, entryModeFromNexi, flattenTlv, kernelFor, lookupTag, parseTlv, type CardKernel, type TlvNode, type TlvParseResult } from '../emv/lazy';
import { readDdMMyyHHmm, readDdSlashMMSlashYyyy, readHHColonMm, readIso8601 } from '../explain/dates';
import { resultDiagnosticInfo, type ResultDiagnosticCode } from '../explain/messages';
import { identifierFields, luhnValid, maskPan, maskPans } from '../redact';
import type { Diagnostic, OffsetRange } from '../types';

export type Product = 'softpos' | 'mobilepos';

/** What the transaction itself came to (not the enquiry about it). */
export type TransactionOutcome =
  | 'approved'
  | 'declined'
  | 'cancelled'
  | 'error'
  /** Host code 888 (Nexi's table: pending). */
  | 'pending'
  /** `result` and the host code say opposite things (`result=0&actionCode=116`). */
  | 'contradictory'
  /** A last-transaction enquiry found no transaction (-41) or failed: there is no transaction to judge. */
  | 'none'
  | 'unknown';

/** A value and where it was read: the keys, and whether reading it so is our inference. */
export interface Sourced<T> {
  readonly value: T;
  /** Keys (or key + tag) the value comes from, e.g. `terminalType`, `f04`, `CT102`, `f55 9F34`. */
  readonly source: string;
  readonly inferred: boolean;
}

export interface HostResponse {
  /** `actionCode` (MobilePOS) or `f39` (SoftPOS receipt), spec §10. */
  readonly key: string;
  readonly code: string;
  readonly description: ActionCodeDescription;
  /** ISO 8583 incorrect PIN (1993 117, 1987 55): a retryable outcome on the device (spec §9.2). */
  readonly wrongPin: boolean;
  readonly range: OffsetRange;
}

export interface AmountReading {
  readonly key: string;
  /** Digits as sent, trimmed. */
  readonly raw: string;
  readonly amount: FormattedAmount;
}

export interface Retry {
  readonly value: 'retryable' | 'final';
  /** `table`: the result-code table; `wrong-pin`: the host code is a wrong PIN, which [PAY] lists as retryable. */
  readonly reason: 'table' | 'wrong-pin';
  readonly inferred: boolean;
}

export interface TimestampReading {
  /** One key or two joined (`CT106+CT107`). */
  readonly key: string;
  readonly text: string;
  /** `offset`: the value carries its UTC offset; `not-stated`: no time zone anywhere (spec §12). */
  readonly zone: 'offset' | 'not-stated';
  /** CT110 whose `+` had been decoded to a space, read back as `+hh:mm`. */
  readonly recovered: boolean;
}

export interface CardReading {
  /** CT108 (documented) or the AID's brand (CT102). */
  readonly brand?: Sourced<string>;
  /** Scheme, interface and kernel: the EMV layer's reading of CT102 and the entry mode (labelled when inferred). */
  readonly kernel?: CardKernel;
  /** Last four digits, from CT100, `pan` or CT112 (first present). */
  readonly last4?: Sourced<string>;
  /** Cardholder verification from EMV 9F34 (CVM Results) inside f55/CT123. */
  readonly cvm?: Sourced<string>;
}

export interface TransactionModel {
  readonly kind: ScannedUri['kind'];
  readonly operation: OperationName | undefined;
  readonly product?: Sourced<Product>;
  /** The `result` parameter as such (for last_transaction: the enquiry's outcome, spec §5.2). */
  readonly result?: { readonly raw: string; readonly description: ResultDescription; readonly range: OffsetRange };
  /** last_transaction only: did the enquiry return a transaction (result 0) or not (-41, errors)? */
  readonly enquiry?: { readonly found: boolean };
  /** What the transaction came to. For last_transaction, the retrieved transaction's outcome (f39/actionCode). */
  readonly outcome: Sourced<TransactionOutcome>;
  /** last_transaction: the retrieved transaction's kind from CT105 (0100 SALE → payment; 0200 VOID → reversal, inferred). */
  readonly retrieved?: { readonly ct105: string; readonly label?: string; readonly operation?: Sourced<'payment' | 'reversal'> };
  readonly retry?: Retry;
  readonly host?: HostResponse;
  readonly amount: {
    /** What was asked for: `amount` of a payment/reversal result (an echo of the request). */
    readonly requested?: AmountReading;
    /** What the host processed: f04 (receipt), else `amount` of a last_transaction (documented as f30's content). */
    readonly processed?: Sourced<AmountReading>;
    /** f30, original amount. */
    readonly original?: AmountReading;
    /** `amount` of a reversal is the requested amount, not the amount reversed [REVS]. */
    readonly requestNotReversed: boolean;
  };
  readonly currency: { readonly currency: Currency; readonly assumed: boolean };
  readonly card: CardReading;
  readonly authorisation?: Sourced<string>;
  readonly terminalId?: Sourced<string>;
  readonly merchant?: Sourced<string>;
  readonly callerTrxId?: string;
  /** Every timestamp present, best first (CT110 with its offset, then `timestamp`, CT106+CT107). */
  readonly timestamps: readonly TimestampReading[];
  /** Totals of an accounting closure. */
  readonly totals?: { readonly host?: AmountReading; readonly terminal?: AmountReading };
  /** EMV data of TLV-valued keys (f55, CT123), parsed once here; the explainer reuses it. */
  readonly tlv: ReadonlyMap<QueryParam, TlvParseResult>;
  /** Cross-field findings and card data (A2R001, A2R005, A2R007…): result diagnostics with stable codes. */
  readonly findings: readonly Diagnostic[];
}

// EMV objects that carry the card number or track data (PCI DSS): 5A Application PAN, 57 Track 2 Equivalent
// Data, 56 Track 1 Data, 9F6B Track 2 Data (contactless mag-stripe).
export const cardDataTags: ReadonlySet<string> = new Set(['5A', '57', '56', '9F6B']);

/** A full card number as a value: 13–19 digits once blanks and hyphens are gone (a mistyped PAN is still one). */
export function isFullPan(value: string): boolean {
  return /^\d{13,19}$/.test(value.replace(/[\s-]/g, ''));
}

/**
 * The value of a card-data TLV object with the card number masked: 5A keeps the first 6 and last 4 digits;
 * Track 2 data (57, 9F6B) the masked PAN and nothing after the separator; Track 1 (56, text) nothing.
 */
export function maskCardTlvValue(tag: string, hex: string): string {
  if (tag === '5A') {
    const digits = hex.replace(/F+$/i, '');
    return /^\d+$/.test(digits) ? maskPan(digits) + hex.slice(digits.length) : '*'.repeat(hex.length);
  }
  if (tag === '57' || tag === '9F6B') {
    const m = /^(\d{1,19})([D=])/i.exec(hex);
    return m ? `${maskPan(m[1]!)}${m[2]}${'*'.repeat(hex.length - m[0].length)}` : '*'.repeat(hex.length);
  }
  return '*'.repeat(hex.length);
}

// Wrong PIN: ISO 8583:1993 117 (Nexi's table: "Incorrect PIN") and ISO 8583:1987 55.
const wrongPinCodes = new Set(['117', '55']);

// Keys that only one product's results carry. MobilePOS: the §3.4 response table ([PAYS], [REV] mPOS examples);
// `urlTicket` is documented as MobilePOS only. SoftPOS: receipt keys and the echoes of the published SoftPOS
// example (spec §3.4, §13) and softPosError (§9.3). Reading the product from them is ours [inference]; last_transaction
// carries receipt keys for both products (spec §5.2), so there only terminalType counts.
const mobilePosKeys = new Set(['actionCode', 'pan', 'transactionType', 'stan', 'operationNumber', 'acquirerName', 'merchantId', 'resultDescription', 'cardTypeCVM', 'urlTicket', 'authorizationNumber']);
/** `CT` + 3 digits, `f` + 2 digits, `F42`, `9F14`, `softPosError`: the SoftPOS-only keys (see above). */
function isSoftPosKey(name: string): boolean {
  const digit = (i: number) => name.charCodeAt(i) >= 48 && name.charCodeAt(i) <= 57;
  switch (name.length) {
    case 5:
      return name.charCodeAt(0) === 67 /* C */ && name.charCodeAt(1) === 84 /* T */ && digit(2) && digit(3) && digit(4);
    case 3:
      return (name.charCodeAt(0) === 102 /* f */ && digit(1) && digit(2)) || name === 'F42';
    default:
      return name === '9F14' || name === 'softPosError';
  }
}

// Keys whose values are BER-TLV (the receipt-key table's `tlv` kind: f55, CT123), parsed once here.
const tlvKeys: ReadonlySet<string> = new Set(receiptKeys.filter((k) => k.valueKind === 'tlv').map((k) => k.key));

/** A TLV-valued parameter with its objects flattened (the card-data check and the CVM reading both walk them). */
interface TlvField {
  readonly param: QueryParam;
  readonly nodes: readonly TlvNode[];
}

// The model's `tlv` of a URI without TLV values: one shared empty map (read-only), not one per URI.
const noTlv: ReadonlyMap<QueryParam, TlvParseResult> = new Map();

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The digits of `v` without leading zeros (one zero kept); undefined unless `v` is all digits. */
function digitsOf(v: string | undefined): string | undefined {
  if (v === undefined || v.length === 0) return undefined;
  let zeros = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
    if (c === 48 && zeros === i && i < v.length - 1) zeros++;
  }
  return zeros === 0 ? v : v.slice(zeros);
}

/** One parameter with what the model reads of it, computed once (a parameter's getters derive on every read). */
interface Entry {
  readonly param: QueryParam;
  readonly name: string;
  readonly trimmed: string | undefined;
  readonly dynamic: QueryParam['dynamic'];
}

// Every key the model reads by name, each with a slot: a URI's first parameter of each is found by one lookup in
// this fixed table instead of a Map made per URI (the model runs for every URI of a log).
const modelKeys = [
  'result', 'terminalType', 'actionCode', 'f39', 'CT105', 'CT118', 'amount', 'f04', 'f30', 'hostTotal', 'terminalTotal', 'operationType', 'F42',
  'f42', 'CT108', 'CT102', 'transactionType', 'CT115', 'CT100', 'pan', 'CT112', 'CT110', 'timestamp', 'CT106', 'CT107', 'authorizationNumber',
  'f38', 'terminalId', 'f41', 'CT104', 'f43', 'callerTrxId',
] as const;
type ModelKey = (typeof modelKeys)[number];
const slotOf: ReadonlyMap<string, number> = new Map(modelKeys.map((k, i) => [k, i]));

class Reader {
  readonly findings: Diagnostic[] = [];
  readonly entries: Entry[] = [];
  /** The first parameter of each model key (keys from templates excepted), by slot. */
  private readonly first: (Entry | undefined)[] = new Array<Entry | undefined>(modelKeys.length).fill(undefined);

  constructor(
    readonly scanned: ScannedUri,
    names: readonly string[] | undefined,
  ) {
    const params = scanned.params;
    for (let i = 0; i < params.length; i++) {
      const param = params[i]!;
      const entry: Entry = { param, name: names ? names[i]! : param.name, trimmed: param.trimmed, dynamic: param.dynamic };
      this.entries.push(entry);
      const slot = slotOf.get(entry.name);
      if (slot !== undefined && entry.dynamic !== 'key' && this.first[slot] === undefined) this.first[slot] = entry;
    }
  }

  param(name: ModelKey): QueryParam | undefined {
    return this.first[slotOf.get(name)!]?.param;
  }

  /** Trimmed value; undefined when absent, blank, or the literal `null` (how Nexi's "null otherwise" may arrive). */
  get(name: ModelKey): string | undefined {
    return present(this.first[slotOf.get(name)!]?.trimmed);
  }

  where(name: ModelKey): OffsetRange {
    const p = this.first[slotOf.get(name)!]?.param;
    return p ? (p.valueRange ?? p.range) : this.scanned.uri.schemeRange;
  }

  report(code: ResultDiagnosticCode, range: OffsetRange, values: TemplateValues): void {
    const info = resultDiagnosticInfo(code);
    this.findings.push({ code, severity: info.severity, message: fillTemplate(info.message, values), range });
  }
}

/** A trimmed value as the model reads it: undefined when blank or the literal `null`. */
function present(v: string | undefined): string | undefined {
  return v === undefined || v === '' || v === 'null' || v === 'NULL' ? undefined : v;
}

function amountOf(r: Reader, key: ModelKey, currency: string): AmountReading | undefined {
  const raw = r.get(key);
  if (raw === undefined || !/^[+-]?\d+$/.test(raw)) return undefined;
  const amount = formatAmount(raw, currency);
  return amount ? { key, raw, amount } : undefined;
}

function readProduct(r: Reader, operation: OperationName | undefined, result: ResultDescription | undefined): Sourced<Product> | undefined {
  const terminalType = r.get('terminalType')?.toUpperCase();
  // spec §5.2 [LTS]: terminalType states the product of the retrieved transaction.
  if (terminalType === 'SOFTPOS' || terminalType === 'MPOS') return { value: terminalType === 'SOFTPOS' ? 'softpos' : 'mobilepos', source: 'terminalType', inferred: false };
  // spec §9.1: the [ERR] product column; code 9's scope is itself inferred.
  const scope = result?.entry?.product;
  if (scope === 'softpos' || scope === 'mpos') return { value: scope === 'softpos' ? 'softpos' : 'mobilepos', source: `result ${result!.entry!.code}`, inferred: !!result!.entry!.productInferred };
  // spec §6: accounting closure is MobilePOS only.
  if (operation === 'accounting_closure') return { value: 'mobilepos', source: 'accounting_closure', inferred: false };
  if (operation === 'last_transaction' || r.scanned.kind !== 'result') return undefined;
  const soft: string[] = [];
  const mobile: string[] = [];
  // Each name once, as its first parameter reads (a repeated key is one key; keys from templates are not keys).
  let seen: Set<string> | undefined;
  for (const entry of r.entries) {
    if (entry.dynamic === 'key') continue;
    const name = entry.name;
    const into = mobilePosKeys.has(name) ? mobile : isSoftPosKey(name) ? soft : undefined;
    if (into === undefined || seen?.has(name)) continue;
    (seen ??= new Set()).add(name);
    if (present(entry.trimmed) !== undefined) into.push(name);
  }
  if (soft.length > 0 && mobile.length === 0) return { value: 'softpos', source: soft.slice(0, 3).join(', '), inferred: true };
  if (mobile.length > 0 && soft.length === 0) return { value: 'mobilepos', source: mobile.slice(0, 3).join(', '), inferred: true };
  return undefined;
}

function readHost(r: Reader, operation: 'payment' | 'reversal' | 'accounting_closure' | 'last_transaction' | undefined): HostResponse | undefined {
  const key = r.get('actionCode') !== undefined ? 'actionCode' : r.get('f39') !== undefined ? 'f39' : undefined;
  if (!key) return undefined;
  const code = r.get(key)!;
  const description = describeHostCode(code, operation);
  return { key, code, description, wrongPin: wrongPinCodes.has(description.code), range: r.where(key) };
}

// A log repeats the same few host codes: the last descriptions are kept and shared (descriptions are read-only).
const describeHostCode = recentlyRead((code: string, operation: OperationName | undefined) => describeActionCode(code, operation ? { operation } : {}), 16);

/** CT105 of a retrieved transaction: 0100 SALE is a payment; 0400 REVERSAL and 0200 VOID a reversal (VOID inferred). */
function retrievedOf(r: Reader): TransactionModel['retrieved'] {
  const ct105 = r.get('CT105');
  if (!ct105) return undefined;
  const entry = lookupCt105(ct105);
  // spec §13.1: the published SoftPOS reversal result carries CT105=0200 (VOID) — reading VOID as our reversal is ours.
  const operation: Sourced<'payment' | 'reversal'> | undefined =
    ct105 === '0100' ? { value: 'payment', source: 'CT105', inferred: false } : ct105 === '0400' ? { value: 'reversal', source: 'CT105', inferred: false } : ct105 === '0200' ? { value: 'reversal', source: 'CT105', inferred: true } : undefined;
  const retrieved: Mutable<NonNullable<TransactionModel['retrieved']>> = { ct105 };
  if (entry) retrieved.label = entry.label;
  if (operation) retrieved.operation = operation;
  return retrieved;
}

function outcomeFromHost(host: HostResponse): TransactionOutcome {
  if (host.description.approved === true) return 'approved';
  if (host.description.approved === false) return 'declined';
  return host.description.code === '888' ? 'pending' : 'unknown';
}

function readOutcome(
  r: Reader,
  operation: OperationName | undefined,
  result: ResultDescription | undefined,
  host: HostResponse | undefined,
  retrieved: TransactionModel['retrieved'],
): { outcome: Sourced<TransactionOutcome>; retry?: Retry; enquiry?: { found: boolean } } {
  if (operation === 'last_transaction') {
    // spec §5.2: result is the enquiry's outcome (0 found, -41 none); the transaction's own is the host code.
    const found = result?.code === 0;
    if (!found) return { outcome: { value: 'none', source: 'result', inferred: false }, enquiry: { found: false } };
    if (!host) return { outcome: { value: 'unknown', source: 'result', inferred: false }, enquiry: { found: true } };
    // 400 "reversal accepted" rests on the retrieved transaction being a reversal, itself inferred from CT105 0200.
    const inferred = host.description.provenance === 'inferred' || (host.description.code === '400' && !!retrieved?.operation?.inferred);
    return { outcome: { value: outcomeFromHost(host), source: host.key, inferred }, enquiry: { found: true } };
  }
  const entry = result?.entry;
  if (!entry) return { outcome: { value: 'unknown', source: 'result', inferred: false } };
  const byResult: TransactionOutcome = entry.outcome === 'success' ? 'approved' : entry.outcome;
  const retry: Retry | undefined = entry.outcome === 'success' ? undefined : { value: entry.retry, reason: 'table', inferred: entry.retryProvenance === 'inferred' };
  if (!host || (operation !== 'payment' && operation !== 'reversal')) return { outcome: { value: byResult, source: 'result', inferred: false }, ...(retry ? { retry } : {}) };
  const approved = host.description.approved;
  if ((byResult === 'approved' && approved === false) || (byResult === 'declined' && approved === true)) {
    r.report('A2R007', host.range, {
      result: result!.code!,
      resultMeaning: entry.meaning.replace(/\.$/, ''),
      key: host.key,
      code: host.code,
      codeMeaning: host.description.meaning.replace(/\.$/, ''),
    });
    return { outcome: { value: 'contradictory', source: `result, ${host.key}`, inferred: false } };
  }
  // spec §9.2: a wrong PIN is retryable on the device [PAY]; that it arrives as result 21 + 117/55 is ours.
  if (byResult === 'declined' && host.wrongPin) {
    return { outcome: { value: 'declined', source: `result, ${host.key}`, inferred: false }, retry: { value: 'retryable', reason: 'wrong-pin', inferred: true } };
  }
  return { outcome: { value: byResult, source: approved === undefined ? 'result' : `result, ${host.key}`, inferred: false }, ...(retry ? { retry } : {}) };
}

function readTimestamps(r: Reader): TimestampReading[] {
  const out: TimestampReading[] = [];
  const ct110 = r.get('CT110');
  const iso = ct110 ? readIso8601(ct110) : undefined;
  if (iso) out.push({ key: 'CT110', text: iso.text, zone: /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso.iso ?? '') ? 'offset' : 'not-stated', recovered: iso.recovered === 'plus-as-space' });
  const ts = r.get('timestamp');
  const local = ts ? readDdMMyyHHmm(ts) : undefined;
  if (local) out.push({ key: 'timestamp', text: local.text, zone: 'not-stated', recovered: false });
  const date = r.get('CT106');
  const time = r.get('CT107');
  const d = date ? readDdSlashMMSlashYyyy(date) : undefined;
  const t = time ? readHHColonMm(time) : undefined;
  if (d) out.push({ key: t ? 'CT106+CT107' : 'CT106', text: t ? `${d.text} ${t.text}` : d.text, zone: 'not-stated', recovered: false });
  return out;
}

const lastFourKeys = ['CT100', 'pan', 'CT112'] as const;

function readCard(r: Reader, product: Sourced<Product> | undefined, tlv: readonly TlvField[]): CardReading {
  const ct108 = r.get('CT108');
  const aid = r.get('CT102');
  // Without an AID the scheme is unknown: the kernel reading would say nothing the entry-mode field does not.
  const kernel = aid ? cardKernel(r, aid, product) : undefined;
  // The kernel reading looked the AID up already: its brand is the AID table's.
  const brand: Sourced<string> | undefined = ct108 ? { value: ct108, source: 'CT108', inferred: false } : kernel?.brand ? { value: kernel.brand, source: 'CT102', inferred: false } : undefined;
  let last4: Sourced<string> | undefined;
  let firstKey: string | undefined;
  let firstLast4: string | undefined;
  let differing: { key: ModelKey; last4: string } | undefined;
  for (const key of lastFourKeys) {
    const v = r.get(key);
    const four = v ? lastFourDigits(v) : undefined;
    if (four === undefined) continue;
    if (firstLast4 === undefined) {
      firstKey = key;
      firstLast4 = four;
      last4 = { value: four, source: key, inferred: key === 'CT112' };
    } else if (differing === undefined && four !== firstLast4) differing = { key, last4: four };
  }
  if (differing) r.report('A2R008', r.where(differing.key), { keyA: firstKey!, a: firstLast4!, keyB: differing.key, b: differing.last4 });
  let cvm: Sourced<string> | undefined;
  for (const { param, nodes } of tlv) {
    const node = nodes.find((n) => n.tag === '9F34' && !n.truncated);
    const bits = node ? decodeBits('9F34', node.value) : undefined;
    const method = bits?.set.find((b) => b.byte === 1)?.meaning;
    if (method) {
      const outcome = bits!.byteValues.find((b) => b.byte === 3)?.meaning;
      cvm = { value: outcome ? `${method} (${outcome})` : method, source: `${param.name} 9F34`, inferred: false };
      break;
    }
  }
  const card: Mutable<CardReading> = {};
  if (brand) card.brand = brand;
  if (kernel) card.kernel = kernel;
  if (last4) card.last4 = last4;
  if (cvm) card.cvm = cvm;
  return card;
}

/** The last four characters of `v` when they are digits (`/(\d{4})$/`). */
function lastFourDigits(v: string): string | undefined {
  if (v.length < 4) return undefined;
  for (let i = v.length - 4; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  return v.slice(-4);
}

function cardKernel(r: Reader, aid: string, product: Sourced<Product> | undefined): CardKernel {
  const terminalType = r.get('terminalType') ?? (product?.value === 'softpos' && !product.inferred ? 'SOFTPOS' : undefined);
  return kernelOf(aid, r.get('transactionType'), r.get('CT115'), terminalType);
}

// A log repeats the same few cards and entry modes: the last kernel readings are kept and shared (read-only).
const kernelOf = recentlyRead(
  (aid: string, transactionType: string | undefined, ct115: string | undefined, terminalType: string | undefined) =>
    kernelFor(aid, entryModeFromNexi({ ...(transactionType ? { transactionType } : {}), ...(ct115 ? { ct115 } : {}), ...(terminalType ? { terminalType } : {}) }) ?? 'unknown'),
  16,
);

/**
 * Documented keys whose value is the caller's free text (the additional tags, the button label): a card number has no
 * business there, whatever the table says the key is, so a Luhn-valid one is reported as in an unknown key.
 */
const freeTextKeys = /^(?:addInfo[1-5]|addInfoKey[1-5]|callerName)$/;

/** PCI DSS: full card numbers in `pan`, CT112 or any key, and card-data EMV objects inside TLV values. */
function checkCardData(r: Reader, tlv: readonly TlvField[]): void {
  for (const { param: p, name, trimmed, dynamic } of r.entries) {
    if (dynamic || !trimmed || trimmed.length < 13) continue;
    const panField = name === 'pan' || name === 'CT112';
    // A masked-PAN field with a full number is an error whatever its digits; elsewhere only a Luhn-valid number in a
    // key no table knows, that is not an identifier (callerTrxId, merchant IDs), counts — as in the masking of
    // everything shown. The tables are asked last: few values are 13–19 digits.
    const full = panField
      ? isFullPan(trimmed)
      : /^\d{13,19}$/.test(trimmed) &&
        !identifierFields.has(name) &&
        luhnValid(trimmed) &&
        !isIdentifierValue(r, trimmed) &&
        lookupReceiptKey(name) === undefined &&
        (freeTextKeys.test(name) || !isCatalogKey(r.scanned, name));
    if (full) r.report('A2R001', p.valueRange ?? p.range, { key: maskPans(name) });
  }
  for (const { param, nodes } of tlv) {
    for (const node of nodes) {
      if (!cardDataTags.has(node.tag) || node.value === '') continue;
      // Track data (57, 56, 9F6B) is never allowed in a log; 5A only when the number is in clear (a masked,
      // F-padded 5A such as 411111FFFFFF1111 is what PCI DSS allows to be shown).
      if (node.tag === '5A' && !/\d{13,19}/.test(node.value)) continue;
      const mapped = param.value === param.rawValue;
      r.report('A2R012', mapped ? node.range : (param.valueRange ?? param.range), { key: param.name, tag: node.tag, name: lookupTag(node.tag)?.name ?? node.tag });
    }
  }
}

/** The value of an identifier field of the URI (callerTrxId, merchant IDs): digits that are not a card number. */
function isIdentifierValue(r: Reader, value: string): boolean {
  for (const e of r.entries) if (e.trimmed === value && identifierFields.has(e.name)) return true;
  return false;
}

/** A parameter of the URI's operation on its side (request or response). */
function isCatalogKey(scanned: ScannedUri, name: string): boolean {
  const operation = scanned.operation ? findOperation(scanned.operation) : undefined;
  return operation !== undefined && findParameter(operation, scanned.kind === 'request' ? 'request' : 'response', name) !== undefined;
}

function crossCheck(r: Reader, operation: OperationName | undefined, product: Sourced<Product> | undefined, requested: AmountReading | undefined): void {
  // operationType vs the authority (A2R005) and vs the receipt's CT105 (A2R011) — payment and reversal only: a
  // last_transaction's CT105 is the retrieved transaction's.
  const operationType = r.get('operationType');
  const byType = operationType ? lookupOperationType(operationType.toUpperCase()) : undefined;
  const byAuthority = findOperation(r.scanned.uri.authority);
  if (operationType && byType && byAuthority && byType.operation !== byAuthority.name) {
    r.report('A2R005', r.where('operationType'), { value: operationType, authority: r.scanned.uri.authority });
  }
  const ct105 = r.get('CT105');
  if (ct105 && (operation === 'payment' || operation === 'reversal')) {
    // spec §13.1: a reversal result carries 0200 VOID in the published example, 0400 REVERSAL by the table.
    const fits = operation === 'payment' ? ct105 === '0100' : ct105 === '0200' || ct105 === '0400';
    const entry = lookupCt105(ct105);
    if (!fits && entry) r.report('A2R011', r.where('CT105'), { value: operationType ?? operation.toUpperCase(), code: ct105, label: entry.label });
  }
  // F42 and f42: the same merchant ID twice in the published example (spec §13.2).
  const upper = r.get('F42');
  const lower = r.get('f42');
  if (upper && lower && digitsOf(upper) !== digitsOf(lower) && upper !== lower) r.report('A2R010', r.where('F42'), { upper, lower });
  // amount vs the receipt's f04 (payment/reversal) or f30 (last_transaction: "same format/content as f30", [LTS]).
  if (requested && (operation === 'payment' || operation === 'reversal')) {
    const f04 = r.get('f04');
    if (f04 !== undefined && digitsOf(f04) !== undefined && digitsOf(f04) !== digitsOf(requested.raw)) {
      if (operation === 'reversal' && product?.value !== 'mobilepos') {
        r.report('A2R014', r.where('f04'), { amount: requested.raw, other: f04, key: 'f04' });
      } else {
        r.report('A2R009', r.where('amount'), { amount: requested.raw, other: f04, key: 'f04' });
      }
    }
  }
  if (operation === 'last_transaction') {
    const amount = r.get('amount');
    const f30 = r.get('f30');
    if (amount && f30 && digitsOf(amount) !== undefined && digitsOf(f30) !== undefined && digitsOf(amount) !== digitsOf(f30)) r.report('A2R009', r.where('amount'), { amount, other: f30, key: 'f30' });
  }
}

/**
 * Reads the whole of one scanned URI. Pure, never throws; cheap enough to run for every result URI of a log
 * (the TLV values are parsed once, here). Requests get the operation and the card-data checks only. `names`: the
 * parameters' names when the caller read them already (as `scanned.params[i].name`).
 */
export function readTransaction(scanned: ScannedUri, names?: readonly string[]): TransactionModel {
  const r = new Reader(scanned, names);
  const operation = scanned.operation;
  const ct118 = r.get('CT118');
  const stated = ct118 ? lookupCurrency(ct118) : undefined;
  // spec §2.1: App2App amounts are euro cents; only results can carry another currency (CT118).
  const currency = { currency: stated ?? lookupCurrency('978')!, assumed: !stated };
  let tlv: Map<QueryParam, TlvParseResult> | undefined;
  const tlvFields: TlvField[] = [];
  for (const { param: p, name, dynamic } of r.entries) {
    if (dynamic || !tlvKeys.has(name)) continue;
    const value = p.value;
    if (value === undefined) continue;
    // Ranges only map one-to-one when the value was not percent-decoded.
    const parsed = parseTlv(value, value === p.rawValue ? { baseOffset: p.valueRange?.start ?? p.range.end } : {});
    (tlv ??= new Map()).set(p, parsed);
    tlvFields.push({ param: p, nodes: flattenTlv(parsed.nodes) });
  }
  checkCardData(r, tlvFields);
  if (scanned.kind !== 'result') {
    return {
      kind: scanned.kind,
      operation,
      amount: { requestNotReversed: false },
      timestamps: [],
      card: {},
      outcome: { value: 'unknown', source: '', inferred: false },
      currency,
      tlv: tlv ?? noTlv,
      findings: r.findings,
    };
  }
  const resultParam = r.param('result');
  const result = resultParam?.trimmed !== undefined ? describeResult(resultParam.trimmed, operation ? { operation } : {}) : undefined;
  const product = readProduct(r, operation, result);
  const retrieved = operation === 'last_transaction' ? retrievedOf(r) : undefined;
  // The host code is read in the context of the operation that produced it: the retrieved one for last_transaction.
  const hostOperation = operation === 'last_transaction' ? retrieved?.operation?.value : operation;
  const host = readHost(r, hostOperation);
  const { outcome, retry, enquiry } = readOutcome(r, operation, result, host, retrieved);
  const code = currency.currency.numeric;
  const requested = operation === 'payment' || operation === 'reversal' ? amountOf(r, 'amount', code) : undefined;
  const f04 = amountOf(r, 'f04', code);
  const ltAmount = operation === 'last_transaction' ? amountOf(r, 'amount', code) : undefined;
  const processed: Sourced<AmountReading> | undefined = f04
    ? // [RCPT] f04 = amount; that it is the amount a reversal actually reversed is ours.
      { value: f04, source: 'f04', inferred: operation === 'reversal' }
    : ltAmount
      ? { value: ltAmount, source: 'amount', inferred: false }
      : undefined;
  const original = amountOf(r, 'f30', code);
  // Built by assignment, in the documented property order: spreading `{}` or `{ key }` per optional field allocated
  // and copied an object for each (a tenth of the model's time).
  const amount: Partial<Mutable<TransactionModel['amount']>> = {};
  if (requested) amount.requested = requested;
  if (processed) amount.processed = processed;
  if (original) amount.original = original;
  amount.requestNotReversed = operation === 'reversal' && !!requested;
  crossCheck(r, operation, product, requested);
  const card = readCard(r, product, tlvFields);
  const auth = r.get('authorizationNumber') !== undefined ? 'authorizationNumber' : r.get('f38') !== undefined ? 'f38' : undefined;
  const tid = r.get('terminalId') !== undefined ? 'terminalId' : r.get('f41') !== undefined ? 'f41' : undefined;
  const where = r.get('CT104') !== undefined ? 'CT104' : r.get('f43') !== undefined ? 'f43' : undefined;
  const host_ = amountOf(r, 'hostTotal', code);
  const terminal = amountOf(r, 'terminalTotal', code);
  const byType = r.get('operationType') ? findOperationByType(r.get('operationType')!) : undefined;
  const model: Partial<Mutable<TransactionModel>> = { kind: scanned.kind, operation: operation ?? byType?.name };
  if (product) model.product = product;
  if (result && resultParam) model.result = { raw: resultParam.trimmed!, description: result, range: resultParam.valueRange ?? resultParam.range };
  if (enquiry) model.enquiry = enquiry;
  model.outcome = outcome;
  if (retrieved) model.retrieved = retrieved;
  if (retry) model.retry = retry;
  if (host) model.host = host;
  model.amount = amount as TransactionModel['amount'];
  model.currency = currency;
  model.card = card;
  if (auth) model.authorisation = { value: r.get(auth)!, source: auth, inferred: false };
  if (tid) model.terminalId = { value: r.get(tid)!, source: tid, inferred: false };
  if (where) model.merchant = { value: r.get(where)!, source: where, inferred: false };
  const callerTrxId = r.get('callerTrxId');
  if (callerTrxId) model.callerTrxId = callerTrxId;
  model.timestamps = readTimestamps(r);
  if (host_ || terminal) {
    const totals: Mutable<NonNullable<TransactionModel['totals']>> = {};
    if (host_) totals.host = host_;
    if (terminal) totals.terminal = terminal;
    model.totals = totals;
  }
  model.tlv = tlv ?? noTlv;
  model.findings = r.findings.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return model as TransactionModel;
}

/** Codes of the model's findings: the editor publishes them as diagnostics (hovers need not repeat them). */
export const findingCodes: ReadonlySet<string> = new Set(['A2R001', 'A2R005', 'A2R007', 'A2R008', 'A2R009', 'A2R010', 'A2R011', 'A2R012', 'A2R014']);

/** The model's findings of one URI: what the Problems panel shows for it besides the validator's. */
export function transactionFindings(scanned: ScannedUri): readonly Diagnostic[] {
  return readTransaction(scanned).findings;
}

export type { TlvNode };
