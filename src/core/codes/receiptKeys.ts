// Receipt data keys returned in the result deep link (spec §13): the documented ones of [RCPT] (§13.1)
// and those only seen in examples, whose meanings are the fact sheet's inference (§13.2).
// Keys are case-sensitive: `f42` and `F42` are distinct keys carrying the same value (reference §0.6).

import { overlay } from '../l10n';
import type { Provenance } from '../types';
import type { SpecSourceTag } from './sources';
import { builtPerLocale } from './text';

/** How a value should be decoded and shown; adapters dispatch on it. */
export type ReceiptValueKind =
  | 'pan-last4'
  | 'masked-pan'
  | 'batch-number'
  | 'aid'
  | 'reference'
  | 'text'
  | 'transaction-type'
  | 'date-dd/MM/yyyy'
  | 'time-HH:mm'
  | 'time-HHmmss'
  | 'date-MMdd'
  | 'timestamp-iso8601'
  | 'card-brand'
  | 'amount'
  | 'stan'
  | 'approval-code'
  | 'action-code'
  | 'terminal-id'
  | 'merchant-id'
  | 'tlv'
  | 'currency'
  | 'tag-list'
  | 'opaque';

export interface ReceiptKey {
  readonly key: string;
  /** Short label for tree items and hover titles. */
  readonly label: string;
  /** One or two sentences for a hover. */
  readonly meaning: string;
  /** ISO-like notation or layout of the value (`n 12`, `dd/MM/yyyy`, `hex BER-TLV`). */
  readonly format: string;
  /** Best reading of the maximum length, when there is one. */
  readonly maxLength?: number;
  /** Why maxLength is uncertain (the [RCPT] table glues example and max-length cells, spec §13.1). */
  readonly maxLengthNote?: string;
  /** An example value as published. */
  readonly example?: string;
  readonly valueKind: ReceiptValueKind;
  /** The ISO 8583 data element the key is named after (`f39` → 39). */
  readonly iso8583Field?: number;
  readonly provenance: Provenance;
  readonly sources: readonly SpecSourceTag[];
}

const rcpt: readonly SpecSourceTag[] = ['[RCPT]'];
// §13.2 keys come from the published SoftPOS reversal response [REV], [REVC].
const example: readonly SpecSourceTag[] = ['[REV]', '[REVC]'];
const sample: readonly SpecSourceTag[] = ['[GH-DEMO]'];

/**
 * Every known receipt key, documented first (spec §13.1), then inferred (§13.2). English; see
 * {@link localizedReceiptKeys} and {@link lookupReceiptKey} for the current locale.
 */
export const receiptKeys: readonly ReceiptKey[] = [
  // spec §13.1 — documented [RCPT]
  { key: 'CT100', label: 'Last 4 digits of the PAN', meaning: 'Last four digits of the card number.', format: 'n 4', maxLength: 4, example: '7733', valueKind: 'pan-last4', provenance: 'nexi-documented', sources: rcpt },
  { key: 'CT101', label: 'Batch number', meaning: 'Batch number.', format: 'n', maxLength: 8, maxLengthNote: 'Example and maximum length are glued together in the Nexi table; 8 is a best reading.', example: '673', valueKind: 'batch-number', provenance: 'nexi-documented', sources: rcpt },
  { key: 'CT102', label: 'AID', meaning: 'EMV application identifier of the card application used.', format: 'hex (5–16 bytes)', maxLength: 50, maxLengthNote: 'Example and maximum length are glued together in the Nexi table; 50 is a best reading.', example: 'A0000000041010', valueKind: 'aid', provenance: 'nexi-documented', sources: rcpt },
  { key: 'CT103', label: 'Original transaction reference', meaning: 'Reference of the original transaction (equals f37 in the published example).', format: 'an 12', maxLength: 12, example: '929616000304', valueKind: 'reference', provenance: 'nexi-documented', sources: rcpt },
  { key: 'CT104', label: 'Merchant info', meaning: 'Merchant name and address as printed on the receipt.', format: 'ans', maxLength: 200, example: 'Pizzeria Mario Rossi', valueKind: 'text', provenance: 'nexi-documented', sources: rcpt },
  { key: 'CT105', label: 'Transaction type', meaning: 'Nexi receipt transaction type code (0100 SALE … 0800 STATISTICS); not an ISO 8583 message type.', format: 'n 4', maxLength: 4, example: '0100', valueKind: 'transaction-type', provenance: 'nexi-documented', sources: rcpt },
  { key: 'CT106', label: 'Transaction date (device)', meaning: 'Transaction date from the device ([RCPT] says "device"; which device and which time zone are not stated).', format: 'dd/MM/yyyy', maxLengthNote: 'The Nexi table prints "38", which cannot be read as a length.', example: '20/08/2024', valueKind: 'date-dd/MM/yyyy', provenance: 'nexi-documented', sources: rcpt },
  { key: 'CT107', label: 'Transaction time (device)', meaning: 'Transaction time from the device ([RCPT] says "device"; which device and which time zone are not stated).', format: 'HH:mm', maxLengthNote: 'The Nexi table prints "38", which cannot be read as a length.', example: '11:00', valueKind: 'time-HH:mm', provenance: 'nexi-documented', sources: rcpt },
  { key: 'CT108', label: 'Card type', meaning: 'Card brand, e.g. Mastercard, Visa, Amex, Troy.', format: 'ans', maxLengthNote: 'The Nexi table prints "2", which cannot be the length of a brand name.', example: 'Mastercard', valueKind: 'card-brand', provenance: 'nexi-documented', sources: rcpt },
  { key: 'f04', label: 'Amount', meaning: 'Transaction amount in minor units of the currency (ISO 8583 field 4), zero-padded to 12 digits.', format: 'n 12', maxLength: 12, maxLengthNote: 'The Nexi table prints "11", which conflicts with the 12-digit values it returns.', example: '000000000126', valueKind: 'amount', iso8583Field: 4, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f11', label: 'STAN', meaning: 'System trace audit number (ISO 8583 field 11).', format: 'n 6', maxLength: 8, maxLengthNote: 'Example and maximum length are glued together in the Nexi table; 8 is a best reading (ISO 8583 gives n 6).', example: '000306', valueKind: 'stan', iso8583Field: 11, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f12', label: 'Transaction time', meaning: 'Local transaction time, HHmmss (ISO 8583:1987 field 12).', format: 'HHmmss', maxLengthNote: 'The Nexi table prints "12", which does not fit HHmmss.', example: '163535', valueKind: 'time-HHmmss', iso8583Field: 12, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f13', label: 'Transaction date', meaning: 'Local transaction date, MMdd (ISO 8583:1987 field 13).', format: 'MMdd', maxLength: 4, example: '0824', valueKind: 'date-MMdd', iso8583Field: 13, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f30', label: 'Original amount', meaning: 'Original amount in minor units, 12 digits (named after ISO 8583 field 30 but matching neither the 1987 nor the 1993 layout).', format: 'n 12', maxLength: 12, example: '000000000000', valueKind: 'amount', iso8583Field: 30, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f37', label: 'Transaction ID', meaning: 'Retrieval reference number (ISO 8583 field 37).', format: 'an 12', maxLength: 12, example: '100005041017', valueKind: 'reference', iso8583Field: 37, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f38', label: 'Authorisation number', meaning: 'Approval code of the authorisation (ISO 8583 field 38).', format: 'an 6', maxLength: 50, maxLengthNote: 'Example and maximum length are glued together in the Nexi table; 50 is a best reading (ISO 8583 gives an 6).', example: '304163', valueKind: 'approval-code', iso8583Field: 38, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f39', label: 'Authorisation response code', meaning: 'Bank/host response code (ISO 8583 field 39): 3 digits = ISO 8583:1993 action code, 2 characters = ISO 8583:1987 response code.', format: 'n 3 or an 2', maxLength: 3, example: '000', valueKind: 'action-code', iso8583Field: 39, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f41', label: 'POS terminal number', meaning: 'Terminal ID (ISO 8583 field 41).', format: 'ans 8', maxLength: 8, example: '00192136', valueKind: 'terminal-id', iso8583Field: 41, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f42', label: 'Merchant ID', meaning: 'Card acceptor identification code (ISO 8583 field 42); Nexi may send it unpadded.', format: 'ans 15', maxLength: 15, example: '000000009041042', valueKind: 'merchant-id', iso8583Field: 42, provenance: 'nexi-documented', sources: rcpt },
  { key: 'f43', label: 'Merchant name and location', meaning: 'Card acceptor name and location (ISO 8583 field 43, 1993 variable-length form).', format: 'ans ..99', maxLength: 99, valueKind: 'text', iso8583Field: 43, provenance: 'nexi-documented', sources: rcpt },

  // spec §13.2 — seen in examples only; meanings are inferences
  { key: 'CT109', label: 'Card product', meaning: 'Card product or application label (inferred, cf. EMV tag 50).', format: 'ans', example: 'Debit Mastercard', valueKind: 'text', provenance: 'inferred', sources: example },
  { key: 'CT110', label: 'Timestamp', meaning: 'Full timestamp of the operation, ISO 8601 with UTC offset (inferred).', format: 'yyyy-MM-ddTHH:mm:ss±hh:mm', example: '2025-05-16T14:51:51+02:00', valueKind: 'timestamp-iso8601', provenance: 'inferred', sources: example },
  { key: 'CT111', label: 'Unknown flag', meaning: 'Unknown flag; only the value 0 has been seen.', format: 'n', example: '0', valueKind: 'opaque', provenance: 'inferred', sources: example },
  { key: 'CT112', label: 'Masked PAN', meaning: 'Card number with all but the last four digits masked (inferred).', format: 'ans', example: '************6313', valueKind: 'masked-pan', provenance: 'inferred', sources: example },
  { key: 'CT113', label: 'Undocumented key', meaning: 'Not documented and not seen in any published example.', format: 'unknown', valueKind: 'opaque', provenance: 'undocumented', sources: [] },
  { key: 'CT114', label: 'Processing host', meaning: 'Processing host or acquirer platform label (inferred).', format: 'ans', example: 'NEXI Core', valueKind: 'text', provenance: 'inferred', sources: example },
  { key: 'CT115', label: 'Entry mode', meaning: 'Card entry mode in words, e.g. Contactless (inferred; cf. transactionType CLI).', format: 'ans', example: 'Contactless', valueKind: 'text', provenance: 'inferred', sources: example },
  { key: 'CT116', label: 'Counter', meaning: 'Unknown counter, possibly an acquirer or operation counter (inferred).', format: 'n', example: '00034', valueKind: 'opaque', provenance: 'inferred', sources: example },
  { key: 'CT117', label: 'Authorisation mode', meaning: 'Authorisation mode, e.g. Online (inferred).', format: 'ans', example: 'Online', valueKind: 'text', provenance: 'inferred', sources: example },
  { key: 'CT118', label: 'Currency', meaning: 'ISO 4217 numeric currency code, e.g. 978 = EUR (inferred from the value).', format: 'n 3', maxLength: 3, example: '978', valueKind: 'currency', provenance: 'inferred', sources: example },
  { key: 'CT119', label: 'Receipt footer', meaning: 'Receipt footer text (inferred).', format: 'ans', example: 'Grazie e arrivederci', valueKind: 'text', provenance: 'inferred', sources: example },
  { key: 'CT120', label: 'Merchant name', meaning: 'Merchant name, receipt header line 1 (inferred).', format: 'ans', example: 'NEXI SOFTPOS OPERATION', valueKind: 'text', provenance: 'inferred', sources: example },
  { key: 'CT121', label: 'Merchant address', meaning: 'Merchant address, receipt header line 2 (inferred).', format: 'ans', example: 'C.SO SEMPIONE 55, 20145, MILANO (MI)', valueKind: 'text', provenance: 'inferred', sources: example },
  { key: 'CT122', label: 'Additional tags', meaning: 'Additional tags (addInfoKeyN/addInfoN) echoed back, separated by "|" (seen in Nexi sample code).', format: 'ans, "|"-separated', valueKind: 'tag-list', provenance: 'nexi-sample', sources: sample },
  { key: 'CT123', label: 'EMV data (receipt)', meaning: 'EMV data printed on the receipt as BER-TLV hex, e.g. 9F36 (ATC) and 95 (TVR) (inferred).', format: 'hex BER-TLV', example: '9F3602015B95050000008001', valueKind: 'tlv', provenance: 'inferred', sources: example },
  { key: 'f55', label: 'ICC data', meaning: 'EMV data as BER-TLV hex, named after ISO 8583 field 55 (inferred).', format: 'hex BER-TLV', example: '9F3602015B9F10120110800005220000000000000000000FF9F35012195050000008001', valueKind: 'tlv', iso8583Field: 55, provenance: 'inferred', sources: example },
  { key: 'F42', label: 'Merchant ID (duplicate)', meaning: 'Upper-case duplicate of f42 with the same value (inferred).', format: 'ans 15', maxLength: 15, example: '1000000595940', valueKind: 'merchant-id', iso8583Field: 42, provenance: 'inferred', sources: example },
  { key: '9F14', label: 'Unknown (named like EMV 9F14)', meaning: 'Bare EMV tag name used as a key; the 4-digit value cannot be a Lower Consecutive Offline Limit (1 byte), so the meaning is unknown.', format: 'n 4', example: '1420', valueKind: 'opaque', provenance: 'inferred', sources: example },
  { key: 'ATAGSRECEIPT', label: 'Additional tags on the receipt', meaning: 'Additional tags printed on the receipt, separated by "|" (seen in Nexi sample code).', format: 'ans, "|"-separated', valueKind: 'tag-list', provenance: 'nexi-sample', sources: sample },
];

/**
 * The receipt keys with label, meaning, notes and worded formats in the current locale (overlay
 * l10n/data/receiptKeys.<locale>.json, by key; a format is translated only where it has words).
 */
export const localizedReceiptKeys: () => readonly ReceiptKey[] = builtPerLocale(() => {
  const list = receiptKeys.map((k) => {
    const english = { label: k.label, meaning: k.meaning, format: k.format, ...(k.maxLengthNote ? { maxLengthNote: k.maxLengthNote } : {}) };
    const words = overlay('receiptKeys', k.key, english);
    return words === english ? k : { ...k, ...words };
  });
  return list.every((k, i) => k === receiptKeys[i]) ? receiptKeys : list;
});

const byKey = builtPerLocale(() => new Map(localizedReceiptKeys().map((k) => [k.key, k])));

/** Looks a receipt key up, case-sensitively (`f42` and `F42` are different keys), in the current locale. */
export function lookupReceiptKey(key: string): ReceiptKey | undefined {
  return byKey().get(key);
}
