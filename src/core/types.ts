// Shared vocabulary of the pure core. Nothing here knows about VS Code: adapters convert
// offsets to positions and severities to their own enums.

/** Half-open character range [start, end) in UTF-16 code units of the text that was analysed. */
export interface OffsetRange {
  readonly start: number;
  readonly end: number;
}

/** Where a fact comes from. Shown next to every explanation so users know how far to trust it. */
export type Provenance =
  /** Nexi's developer portal states it. */
  | 'nexi-documented'
  /** Only Nexi's public sample code shows it. */
  | 'nexi-sample'
  /** Our own reading of examples or standards; labelled as such in the UI. */
  | 'inferred'
  /** Nobody documents it; we say so. */
  | 'undocumented'
  | 'iso8583'
  | 'emv'
  | 'iso4217'
  | 'iso3166';

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A replacement of `range` by `newText` in the analysed text. */
export interface TextEdit {
  readonly range: OffsetRange;
  readonly newText: string;
}

export interface Fix {
  /** Short imperative title, e.g. "Percent-encode the value". */
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** True when newText contains snippet placeholders (`${1:value}`); adapters insert it as a snippet. */
  readonly snippet?: boolean;
}

export interface Diagnostic {
  /** Stable code (`A2A001`…): tests, quick fixes and docs refer to it. */
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: OffsetRange;
  readonly fixes?: readonly Fix[];
}
