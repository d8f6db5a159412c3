// Date and time formats found in App2App URIs (spec §12). Each reader returns undefined unless the value is a
// real date/time, so explanations never invent a date out of a malformed value. The human text follows the core
// locale (`9 Dec 2020 23:17`, `9 dicembre 2020, 23:17`); the numbers and the ISO form never change.
import { fillTemplate, recentlyRead } from '../codes/text';
import { translated } from '../l10n';
import { dateTexts } from './messages';

export interface ReadDate {
  /** ISO 8601 without zone (`2020-12-09T23:17`), or partial (`--05-16`, `14:51:26`). */
  readonly iso: string;
  /** Human text in the core locale (`9 Dec 2020 23:17`, `9 dicembre 2020, 23:17`). */
  readonly text: string;
  /**
   * Set when the value was repaired before reading: `plus-as-space` = the `+` of a UTC offset had been decoded to
   * a space (`…T14:51:51 02:00`). `iso` is then the repaired value and `text` says so.
   */
  readonly recovered?: 'plus-as-space';
}

/** Notes the readers add to `text` themselves (other languages: the l10n bundles). */
export const dateNotes = {
  plusRecovered: "{text} (recovered: the offset's `+` had been decoded to a space)",
} as const;

/** The notes in the current core locale. */
export const dateNoteTexts = translated('explain.dateNotes', dateNotes);

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** `9 Dec` (month 1-based). */
function dayMonth(d: number, month: number): string {
  return `${d} ${dateTexts().months[month - 1]}`;
}

/** `9 Dec 2020`. */
function dayMonthYear(d: number, month: number, year: number): string {
  return `${dayMonth(d, month)} ${year}`;
}

/** `9 Dec 2020 23:17` (English), `9 dicembre 2020, 23:17` (Italian). */
function dateTime(date: string, time: string): string {
  return fillTemplate(dateTexts().dateTime, { date, time });
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function validTime(h: number, min: number, s = 0): boolean {
  return h >= 0 && h <= 23 && min >= 0 && min <= 59 && s >= 0 && s <= 59;
}

/** `ddMMyyHHmm` (request and response `timestamp`, spec §12; 24-hour clock is an inference). Years 00–99 → 2000–2099. */
export function readDdMMyyHHmm(value: string): ReadDate | undefined {
  return recentDdMMyyHHmm(value);
}

// The model and the explainer read the same values of a URI: the last answers are kept (see recentlyRead).
const recentDdMMyyHHmm = recentlyRead(ddMMyyHHmm);
const recentDdSlashMMSlashYyyy = recentlyRead(ddSlashMMSlashYyyy);
const recentIso8601 = recentlyRead(iso8601);

function ddMMyyHHmm(value: string): ReadDate | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [d, mo, y, h, mi] = m.slice(1).map(Number) as [number, number, number, number, number];
  const year = 2000 + y;
  if (!validDate(year, mo, d) || !validTime(h, mi)) return undefined;
  return { iso: `${year}-${pad(mo)}-${pad(d)}T${pad(h)}:${pad(mi)}`, text: dateTime(dayMonthYear(d, mo, year), `${pad(h)}:${pad(mi)}`) };
}

/** `HHmmss` (f12). */
export function readHHmmss(value: string): ReadDate | undefined {
  const m = /^(\d{2})(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [h, mi, s] = m.slice(1).map(Number) as [number, number, number];
  if (!validTime(h, mi, s)) return undefined;
  const t = `${pad(h)}:${pad(mi)}:${pad(s)}`;
  return { iso: t, text: t };
}

/** `MMdd` (f13); no year, so 29 February is accepted. */
export function readMMdd(value: string): ReadDate | undefined {
  const m = /^(\d{2})(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [mo, d] = m.slice(1).map(Number) as [number, number];
  if (!validDate(2024, mo, d)) return undefined;
  return { iso: `--${pad(mo)}-${pad(d)}`, text: dayMonth(d, mo) };
}

/** `dd/MM/yyyy` (CT106). */
export function readDdSlashMMSlashYyyy(value: string): ReadDate | undefined {
  return recentDdSlashMMSlashYyyy(value);
}

function ddSlashMMSlashYyyy(value: string): ReadDate | undefined {
  const m = /^(\d{2})\/(\d{2})\/(\d{4})$/.exec(value.trim());
  if (!m) return undefined;
  const [d, mo, y] = m.slice(1).map(Number) as [number, number, number];
  if (!validDate(y, mo, d)) return undefined;
  return { iso: `${y}-${pad(mo)}-${pad(d)}`, text: dayMonthYear(d, mo, y) };
}

/** `HH:mm` (CT107). */
export function readHHColonMm(value: string): ReadDate | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m) return undefined;
  const [h, mi] = m.slice(1).map(Number) as [number, number];
  if (!validTime(h, mi)) return undefined;
  return { iso: `${pad(h)}:${pad(mi)}`, text: `${pad(h)}:${pad(mi)}` };
}

/**
 * ISO 8601 date-time with offset (CT110, e.g. `2025-05-16T14:51:51+02:00`). Results carry a raw `+` there
 * (spec §2.2), which a decoder that turns `+` into a space leaves as `…T14:51:51 02:00`: a space followed by an
 * offset is read as `+` and the result says it was recovered (a `-` offset never becomes a space).
 */
export function readIso8601(value: string): ReadDate | undefined {
  return recentIso8601(value);
}

function iso8601(value: string): ReadDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:(Z|[+-]\d{2}:?\d{2})| (\d{2}:?\d{2}))?$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi] = m.slice(1, 6).map(Number) as [number, number, number, number, number];
  const s = m[6] ? Number(m[6]) : 0;
  if (!validDate(y, mo, d) || !validTime(h, mi, s)) return undefined;
  const offset = m[7] ?? (m[8] !== undefined ? `+${m[8]}` : undefined);
  if (offset !== undefined && offset !== 'Z' && !validOffset(offset)) return undefined;
  const zone = offset ? (offset === 'Z' ? ' UTC' : ` UTC${offset}`) : '';
  const text = dateTime(dayMonthYear(d, mo, y), `${pad(h)}:${pad(mi)}:${pad(s)}${zone}`);
  if (m[8] === undefined) return { iso: value.trim(), text };
  const iso = value.trim().replace(/ (?=\d{2}:?\d{2}$)/, '+');
  return { iso, text: fillTemplate(dateNoteTexts().plusRecovered, { text }), recovered: 'plus-as-space' };
}

/** `+02:00`, `-0530`: hours 00–14 and minutes 00–59 (the range of real UTC offsets). */
function validOffset(offset: string): boolean {
  const m = /^[+-](\d{2}):?(\d{2})$/.exec(offset);
  return m !== null && Number(m[1]) <= 14 && Number(m[2]) <= 59;
}

/**
 * A 13-digit number between 2001 and 2100 read as Unix epoch milliseconds (the published SoftPOS example's
 * callerTrxId `1747399896594` is one; spec reference §0.8). Only ever shown as an inference.
 */
export function readEpochMillis(value: string): ReadDate | undefined {
  if (!/^\d{13}$/.test(value)) return undefined;
  const ms = Number(value);
  if (ms < Date.UTC(2001, 0, 1) || ms > Date.UTC(2100, 0, 1)) return undefined;
  const d = new Date(ms);
  const iso = d.toISOString();
  return { iso, text: dateTime(dayMonthYear(d.getUTCDate(), d.getUTCMonth() + 1, d.getUTCFullYear()), `${iso.slice(11, 19)} UTC`) };
}

/**
 * f37 retrieval reference number laid out as `ydddhh` + 6-digit sequence (year digit, Julian day, hour), as in the
 * published example `513614271424` = 2025, day 136 (16 May), 14 h, sequence 271424 (reference §0.8, inferred).
 * `nearYear` (e.g. the current year) picks the decade (the year digit alone is ambiguous).
 */
export function readRrn(value: string, nearYear: number): { year: number; dayOfYear: number; date: string; hour: number; sequence: string } | undefined {
  const m = /^(\d)(\d{3})(\d{2})(\d{6})$/.exec(value.trim());
  if (!m) return undefined;
  const yDigit = Number(m[1]);
  const day = Number(m[2]);
  const hour = Number(m[3]);
  // The latest year ending in that digit, at most one year after `nearYear` (clocks and time zones differ).
  const year = nearYear + 1 - (((((nearYear + 1) % 10) - yDigit) % 10) + 10) % 10;
  const daysInYear = validDate(year, 2, 29) ? 366 : 365;
  if (day < 1 || day > daysInYear || hour > 23) return undefined;
  const date = new Date(Date.UTC(year, 0, day));
  return { year, dayOfYear: day, date: dayMonthYear(date.getUTCDate(), date.getUTCMonth() + 1, year), hour, sequence: m[4]! };
}
