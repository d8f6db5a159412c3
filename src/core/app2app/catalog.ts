// The App2App operation catalog: every request and response parameter of the four Nexi POS operations, as
// one table. The builder, the validator, completions, hovers and the docs all read it; protocol knowledge
// belongs here, not in `if` chains elsewhere. Source of truth: the fact sheet (spec §1–8, §12, §16).

import { getLocale, sourceLocale, t, translated } from '../l10n';
import type { Provenance } from '../types';

export type OperationName = 'payment' | 'reversal' | 'last_transaction' | 'accounting_closure';

export type ProductScope = 'softpos' | 'mobilepos' | 'both';

export type Direction = 'request' | 'response';

/** How a value is written. The validator checks the request-side types it knows (`int-cents`, `boolean`, …). */
export type ValueType =
  /** Integer number of euro cents (`1` = €0.01). Responses may zero-pad it to 12 digits. */
  | 'int-cents'
  /** Signed integer (`result`). */
  | 'int'
  | 'string'
  /** Literal `true` / `false` (spec §2.1). */
  | 'boolean'
  /** `ddMMyyHHmm`, 24-hour clock (spec §12, inference from the example `0912202317`). */
  | 'timestamp'
  /** Absolute URI with a scheme: where Nexi POS sends the result (spec §2.1). */
  | 'uri'
  /** Absolute http(s) URL (the receipt link in responses). */
  | 'url'
  /** Terminal ID: 8 digits in every example (spec §1, §3.4). */
  | 'terminalId'
  | 'email'
  | 'phone'
  /** One of `values`. */
  | 'enum';

/** Parameters that belong together and are checked as a group. */
export type ParameterFamily = 'additionalTagKey' | 'additionalTagValue' | 'receiptKey';

export interface ParameterConstraints {
  /** One line for docs and hovers. */
  readonly text: string;
  /** Lowest accepted number (int types). */
  readonly min?: number;
  /** Highest accepted number (int types). */
  readonly max?: number;
  /** Length limits of the decoded value. */
  readonly minLength?: number;
  readonly maxLength?: number;
  /** Every character of the decoded value must match (one character per match). */
  readonly allowedChar?: RegExp;
  /** The allowed characters in words, for messages. */
  readonly allowedText?: string;
}

export interface ParameterSpec {
  /** Literal name, or a pattern such as `addInfoKeyN` when `indexed` is set (N replaces the trailing `N`). */
  readonly name: string;
  readonly type: ValueType;
  /** Request: the operation fails without it. Response: documented as always present. */
  readonly required: boolean;
  /** Value Nexi POS assumes when the parameter is absent. */
  readonly default?: string;
  readonly defaultNote?: string;
  readonly constraints?: ParameterConstraints;
  readonly values?: readonly string[];
  readonly scope: ProductScope;
  readonly provenance: Provenance;
  /** Spec source tags, e.g. `['[PAY]']`. */
  readonly sources: readonly string[];
  /** One line, for hovers and completion details. */
  readonly description: string;
  /** Set when Nexi POS accepts the parameter but does not use it; says why. */
  readonly ignoredReason?: string;
  /** `N` in the name runs from min to max. */
  readonly indexed?: { readonly min: number; readonly max: number };
  readonly family?: ParameterFamily;
  /** Value used for examples, completion and snippet placeholders (already URI-safe). */
  readonly example?: string;
  readonly notes?: readonly string[];
  /**
   * What some values mean ("`000` = approved"), kept apart from `description`: completion shows both, but a hover
   * on a value shows that value's own meaning instead, so a declined 116 never leads with the approved code (issue 16).
   */
  readonly valueLegend?: string;
}

export interface OperationSpec {
  /** The URI authority: `neximpos://<name>?…`. */
  readonly name: OperationName;
  readonly title: string;
  readonly description: string;
  readonly scope: ProductScope;
  /** `operationType` values in the response (the accounting closure is spelled two ways, spec §16.19). */
  readonly operationTypes: readonly string[];
  readonly sources: readonly string[];
  readonly request: readonly ParameterSpec[];
  readonly response: readonly ParameterSpec[];
}

/** Scheme of every request URI (spec §2.1). */
export const requestScheme = 'neximpos';

/**
 * Every sentence of the catalog, in one table: the specs below read their English prose from here; other
 * languages translate each sentence in the l10n bundles (keyed by the English text). Read a spec's text through
 * `parameterDescription`, `operationTitle`… (or `localizedParameter`), which give the current locale's wording.
 */
export const catalogText = {
  operations: {
    payment: { title: 'Payment', description: 'Charges a card on the TID last selected in Nexi POS.' },
    reversal: { title: 'Reversal', description: 'Voids a transaction; on SoftPOS always the last reversible transaction of the month.' },
    last_transaction: { title: 'Last transaction', description: 'Returns the last transaction made on a TID, with all receipt fields (Android only).' },
    accounting_closure: { title: 'Accounting closure', description: 'Closes the accounting session and returns host and terminal totals (MobilePOS only).' },
  },
  request: {
    additionalTag: {
      constraint: '1–30 characters: digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }',
      allowed: 'digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }',
    },
    amount: {
      description: 'Amount in euro cents.',
      constraint: 'positive integer number of euro cents (1 = €0.01, 150 = €1.50); no maximum documented, an int holds at most 2147483647 (inferred limit)',
    },
    reversalAmount: { description: 'Amount in euro cents of the transaction to reverse.' },
    callerName: {
      description: 'Label of the "Torna a …" (back to …) button that returns to the calling app.',
      notes: ['No length limit documented (spec §16.8).'],
    },
    callerTrxId: {
      description: "The caller's own reference for this request; echoed in the result.",
      notes: ['No length, charset or uniqueness rule documented (spec §16.8); checkTransaction looks transactions up by it.'],
    },
    email: {
      description: 'Pre-fills the e-mail field of the "send receipt" screen.',
      notes: ['Format not specified; the name cell is missing in the current table (spec §16.2).'],
    },
    sms: {
      description: 'Pre-fills the phone field of the "send receipt" screen.',
      notes: ['Format not specified; the example has no country prefix (spec §16.2).'],
    },
    sendTicket: {
      description: 'Shows the "send receipt" button on the result screen.',
      notes: ['Cannot be true together with autoClose=true: Nexi POS answers result -21 (spec §3.3).'],
    },
    urlTicket: {
      description: 'Asks for a link to the receipt image in the result (MobilePOS only).',
      notes: ['SoftPOS does not return urlTicket even when requested [REVS]; the effect of sending it is not stated (spec §16.6).'],
    },
    uri: {
      description: 'Return URI: Nexi POS opens it with the result fields appended as query parameters.',
      notes: ['Percent-encode it as Uri.Builder does (`demonexi%3A%2F%2Fpayment`).'],
      paymentNote: 'Mandatory on the current [PAY] page, optional on the older rendering (spec §16.1).',
    },
    autoClose: {
      description: 'Returns to the caller automatically after non-retryable outcomes, without result-screen buttons.',
      notes: [
        'Cannot be combined with sendTicket=true: Nexi POS answers result -21 (spec §3.3). sendTicket defaults to true, so send sendTicket=false; whether leaving it out also gives -21 is not stated (spec §16.4).',
        'No effect on retryable outcomes (cancelled, timeout, wrong PIN).',
      ],
      reversalDefaultNote: 'Not stated on the portal; the Cloud SDK defaults to false.',
    },
    hideRetry: {
      description: 'Hides the "Retry" button for timeout, cancelled transaction and wrong PIN.',
      notes: ['The change log says "for denied transactions" instead (spec §16.5).'],
      reversalDefaultNote: 'Not stated.',
    },
    terminalId: {
      description: 'Terminal ID (TID): the SoftPOS TID for SoftPOS operations, the mPOS TID for mPOS operations.',
      constraint: '8 digits in every example (not documented as a rule)',
    },
    paymentTerminalId: {
      description: 'Not a payment parameter: Nexi POS uses the TID last selected in the app.',
      ignoredReason: 'Nexi POS uses the TID last selected in the app.',
    },
    reversalTerminalId: { description: 'TID on which the transaction to reverse was made (SoftPOS TID for SoftPOS, mPOS TID for mPOS).' },
    lastTransactionTerminalId: { description: 'TID whose last transaction is wanted.' },
    addInfoKeyN: {
      description: 'Key of the N-th additional tag (N = 1…5), paired with addInfoN; echoed in the result and on the receipt.',
      notes: ['Keys must be unique; a repeated key is ignored (spec §3.2).', 'What Nexi POS does with an invalid pair is not documented (spec §16.3).'],
    },
    addInfoN: {
      description: 'Value of the N-th additional tag (N = 1…5), paired with addInfoKeyN.',
      notes: [
        'Legacy form (older [PAY], [PAYS], SDK 1.2.5): addInfo1…addInfo5 without keys, the values of tags DF8001…DF8005, max 30 characters.',
        'Whether the legacy form is still accepted is not documented (spec §16.3).',
      ],
    },
    tipEnabled: { description: 'Sent by the official demo apps; not described on any portal page.' },
    tipAmount: {
      description: 'Tip in cents, sent by the official demo apps; not described on any portal page.',
      constraint: 'integer number of euro cents [sample code]',
    },
    timestamp: {
      description: "Timestamp of the reversal (the Cloud SDK's wording), ddMMyyHHmm; whether it is the current time or the original transaction's is not stated, the demos send the current time (spec §16.7).",
      constraint: 'ddMMyyHHmm (documented as ddmmyyhhmm; 24-hour clock inferred from the example); time zone not stated (spec §12, §16.7)',
      notes: ['One sample passes epoch milliseconds instead (spec §12).'],
    },
  },
  response: {
    callerTrxId: { description: 'Echo of the request callerTrxId.' },
    result: { description: 'Outcome code; see the result-code table (spec §9).', values: '`0` = approved/performed.' },
    receiptKeys: {
      description: 'Receipt fields, one query parameter per key; see the receipt-key table.',
      notes: [
        'Several keys (CT109–CT123, f55, F42, 9F14, ATAGSRECEIPT) are undocumented (spec §13.2).',
        'Values are often unencoded and may contain spaces, commas and `+` (spec §2.2).',
      ],
    },
    tipAmount: { description: 'Tip amount in cents, read by the demo apps; undocumented.' },
    totalAmount: { description: 'Total amount in cents, read by the demo apps; undocumented.' },
    operationType: {
      PAYMENT: 'Operation that produced the result (`PAYMENT`).',
      REVERSAL: 'Operation that produced the result (`REVERSAL`).',
    },
    amount: {
      description: 'Amount in cents. In the published examples mPOS echoes it as sent and SoftPOS returns 12 zero-padded digits (same as f30); the format is not specified (spec §16.13).',
      notes: ['For reversals it is the requested amount, not the amount actually reversed [REVS].'],
    },
    actionCode: { description: 'Host response code (ISO 8583 field 39). Present for approved or denied transactions.', values: '`000` = approved.' },
    pan: { description: 'Masked card number, last 4 digits in clear (approved transactions).' },
    transactionType: { description: 'Card technology: ICC = chip, MAG = magnetic stripe, CLI = contactless (approved transactions).' },
    authorizationNumber: { description: 'Authorisation code (approved transactions).' },
    timestamp: { description: 'Date and time, documented as ddmmyyhhmm (read as ddMMyyHHmm, 24-hour clock: inferred); time zone not stated; set only for approved transactions.' },
    resultDescription: { description: 'Free-text outcome, e.g. empty or `TRANSAZIONE APPROVATA`; often not percent-encoded.' },
    cardTypeCVM: { description: 'Undocumented; the only value seen is `2` (spec §11). Treat as opaque.' },
    acquirerId: { description: 'Acquirer code (undocumented); the examples show 11 digits on mPOS (`00000000003`) and 6 on SoftPOS (`909517`).' },
    stan: { description: 'System trace audit number (undocumented; 6 digits in the examples).' },
    operationNumber: { description: 'Operation counter (undocumented; 6 digits in the examples).' },
    acquirerName: { description: 'Acquirer label; may be right-padded with blanks to 16 characters.' },
    terminalId: { description: 'Terminal ID used for the transaction.' },
    merchantId: { description: 'Merchant code; may be right-padded with blanks to 15 characters.' },
    urlTicket: { description: 'Link to the receipt image; depends on the urlTicket request flag (default true); MobilePOS only: SoftPOS does not return it [REVS].' },
    softPosError: { description: 'SoftPOS-specific error `X-Y-Z`, only with result=-30; its parts are undocumented (spec §9.3).' },
    autoClose: { description: 'Echo of the autoClose request flag, seen in SoftPOS results; undocumented.' },
    lastTransactionAmount: { description: 'Amount of the last transaction in cents, 12 zero-padded digits like receipt key f30.' },
    lastTransactionOperationType: { description: 'Always `LAST_TRANSACTION`.' },
    terminalType: { description: 'Product that made the transaction: `MPOS` or `SOFTPOS`.' },
    lastTransactionResult: { description: 'Outcome: 0 = success, -41 = empty or missing receipt.' },
    lastTransactionReceiptKeys: { description: 'Every receipt field, one query parameter per key.' },
    accountingClosureOperationType: { description: 'The table says `ACCOUNTING_CLOSE`, the example `ACCOUNTING_CLOSURE` (spec §16.19).' },
    accountingClosureResult: { description: 'Outcome: 0 = closure performed, -12 = not performed.' },
    hostTotal: { description: 'Total received from the bank, in euro cents (only when the closure was performed).' },
    terminalTotal: { description: 'Total stored in the terminal, in euro cents (only when the closure was performed).' },
  },
} as const;

const T = catalogText;

// spec §3.2: allowed characters of additional tags: digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }.
// The set below has ASCII letters only; whether "letters" also covers `é` or `α` is open (spec §16.3), so the
// validator reports other letters as a warning (A2A037) and the rest of the set's misses as errors (A2A012).
const additionalTagChar = /[0-9A-Za-z!$%&()*+\-./:;<=>?@[\]^_{}]/;
const additionalTagConstraints: ParameterConstraints = {
  text: T.request.additionalTag.constraint,
  minLength: 1,
  maxLength: 30,
  allowedChar: additionalTagChar,
  allowedText: T.request.additionalTag.allowed,
};

// Request parameters shared by several operations. Operation tables below spread them and override what differs.
// spec §3.1, §4.1: `amount` is typed int; §16.8: no maximum documented. An Android (Java/Kotlin) int stops at
// 2^31 − 1 [inference]; ISO 8583 field 4 (f04, 12 digits) would allow more, so the int is the binding limit.
export const maxIntAmount = 2147483647;
const amount: ParameterSpec = {
  name: 'amount',
  type: 'int-cents',
  required: true,
  constraints: { text: T.request.amount.constraint, min: 1, max: maxIntAmount },
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: T.request.amount.description,
  example: '150',
};
const callerName: ParameterSpec = {
  name: 'callerName',
  type: 'string',
  required: true,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: T.request.callerName.description,
  example: 'MyShop',
  notes: T.request.callerName.notes,
};
const callerTrxId: ParameterSpec = {
  name: 'callerTrxId',
  type: 'string',
  required: true,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: T.request.callerTrxId.description,
  example: 'order-1',
  notes: T.request.callerTrxId.notes,
};
const email: ParameterSpec = {
  name: 'email',
  type: 'email',
  required: false,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: T.request.email.description,
  example: 'name.surname%40domain.it',
  notes: T.request.email.notes,
};
const sms: ParameterSpec = {
  name: 'sms',
  type: 'phone',
  required: false,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: T.request.sms.description,
  example: '3344556951',
  notes: T.request.sms.notes,
};
const sendTicket: ParameterSpec = {
  name: 'sendTicket',
  type: 'boolean',
  required: false,
  default: 'true',
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: T.request.sendTicket.description,
  example: 'false',
  notes: T.request.sendTicket.notes,
};
const urlTicket: ParameterSpec = {
  name: 'urlTicket',
  type: 'boolean',
  required: false,
  default: 'true',
  scope: 'mobilepos',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: T.request.urlTicket.description,
  example: 'true',
  notes: T.request.urlTicket.notes,
};
const uri: ParameterSpec = {
  name: 'uri',
  type: 'uri',
  required: true,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: T.request.uri.description,
  example: 'myapp%3A%2F%2Fpayment',
  notes: T.request.uri.notes,
};
const autoClose: ParameterSpec = {
  name: 'autoClose',
  type: 'boolean',
  required: false,
  default: 'false',
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: T.request.autoClose.description,
  example: 'true',
  notes: T.request.autoClose.notes,
};
const hideRetry: ParameterSpec = {
  name: 'hideRetry',
  type: 'boolean',
  required: false,
  default: 'false',
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[CHG]'],
  description: T.request.hideRetry.description,
  example: 'true',
  notes: T.request.hideRetry.notes,
};
const terminalId: ParameterSpec = {
  name: 'terminalId',
  type: 'terminalId',
  required: true,
  constraints: { text: T.request.terminalId.constraint },
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[REV]', '[LTS]'],
  description: T.request.terminalId.description,
  example: '12345678',
};

// Response parameters shared by several operations.
const resCallerTrxId: ParameterSpec = {
  ...callerTrxId,
  sources: ['[REV]', '[REVS]', '[LTS]', '[ACC]'],
  description: T.response.callerTrxId.description,
  notes: undefined,
};
const resResult: ParameterSpec = {
  name: 'result',
  type: 'int',
  required: true,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[REV]', '[ERR]'],
  description: T.response.result.description,
  valueLegend: T.response.result.values,
  example: '0',
};
const receiptKeys: ParameterSpec = {
  name: 'receipt keys (CTxxx, fNN, F42, 9F14, ATAGSRECEIPT)',
  type: 'string',
  required: false,
  scope: 'softpos',
  provenance: 'nexi-documented',
  sources: ['[RCPT]', '[REVC]', '[GLT]'],
  description: T.response.receiptKeys.description,
  family: 'receiptKey',
  notes: T.response.receiptKeys.notes,
};
const resTipAmount: ParameterSpec = {
  name: 'tipAmount',
  type: 'int-cents',
  required: false,
  scope: 'both',
  provenance: 'nexi-sample',
  sources: ['[GH-DEMO]'],
  description: T.response.tipAmount.description,
};
const resTotalAmount: ParameterSpec = {
  ...resTipAmount,
  name: 'totalAmount',
  description: T.response.totalAmount.description,
};

// spec §3.4: payment and reversal share the response set; `*` = approved or denied only, `**` = depends on
// urlTicket, `***` = MobilePOS only.
function paymentLikeResponse(operationType: 'PAYMENT' | 'REVERSAL'): readonly ParameterSpec[] {
  return [
    resCallerTrxId,
    {
      name: 'operationType',
      type: 'enum',
      values: [operationType],
      required: true,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[PAYS]', '[REV]'],
      description: T.response.operationType[operationType],
    },
    resResult,
    {
      ...amount,
      sources: ['[REVS]'],
      description: T.response.amount.description,
      notes: T.response.amount.notes,
      constraints: undefined,
    },
    {
      name: 'actionCode',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]'],
      description: T.response.actionCode.description,
      valueLegend: T.response.actionCode.values,
    },
    {
      name: 'pan',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]'],
      description: T.response.pan.description,
    },
    {
      name: 'transactionType',
      type: 'enum',
      values: ['ICC', 'MAG', 'CLI'],
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]'],
      description: T.response.transactionType.description,
    },
    {
      name: 'authorizationNumber',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]', '[REVL]'],
      description: T.response.authorizationNumber.description,
    },
    {
      name: 'timestamp',
      type: 'timestamp',
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]'],
      description: T.response.timestamp.description,
    },
    {
      name: 'resultDescription',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: T.response.resultDescription.description,
    },
    {
      name: 'cardTypeCVM',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: T.response.cardTypeCVM.description,
    },
    {
      name: 'acquirerId',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: T.response.acquirerId.description,
    },
    {
      name: 'stan',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: T.response.stan.description,
    },
    {
      name: 'operationNumber',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: T.response.operationNumber.description,
    },
    {
      name: 'acquirerName',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples', '[PAYS]'],
      description: T.response.acquirerName.description,
    },
    {
      ...terminalId,
      required: false,
      provenance: 'undocumented',
      sources: ['examples'],
      description: T.response.terminalId.description,
      constraints: undefined,
    },
    {
      name: 'merchantId',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples', '[PAYS]'],
      description: T.response.merchantId.description,
    },
    {
      name: 'urlTicket',
      type: 'url',
      required: false,
      scope: 'mobilepos',
      provenance: 'nexi-documented',
      sources: ['[REVS]', 'examples'],
      description: T.response.urlTicket.description,
    },
    {
      name: 'softPosError',
      type: 'string',
      required: false,
      scope: 'softpos',
      provenance: 'nexi-documented',
      sources: ['[REV]', '[ERR]'],
      description: T.response.softPosError.description,
    },
    {
      name: 'autoClose',
      type: 'boolean',
      required: false,
      scope: 'softpos',
      provenance: 'undocumented',
      sources: ['[REV]', '[FAQ partial deeplink]'],
      description: T.response.autoClose.description,
    },
    receiptKeys,
    resTipAmount,
    resTotalAmount,
  ];
}

export const operations: readonly OperationSpec[] = [
  {
    name: 'payment',
    title: T.operations.payment.title,
    description: T.operations.payment.description,
    scope: 'both',
    operationTypes: ['PAYMENT'],
    sources: ['[PAY]', '[PAYS]', '[PAYC]', '[GH-DEMO]'],
    request: [
      amount,
      callerName,
      callerTrxId,
      email,
      sms,
      sendTicket,
      urlTicket,
      // spec §16.1: "yes" on the current page, "no" on the older rendering; we require it.
      { ...uri, notes: [T.request.uri.paymentNote, ...(uri.notes ?? [])] },
      {
        name: 'addInfoKeyN',
        type: 'string',
        required: false,
        indexed: { min: 1, max: 5 },
        family: 'additionalTagKey',
        constraints: additionalTagConstraints,
        scope: 'both',
        provenance: 'nexi-documented',
        sources: ['[PAY]', '[CHG]'],
        description: T.request.addInfoKeyN.description,
        example: 'key1',
        notes: T.request.addInfoKeyN.notes,
      },
      {
        name: 'addInfoN',
        type: 'string',
        required: false,
        indexed: { min: 1, max: 5 },
        family: 'additionalTagValue',
        constraints: additionalTagConstraints,
        scope: 'both',
        provenance: 'nexi-documented',
        sources: ['[PAY]', '[PAYS]'],
        description: T.request.addInfoN.description,
        example: 'value1',
        notes: T.request.addInfoN.notes,
      },
      autoClose,
      hideRetry,
      {
        name: 'tipEnabled',
        type: 'boolean',
        required: false,
        scope: 'both',
        provenance: 'nexi-sample',
        sources: ['[GH-DEMO]'],
        description: T.request.tipEnabled.description,
        example: 'false',
      },
      {
        name: 'tipAmount',
        type: 'int-cents',
        required: false,
        constraints: { text: T.request.tipAmount.constraint, min: 0, max: maxIntAmount },
        scope: 'both',
        provenance: 'nexi-sample',
        sources: ['[GH-DEMO]'],
        description: T.request.tipAmount.description,
        example: '0',
      },
      {
        ...terminalId,
        required: false,
        sources: ['[PAYS]'],
        // spec §1 [PAYS]: payment takes no TID.
        ignoredReason: T.request.paymentTerminalId.ignoredReason,
        description: T.request.paymentTerminalId.description,
      },
    ],
    response: paymentLikeResponse('PAYMENT'),
  },
  {
    name: 'reversal',
    title: T.operations.reversal.title,
    description: T.operations.reversal.description,
    scope: 'both',
    operationTypes: ['REVERSAL'],
    sources: ['[REV]', '[REVS]', '[REVL]', '[REVM]', '[REVC]', '[GH-DEMO]'],
    request: [
      { ...amount, description: T.request.reversalAmount.description },
      callerTrxId,
      sendTicket,
      urlTicket,
      {
        name: 'timestamp',
        type: 'timestamp',
        required: true,
        constraints: { text: T.request.timestamp.constraint },
        scope: 'both',
        provenance: 'nexi-documented',
        sources: ['[REV]', '[REVC]', '[GH-DEMO]'],
        description: T.request.timestamp.description,
        example: '0912202317',
        notes: T.request.timestamp.notes,
      },
      { ...terminalId, description: T.request.reversalTerminalId.description },
      callerName,
      uri,
      email,
      sms,
      { ...autoClose, defaultNote: T.request.autoClose.reversalDefaultNote, sources: ['[REV]', '[REVC]'] },
      { ...hideRetry, default: undefined, defaultNote: T.request.hideRetry.reversalDefaultNote, sources: ['[REV]'] },
    ],
    response: paymentLikeResponse('REVERSAL'),
  },
  {
    name: 'last_transaction',
    title: T.operations.last_transaction.title,
    description: T.operations.last_transaction.description,
    scope: 'both',
    operationTypes: ['LAST_TRANSACTION'],
    sources: ['[LTS]', '[GLT]', '[RECON]', '[GH-DEMO]'],
    request: [
      callerName,
      { ...terminalId, description: T.request.lastTransactionTerminalId.description },
      callerTrxId,
      uri,
    ],
    response: [
      resCallerTrxId,
      {
        ...amount,
        sources: ['[LTS]', '[GLT]'],
        description: T.response.lastTransactionAmount.description,
        constraints: undefined,
      },
      {
        name: 'operationType',
        type: 'enum',
        values: ['LAST_TRANSACTION'],
        required: true,
        scope: 'both',
        provenance: 'nexi-documented',
        sources: ['[LTS]'],
        description: T.response.lastTransactionOperationType.description,
      },
      {
        name: 'terminalType',
        type: 'enum',
        values: ['MPOS', 'SOFTPOS'],
        required: true,
        scope: 'both',
        provenance: 'nexi-documented',
        sources: ['[LTS]'],
        description: T.response.terminalType.description,
      },
      { ...resResult, sources: ['[LTS]', '[GLT]'], description: T.response.lastTransactionResult.description, valueLegend: undefined },
      { ...receiptKeys, required: true, scope: 'both', description: T.response.lastTransactionReceiptKeys.description },
      resTipAmount,
      resTotalAmount,
    ],
  },
  {
    name: 'accounting_closure',
    title: T.operations.accounting_closure.title,
    description: T.operations.accounting_closure.description,
    scope: 'mobilepos',
    operationTypes: ['ACCOUNTING_CLOSURE', 'ACCOUNTING_CLOSE'],
    sources: ['[ACC]', '[CLS]', '[GH-DEMO]'],
    request: [callerTrxId, callerName, uri].map((p) => ({ ...p, scope: 'mobilepos' as const })),
    response: [
      { ...resCallerTrxId, scope: 'mobilepos' },
      {
        name: 'operationType',
        type: 'enum',
        values: ['ACCOUNTING_CLOSURE', 'ACCOUNTING_CLOSE'],
        required: true,
        scope: 'mobilepos',
        provenance: 'nexi-documented',
        sources: ['[ACC]', '[CLS]'],
        description: T.response.accountingClosureOperationType.description,
      },
      { ...resResult, scope: 'mobilepos', sources: ['[ACC]'], description: T.response.accountingClosureResult.description, valueLegend: undefined },
      {
        name: 'hostTotal',
        type: 'int-cents',
        required: false,
        scope: 'mobilepos',
        provenance: 'nexi-documented',
        sources: ['[ACC]'],
        description: T.response.hostTotal.description,
      },
      {
        name: 'terminalTotal',
        type: 'int-cents',
        required: false,
        scope: 'mobilepos',
        provenance: 'nexi-documented',
        sources: ['[ACC]'],
        description: T.response.terminalTotal.description,
      },
    ],
  },
];

const operationsByName = new Map<string, OperationSpec>(operations.map((o) => [o.name, o]));

/** The operation whose authority is exactly `authority` (case-sensitive, as Android intent filters are). */
export function findOperation(authority: string): OperationSpec | undefined {
  return operationsByName.get(authority);
}

/**
 * `findOperation(text.slice(start, end))` without making the slice: the scanner asks this for the host of every
 * web URL in a log.
 */
export function findOperationIn(text: string, start: number, end: number): OperationSpec | undefined {
  for (const o of operations) if (o.name.length === end - start && text.startsWith(o.name, start)) return o;
  return undefined;
}

// Upper-case operationType value → operation; the first operation listing a value wins, as a linear search would.
const operationsByType = new Map<string, OperationSpec>();
for (const o of operations) for (const t of o.operationTypes) if (!operationsByType.has(t)) operationsByType.set(t, o);

/** The operation a result's `operationType` value names (`PAYMENT`, `ACCOUNTING_CLOSE`, …). */
export function findOperationByType(operationType: string): OperationSpec | undefined {
  return operationsByType.get(operationType.trim().toUpperCase());
}

// spec §13: receipt keys come as CTxxx, fNN (F42 upper-case too), bare EMV tags like 9F14, and ATAGSRECEIPT.
// The detailed table lives in src/core/codes/receiptKeys.ts; here we only recognise the family.
const receiptKeyPattern = /^(?:CT\d{3}|[fF]\d{2,3}|9F[0-9A-F]{2}|ATAGSRECEIPT)$/;

export function isReceiptKey(key: string): boolean {
  return receiptKeyPattern.test(key);
}

export interface ParameterMatch {
  readonly spec: ParameterSpec;
  /** N of an indexed parameter (`addInfoKey3` → 3). */
  readonly index?: number;
  /** False when N lies outside the documented range (`addInfo6`). */
  readonly inRange: boolean;
}

const indexedName = /^(\D*?)(\d+)$/;

/** Looks a query key up in one side of an operation, including `addInfoKeyN` patterns and receipt keys. */
export function findParameter(operation: OperationSpec, direction: Direction, key: string): ParameterMatch | undefined {
  const list = direction === 'request' ? operation.request : operation.response;
  const exact = list.find((s) => !s.indexed && s.family !== 'receiptKey' && s.name === key);
  if (exact) return { spec: exact, inRange: true };
  const m = indexedName.exec(key);
  if (m) {
    const spec = list.find((s) => s.indexed && s.name.slice(0, -1) === m[1]);
    if (spec?.indexed) {
      const index = Number(m[2]);
      return { spec, index, inRange: index >= spec.indexed.min && index <= spec.indexed.max && String(index) === m[2] };
    }
  }
  const receipt = list.find((s) => s.family === 'receiptKey');
  if (receipt && isReceiptKey(key)) return { spec: receipt, inRange: true };
  return undefined;
}

const namesCache = new WeakMap<readonly ParameterSpec[], readonly string[]>();

/** Concrete names of one side of an operation, patterns expanded (`addInfoKey1` … `addInfoKey5`), in catalog order. */
export function parameterNames(operation: OperationSpec, direction: Direction): readonly string[] {
  const list = direction === 'request' ? operation.request : operation.response;
  let names = namesCache.get(list);
  if (!names) namesCache.set(list, (names = expandNames(list)));
  return names;
}

function expandNames(list: readonly ParameterSpec[]): string[] {
  const names: string[] = [];
  for (const spec of list) {
    if (spec.family === 'receiptKey') continue;
    if (!spec.indexed) names.push(spec.name);
    else for (let n = spec.indexed.min; n <= spec.indexed.max; n++) names.push(indexedParameterName(spec, n));
  }
  return names;
}

/** `addInfoKeyN` with N = 3 → `addInfoKey3`. */
export function indexedParameterName(spec: ParameterSpec, n: number): string {
  return spec.name.slice(0, -1) + n;
}

/** Operations (other than `except`) whose requests take `key`; used to say "timestamp is a reversal parameter". */
export function operationsTaking(key: string, direction: Direction, except?: OperationSpec): OperationSpec[] {
  return operations.filter((o) => o !== except && findParameter(o, direction, key) !== undefined);
}

const requestKeys = new Set(operations.flatMap((o) => parameterNames(o, 'request')));
const responseOnlyKeys = new Set(operations.flatMap((o) => parameterNames(o, 'response')).filter((k) => !requestKeys.has(k)));

/** True for keys that only results carry (`result`, `operationType`, receipt keys…), never requests. */
export function isResponseOnlyKey(key: string): boolean {
  return responseOnlyKeys.has(key) || isReceiptKey(key);
}

/** Every concrete key any request or response may carry (receipt keys excepted): the scanner's notion of "known". */
export function isKnownKey(key: string): boolean {
  return requestKeys.has(key) || responseOnlyKeys.has(key) || isReceiptKey(key);
}

// The catalog in the current locale. Specs hold the English text of `catalogText`, and the bundles are keyed by
// English text, so a spec's sentence is translated by looking it up: a spread spec that overrides one text (the
// reversal's `amount`) finds its own translation. Registering the table lets the completeness tests walk it.
translated('app2app.catalog', catalogText);

/** The current locale's wording of a text of `catalogText` (texts without a translation are returned as they are). */
export function catalogProse(text: string): string {
  return getLocale() === sourceLocale ? text : t(text);
}

/** "Payment", "Reversal"… in the current locale. */
export function operationTitle(operation: OperationSpec): string {
  return catalogProse(operation.title);
}

/** One sentence about the operation, in the current locale. */
export function operationDescription(operation: OperationSpec): string {
  return catalogProse(operation.description);
}

/** The parameter's one-line description, in the current locale. */
export function parameterDescription(spec: ParameterSpec): string {
  return catalogProse(spec.description);
}

/** What some of the parameter's values mean, in the current locale; undefined when the catalog says nothing. */
export function parameterValueLegend(spec: ParameterSpec): string | undefined {
  return spec.valueLegend === undefined ? undefined : catalogProse(spec.valueLegend);
}

/** Why the operation ignores the parameter, in the current locale; undefined when it does not. */
export function parameterIgnoredReason(spec: ParameterSpec): string | undefined {
  return spec.ignoredReason === undefined ? undefined : catalogProse(spec.ignoredReason);
}

/** The note on the default value, in the current locale. */
export function parameterDefaultNote(spec: ParameterSpec): string | undefined {
  return spec.defaultNote === undefined ? undefined : catalogProse(spec.defaultNote);
}

/** The parameter's notes, in the current locale. */
export function parameterNotes(spec: ParameterSpec): readonly string[] | undefined {
  return spec.notes?.map(catalogProse);
}

/** The format line of the parameter's constraints, in the current locale. */
export function constraintText(spec: ParameterSpec): string | undefined {
  return spec.constraints === undefined ? undefined : catalogProse(spec.constraints.text);
}

/** The allowed characters in words (for messages), in the current locale. */
export function allowedCharactersText(spec: ParameterSpec): string | undefined {
  return spec.constraints?.allowedText === undefined ? undefined : catalogProse(spec.constraints.allowedText);
}

/** The spec with every text in the current locale (the spec itself in English). */
export function localizedParameter(spec: ParameterSpec): ParameterSpec {
  if (getLocale() === sourceLocale) return spec;
  return {
    ...spec,
    description: parameterDescription(spec),
    ...(spec.ignoredReason !== undefined ? { ignoredReason: parameterIgnoredReason(spec) } : {}),
    ...(spec.defaultNote !== undefined ? { defaultNote: parameterDefaultNote(spec) } : {}),
    ...(spec.notes !== undefined ? { notes: parameterNotes(spec) } : {}),
    ...(spec.valueLegend !== undefined ? { valueLegend: parameterValueLegend(spec) } : {}),
    ...(spec.constraints !== undefined
      ? {
          constraints: {
            ...spec.constraints,
            text: catalogProse(spec.constraints.text),
            ...(spec.constraints.allowedText !== undefined ? { allowedText: catalogProse(spec.constraints.allowedText) } : {}),
          },
        }
      : {}),
  };
}

/** The operation with its title and description in the current locale (parameter lists unchanged). */
export function localizedOperation(operation: OperationSpec): OperationSpec {
  if (getLocale() === sourceLocale) return operation;
  return { ...operation, title: operationTitle(operation), description: operationDescription(operation) };
}
