// Every sentence the explainer writes, as whole templates (`{name}` placeholders) so a translation replaces
// the table, not code. Diagnostic codes of result URIs (A2R…) live here too, and the texts of the Markdown
// renderings (markdown.ts), of the checkTransaction document (checkResult.ts, checkMarkdown.ts) and of dates
// (dates.ts). The Italian tables are in src/core/i18n/it/explain.ts; read the current one through the getters.
import { localized, type Translation } from '../i18n';
import { checkMessagesIt, dateTextsIt, explainMessagesIt, markdownMessagesIt, resultDiagnosticMessagesIt } from '../i18n/it/explain';
import type { Severity } from '../types';

export const explainMessagesEn = {
  unknownKey: 'Not a documented App2App parameter of this operation.',
  unknownKeyElsewhere: 'Not a parameter of {operation}; it belongs to {others}.',
  amountCents: '{amount} ({cents} minor units of {currency}).',
  amountCurrencyAssumed: 'Currency assumed to be EUR: App2App amounts are euro cents (spec §2.1) and no CT118 is present.',
  amountNotNumber: '"{value}" is not a whole number of minor units.',
  amountPadded: 'Zero-padded to 12 digits, as SoftPOS returns it (same format as f04/f30).',
  booleanTrue: 'true',
  booleanFalse: 'false',
  booleanInvalid: '"{value}" is neither true nor false; Nexi POS expects the literal strings.',
  defaultIs: 'Default when absent: {value}.',
  dateTime: '{text} (device local time; the time zone is not stated).',
  dateTimeInvalid: '"{value}" is not a real date/time in the {format} format.',
  time: '{text} (local time).',
  dateNoYear: '{text} (month and day; no year).',
  isoTimestamp: '{text}.',
  epochMillis: 'Looks like Unix epoch milliseconds: {text} (inferred; the app chooses its own callerTrxId).',
  rrn: 'Laid out as year digit + day of year + hour + sequence: {date}, {hour} h, sequence {sequence} (inferred from Nexi\'s example).',
  panMasked: 'Masked card number; last four digits {last4}.',
  panUnmasked: 'UNMASKED card number (shown masked here). A full PAN must never appear in logs or URIs (PCI DSS).',
  panEmv: 'Card number data (shown masked).',
  panLast4: 'Last four digits of the card number: {value}.',
  aid: '{name} ({match} match on {matched}).',
  aidUnknown: 'Application identifier not in the AID table; RID {rid}.',
  currency: '{alpha}: {name} ({minor} decimals).',
  currencyUnknown: 'Not an ISO 4217 numeric currency code.',
  padded: 'Blank-padded fixed-width value ("{trimmed}").',
  terminalIdShape: 'Terminal IDs are 8 digits in every Nexi example; "{value}" is not.',
  urlTicket: 'Link to the receipt image (MobilePOS, when the request asked for urlTicket).',
  urlTicketNotUrl: '"{value}" is not an http(s) URL.',
  returnUri: 'Nexi POS will open {value} with the result appended as query parameters.',
  tags: 'Additional tags ({count}): {tags}.',
  tlvSummary: 'EMV data objects ({count}): {tags}.',
  tlvProblems: 'Malformed EMV data, problems found: {count} (decoded as far as possible).',
  tlvRecovered: 'recovered after damaged data (best effort)',
  tlvTruncated: 'value shorter than its declared length',
  emvUnknownTag: 'Unknown tag',
  opaque: 'Meaning not documented; shown as is.',
  cardTypeCVM: 'No Nexi page defines this field; every example shows 2. In Nexi\'s ECR17 terminal protocol card type 2 means credit card, which may be its origin (inferred). Treat it as opaque.',
  empty: 'Empty value.',
  operationTypeMismatch: 'operationType {value} does not match the {authority} authority.',

  // Summary pieces.
  summaryResult: '{operation} {outcome}: {meaning}',
  // spec §5.2, §10: a last-transaction result's `result` is the enquiry's outcome; the transaction's is f39/actionCode.
  summaryLastApproved: 'Last-transaction enquiry succeeded: the last transaction was approved (bank response {code}: {meaning})',
  summaryLastDeclined: 'Last-transaction enquiry succeeded: the last transaction was declined ({meaning}, bank response {code})',
  summaryLastReversal: 'Last-transaction enquiry succeeded: the last transaction was a reversal, accepted (bank response {code}: {meaning}; "400 = accepted" for a reversal is inferred)',
  summaryLastUnknown: 'Last-transaction enquiry succeeded: the outcome of the last transaction is not stated (no f39 or actionCode)',
  summaryLastOther: 'Last-transaction enquiry succeeded: the last transaction has bank response {code} ({meaning})',
  resultEnquirySucceeded: 'The enquiry succeeded: the last transaction was found (not an approval of it).',
  resultOfEnquiry: "This is the enquiry's outcome, not the last transaction's: that one is its bank response, f39 or actionCode (spec §5.2, §10).",
  summaryRequest: '{operation} request',
  summaryAmount: 'amount {amount}',
  summaryCard: 'card {card}',
  summaryWhen: 'at {when}',
  summaryTerminal: 'terminal {terminalId}',
  summaryWhere: 'merchant {where}',
  summaryAuth: 'authorisation code {code}',
  summaryAction: 'bank response {code} ({meaning})',
  summaryCallerTrxId: 'callerTrxId {id}',
  summaryReturn: 'result returned to {uri}',
  summaryTotals: 'host total {host}, terminal total {terminal}',
  summaryProblems: 'errors found: {errors}, warnings: {warnings}',
  summaryUnknownOperation: 'App2App {kind} URI (operation not recognised)',
  outcome: { success: 'succeeded', cancelled: 'was cancelled', declined: 'was declined', error: 'failed', unknown: 'has an undocumented result' },
  operationTitle: { payment: 'Payment', reversal: 'Reversal', last_transaction: 'Last-transaction enquiry', accounting_closure: 'Accounting closure' },
  /** `{kind}` of summaryUnknownOperation. */
  kind: { request: 'request', result: 'result' },
  /** `{match}` of aid: how the AID matched the table. */
  aidMatch: { exact: 'exact', prefix: 'prefix', rid: 'rid' },

  // Details of result codes, action codes and EMV bits.
  resultRetryable: 'Retryable: the operator can tap Retry on the device.',
  resultFinal: 'Final for this request.',
  equivalentCode: 'Equivalent code {code}: {meaning}',
  bitsNone: 'no bit set',
  bitsSet: 'bits set: {count}',
  bitByteValue: 'byte {byte}: {value} = {meaning}',
  bitByteValueNamed: 'byte {byte} ({byteName}): {value} = {meaning}',
  bitSet: 'byte {byte} {bits}: {meaning}',
  bitRfu: 'byte {byte} {bits}: RFU bit set',
} as const;

export type ExplainMessages = Translation<typeof explainMessagesEn>;

/** The explainer's sentences in the current core locale: call it where the text is needed. */
export const explainMessages = localized<ExplainMessages>({ en: explainMessagesEn, it: explainMessagesIt });

/** Texts of the Markdown renderings (hovers, completion documentation, the "Decode URI" document). */
export const markdownMessagesEn = {
  provenance: {
    'nexi-documented': 'Nexi documentation',
    'nexi-sample': 'Nexi sample code only',
    inferred: 'inferred',
    undocumented: 'undocumented',
    iso8583: 'ISO 8583',
    emv: 'EMV',
    iso4217: 'ISO 4217',
    iso3166: 'ISO 3166',
  },
  operationTitle: { payment: 'Payment', reversal: 'Reversal', last_transaction: 'Last transaction', accounting_closure: 'Accounting closure' },
  unknownOperation: 'Unknown operation',
  /** "Payment result": `{operation}` is an operationTitle or unknownOperation. */
  operationLabel: { request: '{operation} request', result: '{operation} result' },
  /** After the heading of a result: "Payment result — success". */
  outcome: { success: 'success', cancelled: 'cancelled', declined: 'declined', error: 'error', unknown: 'unknown' },
  severity: { error: 'error', warning: 'warning', info: 'info', hint: 'hint' },
  noValue: '(no value)',
  emptyValue: '(empty)',
  tlvRecovered: 'recovered',
  tlvTruncated: 'truncated',
  tlvLengthOne: '{count} byte',
  tlvLengthMany: '{count} bytes',
  lineColumn: ' (line {line}, column {column})',
  value: 'Value: {value}',
  source: 'Source: {sources}',
  required: '**Required** for {operation}',
  optional: 'Optional for {operation}',
  defaultValue: 'default {value}',
  mobileposOnly: 'MobilePOS only',
  softposOnly: 'SoftPOS only',
  format: 'Format: {format}',
  example: 'Example: {example}',
  fieldsHeading: 'Fields',
  fieldsTableHeader: '| Key | Value | Meaning | Interpretation | Source |',
  notesHeading: 'Notes',
  emvHeading: 'EMV data',
  diagnosticsHeading: 'Diagnostics',
  noDiagnostics: 'None.',
  decodedByOne: '*Decoded by the Nexi App2App Toolkit{source}. Card numbers are masked.*',
  decodedByMany: '*Decoded by the Nexi App2App Toolkit. Card numbers are masked.*',
  manyTitle: '# {count} App2App URIs{source}',
  firstOf: '; the first {limit} of {total}',
} as const;

export const markdownMessages = localized<Translation<typeof markdownMessagesEn>>({ en: markdownMessagesEn, it: markdownMessagesIt });

/** Texts of the checkTransaction explanation (checkResult.ts) and document (checkMarkdown.ts). */
export const checkMessagesEn = {
  unknownBackendKey: 'A field of the checkTransaction response; Nexi does not publish the response schema, so its meaning is not documented.',
  notScalar: 'Not a scalar value; shown as JSON.',
  checked: 'Terminal `{terminalId}`, callerTrxId `{callerTrxId}`, checked {at}.',
  found: '**Found**',
  attempts: '{count} attempts, ',
  tableHeader: '| Key | Value | Meaning | Source |',
  readAs: '(read as {key})',
  schemaNote: 'Nexi does not publish the response schema: the keys above are explained where they match App2App fields.',
  rawResponse: '## Raw response',
  nextStep: '**Next step:** {step}',
} as const;

export const checkMessages = localized<Translation<typeof checkMessagesEn>>({ en: checkMessagesEn, it: checkMessagesIt });

/** Month names and the date-time layout of dates.ts (`9 Dec 2020 23:17`). */
export const dateTextsEn = {
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  /** `{date}` is "9 Dec 2020", `{time}` "23:17" or "14:51:51 UTC+02:00". */
  dateTime: '{date} {time}',
} as const;

export const dateTexts = localized<Translation<typeof dateTextsEn>>({ en: dateTextsEn, it: dateTextsIt });

export interface ResultDiagnosticInfo {
  readonly severity: Severity;
  readonly message: string;
}

/** Diagnostics of result URIs (requests use the validator's A2A codes). The messages here are the English ones. */
export const resultDiagnosticCodes = {
  A2R001: { severity: 'error', message: 'Unmasked card number in {key}: a full PAN must never appear in a URI or a log (PCI DSS). Mask all but the last four digits.' },
  A2R002: { severity: 'info', message: 'result {value} is not documented by Nexi: {meaning}' },
  A2R003: { severity: 'warning', message: '{key} "{value}" is not a whole number of minor units.' },
  A2R004: { severity: 'warning', message: '{key} "{value}" is not a real date/time in the {format} format.' },
  A2R005: { severity: 'warning', message: 'operationType {value} does not match the {authority} authority of the URI.' },
  A2R006: { severity: 'warning', message: 'result is missing: every Nexi result URI carries it (spec §3.4).' },
} as const satisfies Record<string, ResultDiagnosticInfo>;

export type ResultDiagnosticCode = keyof typeof resultDiagnosticCodes;

/** Severity and message of a result diagnostic, the message in the current core locale. */
export function resultDiagnosticInfo(code: ResultDiagnosticCode): ResultDiagnosticInfo {
  const info = resultDiagnosticCodes[code];
  return { severity: info.severity, message: resultDiagnosticMessages()[code] };
}

const resultDiagnosticMessagesEn: Readonly<Record<ResultDiagnosticCode, string>> = Object.fromEntries(
  Object.entries(resultDiagnosticCodes).map(([code, info]) => [code, info.message]),
) as Record<ResultDiagnosticCode, string>;

/** The messages of resultDiagnosticCodes in the current core locale. */
export const resultDiagnosticMessages = localized<Readonly<Record<ResultDiagnosticCode, string>>>({ en: resultDiagnosticMessagesEn, it: resultDiagnosticMessagesIt });
