// Completion inside `neximpos://` URIs, from the catalog: the operation after the scheme, parameter names the
// operation takes and the URI does not carry yet, and values (booleans, `timestamp` = now, terminal IDs). Works on
// any text (a line of Kotlin, JSON, a log): it looks only at the URI around the offset, which may still be
// incomplete (no `?` yet), so it does not rely on the scanner.

import { fillTemplate } from '../codes/text';
import { parameterMarkdown } from '../explain/markdownText';
import { translated } from '../l10n';
import type { OffsetRange } from '../types';
import { formatTimestamp } from './build';
import {
  findOperation,
  findParameter,
  indexedParameterName,
  localizedParameter,
  operationDescription,
  operationTitle,
  catalogInUse,
  parameterDescription,
  requestScheme,
  type OperationSpec,
  type ParameterSpec,
} from './catalog';

/** Details and documentation of completion items (the parameter documentation itself is `parameterMarkdown`). */
export const completeMessages = {
  operationDetailMobilePos: '{title} (MobilePOS only)',
  operationDocumentation: '{description}\n\nRequired: {required}',
  requiredParameter: 'required · {description}',
  optionalParameter: 'optional · {description}',
  booleanDefault: '{name} (default when absent)',
  timestampNow: 'now (ddMMyyHHmm, local time)',
} as const;

const messages = translated('app2app.complete', completeMessages);

export type CompletionKind = 'operation' | 'parameter' | 'value';

export interface CompletionCandidate {
  readonly label: string;
  readonly kind: CompletionKind;
  /** Text that replaces `range`. */
  readonly insertText: string;
  /** Range of the analysed text the item replaces (the whole token under the cursor). */
  readonly range: OffsetRange;
  readonly detail?: string;
  /** Markdown. */
  readonly documentation?: string;
  /** Orders the list: required parameters first, then catalog order. */
  readonly sortText: string;
  readonly preselect?: boolean;
  /** Open the completion list again after inserting (values follow `name=`). */
  readonly retrigger?: boolean;
}

export interface TerminalIdHint {
  readonly id: string;
  /** Where it comes from, e.g. "SoftPOS terminal of STG" or "used in this document". */
  readonly source: string;
}

export interface CompletionOptions {
  /** For `timestamp`. Default: now. */
  readonly now?: Date;
  /** Candidates for `terminalId` (configured terminals, then the ones already written in the document). */
  readonly terminalIds?: readonly TerminalIdHint[];
}

const prefix = `${requestScheme}://`;
// Characters that cannot be part of a URI in source text: blanks, quotes, angle brackets, backslash, controls.
const isStop = (c: number) => c <= 32 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62 || c === 92 || c === 127;
const isTokenChar = (c: number) => !isStop(c) && c !== 38 /* & */ && c !== 61 /* = */ && c !== 35 /* # */ && c !== 63 /* ? */ && c !== 47; /* / */

function tokenEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && isTokenChar(text.charCodeAt(i))) i++;
  return i;
}

function uriEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length && !isStop(text.charCodeAt(i)) && text.charCodeAt(i) !== 35) i++;
  return i;
}

/** Start of the `neximpos://` URI the offset is in, or -1. */
function uriStart(text: string, offset: number): number {
  if (offset < prefix.length) return -1;
  const at = text.lastIndexOf(prefix, offset - prefix.length);
  if (at < 0) return -1;
  for (let i = at + prefix.length; i < offset; i++) if (isStop(text.charCodeAt(i))) return -1;
  return at;
}

/** Completion candidates at `offset` of `text` (a line is enough), or an empty list outside a `neximpos://` URI. */
export function completeAt(text: string, offset: number, options: CompletionOptions = {}): CompletionCandidate[] {
  const start = uriStart(text, offset);
  if (start < 0) return [];
  const authorityStart = start + prefix.length;
  const head = text.slice(authorityStart, offset);
  const q = head.search(/[?/#]/);
  if (q < 0) return completeOperation(text, authorityStart, offset);
  if (head.charAt(q) !== '?') return [];
  const op = findOperation(text.slice(authorityStart, authorityStart + q));
  if (!op) return [];
  const queryStart = authorityStart + q + 1;
  let pairStart = Math.max(queryStart, text.lastIndexOf('&', offset - 1) + 1);
  if (text.startsWith('amp;', pairStart) && pairStart + 4 <= offset) pairStart += 4; // `&amp;` in XML
  const eq = text.indexOf('=', pairStart);
  if (eq < 0 || eq >= offset) return completeName(text, op, queryStart, pairStart, offset);
  return completeValue(text, op, text.slice(pairStart, eq), eq + 1, options);
}

function completeOperation(text: string, from: number, offset: number): CompletionCandidate[] {
  const M = messages();
  const end = tokenEnd(text, offset);
  const hasQuery = text.charAt(end) === '?';
  return catalogInUse().map((op, i) => ({
    label: op.name,
    kind: 'operation' as const,
    insertText: hasQuery ? op.name : `${op.name}?`,
    range: { start: from, end },
    detail: op.scope === 'mobilepos' ? fillTemplate(M.operationDetailMobilePos, { title: operationTitle(op) }) : operationTitle(op),
    documentation: fillTemplate(M.operationDocumentation, {
      description: operationDescription(op),
      required: op.request
        .filter((p) => p.required)
        .map((p) => `\`${p.name}\``)
        .join(', '),
    }),
    sortText: String(i).padStart(2, '0'),
    retrigger: !hasQuery,
  }));
}

/** Keys already in the URI (except the pair being edited). */
function presentNames(text: string, queryStart: number, pairStart: number): Set<string> {
  const end = uriEnd(text, queryStart);
  const names = new Set<string>();
  let p = queryStart;
  while (p < end) {
    let next = text.indexOf('&', p);
    if (next < 0 || next > end) next = end;
    const from = text.startsWith('amp;', p) ? p + 4 : p;
    if (from !== pairStart) {
      const pair = text.slice(from, next);
      const eq = pair.indexOf('=');
      names.add((eq < 0 ? pair : pair.slice(0, eq)).trim());
    }
    p = next + 1;
  }
  return names;
}

interface Offer {
  readonly name: string;
  readonly spec: ParameterSpec;
}

/** Parameters a request of `op` can still take: every plain one, and the lowest free index of indexed ones. */
function offers(op: OperationSpec, present: ReadonlySet<string>): Offer[] {
  const out: Offer[] = [];
  for (const spec of op.request) {
    // A parameter the operation ignores is never worth suggesting (spec §1: payment takes no terminalId).
    if (spec.ignoredReason) continue;
    if (!spec.indexed) {
      if (!present.has(spec.name)) out.push({ name: spec.name, spec });
      continue;
    }
    for (let n = spec.indexed.min; n <= spec.indexed.max; n++) {
      const name = indexedParameterName(spec, n);
      if (present.has(name)) continue;
      out.push({ name, spec });
      break;
    }
  }
  return out;
}

function hasValueCompletions(spec: ParameterSpec): boolean {
  return spec.type === 'boolean' || spec.type === 'timestamp' || spec.type === 'terminalId' || spec.type === 'enum';
}

function completeName(text: string, op: OperationSpec, queryStart: number, pairStart: number, offset: number): CompletionCandidate[] {
  const end = tokenEnd(text, offset);
  const followedByValue = text.charAt(end) === '=';
  const present = presentNames(text, queryStart, pairStart);
  const M = messages();
  const candidates = offers(op, present).map(({ name, spec }, i) => ({
    label: name,
    kind: 'parameter' as const,
    insertText: followedByValue ? name : `${name}=`,
    range: { start: pairStart, end },
    detail: fillTemplate(spec.required ? M.requiredParameter : M.optionalParameter, { description: parameterDescription(spec) }),
    documentation: parameterMarkdown(localizedParameter(spec), op),
    sortText: `${spec.required ? 0 : 1}${String(i).padStart(2, '0')}`,
    preselect: i === 0 && spec.required,
    retrigger: !followedByValue && hasValueCompletions(spec),
  }));
  return candidates.sort((a, b) => a.sortText.localeCompare(b.sortText));
}

function completeValue(text: string, op: OperationSpec, rawName: string, valueStart: number, options: CompletionOptions): CompletionCandidate[] {
  const match = findParameter(op, 'request', rawName.trim());
  if (!match) return [];
  const spec = match.spec;
  let end = valueStart;
  while (end < text.length && !isStop(text.charCodeAt(end)) && text.charCodeAt(end) !== 38 && text.charCodeAt(end) !== 35) end++;
  const range = { start: valueStart, end };
  const value = (label: string, detail: string, i: number, extra: Partial<CompletionCandidate> = {}): CompletionCandidate => ({
    label,
    kind: 'value',
    insertText: label,
    range,
    detail,
    documentation: parameterMarkdown(localizedParameter(spec), op),
    sortText: String(i).padStart(2, '0'),
    ...extra,
  });
  switch (spec.type) {
    case 'boolean':
      return ['true', 'false'].map((v, i) => value(v, spec.default === v ? fillTemplate(messages().booleanDefault, { name: spec.name }) : spec.name, i));
    case 'enum':
      return (spec.values ?? []).map((v, i) => value(v, spec.name, i));
    case 'timestamp': {
      const now = formatTimestamp(options.now ?? new Date());
      return [value(now, messages().timestampNow, 0, { preselect: true })];
    }
    case 'terminalId': {
      const seen = new Set<string>();
      const out: CompletionCandidate[] = [];
      for (const t of options.terminalIds ?? []) {
        if (seen.has(t.id)) continue;
        seen.add(t.id);
        out.push(value(t.id, t.source, out.length));
      }
      return out;
    }
    default:
      return [];
  }
}

/** Terminal IDs written in `text` (`terminalId=30350039`), in order of appearance, without repeats. */
export function terminalIdsIn(text: string, limit = 20): string[] {
  const out = new Set<string>();
  for (const m of text.matchAll(/[?&;]terminalId=([A-Za-z0-9]{1,16})(?![A-Za-z0-9])/g)) {
    out.add(m[1]!);
    if (out.size >= limit) break;
  }
  return [...out];
}
