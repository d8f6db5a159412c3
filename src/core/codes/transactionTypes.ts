// Small Nexi value lists: receipt transaction type CT105 (spec §13.1), card technology
// `transactionType` (§11), `terminalType` (§5.2) and `operationType` (§3.4, §5.2, §6.2, §16.19).

import { overlay } from '../l10n';
import type { Provenance } from '../types';
import type { NexiOperation } from './resultCodes';
import type { SpecSourceTag } from './sources';
import { builtPerLocale } from './text';

export interface CodeValue {
  /** The value exactly as Nexi sends it. */
  readonly code: string;
  /** Short label for hovers and tree items. */
  readonly label: string;
  readonly meaning: string;
  readonly note?: string;
  readonly provenance: Provenance;
  readonly sources: readonly SpecSourceTag[];
}

/** Receipt key CT105 codes (spec §13.1, [RCPT]). Not ISO 8583 message types. */
export const ct105Codes: readonly CodeValue[] = [
  { code: '0100', label: 'SALE', meaning: 'Sale (payment).', provenance: 'nexi-documented', sources: ['[RCPT]'] },
  {
    code: '0200',
    label: 'VOID',
    meaning: 'Void.',
    note: 'The published SoftPOS reversal response carries CT105=0200 (VOID), not 0400, for a reversal.',
    provenance: 'nexi-documented',
    sources: ['[RCPT]', '[REV]'],
  },
  { code: '0300', label: 'REFUND', meaning: 'Refund.', provenance: 'nexi-documented', sources: ['[RCPT]'] },
  { code: '0400', label: 'REVERSAL', meaning: 'Reversal.', provenance: 'nexi-documented', sources: ['[RCPT]'] },
  { code: '0500', label: 'VOID CANCEL', meaning: 'Cancellation of a void.', provenance: 'nexi-documented', sources: ['[RCPT]'] },
  { code: '0600', label: 'BATCH UPLOAD', meaning: 'Batch upload.', provenance: 'nexi-documented', sources: ['[RCPT]'] },
  { code: '0700', label: 'SETTLEMENT', meaning: 'Settlement.', provenance: 'nexi-documented', sources: ['[RCPT]'] },
  { code: '0800', label: 'STATISTICS', meaning: 'Statistics.', provenance: 'nexi-documented', sources: ['[RCPT]'] },
];

/** Response parameter `transactionType`: card technology (spec §11, [REV]). */
export const transactionTypes: readonly (CodeValue & { readonly documentedForApp2App: boolean })[] = [
  { code: 'ICC', label: 'Chip', meaning: 'EMV chip (contact).', documentedForApp2App: true, provenance: 'nexi-documented', sources: ['[REV]'] },
  { code: 'MAG', label: 'Magnetic stripe', meaning: 'Magnetic stripe.', documentedForApp2App: true, provenance: 'nexi-documented', sources: ['[REV]'] },
  { code: 'CLI', label: 'Contactless', meaning: 'Contactless.', documentedForApp2App: true, provenance: 'nexi-documented', sources: ['[REV]'] },
  // spec §11: known from Nexi's ECR17 protocol for traditional terminals, not documented for App2App.
  {
    code: 'MAN',
    label: 'Manual entry',
    meaning: 'Manual card-number entry.',
    note: "Known from Nexi's ECR17 terminal protocol; not documented for App2App.",
    documentedForApp2App: false,
    provenance: 'inferred',
    sources: [],
  },
  {
    code: 'CLM',
    label: 'Contactless magstripe',
    meaning: 'Contactless magnetic-stripe mode.',
    note: "Known from Nexi's ECR17 terminal protocol; not documented for App2App.",
    documentedForApp2App: false,
    provenance: 'inferred',
    sources: [],
  },
];

/** Last-transaction response parameter `terminalType` (spec §5.2, [LTS]). */
export const terminalTypes: readonly CodeValue[] = [
  { code: 'MPOS', label: 'MobilePOS', meaning: 'MobilePOS: phone paired over Bluetooth with a card reader.', provenance: 'nexi-documented', sources: ['[LTS]'] },
  { code: 'SOFTPOS', label: 'SoftPOS', meaning: 'SoftPOS: the phone reads contactless cards over NFC.', provenance: 'nexi-documented', sources: ['[LTS]'] },
];

/** Response parameter `operationType` and the operation it answers. */
export const operationTypes: readonly (CodeValue & { readonly operation: NexiOperation })[] = [
  { code: 'PAYMENT', label: 'Payment', meaning: 'Result of a payment.', operation: 'payment', provenance: 'nexi-documented', sources: ['[PAYS]'] },
  { code: 'REVERSAL', label: 'Reversal', meaning: 'Result of a reversal.', operation: 'reversal', provenance: 'nexi-documented', sources: ['[REV]'] },
  {
    code: 'LAST_TRANSACTION',
    label: 'Last transaction',
    meaning: 'Result of a last-transaction request.',
    operation: 'last_transaction',
    provenance: 'nexi-documented',
    sources: ['[LTS]'],
  },
  // spec §16.19: the accounting-closure table says ACCOUNTING_CLOSE, its example ACCOUNTING_CLOSURE.
  {
    code: 'ACCOUNTING_CLOSE',
    label: 'Accounting closure',
    meaning: 'Result of an accounting closure.',
    note: 'Spelling of the accounting-closure response table; the published example uses ACCOUNTING_CLOSURE.',
    operation: 'accounting_closure',
    provenance: 'nexi-documented',
    sources: ['[ACC]'],
  },
  {
    code: 'ACCOUNTING_CLOSURE',
    label: 'Accounting closure',
    meaning: 'Result of an accounting closure.',
    note: 'Spelling of the published example; the response table says ACCOUNTING_CLOSE.',
    operation: 'accounting_closure',
    provenance: 'nexi-documented',
    sources: ['[CLS]'],
  },
];

/** A list in the current locale: label, meaning and note from the overlay `dataset` (l10n/data/<dataset>.<locale>.json), by code. */
function localizedList<T extends CodeValue>(dataset: string, list: readonly T[]): () => readonly T[] {
  return builtPerLocale(() => {
    const local = list.map((e) => {
      const english = { label: e.label, meaning: e.meaning, ...(e.note ? { note: e.note } : {}) };
      const words = overlay(dataset, e.code, english);
      return words === english ? e : { ...e, ...words };
    });
    return local.every((e, i) => e === list[i]) ? list : local;
  });
}

function finder<T extends CodeValue>(list: () => readonly T[]): (code: string) => T | undefined {
  const map = builtPerLocale(() => new Map(list().map((e) => [e.code, e])));
  return (code) => map().get(code.trim());
}

/** {@link ct105Codes} in the current locale. */
export const localizedCt105Codes = localizedList('ct105Codes', ct105Codes);
/** {@link transactionTypes} in the current locale. */
export const localizedTransactionTypes = localizedList('transactionTypes', transactionTypes);
/** {@link terminalTypes} in the current locale. */
export const localizedTerminalTypes = localizedList('terminalTypes', terminalTypes);
/** {@link operationTypes} in the current locale. */
export const localizedOperationTypes = localizedList('operationTypes', operationTypes);

/** CT105 code → meaning (exact 4-digit code), in the current locale. */
export const lookupCt105: (code: string) => CodeValue | undefined = finder(localizedCt105Codes);
/** `transactionType` value (ICC, MAG, CLI; MAN/CLM flagged as not documented for App2App), in the current locale. */
export const lookupTransactionType = finder(localizedTransactionTypes);
/** `terminalType` value (MPOS, SOFTPOS), in the current locale. */
export const lookupTerminalType: (code: string) => CodeValue | undefined = finder(localizedTerminalTypes);
/** `operationType` value; both accounting-closure spellings are accepted. In the current locale. */
export const lookupOperationType = finder(localizedOperationTypes);
