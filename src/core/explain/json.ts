// The stable JSON shapes of explanations (the CLI's --json, documented in the README; the editor's Copy as JSON).
// Offsets are UTF-16 code units of the input text; lines and columns are 1-based. Adding a property is compatible; renaming or removing one is not.
import type { FieldExplanation, TlvExplanation, UriExplanation } from './explain';
import type { Diagnostic } from '../types';

export interface JsonRange {
  readonly start: number;
  readonly end: number;
  readonly line: number;
  readonly column: number;
}

export interface JsonDiagnostic {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly range: JsonRange;
}

/** `r` with its line and column; `at` is added to its offsets (a range in a piece of the text that starts at `at`). */
export function jsonRange(r: { start: number; end: number }, where: (o: number) => { line: number; column: number }, at = 0): JsonRange {
  return { start: r.start + at, end: r.end + at, ...where(r.start) };
}

export function jsonDiagnostic(d: Diagnostic, where: (o: number) => { line: number; column: number }, at = 0): JsonDiagnostic {
  return { code: d.code, severity: d.severity, message: d.message, range: jsonRange(d.range, where, at) };
}

function jsonTlv(n: TlvExplanation): unknown {
  return {
    tag: n.tag,
    name: n.name,
    length: n.length,
    value: n.value,
    interpretation: n.interpretation ?? null,
    details: n.details,
    recovered: n.recovered,
    truncated: n.truncated,
    ...(n.children ? { children: n.children.map(jsonTlv) } : {}),
  };
}

function jsonField(f: FieldExplanation): unknown {
  return {
    key: f.key,
    rawValue: f.rawValue ?? null,
    value: f.value ?? null,
    label: f.label,
    explanation: f.meaning,
    interpretation: f.interpretation ?? null,
    details: f.details,
    provenance: f.provenance,
    sources: f.sources,
    ...(f.tlv ? { tlv: f.tlv.map(jsonTlv) } : {}),
  };
}

/** `e` as JSON; `where` and `at` as for {@link jsonRange}. */
export function jsonExplanation(e: UriExplanation, where: (o: number) => { line: number; column: number }, at = 0): unknown {
  return {
    kind: e.kind,
    operation: e.operation ?? null,
    uri: e.text,
    range: jsonRange(e.range, where, at),
    result: e.result ? { code: e.result.code, meaning: e.result.meaning, outcome: e.result.outcome } : null,
    summary: e.summary,
    transaction: e.transaction ?? null,
    reading: e.reading,
    fields: e.fields.map(jsonField),
    diagnostics: e.diagnostics.map((d) => jsonDiagnostic(d, where, at)),
  };
}
