// Finds App2App request URIs (`neximpos://…`) and result URIs in arbitrary text: logcat lines, source-code string
// literals, JSON, XML, Markdown. One forward pass driven by indexOf('://'); each hit is examined locally, so the
// cost is linear in the text plus the URIs found (benchmarked on large logs).
//
// Where a URI ends is the hard part, because real logs are not encoded (spec §2.2):
// - inside a string literal it ends at the closing quote (escapes resolved, offsets mapped back);
// - after Android's `dat=` (Intent.toString()) it ends at the Intent tail (` flg=0x… cmp=… }`, spec §16.22);
// - elsewhere a space ends it unless what follows is more `key=value` of the same URI
//   (`resultDescription=TRANSAZIONE APPROVATA&…`, `callerName =Payment`, `sendTicket=true &urlTicket=…`).

import type { OffsetRange } from '../types';
import { findOperation, findOperationByType, findOperationIn, isKnownKey, isResponseOnlyKey, requestScheme, type OperationName } from './catalog';
import { offsetAt, PairArena, parseUri, stripWhitespace, readParams, type ParsedUri, type QueryParam } from './parse';
import { editDistance } from './suggest';

export type UriKind = 'request' | 'result';

export interface ScannedUri {
  readonly kind: UriKind;
  /** From the authority (request) or `operationType`/authority (result); undefined when unknown. */
  readonly operation: OperationName | undefined;
  /** The URI in the original text. */
  readonly range: OffsetRange;
  /** Parsed URI; every range in it refers to the original text. */
  readonly uri: ParsedUri;
  readonly params: readonly QueryParam[];
  /** Quote of the string literal the URI sits in, if any. */
  readonly quote: '"' | "'" | '`' | undefined;
  /** In XML/HTML, where `&amp;` is the correct spelling of `&` (edits must write `&amp;` too). */
  readonly markup: boolean;
  /** Only part of the URI is literal text (string concatenation follows, or keys come from templates). */
  readonly partial: boolean;
}

/**
 * Whether "Check transaction" can succeed for this URI: a result of a payment or reversal (or of an operation the URI
 * does not name). checkTransaction looks up a transaction by the callerTrxId of its App2App call (spec §15.2). A
 * last-transaction result's callerTrxId echoes the enquiry's own reference (spec §5.2 [LTS]), and an accounting
 * closure's names a closure: neither is a transaction's [inference].
 */
export function offersCheck(uri: Pick<ScannedUri, 'kind' | 'operation'>): boolean {
  return uri.kind === 'result' && uri.operation !== 'accounting_closure' && uri.operation !== 'last_transaction';
}

/** A scanned URI; its parameters are the URI's, made when first read. */
class Scanned implements ScannedUri {
  constructor(
    readonly kind: UriKind,
    readonly operation: OperationName | undefined,
    readonly range: OffsetRange,
    readonly uri: ParsedUri,
    readonly quote: '"' | "'" | '`' | undefined,
    readonly markup: boolean,
    readonly partial: boolean,
  ) {}

  get params(): readonly QueryParam[] {
    return this.uri.params;
  }

  /** Plain-object form (what JSON.stringify and test diffs show). */
  toJSON(): ScannedUri {
    const { kind, operation, range, uri, params, quote, markup, partial } = this;
    return { kind, operation, range, uri, params, quote, markup, partial };
  }
}

/**
 * `s` with parameter objects of its own (see `readParams`): the same parameters (equal in every property, in the
 * same order), but not kept by `s.uri`, each value derived once. An explanation of each URI of a scan reads every
 * parameter; kept on the scan's URIs, which outlive the explanations, they were copied from generation to generation
 * by the garbage collector (scan + explain of the decode benchmark's corpus: about a quarter less time this way).
 */
export function withOwnParams(s: ScannedUri): ScannedUri {
  return s instanceof Scanned ? new OwnParams(s, readParams(s.uri)) : s;
}

/** A scanned URI with parameter objects of its own (see `withOwnParams`). */
class OwnParams implements ScannedUri {
  readonly kind: UriKind;
  readonly operation: OperationName | undefined;
  readonly range: OffsetRange;
  readonly uri: ParsedUri;
  readonly quote: '"' | "'" | '`' | undefined;
  readonly markup: boolean;
  readonly partial: boolean;

  constructor(
    s: ScannedUri,
    readonly params: readonly QueryParam[],
  ) {
    this.kind = s.kind;
    this.operation = s.operation;
    this.range = s.range;
    this.uri = s.uri;
    this.quote = s.quote;
    this.markup = s.markup;
    this.partial = s.partial;
  }

  toJSON(): ScannedUri {
    const { kind, operation, range, uri, params, quote, markup, partial } = this;
    return { kind, operation, range, uri, params, quote, markup, partial };
  }
}

/** `s` with another parsed form of the same URI (moved ranges, say). */
export function withParsedUri(s: ScannedUri, uri: ParsedUri): ScannedUri {
  return new Scanned(s.kind, s.operation, uri.range, uri, s.quote, s.markup, s.partial);
}

export interface ScanOptions {
  /** True for XML/HTML documents. Default: guessed per URI (after `>` or in an `attr="…"` value). */
  readonly markup?: boolean;
}

const isLetter = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isDigit = (c: number) => c >= 48 && c <= 57;
const isSchemeChar = (c: number) => isLetter(c) || isDigit(c) || c === 43 || c === 45 || c === 46;
const isKeyChar = (c: number) => isLetter(c) || isDigit(c) || c === 95;
const isIdentStart = (c: number) => isLetter(c) || c === 95;
const isBlank = (c: number) => c === 32 || c === 9;
const isHexChar = (c: number) => isDigit(c) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102);
// Characters that end a URI outside string literals: controls, quotes, angle brackets, backslash, backtick.
const isHardStop = (c: number) => c < 32 || c === 34 || c === 60 || c === 62 || c === 92 || c === 96 || c === 127;

// A custom-authority URI is a result when it carries a key only results have, or the echoed callerTrxId
// (`app2appDemo://reversalResult?callerTrxId=…`, spec §4.4).
const isResultKey = (key: string) => key === 'callerTrxId' || isResponseOnlyKey(key);
// Web and system schemes are never App2App results unless their authority is an operation name [inference].
const foreignSchemes = new Set(['http', 'https', 'ftp', 'ftps', 'file', 'ws', 'wss', 'content', 'jar', 'mailto', 'data', 'intent', 'market']);
/** The foreign schemes by length. */
const foreignSchemesOfLength: string[][] = [];
for (const scheme of foreignSchemes) (foreignSchemesOfLength[scheme.length] ??= []).push(scheme);

/**
 * `foreignSchemes.has(text.slice(start, end).toLowerCase())` without making either string: asked for every `://`
 * in a log, most of them web URLs. `c | 32` lower-cases an ASCII letter, and every listed scheme is letters only.
 */
function isForeignSchemeAt(text: string, start: number, end: number): boolean {
  const length = end - start;
  const candidates = foreignSchemesOfLength[length];
  if (candidates === undefined) return false;
  for (const scheme of candidates) {
    let k = 0;
    while (k < length && (text.charCodeAt(start + k) | 32) === scheme.charCodeAt(k)) k++;
    if (k === length) return true;
  }
  return false;
}

// Fields Android's Intent.toString() prints after `dat=` (spec §4.4 example, §16.22).
const intentTail = ['flg=', 'xflg=', 'cmp=', 'pkg=', 'typ=', 'bnds=', 'sel=', 'clip=', 'launchParam=', '(has extras)', '}'];

// Checked at every blank after `dat=`: a glance at the first character rules out almost every word.
const intentTailStarts = new Set(intentTail.map((t) => t.charCodeAt(0)));

function intentTailAt(text: string, p: number): boolean {
  if (!intentTailStarts.has(text.charCodeAt(p))) return false;
  for (const t of intentTail) if (text.startsWith(t, p)) return true;
  return false;
}

/** `key=` (or `amp;key=`) starts at p. */
function pairStartsAt(text: string, p: number): boolean {
  if (text.startsWith('amp;', p)) p += 4;
  const start = p;
  while (p < text.length && p - start <= 64 && isKeyChar(text.charCodeAt(p))) p++;
  return p > start && text.charCodeAt(p) === 61;
}

/** text[k, m) ends with a known parameter name that starts a word (`3uri` → `uri`): a `&` is missing before it. */
function endsWithKnownKey(text: string, k: number, m: number): boolean {
  for (let s = Math.max(k, m - 24); s < m; s++) {
    if (!isLetter(text.charCodeAt(s)) || (s > k && isLetter(text.charCodeAt(s - 1)))) continue;
    if (isKnownKey(text.slice(s, m))) return true;
  }
  return false;
}

/**
 * At a blank inside a URI outside string literals: the index to keep going until (a separator or `=` of the same
 * URI further on this line), or -1 when the URI ends here.
 */
function continuation(text: string, i: number): number {
  const n = text.length;
  let k = i;
  while (k < n && isBlank(text.charCodeAt(k))) k++;
  if (k >= n) return -1;
  const c = text.charCodeAt(k);
  if (c === 61 || c === 38) return k; // `callerName =Payment`, `sendTicket=true &urlTicket` (spec §3.5, §4.4)
  if (intentTailAt(text, k)) return -1;
  const offsetEnd = spacedOffsetEnd(text, i, k);
  if (offsetEnd >= 0) return offsetEnd;
  let firstTokenEnd = -1;
  for (let m = k; m < n; m++) {
    const d = text.charCodeAt(m);
    if (isBlank(d)) {
      if (firstTokenEnd < 0) firstTokenEnd = m;
      let p = m;
      while (p < n && isBlank(text.charCodeAt(p))) p++;
      if (intentTailAt(text, p)) return -1;
      m = p - 1;
      continue;
    }
    if (isHardStop(d)) return -1;
    if (d === 38 && pairStartsAt(text, m + 1)) return m;
    if (d === 0xd7 && text.startsWith('tamp=', m + 1)) return m;
    if (d === 58 && text.startsWith('//', m + 1)) return -1; // another URI starts: ours ended
    if (d === 61 && firstTokenEnd < 0 && endsWithKnownKey(text, k, m)) return m; // `12312 3uri=…` (spec §5.3)
  }
  return -1;
}

// `CT110=2025-05-16T14:51:51+02:00` after a decoder that turned `+` into a space (spec §2.2): a date-time just
// before the blank and a UTC offset just after it belong together, even as the last value of the URI.
const dateTimeBefore = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?$/;
const offsetAfter = /^\d{2}:?\d{2}(?![\w:.])/;

/** End of the offset when `text[blank, k)` separates a date-time from its offset, else -1. */
function spacedOffsetEnd(text: string, blank: number, k: number): number {
  if (k !== blank + 1 || !dateTimeBefore.test(text.slice(Math.max(0, blank - 32), blank))) return -1;
  const m = offsetAfter.exec(text.slice(k, k + 6));
  return m ? k + m[0].length : -1;
}

interface Extracted {
  readonly text: string;
  readonly base: number;
  readonly offsets?: number[];
  readonly dynamic: OffsetRange[];
  readonly partial: boolean;
}

const closers: Record<number, number> = { 40: 41, 91: 93, 123: 125 };
// Every character extractPlain reacts to: blanks, hard stops (controls, quotes, angle brackets, backslash,
// backtick, DEL) and brackets. Keep in step with isBlank/isHardStop and `closers`.
const interesting = /[\x00-\x20"<>\\`\x7f(){}[\]]/g;

// Outside string literals: the index where the URI that starts at `start` ends.
function extractPlain(text: string, start: number, walkFrom: number, intent: boolean): number {
  const n = text.length;
  const open = start > 0 ? text.charCodeAt(start - 1) : 0;
  const close = closers[open] ?? -1; // `[label](neximpos://…)`: the closing bracket ends the URI
  let depth = 0;
  let until = -1;
  let i = walkFrom;
  // Jump from one character that can matter to the next (blanks, hard stops, brackets, `}`): URIs are long
  // runs of ordinary characters, and the regular expression engine skips those far faster than a JS loop.
  // `test` rather than `exec`: no match object per stop; every match is one character, just before `lastIndex`.
  interesting.lastIndex = walkFrom;
  for (;;) {
    if (!interesting.test(text)) {
      i = n;
      break;
    }
    i = interesting.lastIndex - 1;
    const c = text.charCodeAt(i);
    if (isBlank(c)) {
      if (i < until) continue;
      if (intent) {
        let p = i;
        while (p < n && isBlank(text.charCodeAt(p))) p++;
        if (intentTailAt(text, p)) break;
        continue;
      }
      const k = continuation(text, i);
      if (k < 0) break;
      until = k;
      continue;
    }
    if (isHardStop(c)) break;
    if (c === close) {
      if (depth === 0) break;
      depth--;
    } else if (c === open) depth++;
    if (intent && c === 125 && (i + 1 >= n || isBlank(text.charCodeAt(i + 1)) || isHardStop(text.charCodeAt(i + 1)))) break;
  }
  let end = i;
  while (end > walkFrom && isBlank(text.charCodeAt(end - 1))) end--;
  return intent ? end : trimTrailingPunctuation(text, walkFrom, end);
}

// Prose puts punctuation after a URI ("see neximpos://payment?amount=1."); an unbalanced `)` closes a parenthesis
// opened before the URI. Not applied after `dat=` or inside literals, where the end is exact.
function trimTrailingPunctuation(text: string, from: number, end: number): number {
  return trimTail(text, from, end, false);
}

/**
 * `end` less what closes code rather than the URI at the end of text[from, end), for a literal still being typed:
 * blanks, `;`, and each unbalanced `)` or `]`. An escaped character stays.
 */
function trimCodeTail(text: string, from: number, end: number): number {
  return trimTail(text, from, end, true);
}

/**
 * `end` less the characters at the end of text[from, end) that follow a URI rather than belong to it: punctuation
 * (`.,;:`), or in `code` blanks and `;`; and each `)` or `]` that no bracket in the range opened (a value holding
 * `(MI)` keeps it).
 */
function trimTail(text: string, from: number, end: number, code: boolean): number {
  let parens = 0; // `)` minus `(` in text[from, end)
  let brackets = 0;
  let t = end;
  let closes = false;
  for (; t > from; t--) {
    const c = text.charCodeAt(t - 1);
    if (c === 41 || c === 93) closes = true;
    else if (!followsUri(c, code)) break;
  }
  if (t === end) return end;
  if (closes) {
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      if (c === 40) parens--;
      else if (c === 41) parens++;
      else if (c === 91) brackets--;
      else if (c === 93) brackets++;
    }
  }
  while (end > from && !(code && text.charCodeAt(end - 2) === 92)) {
    const c = text.charCodeAt(end - 1);
    if (c === 41 ? parens-- > 0 : c === 93 ? brackets-- > 0 : followsUri(c, code)) end--;
    else break;
  }
  return end;
}

/** Whether `c` at a URI's end follows it rather than belongs to it: prose punctuation, or in `code` blanks and `;`. */
function followsUri(c: number, code: boolean): boolean {
  return code ? isBlank(c) || c === 59 : c === 46 || c === 44 || c === 59 || c === 58;
}

/** Index after the bracket closing the one opened just before `from` (nesting counted), or the line end. */
function matchClose(text: string, from: number, open: number, close: number): number {
  const n = Math.min(text.length, from + 200);
  let depth = 0;
  for (let i = from; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return i;
    if (c === open) depth++;
    else if (c === close) {
      if (depth === 0) return i + 1;
      depth--;
    }
  }
  return n;
}

// printf-style placeholders in string literals (`String.format("…amount=%s…")`): values filled in at run time.
function formatSpecifierLength(text: string, i: number): number {
  const d = text.charCodeAt(i + 1);
  if (d === 115 /* s */ || d === 64 /* @ */) return 2;
  if (d === 100 /* d */ && !isHexChar(text.charCodeAt(i + 2))) return 2;
  let p = i + 1;
  while (isDigit(text.charCodeAt(p))) p++;
  if (p > i + 1 && text.charCodeAt(p) === 36 /* $ */ && (text.charCodeAt(p + 1) === 115 || text.charCodeAt(p + 1) === 100)) return p + 2 - i;
  return 0;
}

// Inside a string literal that starts at `start` (just after the quote): up to the closing quote, with escapes
// resolved and templates (`$x`, `${x}`, `\(x)`) marked dynamic.
function extractString(text: string, start: number, quote: number): Extracted {
  const n = text.length;
  const dynamic: OffsetRange[] = [];
  let escapes = false;
  let i = start;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === quote || c === 10 || c === 13) break;
    if (c === 92) {
      const d = text.charCodeAt(i + 1);
      if (d === 40) {
        const e = matchClose(text, i + 2, 40, 41);
        dynamic.push({ start: i, end: e });
        i = e;
        continue;
      }
      if (d === 110 || d === 114 || d === 116 || Number.isNaN(d)) break; // an escaped newline or tab ends the URI
      escapes = true;
      i += d === 117 && isHex4(text, i + 2) ? 6 : 2;
      continue;
    }
    if (c === 36) {
      const d = text.charCodeAt(i + 1);
      if (d === 123) {
        const e = matchClose(text, i + 2, 123, 125);
        dynamic.push({ start: i, end: e });
        i = e;
        continue;
      }
      if (isIdentStart(d)) {
        let e = i + 2;
        while (e < n && isKeyChar(text.charCodeAt(e))) e++;
        dynamic.push({ start: i, end: e });
        i = e;
        continue;
      }
    }
    if (c === 37) {
      const len = formatSpecifierLength(text, i);
      if (len > 0) {
        dynamic.push({ start: i, end: i + len });
        i += len;
        continue;
      }
    }
    i++;
  }
  // A literal the line ends before closing is being typed: the code after it on the line (the editor's auto-closed
  // `)`, a `;`) is not part of the URI. An escaped newline ends the URI inside the literal: no such code there.
  const open = i >= n || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13;
  const end = open ? trimCodeTail(text, dynamic.length > 0 ? dynamic[dynamic.length - 1]!.end : start, Math.min(i, n)) : i;
  let k = end < n && text.charCodeAt(end) === quote ? end + 1 : end;
  while (k < n && isBlank(text.charCodeAt(k))) k++;
  const partial = end < n && text.charCodeAt(end) === quote && text.charCodeAt(k) === 43; // `"…?amount=" + amount`
  if (!escapes) {
    return { text: text.slice(start, end), base: start, dynamic: dynamic.map((r) => ({ start: r.start - start, end: r.end - start })), partial };
  }
  // Escapes make logical and original offsets differ: build the text in chunks with an offset per character.
  const chunks: string[] = [];
  const offsets: number[] = [];
  const logicalDynamic: OffsetRange[] = [];
  let d = 0;
  let seg = start;
  let len = 0;
  const flush = (to: number) => {
    if (to > seg) {
      chunks.push(text.slice(seg, to));
      for (let o = seg; o < to; o++) offsets.push(o);
      len += to - seg;
    }
  };
  i = start;
  while (i < end) {
    if (d < dynamic.length && dynamic[d].start === i) {
      flush(i);
      seg = i;
      const from = len;
      flush(dynamic[d].end);
      logicalDynamic.push({ start: from, end: len });
      i = seg = dynamic[d].end;
      d++;
      continue;
    }
    if (text.charCodeAt(i) === 92) {
      flush(i);
      const e = text.charCodeAt(i + 1);
      const unicode = e === 117 && isHex4(text, i + 2);
      chunks.push(unicode ? String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16)) : text.charAt(i + 1));
      offsets.push(i);
      len++;
      i = seg = i + (unicode ? 6 : 2);
      continue;
    }
    i++;
  }
  flush(end);
  offsets.push(end);
  return { text: chunks.join(''), base: start, offsets, dynamic: logicalDynamic, partial };
}

function isHex4(text: string, p: number): boolean {
  for (let k = 0; k < 4; k++) if (!isHexChar(text.charCodeAt(p + k))) return false;
  return true;
}

/** Near-misses of `neximpos` (`nexipos`, `NexiMpos`, `neximpo`) are still meant as requests. */
function looksLikeRequestScheme(lowerScheme: string): boolean {
  if (lowerScheme === requestScheme || lowerScheme.startsWith('nexi')) return true;
  if (Math.abs(lowerScheme.length - requestScheme.length) > 2) return false;
  // A log repeats the same few schemes: remember the answer (bounded).
  let near = nearSchemes.get(lowerScheme);
  if (near === undefined) {
    if (nearSchemes.size > 256) nearSchemes.clear();
    near = editDistance(lowerScheme, requestScheme) <= 2;
    nearSchemes.set(lowerScheme, near);
  }
  return near;
}
const nearSchemes = new Map<string, boolean>();

/** Decides whether a parsed URI is an App2App request or result. */
export function classify(uri: ParsedUri): { kind: UriKind; operation: OperationName | undefined } | undefined {
  return uri.queryRange ? classifyQuery(uri) : undefined;
}

/** `classify` for a URI known to have a query (the scanner checks that first). */
function classifyQuery(uri: ParsedUri): { kind: UriKind; operation: OperationName | undefined } | undefined {
  const scheme = uri.scheme.toLowerCase();
  if (scheme === requestScheme || (looksLikeRequestScheme(scheme) && !someName(uri, isResponseOnlyKey))) {
    return { kind: 'request', operation: findOperation(uri.authority)?.name };
  }
  const byAuthority = findOperation(uri.authority);
  if (!byAuthority && (foreignSchemes.has(scheme) || !someName(uri, isResultKey))) return undefined;
  const operationType = uri.get('operationType');
  const byType = operationType ? findOperationByType(operationType) : undefined;
  return { kind: 'result', operation: (byType ?? byAuthority)?.name };
}

/** Some parameter whose name passes `test`; keys from templates are unknown and never count. */
function someName(uri: ParsedUri, test: (name: string) => boolean): boolean {
  if (uri.dynamic !== undefined || uri.openEnd) {
    for (const p of uri.params) if (p.dynamic !== 'key' && test(p.name)) return true;
    return false;
  }
  for (let i = 0; i < uri.paramCount; i++) if (test(stripWhitespace(uri.keyAt(i)))) return true;
  return false;
}

const quoteChars: Record<number, '"' | "'" | '`'> = { 34: '"', 39: "'", 96: '`' };

/**
 * Examines the `://` at `hit`, appending what it finds to `out`. Returns where the search may resume: after a
 * rejected URL with a query (any `://` inside it belongs to it), otherwise just after the `://`, so the whole scan
 * stays linear. Most hits in a log are web URLs: they are rejected before anything is allocated.
 */
function scanAt(text: string, hit: number, separatorLength: number, floor: number, options: ScanOptions, arena: PairArena, out: ScannedUri[]): number {
  const rejected = hit + separatorLength;
  // Scheme: letters, digits, + - . before `://`, starting with a letter; `dat=` and quotes stop it.
  const limit = Math.max(floor, hit - 64);
  let j = hit;
  while (j > limit && isSchemeChar(text.charCodeAt(j - 1))) j--;
  if (j === hit - 64 && j > floor && isSchemeChar(text.charCodeAt(j - 1))) return rejected;
  while (j < hit && !isLetter(text.charCodeAt(j))) j++;
  if (j === hit) return rejected;

  // Web URLs are by far the most common `://` in logs: drop them before extracting anything, unless their
  // authority is an operation name.
  if (isForeignSchemeAt(text, j, hit) && !operationAt(text, hit + separatorLength)) return rejected;

  const before = j > 0 ? text.charCodeAt(j - 1) : 0;
  const quote = before === 34 || before === 39 || before === 96 ? before : 0;
  let uri: ParsedUri;
  let partial = false;
  if (quote !== 0 || separatorLength !== 3) {
    const extracted = extractString(text, j, quote || 34);
    uri = parseUri(extracted.text, { base: extracted.base, offsets: extracted.offsets, dynamic: extracted.dynamic, openEnd: extracted.partial, arena });
    partial = extracted.partial;
  } else {
    // `demonexi:// accounting_closure?…` (spec §6.3): a wrap space before a known operation is still the same URI.
    let walkFrom = hit + 3;
    if (isBlank(text.charCodeAt(walkFrom))) {
      let k = walkFrom;
      while (k < text.length && isBlank(text.charCodeAt(k))) k++;
      let w = k;
      while (w < text.length && isKeyChar(text.charCodeAt(w))) w++;
      if (findOperationIn(text, k, w)) walkFrom = w;
    }
    if (!queryFollows(text, walkFrom)) return rejected;
    const end = extractPlain(text, j, walkFrom, j >= 4 && text.startsWith('dat=', j - 4));
    uri = parseUri(text.slice(j, end), { base: j, arena });
  }

  // Any `://` inside a rejected extent yields nothing new either: resume after it.
  const skip = Math.max(rejected, offsetAt(uri, uri.text.length));
  const queryStart = uri.text.indexOf('?');
  // No query, or a template before it (`neximpos://${op}?…`): nothing checkable.
  if (queryStart < 0 || startsBefore(uri.dynamic, queryStart)) return skip;
  const found = classifyQuery(uri);
  if (!found) return skip;
  // Only literals have templates or an open end (the plain-text path never sets either).
  if (!partial && (uri.dynamic || uri.openEnd)) partial = uri.params.some((p) => p.dynamic === 'key');
  const attribute = quote !== 0 && quote !== 96 && j >= 3 && text.charCodeAt(j - 2) === 61 && isKeyChar(text.charCodeAt(j - 3));
  out.push(new Scanned(found.kind, found.operation, uri.range, uri, quote === 0 ? undefined : quoteChars[quote], options.markup ?? (before === 62 || attribute), partial));
  return skip;
}

function startsBefore(ranges: readonly OffsetRange[] | undefined, at: number): boolean {
  if (ranges) for (const r of ranges) if (r.start < at) return true;
  return false;
}

/** The operation named by the identifier at `from` (a URL's host, say), if any. */
function operationAt(text: string, from: number): boolean {
  let k = from;
  while (k < text.length && k - from < 32 && isKeyChar(text.charCodeAt(k))) k++;
  return findOperationIn(text, from, k) !== undefined;
}

/** A `?` ends the authority and path before anything that would end the URI (or start another one). */
function queryFollows(text: string, from: number): boolean {
  for (let k = from; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 63) return true;
    if (isHardStop(c) || isBlank(c) || c === 35 || (c === 58 && text.startsWith('//', k + 1))) return false;
  }
  return false;
}

/**
 * Index of the next `://` at or after `from`, or -1. Looks for `//` and checks the colon before it: logs are full
 * of `:` (every timestamp has two) and far fewer `/`, and indexOf is fastest when the first character of what it
 * looks for is rare (about 3x faster over the benchmark's 50 MB logcat). A `//` not preceded by `:` cannot be
 * followed by one that is before `i + 2`, so the search skips past it.
 */
function nextPlain(text: string, from: number): number {
  for (let i = text.indexOf('//', from + 1); i >= 0; i = text.indexOf('//', i + 2)) {
    if (text.charCodeAt(i - 1) === 58) return i - 1;
  }
  return -1;
}

/** Index of the next `:\/\/` (JSON-escaped `://`) at or after `from`, or -1; same trick: backslashes are rare. */
function nextEscaped(text: string, from: number): number {
  for (let i = text.indexOf('\\/\\/', from + 1); i >= 0; i = text.indexOf('\\/\\/', i + 1)) {
    if (text.charCodeAt(i - 1) === 58) return i - 1;
  }
  return -1;
}

/** Every App2App request and result URI in `text`, in order. Never throws. */
export function scanText(text: string, options: ScanOptions = {}): ScannedUri[] {
  const out: ScannedUri[] = [];
  const scan = new Scan(text, options);
  while (scan.next(out)) {
    // Each step adds what it found.
  }
  return out;
}

/**
 * Every App2App URI in `text`, as scanText finds them, handed out as found: a whole log's decode keeps only the URI
 * it is explaining alive, not the log's worth of scanned URIs that garbage collection would copy again and again.
 */
export function* scanEach(text: string, options: ScanOptions = {}): Generator<ScannedUri, void, undefined> {
  const found: ScannedUri[] = [];
  const scan = new Scan(text, options);
  while (scan.next(found)) {
    for (const uri of found) yield uri;
    found.length = 0;
  }
}

/** A forward pass over a text, a hit at a time (scanText, scanEach). */
class Scan {
  readonly #arena = new PairArena();
  #floor = 0;
  // JSON escapes slashes (`neximpos:\/\/payment`): a second, lazily advanced search stream.
  #plain: number;
  #escaped: number;

  constructor(
    private readonly text: string,
    private readonly options: ScanOptions,
  ) {
    this.#plain = nextPlain(text, 0);
    this.#escaped = nextEscaped(text, 0);
  }

  /** Examines the next hit, adding what it finds to `out`; false when there is none left. */
  next(out: ScannedUri[]): boolean {
    const plain = this.#plain;
    const escaped = this.#escaped;
    if (plain < 0 && escaped < 0) return false;
    const useEscaped = plain < 0 || (escaped >= 0 && escaped < plain);
    const count = out.length;
    const next = scanAt(this.text, useEscaped ? escaped : plain, useEscaped ? 5 : 3, this.#floor, this.options, this.#arena, out);
    if (out.length > count) this.#floor = out[count]!.range.end;
    if (plain >= 0 && plain < next) this.#plain = nextPlain(this.text, next);
    if (escaped >= 0 && escaped < next) this.#escaped = nextEscaped(this.text, next);
    return true;
  }
}
