// Lenient BER-TLV parser over a hex string, as carried by ISO 8583 field 55 and Nexi's f55 / CT123
// (reference §3.1). It never throws: it decodes everything it can and reports precisely what is wrong,
// with character offsets into the analysed text.
//
// Why lenient: Nexi's own published f55 is malformed (reference §0.4: 71 hex digits, 9F10 declares 18
// bytes but only 16.5 precede 9F35). A strict parser reads `50 12` as the next element and gives up;
// this one reports the damage and resynchronises (see `resynchronise` below).

import { fillTemplate, type TemplateValues } from '../codes/text';
import { translated } from '../l10n';
import type { Diagnostic, OffsetRange, Severity } from '../types';
import { isConstructedTag, isKnownTag, lookupTag, tagClassOf, tagData, type TagClass } from './tags';

export type TlvProblemKind =
  | 'non-hex'
  | 'odd-length'
  | 'truncated-tag'
  | 'tag-too-long'
  | 'truncated-length'
  | 'indefinite-length'
  | 'length-too-long'
  | 'length-exceeds-data'
  | 'unparsed-data'
  | 'resynchronised'
  | 'too-deep'
  | 'fixed-length';

/** Stable diagnostic codes, one per problem kind (tests, quick fixes and docs refer to them). */
export const tlvProblemCodes: Readonly<Record<TlvProblemKind, string>> = {
  'non-hex': 'TLV001',
  'odd-length': 'TLV002',
  'truncated-tag': 'TLV003',
  'tag-too-long': 'TLV004',
  'truncated-length': 'TLV005',
  'indefinite-length': 'TLV006',
  'length-too-long': 'TLV007',
  'length-exceeds-data': 'TLV008',
  'unparsed-data': 'TLV009',
  'resynchronised': 'TLV010',
  'too-deep': 'TLV011',
  'fixed-length': 'TLV012',
};

/** User-facing sentences of the parser (templates, see codes/text.ts). Offsets are 0-based characters. English. */
export const tlvMessages = {
  nonHex: 'Not hex: "{text}" at offset {offset} was ignored.',
  oddLength: 'The data has {digits} hex digits, an odd number: it is not a whole number of bytes.',
  truncatedTag: 'The data ends in the middle of a tag at offset {offset}.',
  tagTooLong: 'The tag at offset {offset} is longer than {max} bytes; this is not EMV data.',
  truncatedLength: 'The data ends in the middle of the length of tag {tag} at offset {offset}.',
  indefiniteLength: 'Tag {tag} at offset {offset} uses the indefinite length form (80), which EMV does not allow.',
  lengthTooLong: 'Tag {tag} at offset {offset} has a {count}-byte length field; EMV uses at most {max}.',
  lengthExceedsData:
    'Tag {tag} declares {declaredBytes} bytes ({declaredDigits} hex digits) but only {availableDigits} hex digits remain.',
  lengthCutByNextTag:
    'Tag {tag} declares {declaredBytes} bytes ({declaredDigits} hex digits) but only {availableDigits} hex digits precede the next recognisable tag {nextTag} at offset {nextOffset}: the value is {missingDigits} hex digits short.',
  unparsedData: 'Skipped {digits} hex digits at offset {offset} that could not be read as TLV.',
  resynchronised:
    'Reading resumed at offset {offset} on tag {tag}: the elements from here on are a best-effort (recovered) reading.',
  tooDeep: 'Constructed tags are nested more than {max} levels deep; the value of {tag} was not decoded.',
  fixedLength:
    'Tag {tag} ({name}): length {actual}, but EMV 4.4 Book 3 Annex A fixes it at {expected} (length in bytes): its value is read as far as it goes and may be wrong.',
} as const;

/** {@link tlvMessages} in the current locale: problem messages are written in it when the parser reports. */
export const tlvText = translated('emv.tlvMessages', tlvMessages);

type TlvMessage = keyof typeof tlvMessages;

/** Message of each problem kind when it is reported as a plain failure. */
const failureMessages: Readonly<Record<TlvProblemKind, TlvMessage>> = {
  'non-hex': 'nonHex',
  'odd-length': 'oddLength',
  'truncated-tag': 'truncatedTag',
  'tag-too-long': 'tagTooLong',
  'truncated-length': 'truncatedLength',
  'indefinite-length': 'indefiniteLength',
  'length-too-long': 'lengthTooLong',
  'length-exceeds-data': 'lengthExceedsData',
  'unparsed-data': 'unparsedData',
  resynchronised: 'resynchronised',
  'too-deep': 'tooDeep',
  'fixed-length': 'fixedLength',
};

export interface TlvProblem extends Diagnostic {
  readonly kind: TlvProblemKind;
  /** Tag the problem belongs to, when there is one. */
  readonly tag?: string;
  /** The values the message was filled with (for translations and tests). */
  readonly params: TemplateValues;
}

export interface TlvNode {
  /** Upper-case hex (`9F36`). */
  readonly tag: string;
  readonly tagClass: TagClass;
  readonly constructed: boolean;
  /** Length in bytes as declared by the length field. */
  readonly length: number;
  /** Upper-case hex of the value actually available (shorter than declared when `truncated`). */
  readonly value: string;
  /** The whole element: tag, length and available value. */
  readonly range: OffsetRange;
  readonly tagRange: OffsetRange;
  readonly lengthRange: OffsetRange;
  readonly valueRange: OffsetRange;
  /** Constructed tags: the decoded content. */
  readonly children?: readonly TlvNode[];
  /** The value has fewer hex digits than the declared length. */
  readonly truncated: boolean;
  /** Found by resynchronisation after damaged data: a best-effort reading. */
  readonly recovered: boolean;
  /**
   * A tag the dictionary gives a fixed length (95 TVR: 5, 9F36 ATC: 2, 9F27 CID: 1…) declared with another one;
   * also reported as a `fixed-length` problem (TLV012, warning). Not set on truncated nodes (already reported).
   */
  readonly lengthMismatch?: { readonly expected: number; readonly actual: number };
}

export interface TlvParseResult {
  readonly nodes: readonly TlvNode[];
  readonly problems: readonly TlvProblem[];
  /** Number of hex digits read (non-hex characters and whitespace excluded). */
  readonly hexDigits: number;
}

export interface TlvParseOptions {
  /** Added to every range, for a TLV string embedded in a larger text (offsets in messages stay local). */
  readonly baseOffset?: number;
  /** Nesting limit for constructed tags (default 16). */
  readonly maxDepth?: number;
  /** Resynchronise after damaged data (default true). */
  readonly resynchronise?: boolean;
}

const maxTagBytes = 4;
const maxLengthBytes = 3;
// Resynchronisation tries every position against the rest of the data (quadratic); beyond this many
// hex digits a hover would stall, so long inputs are only parsed strictly.
const maxResyncDigits = 8192;

/** A failure while reading an element header or value, at hex-digit index `at`. */
interface Failure {
  readonly kind: TlvProblemKind;
  readonly at: number;
  readonly end: number;
  readonly tag?: string;
  readonly params: TemplateValues;
}

interface Header {
  readonly tag: string;
  readonly start: number;
  readonly lengthStart: number;
  readonly valueStart: number;
  readonly length: number;
}

interface Element {
  header: Header;
  /** Hex-digit index where the available value ends. */
  valueEnd: number;
  truncated: boolean;
  recovered: boolean;
}

/**
 * Parses a BER-TLV hex string. Whitespace is skipped silently (hex dumps), other non-hex characters
 * are reported and skipped; 00/FF padding between elements is skipped (EMV Book 3 Annex B).
 */
export function parseTlv(input: string, options: TlvParseOptions = {}): TlvParseResult {
  return new Parser(input, options).run();
}

class Parser {
  private readonly hex: string;
  /** Character offset in the input of each hex digit. */
  private readonly pos: number[] = [];
  private readonly problems: TlvProblem[] = [];
  private readonly base: number;
  private readonly maxDepth: number;
  private readonly resync: boolean;

  constructor(
    private readonly input: string,
    options: TlvParseOptions,
  ) {
    this.base = options.baseOffset ?? 0;
    this.maxDepth = options.maxDepth ?? 16;
    let digits = '';
    let run = -1;
    // Hex digits are copied a run at a time (most values are one run), and characters are classified by code: a
    // regular expression per character was most of parsing an f55 value.
    let hexRun = -1;
    for (let i = 0; i <= input.length; i++) {
      const c = i < input.length ? input.charCodeAt(i) : 32;
      const isHex = hexDigitValue(c) >= 0;
      if (run >= 0 && (isHex || isWhitespace(c))) {
        const text = input.slice(run, i);
        this.report('non-hex', 'error', 'nonHex', { start: run, end: i }, { text, offset: run });
        run = -1;
      }
      if (isHex) {
        if (hexRun < 0) hexRun = i;
        this.pos.push(i);
        continue;
      }
      if (hexRun >= 0) {
        digits += input.slice(hexRun, i);
        hexRun = -1;
      }
      if (run < 0 && !isWhitespace(c) && i < input.length) run = i;
    }
    this.hex = digits.toUpperCase();
    this.resync = (options.resynchronise ?? true) && digits.length <= maxResyncDigits;
  }

  run(): TlvParseResult {
    const n = this.hex.length;
    if (n % 2 === 1) this.report('odd-length', 'error', 'oddLength', this.range(0, n), { digits: n });
    const nodes = this.sequence(0, n, 0);
    return { nodes, problems: this.problems, hexDigits: n };
  }

  // ---- reading ---------------------------------------------------------------------------------

  private byte(i: number): number {
    return (hexDigitValue(this.hex.charCodeAt(i)) << 4) | hexDigitValue(this.hex.charCodeAt(i + 1));
  }

  /** Reads tag and length at hex-digit index `i`; `end` bounds the enclosing value. */
  private header(i: number, end: number): Header | Failure {
    if (end - i < 2) return { kind: 'truncated-tag', at: i, end, params: { offset: this.offset(i) } };
    let t = i + 2;
    if ((this.byte(i) & 0x1f) === 0x1f) {
      // Multi-byte tag: subsequent bytes follow while b8 is set.
      for (;;) {
        if (end - t < 2) return { kind: 'truncated-tag', at: i, end, params: { offset: this.offset(i) } };
        const b = this.byte(t);
        t += 2;
        if ((b & 0x80) === 0) break;
        if ((t - i) / 2 >= maxTagBytes) {
          return { kind: 'tag-too-long', at: i, end: t, params: { offset: this.offset(i), max: maxTagBytes } };
        }
      }
    }
    const tag = this.hex.slice(i, t);
    if (end - t < 2) return { kind: 'truncated-length', at: i, end, tag, params: { tag, offset: this.offset(t) } };
    const first = this.byte(t);
    let valueStart = t + 2;
    let length = first;
    if (first === 0x80) {
      return { kind: 'indefinite-length', at: i, end: valueStart, tag, params: { tag, offset: this.offset(i) } };
    }
    if (first > 0x80) {
      const count = first & 0x7f;
      if (count > maxLengthBytes) {
        return { kind: 'length-too-long', at: i, end: valueStart, tag, params: { tag, offset: this.offset(i), count, max: maxLengthBytes } };
      }
      if (end - valueStart < 2 * count) return { kind: 'truncated-length', at: i, end, tag, params: { tag, offset: this.offset(t) } };
      length = 0;
      for (let k = 0; k < count; k++) length = length * 256 + this.byte(valueStart + 2 * k);
      valueStart += 2 * count;
    }
    return { tag, start: i, lengthStart: t, valueStart, length };
  }

  private isPadding(i: number, end: number): boolean {
    if (end - i < 2) return false;
    const b = this.byte(i);
    return b === 0x00 || b === 0xff;
  }

  /**
   * Reads elements strictly from `start` up to `end`. Stops at the first failure; an element whose
   * declared length runs past `end` is a failure too (its header is kept for reporting).
   */
  private strict(start: number, end: number): { elements: Element[]; failure?: Failure; failedHeader?: Header } {
    const elements: Element[] = [];
    let i = start;
    while (i < end) {
      if (this.isPadding(i, end)) {
        i += 2;
        continue;
      }
      const h = this.header(i, end);
      if ('kind' in h) return { elements, failure: h };
      const declaredEnd = h.valueStart + 2 * h.length;
      if (declaredEnd > end) {
        const failure: Failure = {
          kind: 'length-exceeds-data',
          at: i,
          end,
          tag: h.tag,
          params: {
            tag: h.tag,
            declaredBytes: h.length,
            declaredDigits: 2 * h.length,
            availableDigits: end - h.valueStart,
          },
        };
        return { elements, failure, failedHeader: h };
      }
      elements.push({ header: h, valueEnd: declaredEnd, truncated: false, recovered: false });
      i = declaredEnd;
    }
    return { elements };
  }

  /**
   * Resynchronisation heuristic (documented because it can be wrong): after a failure, look for the
   * earliest hex-digit position q — starting just inside the value of the element before the failure
   * (its declared length may be the real culprit, as in Nexi's f55) — such that
   *   1. a tag listed in the EMV dictionary starts exactly at q (no padding skipped before it), and
   *   2. reading strictly from q consumes the rest of the enclosing value without any failure, every
   *      tag met on the way is in the dictionary, and at most one stray hex digit is left at the end.
   * Positions are tried digit by digit, not byte by byte, because missing digits misalign everything
   * after them. Elements read from q on are marked `recovered`.
   */
  private findResync(from: number, end: number): number | undefined {
    for (let q = from; q < end - 1; q++) {
      const h = this.header(q, end);
      if ('kind' in h || !isKnownTag(h.tag)) continue;
      const { elements, failure } = this.strict(q, end);
      const leftover = failure?.kind === 'truncated-tag' && failure.end - failure.at < 2;
      if ((failure && !leftover) || elements.length === 0) continue;
      if (elements.every((e) => isKnownTag(e.header.tag))) return q;
    }
    return undefined;
  }

  private sequence(start: number, end: number, depth: number): TlvNode[] {
    const { elements, failure, failedHeader } = this.strict(start, end);
    if (!failure) return elements.map((e) => this.node(e, depth));

    const previous = elements[elements.length - 1];
    const from = previous ? previous.header.valueStart + 1 : failure.at + 1;
    // A single stray digit at the very end is just that; resynchronising could only cut good data.
    const strayDigit = failure.kind === 'truncated-tag' && failure.end - failure.at < 2;
    const q = this.resync && !strayDigit ? this.findResync(from, end) : undefined;
    if (q === undefined) {
      // No way to resume: keep what was read, report the failure, show a truncated last element.
      const nodes = elements.map((e) => this.node(e, depth));
      this.fail(failure);
      if (failedHeader) nodes.push(this.node({ header: failedHeader, valueEnd: end, truncated: true, recovered: false }, depth));
      return nodes;
    }

    const kept = [...elements];
    if (previous && q < previous.valueEnd) {
      // The previous element's declared length swallowed the start of the next tag: cut it at q.
      kept[kept.length - 1] = { ...previous, valueEnd: q, truncated: true };
      const h = previous.header;
      const nextTag = (this.header(q, end) as Header).tag;
      this.report(
        'length-exceeds-data',
        'error',
        'lengthCutByNextTag',
        this.range(h.start, q),
        {
          tag: h.tag,
          declaredBytes: h.length,
          declaredDigits: 2 * h.length,
          availableDigits: q - h.valueStart,
          nextTag,
          nextOffset: this.offset(q),
          missingDigits: 2 * h.length - (q - h.valueStart),
        },
        h.tag,
      );
    } else if (q > failure.at) {
      // The failing element itself is junk: say why it could not be read, then what was skipped.
      this.fail(failure);
      this.report('unparsed-data', 'error', 'unparsedData', this.range(failure.at, q), {
        digits: q - failure.at,
        offset: this.offset(failure.at),
      });
    }
    const resumed = this.strict(q, end);
    const first = resumed.elements[0].header.tag;
    this.report('resynchronised', 'info', 'resynchronised', this.range(q, q + first.length), {
      offset: this.offset(q),
      tag: first,
    });
    if (resumed.failure) this.fail(resumed.failure);
    return [...kept, ...resumed.elements.map((e) => ({ ...e, recovered: true }))].map((e) => this.node(e, depth));
  }

  private node(e: Element, depth: number): TlvNode {
    const h = e.header;
    const constructed = isConstructedTag(h.tag);
    let children: TlvNode[] | undefined;
    if (constructed) {
      if (depth + 1 > this.maxDepth) {
        this.report('too-deep', 'warning', 'tooDeep', this.range(h.valueStart, e.valueEnd), { max: this.maxDepth, tag: h.tag }, h.tag);
      } else {
        children = this.sequence(h.valueStart, e.valueEnd, depth + 1);
      }
    }
    // EMV 4.4 Book 3 Annex A: fixed-length data objects. Lengths such as "5-16" or "4 (TTQ) / 2 (MC)" are not fixed.
    const fixed = constructed || e.truncated ? undefined : /^\d+$/.exec(tagData(h.tag)?.len ?? '')?.[0];
    // EMV treats a data object of length zero as not present: not a wrong length.
    const lengthMismatch = fixed !== undefined && h.length > 0 && Number(fixed) !== h.length ? { expected: Number(fixed), actual: h.length } : undefined;
    if (lengthMismatch) {
      this.report(
        'fixed-length',
        'warning',
        'fixedLength',
        this.range(h.start, e.valueEnd),
        { tag: h.tag, name: lookupTag(h.tag)?.name ?? h.tag, ...lengthMismatch },
        h.tag,
      );
    }
    return {
      tag: h.tag,
      tagClass: tagClassOf(h.tag)!,
      constructed,
      length: h.length,
      value: this.hex.slice(h.valueStart, e.valueEnd),
      range: this.range(h.start, e.valueEnd),
      tagRange: this.range(h.start, h.lengthStart),
      lengthRange: this.range(h.lengthStart, h.valueStart),
      valueRange: this.range(h.valueStart, e.valueEnd),
      ...(children ? { children } : {}),
      truncated: e.truncated,
      recovered: e.recovered,
      ...(lengthMismatch ? { lengthMismatch } : {}),
    };
  }

  // ---- reporting -------------------------------------------------------------------------------

  private fail(f: Failure): void {
    this.report(f.kind, 'error', failureMessages[f.kind], this.range(f.at, f.end), f.params, f.tag);
  }

  private report(
    kind: TlvProblemKind,
    severity: Severity,
    message: TlvMessage,
    range: OffsetRange,
    params: TemplateValues,
    tag?: string,
  ): void {
    this.problems.push({
      code: tlvProblemCodes[kind],
      kind,
      severity,
      message: fillTemplate(tlvText()[message], params),
      range,
      ...(tag ? { tag } : {}),
      params,
    });
  }

  /** Character offset in the input (without baseOffset) of hex digit `i`. */
  private offset(i: number): number {
    return i < this.pos.length ? this.pos[i] : this.input.length;
  }

  /** Input range (with baseOffset) covering hex digits [a, b). */
  private range(a: number, b: number): OffsetRange {
    if (b <= a) {
      const at = this.offset(a);
      return { start: this.base + at, end: this.base + at };
    }
    return { start: this.base + this.pos[a], end: this.base + this.pos[b - 1] + 1 };
  }
}

/** All nodes depth-first (parents before children). */
export function flattenTlv(nodes: readonly TlvNode[]): TlvNode[] {
  const out: TlvNode[] = [];
  flattenInto(nodes, out);
  return out;
}

function flattenInto(nodes: readonly TlvNode[], out: TlvNode[]): void {
  for (const n of nodes) {
    out.push(n);
    if (n.children) flattenInto(n.children, out);
  }
}

/** Value of hex digit character `c` (`0`–`9`, `A`–`F`, `a`–`f`), or -1. */
function hexDigitValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 65 && c <= 70) return c - 55;
  if (c >= 97 && c <= 102) return c - 87;
  return -1;
}

/** `/\s/` of one UTF-16 code unit: ASCII and Unicode white space, line terminators and the BOM. */
function isWhitespace(c: number): boolean {
  if (c <= 32) return c === 32 || (c >= 9 && c <= 13);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** First node with the given tag, searched depth-first. */
export function findTlv(nodes: readonly TlvNode[], tag: string): TlvNode | undefined {
  const wanted = tag.toUpperCase();
  return flattenTlv(nodes).find((n) => n.tag === wanted);
}
