// Every App2App validation code with its severity and message templates, in one table so docs, tests and
// translations can enumerate them. Templates use `{name}` placeholders; `variants` hold alternative wordings of
// the same finding. Other languages come from the l10n bundles (`l10n/bundle.l10n.<locale>.json`, keyed by the
// English template) through `translated`; a caller may still pass its own `MessageTable` to override them.

import { translated } from '../l10n';
import type { Severity } from '../types';
import { fillTemplate } from '../codes/text';

export interface DiagnosticCodeInfo {
  readonly severity: Severity;
  /** Short name for docs and settings. */
  readonly title: string;
  /** Default message template. */
  readonly message: string;
  readonly variants?: Readonly<Record<string, string>>;
  /** Spec section the rule comes from; `[inference]` marks our own reading. */
  readonly source: string;
}

export const diagnosticCodes = {
  A2A001: {
    severity: 'error',
    title: 'Unknown scheme',
    message: '`{scheme}://` is not the Nexi POS scheme: requests start with `neximpos://`.',
    variants: {
      case: '`{scheme}://` must be written `neximpos://` in lower case: Android matches schemes case-sensitively.',
      missing: 'The URI has no scheme: requests start with `neximpos://`.',
    },
    source: '§2.1',
  },
  A2A002: {
    severity: 'error',
    title: 'Unknown operation',
    message: '`{authority}` is not a Nexi POS operation. Use one of: payment, reversal, last_transaction, accounting_closure.',
    variants: {
      suggestion: '`{authority}` is not a Nexi POS operation. Did you mean `{suggestion}`?',
      empty: 'The operation is missing after `neximpos://`. Use one of: payment, reversal, last_transaction, accounting_closure.',
    },
    source: '§2.1',
  },
  A2A003: {
    severity: 'error',
    title: 'Missing required parameter',
    message: '{operation} needs `{name}`: {description} Add it.',
    source: '§3.1, §4.1, §5.1, §6.1',
  },
  A2A004: {
    severity: 'error',
    title: 'Amount is not an integer number of cents',
    message: '`{name}` must be an integer number of euro cents (150 = €1.50), not `{value}`.',
    variants: {
      decimal: '`{name}` is in euro cents, without a decimal separator: `{value}` looks like euros — write `{suggestion}`.',
      negative: '`{name}` cannot be negative (`{value}`): write the amount in cents as a positive integer, e.g. 150 for €1.50. To give money back, reverse the transaction.',
      zero: '`{name}` must be at least {min} cent: `{value}` has nothing to charge. Nexi does not document whether zero is accepted (spec §16.8); we treat it as an error (inferred).',
      plus: '`{name}` takes digits only: write `{suggestion}` instead of `{value}` (a raw `+` is even decoded as a space).',
    },
    source: '§2.1, §3.1, §16.8 [inference: zero]',
  },
  A2A005: {
    severity: 'error',
    title: 'Boolean is not true/false',
    message: '`{name}` takes the literal `true` or `false`, not `{value}`.',
    variants: {
      suggestion: '`{name}` takes the literal `true` or `false`, not `{value}`: write `{suggestion}`.',
    },
    source: '§2.1',
  },
  A2A006: {
    severity: 'error',
    title: 'Timestamp is not a real ddMMyyHHmm date-time',
    message: '`{name}` must be ddMMyyHHmm (10 digits; 24-hour clock, inferred from Nexi\'s example), e.g. 0912202317 for 09/12/2020 23:17; `{value}` is not.',
    variants: {
      date: '`{name}`=`{value}`: {day}/{month}/20{year} is not a real date. Write ddMMyyHHmm, e.g. 0912202317 for 09/12/2020 23:17.',
      month: '`{name}`=`{value}`: month {month} does not exist. Write ddMMyyHHmm (day first), e.g. 0912202317 for 09/12/2020 23:17.',
      hour: '`{name}`=`{value}`: hour {hour} does not exist; the clock runs 00–23. Write ddMMyyHHmm, e.g. 0912202317 for 09/12/2020 23:17.',
      minute: '`{name}`=`{value}`: minute {minute} does not exist; minutes run 00–59.',
      epoch: '`{name}`=`{value}` looks like epoch milliseconds (one Nexi sample sends that); the documented format is ddMMyyHHmm, e.g. 0912202317.',
    },
    source: '§12, §16.7 [inference: 24-hour clock]',
  },
  A2A007: {
    severity: 'warning',
    title: 'Terminal ID is not 8 digits',
    message: '`{name}`=`{value}` does not look like a terminal ID: every documented TID has 8 digits (e.g. 30350039).',
    source: '§1, §3.4 [inference: 8 digits]',
  },
  A2A008: {
    severity: 'error',
    title: 'Empty value',
    message: '`{name}` has no value. {description} Give it one.',
    source: '§3.1, §4.1',
  },
  A2A009: {
    severity: 'warning',
    title: 'Unknown parameter',
    message: '`{name}` is not a {operation} parameter: Nexi does not document it, so it is ignored at best.',
    variants: {
      suggestion: '`{name}` is not a {operation} parameter. Did you mean `{suggestion}`? (Parameter names are case-sensitive.)',
      otherOperation: '`{name}` is a {others} parameter; {operation} does not take it.',
      response: '`{name}` is a result field that Nexi POS sends back; requests do not carry it.',
    },
    source: '§3.1, §4.1, §5.1, §6.1',
  },
  A2A010: {
    severity: 'warning',
    title: 'Duplicate parameter',
    message: '`{name}` appears more than once; Android reads only the first occurrence. Keep one.',
    source: '[inference: Uri.getQueryParameter returns the first value]',
  },
  A2A011: {
    severity: 'error',
    title: 'Additional tag has the wrong length',
    message: '`{name}` must be {minLength}–{maxLength} characters long once decoded; `{value}` has {length}.',
    source: '§3.2',
  },
  A2A012: {
    severity: 'error',
    title: 'Additional tag contains a character that is not allowed',
    message: '`{name}` may contain only {allowed}. Not allowed here: {characters}.',
    source: '§3.2',
  },
  A2A013: {
    severity: 'warning',
    title: 'Duplicate additional-tag key',
    message: 'The tag key `{value}` is already used by `{first}`; Nexi POS ignores a repeated key. Use a unique key.',
    source: '§3.2',
  },
  A2A014: {
    severity: 'warning',
    title: 'Additional-tag index outside 1…5',
    message: '`{name}`: additional tags are documented for indexes 1 to 5; whether Nexi POS reads index {index} is not stated (spec §16.3). Use 1–5.',
    source: '§3.1, §16.3',
  },
  A2A015: {
    severity: 'warning',
    title: 'Additional-tag key without value',
    message: '`{name}` has no matching `{pair}`: every tag key needs its value.',
    source: '§3.2',
  },
  A2A016: {
    severity: 'warning',
    title: 'Additional-tag value without key',
    message: '`{name}` has no matching `{pair}`: with key/value tags, every value needs its key.',
    source: '§3.2',
  },
  A2A017: {
    severity: 'info',
    title: 'Legacy additional tag without key',
    message: '`{name}` without `{pair}` is the legacy form (value of tag {tag}); current Nexi POS expects key/value pairs `addInfoKeyN` + `addInfoN`.',
    source: '§3.1, §16.3',
  },
  A2A018: {
    severity: 'error',
    title: 'autoClose together with sendTicket',
    message: '`autoClose=true` cannot be combined with `sendTicket=true`: Nexi POS answers result -21. Set `sendTicket=false`.',
    source: '§3.3 [ERR]',
  },
  A2A019: {
    severity: 'warning',
    title: 'autoClose without sendTicket=false',
    message: '`autoClose=true` without `sendTicket`: sendTicket defaults to true, which Nexi POS may reject with result -21. Add `sendTicket=false` (the official demos always do).',
    source: '§3.3, §16.4 [inference]',
  },
  A2A020: {
    severity: 'info',
    title: 'MobilePOS-only parameter',
    message: '`{name}` is documented for {product} only; on {other} its effect is not stated.',
    variants: {
      urlTicket: '`urlTicket` is documented for MobilePOS only: SoftPOS does not return the receipt link even when asked [REVS]; any other effect on SoftPOS is not stated (spec §16.6).',
    },
    source: '§3.1, §3.4 [REVS], §16.6',
  },
  A2A021: {
    severity: 'warning',
    title: 'Parameter ignored by this operation',
    message: '`{name}` is ignored by {operation}: {reason}',
    source: '§1',
  },
  A2A022: {
    severity: 'error',
    title: 'Return URI is not absolute',
    message: '`{name}` must be an absolute URI with a scheme, such as `myapp://payment` (percent-encoded: `myapp%3A%2F%2Fpayment`); `{value}` has no scheme.',
    variants: {
      encodedTwice: '`{name}` decodes to `{value}`, which has no scheme: the return URI is percent-encoded twice. Decode it once: `{suggestion}`.',
    },
    source: '§2.1, §2.2',
  },
  A2A023: {
    severity: 'warning',
    title: 'Unencoded & in a value',
    message: '`&{fragment}` has no `=`: if the `&` belongs to the `{previous}` value, percent-encode it as `%26`.',
    source: '§2.1, §3.2 [inference]',
  },
  A2A024: {
    severity: 'warning',
    title: 'Unencoded + in a value',
    message: 'The `+` in `{name}` is decoded as a space by Android (Uri.getQueryParameter). Percent-encode it as `%2B`.',
    source: '§2.2, §3.2 [inference]',
  },
  A2A025: {
    severity: 'error',
    title: 'Unencoded # in a value',
    message: 'The `#` in `{name}` starts a URI fragment: Nexi POS never sees it or anything after it. Percent-encode it as `%23`.',
    source: '§2.1 [inference]',
  },
  A2A026: {
    severity: 'warning',
    title: 'Raw space in a value',
    message: 'Raw space in `{name}`: URIs cannot contain spaces (RFC 3986), so whether it arrives depends on the platform (iOS before 17 refuses such URLs). Percent-encode it as `%20`, or remove it if it is a line-wrap artefact of a copied example.',
    source: '§2.1, §3.5',
  },
  A2A027: {
    severity: 'error',
    title: 'Whitespace inside a name',
    message: '`{text}` contains whitespace (a line-wrap artefact of the published examples): Nexi POS would not recognise `{name}`. Remove it.',
    source: '§3.5, §4.4, §5.3, §6.3',
  },
  A2A028: {
    severity: 'error',
    title: '`×tamp` instead of `&timestamp`',
    message: '`×tamp` is what a web page makes of `&timestamp` (it reads `&times` as the × sign). Write `&timestamp`.',
    source: 'spec note on examples',
  },
  A2A029: {
    severity: 'error',
    title: 'HTML entity `&amp;` in the URI',
    message: '`&amp;` is the HTML spelling of `&`, copied from a web page; here it makes Nexi POS read `amp;{name}` as the name. Write `&`.',
    variants: {
      result: '`&amp;` is the HTML spelling of `&`, copied from a web page; in a result URI it makes the app that reads it see `amp;{name}` as the name. Write `&`.',
    },
    source: 'spec note on examples',
  },
  A2A030: {
    severity: 'error',
    title: 'Missing & between parameters',
    message: '`{name}=` is glued to the previous value: a `&` is missing before `{name}`.',
    source: '§5.3, §16.10',
  },
  A2A031: {
    severity: 'warning',
    title: 'Malformed percent-escape',
    message: '`%` in `{name}` is not followed by two hex digits, so `{name}` is read as `{value}`: the value is cut or the `%` is not encoded. Write a literal `%` as `%25`.',
    source: '§6.3',
  },
  A2A032: {
    severity: 'info',
    title: 'Undocumented parameter',
    message: '`{name}` is not documented by Nexi: only the official sample apps send it. It may change or be ignored.',
    source: '§3.1 [sample code], §16.9',
  },
  A2A033: {
    severity: 'error',
    title: 'Encoded space in a number, flag, date or URI',
    message: '`{name}` is read as "{value}": the encoded space `{escape}` becomes part of the value, where no space belongs. Remove `{escape}`.',
    variants: {
      amount: '`{name}` is read as "{value}": the encoded space `{escape}` becomes part of the value, which is then not an integer number of cents. Remove `{escape}`.',
      boolean: '`{name}` is read as "{value}": the encoded space `{escape}` becomes part of the value, which is then not the literal `true` or `false`. Remove `{escape}`.',
      timestamp: '`{name}` is read as "{value}": the encoded space `{escape}` becomes part of the value, which is then not ddMMyyHHmm. Remove `{escape}`.',
    },
    source: '§2.1, §3.1, §4.1',
  },
  A2A034: {
    severity: 'error',
    title: 'Amount larger than an int',
    message: '`{name}`=`{value}` cents is more than an int holds: Nexi types the amount as int, at most 2147483647 cents (€21,474,836.47) on Android (inferred: Java/Kotlin int). No maximum is documented (spec §16.8); check that the amount is in cents.',
    source: '§3.1, §4.1, §16.8 [inference: 32-bit int]',
  },
  A2A035: {
    severity: 'warning',
    title: 'Value percent-encoded twice',
    message: '`{name}` is percent-encoded twice: `{escape}` decodes to `{once}`, so Nexi POS reads "{value}" with the escape still in it. Decode it once: `{suggestion}`.',
    source: '§2.1 [inference]',
  },
  A2A036: {
    severity: 'error',
    title: 'Return URI cut by a broken percent-escape',
    message: '`{name}` is read as `{value}`: the `%` is not followed by two hex digits, so the return URI is cut: it is not the one you meant, and the result is unlikely to reach your app (the published accounting-closure example has this defect, spec §6.3). Percent-encode the whole return URI, e.g. `myapp%3A%2F%2Faccounting_closure`.',
    source: '§2.1, §6.3, §16.10',
  },
  A2A037: {
    severity: 'warning',
    title: 'Additional tag contains letters outside A–Z',
    message: '`{name}` contains {characters}: Nexi allows "letters" without saying whether accented or non-Latin letters count (spec §16.3), so Nexi POS may reject the pair (inferred). Use A–Z to be safe.',
    source: '§3.2, §16.3 [inference]',
  },
  A2A038: {
    severity: 'error',
    title: 'Value not among the documented values',
    message: '`{name}` takes one of {values}, not `{value}`; what Nexi POS does with another value is not documented. Write one of the listed values exactly.',
    variants: {
      suggestion: '`{name}` takes one of {values}, not `{value}` (values are case-sensitive): write `{suggestion}`.',
    },
    source: 'catalog values (§3–§6)',
  },
} as const satisfies Record<string, DiagnosticCodeInfo>;

export type DiagnosticCode = keyof typeof diagnosticCodes;

/** Titles of quick fixes (for the same reason as the messages: one place to translate). */
export const fixTitles = {
  replaceScheme: 'Replace the scheme with `neximpos`',
  replaceAuthority: 'Change the operation to `{suggestion}`',
  addParameter: 'Add `{name}`',
  addValue: 'Add a value for `{name}`',
  addAllRequired: 'Add all missing required parameters',
  replaceValue: 'Replace with `{suggestion}`',
  renameParameter: 'Rename to `{suggestion}`',
  removeParameter: 'Remove `{name}`',
  setSendTicketFalse: 'Set `sendTicket=false`',
  addSendTicketFalse: 'Add `sendTicket=false`',
  addTagKey: 'Add `{pair}`',
  addTagValue: 'Add `{pair}`',
  percentEncode: 'Percent-encode as `{encoded}`',
  removeWhitespace: 'Remove the whitespace (line-wrap artefact)',
  insertAmpersand: 'Insert `&` before `{name}`',
  repairTimes: 'Replace `×tamp` with `&timestamp`',
  repairAmp: 'Replace `&amp;` with `&`',
  removeEncodedSpace: 'Remove the encoded space',
  decodeOnce: 'Decode once: `{suggestion}`',
} as const;

export type FixTitleId = keyof typeof fixTitles;

export type MessageArgs = Readonly<Record<string, string | number>>;

/** Translations supply the same shape; missing entries fall back to the current locale's table, then English. */
export interface MessageTable {
  readonly messages?: Partial<
    Record<DiagnosticCode, { readonly title?: string; readonly message?: string; readonly variants?: Readonly<Record<string, string>> }>
  >;
  readonly fixTitles?: Partial<Record<FixTitleId, string>>;
}

type VariantsOf<C extends DiagnosticCode> = (typeof diagnosticCodes)[C] extends { readonly variants: infer V } ? { readonly variants: { readonly [K in keyof V]: string } } : unknown;

/** A complete translation: every code's title, message and variants, and every fix title (TypeScript rejects gaps). */
export interface CompleteMessageTable extends MessageTable {
  readonly messages: { readonly [C in DiagnosticCode]: { readonly title: string; readonly message: string } & VariantsOf<C> };
  readonly fixTitles: Readonly<Record<FixTitleId, string>>;
}

// Every English title, message, variant and fix title in the shape of a `MessageTable`: the current locale's copy
// is this table looked up in the bundle, built once per locale.
const englishTable: MessageTable = {
  messages: Object.fromEntries(
    Object.entries(diagnosticCodes).map(([code, info]) => [
      code,
      { title: info.title, message: info.message, ...('variants' in info ? { variants: info.variants } : {}) },
    ]),
  ),
  fixTitles,
};

/** The table of the current locale (the English templates above, or their translation). */
const localeTable = translated('app2app.diagnostics', englishTable);

/**
 * The message of `code` with `args` filled in: `variant`'s wording when there is one. `table` (an explicit
 * translation) wins; entries it lacks come from the current locale's table, then from English.
 */
export function formatMessage(code: DiagnosticCode, args: MessageArgs = {}, variant?: string, table?: MessageTable): string {
  const info: DiagnosticCodeInfo = diagnosticCodes[code];
  const tables = [table?.messages?.[code], localeTable().messages?.[code]];
  let template: string | undefined;
  if (variant !== undefined) {
    for (const t of tables) template ??= t?.variants?.[variant];
    template ??= info.variants?.[variant];
  }
  for (const t of tables) template ??= t?.message;
  return fillTemplate(template ?? info.message, args);
}

export function formatFixTitle(id: FixTitleId, args: MessageArgs = {}, table?: MessageTable): string {
  return fillTemplate(table?.fixTitles?.[id] ?? localeTable().fixTitles?.[id] ?? fixTitles[id], args);
}

/** Short name of the code (docs, settings), in the current locale unless `table` has one. */
export function diagnosticTitle(code: DiagnosticCode, table?: MessageTable): string {
  return table?.messages?.[code]?.title ?? localeTable().messages?.[code]?.title ?? diagnosticCodes[code].title;
}
