// Every sentence the explainer writes, as whole templates (`{name}` placeholders) so a translation replaces
// the table, not code. Diagnostic codes of result URIs (A2R…) live here too, and the texts of the Markdown
// renderings (markdown.ts), of the checkTransaction document (checkResult.ts, checkMarkdown.ts) and of dates
// (dates.ts). Other languages are the l10n bundles (`l10n/bundle.l10n.<locale>.json`, key = the English template,
// `template/context` where the same English needs two translations); read the current one through the getters.
import { translated, type Translation } from '../l10n';
import type { Severity } from '../types';

export const explainMessagesEn = {
  unknownKey: 'Not a documented App2App parameter of this operation.',
  unknownKeyElsewhere: 'Not a parameter of {operation}; it belongs to {others}.',
  amountCents: '{amount} ({cents} minor units of {currency}).',
  amountCurrencyAssumed: 'Currency assumed to be EUR: App2App amounts are euro cents (spec §2.1) and no CT118 is present.',
  amountNotNumber: '"{value}" is not a whole number of minor units.',
  amountNegative: '{amount}: a negative amount ({cents} minor units of {currency}); no Nexi document or example shows one.',
  amountPadded: 'Zero-padded to 12 digits (same format as f04/f30).',
  amountPaddedSoftpos: 'The published SoftPOS examples return the amount this way; the format is not specified (spec §16.13).',
  amountReversalRequest: 'For a reversal this is the amount in the request, not the amount actually reversed [REVS]: SoftPOS reverses the last reversible transaction whatever the request says (spec §4.2).',
  amountReversed: 'Amount reversed according to {key}: {amount} (reading {key} as the amount reversed is inferred).',
  amountReversedUnknown: 'The result does not state the amount actually reversed (no f04).',
  amountLastTransaction: 'Amount of the last transaction (same content as f30, [LTS]); not an amount requested now.',
  booleanIsDefault: '{value}: the default, as when the key is absent.',
  booleanNotDefault: '{value}: not the default (absent means {default}).',
  booleanInvalid: '"{value}" is neither true nor false; Nexi POS expects the literal strings.',
  booleanAbsent: 'Absent, it means {default}.',
  dateTime: '{text} (the time zone is not stated; probably the device\'s local time, inferred).',
  dateTimeInvalid: '"{value}" is not a real date/time in the {format} format.',
  time: '{text} (local time).',
  dateNoYear: '{text} (month and day; no year).',
  isoTimestamp: '{text}.',
  epochMillis: 'Looks like Unix epoch milliseconds: {text} (inferred; the app chooses its own callerTrxId).',
  rrn: 'Laid out as year digit + day of year + hour + sequence: {date}, {hour} h, sequence {sequence} (inferred from Nexi\'s example).',
  panMasked: 'Masked card number; last four digits {last4}.',
  nullNotApproved: '`null`: not set. Documented as set only for approved transactions (spec §3.4, [REV]).',
  panUnmasked: 'UNMASKED card number (shown masked here). A full PAN must never appear in logs or URIs (PCI DSS).',
  panEmv: 'Card number or track data (shown masked). It must never appear in a URI or a log (PCI DSS).',
  panLast4: 'Last four digits of the card number: {value}.',
  aid: '{name} ({match} match on {matched}).',
  aidUnknown: 'Application identifier not in the AID table; RID {rid}.',
  currency: '{alpha}: {name} ({minor} decimals).',
  currencyUnknown: 'Not an ISO 4217 numeric currency code.',
  padded: 'Blank-padded fixed-width value ("{trimmed}").',
  terminalIdShape: 'Terminal IDs are 8 digits in every Nexi example; "{value}" is not.',
  urlTicket: 'Link to the receipt image (MobilePOS only; depends on the request\'s urlTicket flag, default true).',
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
  summaryNoResult: '{operation} result without a result code: its outcome is not stated',
  // spec §5.2, §10: a last-transaction result's `result` is the enquiry's outcome; the transaction's is f39/actionCode.
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
  summaryLastTransaction: '{operation} succeeded: the last transaction {outcome}',
  summaryBecause: '{meaning}, {key} {code}',
  summaryBecauseInferred: '{meaning}, {key} {code}; inferred',
  summaryContradictory: '{operation}: contradictory outcome: result {result} says {resultMeaning}, {key} {code} says {codeMeaning}; confirm it with checkTransaction before acting on it',
  summaryRetryWrongPin: 'a wrong PIN, retryable on the device [PAY] (reading the code as a wrong PIN is inferred)',
  summaryAmountReversed: 'amount reversed {amount} ({key}, inferred), requested {requested}',
  summaryAmountRequested: 'amount requested {amount} (the amount actually reversed is not stated)',
  /** How the last transaction ended, after "the last transaction". */
  lastOutcome: {
    approved: 'was approved',
    declined: 'was declined',
    cancelled: 'was cancelled',
    error: 'failed',
    pending: 'is pending',
    contradictory: 'has a contradictory outcome',
    none: 'is not there',
    unknown: 'has no stated outcome (no f39/actionCode)',
  },
  lastOutcomeReversal: { approved: 'was a reversal, accepted', declined: 'was a reversal, declined' },
  product: { softpos: 'SoftPOS', mobilepos: 'MobilePOS' },

  // The reading of the whole URI (the transaction model), one line per fact, shown in hovers, documents and the CLI.
  readingProduct: 'Product: {product} (from {source})',
  readingProductInferred: 'Product: {product} (inferred from {source})',
  readingEnquiryFound: 'Enquiry: the last transaction was found (result {code}); result is the enquiry\'s outcome (spec §5.2)',
  readingEnquiryNone: 'Enquiry: no last transaction returned (result {code})',
  readingRetrieved: 'Last transaction: {label} ({code}) read as a {operation}',
  readingRetrievedInferred: 'Last transaction: {label} ({code}) read as a {operation} (inferred: the published SoftPOS reversal carries 0200 VOID)',
  readingOutcome: 'Transaction outcome: {outcome} (from {source})',
  readingOutcomeInferred: 'Transaction outcome: {outcome} (from {source}; inferred)',
  readingOutcomeUnstated: 'Transaction outcome: {outcome} ({why})',
  outcomeUnstated: {
    noHostCode: 'no f39 or actionCode',
    noResult: 'no result code',
    undocumentedResult: 'result {code} is not in Nexi\'s result-code table',
  },
  readingRetry: 'Retry: {retry}',
  retry: { retryable: 'retryable on the device', final: 'final for this request' },
  retryWhy: { wrongPin: '{retry}: a wrong PIN, which [PAY] lists as retryable (reading the code as a wrong PIN is inferred)', inferred: '{retry} (inferred)' },
  readingHost: 'Host response: {key} {code}: {meaning}',
  readingHostInferred: 'Host response: {key} {code}: {meaning} (inferred)',
  readingAmountRequested: 'Amount requested: {amount} (amount)',
  readingAmountRequestedReversal: 'Amount requested: {amount} (amount: the request\'s, not the amount reversed [REVS])',
  readingAmountProcessed: 'Amount processed: {amount} ({key})',
  readingAmountReversed: 'Amount reversed: {amount} ({key}; inferred)',
  readingAmountOriginal: 'Original amount: {amount} (f30)',
  readingCurrency: 'Currency: {alpha} (CT118)',
  readingCurrencyAssumed: 'Currency: {alpha}, assumed (no CT118; App2App amounts are euro cents, spec §2.1)',
  readingCard: 'Card: {card}',
  readingLast4: 'Card number: …{last4} ({key})',
  readingLast4Inferred: 'Card number: …{last4} ({key}, inferred)',
  readingCvm: 'Cardholder verification: {cvm} ({source})',
  readingTime: 'Time: {text} ({key})',
  readingTimeNoZone: 'Time: {text} ({key}; time zone not stated)',
  /** `outcome` of readingOutcome. */
  transactionOutcome: {
    approved: 'approved',
    declined: 'declined',
    cancelled: 'cancelled',
    error: 'error',
    pending: 'pending',
    contradictory: 'contradictory',
    none: 'no transaction',
    unknown: 'not stated',
  },
  operationWord: { payment: 'payment', reversal: 'reversal' },
  outcome: { success: 'succeeded', cancelled: 'was cancelled', declined: 'was declined', error: 'failed', unknown: 'has an undocumented result' },
  operationTitle: { payment: 'Payment', reversal: 'Reversal', last_transaction: 'Last-transaction enquiry', accounting_closure: 'Accounting closure' },
  /** `{kind}` of summaryUnknownOperation. */
  kind: { request: 'request', result: 'result' },
  /** `{match}` of aid: how the AID matched the table. */
  aidMatch: { exact: 'exact', prefix: 'prefix', rid: 'rid' },

  // Details of result codes, action codes and EMV bits.
  resultRetryable: 'Retryable: the operator can tap Retry on the device.',
  resultFinal: 'Final for this request.',
  resultFinalInferred: 'Final for this request (inferred: Nexi lists only cancelled, card-read timeout and wrong PIN as retryable, spec §9.2).',
  resultWrongPin: 'Retryable: {key} {code} is a wrong PIN, which Nexi lists as retryable (the operator can tap Retry unless hideRetry=true, spec §9.2); reading the code as that outcome is inferred.',
  resultContradicted: 'Contradicted by {key} {code} ({meaning}): the outcome is uncertain (see A2R007).',
  enquiryFound: 'The enquiry succeeded: Nexi POS returned the last transaction. This result is the outcome of the enquiry, not of the transaction (spec §5.2).',
  enquiryNone: 'The enquiry returned no transaction.',
  lastTransactionOutcome: 'The last transaction itself {outcome}: {key} {code} ({meaning}).',
  lastTransactionNoHost: 'The result carries no f39/actionCode: the outcome of the last transaction is not stated.',
  inferredReading: '{text} (inferred)',
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
export const explainMessages = translated('explain.messages', explainMessagesEn, {
  // Words that read differently in other languages depending on what they qualify (Italian agrees in gender).
  contexts: {
    summaryRequest: 'summary',
    lastOutcome: 'last transaction',
    lastOutcomeReversal: 'last transaction',
    transactionOutcome: 'transaction outcome',
    operationWord: 'operation',
    outcome: 'operation outcome',
    operationTitle: 'summary',
    kind: 'URI kind',
    aidMatch: 'AID match',
  },
});

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
  /** After the heading of a result whose transaction outcome the model read: "Last transaction result — declined". */
  transactionOutcome: {
    approved: 'approved',
    declined: 'declined',
    cancelled: 'cancelled',
    error: 'error',
    pending: 'pending',
    contradictory: 'contradictory outcome',
    none: 'no transaction',
    unknown: 'outcome not stated',
  },
  readingHeading: 'Reading',
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
  /** The catalog's `examples` source: the examples published on the Nexi pages. */
  sourceExamples: 'the published examples',
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

export const markdownMessages = translated('explain.markdown', markdownMessagesEn, {
  contexts: {
    provenance: 'provenance',
    operationTitle: 'heading',
    unknownOperation: 'heading',
    operationLabel: 'heading',
    outcome: 'heading',
    transactionOutcome: 'heading',
    severity: 'severity',
    tlvRecovered: 'EMV tree',
    tlvTruncated: 'EMV tree',
    defaultValue: 'hover',
  },
});

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
  outcome: 'Outcome read from {source} as in a result URI (our reading: the response schema is not published): **{outcome}**.',
} as const;

export const checkMessages = translated('explain.check', checkMessagesEn);

/** Month names and the date-time layout of dates.ts (`9 Dec 2020 23:17`). */
export const dateTextsEn = {
  months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  /** `{date}` is "9 Dec 2020", `{time}` "23:17" or "14:51:51 UTC+02:00". */
  dateTime: '{date} {time}',
} as const;

export const dateTexts = translated('explain.dates', dateTextsEn, { contexts: { months: 'month' } });

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
  A2R007: { severity: 'warning', message: 'result {result} ({resultMeaning}) contradicts {key} {code} ({codeMeaning}): the outcome is uncertain. Confirm it with checkTransaction before acting on it.' },
  A2R008: { severity: 'warning', message: '{keyA} ends in {a} but {keyB} ends in {b}: the card-number fields disagree.' },
  A2R009: { severity: 'warning', message: 'amount {amount} differs from {key} {other}.' },
  A2R010: { severity: 'warning', message: 'F42 {upper} and f42 {lower} differ: the published example carries the same merchant ID in both (spec §13.2).' },
  A2R011: { severity: 'warning', message: 'operationType {value} does not match CT105 {code} ({label}).' },
  A2R012: { severity: 'error', message: 'Card data in {key}: EMV tag {tag} ({name}) carries the full card number or track data, which must never appear in a URI or a log (PCI DSS).' },
  A2R013: { severity: 'info', message: '{key} "{value}" is negative; no Nexi document or example shows a negative amount.' },
  A2R014: { severity: 'info', message: 'The reversal request asked for {amount}; {key} shows {other}. SoftPOS reverses the last reversible transaction whatever the request says, and amount is the request\'s [REVS].' },
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
export const resultDiagnosticMessages = translated('explain.resultDiagnostics', resultDiagnosticMessagesEn);
