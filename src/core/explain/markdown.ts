// Markdown renderings of explanations: the hover of a field, the hover summary of a whole URI and the "Decode URI"
// document (summary, field table, EMV tree, diagnostics). Pure text; the editor adapters wrap it in
// MarkdownStrings. Every value shown comes from an explanation, where card numbers are already masked. The editor
// loads this module as a chunk before its first explanation (markdownRenderings in lazyMarkdown.ts); the basics
// (escaping, sources, a catalog parameter's documentation) are markdownText.ts.

import { findingCodes } from '../transaction/model';
import type { Diagnostic } from '../types';
import { fillTemplate as t } from '../codes/text';
import type { FieldExplanation, TlvExplanation, UriExplanation } from './explain';
import { markdownMessages } from './messages';
import { code, commandLink, prose, sourcesMarkdown, type CommandLink } from './markdownText';

export { code, commandLink, escapeMarkdown, linkSourceTags, localSourceLabel, parameterMarkdown, prose, provenanceLabel, sourceMarkdown, sourcesMarkdown, type CommandLink } from './markdownText';

/** A fenced code block whose fence is longer than any backtick run in `text`. */
function fenced(text: string): string {
  const fence = '`'.repeat(Math.max(3, ...(text.match(/`+/g) ?? []).map((r) => r.length + 1)));
  return `${fence}text\n${text}\n${fence}`;
}

/** Text for one table cell: no line breaks, no unescaped `|`. */
function cell(text: string): string {
  return text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');
}

/** A code span for a table cell (`|` must be escaped even inside code spans in GFM tables). */
function codeCell(text: string): string {
  return code(text).replace(/\|/g, '\\|');
}

function valueText(f: FieldExplanation): string {
  const M = markdownMessages();
  return f.value === undefined ? M.noValue : f.value === '' ? M.emptyValue : f.value;
}

function tlvLines(nodes: readonly TlvExplanation[], depth: number): string[] {
  const M = markdownMessages();
  const lines: string[] = [];
  const pad = '  '.repeat(depth);
  for (const n of nodes) {
    const flags = [n.recovered ? M.tlvRecovered : '', n.truncated ? M.tlvTruncated : ''].filter(Boolean).join(', ');
    const length = t(n.length === 1 ? M.tlvLengthOne : M.tlvLengthMany, { count: n.length });
    lines.push(
      `${pad}- ${code(n.tag)} ${prose(n.name)} (${length}) ${code(n.value)}${n.interpretation ? ` → ${prose(n.interpretation)}` : ''}${flags ? ` *(${flags})*` : ''}`,
    );
    for (const d of n.details) lines.push(`${pad}  - ${prose(d)}`);
    if (n.children) lines.push(...tlvLines(n.children, depth + 1));
  }
  return lines;
}

/** EMV data of one field as a nested list (tag, name, length, value, meaning, set bits). */
export function tlvMarkdown(nodes: readonly TlvExplanation[]): string {
  return tlvLines(nodes, 0).join('\n');
}

const severityIcons: Readonly<Record<Diagnostic['severity'], string>> = { error: '$(error)', warning: '$(warning)', info: '$(info)', hint: '$(lightbulb)' };

function diagnosticLine(d: Diagnostic, where?: (offset: number) => { line: number; column: number }, icons = false): string {
  const M = markdownMessages();
  const at = where ? t(M.lineColumn, { line: where(d.range.start).line, column: where(d.range.start).column }) : '';
  const head = icons ? severityIcons[d.severity] : `**${M.severity[d.severity]}**`;
  return `- ${head} ${code(d.code)}${at}: ${prose(d.message)}`;
}

/** Hover for one field: label, meaning, the value and what it means, details, EMV data, provenance. */
export function fieldMarkdown(e: UriExplanation, field: FieldExplanation): string {
  const M = markdownMessages();
  const parts: string[] = [];
  const label = field.label !== field.key ? ` — ${prose(field.label.replace(/^[^:]*: /, ''))}` : '';
  parts.push(`**${code(field.key)}**${label}`);
  parts.push(prose(field.meaning));
  const value = field.value === undefined ? `*${M.noValue}*` : field.value === '' ? `*${M.emptyValue}*` : code(field.value);
  parts.push(`${t(M.value, { value })}${field.interpretation ? ` → ${prose(field.interpretation)}` : ''}`);
  if (field.details.length > 0) parts.push(field.details.map((d) => `- ${prose(d)}`).join('\n'));
  if (field.tlv && field.tlv.length > 0) parts.push(tlvMarkdown(field.tlv));
  // Request problems and the transaction model's findings are VS Code diagnostics already (the editor shows them in
  // the same hover); the explainer's own result problems (A2R002…, TLV) are shown here.
  if (e.kind === 'result') {
    // EMV problems are among the field's details already.
    const problems = e.diagnostics.filter(
      (d) => d.range.start < field.range.end && field.range.start < d.range.end && !findingCodes.has(d.code) && !field.details.some((x) => x.startsWith(`${d.code}:`)),
    );
    if (problems.length > 0) parts.push(problems.map((d) => diagnosticLine(d, undefined, true)).join('\n'));
  }
  parts.push(`*${t(M.source, { sources: sourcesMarkdown(field.provenance, field.sources) })}* · ${prose(operationLabel(e))}`);
  return parts.join('\n\n');
}

/** " — declined": the transaction's outcome as the model read it, else the result code's. */
function outcomeSuffix(e: UriExplanation): string {
  const M = markdownMessages();
  if (e.transaction) return ` — ${prose(M.transactionOutcome[e.transaction.outcome])}`;
  return e.result ? ` — ${prose(M.outcome[e.result.outcome])}` : '';
}

/** The model's reading, one fact per line, each with its source and "inferred" where it is. */
function readingList(e: UriExplanation): string {
  return e.reading.map((line) => `- ${prose(line)}`).join('\n');
}

function operationLabel(e: UriExplanation): string {
  const M = markdownMessages();
  return t(M.operationLabel[e.kind], { operation: e.operation ? M.operationTitle[e.operation] : M.unknownOperation });
}

export interface SummaryOptions {
  /**
   * List the errors and warnings the summary counts: where the editor publishes no diagnostics for the document
   * (diagnostics off, a virtual or read-only view), the hover must show what its "warnings: 2" refers to (issue 16).
   */
  readonly listProblems?: boolean;
}

/** Hover on the scheme or authority: what the whole URI is, its summary, and command links. */
export function summaryMarkdown(e: UriExplanation, links: readonly CommandLink[] = [], options: SummaryOptions = {}): string {
  const parts = [`**${prose(operationLabel(e))}**${outcomeSuffix(e)} ${code(`${e.scheme}://${e.authority}`)}`, prose(e.summary)];
  if (e.reading.length > 0) parts.push(readingList(e));
  const problems = options.listProblems ? e.diagnostics.filter((d) => d.severity === 'error' || d.severity === 'warning') : [];
  if (problems.length > 0) parts.push(problems.map((d) => diagnosticLine(d, undefined, true)).join('\n'));
  if (links.length > 0) parts.push(links.map(commandLink).join(' · '));
  return parts.join('\n\n');
}

export interface DocumentOptions {
  /** Line and column (1-based) of an offset in the decoded text, for "where" notes. */
  readonly where?: (offset: number) => { line: number; column: number };
  /** Where the text came from, e.g. "selection in logcat.log". */
  readonly source?: string;
}

/** One URI, decoded: heading, summary, the URI, the field table, notes, EMV data and diagnostics. */
export function explanationMarkdown(e: UriExplanation, options: DocumentOptions = {}, level = 1): string {
  const M = markdownMessages();
  const h = (n: number) => '#'.repeat(level + n - 1);
  const out: string[] = [];
  out.push(`${h(1)} ${prose(operationLabel(e))}${outcomeSuffix(e)}`);
  out.push(`> ${prose(e.summary)}`);
  if (e.reading.length > 0) out.push(`${h(2)} ${M.readingHeading}\n\n${readingList(e)}`);
  const at = options.where ? t(M.lineColumn, { line: options.where(e.range.start).line, column: options.where(e.range.start).column }) : '';
  out.push(`URI${at}:\n\n${fenced(e.text)}`);
  if (e.fields.length > 0) {
    const rows = e.fields.map(
      (f) =>
        `| ${codeCell(f.key)} | ${f.value === undefined || f.value === '' ? `*${valueText(f)}*` : codeCell(f.value)} | ${cell(prose(f.label !== f.key ? `${f.label.replace(/^[^:]*: /, '')}: ${f.meaning}` : f.meaning))} | ${cell(f.interpretation ? prose(f.interpretation) : '')} | ${cell(sourcesMarkdown(f.provenance, f.sources))} |`,
    );
    out.push(`${h(2)} ${M.fieldsHeading}\n\n${M.fieldsTableHeader}\n|---|---|---|---|---|\n${rows.join('\n')}`);
  }
  const notes = e.fields.filter((f) => f.details.length > 0 && !f.tlv);
  if (notes.length > 0) {
    out.push(`${h(2)} ${M.notesHeading}\n\n${notes.map((f) => `- ${code(f.key)}\n${f.details.map((d) => `  - ${prose(d)}`).join('\n')}`).join('\n')}`);
  }
  const emv = e.fields.filter((f) => f.tlv && f.tlv.length > 0);
  if (emv.length > 0) {
    const blocks = emv.map((f) => {
      const problems = f.details.length > 0 ? `\n\n${f.details.map((d) => `- ${prose(d)}`).join('\n')}` : '';
      return `${h(3)} ${code(f.key)}${f.interpretation ? ` — ${prose(f.interpretation)}` : ''}\n\n${tlvMarkdown(f.tlv!)}${problems}`;
    });
    out.push(`${h(2)} ${M.emvHeading}\n\n${blocks.join('\n\n')}`);
  }
  out.push(`${h(2)} ${M.diagnosticsHeading}\n\n${e.diagnostics.length > 0 ? e.diagnostics.map((d) => diagnosticLine(d, options.where)).join('\n') : M.noDiagnostics}`);
  return out.join('\n\n');
}

/** The "Decode URI" document: every URI found, each one decoded. */
export function decodeDocumentMarkdown(explanations: readonly UriExplanation[], options: DocumentOptions = {}): string {
  const M = markdownMessages();
  const source = options.source ? ` (${prose(options.source)})` : '';
  if (explanations.length === 1) {
    const one = explanationMarkdown(explanations[0]!, options);
    return `${one}\n\n---\n\n${t(M.decodedByOne, { source })}\n`;
  }
  const sections = explanations.map((e) => explanationMarkdown(e, options, 2));
  return `${t(M.manyTitle, { count: explanations.length, source })}\n\n${sections.join('\n\n---\n\n')}\n\n---\n\n${M.decodedByMany}\n`;
}

/** A decode document lists at most this many URIs (a selection of a whole log could hold thousands). */
export const decodeLimit = 200;

/**
 * What "Nexi: Decode URI" (and the `nexi_decode_uri` tool) shows for the URIs found in `origin`: the explanations of
 * the first `decodeLimit` of `total`, saying so when there were more.
 */
export function decodeResultMarkdown(explanations: readonly UriExplanation[], total: number, origin: string, where?: DocumentOptions['where']): string {
  const count = total > decodeLimit ? t(markdownMessages().firstOf, { limit: decodeLimit, total }) : '';
  return decodeDocumentMarkdown(explanations, { ...(where ? { where } : {}), source: `${origin}${count}` });
}
