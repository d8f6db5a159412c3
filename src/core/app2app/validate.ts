// Validates App2App request URIs against the catalog. Every finding has a stable code (diagnosticCodes.ts), an
// exact range in the analysed text and, where the repair is mechanical, a fix. Ranges and edits refer to the
// original text: for a URI scanned from a Kotlin string or an XML attribute, edits are escaped for that context.

import { translated } from '../l10n';
import type { Diagnostic, Fix, OffsetRange, TextEdit } from '../types';
import {
  allowedCharactersText,
  findOperation,
  findParameter,
  isResponseOnlyKey,
  catalogInUse,
  operationsTaking,
  parameterDescription,
  parameterIgnoredReason,
  parameterNames,
  requestScheme,
  type OperationSpec,
  type ParameterMatch,
  type ParameterSpec,
  type ValueType,
} from './catalog';
import { diagnosticCodes, formatFixTitle, formatMessage, type DiagnosticCode, type FixTitleId, type MessageArgs, type MessageTable } from './diagnosticCodes';
import { offsetAt, parseUri, rangeAt, splitParam, type QueryParam } from './parse';
import type { ScannedUri } from './scan';
import { didYouMean } from './suggest';

/** Words the validator puts into messages besides the templates of diagnosticCodes.ts. */
export const validateMessages = {
  /** A space among the characters A2A012 lists. */
  space: 'space',
} as const;

const messages = translated('app2app.validate', validateMessages);

export interface ValidateOptions {
  /** Translated messages; the current locale's when absent (see `formatMessage`). */
  readonly messages?: MessageTable;
}

interface Checked {
  readonly param: QueryParam;
  readonly match: ParameterMatch | undefined;
}

// Types whose values cannot meaningfully contain a space: a space there is a line-wrap artefact (spec §3.5, §4.4).
const spacelessTypes: ReadonlySet<ValueType> = new Set(['int-cents', 'int', 'boolean', 'timestamp', 'terminalId', 'uri', 'url', 'email', 'phone']);
// Types whose decoded value cannot hold a space anywhere, so an encoded one (`amount=150%20`) is a mistake too.
// Not `email`/`phone`: their format is not specified (spec §16.2) and `334 455 6951` may be meant.
const encodedSpaceTypes: ReadonlySet<ValueType> = new Set(['int-cents', 'int', 'boolean', 'timestamp', 'terminalId', 'uri']);
// `%25` followed by two hex digits: decoded once it is still a percent-escape (`%2520` → `%20`).
const doubleEscape = /%25(?=[0-9A-Fa-f]{2})/g;
// Types for which an empty value is never valid, even when the parameter is optional.
const valueRequiredTypes: ReadonlySet<ValueType> = new Set(['int-cents', 'int', 'boolean', 'timestamp', 'terminalId', 'uri']);

const booleanSpellings: Readonly<Record<string, string>> = { true: 'true', '1': 'true', yes: 'true', on: 'true', false: 'false', '0': 'false', no: 'false', off: 'false' };

class Checker {
  readonly diagnostics: Diagnostic[] = [];

  constructor(
    readonly scanned: ScannedUri,
    private readonly table: MessageTable | undefined,
  ) {}

  report(code: DiagnosticCode, range: OffsetRange, args: MessageArgs, variant?: string, fixes?: readonly Fix[]): void {
    const diagnostic: Diagnostic = {
      code,
      severity: diagnosticCodes[code].severity,
      message: formatMessage(code, args, variant, this.table),
      range,
      ...(fixes && fixes.length > 0 ? { fixes } : {}),
    };
    this.diagnostics.push(diagnostic);
  }

  fix(id: FixTitleId, args: MessageArgs, edits: readonly TextEdit[], snippet = false): Fix {
    return { title: formatFixTitle(id, args, this.table), edits, ...(snippet ? { snippet } : {}) };
  }

  /** `text` written for the context the URI sits in: `&amp;` in XML/HTML, escaped quotes in string literals. */
  source(text: string): string {
    let t = text;
    const quote = this.scanned.quote;
    if (quote) t = t.replace(/\\/g, '\\\\').split(quote).join('\\' + quote);
    if (this.scanned.markup) t = t.replace(/&/g, '&amp;');
    return t;
  }

  rangeIn(start: number, end: number): OffsetRange {
    return rangeAt(this.scanned.uri, start, end);
  }
}

const noRanges: readonly OffsetRange[] = [];

/** Whether `text` holds a character that `stripWhitespace` (parse.ts) removes: U+0000–U+0020. */
function hasWhitespace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) <= 32) return true;
  return false;
}

/**
 * Whether `value` may hold a character of `\s`: false when every character is printable ASCII (what a value is,
 * nearly always), so the `\s` replace is skipped.
 */
function mayHoldWhitespace(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const ch = value.charCodeAt(i);
    if (ch <= 32 || ch >= 127) return true;
  }
  return false;
}

const snippetText = (s: string) => s.replace(/[$}\\]/g, '\\$&');

/**
 * Diagnostics for one URI: a whole string (read as a request), or a URI found by `scanText` (ranges then refer to
 * that text). Requests get every check; results only the copy-and-paste artefacts (`×tamp`, `&amp;`, wrap spaces),
 * since their unencoded values are normal (spec §2.2).
 */
export function validateUri(input: string | ScannedUri, options: ValidateOptions = {}): Diagnostic[] {
  const scanned = typeof input === 'string' ? requestFromString(input) : input;
  const c = new Checker(scanned, options.messages);
  if (scanned.kind === 'result') {
    checkAuthoritySpacing(c);
    for (const param of scanned.params) checkSyntax(c, param);
    return sorted(c.diagnostics);
  }
  const op = checkSchemeAndOperation(c);
  const params = op ? splitMissingAmpersands(c, op, scanned.params) : scanned.params;
  const checked: Checked[] = [];
  const seen = new Set<string>();
  params.forEach((param, index) => {
    checkSyntax(c, param);
    if (!op || param.dynamic === 'key') return;
    const match = checkName(c, op, params, index);
    checked.push({ param, match });
    if (!match || !match.inRange) return;
    if (seen.has(param.name)) c.report('A2A010', param.range, { name: param.name }, undefined, [c.fix('removeParameter', { name: param.name }, [removePair(params, index)])]);
    seen.add(param.name);
    checkCatalogFlags(c, op, params, index, match.spec);
    // The value of a parameter the operation ignores does not matter.
    if (param.rawValue !== undefined && param.dynamic === undefined && !match.spec.ignoredReason) checkValue(c, param, match.spec);
  });
  if (op) {
    if (!scanned.partial) checkRequired(c, op, checked);
    checkAutoClose(c, op, checked);
    checkAdditionalTags(c, checked);
  }
  return sorted(c.diagnostics);
}

function sorted(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics.sort((a, b) => a.range.start - b.range.start || a.range.end - b.range.end || byCode(a.code, b.code));
}

/**
 * Codes in order (`A2A003` before `A2A010`, `A2A…` before `A2R…`). Codes are capital letters and digits, whose
 * code-unit order is the collation order: localeCompare gave the same, after ~9 ms of setting up ICU's collator.
 */
export function byCode(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function requestFromString(text: string): ScannedUri {
  const uri = parseUri(text);
  return { kind: 'request', operation: findOperation(uri.authority)?.name, range: uri.range, uri, params: uri.params, quote: undefined, markup: false, partial: false };
}

// `demonexi:// accounting_closure`: line-wrap space of a published example (spec §6.3).
function checkAuthoritySpacing(c: Checker): void {
  const uri = c.scanned.uri;
  // The authority is the raw one without whitespace: they differ only when the raw one holds some.
  if (!hasWhitespace(uri.rawAuthority)) return;
  c.report('A2A027', uri.authorityRange, { text: uri.rawAuthority, name: uri.authority }, undefined, [
    c.fix('removeWhitespace', {}, [{ range: uri.authorityRange, newText: c.source(uri.authority) }]),
  ]);
}

function checkSchemeAndOperation(c: Checker): OperationSpec | undefined {
  const uri = c.scanned.uri;
  if (uri.scheme === '') {
    const newText = uri.text.startsWith('//') ? `${requestScheme}:` : `${requestScheme}://`;
    c.report('A2A001', uri.schemeRange, { scheme: '' }, 'missing', [c.fix('replaceScheme', {}, [{ range: uri.schemeRange, newText }])]);
  } else if (uri.scheme !== requestScheme) {
    const variant = uri.scheme.toLowerCase() === requestScheme ? 'case' : undefined;
    c.report('A2A001', uri.schemeRange, { scheme: uri.scheme }, variant, [c.fix('replaceScheme', {}, [{ range: uri.schemeRange, newText: requestScheme }])]);
  }
  checkAuthoritySpacing(c);
  const op = findOperation(uri.authority);
  if (op) return op;
  const suggestion = didYouMean(uri.authority, catalogInUse().map((o) => o.name));
  const range = uri.authority ? uri.authorityRange : { start: uri.range.start, end: uri.authorityRange.end };
  const fixes = suggestion ? [c.fix('replaceAuthority', { suggestion }, [{ range: uri.authorityRange, newText: suggestion }])] : [];
  c.report('A2A002', range, { authority: uri.authority, suggestion: suggestion ?? '' }, !uri.authority ? 'empty' : suggestion ? 'suggestion' : undefined, fixes);
  // Keep checking against the operation the author most likely meant.
  return suggestion ? findOperation(suggestion) : undefined;
}

// spec §5.3: `callerTrxId=12312 3uri=demonexi…`: a known name glued to the previous value, followed by `=`.
function splitMissingAmpersands(c: Checker, op: OperationSpec, params: readonly QueryParam[]): readonly QueryParam[] {
  const names = parameterNames(op, 'request');
  // Nearly every request has no glued name: its parameters are used as they are, without copying them.
  if (!params.some((p) => !p.dynamic && gluedNameStart(p.rawValue ?? '', names) >= 0)) return params;
  const out: QueryParam[] = [];
  const queue = [...params].reverse();
  // Each split re-reads the rest of the value: a bound keeps pathological input (`1uri=1uri=…`) linear.
  let splits = 0;
  while (queue.length > 0) {
    const p = queue.pop() as QueryParam;
    const at = p.rawValue === undefined || p.dynamic || splits >= 16 ? -1 : gluedNameStart(p.rawValue, names);
    if (at < 0) {
      out.push(p);
      continue;
    }
    splits++;
    const [left, right] = splitParam(c.scanned.uri, p, p.valueIndex + at);
    c.report('A2A030', right.keyRange, { name: right.name }, undefined, [
      c.fix('insertAmpersand', { name: right.name }, [{ range: { start: right.keyRange.start, end: right.keyRange.start }, newText: c.source('&') }]),
    ]);
    out.push(left);
    queue.push(right);
  }
  return out;
}

/** Index in `raw` where a known parameter name starts that runs up to the first `=`, or -1. */
function gluedNameStart(raw: string, names: readonly string[]): number {
  const eq = raw.indexOf('=');
  if (eq <= 0) return -1;
  let best = -1;
  for (const name of names) {
    const at = eq - name.length;
    if (at <= 0 || raw.slice(at, eq) !== name || (best >= 0 && at > best)) continue;
    // `uri=myapp://cb?callerTrxId=1` is an embedded query, and `xuri` is another word: not a missing `&`.
    const before = raw.charAt(at - 1);
    if (/[A-Za-z?&/%]/.test(before)) continue;
    best = at;
  }
  return best;
}

function checkSyntax(c: Checker, p: QueryParam): void {
  if (p.separator === 'times-entity') {
    c.report('A2A028', { start: p.separatorRange.start, end: p.keyRange.end }, {}, undefined, [
      c.fix('repairTimes', {}, [{ range: p.separatorRange, newText: c.source('&times') }]),
    ]);
  }
  if (p.separator === 'amp-entity' && !c.scanned.markup) {
    // A result is read by the merchant's app, not by Nexi POS.
    c.report('A2A029', p.separatorRange, { name: p.key }, c.scanned.kind === 'result' ? 'result' : undefined, [c.fix('repairAmp', {}, [{ range: p.separatorRange, newText: c.source('&') }])]);
  }
  // A name is its key without whitespace (parse.ts): they differ only when the key holds some.
  if (hasWhitespace(p.key) && p.dynamic !== 'key') {
    c.report('A2A027', p.keyRange, { text: p.key, name: p.name }, undefined, [c.fix('removeWhitespace', {}, [{ range: p.keyRange, newText: c.source(p.name) }])]);
  }
}

/** Looks the parameter up; reports unknown names, missing values and bad indexes. */
function checkName(c: Checker, op: OperationSpec, params: readonly QueryParam[], index: number): ParameterMatch | undefined {
  const p = params[index];
  const match = findParameter(op, 'request', p.name);
  if (p.rawValue === undefined) {
    if (match) {
      const example = match.spec.example ?? '';
      c.report('A2A008', p.range, { name: p.name, description: parameterDescription(match.spec) }, undefined, [
        c.fix('addValue', { name: p.name }, [{ range: { start: p.range.end, end: p.range.end }, newText: `=\${1:${snippetText(example)}}` }], true),
      ]);
    } else if (index > 0 && (p.separator === 'ampersand' || p.separator === 'amp-entity')) {
      // `callerName=Fish&Chips&…`: a fragment without `=` is most likely the rest of the previous value.
      c.report('A2A023', { start: p.separatorRange.start, end: p.range.end }, { fragment: p.key, previous: params[index - 1].name }, undefined, [
        c.fix('percentEncode', { encoded: '%26' }, [{ range: p.separatorRange, newText: '%26' }]),
      ]);
    } else reportUnknown(c, op, params, index);
    return match;
  }
  if (!match) {
    reportUnknown(c, op, params, index);
    return undefined;
  }
  if (!match.inRange) c.report('A2A014', p.keyRange, { name: p.name, index: match.index ?? '' });
  return match;
}

function reportUnknown(c: Checker, op: OperationSpec, params: readonly QueryParam[], index: number): void {
  const p = params[index];
  const remove = c.fix('removeParameter', { name: p.name }, [removePair(params, index)]);
  const args = { name: p.name, operation: op.name };
  const others = operationsTaking(p.name, 'request', op);
  if (others.length > 0) return c.report('A2A009', p.keyRange, { ...args, others: others.map((o) => o.name).join(', ') }, 'otherOperation', [remove]);
  if (isResponseOnlyKey(p.name)) return c.report('A2A009', p.keyRange, args, 'response', [remove]);
  const suggestion = didYouMean(p.name, parameterNames(op, 'request'));
  if (!suggestion) return c.report('A2A009', p.keyRange, args, undefined, [remove]);
  c.report('A2A009', p.keyRange, { ...args, suggestion }, 'suggestion', [
    c.fix('renameParameter', { suggestion }, [{ range: p.keyRange, newText: suggestion }]),
    remove,
  ]);
}

/** Edit that deletes parameter `index` together with one separator. */
function removePair(params: readonly QueryParam[], index: number): TextEdit {
  const p = params[index];
  if (p.separator !== 'query') return { range: { start: p.separatorRange.start, end: p.range.end }, newText: '' };
  const next = params[index + 1];
  return { range: { start: p.range.start, end: next ? next.separatorRange.end : p.range.end }, newText: '' };
}

function checkCatalogFlags(c: Checker, op: OperationSpec, params: readonly QueryParam[], index: number, spec: ParameterSpec): void {
  const p = params[index];
  if (spec.ignoredReason) {
    c.report('A2A021', p.keyRange, { name: p.name, operation: op.name, reason: parameterIgnoredReason(spec) ?? '' }, undefined, [
      c.fix('removeParameter', { name: p.name }, [removePair(params, index)]),
    ]);
  }
  if (spec.scope !== 'both' && op.scope === 'both') {
    const [product, other] = spec.scope === 'mobilepos' ? ['MobilePOS', 'SoftPOS'] : ['SoftPOS', 'MobilePOS'];
    // spec §3.4 [REVS], §16.6: what SoftPOS does with urlTicket is only known for the result (no link).
    c.report('A2A020', p.keyRange, { name: p.name, product, other }, p.name === 'urlTicket' ? 'urlTicket' : undefined);
  }
  if (spec.provenance === 'nexi-sample' || spec.provenance === 'undocumented') c.report('A2A032', p.keyRange, { name: p.name });
}

/**
 * Raw values found without anything to report, by parameter spec: whether checkValue reports anything depends only
 * on the spec and the raw value (ranges, names, the locale and the URI's context only shape what it reports), and a
 * log repeats most values (callerName, sendTicket, uri…). Bounded: a log of ever-new values starts a spec's afresh.
 */
const cleanValues = new WeakMap<ParameterSpec, Set<string>>();
const cleanValuesLimit = 512;

function checkValue(c: Checker, p: QueryParam, spec: ParameterSpec): void {
  const raw = p.rawValue ?? '';
  let clean = cleanValues.get(spec);
  if (clean?.has(raw)) return;
  const before = c.diagnostics.length;
  checkValueAfresh(c, p, spec, raw);
  if (c.diagnostics.length !== before) return;
  if (clean === undefined) cleanValues.set(spec, (clean = new Set()));
  else if (clean.size >= cleanValuesLimit) clean.clear();
  clean.add(raw);
}

function checkValueAfresh(c: Checker, p: QueryParam, spec: ParameterSpec, raw: string): void {
  const value = p.value ?? '';
  // Made only for a report: most values have none.
  const valueRange = (): OffsetRange => p.valueRange ?? p.range;
  const escapes = raw.indexOf('%') >= 0;
  const malformed = escapes ? p.malformedEscapes.map((m) => c.rangeIn(p.valueIndex + m, p.valueIndex + m + 1)) : noRanges;
  // spec §6.3, §16.10: `uri=demonexi%3A%2F% accounting` is read as `demonexi:/% accounting`; a cut return URI
  // loses the result, which is worse than the generic A2A031 says.
  if (spec.type === 'uri' && malformed.length > 0) c.report('A2A036', malformed[0], { name: p.name, value });
  else reportEncodable(c, p, 'A2A031', malformed, '%25', { value });
  // Escapes are rare in request values: the checks of what they encode run only where there is one.
  const twice = escapes ? checkEncodedTwice(c, p, spec) : undefined;
  if (escapes && encodedSpaceTypes.has(spec.type)) checkEncodedSpace(c, p, spec);
  const spaceless = spacelessTypes.has(spec.type);
  const compact = spaceless && mayHoldWhitespace(value) ? value.replace(/\s+/g, '') : value;
  if (compact.trim() === '' && (spec.required || valueRequiredTypes.has(spec.type))) {
    c.report('A2A008', p.range, { name: p.name, description: parameterDescription(spec) }, undefined, [
      c.fix('addValue', { name: p.name }, [{ range: valueRange(), newText: `\${1:${snippetText(spec.example ?? '')}}` }], true),
    ]);
    return;
  }
  if (compact !== '' && !checkType(c, p, spec, compact, twice)) return;
  checkCharacters(c, p, raw, spaceless);
  checkConstraints(c, p, spec, value);
}

/**
 * `%25XX` in the raw value: decoded once it is still a percent-escape (`callerName=Shop%2520Pay` reads
 * "Shop%20Pay"). Returns the value decoded once (the fix), or undefined. A `uri` encoded twice has no scheme any
 * more: A2A022 names it there, with the same fix, so it is not reported twice.
 */
function checkEncodedTwice(c: Checker, p: QueryParam, spec: ParameterSpec): string | undefined {
  const raw = p.rawValue ?? '';
  if (raw.indexOf('%25') < 0) return undefined;
  doubleEscape.lastIndex = 0;
  const first = doubleEscape.exec(raw);
  if (!first || !p.valueRange) return undefined;
  const once = raw.replace(doubleEscape, '%');
  if (spec.type === 'uri') {
    // A return URI may carry its own encoded query (`myapp://cb?note=a%20b` → `…%253Fnote%253Da%2520b`): only a
    // URI whose scheme is still encoded (`myapp%3A…` once decoded) is encoded twice as a whole.
    return /^[A-Za-z][A-Za-z0-9+.-]*:/.test(p.value ?? '') ? undefined : once;
  }
  const escape = raw.slice(first.index, first.index + 5);
  const args = { name: p.name, escape, once: escape.replace('%25', '%'), value: p.value ?? '', suggestion: once };
  c.report('A2A035', c.rangeIn(p.valueIndex + first.index, p.valueIndex + first.index + 5), args, undefined, [
    c.fix('decodeOnce', { suggestion: once }, [{ range: p.valueRange, newText: c.source(once) }]),
  ]);
  return once;
}

/**
 * `amount=150%20`: an encoded space inside a value that cannot hold one; the fix removes every such escape. In a
 * return URI only a leading or trailing one counts (inside, it may belong to the URI's own query).
 */
function checkEncodedSpace(c: Checker, p: QueryParam, spec: ParameterSpec): void {
  const raw = p.rawValue ?? '';
  const all = encodedSpaceIndexes(raw);
  const found = spec.type === 'uri' ? all.filter((index) => edgeRun(raw, index)) : all;
  if (found.length === 0) return;
  const at = found.map((index) => c.rangeIn(p.valueIndex + index, p.valueIndex + index + 3));
  const variant = spec.type === 'int-cents' || spec.type === 'int' ? 'amount' : spec.type === 'boolean' || spec.type === 'timestamp' ? spec.type : undefined;
  c.report('A2A033', at[0], { name: p.name, value: p.value ?? '', escape: raw.slice(found[0], found[0] + 3) }, variant, [
    c.fix('removeEncodedSpace', {}, at.map((range) => ({ range, newText: '' }))),
  ]);
}

/**
 * Where `raw` holds an encoded space (`%20`, `%09`, `%0A`, `%0D`: whitespace once decoded), as a global match of
 * `/%(?:20|09|0[AaDd])/g` finds them; read with indexOf (a return URI holds many escapes, and matchAll copied the
 * expression and made an array per match).
 */
function encodedSpaceIndexes(raw: string): readonly number[] {
  let out: number[] | undefined;
  for (let i = raw.indexOf('%'); i >= 0; i = raw.indexOf('%', i + 1)) {
    const a = raw.charCodeAt(i + 1);
    const b = raw.charCodeAt(i + 2);
    const space = a === 50 /* 2 */ ? b === 48 /* 0 */ : a === 48 /* 0 */ && (b === 57 /* 9 */ || b === 65 || b === 97 || b === 68 || b === 100); /* A a D d */
    if (!space) continue;
    (out ??= []).push(i);
    i += 2;
  }
  return out ?? noIndexes;
}

const noIndexes: readonly number[] = [];

/** True when the 3-character escape at `at` belongs to a run of encoded spaces that starts or ends `raw`. */
function edgeRun(raw: string, at: number): boolean {
  const isSpace = (i: number) => /^%(?:20|09|0[AaDd])$/.test(raw.slice(i, i + 3));
  let i = at;
  while (i >= 3 && isSpace(i - 3)) i -= 3;
  if (i === 0) return true;
  let e = at + 3;
  while (isSpace(e)) e += 3;
  return e === raw.length;
}

/** Type rule of the catalog; false when it reported something (character checks would only repeat it). */
function checkType(c: Checker, p: QueryParam, spec: ParameterSpec, v: string, decodedOnce?: string): boolean {
  // Made only for a report: most values have none.
  const valueRange = (): OffsetRange => p.valueRange ?? p.range;
  const replace = (suggestion: string) => [c.fix('replaceValue', { suggestion }, [{ range: valueRange(), newText: suggestion }])];
  const args = { name: p.name, value: v };
  switch (spec.type) {
    case 'int-cents': {
      // spec §2.1: integer euro cents.
      const min = spec.constraints?.min ?? 0;
      if (/^\d+$/.test(v)) {
        const max = spec.constraints?.max;
        if (max !== undefined && Number(v) > max) {
          c.report('A2A034', valueRange(), args);
          return false;
        }
        if (Number(v) >= min) return true;
        c.report('A2A004', valueRange(), { ...args, min }, 'zero');
        return false;
      }
      if (/^-\d+(?:[.,]\d+)?$/.test(v)) c.report('A2A004', valueRange(), args, 'negative');
      else if (/^\+\d+$/.test(v)) {
        const suggestion = v.slice(1);
        c.report('A2A004', valueRange(), { ...args, suggestion }, 'plus', Number(suggestion) >= min ? replace(suggestion) : []);
      } else {
        const m = /^(\d+)[.,](\d{1,2})$/.exec(v);
        if (m) {
          const suggestion = String(Number(m[1]) * 100 + Number(m[2].padEnd(2, '0')));
          c.report('A2A004', valueRange(), { ...args, suggestion }, 'decimal', Number(suggestion) >= min ? replace(suggestion) : []);
        } else c.report('A2A004', valueRange(), args);
      }
      return false;
    }
    case 'boolean': {
      if (v === 'true' || v === 'false') return true;
      const suggestion = booleanSpellings[v.toLowerCase()];
      c.report('A2A005', valueRange(), { ...args, suggestion: suggestion ?? '' }, suggestion ? 'suggestion' : undefined, suggestion ? replace(suggestion) : []);
      return false;
    }
    case 'timestamp':
      return checkTimestamp(c, p, v);
    case 'terminalId':
      if (!/^\d{8}$/.test(v)) c.report('A2A007', valueRange(), args);
      return true;
    case 'enum': {
      // The catalog lists the documented values; anything else is reported with the list, and a value that
      // differs only in case gets the exact spelling as a fix.
      const values = spec.values ?? [];
      if (values.includes(v)) return true;
      const suggestion = values.find((x) => x.toLowerCase() === v.toLowerCase());
      const listed = values.map((x) => `\`${x}\``).join(', ');
      c.report('A2A038', valueRange(), { ...args, values: listed, suggestion: suggestion ?? '' }, suggestion ? 'suggestion' : undefined, suggestion ? replace(suggestion) : []);
      return false;
    }
    case 'uri':
      if (/^[A-Za-z][A-Za-z0-9+.-]*:/.test(v)) return true;
      if (decodedOnce !== undefined && /^[A-Za-z][A-Za-z0-9+.-]*%3A/i.test(v)) {
        const fixes = [c.fix('decodeOnce', { suggestion: decodedOnce }, [{ range: valueRange(), newText: c.source(decodedOnce) }])];
        c.report('A2A022', valueRange(), { ...args, suggestion: decodedOnce }, 'encodedTwice', fixes);
      } else c.report('A2A022', valueRange(), args);
      return false;
    default:
      return true;
  }
}

// spec §12: ddMMyyHHmm, 24-hour clock [inference from 0912202317]; two-digit years read as 20yy [inference].
function checkTimestamp(c: Checker, p: QueryParam, v: string): boolean {
  // Made only for a report: most values have none.
  const valueRange = (): OffsetRange => p.valueRange ?? p.range;
  const args = { name: p.name, value: v };
  if (/^\d{13}$/.test(v)) {
    c.report('A2A006', valueRange(), args, 'epoch');
    return false;
  }
  if (!/^\d{10}$/.test(v)) {
    c.report('A2A006', valueRange(), args);
    return false;
  }
  const [day, month, year, hour, minute] = [0, 2, 4, 6, 8].map((i) => Number(v.slice(i, i + 2)));
  const parts = { day: v.slice(0, 2), month: v.slice(2, 4), year: v.slice(4, 6), hour: v.slice(6, 8), minute: v.slice(8, 10) };
  const daysInMonth = new Date(Date.UTC(2000 + year, month, 0)).getUTCDate();
  let variant: string | undefined;
  if (month < 1 || month > 12) variant = 'month';
  else if (day < 1 || day > daysInMonth) variant = 'date';
  else if (hour > 23) variant = 'hour';
  else if (minute > 59) variant = 'minute';
  if (!variant) return true;
  c.report('A2A006', valueRange(), { ...args, ...parts }, variant);
  return false;
}

/**
 * Raw spaces, `+` and `#` in the value as written. One diagnostic per kind and value, on the first occurrence; its
 * fixes handle every occurrence (a pasted value may hold hundreds).
 */
function checkCharacters(c: Checker, p: QueryParam, raw: string, spaceless: boolean): void {
  const spaces: OffsetRange[] = [];
  const plus: OffsetRange[] = [];
  const hash: OffsetRange[] = [];
  for (let i = 0; i < raw.length; i++) {
    const ch = raw.charCodeAt(i);
    if (ch === 32 || ch === 9) {
      let e = i + 1;
      while (e < raw.length && (raw.charCodeAt(e) === 32 || raw.charCodeAt(e) === 9)) e++;
      spaces.push(c.rangeIn(p.valueIndex + i, p.valueIndex + e));
      i = e - 1;
    } else if (ch === 43) plus.push(c.rangeIn(p.valueIndex + i, p.valueIndex + i + 1));
    else if (ch === 35) hash.push(c.rangeIn(p.valueIndex + i, p.valueIndex + i + 1));
  }
  if (spaces.length > 0) {
    const encode = c.fix('percentEncode', { encoded: '%20' }, spaces.map((range) => ({ range, newText: '%20'.repeat(range.end - range.start) })));
    const remove = c.fix('removeWhitespace', {}, spaces.map((range) => ({ range, newText: '' })));
    // A space cannot belong in a number or a URI: there the line-wrap reading comes first (spec §3.5, §4.4).
    c.report('A2A026', spaces[0], { name: p.name }, undefined, spaceless ? [remove, encode] : [encode, remove]);
  }
  reportEncodable(c, p, 'A2A024', plus, '%2B');
  reportEncodable(c, p, 'A2A025', hash, '%23');
}

function reportEncodable(c: Checker, p: QueryParam, code: DiagnosticCode, at: readonly OffsetRange[], encoded: string, extra: MessageArgs = {}): void {
  if (at.length === 0) return;
  c.report(code, at[0], { ...extra, name: p.name }, undefined, [c.fix('percentEncode', { encoded }, at.map((range) => ({ range, newText: encoded })))]);
}

/** Length and character rules of the catalog, on the decoded value (spec §3.2 for additional tags). */
function checkConstraints(c: Checker, p: QueryParam, spec: ParameterSpec, value: string): void {
  const k = spec.constraints;
  if (!k) return;
  const range = (): OffsetRange => {
    const valueRange = p.valueRange;
    return valueRange && valueRange.end > valueRange.start ? valueRange : p.range;
  };
  const length = [...value].length;
  if ((k.minLength !== undefined && length < k.minLength) || (k.maxLength !== undefined && length > k.maxLength)) {
    c.report('A2A011', range(), { name: p.name, value, length, minLength: k.minLength ?? 0, maxLength: k.maxLength ?? '∞' });
  }
  if (k.allowedChar) {
    const bad = [...new Set([...value].filter((ch) => !(ch.length === 1 && k.allowedChar?.test(ch))))];
    // spec §16.3: whether "letters" includes `é` or `ß` is open, so those are only a warning (A2A037); the
    // characters outside the published list stay an error.
    const letters = bad.filter((ch) => /^\p{L}$/u.test(ch));
    const others = bad.filter((ch) => !letters.includes(ch));
    const list = (chars: readonly string[]) => chars.map((ch) => (ch === ' ' ? messages().space : `\`${ch}\``)).join(', ');
    if (others.length > 0) c.report('A2A012', range(), { name: p.name, allowed: allowedCharactersText(spec) ?? '', characters: list(others) });
    if (letters.length > 0) c.report('A2A037', range(), { name: p.name, characters: list(letters) });
  }
}

function insertionAtEnd(c: Checker): { at: OffsetRange; prefix: string } {
  const uri = c.scanned.uri;
  const end = offsetAt(uri, uri.text.length);
  const last = uri.text.charAt(uri.text.length - 1);
  const prefix = uri.queryRange === undefined ? '?' : last === '?' || last === '&' ? '' : '&';
  return { at: { start: end, end }, prefix };
}

function checkRequired(c: Checker, op: OperationSpec, checked: readonly Checked[]): void {
  const present = new Set(checked.map((x) => x.param.name));
  const missing = op.request.filter((s) => s.required && !present.has(s.name));
  if (missing.length === 0) return;
  const uri = c.scanned.uri;
  const head = { start: uri.range.start, end: uri.authorityRange.end };
  const { at, prefix } = insertionAtEnd(c);
  const pair = (s: ParameterSpec, tab: number) => `${c.source(`${s.name}=`)}\${${tab}:${snippetText(s.example ?? s.name)}}`;
  const all =
    missing.length > 1
      ? c.fix('addAllRequired', {}, [{ range: at, newText: c.source(prefix) + missing.map((s, i) => pair(s, i + 1)).join(c.source('&')) }], true)
      : undefined;
  for (const s of missing) {
    const one = c.fix('addParameter', { name: s.name }, [{ range: at, newText: c.source(prefix) + pair(s, 1) }], true);
    c.report('A2A003', head, { operation: op.name, name: s.name, description: parameterDescription(s) }, undefined, all ? [one, all] : [one]);
  }
}

// spec §3.3: autoClose=true with sendTicket=true → result -21; sendTicket defaults to true (§16.4, inference).
function checkAutoClose(c: Checker, op: OperationSpec, checked: readonly Checked[]): void {
  if (!op.request.some((s) => s.name === 'sendTicket')) return;
  const first = (name: string) => checked.find((x) => x.param.name === name && x.param.dynamic === undefined)?.param;
  const autoClose = first('autoClose');
  if (autoClose?.trimmed !== 'true') return;
  const sendTicket = checked.find((x) => x.param.name === 'sendTicket')?.param;
  if (!sendTicket) {
    c.report('A2A019', autoClose.range, {}, undefined, [
      c.fix('addSendTicketFalse', {}, [{ range: { start: autoClose.range.end, end: autoClose.range.end }, newText: c.source('&sendTicket=false') }]),
    ]);
  } else if (sendTicket.dynamic === undefined && sendTicket.trimmed === 'true' && sendTicket.valueRange) {
    c.report('A2A018', sendTicket.range, {}, undefined, [c.fix('setSendTicketFalse', {}, [{ range: sendTicket.valueRange, newText: 'false' }])]);
  }
}

// spec §3.2: key/value pairs addInfoKeyN + addInfoN; keys unique. Legacy addInfoN alone: tags DF8001…DF8005 (§3.1).
function checkAdditionalTags(c: Checker, checked: readonly Checked[]): void {
  const keys = new Map<number, Checked>();
  const values = new Map<number, Checked>();
  for (const x of checked) {
    const m = x.match;
    if (!m || !m.inRange || m.index === undefined || x.param.rawValue === undefined) continue;
    const into = m.spec.family === 'additionalTagKey' ? keys : m.spec.family === 'additionalTagValue' ? values : undefined;
    if (into && !into.has(m.index)) into.set(m.index, x);
  }
  for (const [n, v] of values) {
    if (keys.has(n)) continue;
    const keyName = `addInfoKey${n}`;
    const fix = c.fix('addTagKey', { pair: keyName }, [
      { range: { start: v.param.range.start, end: v.param.range.start }, newText: `${c.source(`${keyName}=`)}\${1:key${n}}${c.source('&')}` },
    ], true);
    if (keys.size === 0) c.report('A2A017', v.param.keyRange, { name: v.param.name, pair: keyName, tag: `DF800${n}` }, undefined, [fix]);
    else c.report('A2A016', v.param.keyRange, { name: v.param.name, pair: keyName }, undefined, [fix]);
  }
  const used = new Map<string, QueryParam>();
  for (const [n, k] of [...keys].sort((a, b) => a[0] - b[0])) {
    if (!values.has(n)) {
      const valueName = `addInfo${n}`;
      c.report('A2A015', k.param.keyRange, { name: k.param.name, pair: valueName }, undefined, [
        c.fix('addTagValue', { pair: valueName }, [
          { range: { start: k.param.range.end, end: k.param.range.end }, newText: `${c.source(`&${valueName}=`)}\${1:value${n}}` },
        ], true),
      ]);
    }
    const key = k.param.trimmed ?? '';
    const first = used.get(key);
    if (first && key !== '') c.report('A2A013', k.param.valueRange ?? k.param.range, { value: key, first: first.name });
    else used.set(key, k.param);
  }
}
