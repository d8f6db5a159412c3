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
  /** Every parameter with its ranges; made on first read (see `paramCount` and `get` for cheaper reads). */
  readonly params: readonly QueryParam[];
  /** How many parameters there are: `params.length` without making them. */
  readonly paramCount: number;
  /** Key of parameter `i`, as written (= `params[i].key`). */
  keyAt(i: number): string;
  /** Percent-decoded value of parameter `i`, undefined without `=` (= `params[i].value`). */
  valueAt(i: number): string | undefined;
  /**
   * Trimmed value of the first parameter whose name (key without whitespace) is `name`; undefined when there is no
   * such parameter or its value is blank or missing. Keys from templates never match.
   */
  get(name: string): string | undefined;
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
  /** Where to keep the parameter indexes, shared by the URIs of one scan (default: an array of the URI's own). */
  readonly arena?: PairArena;
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

/** A key's name: the key without whitespace (line-wrap blanks, `callerName =Payment`). */
export function stripWhitespace(s: string): string {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) <= 32) return s.replace(/[\x00-\x20]+/g, '');
  }
  return s;
}

/**
 * Whether the key `text[start, end)` could be `name` once stripWhitespace removed its blanks: it holds one, and its
 * first other character is `name`'s. Most keys fail on their first character, without a copy.
 */
function mayBeBlankedName(text: string, start: number, end: number, name: string): boolean {
  let i = start;
  while (i < end && text.charCodeAt(i) <= 0x20) i++;
  // A key of blanks only is named "".
  if (i === end) return name === '';
  if (text.charCodeAt(i) !== name.charCodeAt(0)) return false;
  if (i > start) return true;
  for (; i < end; i++) if (text.charCodeAt(i) <= 0x20) return true;
  return false;
}

function overlaps(ranges: readonly OffsetRange[] | undefined, start: number, end: number): boolean {
  if (!ranges) return false;
  for (const r of ranges) if (r.start < end && start < r.end) return true;
  return false;
}

/** The key written at `text[start, end)`; after the `×` of a mangled `&times` (`×tamp`) it is `timestamp`. */
function keyText(text: string, start: number, end: number, times: boolean): string {
  const raw = text.slice(start, end);
  return times ? 'times' + raw : raw;
}

/** `raw` percent-decoded (see `decodePercent`); undefined stays undefined. */
function decodedValue(raw: string | undefined): string | undefined {
  return raw === undefined || raw.indexOf('%') < 0 ? raw : decodePercent(raw).value;
}

/**
 * The key of the pair `text[keyIndex, end)` (its `=` at `keyEnd`, or `keyEnd === end` without one) is not known
 * before run time: it overlaps a template, or an open end continues it (no `=` yet).
 */
function keyIsDynamic(uri: UriPositions, keyIndex: number, keyEnd: number, end: number): boolean {
  return overlaps(uri.dynamic, keyIndex, keyEnd) || (uri.openEnd === true && end === uri.text.length && keyEnd === end);
}

function separatorLength(kind: SeparatorKind): number {
  return kind === 'amp-entity' ? 5 : kind === 'missing' ? 0 : 1;
}

type UriPositions = Pick<ParsedUri, 'text' | 'base' | 'offsets' | 'dynamic' | 'openEnd'>;

/**
 * One parameter, stored as three offsets, its separator and its URI; key, values and ranges are derived when read.
 * A scan of a large log keeps hundreds of thousands of parameters alive, and most of their ranges and decoded
 * values are never looked at: storing them eagerly made the scanner spend most of its time in the garbage
 * collector (measured with `npm run bench`). Tried and measured slower on the benchmark's log: storing the key
 * (the slice only moves into the scan), and plain object literals with every field computed (V8 then allocates
 * them in the old generation directly, but the remembered-set work for their young strings outweighs that).
 */
class Param implements QueryParam {
  readonly separator: SeparatorKind;
  readonly keyIndex: number;
  readonly #uri: UriPositions;
  /** Index of the `=`, or `#end` when the pair has none. */
  readonly #keyEnd: number;
  readonly #end: number;

  /** The pair is `uri.text[keyIndex, end)`, introduced by a separator of `kind`; `keyEnd` is its `=` or `end`. */
  constructor(uri: UriPositions, kind: SeparatorKind, keyIndex: number, keyEnd: number, end: number) {
    this.separator = kind;
    this.keyIndex = keyIndex;
    this.#uri = uri;
    this.#keyEnd = keyEnd;
    this.#end = end;
  }

  get key(): string {
    return keyText(this.#uri.text, this.keyIndex, this.#keyEnd, this.separator === 'times-entity');
  }

  get name(): string {
    return stripWhitespace(this.key);
  }

  get rawValue(): string | undefined {
    return this.#keyEnd < this.#end ? this.#uri.text.slice(this.#keyEnd + 1, this.#end) : undefined;
  }

  get valueIndex(): number {
    return this.#keyEnd < this.#end ? this.#keyEnd + 1 : this.#end;
  }

  get value(): string | undefined {
    return decodedValue(this.rawValue);
  }

  get trimmed(): string | undefined {
    const value = this.value;
    return value === undefined ? undefined : trimBlanks(value);
  }

  get malformedEscapes(): readonly number[] {
    const raw = this.rawValue;
    return raw === undefined || raw.indexOf('%') < 0 ? noIndexes : decodePercent(raw).malformed;
  }

  get dynamic(): 'key' | 'value' | undefined {
    const uri = this.#uri;
    if (keyIsDynamic(uri, this.keyIndex, this.#keyEnd, this.#end)) return 'key';
    const open = uri.openEnd === true && this.#end === uri.text.length;
    return overlaps(uri.dynamic, this.#keyEnd, this.#end) || open ? 'value' : undefined;
  }

  /** `key=value` (without the separator). */
  get range(): OffsetRange {
    return rangeAt(this.#uri, this.keyIndex, this.#end);
  }

  get keyRange(): OffsetRange {
    return rangeAt(this.#uri, this.keyIndex, this.#keyEnd);
  }

  get valueRange(): OffsetRange | undefined {
    return this.#keyEnd < this.#end ? rangeAt(this.#uri, this.#keyEnd + 1, this.#end) : undefined;
  }

  get separatorRange(): OffsetRange {
    return rangeAt(this.#uri, this.keyIndex - separatorLength(this.separator), this.keyIndex);
  }

  /** Plain-object form (what JSON.stringify and test diffs show). */
  toJSON(): QueryParam {
    const { key, name, rawValue, value, trimmed, malformedEscapes, dynamic, range, keyRange, valueRange, separator, separatorRange, keyIndex, valueIndex } = this;
    return { key, name, rawValue, value, trimmed, malformedEscapes, dynamic, range, keyRange, valueRange, separator, separatorRange, keyIndex, valueIndex };
  }
}

const unread: unique symbol = Symbol('unread');

/**
 * A parameter whose values are derived once, when first read, and then kept: for a reader that reads them several
 * times and does not outlive them (`readParams`). Ranges are shared objects (read-only, like every range).
 */
class ReadParam extends Param {
  #key: string | typeof unread = unread;
  #name: string | typeof unread = unread;
  #rawValue: string | undefined | typeof unread = unread;
  #value: string | undefined | typeof unread = unread;
  #trimmed: string | undefined | typeof unread = unread;
  #dynamic: 'key' | 'value' | undefined | typeof unread = unread;
  #range: OffsetRange | undefined;
  #keyRange: OffsetRange | undefined;
  #valueRange: OffsetRange | undefined | typeof unread = unread;

  override get key(): string {
    return this.#key !== unread ? this.#key : (this.#key = super.key);
  }

  override get name(): string {
    return this.#name !== unread ? this.#name : (this.#name = super.name);
  }

  override get rawValue(): string | undefined {
    return this.#rawValue !== unread ? this.#rawValue : (this.#rawValue = super.rawValue);
  }

  override get value(): string | undefined {
    return this.#value !== unread ? this.#value : (this.#value = super.value);
  }

  override get trimmed(): string | undefined {
    return this.#trimmed !== unread ? this.#trimmed : (this.#trimmed = super.trimmed);
  }

  override get dynamic(): 'key' | 'value' | undefined {
    return this.#dynamic !== unread ? this.#dynamic : (this.#dynamic = super.dynamic);
  }

  override get range(): OffsetRange {
    return (this.#range ??= super.range);
  }

  override get keyRange(): OffsetRange {
    return (this.#keyRange ??= super.keyRange);
  }

  override get valueRange(): OffsetRange | undefined {
    return this.#valueRange !== unread ? this.#valueRange : (this.#valueRange = super.valueRange);
  }
}

/**
 * Builds the parameter for `text[pairStart, pairEnd)` introduced by a separator of `kind` at `sepStart`.
 * Exported for the validator, which splits values where a `&` is missing.
 */
export function makeParam(uri: UriPositions, kind: SeparatorKind, sepStart: number, pairEnd: number): QueryParam {
  const pairStart = sepStart + separatorLength(kind);
  const eq = uri.text.indexOf('=', pairStart);
  return new Param(uri, kind, pairStart, eq >= 0 && eq < pairEnd ? eq : pairEnd, pairEnd);
}

/**
 * Splits `param` at index `at` of `uri.text` (inside its value): the left part keeps the key, the right part
 * becomes a parameter of its own with a `missing` separator. For values where a `&` was forgotten (spec §5.3).
 */
export function splitParam(uri: ParsedUri, param: QueryParam, at: number): [QueryParam, QueryParam] {
  const end = param.valueIndex + (param.rawValue?.length ?? 0);
  return [makeParam(uri, param.separator, param.keyIndex - separatorLength(param.separator), at), makeParam(uri, 'missing', at, end)];
}

/** Index of the next parameter separator (`&`, `&amp;` or the `×` of `×tamp=`) at or after `from`, or `end`. */
function nextSeparator(s: string, from: number, end: number, times: number): number {
  const amp = s.indexOf('&', from);
  const a = amp < 0 || amp > end ? end : amp;
  return times >= from && times < a ? times : a;
}

function separatorAt(s: string, at: number): SeparatorKind {
  if (s.charCodeAt(at) === 0xd7) return 'times-entity';
  // s.startsWith('amp;', at + 1), without the call: asked at every separator.
  const isEntity = s.charCodeAt(at + 1) === 97 && s.charCodeAt(at + 2) === 109 && s.charCodeAt(at + 3) === 112 && s.charCodeAt(at + 4) === 59;
  return isEntity ? 'amp-entity' : 'ampersand';
}

const pairScratch: number[] = [];
const noPairs = new Int32Array(0);

/**
 * Where the URIs of one scan keep their parameter indexes: Int32Array chunks, outside the JavaScript heap. A scan of
 * a large log keeps hundreds of thousands of indexes alive; as one small array per URI (about 300 bytes each), the
 * garbage collector copied them from generation to generation (`npm run bench`: the scan is about 10% faster this
 * way). Chunks grow from 4 KB to 256 KB, so a scan of a few lines stays small; a URI's indexes never span two.
 * The chunks live as long as the scan's URIs do.
 */
export class PairArena {
  /** Offset in its chunk of the indexes `store` copied last. */
  offset = 0;
  #chunk = noPairs;
  #used = 0;
  #nextSize = 1024;

  /** Copies `values[0, count)` into the arena; returns the chunk that holds them from `offset` on. */
  store(values: readonly number[], count: number): Int32Array {
    if (this.#used + count > this.#chunk.length) {
      this.#chunk = new Int32Array(Math.max(this.#nextSize, count));
      this.#nextSize = Math.min(this.#nextSize * 2, 65536);
      this.#used = 0;
    }
    const chunk = this.#chunk;
    const at = this.#used;
    for (let k = 0; k < count; k++) chunk[at + k] = values[k];
    this.#used = at + count;
    this.offset = at;
    return chunk;
  }
}

/**
 * A parsed URI: its text, where that text sits in the original, three indexes per parameter, and four more; scheme,
 * authority, path, the `Param` objects and every range are derived when read, for the same reason as `Param`'s.
 * Scanning a log mostly asks which URIs there are and a few values of each (`get`, `keyAt`, `valueAt`): making
 * hundreds of thousands of parameter objects that outlive the scan cost more than finding the URIs (`npm run bench`).
 */
class Parsed implements ParsedUri {
  readonly text: string;
  readonly base: number;
  readonly offsets: readonly number[] | undefined;
  readonly dynamic: readonly OffsetRange[] | undefined;
  readonly openEnd: true | undefined;
  /**
   * Per parameter, from `#first` on: index of its key, of its `=` (or its end when it has none), and of its end.
   * `#count` is three times the number of parameters.
   */
  readonly #pairs: Int32Array;
  readonly #first: number;
  readonly #count: number;
  #params: readonly QueryParam[] | undefined;
  /** Index of the `:` after the scheme, or -1. */
  readonly #colon: number;
  readonly #authorityStart: number;
  readonly #authorityEnd: number;
  /** Index of the `?`, or -1. */
  readonly #query: number;

  constructor(text: string, base: number, offsets: readonly number[] | undefined, dynamic: readonly OffsetRange[] | undefined, openEnd: true | undefined, arena: PairArena | undefined, same?: Parsed) {
    this.text = text;
    this.base = base;
    this.offsets = offsets;
    this.dynamic = dynamic;
    this.openEnd = openEnd;
    if (same) {
      // The same text found elsewhere: every index in it is unchanged, only the original offsets move.
      this.#pairs = same.#pairs;
      this.#first = same.#first;
      this.#count = same.#count;
      this.#colon = same.#colon;
      this.#authorityStart = same.#authorityStart;
      this.#authorityEnd = same.#authorityEnd;
      this.#query = same.#query;
      return;
    }
    const n = text.length;
    // A scheme ends at the first `:`, which must come before any `/`, `?` or `#`.
    let colon = -1;
    for (let k = 0; k < n; k++) {
      const c = text.charCodeAt(k);
      if (c === 58 /* : */) colon = k;
      if (c === 58 || c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
    }
    let i = colon + 1;
    if (text.startsWith('//', i)) i += 2;
    const authorityStart = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 47 /* / */ || c === 63 /* ? */ || c === 35 /* # */) break;
      i++;
    }
    const q = text.indexOf('?', i);
    // The indexes collect in a scratch array and are kept in an array of their exact size.
    const pairs = pairScratch;
    let m = 0;
    if (q >= 0) {
      let kind: SeparatorKind = 'query';
      let pairStart = q + 1;
      // Next `×tamp=` and next `=` at or after pairStart: searched again only once passed, so that pairs without
      // `=` (`a&a&a…`) do not make every search run on to the end of the URI.
      let times = text.indexOf('\u00d7tamp=', pairStart);
      let eq = text.indexOf('=', pairStart);
      for (;;) {
        if (times >= 0 && times < pairStart) times = text.indexOf('\u00d7tamp=', pairStart);
        const next = nextSeparator(text, pairStart, n, times);
        // `?&a=1` or `a=1&&b=2`: an empty pair carries nothing; skip it rather than report a nameless parameter.
        if (next > pairStart) {
          if (eq >= 0 && eq < pairStart) eq = text.indexOf('=', pairStart);
          pairs[m++] = pairStart;
          pairs[m++] = eq >= 0 && eq < next ? eq : next;
          pairs[m++] = next;
        }
        if (next >= n) break;
        kind = separatorAt(text, next);
        pairStart = next + separatorLength(kind);
      }
    }
    if (m === 0) {
      this.#pairs = noPairs;
      this.#first = 0;
    } else if (arena) {
      this.#pairs = arena.store(pairs, m);
      this.#first = arena.offset;
    } else {
      const own = new Int32Array(m);
      for (let k = 0; k < m; k++) own[k] = pairs[k];
      this.#pairs = own;
      this.#first = 0;
    }
    this.#count = m;
    this.#colon = colon;
    this.#authorityStart = authorityStart;
    this.#authorityEnd = i;
    this.#query = q;
  }

  get params(): readonly QueryParam[] {
    // Kept: each value derived whenever read.
    return (this.#params ??= this.#newParams(Param));
  }

  /** Parameters for one reader, not kept here: each value derived once, when first read (see `ReadParam`). */
  readParams(): readonly QueryParam[] {
    return this.#newParams(ReadParam);
  }

  #newParams(Kind: typeof Param): QueryParam[] {
    const pairs = this.#pairs;
    const params: QueryParam[] = [];
    for (let k = this.#first, end = k + this.#count; k < end; k += 3) params.push(new Kind(this, this.#separatorBefore(pairs[k]), pairs[k], pairs[k + 1], pairs[k + 2]));
    return params;
  }

  get paramCount(): number {
    return this.#count / 3;
  }

  /** The separator that introduced the pair whose key starts at `keyIndex` (the character before it tells). */
  #separatorBefore(keyIndex: number): SeparatorKind {
    if (keyIndex === this.#query + 1) return 'query';
    const c = this.text.charCodeAt(keyIndex - 1);
    return c === 0xd7 ? 'times-entity' : c === 59 /* ; of &amp; */ ? 'amp-entity' : 'ampersand';
  }

  keyAt(i: number): string {
    const k = this.#first + 3 * i;
    return keyText(this.text, this.#pairs[k], this.#pairs[k + 1], this.text.charCodeAt(this.#pairs[k] - 1) === 0xd7);
  }

  valueAt(i: number): string | undefined {
    const k = this.#first + 3 * i;
    const eq = this.#pairs[k + 1];
    const end = this.#pairs[k + 2];
    return eq < end ? decodedValue(this.text.slice(eq + 1, end)) : undefined;
  }

  get(name: string): string | undefined {
    const pairs = this.#pairs;
    const text = this.text;
    for (let k = this.#first, last = k + this.#count; k < last; k += 3) {
      const start = pairs[k];
      const length = pairs[k + 1] - start;
      // Most keys are written exactly as named: compare in place. A longer key may hold line-wrap blanks, and
      // `×tamp` is `timestamp`: those are compared by their name.
      const times = text.charCodeAt(start - 1) === 0xd7;
      // (A longer key can only be `name` once its blanks are stripped: without any, it is not compared.)
      const same =
        !times && length === name.length
          ? text.startsWith(name, start)
          : (times || (length > name.length && mayBeBlankedName(text, start, pairs[k + 1], name))) && stripWhitespace(this.keyAt((k - this.#first) / 3)) === name;
      if (!same || keyIsDynamic(this, start, pairs[k + 1], pairs[k + 2])) continue;
      const value = this.valueAt((k - this.#first) / 3);
      const trimmed = value === undefined ? undefined : trimBlanks(value);
      return trimmed === '' ? undefined : trimmed;
    }
    return undefined;
  }

  get range(): OffsetRange {
    return rangeAt(this, 0, this.text.length);
  }

  get scheme(): string {
    return this.#colon < 0 ? '' : this.text.slice(0, this.#colon);
  }

  get schemeRange(): OffsetRange {
    return rangeAt(this, 0, Math.max(this.#colon, 0));
  }

  get authority(): string {
    return stripWhitespace(this.rawAuthority);
  }

  get rawAuthority(): string {
    return this.text.slice(this.#authorityStart, this.#authorityEnd);
  }

  get authorityRange(): OffsetRange {
    return rangeAt(this, this.#authorityStart, this.#authorityEnd);
  }

  get path(): string {
    return this.text.slice(this.#authorityEnd, this.#query < 0 ? this.text.length : this.#query);
  }

  get queryRange(): OffsetRange | undefined {
    return this.#query < 0 ? undefined : rangeAt(this, this.#query + 1, this.text.length);
  }

  /** Plain-object form, as `parseUri` returned before the fields became derived (optional fields left out). */
  toJSON(): Omit<ParsedUri, 'paramCount' | 'keyAt' | 'valueAt' | 'get'> {
    const { text, range, scheme, schemeRange, authority, rawAuthority, authorityRange, path, queryRange, params, base, offsets, dynamic, openEnd } = this;
    return {
      text,
      range,
      scheme,
      schemeRange,
      authority,
      rawAuthority,
      authorityRange,
      path,
      queryRange,
      params,
      base,
      ...(offsets ? { offsets } : {}),
      ...(dynamic ? { dynamic } : {}),
      ...(openEnd ? { openEnd } : {}),
    };
  }
}

/**
 * `uri` with every original offset moved by `delta` (the same text found `delta` further on: a slice of a larger
 * text, say). Its text is not parsed again (the parameter indexes are shared); only offsets for escapes are copied.
 */
export function moveParsed(uri: ParsedUri, delta: number): ParsedUri {
  const offsets = uri.offsets ? uri.offsets.map((o) => o + delta) : undefined;
  if (uri instanceof Parsed) return new Parsed(uri.text, uri.base + delta, offsets, uri.dynamic, uri.openEnd, undefined, uri);
  return parseUri(uri.text, { base: uri.base + delta, ...(offsets ? { offsets } : {}), ...(uri.dynamic ? { dynamic: uri.dynamic } : {}), ...(uri.openEnd ? { openEnd: true } : {}) });
}

/**
 * `uri.params` for one reader that reads each of them several times (the explainer): the same parameters, equal in
 * every property, but not kept on `uri`, and each value derived once when first read. Kept by `uri` (a scan's URIs
 * outlive their explanations) they would be copied by every scavenge of the garbage collector; derived at every read,
 * names and values were sliced and decoded again by each reader.
 */
export function readParams(uri: ParsedUri): readonly QueryParam[] {
  return uri instanceof Parsed ? uri.readParams() : uri.params;
}

/** Parses one URI. Never throws; without a `scheme:` the scheme is empty (`payment?x=1` still has its parameter). */
export function parseUri(text: string, options: ParseOptions = {}): ParsedUri {
  const dynamic = options.dynamic && options.dynamic.length > 0 ? options.dynamic : undefined;
  return new Parsed(text, options.base ?? 0, options.offsets, dynamic, options.openEnd ? true : undefined, options.arena);
}
