// Human-readable output of the CLI. Plain text, optionally coloured; the JSON shapes live in json.ts.
import { fieldWordsOf, shownFields, type FieldShown, type UriExplanation } from '../core/explain/explain';
import { jsonExplanation } from '../core/explain/json';
import { getLocale } from '../core/l10n';
import { sourceLabel, titledTags, type SourceLabel } from '../core/codes/sources';
import { localSourceLabel, provenanceLabel } from '../core/explain/markdown';
import type { Diagnostic, OffsetRange } from '../core/types';
import { t, type CliMessageKey } from './messages';

const codes = { red: 31, yellow: 33, blue: 34, green: 32, dim: 2, bold: 1 } as const;
export type Style = keyof typeof codes;

export function styler(color: boolean): (style: Style, text: string) => string {
  return color ? (style, text) => `\u001b[${codes[style]}m${text}\u001b[0m` : (_style, text) => text;
}

const severityStyle: Record<Diagnostic['severity'], Style> = { error: 'red', warning: 'yellow', info: 'blue', hint: 'dim' };

const severityKeys: Record<Diagnostic['severity'], CliMessageKey> = { error: 'severityError', warning: 'severityWarning', info: 'severityInfo', hint: 'severityHint' };

export function renderDiagnostic(d: Diagnostic, where: (o: number) => { line: number; column: number }, s: ReturnType<typeof styler>): string {
  const at = where(d.range.start);
  // The severity column is as wide as the longest word of the language ("warning" in English).
  const width = Math.max(...Object.values(severityKeys).map((k) => t(k).length));
  return `  ${s(severityStyle[d.severity], t(severityKeys[d.severity]).padEnd(width))} ${s('dim', d.code)} ${at.line}:${at.column}  ${titledTags(d.message)}\n`;
}

/** The URI with a caret line under `range` (validate output). */
export function renderCaret(text: string, range: OffsetRange, s: ReturnType<typeof styler>): string {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start + 1, Math.min(range.end, text.length));
  return `    ${text}\n    ${' '.repeat(start)}${s('red', '^'.repeat(end - start))}\n`;
}


/**
 * The sources an output cites, by reference, in order of first citation: the text output names them by title where
 * they are cited and lists each one's address once at the end ({@link renderSources}).
 */
export type CitedSources = Map<string, SourceLabel>;

/**
 * "Nexi documentation: Payment (User-Authentication), Reversal (User-Authentication)" — the source words of a field.
 * Made once per list of sources (the catalog's own arrays), language and provenance: a log's decode words the same
 * few lists for hundreds of thousands of fields.
 */
function sourceWords(provenance: string, sources: readonly string[], cited: CitedSources | undefined): string {
  if (sources.length === 0) return provenance;
  let byLocale = sourceWordsKept.get(sources);
  if (byLocale === undefined) sourceWordsKept.set(sources, (byLocale = new Map()));
  let byProvenance = byLocale.get(getLocale());
  if (byProvenance === undefined) byLocale.set(getLocale(), (byProvenance = new Map()));
  let kept = byProvenance.get(provenance);
  if (kept === undefined) {
    const cites: Array<[string, SourceLabel]> = [];
    const titles = sources.map((ref) => {
      const label = localSourceLabel(ref);
      if (label.url) cites.push([ref, label]);
      return label.title;
    });
    byProvenance.set(provenance, (kept = { text: `${provenance}: ${titles.join(', ')}`, cites }));
  }
  if (cited) for (const [ref, label] of kept.cites) if (!cited.has(ref)) cited.set(ref, label);
  return kept.text;
}

const sourceWordsKept = new WeakMap<readonly string[], Map<string, Map<string, { readonly text: string; readonly cites: ReadonlyArray<readonly [string, SourceLabel]> }>>>();

/** `text` with its `[TAG]`s worded as titles, each noted in `cited`. */
function cite(text: string, cited: CitedSources | undefined): string {
  // Every source tag is bracketed (`[PAY]`): most texts hold none, and a whole log's decode cites thousands of texts.
  if (text.indexOf('[') < 0) return text;
  if (!cited) return titledTags(text);
  return titledTags(text, (tag) => {
    if (!cited.has(tag)) cited.set(tag, sourceLabel(tag)!);
  });
}

export function renderExplanation(e: UriExplanation, where: (o: number) => { line: number; column: number }, s: ReturnType<typeof styler>, cited?: CitedSources): string {
  const sink = new TextSink();
  renderExplanationInto(e, where, s, cited, sink);
  return sink.out;
}

/**
 * Where rendered text goes: text, and the kept text of fields explained alike (see renderFieldOnce), which a sink of
 * bytes copies as the UTF-8 it keeps with it instead of encoding it again for every URI (decode.ts).
 */
export interface RenderSink {
  text(text: string): void;
  kept(field: RenderedField): void;
}

class TextSink implements RenderSink {
  out = '';
  text(text: string): void {
    this.out += text;
  }
  kept(field: RenderedField): void {
    this.out += field.text;
  }
}

function renderExplanationInto(e: UriExplanation, where: (o: number) => { line: number; column: number }, s: ReturnType<typeof styler>, cited: CitedSources | undefined, sink: RenderSink): void {
  const at = where(e.range.start);
  let out = `${s('bold', `${t(e.kind === 'request' ? 'request' : 'result')} ${e.operation ?? t('unknownOperation')}`)} ${s('dim', t('lineColumn', { line: at.line, column: at.column }))}\n`;
  out += `  ${cite(e.summary, cited)}\n`;
  // The reading of the whole URI, each fact with its source and "inferred" where it is (issue 15).
  for (const line of e.reading) out += `    ${s('dim', '·')} ${cite(line, cited)}\n`;
  // The styling is told apart by what it makes of a marker (plain, or wrapped in escape codes).
  const how = `${getLocale()}\u0000${s('dim', '')}`;
  for (const f of shownFields(e)) {
    const rendered = renderFieldOnce(f, s, how, cited);
    if (typeof rendered === 'string') out += rendered;
    else {
      // Nothing between two kept fields: no text to write.
      if (out !== '') sink.text(out);
      out = '';
      sink.kept(rendered);
    }
  }
  for (const d of e.diagnostics) {
    cite(d.message, cited);
    out += renderDiagnostic(d, where, s);
  }
  if (out !== '') sink.text(out);
}

/**
 * URI number `index` of a decode as `nexi-app2app decode` prints it, into `sink`: its text (after a blank line from the
 * second on), or with `json` its element of the JSON array (`JSON.stringify(all, null, 2)`: indented by two more
 * spaces, after `,\n` from the second on). `e` was found in a piece of the input that starts at offset `at`; `where`
 * places offsets of that piece.
 */
export function renderDecoded(e: UriExplanation, index: number, json: boolean, where: (o: number) => { line: number; column: number }, s: ReturnType<typeof styler>, cited: CitedSources, at: number, sink: RenderSink): void {
  if (json) sink.text(`${index > 0 ? ',\n' : ''}  ${JSON.stringify(jsonExplanation(e, where, at), null, 2).replace(/\n/g, '\n  ')}`);
  else {
    if (index > 0) sink.text('\n');
    renderExplanationInto(e, where, s, cited, sink);
  }
}

/** A field's lines as text, and the sources they cite in order of first citation. */
export class RenderedField {
  #bytes: Uint8Array | undefined;

  constructor(
    readonly text: string,
    readonly cites: ReadonlyArray<readonly [string, SourceLabel]>,
  ) {}

  /** The text in UTF-8, made when first asked for. */
  get bytes(): Uint8Array {
    return (this.#bytes ??= encoder.encode(this.text));
  }
}

const encoder = new TextEncoder();

/**
 * The text of fields explained alike (the explainer shares their words: fieldWordsOf) is made once per language and
 * styling: a log's decode repeats the same few hundred fields thousands of times. Weak: it lives as long as the words.
 * A field worded for itself alone is rendered as a string.
 */
const renderedFields = new WeakMap<object, Map<string, RenderedField>>();

function renderFieldOnce(f: FieldShown, s: ReturnType<typeof styler>, how: string, cited: CitedSources | undefined): RenderedField | string {
  const words = fieldWordsOf(f);
  if (words === undefined) return renderField(f, s, cited);
  let byHow = renderedFields.get(words);
  if (byHow === undefined) renderedFields.set(words, (byHow = new Map()));
  let rendered = byHow.get(how);
  if (rendered === undefined) {
    // Rendered against an empty list: what it records is every source this field cites, in its order.
    const own: CitedSources = new Map();
    rendered = new RenderedField(renderField(f, s, own), [...own]);
    byHow.set(how, rendered);
  }
  if (cited) for (const [ref, label] of rendered.cites) if (!cited.has(ref)) cited.set(ref, label);
  return rendered;
}

function renderField(f: FieldShown, s: ReturnType<typeof styler>, cited: CitedSources | undefined): string {
  const value = f.value === undefined ? s('dim', t('noValue')) : f.value === '' ? s('dim', t('empty')) : f.value;
  let out = `  ${s('bold', f.key)} = ${value}\n`;
  const sources = sourceWords(provenanceLabel(f.provenance) ?? f.provenance, f.sources, cited);
  out += `      ${f.label !== f.key ? `${f.label.replace(/^[^:]*: /, '')} — ` : ''}${cite(f.meaning, cited)} ${s('dim', `[${sources}]`)}\n`;
  if (f.interpretation) out += `      → ${cite(f.interpretation, cited)}\n`;
  for (const d of f.details) out += `        ${s('dim', cite(d, cited))}\n`;
  for (const n of f.tlv ?? []) out += renderTlv(n, 8, s);
  return out;
}

/** "Sources:" and one line per cited source with its address (nothing when none was cited). */
export function renderSources(cited: CitedSources, s: ReturnType<typeof styler>): string {
  if (cited.size === 0) return '';
  let out = `${s('bold', t('sourcesHeading'))}\n`;
  for (const label of cited.values()) out += `  ${label.title}${label.url ? `  ${s('dim', label.url)}` : ''}\n`;
  return out;
}

function renderTlv(n: NonNullable<UriExplanation['fields'][number]['tlv']>[number], indent: number, s: ReturnType<typeof styler>): string {
  const pad = ' '.repeat(indent);
  let out = `${pad}${s('bold', n.tag)} ${n.name} ${t('tlvLength', { length: n.length })} ${n.value}${n.interpretation ? ` → ${n.interpretation}` : ''}\n`;
  for (const d of n.details) out += `${pad}  ${s('dim', d)}\n`;
  for (const c of n.children ?? []) out += renderTlv(c, indent + 2, s);
  return out;
}
