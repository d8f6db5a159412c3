// What an EMV value means, beyond its hex: numbers for counters (9F36 ATC), digits/dates/times for
// `n` formats (9A, 9F21), currencies and countries (5F2A, 9F1A), amounts (9F02), text for `an`/`ans`,
// AIDs (4F, 84), the terminal-type table (9F35) and bit codings (bits.ts). The EMV format in the data
// decides the reading; a few small tag lists below add the semantics the format alone does not carry.
// The reading is decided on the English data (tagData); meanings come in the current locale (lookupTag).

import { describeActionCode, type ActionCodeDescription } from '../codes/actionCodes';
import { lookupAid, type AidMatch } from '../codes/aids';
import { lookupCountry, type Country } from '../codes/countries';
import { formatAmount, lookupCurrency, type Currency, type FormattedAmount } from '../codes/currencies';
import { overlay } from '../l10n';
import { decodeBits, type BitsDecoding } from './bits';
import { kernelCodedTags } from './kernelCodings';
import { posEntryModeValues, transactionTypeValues } from './kernelData';
import type { CardKernel } from './kernels';
import { lookupTag, tagData } from './tags';

export type ValueInterpretation =
  | { readonly kind: 'bits'; readonly decoding: BitsDecoding }
  /** A value table for the whole value (9F35 terminal type). */
  | { readonly kind: 'enumerated'; readonly code: string; readonly meaning?: string }
  /** Big-endian binary counter. */
  | { readonly kind: 'number'; readonly value: number }
  /** `n` (BCD) or `cn` (trailing F padding removed) digits; `valid` is false when non-decimal digits occur. */
  | { readonly kind: 'digits'; readonly digits: string; readonly valid: boolean }
  /** `a`/`an`/`ans` text; `printable` is false when bytes outside printable ASCII occur. */
  | { readonly kind: 'text'; readonly text: string; readonly printable: boolean }
  /** YYMMDD; `iso` (YYYY-MM-DD) when it is a real date. EMV years 00–49 are 20xx, 50–99 are 19xx. */
  | { readonly kind: 'date'; readonly digits: string; readonly iso?: string }
  /** HHMMSS; `iso` (HH:MM:SS) when it is a real time. */
  | { readonly kind: 'time'; readonly digits: string; readonly iso?: string }
  | { readonly kind: 'amount'; readonly digits: string; readonly amount?: FormattedAmount }
  | { readonly kind: 'currency'; readonly code: string; readonly currency?: Currency }
  | { readonly kind: 'country'; readonly code: string; readonly country?: Country }
  | { readonly kind: 'aid'; readonly aid: string; readonly match?: AidMatch }
  /** 8A Authorisation Response Code: two ASCII characters read as an ISO 8583 response code. */
  | { readonly kind: 'response-code'; readonly code: string; readonly description: ActionCodeDescription };

export interface ValueContext {
  /** Currency (numeric or alpha) for amounts, e.g. from 5F2A; defaults to 978 (EUR). */
  readonly currency?: string;
  /** The kernel the card was read with (kernels.ts): kernel-dependent bits are read for it. */
  readonly kernel?: CardKernel;
}

// The two value tables in the current locale: overlay l10n/data/emvValues.<locale>.json, by tag (cached by overlay).
const transactionTypes = (): Readonly<Record<string, string>> => overlay('emvValues', '9C', transactionTypeValues);
const posEntryModes = (): Readonly<Record<string, string>> => overlay('emvValues', '9F39', posEntryModeValues);

// Binary counters (EMV Book 3 Annex A).
const counters = new Set(['9F36', '9F13', '9F17']);
// Binary amounts: 81 Amount Authorised, 9F04 Amount Other, 9F1B Terminal Floor Limit, 9F3A Amount Reference Currency.
const binaryAmounts = new Set(['81', '9F04', '9F1B', '9F3A']);
// Application identifiers: 4F card AID, 84 DF name, 9F06 terminal AID.
const aidTags = new Set(['4F', '84', '9F06']);

/**
 * Interprets a primitive value. Undefined when the value is not whole hex bytes, the tag is unknown,
 * or its format carries nothing beyond the hex (proprietary binary data such as 9F10 or 9F26).
 */
export function interpretValue(tag: string, valueHex: string, context: ValueContext = {}): ValueInterpretation | undefined {
  const info = tagData(tag);
  const hex = valueHex.replace(/\s/g, '').toUpperCase();
  if (!info || !/^([0-9A-F]{2})+$/.test(hex)) return undefined;
  const format = info.format;

  if (info.coding?.bytes || kernelCodedTags.includes(info.tag)) {
    const decoding = decodeBits(info.tag, hex, context.kernel);
    if (decoding) return { kind: 'bits', decoding };
    if (info.coding?.bytes) return undefined;
  }
  // 9C and 9F39: value tables of kernelData.ts (the generated data only has them as a note).
  const table = info.tag === '9C' ? transactionTypes() : info.tag === '9F39' ? posEntryModes() : undefined;
  if (table && /^\d+$/.test(hex)) return { kind: 'enumerated', code: hex, ...(table[hex] ? { meaning: table[hex] } : {}) };
  if (info.coding?.values) {
    const code = hex;
    const meaning = lookupTag(info.tag)?.coding?.values?.[code];
    return { kind: 'enumerated', code, ...(meaning ? { meaning } : {}) };
  }
  if (counters.has(info.tag)) return { kind: 'number', value: Number.parseInt(hex, 16) };
  if (binaryAmounts.has(info.tag)) return amount(BigInt(`0x${hex}`).toString(), context);
  if (aidTags.has(info.tag)) {
    const match = lookupAid(hex);
    return { kind: 'aid', aid: hex, ...(match ? { match } : {}) };
  }
  if (info.tag === '8A') {
    const code = ascii(hex).text;
    return { kind: 'response-code', code, description: describeActionCode(code) };
  }
  if (/^cn\b/.test(format)) {
    const digits = hex.replace(/F+$/, '');
    return { kind: 'digits', digits, valid: /^\d*$/.test(digits) };
  }
  if (/^n\b/.test(format)) {
    const valid = /^\d+$/.test(hex);
    if (valid && /YYMMDD/.test(format)) return { kind: 'date', digits: hex, ...isoDate(hex) };
    if (valid && /HHMMSS/.test(format)) return { kind: 'time', digits: hex, ...isoTime(hex) };
    if (valid && (/ISO 4217/.test(format) || /Currency Code/.test(info.name))) {
      const code = String(Number(hex)).padStart(3, '0');
      const currency = lookupCurrency(code);
      return { kind: 'currency', code, ...(currency ? { currency } : {}) };
    }
    if (valid && (/ISO 3166/.test(format) || /Country Code/.test(info.name))) {
      const code = String(Number(hex)).padStart(3, '0');
      const country = lookupCountry(code);
      return { kind: 'country', code, ...(country ? { country } : {}) };
    }
    if (valid && /^Amount/.test(info.name)) return amount(hex, context);
    return { kind: 'digits', digits: hex, valid };
  }
  if (/^a/.test(format)) return { kind: 'text', ...ascii(hex) };
  return undefined;
}

function amount(digits: string, context: ValueContext): ValueInterpretation {
  const formatted = formatAmount(digits, context.currency ?? '978');
  return { kind: 'amount', digits, ...(formatted ? { amount: formatted } : {}) };
}

function ascii(hex: string): { text: string; printable: boolean } {
  const bytes = hex.match(/../g)!.map((b) => Number.parseInt(b, 16));
  return { text: String.fromCharCode(...bytes), printable: bytes.every((b) => b >= 0x20 && b < 0x7f) };
}

function isoDate(yymmdd: string): { iso?: string } {
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  const dd = Number(yymmdd.slice(4, 6));
  const year = yy < 50 ? 2000 + yy : 1900 + yy;
  const date = new Date(Date.UTC(year, mm - 1, dd));
  const real = mm >= 1 && mm <= 12 && date.getUTCMonth() === mm - 1 && date.getUTCDate() === dd;
  return real ? { iso: `${year}-${yymmdd.slice(2, 4)}-${yymmdd.slice(4, 6)}` } : {};
}

function isoTime(hhmmss: string): { iso?: string } {
  const [h, m, s] = [0, 2, 4].map((i) => Number(hhmmss.slice(i, i + 2)));
  return h < 24 && m < 60 && s < 60 ? { iso: `${hhmmss.slice(0, 2)}:${hhmmss.slice(2, 4)}:${hhmmss.slice(4, 6)}` } : {};
}
