// The App2App operation catalog: every request and response parameter of the four Nexi POS operations, as
// one table. The builder (its input types are derived from it), the build input, the validator, completions,
// hovers, explain and the simulator (with the response layouts below) all read it; protocol knowledge belongs
// here, not in `if` chains elsewhere. Adding a parameter = one entry here + its translations in the l10n bundles.
// Source of truth: the fact sheet (spec §1–8, §12, §16).

import { bundleOf, getLocale, inSourceLocale, tableText, translated } from '../l10n';
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
  /**
   * How the explainer reads a value beyond its type (its `interpretations` table maps each kind to a function);
   * without one the value is read by its `type` (amounts, dates, flags, return URIs, TIDs).
   */
  readonly interpret?: InterpretationKind;
  /** Response layouts that repeat this request parameter's value at their end (the simulator reads it). */
  readonly echoedIn?: readonly LayoutId[];
}

/** How a value is read, beyond its type: each kind is one function of the explainer. */
export type InterpretationKind =
  /** Nexi result code (spec §9). */
  | 'resultCode'
  /** SoftPOS `X-Y-Z` error (spec §9.3). */
  | 'softPosError'
  /** ISO 8583 field 39 action code. */
  | 'actionCode'
  | 'operationType'
  /** ICC / MAG / CLI. */
  | 'transactionType'
  /** MPOS / SOFTPOS. */
  | 'terminalType'
  /** A card number, masked in every output. */
  | 'maskedPan'
  /** Set only for approved transactions, `null` otherwise (spec §3.4); otherwise read by type. */
  | 'approvedOnly'
  | 'cardTypeCVM'
  /** The caller's own reference (may be epoch milliseconds). */
  | 'callerReference'
  /** A fixed-width value padded with blanks. */
  | 'blankPadded'
  /** The receipt link of a MobilePOS result (the request flag of the same name is only described). */
  | 'receiptLink';

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

// Defaults of every parameter: an entry states only what differs. Most parameters are optional, taken by both
// products and documented on a Nexi page.
const parameterDefaults = { required: false, scope: 'both', provenance: 'nexi-documented' } as const;

/** A parameter as written in the tables below: `required`, `scope` and `provenance` may be left to the defaults. */
type ParameterDraft = Omit<ParameterSpec, keyof typeof parameterDefaults> & Partial<Pick<ParameterSpec, keyof typeof parameterDefaults>>;

/** One catalog entry, the defaults filled in; its literal types (name, type, required) stay for `RequestInputOf`. */
function param<const P extends ParameterDraft>(draft: P): Omit<typeof parameterDefaults, keyof P> & P {
  return { ...parameterDefaults, ...draft };
}

/** A response field seen only in the examples (no Nexi table lists it). */
function undocumented<const P extends Omit<ParameterDraft, 'sources' | 'provenance'> & { readonly sources?: readonly string[] }>(draft: P) {
  return param({ sources: ['examples'], ...draft, provenance: 'undocumented' });
}

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
const amount = param({
  name: 'amount',
  type: 'int-cents',
  required: true,
  constraints: { text: T.request.amount.constraint, min: 1, max: maxIntAmount },
  sources: ['[PAY]', '[REV]'],
  description: T.request.amount.description,
  example: '150',
});
const callerName = param({
  name: 'callerName',
  type: 'string',
  required: true,
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: T.request.callerName.description,
  example: 'MyShop',
  notes: T.request.callerName.notes,
});
const callerTrxId = param({
  name: 'callerTrxId',
  type: 'string',
  required: true,
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: T.request.callerTrxId.description,
  example: 'order-1',
  notes: T.request.callerTrxId.notes,
  interpret: 'callerReference',
});
const email = param({
  name: 'email',
  type: 'email',
  sources: ['[PAY]', '[REV]'],
  description: T.request.email.description,
  example: 'name.surname%40domain.it',
  notes: T.request.email.notes,
});
const sms = param({
  name: 'sms',
  type: 'phone',
  sources: ['[PAY]', '[REV]'],
  description: T.request.sms.description,
  example: '3344556951',
  notes: T.request.sms.notes,
});
const sendTicket = param({
  name: 'sendTicket',
  type: 'boolean',
  default: 'true',
  sources: ['[PAY]', '[REV]'],
  description: T.request.sendTicket.description,
  example: 'false',
  notes: T.request.sendTicket.notes,
});
const urlTicket = param({
  name: 'urlTicket',
  type: 'boolean',
  default: 'true',
  scope: 'mobilepos',
  sources: ['[PAY]', '[REV]'],
  description: T.request.urlTicket.description,
  example: 'true',
  notes: T.request.urlTicket.notes,
  // The result's urlTicket is the receipt link; the request's flag is described, not interpreted.
  interpret: 'receiptLink',
});
const uri = param({
  name: 'uri',
  type: 'uri',
  required: true,
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: T.request.uri.description,
  example: 'myapp%3A%2F%2Fpayment',
  notes: T.request.uri.notes,
});
const autoClose = param({
  name: 'autoClose',
  type: 'boolean',
  default: 'false',
  sources: ['[PAY]', '[REV]'],
  description: T.request.autoClose.description,
  example: 'true',
  notes: T.request.autoClose.notes,
  // spec §3.5 (SoftPOS examples): the result repeats the flag after terminalId.
  echoedIn: ['softpos'],
});
const hideRetry = param({
  name: 'hideRetry',
  type: 'boolean',
  default: 'false',
  sources: ['[PAY]', '[CHG]'],
  description: T.request.hideRetry.description,
  example: 'true',
  notes: T.request.hideRetry.notes,
});
const terminalId = param({
  name: 'terminalId',
  type: 'terminalId',
  required: true,
  constraints: { text: T.request.terminalId.constraint },
  sources: ['[REV]', '[LTS]'],
  description: T.request.terminalId.description,
  example: '12345678',
});

// Response parameters shared by several operations.
const resCallerTrxId = param({
  ...callerTrxId,
  sources: ['[REV]', '[REVS]', '[LTS]', '[ACC]'],
  description: T.response.callerTrxId.description,
  notes: undefined,
});
const resResult = param({
  name: 'result',
  type: 'int',
  required: true,
  sources: ['[REV]', '[ERR]'],
  description: T.response.result.description,
  valueLegend: T.response.result.values,
  example: '0',
  interpret: 'resultCode',
});
const receiptKeys = param({
  name: 'receipt keys (CTxxx, fNN, F42, 9F14, ATAGSRECEIPT)',
  type: 'string',
  scope: 'softpos',
  sources: ['[RCPT]', '[REVC]', '[GLT]'],
  description: T.response.receiptKeys.description,
  family: 'receiptKey',
  notes: T.response.receiptKeys.notes,
});
const resTipAmount = param({
  name: 'tipAmount',
  type: 'int-cents',
  provenance: 'nexi-sample',
  sources: ['[GH-DEMO]'],
  description: T.response.tipAmount.description,
});
const resTotalAmount = param({
  ...resTipAmount,
  name: 'totalAmount',
  description: T.response.totalAmount.description,
});

// spec §3.4: payment and reversal share the response set; `*` = approved or denied only, `**` = depends on
// urlTicket, `***` = MobilePOS only.
function paymentLikeResponse(operationType: 'PAYMENT' | 'REVERSAL'): readonly ParameterSpec[] {
  return [
    resCallerTrxId,
    param({
      name: 'operationType',
      type: 'enum',
      values: [operationType],
      required: true,
      sources: ['[PAYS]', '[REV]'],
      description: T.response.operationType[operationType],
      interpret: 'operationType',
    }),
    resResult,
    param({
      ...amount,
      sources: ['[REVS]'],
      description: T.response.amount.description,
      notes: T.response.amount.notes,
      constraints: undefined,
    }),
    param({ name: 'actionCode', type: 'string', sources: ['[REV]'], description: T.response.actionCode.description, valueLegend: T.response.actionCode.values, interpret: 'actionCode' }),
    param({ name: 'pan', type: 'string', sources: ['[REV]'], description: T.response.pan.description, interpret: 'maskedPan' }),
    param({
      name: 'transactionType',
      type: 'enum',
      values: ['ICC', 'MAG', 'CLI'],
      sources: ['[REV]'],
      description: T.response.transactionType.description,
      interpret: 'transactionType',
    }),
    param({ name: 'authorizationNumber', type: 'string', sources: ['[REV]', '[REVL]'], description: T.response.authorizationNumber.description, interpret: 'approvedOnly' }),
    param({ name: 'timestamp', type: 'timestamp', sources: ['[REV]'], description: T.response.timestamp.description, interpret: 'approvedOnly' }),
    undocumented({ name: 'resultDescription', type: 'string', description: T.response.resultDescription.description }),
    undocumented({ name: 'cardTypeCVM', type: 'string', description: T.response.cardTypeCVM.description, interpret: 'cardTypeCVM' }),
    undocumented({ name: 'acquirerId', type: 'string', description: T.response.acquirerId.description }),
    undocumented({ name: 'stan', type: 'string', description: T.response.stan.description }),
    undocumented({ name: 'operationNumber', type: 'string', description: T.response.operationNumber.description }),
    undocumented({ name: 'acquirerName', type: 'string', sources: ['examples', '[PAYS]'], description: T.response.acquirerName.description, interpret: 'blankPadded' }),
    undocumented({ ...terminalId, required: false, sources: ['examples'], description: T.response.terminalId.description, constraints: undefined }),
    undocumented({ name: 'merchantId', type: 'string', sources: ['examples', '[PAYS]'], description: T.response.merchantId.description, interpret: 'blankPadded' }),
    param({ name: 'urlTicket', type: 'url', scope: 'mobilepos', sources: ['[REVS]', 'examples'], description: T.response.urlTicket.description, interpret: 'receiptLink' }),
    param({ name: 'softPosError', type: 'string', scope: 'softpos', sources: ['[REV]', '[ERR]'], description: T.response.softPosError.description, interpret: 'softPosError' }),
    undocumented({ name: 'autoClose', type: 'boolean', scope: 'softpos', sources: ['[REV]', '[FAQ partial deeplink]'], description: T.response.autoClose.description }),
    receiptKeys,
    resTipAmount,
    resTotalAmount,
  ];
}

/** One operation of the catalog; its literal types stay for `RequestInputOf`. */
function operation<const O extends OperationSpec>(spec: O): O {
  return spec;
}

const payment = operation({
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
    param({ ...uri, notes: [T.request.uri.paymentNote, ...uri.notes] }),
    param({
      name: 'addInfoKeyN',
      type: 'string',
      indexed: { min: 1, max: 5 },
      family: 'additionalTagKey',
      constraints: additionalTagConstraints,
      sources: ['[PAY]', '[CHG]'],
      description: T.request.addInfoKeyN.description,
      example: 'key1',
      notes: T.request.addInfoKeyN.notes,
    }),
    param({
      name: 'addInfoN',
      type: 'string',
      indexed: { min: 1, max: 5 },
      family: 'additionalTagValue',
      constraints: additionalTagConstraints,
      sources: ['[PAY]', '[PAYS]'],
      description: T.request.addInfoN.description,
      example: 'value1',
      notes: T.request.addInfoN.notes,
    }),
    autoClose,
    hideRetry,
    param({ name: 'tipEnabled', type: 'boolean', provenance: 'nexi-sample', sources: ['[GH-DEMO]'], description: T.request.tipEnabled.description, example: 'false' }),
    param({
      name: 'tipAmount',
      type: 'int-cents',
      constraints: { text: T.request.tipAmount.constraint, min: 0, max: maxIntAmount },
      provenance: 'nexi-sample',
      sources: ['[GH-DEMO]'],
      description: T.request.tipAmount.description,
      example: '0',
    }),
    param({
      ...terminalId,
      required: false,
      sources: ['[PAYS]'],
      // spec §1 [PAYS]: payment takes no TID.
      ignoredReason: T.request.paymentTerminalId.ignoredReason,
      description: T.request.paymentTerminalId.description,
    }),
  ],
  response: paymentLikeResponse('PAYMENT'),
});

const reversal = operation({
  name: 'reversal',
  title: T.operations.reversal.title,
  description: T.operations.reversal.description,
  scope: 'both',
  operationTypes: ['REVERSAL'],
  sources: ['[REV]', '[REVS]', '[REVL]', '[REVM]', '[REVC]', '[GH-DEMO]'],
  request: [
    param({ ...amount, description: T.request.reversalAmount.description }),
    callerTrxId,
    sendTicket,
    urlTicket,
    param({
      name: 'timestamp',
      type: 'timestamp',
      required: true,
      constraints: { text: T.request.timestamp.constraint },
      sources: ['[REV]', '[REVC]', '[GH-DEMO]'],
      description: T.request.timestamp.description,
      example: '0912202317',
      notes: T.request.timestamp.notes,
      interpret: 'approvedOnly',
    }),
    param({ ...terminalId, description: T.request.reversalTerminalId.description }),
    callerName,
    uri,
    email,
    sms,
    param({ ...autoClose, defaultNote: T.request.autoClose.reversalDefaultNote, sources: ['[REV]', '[REVC]'] }),
    param({ ...hideRetry, default: undefined, defaultNote: T.request.hideRetry.reversalDefaultNote, sources: ['[REV]'] }),
  ],
  response: paymentLikeResponse('REVERSAL'),
});

const lastTransaction = operation({
  name: 'last_transaction',
  title: T.operations.last_transaction.title,
  description: T.operations.last_transaction.description,
  scope: 'both',
  operationTypes: ['LAST_TRANSACTION'],
  sources: ['[LTS]', '[GLT]', '[RECON]', '[GH-DEMO]'],
  request: [callerName, param({ ...terminalId, description: T.request.lastTransactionTerminalId.description }), callerTrxId, uri],
  response: [
    resCallerTrxId,
    param({ ...amount, sources: ['[LTS]', '[GLT]'], description: T.response.lastTransactionAmount.description, constraints: undefined }),
    param({
      name: 'operationType',
      type: 'enum',
      values: ['LAST_TRANSACTION'],
      required: true,
      sources: ['[LTS]'],
      description: T.response.lastTransactionOperationType.description,
      interpret: 'operationType',
    }),
    param({ name: 'terminalType', type: 'enum', values: ['MPOS', 'SOFTPOS'], required: true, sources: ['[LTS]'], description: T.response.terminalType.description, interpret: 'terminalType' }),
    param({ ...resResult, sources: ['[LTS]', '[GLT]'], description: T.response.lastTransactionResult.description, valueLegend: undefined }),
    param({ ...receiptKeys, required: true, scope: 'both', description: T.response.lastTransactionReceiptKeys.description }),
    resTipAmount,
    resTotalAmount,
  ],
});

const accountingClosure = operation({
  name: 'accounting_closure',
  title: T.operations.accounting_closure.title,
  description: T.operations.accounting_closure.description,
  scope: 'mobilepos',
  operationTypes: ['ACCOUNTING_CLOSURE', 'ACCOUNTING_CLOSE'],
  sources: ['[ACC]', '[CLS]', '[GH-DEMO]'],
  request: [callerTrxId, callerName, uri].map((p) => ({ ...p, scope: 'mobilepos' as const })),
  response: [
    param({ ...resCallerTrxId, scope: 'mobilepos' }),
    param({
      name: 'operationType',
      type: 'enum',
      values: ['ACCOUNTING_CLOSURE', 'ACCOUNTING_CLOSE'],
      required: true,
      scope: 'mobilepos',
      sources: ['[ACC]', '[CLS]'],
      description: T.response.accountingClosureOperationType.description,
      interpret: 'operationType',
    }),
    param({ ...resResult, scope: 'mobilepos', sources: ['[ACC]'], description: T.response.accountingClosureResult.description, valueLegend: undefined }),
    param({ name: 'hostTotal', type: 'int-cents', scope: 'mobilepos', sources: ['[ACC]'], description: T.response.hostTotal.description }),
    param({ name: 'terminalTotal', type: 'int-cents', scope: 'mobilepos', sources: ['[ACC]'], description: T.response.terminalTotal.description }),
  ],
});

/** The four operations with their literal types: the builder's input types are derived from them. */
export const catalogOperations = [payment, reversal, lastTransaction, accountingClosure] as const;

export const operations: readonly OperationSpec[] = catalogOperations;

// Response layouts (spec §3.5, §4.4, §5.2, §6.2): the keys of each kind of result in the order of Nexi's published
// examples, with when each is present and whether the examples percent-encode it. `from` names a value the
// simulator computes for the transaction (one value, consistent across keys); `constant` is written as is.

/** The layouts: MobilePOS payment/reversal, SoftPOS payment/reversal, the last-transaction enquiry, the closure. */
export type LayoutId = 'mobilepos' | 'softpos' | 'last_transaction' | 'accounting_closure';

/** When a layout field is present (all listed conditions must hold). */
export type LayoutCondition =
  /** The transaction reached the host: approved or declined. */
  | 'reachedHost'
  | 'notReachedHost'
  | 'approved'
  /** Accounting closure performed (result 0). */
  | 'performed'
  /** The enquiry found a last transaction (result 0). */
  | 'found'
  /** result -30 with a SoftPOS error. */
  | 'softPosError'
  /** The request did not set urlTicket=false. */
  | 'receiptLinkWanted';

/** Values of one simulated transaction a layout can name. */
export type LayoutValue =
  | 'result'
  | 'amount'
  | 'amount12'
  | 'enquiryAmount12'
  | 'callerTrxId'
  | 'operationType'
  | 'actionCode'
  | 'maskedPan'
  | 'last4'
  | 'transactionType'
  | 'entryLabel'
  | 'ddMMyyHHmm'
  | 'resultDescription'
  | 'stan'
  | 'rrn'
  | 'authorizationNumber'
  | 'operationNumber'
  | 'acquirerName'
  | 'merchantId'
  | 'terminalId'
  | 'terminalType'
  | 'receiptLink'
  | 'softPosError'
  | 'total'
  | 'HHmmss'
  | 'MMdd'
  | 'HHcolonMM'
  | 'ddSlashMMSlashYyyy'
  | 'iso8601'
  | 'f55'
  | 'ct123'
  | 'messageType'
  | 'aid'
  | 'cardProduct'
  | 'scheme';

export interface LayoutField {
  readonly key: string;
  readonly from?: LayoutValue;
  readonly constant?: string;
  readonly when?: readonly LayoutCondition[];
  /** The published examples percent-encode this value. */
  readonly encoded?: boolean;
}

const softposMerchant = 'NEXI SOFTPOS OPERATION';
const softposAddress = 'C.SO SEMPIONE 55, 20145, MILANO (MI)';

// The published SoftPOS example's receipt keys, in its order, unencoded as Nexi sends them (spec §3.5, §13).
const softposReceipt: readonly LayoutField[] = (
  [
    { key: 'f30', from: 'amount12' },
    { key: 'F42', constant: '1000000595940' },
    { key: 'f12', from: 'HHmmss' },
    { key: 'f11', from: 'stan' },
    { key: 'f55', from: 'f55' },
    { key: 'CT121', constant: softposAddress },
    { key: 'f13', from: 'MMdd' },
    { key: 'CT120', constant: softposMerchant },
    { key: 'f38', from: 'authorizationNumber', when: ['approved'] },
    { key: 'f37', from: 'rrn' },
    { key: 'f39', from: 'actionCode' },
    { key: 'CT118', constant: '978' },
    { key: 'CT117', constant: 'Online' },
    { key: 'CT115', from: 'entryLabel' },
    { key: 'CT114', constant: 'NEXI Core' },
    { key: 'CT112', from: 'maskedPan' },
    { key: 'CT111', constant: '0' },
    { key: 'acquirerId', constant: '909517' },
    { key: 'CT119', constant: 'Grazie e arrivederci' },
    { key: 'f41', from: 'terminalId' },
    { key: 'f43', constant: `${softposMerchant} ${softposAddress}` },
    { key: 'f42', constant: '1000000595940' },
    { key: 'CT110', from: 'iso8601' },
    { key: 'f04', from: 'amount12' },
    { key: 'CT107', from: 'HHcolonMM' },
    { key: 'CT106', from: 'ddSlashMMSlashYyyy' },
    { key: 'CT105', from: 'messageType' },
    { key: 'CT104', constant: `${softposMerchant} ${softposAddress}` },
    { key: 'CT103', from: 'rrn' },
    { key: 'CT102', from: 'aid' },
    { key: 'CT123', from: 'ct123' },
    { key: 'CT100', from: 'last4' },
    { key: 'CT109', from: 'cardProduct' },
    { key: 'CT108', from: 'scheme' },
  ] as const satisfies readonly LayoutField[]
).map((f): LayoutField => ({ ...f, when: ['reachedHost', ...('when' in f ? f.when : [])] }));

/** Every response layout, keys in the published order. Request parameters with `echoedIn` follow at the end. */
export const responseLayouts: Readonly<Record<LayoutId, readonly LayoutField[]>> = {
  // [PAYS] payment response order; the reversal example ([REV] mPOS) uses the same fields. spec §3.4 [REV]: pan,
  // transactionType, timestamp and authorizationNumber are "set only for approved transactions (null otherwise)";
  // a declined result leaves them out (the footnote's "approved or denied" disagrees, §16.12: the rows' rule is the
  // stricter one). The examples percent-encode the padded fields and the receipt URL, not the description.
  mobilepos: [
    { key: 'result', from: 'result' },
    { key: 'amount', from: 'amount' },
    { key: 'callerTrxId', from: 'callerTrxId' },
    { key: 'operationType', from: 'operationType' },
    { key: 'actionCode', from: 'actionCode', when: ['reachedHost'] },
    { key: 'pan', from: 'maskedPan', when: ['reachedHost', 'approved'] },
    { key: 'transactionType', from: 'transactionType', when: ['reachedHost', 'approved'] },
    { key: 'timestamp', from: 'ddMMyyHHmm', when: ['reachedHost', 'approved'] },
    { key: 'resultDescription', from: 'resultDescription', when: ['reachedHost'] },
    { key: 'cardTypeCVM', constant: '2', when: ['reachedHost'] },
    { key: 'acquirerId', constant: '00000000003', when: ['reachedHost'] },
    { key: 'stan', from: 'stan', when: ['reachedHost'] },
    { key: 'operationNumber', from: 'operationNumber', when: ['reachedHost'] },
    { key: 'acquirerName', from: 'acquirerName', when: ['reachedHost'], encoded: true },
    { key: 'terminalId', from: 'terminalId', when: ['reachedHost'] },
    { key: 'merchantId', from: 'merchantId', when: ['reachedHost'], encoded: true },
    { key: 'authorizationNumber', from: 'authorizationNumber', when: ['reachedHost', 'approved'] },
    { key: 'terminalId', from: 'terminalId', when: ['notReachedHost'] },
    { key: 'urlTicket', from: 'receiptLink', when: ['approved', 'receiptLinkWanted'], encoded: true },
  ],
  // The published SoftPOS example's keys and order.
  softpos: [
    { key: 'operationType', from: 'operationType' },
    { key: 'callerTrxId', from: 'callerTrxId' },
    { key: 'result', from: 'result' },
    { key: 'amount', from: 'amount12' },
    ...softposReceipt,
    { key: 'softPosError', from: 'softPosError', when: ['softPosError'] },
    { key: 'terminalId', from: 'terminalId' },
  ],
  // spec §5.2: result 0 with the receipt of the last transaction, or -41 when there is none.
  last_transaction: [
    { key: 'operationType', from: 'operationType' },
    { key: 'callerTrxId', from: 'callerTrxId' },
    { key: 'result', from: 'result' },
    { key: 'amount', from: 'enquiryAmount12' },
    { key: 'terminalType', from: 'terminalType' },
    ...softposReceipt.map((f): LayoutField => ({ ...f, when: ['found', ...(f.when ?? [])] })),
    { key: 'terminalId', from: 'terminalId' },
  ],
  // spec §6.2 / [CLS] example order; totals only when the closure was performed.
  accounting_closure: [
    { key: 'result', from: 'result' },
    { key: 'hostTotal', from: 'total', when: ['performed'] },
    { key: 'terminalTotal', from: 'total', when: ['performed'] },
    { key: 'callerTrxId', from: 'callerTrxId' },
    { key: 'operationType', from: 'operationType' },
  ],
};

/** A catalog and the indexes every lookup needs, built once per catalog. */
interface IndexedCatalog {
  readonly operations: readonly OperationSpec[];
  readonly byName: ReadonlyMap<string, OperationSpec>;
  readonly byType: ReadonlyMap<string, OperationSpec>;
  readonly requestKeys: ReadonlySet<string>;
  readonly responseOnlyKeys: ReadonlySet<string>;
  readonly interpretationByName: ReadonlyMap<string, InterpretationKind>;
}

function indexCatalog(list: readonly OperationSpec[]): IndexedCatalog {
  // Upper-case operationType value → operation; the first operation listing a value wins, as a linear search would.
  const byType = new Map<string, OperationSpec>();
  for (const o of list) for (const t of o.operationTypes) if (!byType.has(t)) byType.set(t, o);
  const requestKeys = new Set(list.flatMap((o) => expandNames(o.request)));
  const responseOnlyKeys = new Set(list.flatMap((o) => expandNames(o.response)).filter((k) => !requestKeys.has(k)));
  const interpretationByName = new Map<string, InterpretationKind>();
  for (const o of list) for (const s of [...o.request, ...o.response]) if (s.interpret && !interpretationByName.has(s.name)) interpretationByName.set(s.name, s.interpret);
  return { operations: list, byName: new Map(list.map((o) => [o.name, o])), byType, requestKeys, responseOnlyKeys, interpretationByName };
}

let active: IndexedCatalog | undefined;
const indexed = new WeakMap<readonly OperationSpec[], IndexedCatalog>();

function catalog(): IndexedCatalog {
  return (active ??= indexCatalog(operations));
}

/**
 * Runs `fn` with `list` as the catalog every feature reads (builder, validator, completion, hover, explain,
 * simulator), then restores the previous one, also when `fn` throws. Tests use it to prove that a parameter added
 * to the catalog alone reaches every feature; the extension and the CLI always use `operations`.
 */
export function withCatalog<T>(list: readonly OperationSpec[], fn: () => T): T {
  const previous = catalog();
  let next = indexed.get(list);
  if (!next) indexed.set(list, (next = indexCatalog(list)));
  active = next;
  try {
    return fn();
  } finally {
    active = previous;
  }
}

/** The operations of the catalog in use (`operations` unless a test runs `withCatalog`). */
export function catalogInUse(): readonly OperationSpec[] {
  return catalog().operations;
}

/** The operation whose authority is exactly `authority` (case-sensitive, as Android intent filters are). */
export function findOperation(authority: string): OperationSpec | undefined {
  return catalog().byName.get(authority);
}

/**
 * `findOperation(text.slice(start, end))` without making the slice: the scanner asks this for the host of every
 * web URL in a log.
 */
export function findOperationIn(text: string, start: number, end: number): OperationSpec | undefined {
  for (const o of catalog().operations) if (o.name.length === end - start && text.startsWith(o.name, start)) return o;
  return undefined;
}

/** The operation a result's `operationType` value names (`PAYMENT`, `ACCOUNTING_CLOSE`, …). */
export function findOperationByType(operationType: string): OperationSpec | undefined {
  return catalog().byType.get(operationType.trim().toUpperCase());
}

/** How the catalog interprets a key by its name alone (for keys of URIs whose operation or side is unknown). */
export function interpretationOf(name: string): InterpretationKind | undefined {
  return catalog().interpretationByName.get(name);
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
  // Asked for every field of every URI of a log, with few distinct keys: each answer is made once per list of specs
  // and shared (a match is read-only). Bounded: keys come from input.
  let known = list === lastList ? lastMatches : matchCache.get(list);
  if (known === undefined) matchCache.set(list, (known = new Map()));
  lastList = list;
  lastMatches = known;
  let match = known.get(key);
  if (match === undefined) {
    match = matchParameter(list, key) ?? null;
    if (known.size >= 1024) known.clear();
    known.set(key, match);
  }
  return match ?? undefined;
}

const matchCache = new WeakMap<readonly ParameterSpec[], Map<string, ParameterMatch | null>>();
// The list asked last and its matches: a URI's fields are all looked up in one list.
let lastList: readonly ParameterSpec[] | undefined;
let lastMatches: Map<string, ParameterMatch | null> | undefined;

function matchParameter(list: readonly ParameterSpec[], key: string): ParameterMatch | undefined {
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
  return catalog().operations.filter((o) => o !== except && findParameter(o, direction, key) !== undefined);
}

/** True for keys that only results carry (`result`, `operationType`, receipt keys…), never requests. */
export function isResponseOnlyKey(key: string): boolean {
  return catalog().responseOnlyKeys.has(key) || isReceiptKey(key);
}

/** Every concrete key any request or response may carry (receipt keys excepted): the scanner's notion of "known". */
export function isKnownKey(key: string): boolean {
  const c = catalog();
  return c.requestKeys.has(key) || c.responseOnlyKeys.has(key) || isReceiptKey(key);
}

// The catalog in the current locale. Specs hold the English text of `catalogText`, and the bundles are keyed by
// English text, so a spec's sentence is translated by looking it up: a spread spec that overrides one text (the
// reversal's `amount`) finds its own translation. Registering the table lets the completeness tests walk it.
translated('app2app.catalog', catalogText);

// Looked-up texts per bundle (a hover or a decoded log asks for the same descriptions over and over); keyed by the
// bundle object, so a bundle read again (another l10n root) starts afresh.
const proseCache = new WeakMap<object, Map<string, string>>();

/** The current locale's wording of a text of `catalogText` (texts without a translation are returned as they are). */
export function catalogProse(text: string): string {
  if (inSourceLocale()) return text;
  const bundle = bundleOf(getLocale());
  let cache = proseCache.get(bundle);
  if (!cache) proseCache.set(bundle, (cache = new Map()));
  let prose = cache.get(text);
  if (prose === undefined) cache.set(text, (prose = tableText(text)));
  return prose;
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
  if (inSourceLocale()) return spec;
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
  if (inSourceLocale()) return operation;
  return { ...operation, title: operationTitle(operation), description: operationDescription(operation) };
}
