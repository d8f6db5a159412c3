// ISO 4217 currencies (CT118, EMV 5F2A/9F42, ISO 8583 DE49) and amount formatting.
// Amounts travel in minor units: SoftPOS sends 12 zero-padded digits (`000000000450`), MobilePOS the
// bare integer (`200`); both are cents of the currency (spec §3.4, reference §0.7).

import type { CurrencyData } from '../data/currencyData';
import type { DataSourceId } from '../data/sourceData';
import { getLocale, overlay, inSourceLocale } from '../l10n';
import type { Provenance } from '../types';
import { builtPerLocale, recentlyRead } from './text';

export interface Currency {
  /** ISO 4217 numeric, 3 digits. */
  readonly numeric: string;
  readonly alpha: string;
  /** In the current locale (`Euro`, `euro`). */
  readonly name: string;
  /** Exponent; null for units without minor units (XXX, metals) or non-decimal ones. */
  readonly minorUnits: number | null;
  readonly note?: string;
  readonly provenance: Provenance;
  readonly sources: readonly DataSourceId[];
}

// Names in other languages come from the runtime's ICU data (Node ships full ICU), with overrides in the locale's
// overlay (l10n/data/currencies.<locale>.json, by numeric code) for codes ICU has no good name for; English keeps
// the names of the reference data.
const displayNames = builtPerLocale(() => {
  try {
    return new Intl.DisplayNames([getLocale()], { type: 'currency', fallback: 'none' });
  } catch {
    return undefined;
  }
});

function localName(c: CurrencyData, overlaid: string): string {
  if (overlaid !== c.name || inSourceLocale()) return overlaid;
  let name: string | undefined;
  try {
    name = displayNames()?.of(c.alpha);
  } catch {
    // A code Intl rejects: the English name it is.
  }
  return name && name !== c.alpha ? name : c.name;
}

function toCurrency(c: CurrencyData): Currency {
  const words = overlay('currencies', c.numeric, c.note ? { name: c.name, note: c.note } : { name: c.name });
  const note = words.note;
  return {
    numeric: c.numeric,
    alpha: c.alpha,
    name: localName(c, words.name),
    minorUnits: c.minorUnits,
    ...(note ? { note } : {}),
    provenance: c.prov,
    sources: c.src,
  };
}

let indexes: { readonly byNumeric: ReadonlyMap<string, CurrencyData>; readonly byAlpha: ReadonlyMap<string, CurrencyData> } | undefined;
/** The ISO 4217 table, a chunk of its own in the extension, loaded on the first lookup (issue 17 item 4). */
function currencyIndexes(): NonNullable<typeof indexes> {
  if (!indexes) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { currencies } = require('../data/currencyData') as typeof import('../data/currencyData');
    indexes = { byNumeric: new Map(currencies.map((c) => [c.numeric, c])), byAlpha: new Map(currencies.map((c) => [c.alpha, c])) };
  }
  return indexes;
}

/**
 * Looks a currency up by numeric code (`978`, `0978` as in EMV BCD, `978` as a number) or alphabetic
 * code (`EUR`, case-insensitive).
 */
export function lookupCurrency(code: string | number): Currency | undefined {
  if (typeof code === 'number') return findCurrency(code);
  const cache = lookups();
  let found = cache.get(code);
  if (found === undefined) {
    found = findCurrency(code) ?? null;
    // Bounded: codes come from input.
    if (cache.size >= 256) cache.clear();
    cache.set(code, found);
  }
  return found ?? undefined;
}

// Every lookup of a log asks for the same few codes (CT118, 978 for every amount): each answer is made once per
// locale and shared (a Currency is read-only), instead of overlaying and naming the entry again on every call.
const lookups = builtPerLocale(() => new Map<string, Currency | null>());
const currencyOf = builtPerLocale(() => new Map<CurrencyData, Currency>());

function findCurrency(code: string | number): Currency | undefined {
  const text = String(code).trim();
  let c: CurrencyData | undefined;
  if (/^\d{1,4}$/.test(text)) {
    const n = Number(text);
    c = n <= 999 ? currencyIndexes().byNumeric.get(String(n).padStart(3, '0')) : undefined;
  } else c = /^[A-Za-z]{3}$/.test(text) ? currencyIndexes().byAlpha.get(text.toUpperCase()) : undefined;
  if (!c) return undefined;
  const made = currencyOf();
  let currency = made.get(c);
  if (currency === undefined) made.set(c, (currency = toCurrency(c)));
  return currency;
}

export interface FormattedAmount {
  /** The integer amount in minor units, without padding (`450`). */
  readonly minor: string;
  /** Decimal value (4.5). */
  readonly value: number;
  /** Exact decimal string with the currency's exponent (`4.50`). */
  readonly decimal: string;
  /** Localised text with the currency symbol (`€4.50` in English). */
  readonly text: string;
  /** Locale-neutral text with the ISO code (`EUR 4.50`). */
  readonly isoText: string;
  readonly currency: Currency;
  /** Exponent used. */
  readonly exponent: number;
  /** The currency has no minor units in ISO 4217 (null): exponent 0 was assumed. */
  readonly exponentAssumed: boolean;
}

export interface FormatAmountOptions {
  /** BCP 47 locale of `text`; defaults to the core locale (`en`: `€4.50`, `it`: `4,50 €`). */
  readonly locale?: string;
}

/**
 * Formats an amount given in minor units. Lenient on zero padding and surrounding whitespace; accepts
 * a leading sign. Undefined when the amount is not an integer or the currency is unknown.
 */
export function formatAmount(
  amount: string | number,
  currencyCode: string | number = '978',
  options: FormatAmountOptions = {},
): FormattedAmount | undefined {
  // One URI's amounts are read several times (the model reads `amount`, f04 and f30, the explainer each field
  // again), and a log repeats them: the last few readings are kept and shared (a FormattedAmount is read-only).
  // Formatting with Intl is most of the cost; a key string and a Map per lookup cost more than this short search.
  if (typeof amount !== 'string' || typeof currencyCode !== 'string') return makeAmount(amount, currencyCode, options);
  return recentAmount(amount, currencyCode, options.locale);
}

const recentAmount = recentlyRead((amount: string, currencyCode: string, textLocale: string | undefined) => makeAmount(amount, currencyCode, textLocale === undefined ? {} : { locale: textLocale }));

function makeAmount(amount: string | number, currencyCode: string | number, options: FormatAmountOptions): FormattedAmount | undefined {
  const currency = lookupCurrency(currencyCode);
  if (!currency) return undefined;
  // `^([+-]?)(\d+)$`, read without a regular expression (amounts are read for every URI of a log).
  const text = typeof amount === 'number' ? (Number.isSafeInteger(amount) ? String(amount) : '') : amount.trim();
  const sign = text.charCodeAt(0);
  const start = sign === 45 /* - */ || sign === 43 /* + */ ? 1 : 0;
  if (start >= text.length) return undefined;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 48 || c > 57) return undefined;
  }
  const negative = sign === 45;
  // Without its leading zeros (one kept): `0`, or digits starting with 1–9.
  let first = start;
  while (first < text.length - 1 && text.charCodeAt(first) === 48) first++;
  const digits = first === 0 ? text : text.slice(first);
  const exponent = currency.minorUnits ?? 0;
  const padded = digits.padStart(exponent + 1, '0');
  const whole = padded.slice(0, padded.length - exponent);
  const fraction = padded.slice(padded.length - exponent);
  const unsigned = exponent > 0 ? `${whole}.${fraction}` : whole;
  const signed = negative && digits !== '0';
  const decimal = signed ? `-${unsigned}` : unsigned;
  const value = Number(decimal);
  return {
    minor: signed ? `-${digits}` : digits,
    value,
    decimal,
    text: localised(value, currency.alpha, exponent, options.locale ?? getLocale(), negative && value !== 0 ? undefined : whole, fraction) ?? `${currency.alpha} ${decimal}`,
    isoText: `${currency.alpha} ${decimal}`,
    currency,
    exponent,
    exponentAssumed: currency.minorUnits === null,
  };
}

/**
 * Number formats by locale, currency and exponent. Making an Intl.NumberFormat costs far more than formatting with
 * one (it was a third of explaining a log), and a log has few currencies. `format()` null: Intl rejects the
 * combination.
 */
interface Formatter {
  /** Intl's format, made when first needed (see `knownFormats`). */
  readonly format: () => Intl.NumberFormat | null;
  /** How the formats written out below write this combination; undefined for the others. */
  readonly known: KnownFormat | undefined;
  /** By count of integer digits: how the format writes such amounts (see `shapeOf`); null when it cannot be told. */
  readonly shapes: (Shape | null | undefined)[];
}
const formats = new Map<string, Formatter>();

/**
 * How Intl writes amounts of one currency in one locale, written out for the amounts nearly every log holds (euros,
 * in the languages the toolkit speaks): the first Intl.NumberFormat of a process costs ~20 ms of ICU set-up, a tenth
 * of a short log's decode and of the first hover on an amount. Intl itself still writes negative amounts, amounts
 * past 15 digits and every other combination. test/unit/codes.test.ts holds each one to what Intl writes.
 */
interface KnownFormat {
  /** Before the digits (`€`), after them (`\u00a0€`). */
  readonly prefix: string;
  readonly suffix: string;
  /** Between groups of three integer digits (`,`), before the fraction (`.`). */
  readonly group: string;
  readonly decimal: string;
  /** Integer digits only grouped from this many on (CLDR's minimum grouping digits: `it` writes `1234,00 €`). */
  readonly groupFrom: number;
}

/** By locale, currency and exponent (the key of `formats`). */
export const knownFormats: ReadonlyMap<string, KnownFormat> = new Map([
  [`en\u0000EUR\u00002`, { prefix: '€', suffix: '', group: ',', decimal: '.', groupFrom: 4 }],
  [`it\u0000EUR\u00002`, { prefix: '', suffix: '\u00a0€', group: '.', decimal: ',', groupFrom: 5 }],
]);

/** The shape of a known format for amounts of `length` integer digits. */
function knownShape(k: KnownFormat, length: number, exponent: number): Shape {
  const runs: number[] = [];
  const pieces: string[] = [k.prefix];
  if (length >= k.groupFrom) {
    runs.push(length % 3 || 3);
    for (let rest = length - (length % 3 || 3); rest > 0; rest -= 3) {
      pieces.push(k.group);
      runs.push(3);
    }
  } else runs.push(length);
  if (exponent > 0) {
    pieces.push(k.decimal);
    runs.push(exponent);
  }
  pieces.push(k.suffix);
  return { pieces, runs };
}

/**
 * How a format writes every non-negative amount with a given count of integer digits: text around and between runs
 * of the digits (`€`, `,`, `.`, `` for `€12,345.67`) and the length of each run (2, 3, 2). Writing the amount's own
 * digits into it gives what Intl gives, at a fraction of the cost (formatting was most of a log's amount readings).
 */
interface Shape {
  readonly pieces: readonly string[];
  readonly runs: readonly number[];
}

// Amounts of up to 15 digits are exact as numbers: what Intl writes of them is their digits.
const exactDigits = 15;

// The format used last: a log's amounts are nearly all in one currency and locale, so most calls need no key.
let last: { readonly locale: string; readonly alpha: string; readonly exponent: number; readonly formatter: Formatter } | undefined;

/**
 * `value` in `locale`'s currency format. `whole` and `fraction`: its digits (no leading zeros but one), when it is
 * not negative; the text is then made from the shape of the format for that many integer digits.
 */
function localised(value: number, alpha: string, exponent: number, locale: string, whole?: string, fraction?: string): string | undefined {
  let formatter: Formatter | undefined;
  if (last !== undefined && last.locale === locale && last.alpha === alpha && last.exponent === exponent) formatter = last.formatter;
  else {
    const key = `${locale}\u0000${alpha}\u0000${exponent}`;
    formatter = formats.get(key);
    if (formatter === undefined) {
      let format: Intl.NumberFormat | null | undefined;
      const intl = (): Intl.NumberFormat | null => {
        if (format !== undefined) return format;
        try {
          format = new Intl.NumberFormat(locale, { style: 'currency', currency: alpha, minimumFractionDigits: exponent, maximumFractionDigits: exponent });
        } catch {
          // Unknown locale or a code Intl rejects: the caller falls back to the ISO form.
          format = null;
        }
        return format;
      };
      formatter = { format: intl, known: knownFormats.get(key), shapes: [] };
      if (formats.size >= 256) formats.clear(); // bounded: locales and currencies come from input
      formats.set(key, formatter);
    }
    last = { locale, alpha, exponent, formatter };
  }
  if (whole !== undefined && fraction !== undefined && fraction.length === exponent && whole.length + exponent <= exactDigits) {
    let shape = formatter.shapes[whole.length];
    if (shape === undefined) {
      const known = formatter.known;
      const format = known === undefined ? formatter.format() : undefined;
      shape = formatter.shapes[whole.length] = known !== undefined ? knownShape(known, whole.length, exponent) : format ? shapeOf(format, whole.length, exponent) : null;
    }
    if (shape !== null) {
      const digits = exponent > 0 ? whole + fraction : whole;
      let out = shape.pieces[0]!;
      let at = 0;
      for (let i = 0; i < shape.runs.length; i++) {
        const end = at + shape.runs[i]!;
        out += digits.slice(at, end) + shape.pieces[i + 1]!;
        at = end;
      }
      return out;
    }
  }
  const format = formatter.format();
  return format === null ? undefined : format.format(value);
}

/**
 * The shape (see `Shape`) of `format` for amounts of `length` integer digits, read from what it writes of two
 * amounts of that length; null when the two disagree or their digits are not written as ASCII digits in order (other
 * numbering systems): such amounts are then formatted by Intl itself.
 */
function shapeOf(format: Intl.NumberFormat, length: number, exponent: number): Shape | null {
  let found: Shape | null = null;
  const probes = [
    ['123456789123456'.slice(0, length), '987654321'.slice(0, exponent)],
    ['9'.padEnd(length, '0'), '0'.repeat(exponent)],
  ] as const;
  for (const [whole, fraction] of probes) {
    const digits = whole + fraction;
    const text = format.format(Number(exponent > 0 ? `${whole}.${fraction}` : whole));
    const pieces: string[] = [];
    const runs: number[] = [];
    let piece = '';
    let run = 0;
    let read = '';
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        if (run === 0) pieces.push(piece);
        run++;
        read += text.charAt(i);
        continue;
      }
      if (run > 0) {
        runs.push(run);
        run = 0;
        piece = '';
      }
      piece += text.charAt(i);
    }
    if (run > 0) {
      runs.push(run);
      piece = '';
    }
    pieces.push(piece);
    if (read !== digits) return null;
    if (found === null) found = { pieces, runs };
    else if (found.pieces.join('\u0000') !== pieces.join('\u0000') || found.runs.join() !== runs.join()) return null;
  }
  return found;
}
