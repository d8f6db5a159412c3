// Nexi App2App `result` codes (spec §9.1), retryable vs final (§9.2) and `softPosError` (§9.3).
// These are Nexi's own codes, not ISO 8583: the bank's reason for a decline is in `actionCode` / `f39`
// (see actionCodes.ts).

import { overlay, translated } from '../l10n';
import type { Provenance } from '../types';
import type { SpecSourceTag } from './sources';
import { builtPerLocale, fillTemplate, remember } from './text';

/** App2App operations (URI authorities, spec §2.1). */
export type NexiOperation = 'payment' | 'reversal' | 'accounting_closure' | 'last_transaction';

/** Product a code applies to, per the [ERR] product column (spec §9.1); `unknown` where it shows "?". */
export type ProductScope = 'softpos' | 'mpos' | 'both' | 'unknown';

/** Coarse outcome, for colouring and for deciding whether to look at the action code. */
export type ResultOutcome = 'success' | 'cancelled' | 'declined' | 'error';

/** Spec §9.2: whether the operator can retry on the device (Retry button) or the request is over. */
export type Retryability = 'retryable' | 'final';

export interface ResultCodeEntry {
  readonly code: number;
  /** One sentence, as Nexi describes it. */
  readonly meaning: string;
  /** What to look at or do next; only where the spec says something useful. */
  readonly detail?: string;
  /** The meaning for an accounting closure, where [ACC] words it otherwise (`0` closure performed: nothing is approved). */
  readonly closureMeaning?: string;
  /** Operations whose documentation lists the code (spec §9.1 "Ops"). */
  readonly operations: readonly NexiOperation[];
  /**
   * Operations that list the code only in an [ERR] column whose header is missing (spec §9.1 "(P)",
   * §16.17): the code may or may not occur there.
   */
  readonly uncertainOperations?: readonly NexiOperation[];
  readonly product: ProductScope;
  /** The product scope is the fact sheet's inference (spec §9.1 marks code 9 so). */
  readonly productInferred?: boolean;
  readonly outcome: ResultOutcome;
  readonly retry: Retryability;
  /** Spec §9.2: only "cancelled" is documented as retryable; "final" for the rest is an inference. */
  readonly retryProvenance: Provenance;
  readonly provenance: Provenance;
  readonly sources: readonly SpecSourceTag[];
}

const P: NexiOperation = 'payment';
const R: NexiOperation = 'reversal';
const C: NexiOperation = 'accounting_closure';
const L: NexiOperation = 'last_transaction';

type Row = Omit<ResultCodeEntry, 'retry' | 'retryProvenance' | 'provenance' | 'outcome'> &
  Partial<Pick<ResultCodeEntry, 'outcome'>>;

// spec §9.1, row by row. Every code is on a Nexi portal page, hence 'nexi-documented'.
const rows: readonly Row[] = [
  {
    code: 0,
    meaning: 'Approved: the operation was performed successfully.',
    closureMeaning: 'Closure performed: the accounting closure was done.',
    operations: [P, R, C, L],
    product: 'both',
    outcome: 'success',
    sources: ['[REV]', '[REVS]', '[ACC]', '[LTS]'],
  },
  { code: 9, meaning: 'POS not connected.', operations: [P, R], product: 'mpos', productInferred: true, sources: ['[REV]'] },
  {
    code: 20,
    meaning: 'Transaction cancelled: the operator pressed X, or Nexi POS was sent to the background during approval.',
    operations: [P, R],
    product: 'both',
    outcome: 'cancelled',
    sources: ['[REV]', '[REVS]', '[FAQ result 20]'],
  },
  {
    code: 21,
    meaning: 'Transaction denied by the host.',
    detail: "The bank's reason is in actionCode (MobilePOS) or in receipt key f39 (SoftPOS).",
    operations: [P, R],
    product: 'both',
    outcome: 'declined',
    sources: ['[REV]', '[REVS]', '[FAQ result 21]'],
  },
  { code: 22, meaning: 'General error.', operations: [P, R], product: 'softpos', sources: ['[REVS]'] },
  { code: -1, meaning: 'Invalid input parameters.', operations: [P, R, C], product: 'both', sources: ['[REV]', '[ERR]', '[ACC]'] },
  { code: -2, meaning: 'Device not secure.', operations: [P, R, C], product: 'both', sources: ['[REV]', '[ERR]', '[ACC]'] },
  { code: -3, meaning: 'Bluetooth is off.', operations: [P, R, C], product: 'mpos', sources: ['[REV]', '[ERR]', '[ACC]'] },
  { code: -4, meaning: 'Services not available.', operations: [P, R, C], product: 'unknown', sources: ['[REV]', '[ACC]'] },
  {
    code: -5,
    meaning: 'Deprecated app: the installed Nexi POS is too old.',
    operations: [P, R, C],
    product: 'unknown',
    sources: ['[REV]', '[ACC]'],
  },
  { code: -6, meaning: 'Login required.', operations: [P, R, C], product: 'unknown', sources: ['[REV]', '[ACC]'] },
  { code: -7, meaning: 'The terminalId is suspended.', operations: [P, R, C], product: 'unknown', sources: ['[REV]', '[ACC]'] },
  { code: -8, meaning: 'The terminalId is absent.', operations: [P, R, C], product: 'unknown', sources: ['[REV]', '[ACC]'] },
  {
    code: -9,
    meaning: 'The terminalId is not configured on the POS.',
    operations: [P, R, C],
    product: 'unknown',
    sources: ['[REV]', '[ACC]'],
  },
  { code: -10, meaning: 'POS connection timeout.', operations: [P, R, C], product: 'mpos', sources: ['[REV]', '[ERR]', '[ACC]'] },
  { code: -11, meaning: 'The transaction is not reversible.', operations: [R], product: 'both', sources: ['[REV]', '[ERR]'] },
  { code: -12, meaning: 'Accounting closure not performed.', operations: [C], product: 'mpos', sources: ['[ERR]', '[ACC]'] },
  {
    code: -13,
    meaning: 'Developer options are active on the phone.',
    operations: [R],
    uncertainOperations: [P],
    product: 'softpos',
    sources: ['[ERR]', '[REVS]', '[REV]'],
  },
  {
    code: -14,
    meaning: 'Network not available.',
    operations: [R],
    uncertainOperations: [P],
    product: 'both',
    sources: ['[ERR]', '[REVS]'],
  },
  {
    code: -15,
    meaning: 'The smartphone is not connected to a network.',
    operations: [R],
    uncertainOperations: [P],
    product: 'both',
    sources: ['[ERR]', '[REVS]'],
  },
  {
    code: -16,
    meaning: 'NFC is not active (switched off).',
    operations: [R],
    uncertainOperations: [P],
    product: 'softpos',
    sources: ['[ERR]', '[REVS]', '[FAQ NFC]'],
  },
  {
    code: -17,
    meaning: 'No reversible SoftPOS transaction in the last month.',
    detail: 'SoftPOS always reverses the last reversible transaction of the month, whatever the request says (spec §4.2).',
    operations: [R],
    product: 'softpos',
    sources: ['[ERR]', '[REVS]'],
  },
  {
    code: -18,
    meaning: 'The last authorised transaction cannot be served (it was probably already reversed).',
    operations: [R],
    product: 'both',
    sources: ['[ERR]', '[REVS]'],
  },
  {
    code: -19,
    meaning: 'Transaction unavailable: closing was requested but only a SoftPOS terminal ID exists.',
    operations: [R, C],
    product: 'softpos',
    sources: ['[ERR]', '[REVS]'],
  },
  {
    code: -20,
    meaning: 'NFC not available: the phone has no NFC hardware.',
    operations: [R],
    uncertainOperations: [P],
    product: 'softpos',
    sources: ['[ERR]', '[REVS]', '[FAQ NFC]'],
  },
  {
    code: -21,
    meaning: 'autoClose and sendTicket cannot be requested together.',
    detail: 'sendTicket defaults to true: with autoClose=true, send sendTicket=false explicitly (spec §3.3).',
    operations: [P, R],
    product: 'both',
    sources: ['[ERR]'],
  },
  {
    code: -30,
    meaning: 'SoftPOS payment error.',
    detail: 'The specific code is in parameter softPosError, shaped X-Y-Z; Nexi does not document its components.',
    operations: [P, R],
    product: 'softpos',
    sources: ['[REV]', '[ERR]'],
  },
  {
    code: -41,
    meaning: 'Empty or missing receipt: there is no last transaction to return.',
    operations: [L],
    product: 'both',
    sources: ['[LTS]', '[GLT]'],
  },
];

/** Every documented Nexi `result` code (spec §9.1), in the spec's order; English (see {@link localizedResultCodes}). */
export const resultCodes: readonly ResultCodeEntry[] = rows.map((row) => ({
  ...row,
  outcome: row.outcome ?? 'error',
  // spec §9.2: "cancelled" is retryable on the device [PAY]; everything else is final [inference].
  retry: row.code === 20 ? 'retryable' : 'final',
  retryProvenance: row.code === 20 ? 'nexi-documented' : 'inferred',
  provenance: 'nexi-documented',
}));

/** The result codes with meaning and advice in the current locale (overlay l10n/data/resultCodes.<locale>.json, by code). */
export const localizedResultCodes: () => readonly ResultCodeEntry[] = builtPerLocale(() => {
  const list = resultCodes.map((e) => {
    const words = overlay('resultCodes', String(e.code), { meaning: e.meaning, ...(e.detail ? { detail: e.detail } : {}), ...(e.closureMeaning ? { closureMeaning: e.closureMeaning } : {}) });
    return words.meaning === e.meaning && words.detail === e.detail && words.closureMeaning === e.closureMeaning ? e : { ...e, ...words };
  });
  // Without a translation the list is the English table itself.
  return list.every((e, i) => e === resultCodes[i]) ? resultCodes : list;
});

const byCode = builtPerLocale(() => new Map(localizedResultCodes().map((e) => [e.code, e])));

/** Ranges with no documented code although codes exist on both sides (spec §9.1). */
export const undocumentedResultRanges: readonly { readonly from: number; readonly to: number }[] = [
  { from: -29, to: -22 },
  { from: -40, to: -31 },
];

/** User-facing sentences of this module (templates, see text.ts). */
export const resultMessages = {
  undocumented: 'Result code {code} is not documented by Nexi.',
  gap: 'Result code {code} is not documented: Nexi lists no result code from {first} to {last}.',
  notANumber: 'The result "{input}" is not a number; Nexi result codes are integers.',
  empty: 'The result is empty.',
  trailingIgnored: 'Only the leading number was read; "{rest}" was ignored.',
  typographicMinus: 'A typographic dash was read as a minus sign.',
  notListedForOperation: 'Nexi does not list result {code} for the {operation} operation.',
  uncertainForOperation:
    'Nexi lists result {code} for the {operation} operation only in an error-table column whose header is missing.',
  softPosErrorMeaning: 'Nexi does not document the meaning of the X, Y and Z components of softPosError.',
  softPosErrorShape: 'softPosError has the X-Y-Z shape: X = {x}, Y = {y}, Z = {z}.',
  softPosErrorBadShape:
    'softPosError "{input}" does not have the X-Y-Z shape Nexi describes (three non-empty parts separated by hyphens).',
} as const;

/** {@link resultMessages} in the current locale. */
export const resultText = translated('codes.resultMessages', resultMessages);

/** Operation names used inside messages (English; see {@link operationLabel}). */
export const operationLabels: Readonly<Record<NexiOperation, string>> = {
  payment: 'payment',
  reversal: 'reversal',
  accounting_closure: 'accounting closure',
  last_transaction: 'last transaction',
};

// Short words that other tables also translate: their bundle keys carry the context `operation`.
const operationLabelTable = translated('codes.operationLabels', operationLabels, { context: 'operation' });

/** An operation's name inside a sentence, in the current locale (`reversal`, `storno`). */
export function operationLabel(operation: NexiOperation): string {
  return operationLabelTable()[operation];
}

export type ResultStatus = 'documented' | 'undocumented' | 'not-a-number';

export interface ResultDescription {
  /** The text as given. */
  readonly input: string;
  /** The integer read from it, if any. */
  readonly code?: number;
  readonly status: ResultStatus;
  readonly entry?: ResultCodeEntry;
  /** One sentence for a hover: the entry's meaning, or why there is none. */
  readonly meaning: string;
  readonly provenance: Provenance;
  /** The code lies in a range Nexi skips (-22…-29, -31…-40), spec §9.1. */
  readonly inUndocumentedRange: boolean;
  /** With `context.operation`: whether Nexi lists the code for that operation. */
  readonly listedForOperation?: 'yes' | 'no' | 'uncertain';
  /** Leniency applied when reading the input, and operation remarks; whole sentences. */
  readonly notes: readonly string[];
}

export interface ResultContext {
  readonly operation?: NexiOperation;
}

/**
 * Explains a `result` value. Lenient: surrounding whitespace and quotes, a leading `+`, leading zeros
 * and typographic dashes are accepted; text after a leading integer is ignored with a note (published
 * URIs carry log residue, reference §0.6). Unknown codes are reported as undocumented, never guessed.
 */
export function describeResult(input: string | number, context: ResultContext = {}): ResultDescription {
  // A log repeats the same few results: each description is made once per locale, operation and input, and shared
  // (descriptions are read-only). Bounded, since the input is.
  if (typeof input !== 'string') return makeDescription(input, context);
  const cache = descriptions();
  const key = `${context.operation ?? ''}\u0000${input}`;
  return cache.get(key) ?? remember(cache, key, makeDescription(input, context));
}

const descriptions = builtPerLocale(() => new Map<string, ResultDescription>());

function makeDescription(input: string | number, context: ResultContext): ResultDescription {
  const M = resultText();
  const raw = String(input);
  const notes: string[] = [];
  let text = raw.trim().replace(/^(["'])(.*)\1$/, '$2').trim();
  if (/^[\u2010-\u2015\u2212]/.test(text)) {
    text = `-${text.slice(1)}`;
    notes.push(M.typographicMinus);
  }
  if (text === '') {
    return { input: raw, status: 'not-a-number', meaning: M.empty, provenance: 'undocumented', inUndocumentedRange: false, notes };
  }
  const m = /^([+-]?\d+)(.*)$/s.exec(text);
  // "0.5" is a decimal, not an integer followed by residue: refuse it rather than read 0.
  if (!m || /^[.,]\d/.test(m[2])) {
    return {
      input: raw,
      status: 'not-a-number',
      meaning: fillTemplate(M.notANumber, { input: raw }),
      provenance: 'undocumented',
      inUndocumentedRange: false,
      notes,
    };
  }
  if (m[2] !== '') notes.push(fillTemplate(M.trailingIgnored, { rest: m[2] }));
  const code = Number.parseInt(m[1], 10);
  const entry = byCode().get(code);
  const gap = undocumentedResultRanges.find((r) => code >= r.from && code <= r.to);
  const listed = entry && context.operation ? listedFor(entry, context.operation) : undefined;
  if (listed === 'no' || listed === 'uncertain') {
    const template = listed === 'no' ? M.notListedForOperation : M.uncertainForOperation;
    notes.push(fillTemplate(template, { code, operation: operationLabel(context.operation!) }));
  }
  if (entry) {
    return {
      input: raw,
      code,
      status: 'documented',
      entry,
      meaning: context.operation === 'accounting_closure' && entry.closureMeaning ? entry.closureMeaning : entry.meaning,
      provenance: entry.provenance,
      inUndocumentedRange: false,
      ...(listed ? { listedForOperation: listed } : {}),
      notes,
    };
  }
  const meaning = gap
    ? fillTemplate(M.gap, { code, first: gap.to, last: gap.from })
    : fillTemplate(M.undocumented, { code });
  return {
    input: raw,
    code,
    status: 'undocumented',
    meaning,
    provenance: 'undocumented',
    inUndocumentedRange: gap !== undefined,
    ...(context.operation ? { listedForOperation: 'no' as const } : {}),
    notes,
  };
}

function listedFor(entry: ResultCodeEntry, operation: NexiOperation): 'yes' | 'no' | 'uncertain' {
  if (entry.operations.includes(operation)) return 'yes';
  return entry.uncertainOperations?.includes(operation) ? 'uncertain' : 'no';
}

/** Looks a documented code up; undefined for anything else. */
export function lookupResultCode(code: number): ResultCodeEntry | undefined {
  return byCode().get(code);
}

export interface SoftPosErrorDescription {
  readonly input: string;
  /** The hyphen-separated parts, trimmed. */
  readonly parts: readonly string[];
  /** Present when there are exactly three non-empty parts. */
  readonly components?: { readonly x: string; readonly y: string; readonly z: string };
  /** Three non-empty hyphen-separated parts: the lenient check suggested by spec §9.3 [inference]. */
  readonly wellFormed: boolean;
  /** Sentence on the shape (well-formed with its parts, or what is wrong). */
  readonly shape: string;
  /** Always says honestly that the components are undocumented. */
  readonly meaning: string;
  readonly provenance: 'undocumented';
  readonly sources: readonly SpecSourceTag[];
}

/**
 * Reads a `softPosError` value (sent with `result=-30`, spec §9.3). Only the `X-Y-Z` shape is
 * documented; alphabet, length and meaning of the parts are not, so nothing is interpreted.
 * Lenient: spaces around parts and typographic dashes are accepted.
 */
export function softPosError(value: string): SoftPosErrorDescription {
  const M = resultText();
  const text = value.trim();
  const parts = text === '' ? [] : text.split(/\s*[-\u2010-\u2015\u2212]\s*/);
  const wellFormed = parts.length === 3 && parts.every((p) => p !== '');
  const components = wellFormed ? { x: parts[0], y: parts[1], z: parts[2] } : undefined;
  return {
    input: value,
    parts,
    ...(components ? { components } : {}),
    wellFormed,
    shape: components
      ? fillTemplate(M.softPosErrorShape, components)
      : fillTemplate(M.softPosErrorBadShape, { input: value }),
    meaning: M.softPosErrorMeaning,
    provenance: 'undocumented',
    sources: ['[REV]', '[REVS]', '[ERR]'],
  };
}
