// Human-readable output of the CLI. Plain text, optionally coloured; the JSON shapes live in json.ts.
import type { UriExplanation } from '../core/explain/explain';
import { provenanceLabels } from '../core/explain/markdown';
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
  return `  ${s(severityStyle[d.severity], t(severityKeys[d.severity]).padEnd(width))} ${s('dim', d.code)} ${at.line}:${at.column}  ${d.message}\n`;
}

/** The URI with a caret line under `range` (validate output). */
export function renderCaret(text: string, range: OffsetRange, s: ReturnType<typeof styler>): string {
  const start = Math.max(0, Math.min(range.start, text.length));
  const end = Math.max(start + 1, Math.min(range.end, text.length));
  return `    ${text}\n    ${' '.repeat(start)}${s('red', '^'.repeat(end - start))}\n`;
}


export function renderExplanation(e: UriExplanation, where: (o: number) => { line: number; column: number }, s: ReturnType<typeof styler>): string {
  const at = where(e.range.start);
  let out = `${s('bold', `${t(e.kind === 'request' ? 'request' : 'result')} ${e.operation ?? t('unknownOperation')}`)} ${s('dim', t('lineColumn', { line: at.line, column: at.column }))}\n`;
  out += `  ${e.summary}\n`;
  // The reading of the whole URI, each fact with its source and "inferred" where it is (issue 15).
  for (const line of e.reading) out += `    ${s('dim', '·')} ${line}\n`;
  for (const f of e.fields) {
    const value = f.value === undefined ? s('dim', t('noValue')) : f.value === '' ? s('dim', t('empty')) : f.value;
    out += `  ${s('bold', f.key)} = ${value}\n`;
    out += `      ${f.label !== f.key ? `${f.label.replace(/^[^:]*: /, '')} — ` : ''}${f.meaning} ${s('dim', `[${provenanceLabels[f.provenance] ?? f.provenance}]`)}\n`;
    if (f.interpretation) out += `      → ${f.interpretation}\n`;
    for (const d of f.details) out += `        ${s('dim', d)}\n`;
    for (const n of f.tlv ?? []) out += renderTlv(n, 8, s);
  }
  for (const d of e.diagnostics) out += renderDiagnostic(d, where, s);
  return out;
}

function renderTlv(n: NonNullable<UriExplanation['fields'][number]['tlv']>[number], indent: number, s: ReturnType<typeof styler>): string {
  const pad = ' '.repeat(indent);
  let out = `${pad}${s('bold', n.tag)} ${n.name} ${t('tlvLength', { length: n.length })} ${n.value}${n.interpretation ? ` → ${n.interpretation}` : ''}\n`;
  for (const d of n.details) out += `${pad}  ${s('dim', d)}\n`;
  for (const c of n.children ?? []) out += renderTlv(c, indent + 2, s);
  return out;
}
