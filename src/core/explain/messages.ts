// Every sentence the explainer writes, as whole templates (`{name}` placeholders) so a translation replaces
// the table, not code. Diagnostic codes of result URIs (A2R…) live here too.
import type { Severity } from '../types';

export const explainMessages = {
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
  tags: '{count} additional tag(s): {tags}.',
  tlvSummary: '{count} EMV data object(s): {tags}.',
  tlvProblems: 'Malformed EMV data: {count} problem(s) (decoded as far as possible).',
  tlvRecovered: 'recovered after damaged data (best effort)',
  tlvTruncated: 'value shorter than its declared length',
  emvUnknownTag: 'Unknown tag',
  opaque: 'Meaning not documented; shown as is.',
  cardTypeCVM: 'No Nexi page defines this field; every example shows 2. In Nexi\'s ECR17 terminal protocol card type 2 means credit card, which may be its origin (inferred). Treat it as opaque.',
  empty: 'Empty value.',
  operationTypeMismatch: 'operationType {value} does not match the {authority} authority.',

  // Summary pieces.
  summaryResult: '{operation} {outcome}: {meaning}',
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
  summaryProblems: '{errors} error(s) and {warnings} warning(s) found',
  summaryUnknownOperation: 'App2App {kind} URI (operation not recognised)',
  outcome: { success: 'succeeded', cancelled: 'was cancelled', declined: 'was declined', error: 'failed', unknown: 'has an undocumented result' },
  operationTitle: { payment: 'Payment', reversal: 'Reversal', last_transaction: 'Last-transaction enquiry', accounting_closure: 'Accounting closure' },
} as const;

export interface ResultDiagnosticInfo {
  readonly severity: Severity;
  readonly message: string;
}

/** Diagnostics of result URIs (requests use the validator's A2A codes). */
export const resultDiagnosticCodes = {
  A2R001: { severity: 'error', message: 'Unmasked card number in {key}: a full PAN must never appear in a URI or a log (PCI DSS). Mask all but the last four digits.' },
  A2R002: { severity: 'info', message: 'result {value} is not documented by Nexi: {meaning}' },
  A2R003: { severity: 'warning', message: '{key} "{value}" is not a whole number of minor units.' },
  A2R004: { severity: 'warning', message: '{key} "{value}" is not a real date/time in the {format} format.' },
  A2R005: { severity: 'warning', message: 'operationType {value} does not match the {authority} authority of the URI.' },
  A2R006: { severity: 'warning', message: 'result is missing: every Nexi result URI carries it (spec §3.4).' },
} as const satisfies Record<string, ResultDiagnosticInfo>;

export type ResultDiagnosticCode = keyof typeof resultDiagnosticCodes;
