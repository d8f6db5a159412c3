// Bank/host response codes: `actionCode` (MobilePOS) and receipt key `f39` (SoftPOS), spec §10.
// Nexi documents f39 as "3 o 2 cifre": decide by length (reference §0.2) — 3 digits are an ISO 8583:1993
// action code, 2 characters an ISO 8583:1987 response code.

import type { ActionCategory1993, CodeData, CodeRangeData, ResponseCategory1987 } from '../data/responseCodeData';
import { overlay, translated } from '../l10n';
import type { Provenance } from '../types';
import type { NexiOperation } from './resultCodes';
import { operationLabel } from './resultCodes';
import type { SourceRef, SpecSourceTag } from './sources';
import { builtPerLocale, fillTemplate } from './text';

export interface NexiActionCodeEntry {
  readonly code: string;
  readonly meaning: string;
  /** true = approved, false = declined, undefined = neither (888 pending). */
  readonly approved: boolean | undefined;
}

/**
 * Nexi's "ISO Response Code" table (spec §10, [ISO-NEXI]). It belongs to the Payment Gateway product
 * and is the table the result-21 FAQ points to; whether SoftPOS/MobilePOS use it is not confirmed.
 * English; {@link describeActionCode} answers in the current locale.
 */
export const nexiActionCodes: readonly NexiActionCodeEntry[] = [
  { code: '000', meaning: 'Approved', approved: true },
  { code: '100', meaning: 'Do not honour', approved: false },
  { code: '101', meaning: 'Expired card or invalid expiration date', approved: false },
  { code: '102', meaning: 'Suspected fraud', approved: false },
  { code: '104', meaning: 'Restricted card', approved: false },
  { code: '106', meaning: 'Allowable PIN tries exceeded', approved: false },
  { code: '109', meaning: 'Invalid merchant', approved: false },
  { code: '110', meaning: 'Invalid amount', approved: false },
  { code: '111', meaning: 'Invalid card number', approved: false },
  { code: '115', meaning: 'Requested function not supported', approved: false },
  { code: '116', meaning: 'Not sufficient funds', approved: false },
  { code: '117', meaning: 'Incorrect PIN', approved: false },
  { code: '118', meaning: 'No card record', approved: false },
  { code: '119', meaning: 'Transaction not permitted to cardholder', approved: false },
  { code: '120', meaning: 'Transaction not permitted to terminal', approved: false },
  { code: '121', meaning: 'Exceeds withdrawal amount limit', approved: false },
  { code: '122', meaning: 'Transaction not permitted', approved: false },
  { code: '123', meaning: 'Exceeds withdrawal frequency limit', approved: false },
  { code: '124', meaning: 'Violation of law', approved: false },
  { code: '125', meaning: 'Card not effective', approved: false },
  { code: '126', meaning: 'Invalid PIN block', approved: false },
  { code: '129', meaning: 'Suspected counterfeit card', approved: false },
  { code: '182', meaning: 'Wallet error (tokenization)', approved: false },
  { code: '200', meaning: 'Do not honour', approved: false },
  { code: '202', meaning: 'Suspected fraud', approved: false },
  { code: '204', meaning: 'Invalid card', approved: false },
  { code: '208', meaning: 'Lost card', approved: false },
  { code: '209', meaning: 'Stolen card', approved: false },
  { code: '210', meaning: 'Suspected counterfeit card', approved: false },
  { code: '413', meaning: 'Excess re-attempts (the scheme forbids retrying a declined transaction)', approved: false },
  { code: '888', meaning: 'Pending', approved: undefined },
  { code: '902', meaning: 'Invalid transaction', approved: false },
  { code: '903', meaning: 'Re-enter transaction', approved: false },
  { code: '904', meaning: 'Format error', approved: false },
  { code: '906', meaning: 'Cutover in process', approved: false },
  { code: '907', meaning: 'Card issuer or switch inoperative', approved: false },
  { code: '908', meaning: 'Transaction destination cannot be found for routing', approved: false },
  { code: '909', meaning: 'System malfunction', approved: false },
  { code: '911', meaning: 'Card issuer timed out', approved: false },
  { code: '913', meaning: 'Duplicate transmission', approved: false },
  { code: '999', meaning: 'Agreement error during creation (merchant parameters)', approved: false },
];

/** User-facing sentences of this module (templates, see text.ts). */
export const actionMessages = {
  nexiTable: 'Nexi Payment Gateway table; applicability to SoftPOS/MobilePOS not confirmed.',
  nexiAdvice: 'Nexi advises not to show the decline reason to the cardholder; distinguish only success and failure.',
  reversalAccepted: 'Reversal accepted.',
  reversalAcceptedNote:
    'ISO 8583:1993 action code 400 is the success code of the 4xx class (reversal and chargeback results); with result=0 the reversal succeeded.',
  reversalCodeElsewhere: '400 is the ISO 8583:1993 "accepted" code of the reversal class; it is unexpected in a {operation} response.',
  unlisted1993: 'Action code {code} is not in the ISO 8583:1993 table; it belongs to class {range}: {classMeaning}.',
  unlisted1987: 'Response code {code} is not in the ISO 8583:1987 table.',
  inRange1987: 'Code {code} is in the range {range}: {rangeMeaning}.',
  from2021: 'Meaning from the ISO 8583:2021 / EMV two-character code list.',
  unrecognised:
    '"{input}" is neither a 3-digit ISO 8583:1993 action code nor a 2-character ISO 8583:1987 response code (Nexi: "3 or 2 digits").',
  fourDigits: 'Four-digit codes are ISO 8583:2003-style result codes; Nexi documents f39 as 3 or 2 digits.',
  empty: 'The action code is empty.',
} as const;

/** {@link actionMessages} in the current locale. */
export const actionText = translated('codes.actionMessages', actionMessages);

/** ISO categories of response/action codes in words; in English the words are the category ids. */
export const isoCategoryLabels: Readonly<Record<ResponseCategory1987 | ActionCategory1993, string>> = {
  approved: 'approved',
  declined: 'declined',
  error: 'error',
  'file-update': 'file-update',
  info: 'info',
  pickup: 'pickup',
  referral: 'referral',
  retry: 'retry',
  'reversal/advice': 'reversal/advice',
  administrative: 'administrative',
  advice: 'advice',
  'fee-collection': 'fee-collection',
  'file-action': 'file-action',
  'network-management': 'network-management',
  reconciliation: 'reconciliation',
  reversal: 'reversal',
};

/**
 * An ISO category (`declined`, `pickup`…) in words in the current locale (overlay l10n/data/isoCategories.<locale>.json,
 * by category); unknown categories as they are.
 */
export function isoCategoryLabel(category: string): string {
  const english = Object.prototype.hasOwnProperty.call(isoCategoryLabels, category) ? isoCategoryLabels[category as keyof typeof isoCategoryLabels] : undefined;
  return english === undefined ? category : overlay('isoCategories', category, { label: english }).label;
}

/** Context that changes the reading of a code. */
export interface ActionCodeContext {
  /** The operation whose response carried the code (400 means "reversal accepted" on a reversal). */
  readonly operation?: NexiOperation;
}

export type ActionCodeKind = 'iso8583-1993' | 'iso8583-1987' | 'unrecognised';

export interface ActionCodeDescription {
  readonly input: string;
  /** Trimmed, upper-case. */
  readonly code: string;
  readonly kind: ActionCodeKind;
  /** One sentence for a hover. */
  readonly meaning: string;
  /** Found in a table (Nexi's, ISO's); false when only the class/range is known. */
  readonly documented: boolean;
  /** true = approved/accepted, false = declined or failed, undefined = neither or unknown. */
  readonly approved: boolean | undefined;
  /** ISO category of the code (`declined`, `pickup`, `reversal`…), when the ISO tables have it. */
  readonly category?: string;
  /** 1993 class (by hundreds) or 1987 reserved range the code falls in. */
  readonly codeClass?: CodeRangeData;
  /** ISO meaning when Nexi's table took precedence with a different wording. */
  readonly isoMeaning?: string;
  /** Code of equivalent meaning in the other ISO version (name match; not normative). */
  readonly equivalent?: { readonly code: string; readonly meaning: string };
  readonly provenance: Provenance;
  readonly sources: readonly SourceRef[];
  /** Whole sentences: applicability, advice, leniency. */
  readonly notes: readonly string[];
}

/** A code table in the current locale: each meaning from the overlay `dataset` (l10n/data/<dataset>.<locale>.json), by code. */
function localCodes<T extends { readonly code: string; readonly meaning: string }>(dataset: string, rows: readonly T[]): Map<string, T> {
  return new Map(rows.map((e) => [e.code, { ...e, ...overlay(dataset, e.code, { meaning: e.meaning }) }]));
}

/** Code ranges in the current locale: meaning, note and (where it has words) the range label, by English range label. */
function localRanges(dataset: string, rows: readonly CodeRangeData[]): CodeRangeData[] {
  return rows.map((r) => ({ ...r, ...overlay(dataset, r.range, { range: r.range, meaning: r.meaning, ...(r.note ? { note: r.note } : {}) }) }));
}

/** The ISO tables, a chunk of their own in the extension, loaded on the first lookup (issue 17 item 4). */
function isoTables(): typeof import('../data/responseCodeData') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../data/responseCodeData') as typeof import('../data/responseCodeData');
}

function englishTables() {
  const { actionCodeClasses1993, actionCodes1993, responseCodeExtensions, responseCodeRanges1987, responseCodes1987, responseCodes2021 } = isoTables();
  return {
    nexi: new Map(nexiActionCodes.map((e) => [e.code, e])),
    iso1993: new Map(actionCodes1993.map((e) => [e.code, e])),
    iso1987: new Map(responseCodes1987.map((e) => [e.code, e])),
    extensions: new Map(responseCodeExtensions.map((e) => [e.code, e])),
    iso2021: new Map(responseCodes2021.map((e) => [e.code, e])),
    classes1993: actionCodeClasses1993,
    ranges1987: responseCodeRanges1987,
  };
}
let englishMemo: ReturnType<typeof englishTables> | undefined;
const english = (): ReturnType<typeof englishTables> => (englishMemo ??= englishTables());

/** The code tables in the current locale (same codes, same order; meanings, range labels and notes translated). */
const tables = builtPerLocale((): ReturnType<typeof englishTables> => {
  const { actionCodeClasses1993, actionCodes1993, responseCodeExtensions, responseCodeRanges1987, responseCodes1987, responseCodes2021 } = isoTables();
  return {
    nexi: localCodes('nexiActionCodes', nexiActionCodes),
    iso1993: localCodes('actionCodes1993', actionCodes1993),
    iso1987: localCodes('responseCodes1987', responseCodes1987),
    extensions: localCodes('responseCodeExtensions', responseCodeExtensions),
    iso2021: localCodes('responseCodes2021', responseCodes2021),
    classes1993: localRanges('actionCodeClasses1993', actionCodeClasses1993),
    ranges1987: localRanges('responseCodeRanges1987', responseCodeRanges1987),
  };
});

let equivalent1993to1987Memo: ReadonlyMap<string, string> | undefined;
const equivalent1993to1987 = (): ReadonlyMap<string, string> => (equivalent1993to1987Memo ??= new Map(Object.entries(isoTables().equivalent1987to1993).map(([a, b]) => [b, a])));

// Approval by ISO category. Categories not listed (file action, reconciliation, advice…) are neither.
const approvedBy1993Category: Readonly<Record<string, boolean>> = {
  approved: true,
  declined: false,
  pickup: false,
  referral: false,
  error: false,
  retry: false,
};
const approvedBy1987Category: Readonly<Record<string, boolean>> = {
  ...approvedBy1993Category,
  'file-update': false,
};
// Two-character codes outside the 1987 table whose outcome is clear from their meaning.
const approvedExtension: Readonly<Record<string, boolean>> = { Y1: true, Y3: true, Z1: false, Z3: false, '0A': true, '85': true, '1A': false };

const nexiSources: readonly SpecSourceTag[] = ['[ISO-NEXI]'];

/**
 * Explains an `actionCode` / `f39` value. 3 digits → ISO 8583:1993 action code (Nexi's own table
 * first, spec §10); 2 characters → ISO 8583:1987 response code (then the 2021/EMV list); anything else
 * is reported as unrecognised. `400` in a reversal response means "reversal accepted" (spec §10).
 */
export function describeActionCode(input: string, context: ActionCodeContext = {}): ActionCodeDescription {
  const M = actionText();
  const code = input.trim().replace(/^(["'])(.*)\1$/, '$2').trim().toUpperCase();
  if (/^\d{3}$/.test(code)) return describe1993(input, code, context);
  if (/^[0-9A-Z]{2}$/.test(code)) return describe1987(input, code);
  const notes = /^\d{4}$/.test(code) ? [M.fourDigits] : [];
  return {
    input,
    code,
    kind: 'unrecognised',
    meaning: code === '' ? M.empty : fillTemplate(M.unrecognised, { input }),
    documented: false,
    approved: undefined,
    provenance: 'undocumented',
    sources: [],
    notes,
  };
}

function describe1993(input: string, code: string, context: ActionCodeContext): ActionCodeDescription {
  const M = actionText();
  const T = tables();
  const iso = T.iso1993.get(code);
  const nexi = T.nexi.get(code);
  const codeClass = T.classes1993.find((c) => Number(code) >= c.from! && Number(code) <= c.to!);
  const equivalentCode = equivalent1993to1987().get(code);
  const equivalent = equivalentCode ? { code: equivalentCode, meaning: T.iso1987.get(equivalentCode)!.meaning } : undefined;
  const base = {
    input,
    code,
    kind: 'iso8583-1993' as const,
    ...(iso?.category ? { category: iso.category } : {}),
    ...(codeClass ? { codeClass } : {}),
    ...(equivalent ? { equivalent } : {}),
  };

  // spec §10: 400 on an approved SoftPOS reversal = ISO 1993 "accepted" of the reversal class [inference].
  if (code === '400') {
    const onReversal = context.operation === undefined || context.operation === 'reversal';
    const notes = onReversal
      ? [M.reversalAcceptedNote]
      : [fillTemplate(M.reversalCodeElsewhere, { operation: operationLabel(context.operation!) })];
    return {
      ...base,
      meaning: context.operation === 'reversal' ? M.reversalAccepted : iso!.meaning,
      documented: true,
      approved: onReversal ? true : undefined,
      provenance: context.operation === 'reversal' ? 'inferred' : iso!.prov,
      sources: context.operation === 'reversal' ? ['[REV]', ...iso!.src] : iso!.src,
      notes,
    };
  }

  if (nexi) {
    const notes: string[] = [M.nexiTable];
    if (nexi.approved === false) notes.push(M.nexiAdvice);
    // Whether the wordings differ is decided in English, so that isoMeaning is there in every locale or none.
    const differs = english().iso1993.get(code)?.meaning !== english().nexi.get(code)!.meaning;
    return {
      ...base,
      meaning: nexi.meaning,
      documented: true,
      approved: nexi.approved,
      ...(iso && differs ? { isoMeaning: iso.meaning } : {}),
      provenance: 'nexi-documented',
      sources: iso ? [...nexiSources, ...iso.src] : nexiSources,
      notes,
    };
  }

  if (iso) {
    return {
      ...base,
      meaning: iso.meaning,
      documented: true,
      approved: iso.category ? approvedBy1993Category[iso.category] : undefined,
      provenance: iso.prov,
      sources: iso.src,
      notes: [],
    };
  }

  // Not in any table: only the class is known, and the approval reading is ours.
  const hundreds = Math.floor(Number(code) / 100);
  const approved = hundreds === 0 ? true : hundreds === 1 || hundreds === 2 ? false : Number(code) >= 902 ? false : undefined;
  return {
    ...base,
    meaning: fillTemplate(M.unlisted1993, {
      code,
      range: codeClass?.range ?? '',
      classMeaning: codeClass?.meaning ?? '',
    }),
    documented: false,
    approved,
    provenance: 'inferred',
    sources: codeClass?.src ?? [],
    notes: [],
  };
}

function describe1987(input: string, code: string): ActionCodeDescription {
  const M = actionText();
  const T = tables();
  const iso = T.iso1987.get(code);
  const equivalentCode = isoTables().equivalent1987to1993[code];
  const equivalent = equivalentCode ? { code: equivalentCode, meaning: T.iso1993.get(equivalentCode)!.meaning } : undefined;
  const range = T.ranges1987.find((r) =>
    r.alphanumeric ? /[A-Z]/.test(code) : /^\d\d$/.test(code) && Number(code) >= r.from! && Number(code) <= r.to!,
  );
  const base = {
    input,
    code,
    kind: 'iso8583-1987' as const,
    ...(range ? { codeClass: range } : {}),
    ...(equivalent ? { equivalent } : {}),
  };
  if (iso) {
    return {
      ...base,
      category: iso.category!,
      meaning: iso.meaning,
      documented: true,
      approved: approvedBy1987Category[iso.category!],
      provenance: iso.prov,
      sources: iso.src,
      notes: [],
    };
  }
  const other: CodeData | undefined = T.extensions.get(code) ?? T.iso2021.get(code);
  const rangeNote = range ? [fillTemplate(M.inRange1987, { code, range: range.range, rangeMeaning: range.meaning })] : [];
  if (other) {
    return {
      ...base,
      meaning: other.meaning,
      documented: true,
      approved: approvedExtension[code],
      provenance: other.prov,
      sources: other.src,
      notes: [M.from2021, ...rangeNote],
    };
  }
  return {
    ...base,
    meaning: fillTemplate(M.unlisted1987, { code }),
    documented: false,
    approved: undefined,
    provenance: 'undocumented',
    sources: range?.src ?? [],
    notes: rangeNote,
  };
}
