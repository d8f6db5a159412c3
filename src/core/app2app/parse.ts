// Tolerant parsing of one App2App URI. Real result URIs are not reliably encoded (spec §2.2): raw spaces, commas,
// parentheses and `+` appear in values, values are blank-padded, `F42` and `f42` coexist. So nothing here throws,
// `+` stays a `+`, malformed `%` sequences are kept as written, and every key/value keeps its exact range.

import type { OffsetRange } from '../types';

/** What introduced a query parameter. */
export type SeparatorKind =
  /** The `?` before the first parameter. */
  | 'query'
  | 'ampersand'
  /** `&amp;`: correct inside XML/HTML, an artefact of copying from a web page elsewhere. */
  | 'amp-entity'
  /** `×` of `×tamp=`: a web page decoded `&timestamp` as the entity `&times` + `tamp` (spec, note on examples). */
  | 'times-entity'
  /** No separator at all: the validator split a value where a `&` is missing (`12312 3uri=…`, spec §5.3). */
  | 'missing';

export interface QueryParam {
  /** Effective key as written (`timestamp` for `×tamp=`). Case-sensitive: `F42` and `f42` are different keys. */
  readonly key: string;
  /** `key` without whitespace (line-wrap spaces such as `callerName =Payment`): what catalog lookups use. */
  readonly name: string;
  /** Text after the first `=`, undecoded; undefined when the pair has no `=`. */
  readonly rawValue: string | undefined;
  /** Percent-decoded value (`+` is not a space; malformed `%` kept literally). */
  readonly value: string | undefined;
  /** `value` without leading/trailing blanks (fixed-width fields are blank-padded, spec §2.2). */
  readonly trimmed: string | undefined;
  /** Indexes in `rawValue` of `%` signs that do not start a valid `%XX` escape. */
  readonly malformedEscapes: readonly number[];
  /**
   * Part of the pair comes from a string template or a format placeholder (`$amount`, `${id}`, `\(x)`, `%s`):
   * `'key'` when the key is (partly) dynamic, `'value'` when only the value is. Such parts cannot be checked.
   */
  readonly dynamic: 'key' | 'value' | undefined;
  /** `key=value` (without the separator). */
  readonly range: OffsetRange;
  readonly keyRange: OffsetRange;
  /** Undefined when the pair has no `=`. */
  readonly valueRange: OffsetRange | undefined;
  readonly separator: SeparatorKind;
  readonly separatorRange: OffsetRange;
  /** Index of the key / value start in `ParsedUri.text` (for sub-ranges: see `rangeAt`). */
  readonly keyIndex: number;
  readonly valueIndex: number;
}

export interface ParsedUri {
  /** The URI as the receiving app sees it (string escapes already resolved by the scanner). */
  readonly text: string;
  /** Whole URI in the original text. */
  readonly range: OffsetRange;
  readonly scheme: string;
  readonly schemeRange: OffsetRange;
  /** Authority without whitespace (`demonexi:// accounting_closure` → `accounting_closure`). */
  readonly authority: string;
  /** Authority as written, possibly with line-wrap spaces. */
  readonly rawAuthority: string;
  readonly authorityRange: OffsetRange;
  readonly path: string;
  /** Range of the query after `?`; undefined when there is no `?`. */
  readonly queryRange: OffsetRange | undefined;
  readonly params: readonly QueryParam[];
  /** Original offset of `text[0]` when `offsets` is absent. */
  readonly base: number;
  /** Original offset of every `text` index (length `text.length + 1`) when escapes made them non-contiguous. */
  readonly offsets?: readonly number[];
  /** `text` index ranges that come from templates or format placeholders. */
  readonly dynamic?: readonly OffsetRange[];
  /** The text continues at run time after its end (string concatenation). */
  readonly openEnd?: boolean;
}

export interface ParseOptions {
  readonly base?: number;
  readonly offsets?: readonly number[];
  readonly dynamic?: readonly OffsetRange[];
  /** The text continues at run time after its end (`"…?amount=" + cents`): the last parameter is dynamic. */
  readonly openEnd?: boolean;
}

/** Original-text offset of index `i` of `uri.text`. */
export function offsetAt(uri: Pick<ParsedUri, 'base' | 'offsets'>, i: number): number {
  return uri.offsets ? uri.offsets[i] : uri.base + i;
}

/** Original-text range of `uri.text[start, end)`. */
export function rangeAt(uri: Pick<ParsedUri, 'base' | 'offsets'>, start: number, end: number): OffsetRange {
  return { start: offsetAt(uri, start), end: offsetAt(uri, end) };
}

const isHex = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
const hexValue = (c: number) => (c <= 57 ? c - 48 : (c | 32) - 87);

const noIndexes: readonly number[] = Object.freeze([]);

export interface DecodedValue {
  readonly value: string;
  readonly malformed: readonly number[];
}

/**
 * Lenient percent-decoding: valid `%XX` runs are decoded as UTF-8; bytes that do not form valid UTF-8 and `%`
 * signs without two hex digits are kept as written; `+` stays `+` (spec §2.2: a raw `+` appears in `CT110`).
 */
export function decodePercent(raw: string): DecodedValue {
  let pct = raw.indexOf('%');
  if (pct < 0) return { value: raw, malformed: noIndexes };
  const malformed: number[] = [];
  let out = raw.slice(0, pct);
  let i = pct;
  const n = raw.length;
  while (i < n) {
    // A run of consecutive %XX escapes is one byte sequence.
    const runStart = i;
    const bytes: number[] = [];
    while (i + 2 < n && raw.charCodeAt(i) === 37 && isHex(raw.charCodeAt(i + 1)) && isHex(raw.charCodeAt(i + 2))) {
      bytes.push(hexValue(raw.charCodeAt(i + 1)) * 16 + hexValue(raw.charCodeAt(i + 2)));
      i += 3;
    }
    if (bytes.length > 0) out += decodeUtf8(bytes, raw, runStart);
    else {
      malformed.push(i);
      out += '%';
      i++;
    }
    pct = raw.indexOf('%', i);
    const next = pct < 0 ? n : pct;
    out += raw.slice(i, next);
    i = next;
  }
  return { value: out, malformed };
}

// Decodes bytes that came from `raw.slice(start, start + 3 * bytes.length)`; invalid bytes are kept as `%XX` text.
function decodeUtf8(bytes: readonly number[], raw: string, start: number): string {
  let out = '';
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      out += String.fromCharCode(b);
      i++;
      continue;
    }
    let len = 0;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) len = 2;
    else if (b >= 0xe0 && b <= 0xef) {
      len = 3;
      if (b === 0xe0) lo = 0xa0; // overlong
      if (b === 0xed) hi = 0x9f; // UTF-16 surrogates are not valid UTF-8
    } else if (b >= 0xf0 && b <= 0xf4) {
      len = 4;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f;
    }
    let ok = len > 0 && i + len <= bytes.length;
    for (let k = 1; ok && k < len; k++) {
      const c = bytes[i + k];
      ok = k === 1 ? c >= lo && c <= hi : c >= 0x80 && c <= 0xbf;
    }
    if (!ok) {
      out += raw.substr(start + 3 * i, 3);
      i++;
      continue;
    }
    let cp = b & (len === 2 ? 0x1f : len === 3 ? 0x0f : 0x07);
    for (let k = 1; k < len; k++) cp = (cp << 6) | (bytes[i + k] & 0x3f);
    out += String.fromCodePoint(cp);
    i += len;
  }
  return out;
}

/** Removes leading and trailing blanks (U+0020 only: fixed-width padding). */
export function trimBlanks(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && s.charCodeAt(a) === 32) a++;
  while (b > a && s.charCodeAt(b - 1) === 32) b--;
  return a === 0 && b === s.length ? s : s.slice(a, b);
}

function stripWhitespace(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) <= 32) return s.replace(/[\x00-\x20]+/g, '');
  }
  return s;
}

function overlaps(ranges: readonly OffsetRange[] | undefined, start: number, end: number): boolean {
  if (!ranges) return false;
  for (const r of ranges) if (r.start < end && start < r.end) return true;
  return false;
}

const separatorLength: Record<SeparatorKind, number> = { query: 1, ampersand: 1, 'amp-entity': 5, 'times-entity': 1, missing: 0 };

type UriPositions = Pick<ParsedUri, 'text' | 'base' | 'offsets' | 'dynamic' | 'openEnd'>;

/**
 * One parameter, stored as a few offsets plus its key and raw value; everything else is derived when read.
 * A scan of a large log keeps hundreds of thousands of parameters alive, and most of their ranges and decoded
 * values are never looked at: storing them eagerly made the scanner spend half its time in the garbage
 * collector (measured with `npm run bench`).
 */
class Param implements QueryParam {
  readonly key: string;
  readonly rawValue: string | undefined;
  readonly separator: SeparatorKind;
  readonly keyIndex: number;
  readonly valueIndex: number;
  readonly #uri: UriPositions;
  readonly #sepStart: number;
  readonly #keyEnd: number;
  readonly #pairEnd: number;
  #decoded: DecodedValue | undefined;

  constructor(uri: UriPositions, kind: SeparatorKind, sepStart: number, pairEnd: number) {
    const s = uri.text;
    const pairStart = sepStart + separatorLength[kind];
    let eq = s.indexOf('=', pairStart);
    if (eq >= pairEnd) eq = -1;
    const keyEnd = eq < 0 ? pairEnd : eq;
    const rawKey = s.slice(pairStart, keyEnd);
    this.key = kind === 'times-entity' ? 'times' + rawKey : rawKey;
    this.rawValue = eq < 0 ? undefined : s.slice(eq + 1, pairEnd);
    this.separator = kind;
    this.keyIndex = pairStart;
    this.valueIndex = eq < 0 ? pairEnd : eq + 1;
    this.#uri = uri;
    this.#sepStart = sepStart;
    this.#keyEnd = keyEnd;
    this.#pairEnd = pairEnd;
  }

  get name(): string {
    return stripWhitespace(this.key);
  }

  get value(): string | undefined {
    const raw = this.rawValue;
    if (raw === undefined || raw.indexOf('%') < 0) return raw;
    return (this.#decoded ??= decodePercent(raw)).value;
  }

  get trimmed(): string | undefined {
    const value = this.value;
    return value === undefined ? undefined : trimBlanks(value);
  }

  get malformedEscapes(): readonly number[] {
    const raw = this.rawValue;
    if (raw === undefined || raw.indexOf('%') < 0) return noIndexes;
    return (this.#decoded ??= decodePercent(raw)).malformed;
  }

  get dynamic(): 'key' | 'value' | undefined {
    const uri = this.#uri;
    // With an open end the last pair continues at run time: its value, or its key when there is no `=` yet.
    const open = uri.openEnd === true && this.#pairEnd === uri.text.length;
    if (overlaps(uri.dynamic, this.keyIndex, this.#keyEnd) || (open && this.rawValue === undefined)) return 'key';
    return overlaps(uri.dynamic, this.#keyEnd, this.#pairEnd) || open ? 'value' : undefined;
  }

  /** `key=value` (without the separator). */
  get range(): OffsetRange {
    return rangeAt(this.#uri, this.keyIndex, this.#pairEnd);
  }

  get keyRange(): OffsetRange {
    return rangeAt(this.#uri, this.keyIndex, this.#keyEnd);
  }

  get valueRange(): OffsetRange | undefined {
    return this.rawValue === undefined ? undefined : rangeAt(this.#uri, this.valueIndex, this.#pairEnd);
  }

  get separatorRange(): OffsetRange {
    return rangeAt(this.#uri, this.#sepStart, this.keyIndex);
  }

  /** Plain-object form (what JSON.stringify and test diffs show). */
  toJSON(): QueryParam {
    const { key, name, rawValue, value, trimmed, malformedEscapes, dynamic, range, keyRange, valueRange, separator, separatorRange, keyIndex, valueIndex } = this;
    return { key, name, rawValue, value, trimmed, malformedEscapes, dynamic, range, keyRange, valueRange, separator, separatorRange, keyIndex, valueIndex };
  }
}

/**
 * Builds the parameter for `text[pairStart, pairEnd)` introduced by a separator of `kind` at `sepStart`.
 * Exported for the validator, which splits values where a `&` is missing.
 */
export function makeParam(uri: UriPositions, kind: SeparatorKind, sepStart: number, pairEnd: number): QueryParam {
  return new Param(uri, kind, sepStart, pairEnd);
}

/**
 * Splits `param` at index `at` of `uri.text` (inside its value): the left part keeps the key, the right part
 * becomes a parameter of its own with a `missing` separator. For values where a `&` was forgotten (spec §5.3).
 */
export function splitParam(uri: ParsedUri, param: QueryParam, at: number): [QueryParam, QueryParam] {
  const end = param.valueIndex + (param.rawValue?.length ?? 0);
  return [makeParam(uri, param.separator, param.keyIndex - separatorLength[param.separator], at), makeParam(uri, 'missing', at, end)];
}

/** Index of the next parameter separator (`&`, `&amp;` or the `×` of `×tamp=`) at or after `from`, or `end`. */
function nextSeparator(s: string, from: number, end: number, times: number): number {
  const amp = s.indexOf('&', from);
  const a = amp < 0 || amp > end ? end : amp;
  return times >= from && times < a ? times : a;
}

function separatorAt(s: string, at: number): SeparatorKind {
  if (s.charCodeAt(at) === 0xd7) return 'times-entity';
  return s.startsWith('amp;', at + 1) ? 'amp-entity' : 'ampersand';
}

/** Parses one URI. Never throws; a string without `:` yields an empty scheme and no parameters. */
export function parseUri(text: string, options: ParseOptions = {}): ParsedUri {
  const base = options.base ?? 0;
  const dynamic = options.dynamic;
  const shape = { text, base, offsets: options.offsets, dynamic, openEnd: options.openEnd };
  const n = text.length;
  // A scheme ends at the first `:`, which must come before any `/`, `?` or `#`.
  let colon = text.indexOf(':');
  for (const d of '/?#') {
    const at = text.indexOf(d);
    if (at >= 0 && at < colon) colon = -1;
  }
  const schemeEnd = colon < 0 ? 0 : colon;
  let i = colon < 0 ? 0 : colon + 1;
  if (text.startsWith('//', i)) i += 2;
  const authorityStart = i;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    i++;
  }
  const rawAuthority = text.slice(authorityStart, i);
  const authorityEnd = i;
  const q = text.indexOf('?', i);
  const pathEnd = q < 0 ? n : q;
  const params: QueryParam[] = [];
  if (q >= 0) {
    let sepStart = q;
    let kind: SeparatorKind = 'query';
    let times = text.indexOf('\u00d7tamp=', q);
    for (;;) {
      const pairStart = sepStart + separatorLength[kind];
      if (times >= 0 && times < pairStart) times = text.indexOf('\u00d7tamp=', pairStart);
      const next = nextSeparator(text, pairStart, n, times);
      // `?&a=1` or `a=1&&b=2`: an empty pair carries nothing; skip it rather than report a nameless parameter.
      if (next > pairStart) params.push(makeParam(shape, kind, sepStart, next));
      if (next >= n) break;
      sepStart = next;
      kind = separatorAt(text, next);
    }
  }
  return {
    text,
    range: rangeAt(shape, 0, n),
    scheme: text.slice(0, schemeEnd),
    schemeRange: rangeAt(shape, 0, schemeEnd),
    authority: stripWhitespace(rawAuthority),
    rawAuthority,
    authorityRange: rangeAt(shape, authorityStart, authorityEnd),
    path: text.slice(authorityEnd, pathEnd),
    queryRange: q < 0 ? undefined : rangeAt(shape, q + 1, n),
    params,
    base,
    ...(options.offsets ? { offsets: options.offsets } : {}),
    ...(dynamic && dynamic.length > 0 ? { dynamic } : {}),
    ...(options.openEnd ? { openEnd: true } : {}),
  };
}
