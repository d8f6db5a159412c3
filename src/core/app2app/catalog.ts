// The App2App operation catalog: every request and response parameter of the four Nexi POS operations, as
// one table. The builder, the validator, completions, hovers and the docs all read it; protocol knowledge
// belongs here, not in `if` chains elsewhere. Source of truth: the fact sheet (spec §1–8, §12, §16).

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

// spec §3.2: allowed characters of additional tags: digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }.
// "Letters" is read as ASCII letters [inference, spec §16.3].
const additionalTagChar = /[0-9A-Za-z!$%&()*+\-./:;<=>?@[\]^_{}]/;
const additionalTagConstraints: ParameterConstraints = {
  text: '1–30 characters: digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }',
  minLength: 1,
  maxLength: 30,
  allowedChar: additionalTagChar,
  allowedText: 'digits, letters and ! $ % & ( ) * + - . / : ; < = > ? @ [ ] ^ _ { }',
};

// Request parameters shared by several operations. Operation tables below spread them and override what differs.
const amount: ParameterSpec = {
  name: 'amount',
  type: 'int-cents',
  required: true,
  constraints: { text: 'positive integer number of euro cents (1 = €0.01, 150 = €1.50); no maximum documented', min: 1 },
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: 'Amount in euro cents.',
  example: '150',
};
const callerName: ParameterSpec = {
  name: 'callerName',
  type: 'string',
  required: true,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: 'Label of the "Torna a …" (back to …) button that returns to the calling app.',
  example: 'MyShop',
  notes: ['No length limit documented (spec §16.8).'],
};
const callerTrxId: ParameterSpec = {
  name: 'callerTrxId',
  type: 'string',
  required: true,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: "The caller's own reference for this request; echoed in the result.",
  example: 'order-1',
  notes: ['No length, charset or uniqueness rule documented (spec §16.8); checkTransaction looks transactions up by it.'],
};
const email: ParameterSpec = {
  name: 'email',
  type: 'email',
  required: false,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: 'Pre-fills the e-mail field of the "send receipt" screen.',
  example: 'name.surname%40domain.it',
  notes: ['Format not specified; the name cell is missing in the current table (spec §16.2).'],
};
const sms: ParameterSpec = {
  name: 'sms',
  type: 'phone',
  required: false,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: 'Pre-fills the phone field of the "send receipt" screen.',
  example: '3344556951',
  notes: ['Format not specified; the example has no country prefix (spec §16.2).'],
};
const sendTicket: ParameterSpec = {
  name: 'sendTicket',
  type: 'boolean',
  required: false,
  default: 'true',
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: 'Shows the "send receipt" button on the result screen.',
  example: 'false',
  notes: ['Cannot be true together with autoClose=true: Nexi POS answers result -21 (spec §3.3).'],
};
const urlTicket: ParameterSpec = {
  name: 'urlTicket',
  type: 'boolean',
  required: false,
  default: 'true',
  scope: 'mobilepos',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: 'Asks for a link to the receipt image in the result (MobilePOS only).',
  example: 'true',
  notes: ['SoftPOS does not return urlTicket even when requested [REVS]; the effect of sending it is not stated (spec §16.6).'],
};
const uri: ParameterSpec = {
  name: 'uri',
  type: 'uri',
  required: true,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]', '[LTS]', '[ACC]'],
  description: 'Return URI: Nexi POS opens it with the result fields appended as query parameters.',
  example: 'myapp%3A%2F%2Fpayment',
  notes: ['Percent-encode it as Uri.Builder does (`demonexi%3A%2F%2Fpayment`).'],
};
const autoClose: ParameterSpec = {
  name: 'autoClose',
  type: 'boolean',
  required: false,
  default: 'false',
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[REV]'],
  description: 'Returns to the caller automatically after non-retryable outcomes, without result-screen buttons.',
  example: 'true',
  notes: ['Requires sendTicket=false, otherwise result -21 (spec §3.3).', 'No effect on retryable outcomes (cancelled, timeout, wrong PIN).'],
};
const hideRetry: ParameterSpec = {
  name: 'hideRetry',
  type: 'boolean',
  required: false,
  default: 'false',
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[PAY]', '[CHG]'],
  description: 'Hides the "Retry" button for timeout, cancelled transaction and wrong PIN.',
  example: 'true',
  notes: ['The change log says "for denied transactions" instead (spec §16.5).'],
};
const terminalId: ParameterSpec = {
  name: 'terminalId',
  type: 'terminalId',
  required: true,
  constraints: { text: '8 digits in every example (not documented as a rule)' },
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[REV]', '[LTS]'],
  description: 'Terminal ID (TID): the SoftPOS TID for SoftPOS operations, the mPOS TID for mPOS operations.',
  example: '12345678',
};

// Response parameters shared by several operations.
const resCallerTrxId: ParameterSpec = {
  ...callerTrxId,
  sources: ['[REV]', '[REVS]', '[LTS]', '[ACC]'],
  description: 'Echo of the request callerTrxId.',
  notes: undefined,
};
const resResult: ParameterSpec = {
  name: 'result',
  type: 'int',
  required: true,
  scope: 'both',
  provenance: 'nexi-documented',
  sources: ['[REV]', '[ERR]'],
  description: 'Outcome code (0 = approved/performed); see the result-code table (spec §9).',
  example: '0',
};
const receiptKeys: ParameterSpec = {
  name: 'receipt keys (CTxxx, fNN, F42, 9F14, ATAGSRECEIPT)',
  type: 'string',
  required: false,
  scope: 'softpos',
  provenance: 'nexi-documented',
  sources: ['[RCPT]', '[REVC]', '[GLT]'],
  description: 'Receipt fields, one query parameter per key; see the receipt-key table.',
  family: 'receiptKey',
  notes: ['Several keys (CT109–CT123, f55, F42, 9F14, ATAGSRECEIPT) are undocumented (spec §13.2).', 'Values are often unencoded and may contain spaces, commas and `+` (spec §2.2).'],
};
const resTipAmount: ParameterSpec = {
  name: 'tipAmount',
  type: 'int-cents',
  required: false,
  scope: 'both',
  provenance: 'nexi-sample',
  sources: ['[GH-DEMO]'],
  description: 'Tip amount in cents, read by the demo apps; undocumented.',
};
const resTotalAmount: ParameterSpec = {
  ...resTipAmount,
  name: 'totalAmount',
  description: 'Total amount in cents, read by the demo apps; undocumented.',
};

// spec §3.4: payment and reversal share the response set; `*` = approved or denied only, `**` = depends on
// urlTicket, `***` = MobilePOS only.
function paymentLikeResponse(operationType: string): readonly ParameterSpec[] {
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
      description: `Operation that produced the result (\`${operationType}\`).`,
    },
    resResult,
    {
      ...amount,
      sources: ['[REVS]'],
      description: 'Amount in cents: mPOS echoes it as sent, SoftPOS returns 12 zero-padded digits (same as f30).',
      notes: ['For reversals it is the requested amount, not the amount actually reversed [REVS].'],
      constraints: undefined,
    },
    {
      name: 'actionCode',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]'],
      description: 'Host response code (ISO 8583 field 39); `000` = approved. Present for approved or denied transactions.',
    },
    {
      name: 'pan',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]'],
      description: 'Masked card number, last 4 digits in clear (approved transactions).',
    },
    {
      name: 'transactionType',
      type: 'enum',
      values: ['ICC', 'MAG', 'CLI'],
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]'],
      description: 'Card technology: ICC = chip, MAG = magnetic stripe, CLI = contactless (approved transactions).',
    },
    {
      name: 'authorizationNumber',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]', '[REVL]'],
      description: 'Authorisation code (approved transactions).',
    },
    {
      name: 'timestamp',
      type: 'timestamp',
      required: false,
      scope: 'both',
      provenance: 'nexi-documented',
      sources: ['[REV]'],
      description: 'Date and time of the transaction, ddMMyyHHmm (approved transactions).',
    },
    {
      name: 'resultDescription',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: 'Free-text outcome, e.g. empty or `TRANSAZIONE APPROVATA`; often not percent-encoded.',
    },
    {
      name: 'cardTypeCVM',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: 'Undocumented; the only value seen is `2` (spec §11). Treat as opaque.',
    },
    {
      name: 'acquirerId',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: 'Acquirer code: 11 digits on mPOS (`00000000003`), 6 on SoftPOS (`909517`).',
    },
    {
      name: 'stan',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: 'System trace audit number, 6 digits.',
    },
    {
      name: 'operationNumber',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples'],
      description: 'Operation counter, 6 digits.',
    },
    {
      name: 'acquirerName',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples', '[PAYS]'],
      description: 'Acquirer label; may be right-padded with blanks to 16 characters.',
    },
    {
      ...terminalId,
      required: false,
      provenance: 'undocumented',
      sources: ['examples'],
      description: 'Terminal ID used for the transaction.',
      constraints: undefined,
    },
    {
      name: 'merchantId',
      type: 'string',
      required: false,
      scope: 'both',
      provenance: 'undocumented',
      sources: ['examples', '[PAYS]'],
      description: 'Merchant code; may be right-padded with blanks to 15 characters.',
    },
    {
      name: 'urlTicket',
      type: 'url',
      required: false,
      scope: 'mobilepos',
      provenance: 'nexi-documented',
      sources: ['[REVS]', 'examples'],
      description: 'Link to the receipt image; only when requested with urlTicket=true, MobilePOS only.',
    },
    {
      name: 'softPosError',
      type: 'string',
      required: false,
      scope: 'softpos',
      provenance: 'nexi-documented',
      sources: ['[REV]', '[ERR]'],
      description: 'SoftPOS-specific error `X-Y-Z`, only with result=-30; its parts are undocumented (spec §9.3).',
    },
    {
      name: 'autoClose',
      type: 'boolean',
      required: false,
      scope: 'softpos',
      provenance: 'undocumented',
      sources: ['[REV]', '[FAQ partial deeplink]'],
      description: 'Echo of the autoClose request flag, seen in SoftPOS results; undocumented.',
    },
    receiptKeys,
    resTipAmount,
    resTotalAmount,
  ];
}

export const operations: readonly OperationSpec[] = [
  {
    name: 'payment',
    title: 'Payment',
    description: 'Charges a card on the TID last selected in Nexi POS.',
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
      { ...uri, notes: ['Mandatory on the current [PAY] page, optional on the older rendering (spec §16.1).', ...(uri.notes ?? [])] },
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
        description: 'Key of the N-th additional tag (N = 1…5), paired with addInfoN; echoed in the result and on the receipt.',
        example: 'key1',
        notes: ['Keys must be unique; a repeated key is ignored (spec §3.2).', 'What Nexi POS does with an invalid pair is not documented (spec §16.3).'],
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
        description: 'Value of the N-th additional tag (N = 1…5), paired with addInfoKeyN.',
        example: 'value1',
        notes: [
          'Legacy form (older [PAY], [PAYS], SDK 1.2.5): addInfo1…addInfo5 without keys, the values of tags DF8001…DF8005, max 30 characters.',
          'Whether the legacy form is still accepted is not documented (spec §16.3).',
        ],
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
        description: 'Sent by the official demo apps; not described on any portal page.',
        example: 'false',
      },
      {
        name: 'tipAmount',
        type: 'int-cents',
        required: false,
        constraints: { text: 'integer number of euro cents [sample code]', min: 0 },
        scope: 'both',
        provenance: 'nexi-sample',
        sources: ['[GH-DEMO]'],
        description: 'Tip in cents, sent by the official demo apps; not described on any portal page.',
        example: '0',
      },
      {
        ...terminalId,
        required: false,
        sources: ['[PAYS]'],
        // spec §1 [PAYS]: payment takes no TID.
        ignoredReason: 'Nexi POS uses the TID last selected in the app.',
        description: 'Not a payment parameter: Nexi POS uses the TID last selected in the app.',
      },
    ],
    response: paymentLikeResponse('PAYMENT'),
  },
  {
    name: 'reversal',
    title: 'Reversal',
    description: 'Voids a transaction; on SoftPOS always the last reversible transaction of the month.',
    scope: 'both',
    operationTypes: ['REVERSAL'],
    sources: ['[REV]', '[REVS]', '[REVL]', '[REVM]', '[REVC]', '[GH-DEMO]'],
    request: [
      { ...amount, description: 'Amount in euro cents of the transaction to reverse.' },
      callerTrxId,
      sendTicket,
      urlTicket,
      {
        name: 'timestamp',
        type: 'timestamp',
        required: true,
        constraints: { text: 'ddMMyyHHmm, 24-hour clock; time zone not stated (spec §12, §16.7)' },
        scope: 'both',
        provenance: 'nexi-documented',
        sources: ['[REV]', '[REVC]', '[GH-DEMO]'],
        description: 'Date and time of the reversal request, ddMMyyHHmm (the demos send the current time).',
        example: '0912202317',
        notes: ['One sample passes epoch milliseconds instead (spec §12).'],
      },
      { ...terminalId, description: 'TID on which the transaction to reverse was made (SoftPOS TID for SoftPOS, mPOS TID for mPOS).' },
      callerName,
      uri,
      email,
      sms,
      { ...autoClose, defaultNote: 'Not stated on the portal; the Cloud SDK defaults to false.', sources: ['[REV]', '[REVC]'] },
      { ...hideRetry, default: undefined, defaultNote: 'Not stated.', sources: ['[REV]'] },
    ],
    response: paymentLikeResponse('REVERSAL'),
  },
  {
    name: 'last_transaction',
    title: 'Last transaction',
    description: 'Returns the last transaction made on a TID, with all receipt fields (Android only).',
    scope: 'both',
    operationTypes: ['LAST_TRANSACTION'],
    sources: ['[LTS]', '[GLT]', '[RECON]', '[GH-DEMO]'],
    request: [
      callerName,
      { ...terminalId, description: 'TID whose last transaction is wanted.' },
      callerTrxId,
      uri,
    ],
    response: [
      resCallerTrxId,
      {
        ...amount,
        sources: ['[LTS]', '[GLT]'],
        description: 'Amount of the last transaction in cents, 12 zero-padded digits like receipt key f30.',
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
        description: 'Always `LAST_TRANSACTION`.',
      },
      {
        name: 'terminalType',
        type: 'enum',
        values: ['MPOS', 'SOFTPOS'],
        required: true,
        scope: 'both',
        provenance: 'nexi-documented',
        sources: ['[LTS]'],
        description: 'Product that made the transaction: `MPOS` or `SOFTPOS`.',
      },
      { ...resResult, sources: ['[LTS]', '[GLT]'], description: 'Outcome: 0 = success, -41 = empty or missing receipt.' },
      { ...receiptKeys, required: true, scope: 'both', description: 'Every receipt field, one query parameter per key.' },
      resTipAmount,
      resTotalAmount,
    ],
  },
  {
    name: 'accounting_closure',
    title: 'Accounting closure',
    description: 'Closes the accounting session and returns host and terminal totals (MobilePOS only).',
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
        description: 'The table says `ACCOUNTING_CLOSE`, the example `ACCOUNTING_CLOSURE` (spec §16.19).',
      },
      { ...resResult, scope: 'mobilepos', sources: ['[ACC]'], description: 'Outcome: 0 = closure performed, -12 = not performed.' },
      {
        name: 'hostTotal',
        type: 'int-cents',
        required: false,
        scope: 'mobilepos',
        provenance: 'nexi-documented',
        sources: ['[ACC]'],
        description: 'Total received from the bank, in euro cents (only when the closure was performed).',
      },
      {
        name: 'terminalTotal',
        type: 'int-cents',
        required: false,
        scope: 'mobilepos',
        provenance: 'nexi-documented',
        sources: ['[ACC]'],
        description: 'Total stored in the terminal, in euro cents (only when the closure was performed).',
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
