// Markdown basics shared by every rendering (escaping, code spans, source links, command links) and the
// documentation of a catalog parameter (completion items). The renderings of explanations (hovers, the "Decode URI"
// document) are in markdown.ts, a chunk loaded before the first explanation (issue 17 item 4); these stay in the
// activation bundle because completion needs them. Pure text; the editor adapters wrap it in MarkdownStrings.

import { constraintText, parameterDefaultNote, parameterDescription, parameterNotes, parameterValueLegend, type OperationSpec, type ParameterSpec } from '../app2app/catalog';
import type { Provenance } from '../types';
import { sourceLabel, specTagAlternation, type SourceLabel } from '../codes/sources';
import { fillTemplate as t } from '../codes/text';
import { markdownMessages } from './messages';

/** "Nexi documentation", "inferred"…: the label of a provenance in the current core locale. */
export function provenanceLabel(p: Provenance): string {
  return markdownMessages().provenance[p];
}

/**
 * Escapes what would change the meaning of prose in Markdown: emphasis (masked PANs are runs of `*`), HTML, links
 * (a crafted value must not turn into a command link) and table pipes. Backticks stay: catalog texts use them for
 * code. Values and keys go into code spans instead.
 */
export function escapeMarkdown(text: string): string {
  // `_` inside a word never emphasises (`last_transaction`), so only `_` at a word boundary is escaped.
  return text.replace(/[\\*<>[\]|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, '\\$&');
}

/** `text` as an inline code span, with a fence longer than any backtick run inside it. */
export function code(text: string): string {
  const runs = text.match(/`+/g) ?? [];
  const fence = '`'.repeat(Math.max(0, ...runs.map((r) => r.length)) + 1);
  const pad = text.startsWith('`') || text.endsWith('`') || text === '' ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

export interface CommandLink {
  readonly title: string;
  readonly command: string;
  readonly args?: readonly unknown[];
  readonly tooltip?: string;
}

/** `[title](command:id?args)`: a command link for trusted Markdown (hovers). */
export function commandLink(link: CommandLink): string {
  const query = link.args && link.args.length > 0 ? `?${encodeURIComponent(JSON.stringify(link.args))}` : '';
  const tooltip = link.tooltip ? ` "${link.tooltip.replace(/"/g, "'")}"` : '';
  return `[${escapeMarkdown(link.title)}](command:${link.command}${query}${tooltip})`;
}

/** How a source reference reads in the current locale: its title and address; an unknown reference as it is. */
export function localSourceLabel(ref: string): SourceLabel {
  // The catalog cites `examples` for keys seen only in the published examples.
  return sourceLabel(ref) ?? { title: ref === 'examples' ? markdownMessages().sourceExamples : ref };
}

/** `[Title](url)` for a cited source (the title alone when there is no address). */
export function sourceMarkdown(ref: string): string {
  const label = localSourceLabel(ref);
  const title = escapeMarkdown(label.title);
  if (!label.url) return title;
  // CommonMark: a destination with blanks or parentheses goes in angle brackets.
  return `[${title}](${/[\s()<>]/.test(label.url) ? `<${label.url}>` : label.url})`;
}

/**
 * A code span (kept as it is: a tag written as code stays code), or a known spec tag escaped by `escapeMarkdown`
 * (`\[REV\]`) or bare (`[REV]`, not a link already).
 */
const markdownTagPattern = new RegExp(`(\`+)[^\`]*?\\1|\\\\\\[(${specTagAlternation})\\\\\\]|\\[(${specTagAlternation})\\](?!\\()`, 'g');

/**
 * Markdown with every known spec tag (`[REVS]`, escaped or not) written as the linked title of the Nexi page it
 * cites, in brackets as the CLI prints it: "… not the amount reversed \[[Reversal SoftPOS](https://…)\]" reads
 * "… not the amount reversed [Reversal SoftPOS]" (issue 16: people cannot decode bare tags; a bare title read as part
 * of the sentence).
 */
export function linkSourceTags(markdown: string): string {
  return markdown.replace(markdownTagPattern, (m, fence: string | undefined, escaped: string | undefined, bare: string | undefined) =>
    fence ? m : `\\[${sourceMarkdown(`[${escaped ?? bare}]`)}\\]`,
  );
}

/** Prose for Markdown: escaped, with the spec tags it cites linked. */
export function prose(text: string): string {
  return linkSourceTags(escapeMarkdown(text));
}

/** "Nexi documentation — [Payment (User-Authentication)](…), [Reversal (User-Authentication)](…)" (Markdown). */
export function sourcesMarkdown(provenance: Provenance, sources: readonly string[]): string {
  const label = escapeMarkdown(markdownMessages().provenance[provenance]);
  return sources.length > 0 ? `${label} — ${sources.map(sourceMarkdown).join(', ')}` : label;
}

/** Documentation of a catalog parameter (completion items): meaning, required or not, format, default, notes. */
export function parameterMarkdown(spec: ParameterSpec, operation: OperationSpec): string {
  const M = markdownMessages();
  const facts: string[] = [t(spec.required ? M.required : M.optional, { operation: operation.name })];
  if (spec.default !== undefined) facts.push(t(M.defaultValue, { value: code(spec.default) }));
  if (spec.scope !== 'both') facts.push(spec.scope === 'mobilepos' ? M.mobileposOnly : M.softposOnly);
  const legend = parameterValueLegend(spec);
  const parts = [prose(legend ? `${parameterDescription(spec)} ${legend}` : parameterDescription(spec)), facts.join(' · ')];
  if (spec.constraints) parts.push(t(M.format, { format: prose(constraintText(spec) ?? '') }));
  if (spec.defaultNote) parts.push(prose(parameterDefaultNote(spec) ?? ''));
  if (spec.notes && spec.notes.length > 0) parts.push((parameterNotes(spec) ?? []).map((n) => `- ${prose(n)}`).join('\n'));
  if (spec.example) parts.push(t(M.example, { example: code(`${spec.name.replace(/N$/, '1')}=${spec.example}`) }));
  parts.push(`*${t(M.source, { sources: sourcesMarkdown(spec.provenance, spec.sources) })}*`);
  return parts.join('\n\n');
}
