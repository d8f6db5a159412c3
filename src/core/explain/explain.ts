// The explainer: for every key and value of an App2App URI, its label, meaning, the value interpreted, and where
// that knowledge comes from (Nexi documentation, ISO 8583, EMV, inference). Protocol knowledge stays in the
// catalog and the code tables; this module only routes each key to the right table and words the result.
import {
  findOperation,
  findParameter,
  interpretationOf,
  operationsTaking,
  parameterDefaultNote,
  parameterDescription,
  parameterIgnoredReason,
  parameterValueLegend,
  type Direction,
  type InterpretationKind,
  type OperationName,
  type OperationSpec,
  type ParameterSpec,
} from '../app2app/catalog';
import type { QueryParam } from '../app2app/parse';
import { scanText, withOwnParams, type ScannedUri, type UriKind } from '../app2app/scan';
import { validateUri } from '../app2app/validate';
import { describeActionCode } from '../codes/actionCodes';
import { lookupAid } from '../codes/aids';
import { formatAmount, lookupCurrency } from '../codes/currencies';
import { lookupReceiptKey, type ReceiptKey } from '../codes/receiptKeys';
import { describeResult, softPosError } from '../codes/resultCodes';
import { fillTemplate, type TemplateValues } from '../codes/text';
import { lookupCt105, lookupOperationType, lookupTerminalType, lookupTransactionType } from '../codes/transactionTypes';
import { decodeBits, describeEmvExtras, emvContextOf, interpretValue, lookupTag, parseTlv, type CardKernel, type EmvContext, type TlvNode, type TlvParseResult, type ValueInterpretation } from '../emv/lazy';
import { holdsPan, identifierFields, maskEveryPan, maskPans } from '../redact';
import { cardDataTags, isFullPan, maskCardTlvValue, readTransaction, type Product, type TransactionModel, type TransactionOutcome } from '../transaction/model';
import { getLocale, withLocale, type Locale } from '../l10n';
import { detached, mapped } from '../text';
import type { Diagnostic, OffsetRange, Provenance } from '../types';
import { readDdMMyyHHmm, readDdSlashMMSlashYyyy, readEpochMillis, readHHColonMm, readHHmmss, readIso8601, readMMdd, readRrn, type ReadDate } from './dates';
import { explainMessages, resultDiagnosticInfo, type ResultDiagnosticCode } from './messages';

export interface TlvExplanation {
  readonly tag: string;
  readonly name: string;
  readonly length: number;
  readonly value: string;
  readonly interpretation?: string;
  /** Set bits, enumerated meanings, notes. */
  readonly details: readonly string[];
  readonly recovered: boolean;
  readonly truncated: boolean;
  readonly range: OffsetRange;
  readonly children?: readonly TlvExplanation[];
}

export interface FieldExplanation {
  readonly key: string;
  /** As written; card numbers masked. */
  readonly rawValue: string | undefined;
  /** Percent-decoded and trimmed; card numbers masked. */
  readonly value: string | undefined;
  readonly label: string;
  /** What the field is. */
  readonly meaning: string;
  /** What this value means. */
  readonly interpretation?: string;
  readonly details: readonly string[];
  readonly provenance: Provenance;
  readonly sources: readonly string[];
  readonly range: OffsetRange;
  readonly keyRange: OffsetRange;
  readonly valueRange?: OffsetRange;
  readonly tlv?: readonly TlvExplanation[];
}

export type Outcome = 'success' | 'cancelled' | 'declined' | 'error' | 'unknown';

export interface UriExplanation {
  readonly kind: UriKind;
  readonly operation: OperationName | undefined;
  readonly scheme: string;
  readonly authority: string;
  readonly range: OffsetRange;
  /** The URI text; card numbers masked. */
  readonly text: string;
  /** One paragraph: operation, outcome, amount, card, when, where. */
  readonly summary: string;
  readonly result?: { readonly code: string; readonly meaning: string; readonly outcome: Outcome };
  /** The reading of the whole URI (results): what the transaction came to, product, amounts, card. */
  readonly transaction?: TransactionReading;
  /** The same reading as lines for people, each saying where it comes from and whether it is inferred. */
  readonly reading: readonly string[];
  readonly fields: readonly FieldExplanation[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Plain-data view of the transaction model (src/core/transaction/model.ts) for renderers and JSON. */
export interface TransactionReading {
  readonly outcome: TransactionOutcome;
  /** Keys the outcome was read from (`result`, `f39`, `result, actionCode`). */
  readonly outcomeSource: string;
  readonly outcomeInferred: boolean;
  readonly product?: { readonly value: Product; readonly source: string; readonly inferred: boolean };
  /** last_transaction: whether the enquiry returned a transaction (its `result` is the enquiry's outcome). */
  readonly enquiryFound?: boolean;
  readonly retry?: { readonly value: 'retryable' | 'final'; readonly inferred: boolean };
  readonly host?: { readonly key: string; readonly code: string; readonly meaning: string; readonly approved: boolean | undefined; readonly inferred: boolean };
  readonly amountRequested?: { readonly key: string; readonly minor: string; readonly text: string };
  readonly amountProcessed?: { readonly key: string; readonly minor: string; readonly text: string; readonly inferred: boolean };
  readonly currency: { readonly alpha: string; readonly assumed: boolean };
  readonly card?: { readonly brand?: string; readonly last4?: string; readonly kernel?: string };
}

export interface ExplainOptions {
  /** Reference date for readings that need a decade (RRN). Default: now. */
  readonly now?: Date;
  /**
   * Whether fields may take their wording from the words kept across URIs (see `memoOf`): the default. Off, every
   * field is worded afresh (the property test compares the two).
   */
  readonly memo?: boolean;
}

const t = (template: string, values: TemplateValues = {}): string => fillTemplate(template, values);

/** `Contactless (CLI).` or `VOID (0200): Void.` — the code, its label, and the meaning when it adds something. */
const codeText = (c: { code: string; label: string; meaning: string; note?: string }): string => {
  const head = `${c.label} (${c.code})`;
  const more = c.meaning.replace(/\.$/, '') === c.label ? '.' : `: ${c.meaning}`;
  return c.note ? `${head}${more} ${c.note}` : `${head}${more}`;
};

interface Context {
  readonly scanned: ScannedUri;
  /** The parameters' names, read once (as `scanned.params[i].name`). */
  readonly names: readonly string[];
  readonly model: TransactionModel;
  readonly operation: OperationSpec | undefined;
  readonly direction: Direction;
  readonly currency: string;
  readonly currencyAssumed: boolean;
  readonly now: Date;
  readonly memo: boolean;
  /** Set while a field is read for its findings alone (checkField): a reading may then skip its wording… */
  findingsOnly: boolean;
  /** …and says so here, so that the field is worded in full when it is shown. */
  partial: boolean;
  /** Where `report` puts findings: the reports of the field being interpreted (see `interpretField`). */
  diagnostics: Diagnostic[];
  /** Card data found inside values (EMV 5A, 57…): raw text → masked text, applied to everything shown. */
  readonly sensitive: Map<string, string>;
  /** Values of identifier fields (callerTrxId…) that PAN masking must leave alone. */
  readonly keep: ReadonlySet<string>;
}

interface Interpreted {
  interpretation?: string;
  details?: string[];
  tlv?: TlvExplanation[];
}

/**
 * What `ctx.scanned.uri.get(name)` gives (the trimmed value of the first parameter so named whose key is no template;
 * undefined when blank or without one), read from the parameters' names and values already read.
 */
function valueOf(ctx: Context, name: string): string | undefined {
  const names = ctx.names;
  const params = ctx.scanned.params;
  for (let i = 0; i < names.length; i++) {
    if (names[i] !== name) continue;
    const p = params[i]!;
    if (p.dynamic === 'key') continue;
    const v = p.trimmed;
    return v === '' ? undefined : v;
  }
  return undefined;
}

function report(ctx: Context, code: ResultDiagnosticCode, range: OffsetRange, values: TemplateValues): void {
  const info = resultDiagnosticInfo(code);
  ctx.diagnostics.push({ code, severity: info.severity, message: t(info.message, values), range });
}

function describeDate(ctx: Context, param: QueryParam, read: ReadDate | undefined, format: string, template: string): Interpreted {
  const M = explainMessages();
  const value = param.trimmed ?? '';
  if (!read) {
    if (value !== '') report(ctx, 'A2R004', param.valueRange ?? param.range, { key: param.name, value, format });
    return { interpretation: t(M.dateTimeInvalid, { value, format }) };
  }
  return { interpretation: t(template, { text: read.text }) };
}

function describeAmount(ctx: Context, param: QueryParam): Interpreted {
  const M = explainMessages();
  const value = param.trimmed ?? '';
  if (ctx.findingsOnly) {
    // The findings alone (a diagnostics pass): whether formatAmount reads the value (a whole number of minor units,
    // optionally signed, in a known currency), without wording the amount in the locale's format.
    ctx.partial = true;
    if (lookupCurrency(ctx.currency) === undefined || !/^[+-]?\d+$/.test(value.trim()) || value.startsWith('+')) {
      if (value !== '') report(ctx, 'A2R003', param.valueRange ?? param.range, { key: param.name, value });
    } else if (value.startsWith('-')) report(ctx, 'A2R013', param.valueRange ?? param.range, { key: param.name, value });
    return {};
  }
  const amount = formatAmount(value, ctx.currency);
  if (!amount || value.startsWith('+')) {
    if (value !== '') report(ctx, 'A2R003', param.valueRange ?? param.range, { key: param.name, value });
    return { interpretation: t(M.amountNotNumber, { value }) };
  }
  const details: string[] = [];
  // A negative number is still a whole number of minor units: it is unusual, not malformed.
  const negative = value.startsWith('-');
  if (negative) report(ctx, 'A2R013', param.valueRange ?? param.range, { key: param.name, value });
  if (/^\d{12}$/.test(value)) {
    details.push(M.amountPadded);
    // Only the published SoftPOS examples show the padded `amount` (spec §3.4, §16.13).
    if (param.name === 'amount' && ctx.model.product?.value === 'softpos' && (ctx.operation?.name === 'payment' || ctx.operation?.name === 'reversal')) details.push(M.amountPaddedSoftpos);
  }
  if (param.name === 'amount' && ctx.direction === 'response') details.push(...amountContext(ctx));
  // Requests are euro cents by definition (spec §2.1); only results can carry another currency (CT118).
  if (ctx.currencyAssumed && ctx.direction === 'response') details.push(M.amountCurrencyAssumed);
  const text = t(negative ? M.amountNegative : M.amountCents, { amount: amount.text, cents: amount.minor, currency: amount.currency.alpha });
  return { interpretation: text, details };
}

/** What `amount` of a result means given the rest: the request's amount on a reversal [REVS], the last transaction's on an enquiry. */
function amountContext(ctx: Context): string[] {
  const M = explainMessages();
  const { amount } = ctx.model;
  if (ctx.model.operation === 'last_transaction') return [M.amountLastTransaction];
  if (!amount.requestNotReversed) return [];
  const reversed = amount.processed;
  return [M.amountReversalRequest, reversed ? t(M.amountReversed, { key: reversed.source, amount: reversed.value.amount.text }) : M.amountReversedUnknown];
}

/** PAN-like fields: a masked value is explained, an unmasked one is an error and is never shown. */
function describePan(param: QueryParam): Interpreted {
  const M = explainMessages();
  const value = param.trimmed ?? '';
  // The model reports A2R001 (readTransaction, checkCardData) with the same rule.
  if (isFullPan(value)) return { interpretation: M.panUnmasked };
  if (param.name === 'pan' && value.toLowerCase() === 'null') return { interpretation: M.nullNotApproved };
  const last4 = /(\d{4})$/.exec(value)?.[1];
  return { interpretation: last4 ? t(M.panMasked, { last4 }) : M.opaque };
}

function explainTlv(node: TlvNode, emv: EmvContext, sensitive: Map<string, string>): TlvExplanation {
  const M = explainMessages();
  const tag = lookupTag(node.tag);
  const details: string[] = [];
  let interpretation: string | undefined;
  const isPan = cardDataTags.has(node.tag);
  const masked = isPan ? maskCardTlvValue(node.tag, node.value) : node.value;
  if (isPan && node.value !== '') {
    sensitive.set(node.value, masked);
    sensitive.set(node.value.toLowerCase(), masked);
  }
  if (isPan) {
    interpretation = M.panEmv;
  } else {
    if (!node.constructed && !node.truncated) {
      // Bits and values whose meaning depends on the kernel (TVR byte 5, TTQ, CTQ…) are read for this field's kernel.
      const value = interpretValue(node.tag, node.value, { currency: emv.currency ?? '978', kernel: emv.kernel });
      interpretation = value ? interpretationText(value) : undefined;
      if (value?.kind === 'bits') details.push(...bitLines(node.tag, node.value, emv.kernel));
    }
    const extra = describeEmvExtras(node, emv);
    interpretation ??= extra.interpretation;
    details.push(...extra.details);
  }
  if (node.recovered) details.push(M.tlvRecovered);
  if (node.truncated) details.push(M.tlvTruncated);
  return {
    tag: node.tag,
    name: tag?.name ?? M.emvUnknownTag,
    length: node.length,
    value: masked,
    ...(interpretation !== undefined ? { interpretation } : {}),
    details,
    recovered: node.recovered,
    truncated: node.truncated,
    range: node.range,
    ...(node.children ? { children: mapped(node.children, (c) => explainTlv(c, emv, sensitive)) } : {}),
  };
}

function bitLines(tag: string, hex: string, kernel?: CardKernel): string[] {
  const M = explainMessages();
  const decoding = decodeBits(tag, hex, kernel);
  if (!decoding) return [];
  return [
    ...decoding.byteValues.filter((b) => b.meaning).map((b) => t(b.byteName ? M.bitByteValueNamed : M.bitByteValue, { byte: b.byte, byteName: b.byteName ?? '', value: b.value, meaning: b.meaning! })),
    ...decoding.set.map((b) => t(M.bitSet, { byte: b.byte, bits: b.bits, meaning: b.meaning })),
    ...decoding.rfuSet.map((b) => t(M.bitRfu, { byte: b.byte, bits: b.bits })),
  ];
}

function interpretationText(v: ValueInterpretation): string | undefined {
  const M = explainMessages();
  switch (v.kind) {
    case 'bits':
      return v.decoding.set.length === 0 && v.decoding.byteValues.every((b) => !b.meaning) ? M.bitsNone : t(M.bitsSet, { count: v.decoding.set.length });
    case 'enumerated':
      return v.meaning ?? v.code;
    case 'number':
      return String(v.value);
    case 'digits':
      return v.digits;
    case 'text':
      return v.text;
    case 'date':
    case 'time':
      return v.iso ?? v.digits;
    case 'amount':
      return v.amount?.text ?? v.digits;
    case 'currency':
      return v.currency ? `${v.currency.alpha} (${v.currency.name})` : v.code;
    case 'country':
      return v.country ? v.country.name : v.code;
    case 'aid':
      return v.match ? `${v.match.brand}${v.match.product ? ` ${v.match.product}` : ''}` : v.aid;
    case 'response-code':
      return v.description.meaning;
  }
}

/** The EMV data of a TLV-valued field: parsed once by the transaction model; one it did not parse (a dynamic one) here. */
function tlvOf(ctx: Context, param: QueryParam): TlvParseResult {
  const value = param.value ?? '';
  return ctx.model.tlv.get(param) ?? parseTlv(value, value === param.rawValue ? { baseOffset: param.valueRange?.start ?? param.range.end } : {});
}

/** What reading a TLV-valued field finds: its problems, and the card data in it noted for masking (`ctx.sensitive`). */
function tlvFindings(ctx: Context, param: QueryParam, parsed: TlvParseResult): void {
  const value = param.value ?? '';
  const note = (node: TlvNode): void => {
    // As explainTlv notes them (parents before children), so that masking sees the same entries in the same order.
    if (cardDataTags.has(node.tag) && node.value !== '') {
      const masked = maskCardTlvValue(node.tag, node.value);
      ctx.sensitive.set(node.value, masked);
      ctx.sensitive.set(node.value.toLowerCase(), masked);
    }
    node.children?.forEach(note);
  };
  parsed.nodes.forEach(note);
  for (const p of parsed.problems) {
    // The URI is fine; the EMV data inside it (Nexi's, not the caller's) is damaged: at most a warning.
    ctx.diagnostics.push({ code: p.code, severity: p.severity === 'error' ? 'warning' : p.severity, message: `${param.name}: ${p.message}`, range: value === param.rawValue ? p.range : (param.valueRange ?? param.range) });
  }
}

function describeTlvField(ctx: Context, param: QueryParam): Interpreted {
  const M = explainMessages();
  const parsed = tlvOf(ctx, param);
  const card = ctx.model.card;
  const entry = card.kernel?.entry;
  const f22 = valueOf(ctx, 'f22');
  const aid = valueOf(ctx, 'CT102');
  const declared = entry && entry.mode !== 'unknown' ? entry : undefined;
  // The same EMV data with the same hints reads the same wherever it stands (a log repeats its CT123/f55): what
  // emvContextOf and explainTlv read is in the key; the tree is kept with its ranges where the data first stood.
  const key = ctx.memo
    ? `${getLocale()}\u0000${param.value ?? ''}\u0000${aid || ''}\u0000${f22 || ''}\u0000${declared ? `${declared.mode}\u0001${declared.inferred}\u0001${declared.source}` : ''}\u0000${ctx.currency}`
    : undefined;
  let kept = key !== undefined ? tlvMemo.get(key) : undefined;
  if (kept === undefined) {
    const emv = emvContextOf(parsed.nodes, {
      ...(aid ? { aid } : {}),
      ...(f22 ? { f22 } : {}),
      ...(declared ? { entryMode: declared } : {}),
      currency: ctx.currency,
    });
    const found = new Map<string, string>();
    const tlv = mapped(parsed.nodes, (n) => explainTlv(n, emv, found));
    const details: string[] = [];
    if (parsed.problems.length > 0) {
      details.push(t(M.tlvProblems, { count: parsed.problems.length }));
      // Problem messages quote offsets local to the EMV data (tlv.ts): the same wherever the data stands.
      for (const p of parsed.problems) details.push(`${p.code}: ${p.message}`);
    }
    kept = { interpretation: t(M.tlvSummary, { count: tlv.length, tags: tlv.map((n) => n.tag).join(', ') || '–' }), details, tlv, found: [...found], at: parsed.nodes[0]?.range.start ?? 0 };
    if (key !== undefined) {
      if (tlvMemo.size >= tlvMemoLimit) tlvMemo.clear();
      tlvMemo.set(key, kept);
    }
  }
  // Card data found in it is masked wherever the URI's text is shown (noted in the order explainTlv notes it).
  for (const [raw, masked] of kept.found) ctx.sensitive.set(raw, masked);
  tlvFindings(ctx, param, parsed);
  const shift = (parsed.nodes[0]?.range.start ?? 0) - kept.at;
  return { interpretation: kept.interpretation, details: [...kept.details], tlv: shift === 0 ? [...kept.tlv] : mapped(kept.tlv, (n) => shifted(n, shift)) };
}

/** An EMV field's explanation, kept across URIs (see describeTlvField). */
interface KeptTlv {
  readonly interpretation: string;
  readonly details: readonly string[];
  readonly tlv: readonly TlvExplanation[];
  /** Card data found in it: raw → masked. */
  readonly found: ReadonlyArray<readonly [string, string]>;
  /** Where its first node started. */
  readonly at: number;
}
const tlvMemo = new Map<string, KeptTlv>();
const tlvMemoLimit = 1024;

function shifted(n: TlvExplanation, by: number): TlvExplanation {
  return { ...n, range: { start: n.range.start + by, end: n.range.end + by }, ...(n.children ? { children: mapped(n.children, (c) => shifted(c, by)) } : {}) };
}

function describeByReceiptKey(ctx: Context, param: QueryParam, rk: ReceiptKey): Interpreted {
  const M = explainMessages();
  const value = param.trimmed ?? '';
  switch (rk.valueKind) {
    case 'amount':
      return describeAmount(ctx, param);
    case 'pan-last4':
      return { interpretation: t(M.panLast4, { value }) };
    case 'masked-pan':
      return describePan(param);
    case 'aid': {
      const aid = lookupAid(value);
      if (!aid) return { interpretation: M.opaque };
      if (aid.match === 'rid' && !aid.brand) return { interpretation: t(M.aidUnknown, { rid: aid.rid }) };
      const name = !aid.product ? aid.brand : aid.product.startsWith(aid.brand) ? aid.product : `${aid.brand} ${aid.product}`;
      return { interpretation: t(M.aid, { name, match: M.aidMatch[aid.match], matched: aid.matchedAid ?? aid.rid }) };
    }
    case 'transaction-type': {
      const ct = lookupCt105(value);
      return { interpretation: ct ? codeText(ct) : M.opaque };
    }
    case 'date-dd/MM/yyyy':
      return describeDate(ctx, param, readDdSlashMMSlashYyyy(value), 'dd/MM/yyyy', M.isoTimestamp);
    case 'time-HH:mm':
      return describeDate(ctx, param, readHHColonMm(value), 'HH:mm', M.time);
    case 'time-HHmmss':
      return describeDate(ctx, param, readHHmmss(value), 'HHmmss', M.time);
    case 'date-MMdd':
      return describeDate(ctx, param, readMMdd(value), 'MMdd', M.dateNoYear);
    case 'timestamp-iso8601':
      return describeDate(ctx, param, readIso8601(value), 'ISO 8601', M.isoTimestamp);
    case 'action-code':
      return describeActionCodeField(ctx, param, value);
    case 'currency': {
      const c = lookupCurrency(value);
      return { interpretation: c ? t(M.currency, { alpha: c.alpha, name: c.name, minor: c.minorUnits ?? 0 }) : M.currencyUnknown };
    }
    case 'tlv':
      return describeTlvField(ctx, param);
    case 'tag-list':
      return describeTags(value);
    case 'reference': {
      if (param.name !== 'f37') return {};
      const rrn = readRrn(value, ctx.now.getUTCFullYear());
      return rrn ? { interpretation: t(M.rrn, { date: rrn.date, hour: rrn.hour, sequence: rrn.sequence }) } : {};
    }
    case 'terminal-id':
      return describeTerminalId(value);
    case 'merchant-id':
      return value !== (param.value ?? '') ? { interpretation: t(M.padded, { trimmed: value }) } : {};
    case 'opaque':
      return { interpretation: M.opaque };
    default:
      return {};
  }
}

function describeTags(value: string): Interpreted {
  const M = explainMessages();
  const tags = value.split('|').filter((s) => s !== '');
  return { interpretation: t(M.tags, { count: tags.length, tags: tags.join(', ') || '–' }) };
}

function describeTerminalId(value: string): Interpreted {
  const M = explainMessages();
  return /^\d{8}$/.test(value) ? {} : { interpretation: t(M.terminalIdShape, { value }) };
}

function describeActionCodeField(ctx: Context, param: QueryParam, value: string): Interpreted {
  const M = explainMessages();
  if (value.toLowerCase() === 'null') return { interpretation: M.nullNotApproved };
  // The model read the host code in the context of the operation that produced it (a last_transaction's is the
  // retrieved transaction's): the same reading here.
  const host = ctx.model.host;
  const d = host && host.key === param.name ? host.description : describeActionCode(value, ctx.operation ? { operation: ctx.operation.name } : {});
  const details = [...d.notes];
  if (d.isoMeaning) details.push(`ISO 8583: ${d.isoMeaning}`);
  if (d.equivalent) details.push(t(M.equivalentCode, { code: d.equivalent.code, meaning: d.equivalent.meaning }));
  const interpretation = d.provenance === 'inferred' ? t(M.inferredReading, { text: d.meaning.replace(/\.$/, '') }) : d.meaning;
  return { interpretation, details };
}

/** The `result` of a result URI read with the rest: the enquiry's outcome on last_transaction, contradictions, wrong PIN. */
function describeResultField(ctx: Context, param: QueryParam, value: string): Interpreted {
  const M = explainMessages();
  const d = describeResult(value, ctx.operation ? { operation: ctx.operation.name } : {});
  if (d.status !== 'documented' && value !== '') report(ctx, 'A2R002', param.valueRange ?? param.range, { value, meaning: d.meaning });
  const model = ctx.model;
  const details = [...d.notes];
  if (model.operation === 'last_transaction' && d.entry && model.enquiry) {
    // spec §5.2: `result` is the enquiry's outcome; the last transaction's own is the host code.
    if (!model.enquiry.found) return { interpretation: d.meaning, details: [M.enquiryNone, ...details] };
    const host = model.host;
    details.push(host ? t(M.lastTransactionOutcome, { outcome: lastOutcomeText(model), key: host.key, code: host.code, meaning: host.description.meaning.replace(/\.$/, '') }) : M.lastTransactionNoHost);
    return { interpretation: M.enquiryFound, details };
  }
  if (d.entry?.detail) details.unshift(d.entry.detail);
  const host = model.host;
  if (model.outcome.value === 'contradictory' && host) {
    details.push(t(M.resultContradicted, { key: host.key, code: host.code, meaning: host.description.meaning.replace(/\.$/, '') }));
  } else if (model.retry?.reason === 'wrong-pin' && host) {
    details.push(t(M.resultWrongPin, { key: host.key, code: host.code }));
  } else if (d.entry && d.entry.outcome !== 'success') {
    details.push(d.entry.retry === 'retryable' ? M.resultRetryable : d.entry.retryProvenance === 'inferred' ? M.resultFinalInferred : M.resultFinal);
  }
  return { interpretation: d.meaning, details };
}

/** "was declined", "was a reversal, accepted": how the last transaction ended, for sentences. */
function lastOutcomeText(model: TransactionModel, markInferred = true): string {
  const M = explainMessages();
  const outcome = model.outcome.value;
  const reversal = model.retrieved?.operation?.value === 'reversal' && (outcome === 'approved' || outcome === 'declined');
  const text = reversal ? M.lastOutcomeReversal[outcome] : M.lastOutcome[outcome];
  return markInferred && model.outcome.inferred ? t(M.inferredReading, { text }) : text;
}

/** Interpretation of the value by key, for the keys whose meaning depends on more than a table row. */
/** Reads the value by its type instead (an interpretation that has nothing to add for this value). */
const byType = null;

/**
 * The explainer's function for each interpretation kind of the catalog (`ParameterSpec.interpret`): an
 * interpretation, undefined for none, or `byType` to read the value by its catalog type.
 */
const interpretations: Readonly<Record<InterpretationKind, (ctx: Context, param: QueryParam, value: string) => Interpreted | undefined | typeof byType>> = {
  resultCode: (ctx, param, value) => describeResultField(ctx, param, value),
  softPosError: (_ctx, _param, value) => ({ interpretation: softPosError(value).meaning }),
  actionCode: (ctx, param, value) => describeActionCodeField(ctx, param, value),
  operationType: (_ctx, _param, value) => {
    // A2R005 (operationType vs authority) is the model's finding.
    const o = lookupOperationType(value);
    return { interpretation: o ? codeText(o) : explainMessages().opaque };
  },
  transactionType: (ctx, _param, value) => {
    if (ctx.direction === 'response' && value.toLowerCase() === 'null') return { interpretation: explainMessages().nullNotApproved };
    const tt = lookupTransactionType(value);
    return { interpretation: tt ? codeText(tt) : explainMessages().opaque };
  },
  terminalType: (_ctx, _param, value) => {
    const tt = lookupTerminalType(value);
    return { interpretation: tt ? codeText(tt) : explainMessages().opaque };
  },
  maskedPan: (_ctx, param) => describePan(param),
  // spec §3.4: "set only for approved transactions (null otherwise)".
  approvedOnly: (ctx, _param, value) => (ctx.direction === 'response' && value.toLowerCase() === 'null' ? { interpretation: explainMessages().nullNotApproved } : byType),
  cardTypeCVM: () => ({ interpretation: explainMessages().cardTypeCVM }),
  callerReference: (_ctx, _param, value) => {
    const epoch = readEpochMillis(value);
    return epoch ? { interpretation: t(explainMessages().epochMillis, { text: epoch.text }) } : {};
  },
  blankPadded: (_ctx, param, value) => (value !== (param.value ?? '') ? { interpretation: t(explainMessages().padded, { trimmed: value }) } : {}),
  receiptLink: (ctx, _param, value) => {
    const M = explainMessages();
    if (ctx.direction === 'response') return { interpretation: /^https?:\/\//.test(value) ? M.urlTicket : t(M.urlTicketNotUrl, { value }) };
    return undefined;
  },
};

function interpretByKey(ctx: Context, param: QueryParam, spec: ParameterSpec | undefined): Interpreted | undefined {
  const M = explainMessages();
  const value = param.trimmed ?? '';
  // The catalog says how the parameter is read; a key without a spec here (unknown operation, other side) is read
  // as the catalog reads that name anywhere.
  const kind = spec ? spec.interpret : interpretationOf(param.name);
  if (kind) {
    const read = interpretations[kind](ctx, param, value);
    if (read !== byType) return read;
  }
  if (!spec) return undefined;
  switch (spec.type) {
    case 'int-cents':
      return describeAmount(ctx, param);
    case 'timestamp':
      return describeDate(ctx, param, readDdMMyyHHmm(value), 'ddMMyyHHmm', M.dateTime);
    case 'boolean': {
      // The literal stays as sent (Nexi POS reads the strings true and false, in every language); what it adds is
      // whether it changes anything, against the default the catalog states.
      if (value !== 'true' && value !== 'false') return { interpretation: t(M.booleanInvalid, { value }), ...(spec.default !== undefined ? { details: [t(M.booleanAbsent, { default: spec.default })] } : {}) };
      if (spec.default === undefined) return { interpretation: value };
      // A default the portal does not state (reversal's autoClose: the Cloud SDK's) says where it comes from.
      const note = parameterDefaultNote(spec);
      return { interpretation: t(value === spec.default ? M.booleanIsDefault : M.booleanNotDefault, { value, default: spec.default }), ...(note !== undefined ? { details: [note] } : {}) };
    }
    case 'uri':
      return { interpretation: t(M.returnUri, { value }) };
    case 'terminalId':
      return describeTerminalId(value);
    default:
      return undefined;
  }
}

/**
 * The tables that explain key `name` of `operation` in `direction`: a catalog parameter, a receipt key, or neither
 * (the key is then explained as unknown). Callers that must tell unknown keys apart use this, not the wording.
 */
export function keyTables(operation: OperationSpec | undefined, direction: Direction, name: string): KeyTables {
  // Looked up for every field of every URI of a log, with few distinct answers: kept per locale, operation,
  // direction and key (nested maps: no key string made per field). Receipt keys are worded per locale; the
  // catalog's operations are the same objects in every locale. Bounded: a log of made-up keys starts afresh.
  const locale = getLocale();
  let byOperation = keyTablesCache.get(locale);
  if (byOperation === undefined) keyTablesCache.set(locale, (byOperation = new Map()));
  let sides = byOperation.get(operation);
  if (sides === undefined) byOperation.set(operation, (sides = { request: new Map(), response: new Map() }));
  const byName = sides[direction];
  let tables = byName.get(name);
  if (tables === undefined) {
    tables = lookupKeyTables(operation, direction, name);
    if (byName.size >= keyTablesLimit) byName.clear();
    byName.set(name, tables);
  }
  return tables;
}

type KeyTables = { readonly spec?: ParameterSpec; readonly receiptKey?: ReceiptKey };
const keyTablesLimit = 1024;
const keyTablesCache = new Map<Locale, Map<OperationSpec | undefined, Record<Direction, Map<string, KeyTables>>>>();

function lookupKeyTables(operation: OperationSpec | undefined, direction: Direction, name: string): KeyTables {
  const match = operation ? findParameter(operation, direction, name) : undefined;
  const spec = match && match.spec.family !== 'receiptKey' ? match.spec : undefined;
  const receiptKey = lookupReceiptKey(name);
  return { ...(spec ? { spec } : {}), ...(receiptKey ? { receiptKey } : {}) };
}

/**
 * What is known of one field before it is worded: its tables, and its interpretation once made. Interpretations that
 * can report a finding (`mayReport`) are made for every field before the diagnostics are read; the others when the
 * field is first read, so a hover on one field or a diagnostics pass over a log words only what it shows.
 */
interface FieldState {
  /** The parameter's name, read once (a parameter's getters derive it from the text on every read). */
  readonly name: string;
  /** What its key names in the URI's operation and direction (and the locale): where its wording is kept (memoOf). */
  readonly tables: KeyTables;
  readonly spec: ParameterSpec | undefined;
  readonly receiptKey: ReceiptKey | undefined;
  interpreted: Interpreted | undefined;
  done: boolean;
  /** Its findings are in `reports` (interpreting it again must not add them twice). */
  reported: boolean;
  /** The findings its interpretation reported. */
  readonly reports: Diagnostic[];
}

// Receipt-key value kinds whose reading reports findings: amounts (A2R003, A2R013), dates and times (A2R004), EMV
// data (its TLV problems).
const reportingValueKinds: ReadonlySet<ReceiptKey['valueKind']> = new Set(['amount', 'date-dd/MM/yyyy', 'time-HH:mm', 'time-HHmmss', 'date-MMdd', 'timestamp-iso8601', 'tlv']);

/**
 * Whether interpreting this field can report a finding: `result` (A2R002), the catalog's amounts and timestamps
 * (interpretByKey → describeAmount, describeDate), and the receipt keys above (describeByReceiptKey). A superset is
 * harmless (the field is interpreted early); a reporting path missing here would lose its finding, which the
 * property test of test/unit/explainLazy.test.ts (fields read first or never) catches.
 */
function mayReport(name: string, state: FieldState): boolean {
  if (name === 'result') return true;
  const type = state.spec?.type;
  if (type === 'int-cents' || type === 'timestamp') return true;
  return state.receiptKey !== undefined && reportingValueKinds.has(state.receiptKey.valueKind);
}

/** The interpretation of a field, made once; what it reports goes to the field's own list (once). */
function interpretField(ctx: Context, param: QueryParam, state: FieldState): Interpreted | undefined {
  if (!state.done) {
    const outer = ctx.diagnostics;
    ctx.diagnostics = state.reported ? [] : state.reports;
    let interpreted = interpretByKey(ctx, param, state.spec);
    if (!interpreted && state.receiptKey) interpreted = describeByReceiptKey(ctx, param, state.receiptKey);
    ctx.diagnostics = outer;
    state.interpreted = interpreted;
    state.done = true;
    state.reported = true;
  }
  return state.interpreted;
}

/**
 * The findings of a field that may report some, without wording it where that can be avoided: EMV data is the
 * costliest to word (every bit of every tag) and its findings need none of it.
 */
function checkField(ctx: Context, param: QueryParam, state: FieldState): void {
  if (state.reported) return;
  const outer = ctx.diagnostics;
  ctx.diagnostics = state.reports;
  // The same route as interpretField: the key's own reading first; the receipt key's EMV reading only without one.
  const byKey = state.receiptKey?.valueKind === 'tlv' ? interpretByKey(ctx, param, state.spec) : undefined;
  ctx.diagnostics = outer;
  if (state.receiptKey?.valueKind === 'tlv' && byKey === undefined) {
    ctx.diagnostics = state.reports;
    tlvFindings(ctx, param, tlvOf(ctx, param));
    ctx.diagnostics = outer;
    state.reported = true;
    return;
  }
  if (byKey !== undefined) {
    state.interpreted = byKey;
    state.done = true;
    state.reported = true;
    return;
  }
  ctx.findingsOnly = true;
  ctx.partial = false;
  interpretField(ctx, param, state);
  ctx.findingsOnly = false;
  if (ctx.partial) {
    // Its findings are in; its wording is made when the field is shown (interpretField, reports not repeated).
    state.interpreted = undefined;
    state.done = false;
  }
}

/** What a field's explanation says, apart from where it stands: shared by the fields whose inputs repeat. */
interface FieldWords {
  readonly key: string;
  readonly rawValue: string | undefined;
  readonly value: string | undefined;
  readonly label: string;
  readonly meaning: string;
  readonly interpretation: string | undefined;
  readonly details: readonly string[];
  readonly provenance: Provenance;
  readonly sources: readonly string[];
  /** Some shown string holds what could be a card number (masked by `#hide` unless the URI keeps it). */
  readonly digits: boolean;
}

/**
 * Field wordings kept across URIs and explanations: a log repeats the same keys with the same values
 * (operationType=PAYMENT, actionCode=000, transactionType=CLI, acquirerName…) and their wording reads nothing else
 * (see `memoOf`). Kept per key tables (one object per locale, operation, direction and name: keyTables), then per
 * value as written; the rest of what the wording reads is compared. No key string is made per field: making and
 * hashing one cost a whole-log decode about a tenth of its time. Bounded: a log of ever-new values starts afresh
 * once 8192 wordings are kept.
 */
const keptWords = new WeakMap<KeyTables, Map<string | undefined, KeptWords[]>>();
/** The tables holding wordings: emptied together once `keptLimit` wordings are kept. */
const keptIn = new Set<Map<string | undefined, KeptWords[]>>();
let keptCount = 0;
export const keptLimit = 8192;

/** How many wordings are kept now (tests: the bound holds). */
export function keptWordCount(): number {
  return keptCount;
}

/** A wording kept, and what it was worded from besides its key tables and its value as written. */
interface KeptWords {
  readonly key: string;
  readonly value: string | undefined;
  readonly trimmed: string | undefined;
  /** The year an RRN (f37) is read in; -1 for other keys. */
  readonly year: number;
  /** The host description an action code reads (idOf), 0 for none. */
  readonly host: number;
  readonly words: FieldWords;
}

/** Where a field's wording is kept: the words kept for it, if any, and `keep` to keep them once made. */
class MemoSlot {
  constructor(
    private readonly list: KeptWords[] | undefined,
    private readonly byRaw: Map<string | undefined, KeptWords[]>,
    private readonly raw: string | undefined,
    private readonly probe: Omit<KeptWords, 'words'>,
  ) {}

  /** The words kept for the field (looked for once). */
  get words(): FieldWords | undefined {
    if (this.#looked) return this.#words;
    this.#looked = true;
    const p = this.probe;
    if (this.list) for (const k of this.list) if (k.key === p.key && k.value === p.value && k.trimmed === p.trimmed && k.year === p.year && k.host === p.host) return (this.#words = k.words);
    return undefined;
  }

  #looked = false;
  #words: FieldWords | undefined;

  keep(words: FieldWords): void {
    if (keptCount >= keptLimit) {
      for (const table of keptIn) table.clear();
      keptIn.clear();
      keptCount = 0;
    }
    keptCount++;
    keptIn.add(this.byRaw);
    let list = this.byRaw.get(this.raw);
    if (list === undefined) this.byRaw.set(detached(this.raw), (list = []));
    const p = this.probe;
    list.push({ key: detached(p.key), value: detached(p.value), trimmed: detached(p.trimmed), year: p.year, host: p.host, words });
  }
}

/** The shared words a field was placed from, unchanged (renderers keep their text per words: cli/render.ts). */
const sharedWords = new WeakMap<FieldExplanation | FieldWords, FieldWords>();

/** The words `field` shows unchanged, shared by every field explained alike; undefined when its words are its own. */
export function fieldWordsOf(field: FieldShown): object | undefined {
  return sharedWords.get(field as FieldExplanation | FieldWords);
}

/** What a renderer of a field's text reads (not where it stands): a field, or the words it shares with others. */
export type FieldShown = Pick<FieldExplanation, 'key' | 'value' | 'label' | 'meaning' | 'interpretation' | 'details' | 'provenance' | 'sources' | 'tlv'>;

/**
 * What each field of `e` shows, in order, for renderers of text: the words kept across URIs where the field shows
 * them unchanged (`fieldWordsOf` is then the words themselves), without making a field object for each.
 */
export function shownFields(e: UriExplanation): FieldShown[] {
  if (!(e instanceof Explanation)) return [...e.fields];
  const out: FieldShown[] = [];
  for (let i = 0; i < e.fieldCount; i++) out.push(e.shown(i)!);
  return out;
}

/**
 * Whether masking card numbers could change `s`: maskPans masks runs of 13–19 digits that pass the Luhn check (and
 * are no identifier of the URI, ctx.keep); without one, masking leaves `s` as it is whatever the URI.
 */

/** A host description's number, to tell descriptions apart in a memo key (they are shared and read-only: model.ts). */
const descriptionIds = new WeakMap<object, number>();
let nextDescriptionId = 0;
function idOf(o: object): number {
  let id = descriptionIds.get(o);
  if (id === undefined) descriptionIds.set(o, (id = ++nextDescriptionId));
  return id;
}

/**
 * Where the wording of a field that depends only on what the key names is kept, or undefined for a field that must
 * be worded afresh. What `explainParam` reads, route by route (interpretByKey, describeByReceiptKey):
 * - the locale, the operation, the direction, the key and its value (as written, decoded, trimmed): the key tables
 *   (one object per locale, operation, direction and name), then the rest;
 * - findings: a field that may report one (`mayReport`: amounts, dates, times, EMV data, `result`) is never kept;
 * - the transaction model: `result` (resultCode) is never kept; an action code reads the model's host description
 *   when it is the host's key — the description's identity is compared; amounts (currency, product) may report;
 *   keys without a table (unknown keys) read the model's card-number findings — never kept;
 * - `now`: the RRN (f37) reads its year — compared;
 * - the identifiers to leave unmasked (ctx.keep): masking changes only runs of 13+ digits — a field with one in its
 *   key or value is never kept.
 */
function memoOf(ctx: Context, param: QueryParam, state: FieldState): MemoSlot | undefined {
  if (!ctx.memo) return undefined;
  const { spec, receiptKey } = state;
  if (!spec && !receiptKey) return undefined;
  if (mayReport(state.name, state)) return undefined;
  // callerTrxId is the caller's own reference of each transaction (spec §3.1), a new value in nearly every URI of a
  // log: keeping its wording would only push out the wordings that repeat.
  if (state.name === 'callerTrxId') return undefined;
  const kind = spec ? spec.interpret : interpretationOf(param.name);
  if (kind === 'resultCode') return undefined;
  const raw = param.rawValue;
  const value = param.value;
  const trimmed = param.trimmed;
  let host = 0;
  if (kind === 'actionCode' || receiptKey?.valueKind === 'action-code') {
    const h = ctx.model.host;
    if (h && h.key === param.name) host = idOf(h.description);
  }
  let byRaw = keptWords.get(state.tables);
  if (byRaw === undefined) keptWords.set(state.tables, (byRaw = new Map()));
  const year = param.name === 'f37' ? ctx.now.getUTCFullYear() : -1;
  const slot = new MemoSlot(byRaw.get(raw), byRaw, raw, { key: param.key, value, trimmed, year, host });
  // Words kept for this very key and value passed the check below when they were kept: it is made only for a field
  // not seen yet. The `pan` and CT112 fields mask every such run (maskDigits), whatever the URI: only maskPans reads
  // ctx.keep.
  if (slot.words === undefined && (holdsPan(param.key) || holdsPan(raw) || (value !== raw && holdsPan(value)))) return undefined;
  return slot;
}

function wordsOf(f: FieldExplanation): FieldWords {
  // The strings `#field` masks (the key and label are masked in explainParam, and hold no such run: memoOf).
  const shownStrings = [f.rawValue, f.value, f.interpretation, ...f.details];
  // Kept across URIs, long after the text they were read from is gone: strings of their own (`detached`).
  const words: FieldWords = {
    key: detached(f.key),
    rawValue: detached(f.rawValue),
    value: detached(f.value),
    label: detached(f.label),
    meaning: detached(f.meaning),
    interpretation: detached(f.interpretation),
    details: mapped(f.details, detached),
    provenance: f.provenance,
    sources: f.sources,
    digits: shownStrings.some(holdsPan),
  };
  // Words are their own words (shownFields hands them out in place of fields).
  sharedWords.set(words, words);
  return words;
}

/** The field explanation of `words` for `param` where it stands (the same properties, in the same order, as explainParam's). */
function placed(w: FieldWords, param: QueryParam): FieldExplanation {
  return fieldObject(w.key, w.rawValue, w.value, w.label, w.meaning, w.interpretation, w.details, w.provenance, w.sources, param);
}

function explainParam(ctx: Context, param: QueryParam, state: FieldState): FieldExplanation {
  const M = explainMessages();
  const { spec, receiptKey: rk } = state;
  let label = maskPans(param.name);
  let meaning: string = M.unknownKey;
  let provenance: Provenance = 'undocumented';
  let sources: readonly string[] = [];
  if (spec) {
    meaning = spec.ignoredReason ? `${parameterDescription(spec)} ${parameterIgnoredReason(spec)}` : parameterDescription(spec);
    provenance = spec.provenance;
    sources = spec.sources;
  } else if (rk) {
    label = `${param.name}: ${rk.label}`;
    meaning = rk.meaning;
    provenance = rk.provenance;
    sources = rk.sources;
  } else if (ctx.operation) {
    const others = operationsTaking(param.name, ctx.direction, ctx.operation);
    if (others.length > 0) meaning = t(M.unknownKeyElsewhere, { operation: ctx.operation.name, others: others.map((o) => o.name).join(', ') });
  }
  let interpreted = interpretField(ctx, param, state);
  if (!interpreted && param.value === '') interpreted = { interpretation: M.empty };
  // Unknown keys carrying a bare card number are still a PCI DSS problem (the model reports A2R001 for them).
  if (!spec && !rk && param.trimmed && ctx.model.findings.some((d) => d.code === 'A2R001' && d.range.start >= param.range.start && d.range.end <= param.range.end)) interpreted = describePan(param);
  // "`000` = approved" next to a 116 reads as if the 116 were approved: the legend only stands where no value of its
  // own is interpreted (issue 16).
  const legend = spec ? parameterValueLegend(spec) : undefined;
  if (legend && interpreted?.interpretation === undefined) meaning = `${meaning} ${legend}`;
  const mask = (v: string | undefined): string | undefined => (v === undefined ? undefined : param.name === 'pan' || param.name === 'CT112' ? maskEveryPan(v) : maskPans(v, ctx.keep));
  const field = fieldObject(maskPans(param.key), mask(param.rawValue), mask(param.trimmed), label, meaning, interpreted?.interpretation, interpreted?.details ?? [], provenance, sources, param);
  if (interpreted?.tlv) field.tlv = interpreted.tlv;
  return field;
}

/**
 * A field's object, its properties in the documented order (JSON shows them so): `interpretation` and `valueRange`
 * only where there is one. Written out rather than spread (`...(x ? { x } : {})`): spreading made and copied small
 * objects for every field of a log, a twentieth of a whole-log decode.
 */
function fieldObject(
  key: string,
  rawValue: string | undefined,
  value: string | undefined,
  label: string,
  meaning: string,
  interpretation: string | undefined,
  details: readonly string[],
  provenance: Provenance,
  sources: readonly string[],
  param: QueryParam,
): Mutable<FieldExplanation> {
  const range = param.range;
  const keyRange = param.keyRange;
  const field: Mutable<FieldExplanation> =
    interpretation !== undefined
      ? { key, rawValue, value, label, meaning, interpretation, details, provenance, sources, range, keyRange }
      : { key, rawValue, value, label, meaning, details, provenance, sources, range, keyRange };
  const valueRange = param.valueRange;
  if (valueRange) field.valueRange = valueRange;
  return field;
}

/**
 * The card data noted for masking, the longest values first (one may stand inside another), each also as maskPans
 * leaves it: a field's value comes to `#hide` with its card-number runs already masked (explainParam), the rest of
 * the track data still in clear.
 */
function longestFirst(sensitive: ReadonlyMap<string, string>): Array<readonly [string, string]> {
  const entries: Array<readonly [string, string]> = [];
  for (const [raw, masked] of sensitive) {
    entries.push([raw, masked]);
    const panMasked = maskPans(raw);
    if (panMasked !== raw) entries.push([panMasked, masked]);
  }
  return entries.sort((a, b) => b[0].length - a[0].length);
}

/**
 * An EMV tree with what it shows masked by `hide` (a card number can stand in any tag's value, not only 5A/57): the
 * same nodes where nothing changes (trees are kept across URIs and never changed in place).
 */
function maskedTlv(nodes: readonly TlvExplanation[], hide: (v: string) => string): readonly TlvExplanation[] {
  let changed = false;
  const out = mapped(nodes, (n) => {
    const value = hide(n.value);
    const interpretation = n.interpretation === undefined ? undefined : hide(n.interpretation);
    const details = mapped(n.details, hide);
    const children = n.children && maskedTlv(n.children, hide);
    if (value === n.value && interpretation === n.interpretation && children === n.children && details.every((d, i) => d === n.details[i])) return n;
    changed = true;
    const masked: Mutable<TlvExplanation> = { ...n, value, details };
    if (interpretation !== undefined) masked.interpretation = interpretation;
    if (children) masked.children = children;
    return masked;
  });
  return changed ? out : nodes;
}

function summarise(ctx: Context, result: UriExplanation['result'], diagnostics: readonly Diagnostic[]): string {
  const M = explainMessages();
  const model = ctx.model;
  const op = ctx.operation?.name;
  const get = (key: string): string | undefined => valueOf(ctx, key);
  const parts: string[] = [];
  const host = model.host;
  const hostMeaning = (): string => (host ? host.description.meaning.replace(/\.$/, '') : '');
  if (!op) {
    parts.push(t(M.summaryUnknownOperation, { kind: M.kind[ctx.scanned.kind] }));
  } else if (ctx.scanned.kind === 'result') {
    if (op === 'last_transaction' && model.enquiry?.found) {
      // spec §5.2: the enquiry succeeded; what matters is how the last transaction itself ended.
      const because = host ? ` (${t(model.outcome.inferred ? M.summaryBecauseInferred : M.summaryBecause, { meaning: hostMeaning(), key: host.key, code: host.code })})` : '';
      parts.push(`${t(M.summaryLastTransaction, { operation: M.operationTitle[op], outcome: lastOutcomeText(model, !host) })}${because}`);
    } else if (model.outcome.value === 'contradictory' && host && model.result) {
      parts.push(
        t(M.summaryContradictory, {
          operation: M.operationTitle[op],
          result: model.result.raw,
          resultMeaning: model.result.description.meaning.replace(/\.$/, ''),
          key: host.key,
          code: host.code,
          codeMeaning: hostMeaning(),
        }),
      );
    } else if (result === undefined) {
      // No `result` at all (A2R006): nothing says how it ended, which is not an undocumented code.
      parts.push(t(M.summaryNoResult, { operation: M.operationTitle[op] }));
    } else {
      parts.push(t(M.summaryResult, { operation: M.operationTitle[op], outcome: M.outcome[result.outcome], meaning: result.meaning }));
    }
  } else {
    parts.push(t(M.summaryRequest, { operation: M.operationTitle[op] }));
  }
  const { requested, processed } = model.amount;
  if (model.amount.requestNotReversed && requested) {
    // [REVS]: a reversal's `amount` is the request's; the amount reversed is the receipt's f04, when there is one.
    parts.push(
      processed
        ? t(M.summaryAmountReversed, { amount: processed.value.amount.text, key: processed.source, requested: requested.amount.text })
        : t(M.summaryAmountRequested, { amount: requested.amount.text }),
    );
  } else {
    const amount = requested ?? processed?.value ?? (ctx.scanned.kind === 'request' ? amountText(ctx, 'amount') : undefined);
    const text = typeof amount === 'string' ? amount : amount?.amount.text;
    if (text) parts.push(t(M.summaryAmount, { amount: text }));
  }
  const totals = model.totals;
  if (totals) parts.push(t(M.summaryTotals, { host: totals.host?.amount.text ?? '–', terminal: totals.terminal?.amount.text ?? '–' }));
  if (ctx.scanned.kind === 'result') {
    const card = model.card;
    const entry = get('CT115') ?? (get('transactionType') ? lookupTransactionType(get('transactionType')!)?.label : undefined);
    const words = [card.brand?.value, entry?.toLowerCase(), card.last4 ? `…${card.last4.value}` : undefined].filter(Boolean).join(' ');
    if (words) parts.push(t(M.summaryCard, { card: words }));
    // The bank's reason matters whenever the transaction was not plainly approved (a last transaction's is above).
    const shown = op === 'last_transaction' || model.outcome.value === 'contradictory';
    if (host && !shown && model.outcome.value !== 'approved') parts.push(t(M.summaryAction, { code: host.code, meaning: host.description.meaning }));
    if (model.retry?.reason === 'wrong-pin') parts.push(M.summaryRetryWrongPin);
    const when = model.timestamps[0];
    if (when) parts.push(t(M.summaryWhen, { when: when.text }));
    if (model.merchant) parts.push(t(M.summaryWhere, { where: model.merchant.value }));
    if (model.terminalId) parts.push(t(M.summaryTerminal, { terminalId: model.terminalId.value }));
    if (model.authorisation) parts.push(t(M.summaryAuth, { code: model.authorisation.value }));
  } else {
    const uri = get('uri');
    if (uri) parts.push(t(M.summaryReturn, { uri }));
  }
  const id = get('callerTrxId');
  if (id) parts.push(t(M.summaryCallerTrxId, { id }));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings > 0) parts.push(t(M.summaryProblems, { errors, warnings }));
  let text = parts[0]!;
  if (parts.length > 1) {
    text += ' — ' + parts[1]!;
    for (let i = 2; i < parts.length; i++) text += '; ' + parts[i]!;
  }
  // Ends with a full stop (what `.replace(/\.?$/, '.')` did, without the regular expression on the whole text).
  return text.endsWith('.') ? text : `${text}.`;
}

function amountText(ctx: Context, key: string): string | undefined {
  const v = valueOf(ctx, key);
  return v !== undefined ? formatAmount(v, ctx.currency)?.text : undefined;
}

/** The model as lines for people: each fact with the keys it comes from, "inferred" where it is. */
function readingLines(model: TransactionModel): string[] {
  const M = explainMessages();
  if (model.kind !== 'result') return [];
  const lines: string[] = [];
  if (model.product) {
    const product = M.product[model.product.value];
    lines.push(t(model.product.inferred ? M.readingProductInferred : M.readingProduct, { product, source: model.product.source }));
  }
  if (model.enquiry && model.result) lines.push(t(model.enquiry.found ? M.readingEnquiryFound : M.readingEnquiryNone, { code: model.result.raw }));
  const retrieved = model.retrieved;
  if (retrieved?.operation && retrieved.label) {
    lines.push(t(retrieved.operation.inferred ? M.readingRetrievedInferred : M.readingRetrieved, { label: retrieved.label, code: retrieved.ct105, operation: M.operationWord[retrieved.operation.value] }));
  }
  // An accounting closure is no transaction (transactionReading): its result says whether the closure was done.
  if (model.operation !== 'accounting_closure' && (model.outcome.value !== 'none' || !model.enquiry)) {
    if (model.outcome.value === 'unknown') {
      // Nothing states it: say what is missing rather than name a key it was not read from.
      const why = model.enquiry?.found ? M.outcomeUnstated.noHostCode : model.result ? t(M.outcomeUnstated.undocumentedResult, { code: model.result.raw }) : M.outcomeUnstated.noResult;
      lines.push(t(M.readingOutcomeUnstated, { outcome: M.transactionOutcome.unknown, why }));
    } else {
      lines.push(t(model.outcome.inferred ? M.readingOutcomeInferred : M.readingOutcome, { outcome: M.transactionOutcome[model.outcome.value], source: model.outcome.source }));
    }
  }
  if (model.retry) {
    const retry = M.retry[model.retry.value];
    const why = model.retry.reason === 'wrong-pin' ? t(M.retryWhy.wrongPin, { retry }) : model.retry.inferred ? t(M.retryWhy.inferred, { retry }) : retry;
    lines.push(t(M.readingRetry, { retry: why }));
  }
  const host = model.host;
  if (host) lines.push(t(host.description.provenance === 'inferred' ? M.readingHostInferred : M.readingHost, { key: host.key, code: host.code, meaning: host.description.meaning.replace(/\.$/, '') }));
  const { requested, processed, original } = model.amount;
  if (requested) lines.push(t(model.amount.requestNotReversed ? M.readingAmountRequestedReversal : M.readingAmountRequested, { amount: requested.amount.text }));
  if (processed) lines.push(t(model.amount.requestNotReversed ? M.readingAmountReversed : M.readingAmountProcessed, { amount: processed.value.amount.text, key: processed.source }));
  if (original && original.raw.replace(/^0+/, '') !== '') lines.push(t(M.readingAmountOriginal, { amount: original.amount.text }));
  if (requested || processed || model.totals) lines.push(t(model.currency.assumed ? M.readingCurrencyAssumed : M.readingCurrency, { alpha: model.currency.currency.alpha }));
  const card = model.card;
  if (card.kernel) lines.push(t(M.readingCard, { card: card.kernel.label }));
  else if (card.brand) lines.push(t(M.readingCard, { card: card.brand.value }));
  if (card.last4) lines.push(t(card.last4.inferred ? M.readingLast4Inferred : M.readingLast4, { last4: card.last4.value, key: card.last4.source }));
  if (card.cvm) lines.push(t(M.readingCvm, { cvm: card.cvm.value, source: card.cvm.source }));
  for (const ts of model.timestamps) lines.push(t(ts.zone === 'offset' ? M.readingTime : M.readingTimeNoZone, { text: ts.text, key: ts.key }));
  return lines;
}

function transactionReading(model: TransactionModel, keep: ReadonlySet<string>): TransactionReading | undefined {
  // An accounting closure is no transaction: its result code says it all.
  if (model.kind !== 'result' || !model.operation || model.operation === 'accounting_closure') return undefined;
  const { requested, processed } = model.amount;
  const host = model.host;
  const card = model.card;
  // Built by assignment, in the documented property order (made for every result URI: spreading `{}` or `{ key }`
  // per optional part made and copied an object for each).
  const reading: Partial<Mutable<TransactionReading>> = { outcome: model.outcome.value, outcomeSource: model.outcome.source, outcomeInferred: model.outcome.inferred };
  if (model.product) reading.product = { ...model.product };
  if (model.enquiry) reading.enquiryFound = model.enquiry.found;
  if (model.retry) reading.retry = { value: model.retry.value, inferred: model.retry.inferred };
  // Values quoted from the URI are shown: a card number typed as one of them is masked, as everywhere else.
  const mask = (v: string): string => maskPans(v, keep);
  if (host) reading.host = { key: host.key, code: mask(host.code), meaning: mask(host.description.meaning), approved: host.description.approved, inferred: host.description.provenance === 'inferred' };
  if (requested) reading.amountRequested = { key: requested.key, minor: mask(requested.amount.minor), text: mask(requested.amount.text) };
  if (processed) reading.amountProcessed = { key: processed.source, minor: mask(processed.value.amount.minor), text: mask(processed.value.amount.text), inferred: processed.inferred };
  reading.currency = { alpha: model.currency.currency.alpha, assumed: model.currency.assumed };
  if (card.brand || card.last4 || card.kernel) {
    const cardView: Mutable<NonNullable<TransactionReading['card']>> = {};
    if (card.brand) cardView.brand = card.brand.value;
    if (card.last4) cardView.last4 = card.last4.value;
    if (card.kernel) cardView.kernel = card.kernel.label;
    reading.card = cardView;
  }
  return reading as TransactionReading;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * An explanation whose parts are made when first read and then kept: the diagnostics (and the summary, which counts
 * them), the masked text, the reading's lines, and each field's explanation (`field(i)` makes only that one). A
 * diagnostics pass over a log that reads only `diagnostics` never words a field. Getters on the prototype rather
 * than on each object: defining getters per explanation made a whole decode 15% slower (objects in dictionary
 * mode). `toJSON` gives the plain object, in the documented property order.
 */
class Explanation implements UriExplanation {
  readonly kind: UriKind;
  readonly operation: OperationName | undefined;
  readonly scheme: string;
  readonly authority: string;
  readonly range: OffsetRange;
  // Own properties only when present (`'result' in e`, JSON), as before.
  declare readonly result?: UriExplanation['result'];
  declare readonly transaction?: TransactionReading;
  readonly #ctx: Context;
  readonly #states: readonly FieldState[];
  /** Worded in the locale of the call, whenever read (`withLocale('it', () => explainScanned(…))` reads Italian). */
  readonly #locale: Locale;
  readonly #resultReports: readonly Diagnostic[];
  #checked = false;
  #findings: Diagnostic[] | undefined;
  #text: string | undefined;
  #summary: string | undefined;
  #fields: readonly FieldExplanation[] | undefined;
  #shown: (FieldExplanation | undefined)[] | undefined;
  #diagnostics: readonly Diagnostic[] | undefined;
  #reading: readonly string[] | undefined;

  constructor(ctx: Context, states: readonly FieldState[], result: UriExplanation['result'], resultReports: readonly Diagnostic[]) {
    const scanned = ctx.scanned;
    this.kind = scanned.kind;
    this.operation = ctx.operation?.name;
    this.scheme = scanned.uri.scheme;
    this.authority = scanned.uri.authority;
    this.range = scanned.range;
    if (result) (this as { result?: UriExplanation['result'] }).result = result;
    const transaction = transactionReading(ctx.model, ctx.keep);
    if (transaction) (this as { transaction?: TransactionReading }).transaction = transaction;
    this.#ctx = ctx;
    this.#states = states;
    this.#locale = getLocale();
    this.#resultReports = resultReports;
  }

  /** A part read later is worded in the locale the explanation was made in. */
  #inLocale<T>(make: () => T): T {
    return withLocale(this.#locale, make);
  }

  /**
   * Every interpretation that can report a finding, in field order: the diagnostics need their findings, and `hide`
   * the card data their EMV values hold (ctx.sensitive). Made before anything is masked or counted.
   */
  #check(): void {
    if (this.#checked) return;
    this.#checked = true;
    const params = this.#ctx.scanned.params;
    for (let i = 0; i < params.length; i++) if (mayReport(this.#states[i]!.name, this.#states[i]!)) checkField(this.#ctx, params[i]!, this.#states[i]!);
  }

  /** Card data found inside values (EMV PAN tags) is masked wherever the value is shown. */
  #hide(v: string): string {
    this.#check();
    let out = v;
    // Card data inside EMV values is rare: most URIs have none to replace. Longest first: a card number (5A) stands
    // inside the track data (57) too, and masking it there first left the track's expiry and service code in clear.
    if (this.#ctx.sensitive.size > 0) for (const [raw, masked] of this.#hiding()) if (out.includes(raw)) out = out.split(raw).join(masked);
    return maskPans(out, this.#ctx.keep);
  }

  /** What #hide replaces (longestFirst), made again only when card data was noted since. */
  #hiding(): ReadonlyArray<readonly [string, string]> {
    const sensitive = this.#ctx.sensitive;
    if (this.#hidingFor !== sensitive.size) {
      this.#hidingFor = sensitive.size;
      this.#hidingEntries = longestFirst(sensitive);
    }
    return this.#hidingEntries;
  }
  #hidingFor = 0;
  #hidingEntries: ReadonlyArray<readonly [string, string]> = [];

  /** The validator's findings, the model's, then each field's in field order and the missing result's: unmasked. */
  #found(): Diagnostic[] {
    if (this.#findings) return this.#findings;
    this.#check();
    const found = [...validateUri(this.#ctx.scanned), ...this.#ctx.model.findings];
    for (const state of this.#states) found.push(...state.reports);
    found.push(...this.#resultReports);
    return (this.#findings = found);
  }

  get text(): string {
    return (this.#text ??= this.#inLocale(() => this.#hide(this.#ctx.scanned.uri.text.replace(/(^|[?&])(pan|CT112)=([^&]*)/g, (_m, sep: string, k: string, v: string) => `${sep}${k}=${maskEveryPan(v)}`))));
  }

  get summary(): string {
    return (this.#summary ??= this.#inLocale(() => this.#hide(summarise(this.#ctx, this.result, this.#found()))));
  }

  get fields(): readonly FieldExplanation[] {
    return (this.#fields ??= this.#inLocale(() => mapped(this.#ctx.scanned.params, (_, i) => this.#field(i)!)));
  }

  /** Messages quote keys and values: a card number typed as either must not leak through them. */
  get diagnostics(): readonly Diagnostic[] {
    return (this.#diagnostics ??= this.#inLocale(() =>
      mapped(this.#found(), (d) => {
        const message = this.#hide(d.message);
        return message === d.message ? d : { ...d, message };
      }).sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end),
    ));
  }

  /** The reading's lines: explaining a whole log for its diagnostics or JSON fields need not pay for them. */
  get reading(): readonly string[] {
    return (this.#reading ??= this.#inLocale(() => mapped(readingLines(this.#ctx.model), (line) => this.#hide(line))));
  }

  /** The explanation of field `index` (as in `scanned.params`), made alone when the fields were not read yet. */
  field(index: number): FieldExplanation | undefined {
    if (this.#fields) return this.#fields[index];
    return this.#inLocale(() => this.#field(index));
  }

  get fieldCount(): number {
    return this.#ctx.scanned.params.length;
  }

  /** What field `index` shows: its kept words when it shows them unchanged (no field object made), else the field. */
  shown(index: number): FieldShown | undefined {
    if (this.#fields) {
      const f = this.#fields[index];
      return f && (sharedWords.get(f) ?? f);
    }
    return this.#inLocale(() => {
      const params = this.#ctx.scanned.params;
      if (!Number.isInteger(index) || index < 0 || index >= params.length) return undefined;
      const made = this.#shown?.[index];
      if (made) return sharedWords.get(made) ?? made;
      this.#check();
      const memo = memoOf(this.#ctx, params[index]!, this.#states[index]!);
      if (this.#ctx.sensitive.size === 0) {
        const words = memo?.words;
        if (words !== undefined && !words.digits) return words;
      }
      const f = this.#field(index, memo)!;
      return sharedWords.get(f) ?? f;
    });
  }

  // Every displayed string goes through one final pass: values, interpretations and details quote user input.
  // `memo`: where its wording is kept, when the caller looked already (shown).
  #field(index: number, memo?: MemoSlot): FieldExplanation | undefined {
    const params = this.#ctx.scanned.params;
    if (!Number.isInteger(index) || index < 0 || index >= params.length) return undefined;
    const shown = (this.#shown ??= []);
    const cached = shown[index];
    if (cached) return cached;
    this.#check();
    const param = params[index]!;
    const state = this.#states[index]!;
    const slot = memo ?? memoOf(this.#ctx, param, state);
    let words = slot?.words;
    let fresh: FieldExplanation | undefined;
    if (slot !== undefined && words === undefined) {
      fresh = explainParam(this.#ctx, param, state);
      // EMV data is never kept (its findings: mayReport); the guard keeps words that cannot hold a TLV tree honest.
      if (fresh.tlv === undefined) {
        words = wordsOf(fresh);
        slot.keep(words);
      }
    }
    if (words !== undefined && !words.digits && this.#ctx.sensitive.size === 0) {
      // Nothing to hide: no card data found in this URI, no run of digits long enough for a card number.
      const field = placed(words, param);
      sharedWords.set(field, words);
      shown[index] = field;
      return field;
    }
    // A field object of its own (explainParam's or placed's, never shared): masked where it stands.
    const field: Mutable<FieldExplanation> = fresh ?? (words !== undefined ? placed(words, param) : explainParam(this.#ctx, param, state));
    if (field.rawValue !== undefined) field.rawValue = this.#hide(field.rawValue);
    if (field.value !== undefined) field.value = this.#hide(field.value);
    if (field.interpretation !== undefined) field.interpretation = this.#hide(field.interpretation);
    field.details = mapped(field.details, (d) => this.#hide(d));
    if (field.tlv) field.tlv = maskedTlv(field.tlv, (v) => this.#hide(v));
    shown[index] = field;
    return field;
  }

  /** The plain object (what JSON.stringify and test diffs show), every part made. */
  toJSON(): UriExplanation {
    const { kind, operation, scheme, authority, range, text, summary, result, transaction, fields, diagnostics, reading } = this;
    return { kind, operation, scheme, authority, range, text, summary, ...(result ? { result } : {}), ...(transaction ? { transaction } : {}), fields, diagnostics, reading };
  }
}

/**
 * Explains one scanned URI: every field, the diagnostics, and a one-paragraph summary. Works on the scanner's parse
 * (no re-parse). The reading of the whole URI is made here; the rest when first read (see `Explanation`).
 */
export function explainScanned(found: ScannedUri, options: ExplainOptions = {}): UriExplanation {
  // The explanation's own parameters: made for it and gone with it, not kept by the scan's list (see withOwnParams).
  const scanned = withOwnParams(found);
  const operation = scanned.operation ? findOperation(scanned.operation) : undefined;
  const params = scanned.params;
  const names = mapped(params, (p) => p.name);
  // One reading of the whole URI, made once: every field, the summary and the diagnostics read it.
  const model = readTransaction(scanned, names);
  const ctx: Context = {
    scanned,
    names,
    model,
    operation,
    direction: scanned.kind === 'request' ? 'request' : 'response',
    currency: model.currency.currency.numeric,
    currencyAssumed: model.currency.assumed,
    now: options.now ?? new Date(),
    memo: options.memo ?? true,
    findingsOnly: false,
    partial: false,
    diagnostics: [],
    sensitive: new Map(),
    keep: identifiersToKeep(params, names),
  };
  const states: FieldState[] = mapped(names, (name) => {
    const tables = keyTables(operation, ctx.direction, name);
    return { name, tables, spec: tables.spec, receiptKey: tables.receiptKey, interpreted: undefined, done: false, reported: false, reports: [] };
  });
  let result: UriExplanation['result'];
  const resultReports: Diagnostic[] = [];
  if (scanned.kind === 'result') {
    const r = params[names.indexOf('result')];
    if (r) {
      const d = model.result?.description ?? describeResult(r.trimmed ?? '', operation ? { operation: operation.name } : {});
      // spec §5.2: a last_transaction's result is the enquiry's outcome, worded as such.
      const meaning = operation?.name === 'last_transaction' && model.enquiry?.found ? explainMessages().enquiryFound : d.meaning;
      result = { code: maskPans(r.trimmed ?? '', ctx.keep), meaning: maskPans(meaning, ctx.keep), outcome: d.entry?.outcome ?? 'unknown' };
    } else if (operation) {
      ctx.diagnostics = resultReports;
      report(ctx, 'A2R006', scanned.uri.schemeRange, {});
    }
  }
  return new Explanation(ctx, states, result, resultReports);
}

/**
 * The values of the URI's identifier fields (callerTrxId, merchant IDs) that masking must leave alone. Only
 * `maskPans` reads them, for runs of 13–19 digits: an identifier of another shape can never be one, and most URIs
 * have none that could (one shared empty set, not a set per URI).
 */
export function identifiersToKeep(params: readonly QueryParam[], names: readonly string[] = mapped(params, (p) => p.name)): ReadonlySet<string> {
  let keep: Set<string> | undefined;
  for (let i = 0; i < params.length; i++) {
    if (!identifierFields.has(names[i]!)) continue;
    const v = params[i]!.trimmed;
    if (v !== undefined && v.length >= 13 && v.length <= 19 && /^[0-9]+$/.test(v)) (keep ??= new Set()).add(v);
  }
  return keep ?? keepNothing;
}
const keepNothing: ReadonlySet<string> = new Set();

/**
 * The explanation of field `index` (as in `scanned.params`) of `e`: for an explanation made by `explainScanned`,
 * made alone when the fields were not read yet (a hover needs one). Equal to `e.fields[index]`.
 */
export function explainedField(e: UriExplanation, index: number): FieldExplanation | undefined {
  return e instanceof Explanation ? e.field(index) : e.fields[index];
}

/** Finds every App2App URI in `text` and explains each one. Never throws on any input. */
export function decodeText(text: string, options: ExplainOptions = {}): UriExplanation[] {
  return scanText(text).map((s) => explainScanned(s, options));
}
