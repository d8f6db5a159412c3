// The explainer: for every key and value of an App2App URI, its label, meaning, the value interpreted, and where
// that knowledge comes from (Nexi documentation, ISO 8583, EMV, inference). Protocol knowledge stays in the
// catalog and the code tables; this module only routes each key to the right table and words the result.
import { findOperation, findParameter, operationsTaking, parameterDescription, parameterIgnoredReason, type Direction, type OperationName, type OperationSpec, type ParameterSpec } from '../app2app/catalog';
import type { QueryParam } from '../app2app/parse';
import { scanText, type ScannedUri, type UriKind } from '../app2app/scan';
import { validateUri } from '../app2app/validate';
import { describeActionCode } from '../codes/actionCodes';
import { lookupAid } from '../codes/aids';
import { formatAmount, lookupCurrency } from '../codes/currencies';
import { lookupReceiptKey, type ReceiptKey } from '../codes/receiptKeys';
import { describeResult, softPosError } from '../codes/resultCodes';
import { fillTemplate, type TemplateValues } from '../codes/text';
import { lookupCt105, lookupOperationType, lookupTerminalType, lookupTransactionType } from '../codes/transactionTypes';
import { decodeBits } from '../emv/bits';
import { describeEmvExtras } from '../emv/describe';
import { emvContextOf, entryModeFromNexi, type CardKernel, type EmvContext } from '../emv/kernels';
import { lookupTag } from '../emv/tags';
import { parseTlv, type TlvNode } from '../emv/tlv';
import { interpretValue, type ValueInterpretation } from '../emv/values';
import { identifierFields, luhnValid, maskPan, maskPans } from '../redact';
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
  readonly fields: readonly FieldExplanation[];
  readonly diagnostics: readonly Diagnostic[];
}

export interface ExplainOptions {
  /** Reference date for readings that need a decade (RRN). Default: now. */
  readonly now?: Date;
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
  readonly operation: OperationSpec | undefined;
  readonly direction: Direction;
  readonly currency: string;
  readonly currencyAssumed: boolean;
  readonly now: Date;
  readonly diagnostics: Diagnostic[];
  /** Card data found inside values (EMV 5A, 57…): raw text → masked text, applied to everything shown. */
  readonly sensitive: Map<string, string>;
  /** Values of identifier fields (callerTrxId…) that PAN masking must leave alone. */
  readonly keep: ReadonlySet<string>;
}

// EMV objects that carry the card number: 5A Application PAN, 57 Track 2 Equivalent Data, 56 Track 1 Data,
// 9F6B Track 2 Data (contactless magstripe), 9F1F Track 1 Discretionary Data is not a PAN and stays.
const panTags = new Set(['5A', '57', '56', '9F6B']);

/** Masks the digits of a PAN inside an EMV value (hex digits, `D`/`=` separators, `F` padding). */
function maskEmvPan(value: string): string {
  return value.replace(/\d{12,19}/, (d) => maskPan(d));
}

/** `{ [key]: value }` when value is set: optional properties under exactOptionalPropertyTypes. */
function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value !== undefined && value !== '' ? { [key]: value } : {}) as { [P in K]?: string };
}

interface Interpreted {
  interpretation?: string;
  details?: string[];
  tlv?: TlvExplanation[];
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
  const amount = formatAmount(value, ctx.currency);
  if (!amount || value.startsWith('-') || value.startsWith('+')) {
    if (value !== '') report(ctx, 'A2R003', param.valueRange ?? param.range, { key: param.name, value });
    return { interpretation: t(M.amountNotNumber, { value }) };
  }
  const details: string[] = [];
  if (/^\d{12}$/.test(value)) details.push(M.amountPadded);
  // Requests are euro cents by definition (spec §2.1); only results can carry another currency (CT118).
  if (ctx.currencyAssumed && ctx.direction === 'response') details.push(M.amountCurrencyAssumed);
  return { interpretation: t(M.amountCents, { amount: amount.text, cents: amount.minor, currency: amount.currency.alpha }), details };
}

/** PAN-like fields: a masked value is explained, an unmasked one is an error and is never shown. */
function describePan(ctx: Context, param: QueryParam): Interpreted {
  const M = explainMessages();
  const value = param.trimmed ?? '';
  const digits = value.replace(/[\s-]/g, '');
  if (/^\d{13,19}$/.test(digits)) {
    report(ctx, 'A2R001', param.valueRange ?? param.range, { key: param.name });
    return { interpretation: M.panUnmasked };
  }
  const last4 = /(\d{4})$/.exec(value)?.[1];
  return { interpretation: last4 ? t(M.panMasked, { last4 }) : M.opaque };
}

/** Whether an EMV card-data value (5A, 57, 56, 9F6B) holds a whole card number in clear: 13–19 digits, unmasked. */
function holdsFullPan(value: string): boolean {
  const digits = /^[0-9]{13,19}/.exec(value.replace(/^[^0-9]+/, ''))?.[0] ?? '';
  return digits.length >= 13 && luhnValid(digits);
}

function explainTlv(node: TlvNode, currency: string, sensitive: Map<string, string>, emv: EmvContext | undefined, onPan: (node: TlvNode) => void): TlvExplanation {
  const M = explainMessages();
  const tag = lookupTag(node.tag);
  const details: string[] = [];
  let interpretation: string | undefined;
  const isPan = panTags.has(node.tag);
  if (isPan && node.value !== '') sensitive.set(node.value, maskEmvPan(node.value));
  if (isPan) {
    interpretation = M.panEmv;
    if (holdsFullPan(node.value)) onPan(node);
  } else if (!node.constructed && !node.truncated) {
    // Read for the card's kernel (AID and interface): bits whose meaning differs by kernel say which reading it is.
    const value = interpretValue(node.tag, node.value, { currency, ...(emv ? { kernel: emv.kernel } : {}) });
    interpretation = value ? interpretationText(value) : undefined;
    if (value?.kind === 'bits') details.push(...bitLines(node.tag, node.value, emv?.kernel));
  }
  if (!isPan) {
    const extras = describeEmvExtras(node, emv);
    interpretation ??= extras.interpretation;
    details.push(...extras.details);
  }
  if (node.recovered) details.push(M.tlvRecovered);
  if (node.truncated) details.push(M.tlvTruncated);
  return {
    tag: node.tag,
    name: tag?.name ?? M.emvUnknownTag,
    length: node.length,
    value: isPan ? maskEmvPan(node.value) : node.value,
    ...(interpretation !== undefined ? { interpretation } : {}),
    details,
    recovered: node.recovered,
    truncated: node.truncated,
    range: node.range,
    ...(node.children ? { children: node.children.map((c) => explainTlv(c, currency, sensitive, emv, onPan)) } : {}),
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

function describeTlvField(ctx: Context, param: QueryParam): Interpreted {
  const M = explainMessages();
  const value = param.value ?? '';
  const base = param.valueRange?.start ?? param.range.end;
  // Ranges only map one-to-one when the value was not percent-decoded.
  const parsed = parseTlv(value, value === param.rawValue ? { baseOffset: base } : {});
  const get = (key: string): string | undefined => ctx.scanned.uri.get(key) ?? undefined;
  const entryMode = entryModeFromNexi({ ...optional('transactionType', get('transactionType')), ...optional('ct115', get('CT115')), ...optional('terminalType', get('terminalType')) });
  const emv = emvContextOf(parsed.nodes, { ...optional('aid', get('CT102')), ...optional('f22', get('f22')), ...(entryMode ? { entryMode } : {}), currency: ctx.currency });
  // PCI DSS: a whole card number or track data inside EMV data is an error, wherever the URI is (masked when shown).
  const onPan = (node: TlvNode): void => report(ctx, 'A2R001', value === param.rawValue ? node.range : (param.valueRange ?? param.range), { key: `${param.name} ${node.tag}` });
  const tlv = parsed.nodes.map((n) => explainTlv(n, ctx.currency, ctx.sensitive, emv, onPan));
  const details: string[] = [];
  if (parsed.problems.length > 0) {
    details.push(t(M.tlvProblems, { count: parsed.problems.length }));
    for (const p of parsed.problems) {
      details.push(`${p.code}: ${p.message}`);
      // The URI is fine; the EMV data inside it (Nexi's, not the caller's) is damaged: at most a warning.
      ctx.diagnostics.push({ code: p.code, severity: p.severity === 'error' ? 'warning' : p.severity, message: `${param.name}: ${p.message}`, range: value === param.rawValue ? p.range : (param.valueRange ?? param.range) });
    }
  }
  return { interpretation: t(M.tlvSummary, { count: tlv.length, tags: tlv.map((n) => n.tag).join(', ') || '–' }), details, tlv };
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
      return describePan(ctx, param);
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
      return describeActionCodeField(ctx, value);
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

function describeActionCodeField(ctx: Context, value: string): Interpreted {
  const M = explainMessages();
  const d = describeActionCode(value, ctx.operation ? { operation: ctx.operation.name } : {});
  const details = [...d.notes];
  if (d.isoMeaning) details.push(`ISO 8583: ${d.isoMeaning}`);
  if (d.equivalent) details.push(t(M.equivalentCode, { code: d.equivalent.code, meaning: d.equivalent.meaning }));
  return { interpretation: d.meaning, details };
}

/** Interpretation of the value by key, for the keys whose meaning depends on more than a table row. */
function interpretByKey(ctx: Context, param: QueryParam, spec: ParameterSpec | undefined): Interpreted | undefined {
  const M = explainMessages();
  const value = param.trimmed ?? '';
  switch (param.name) {
    case 'result': {
      const d = describeResult(value, ctx.operation ? { operation: ctx.operation.name } : {});
      if (d.status !== 'documented' && value !== '') report(ctx, 'A2R002', param.valueRange ?? param.range, { value, meaning: d.meaning });
      const details = [...d.notes];
      if (d.entry?.detail) details.unshift(d.entry.detail);
      if (d.entry) details.push(d.entry.retry === 'retryable' ? M.resultRetryable : M.resultFinal);
      if (ctx.operation?.name === 'last_transaction') {
        details.unshift(M.resultOfEnquiry);
        if (d.entry?.outcome === 'success') return { interpretation: M.resultEnquirySucceeded, details };
      }
      return { interpretation: d.meaning, details };
    }
    case 'softPosError': {
      const d = softPosError(value);
      return { interpretation: d.meaning };
    }
    case 'actionCode':
      return describeActionCodeField(ctx, value);
    case 'operationType': {
      const o = lookupOperationType(value);
      const byAuthority = findOperation(ctx.scanned.uri.authority);
      if (o && byAuthority && o.operation !== byAuthority.name) {
        report(ctx, 'A2R005', param.valueRange ?? param.range, { value, authority: ctx.scanned.uri.authority });
      }
      return { interpretation: o ? codeText(o) : M.opaque };
    }
    case 'transactionType': {
      const tt = lookupTransactionType(value);
      return { interpretation: tt ? codeText(tt) : M.opaque };
    }
    case 'terminalType': {
      const tt = lookupTerminalType(value);
      return { interpretation: tt ? codeText(tt) : M.opaque };
    }
    case 'pan':
      return describePan(ctx, param);
    case 'cardTypeCVM':
      return { interpretation: M.cardTypeCVM };
    case 'callerTrxId': {
      const epoch = readEpochMillis(value);
      return epoch ? { interpretation: t(M.epochMillis, { text: epoch.text }) } : {};
    }
    case 'acquirerName':
    case 'merchantId':
      return value !== (param.value ?? '') ? { interpretation: t(M.padded, { trimmed: value }) } : {};
    case 'urlTicket':
      if (ctx.direction === 'response') return { interpretation: /^https?:\/\//.test(value) ? M.urlTicket : t(M.urlTicketNotUrl, { value }) };
      return undefined;
    default:
      break;
  }
  if (!spec) return undefined;
  switch (spec.type) {
    case 'int-cents':
      return describeAmount(ctx, param);
    case 'timestamp':
      return describeDate(ctx, param, readDdMMyyHHmm(value), 'ddMMyyHHmm', M.dateTime);
    case 'boolean': {
      const details = spec.default !== undefined ? [t(M.defaultIs, { value: spec.default })] : [];
      if (value === 'true' || value === 'false') return { interpretation: value === 'true' ? M.booleanTrue : M.booleanFalse, details };
      return { interpretation: t(M.booleanInvalid, { value }), details };
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
export function keyTables(operation: OperationSpec | undefined, direction: Direction, name: string): { readonly spec?: ParameterSpec; readonly receiptKey?: ReceiptKey } {
  const match = operation ? findParameter(operation, direction, name) : undefined;
  const spec = match && match.spec.family !== 'receiptKey' ? match.spec : undefined;
  const receiptKey = lookupReceiptKey(name);
  return { ...(spec ? { spec } : {}), ...(receiptKey ? { receiptKey } : {}) };
}

function explainParam(ctx: Context, param: QueryParam): FieldExplanation {
  const M = explainMessages();
  const { spec, receiptKey: rk } = keyTables(ctx.operation, ctx.direction, param.name);
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
  let interpreted = interpretByKey(ctx, param, spec);
  if (!interpreted && rk) interpreted = describeByReceiptKey(ctx, param, rk);
  if (!interpreted && param.value === '') interpreted = { interpretation: M.empty };
  // Unknown keys carrying a bare card number are still a PCI DSS problem.
  if (!spec && !rk && param.trimmed && /^\d{13,19}$/.test(param.trimmed) && luhnValid(param.trimmed)) interpreted = describePan(ctx, param);
  const mask = (v: string | undefined): string | undefined => (v === undefined ? undefined : param.name === 'pan' || param.name === 'CT112' ? maskDigits(v) : maskPans(v, ctx.keep));
  return {
    key: maskPans(param.key),
    rawValue: mask(param.rawValue),
    value: mask(param.trimmed),
    label,
    meaning,
    ...(interpreted?.interpretation !== undefined ? { interpretation: interpreted.interpretation } : {}),
    details: interpreted?.details ?? [],
    provenance,
    sources,
    range: param.range,
    keyRange: param.keyRange,
    ...(param.valueRange ? { valueRange: param.valueRange } : {}),
    ...(interpreted?.tlv ? { tlv: interpreted.tlv } : {}),
  };
}

/** Masks any run of 13–19 digits in a PAN field, Luhn-valid or not (a mistyped PAN is still a PAN). */
function maskDigits(v: string): string {
  return v.replace(/\d{13,19}/g, (d) => maskPan(d));
}

function summarise(ctx: Context, fields: readonly FieldExplanation[], result: UriExplanation['result']): string {
  const M = explainMessages();
  const op = ctx.operation?.name;
  const get = (key: string): string | undefined => ctx.scanned.uri.get(key);
  const parts: string[] = [];
  const amountOf = (key: string): string | undefined => {
    const v = get(key);
    return v !== undefined ? formatAmount(v, ctx.currency)?.text : undefined;
  };
  if (!op) {
    parts.push(t(M.summaryUnknownOperation, { kind: M.kind[ctx.scanned.kind] }));
  } else if (ctx.scanned.kind === 'result' && op === 'last_transaction' && result?.outcome === 'success') {
    parts.push(lastTransactionReading(get));
  } else if (ctx.scanned.kind === 'result') {
    parts.push(t(M.summaryResult, { operation: M.operationTitle[op], outcome: M.outcome[result?.outcome ?? 'unknown'], meaning: result?.meaning ?? '–' }));
  } else {
    parts.push(t(M.summaryRequest, { operation: M.operationTitle[op] }));
  }
  const amount = amountOf('amount') ?? amountOf('f04');
  if (amount) parts.push(t(M.summaryAmount, { amount }));
  const host = amountOf('hostTotal');
  const terminal = amountOf('terminalTotal');
  if (host || terminal) parts.push(t(M.summaryTotals, { host: host ?? '–', terminal: terminal ?? '–' }));
  if (ctx.scanned.kind === 'result') {
    const brand = get('CT108') ?? (get('CT102') ? lookupAid(get('CT102')!)?.brand : undefined);
    const last4 = get('CT100') ?? /(\d{4})$/.exec(get('pan') ?? get('CT112') ?? '')?.[1];
    const entry = get('CT115') ?? (get('transactionType') ? lookupTransactionType(get('transactionType')!)?.label : undefined);
    const card = [brand, entry?.toLowerCase(), last4 ? `…${last4}` : undefined].filter(Boolean).join(' ');
    if (card) parts.push(t(M.summaryCard, { card }));
    const action = get('actionCode') ?? get('f39');
    if (action && result?.outcome !== 'success' && op !== 'last_transaction') parts.push(t(M.summaryAction, { code: action, meaning: describeActionCode(action, op ? { operation: op } : {}).meaning }));
    const when = (get('CT110') && readIso8601(get('CT110')!)?.text) || (get('timestamp') && readDdMMyyHHmm(get('timestamp')!)?.text) || undefined;
    if (when) parts.push(t(M.summaryWhen, { when }));
    const where = get('CT104') ?? get('f43');
    if (where) parts.push(t(M.summaryWhere, { where }));
    const tid = get('terminalId') ?? get('f41');
    if (tid) parts.push(t(M.summaryTerminal, { terminalId: tid }));
    const auth = get('authorizationNumber') ?? get('f38');
    if (auth) parts.push(t(M.summaryAuth, { code: auth }));
  } else {
    const uri = get('uri');
    if (uri) parts.push(t(M.summaryReturn, { uri }));
  }
  const id = get('callerTrxId');
  if (id) parts.push(t(M.summaryCallerTrxId, { id }));
  const errors = ctx.diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = ctx.diagnostics.filter((d) => d.severity === 'warning').length;
  if (errors + warnings > 0) parts.push(t(M.summaryProblems, { errors, warnings }));
  void fields;
  return `${parts[0]}${parts.length > 1 ? ` — ${parts.slice(1).join('; ')}` : ''}`.replace(/\.?$/, '.');
}

/**
 * A successful last-transaction enquiry says nothing about the transaction it found (spec §5.2, §10): that one's
 * outcome is its host response, f39 or actionCode. A reversal found this way answers 400 (ISO 8583:1993 "accepted";
 * Nexi's use of it for an accepted reversal is inferred).
 */
function lastTransactionReading(get: (key: string) => string | undefined): string {
  const M = explainMessages();
  const code = (get('f39') ?? get('actionCode'))?.trim();
  if (!code) return M.summaryLastUnknown;
  const d = describeActionCode(code, { operation: 'last_transaction' });
  const ct105 = get('CT105')?.trim();
  if ((ct105 === '0200' || ct105 === '0400') && code === '400') return t(M.summaryLastReversal, { code, meaning: d.meaning });
  if (d.approved === undefined) return t(M.summaryLastOther, { code, meaning: d.meaning });
  return t(d.approved ? M.summaryLastApproved : M.summaryLastDeclined, { code, meaning: d.meaning });
}

/** Explains one scanned URI: every field, the diagnostics, and a one-paragraph summary. */
export function explainScanned(scanned: ScannedUri, options: ExplainOptions = {}): UriExplanation {
  const operation = scanned.operation ? findOperation(scanned.operation) : undefined;
  const ct118 = scanned.uri.get('CT118');
  const currencyKnown = !!ct118 && !!lookupCurrency(ct118);
  const ctx: Context = {
    scanned,
    operation,
    direction: scanned.kind === 'request' ? 'request' : 'response',
    currency: currencyKnown ? ct118! : '978',
    currencyAssumed: !currencyKnown,
    now: options.now ?? new Date(),
    diagnostics: [...validateUri(scanned)],
    sensitive: new Map(),
    keep: new Set(scanned.params.filter((p) => identifierFields.has(p.name) && p.trimmed).map((p) => p.trimmed!)),
  };
  const fields = scanned.params.map((p) => explainParam(ctx, p));
  let result: UriExplanation['result'];
  if (scanned.kind === 'result') {
    const r = scanned.params.find((p) => p.name === 'result');
    if (r) {
      const d = describeResult(r.trimmed ?? '', operation ? { operation: operation.name } : {});
      result = { code: maskPans(r.trimmed ?? '', ctx.keep), meaning: maskPans(d.meaning, ctx.keep), outcome: d.entry?.outcome ?? 'unknown' };
    } else if (operation) {
      report(ctx, 'A2R006', scanned.uri.schemeRange, {});
    }
  }
  const summary = summarise(ctx, fields, result);
  // Card data found inside values (EMV PAN tags) is masked wherever the value is shown.
  const hide = (v: string): string => {
    let out = v;
    for (const [raw, masked] of ctx.sensitive) out = out.split(raw).join(masked);
    return maskPans(out, ctx.keep);
  };
  // Every displayed string goes through one final pass: values, interpretations and details quote user input.
  const shownFields = fields.map((f) => ({
    ...f,
    ...(f.rawValue !== undefined ? { rawValue: hide(f.rawValue) } : {}),
    ...(f.value !== undefined ? { value: hide(f.value) } : {}),
    ...(f.interpretation !== undefined ? { interpretation: hide(f.interpretation) } : {}),
    details: f.details.map(hide),
  }));
  // Messages quote keys and values: a card number typed as either must not leak through them.
  const diagnostics = ctx.diagnostics
    .map((d) => (hide(d.message) === d.message ? d : { ...d, message: hide(d.message) }))
    .sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end);
  return {
    kind: scanned.kind,
    operation: operation?.name,
    scheme: scanned.uri.scheme,
    authority: scanned.uri.authority,
    range: scanned.range,
    text: hide(scanned.uri.text.replace(/(^|[?&])(pan|CT112)=([^&]*)/g, (_m, sep: string, k: string, v: string) => `${sep}${k}=${maskDigits(v)}`)),
    summary: hide(summary),
    ...(result ? { result } : {}),
    fields: shownFields,
    diagnostics,
  };
}

/** Finds every App2App URI in `text` and explains each one. Never throws on any input. */
export function decodeText(text: string, options: ExplainOptions = {}): UriExplanation[] {
  return scanText(text).map((s) => explainScanned(s, options));
}
