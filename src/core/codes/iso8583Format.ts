// ISO 8583 format notation (`n 12`, `ans ..99`, `b ...255`, `x+n 8`) → length rules.
// Kept free of data imports: scripts/generate-data.ts uses it to check that the lengths it drops from
// the generated table are exactly the ones this derivation gives back.

/** ISO 8583 data-element version whose notation is being read. */
export type Iso8583Version = '1987' | '1993';

/** How a field's length is carried: fixed, or with a 2-digit (LLVAR) / 3-digit (LLLVAR) prefix. */
export type Iso8583LengthType = 'fixed' | 'LLVAR' | 'LLLVAR';

/**
 * Unit of a field's length. Binary lengths are in bits in the 1987 table and in bytes in the 1993
 * table (reference §1); `signed-digits` is `x+n` (a C/D sign followed by digits).
 */
export type Iso8583LengthUnit = 'digits' | 'signed-digits' | 'characters' | 'track-characters' | 'bits' | 'bytes';

export interface Iso8583Format {
  /** Character-class part of the notation: `n`, `an`, `ans`, `anp`, `ns`, `z`, `b`, `x+n`, `a`. */
  readonly type: string;
  readonly lengthType: Iso8583LengthType;
  /** Fixed length, or maximum length for LLVAR/LLLVAR, in `unit`. */
  readonly maxLength: number;
  readonly unit: Iso8583LengthUnit;
  /** Binary fields: the length in bytes (1987 bit lengths rounded up). */
  readonly maxBytes?: number;
}

const notation = /^(x\+n|[a-z]+) (\.{0,3})(\d+)$/;

/** Reads an ISO 8583 notation; undefined when it is not one (e.g. free text). */
export function parseIso8583Format(format: string, version: Iso8583Version): Iso8583Format | undefined {
  const m = notation.exec(format.trim());
  if (!m) return undefined;
  const [, type, dots, digits] = m;
  const lengthType: Iso8583LengthType = dots === '' ? 'fixed' : dots === '..' ? 'LLVAR' : dots === '...' ? 'LLLVAR' : 'fixed';
  if (dots.length === 1) return undefined;
  const maxLength = Number(digits);
  if (type === 'b') {
    const unit = version === '1987' ? 'bits' : 'bytes';
    return { type, lengthType, maxLength, unit, maxBytes: unit === 'bits' ? Math.ceil(maxLength / 8) : maxLength };
  }
  const unit: Iso8583LengthUnit =
    type === 'n' ? 'digits' : type === 'x+n' ? 'signed-digits' : type === 'z' ? 'track-characters' : 'characters';
  return { type, lengthType, maxLength, unit };
}
