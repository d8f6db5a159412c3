// ISO 8583 data elements 1–128 in their 1987 and 1993 versions. Nexi's receipt host keys (`f04`…`f55`)
// are named after them but follow the 1987 meaning for f12/f13 and the 1993 length for f43 (spec §13.1).

import type { Iso8583FieldVersionData } from '../data/iso8583FieldData';
import type { DataSourceId } from '../data/sourceData';
import { overlay, translated } from '../l10n';
import type { Provenance } from '../types';
import { parseIso8583Format, type Iso8583Format, type Iso8583LengthUnit, type Iso8583Version } from './iso8583Format';

/** The field dictionary, a chunk of its own in the extension, loaded on the first lookup (issue 17 item 4). */
function iso8583FieldTable(): (typeof import('../data/iso8583FieldData'))['iso8583Fields'] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('../data/iso8583FieldData') as typeof import('../data/iso8583FieldData')).iso8583Fields;
}

export type { Iso8583Format, Iso8583LengthType, Iso8583LengthUnit, Iso8583Version } from './iso8583Format';

/** Length units in words (for hovers); English, see {@link iso8583UnitLabel}. */
export const iso8583UnitLabels: Readonly<Record<Iso8583LengthUnit, string>> = {
  digits: 'digits',
  'signed-digits': 'digits after a C/D sign',
  characters: 'characters',
  'track-characters': 'track characters',
  bits: 'bits',
  bytes: 'bytes',
};

// Short words that other tables also translate: their bundle keys carry the context `length unit`.
const unitLabelTable = translated('codes.iso8583UnitLabels', iso8583UnitLabels, { context: 'length unit' });

/** A length unit in words in the current locale (`digits`, `cifre`). */
export function iso8583UnitLabel(unit: Iso8583LengthUnit): string {
  return unitLabelTable()[unit];
}

export interface Iso8583FieldVersion extends Iso8583FieldVersionData, Iso8583Format {}

export interface Iso8583Field {
  readonly field: number;
  readonly v1987: Iso8583FieldVersion;
  readonly v1993: Iso8583FieldVersion;
  /** Both versions use the same notation. */
  readonly sameFormat: boolean;
  readonly comment?: string;
  readonly notes: readonly string[];
  readonly provenance: Provenance;
  readonly sources: readonly DataSourceId[];
}

function version(v: Iso8583FieldVersionData, which: Iso8583Version, valueFormat: string | undefined): Iso8583FieldVersion {
  // The generator refuses data whose notation this cannot read, so this never falls back.
  const format = parseIso8583Format(v.format, which)!;
  return { ...v, ...(valueFormat ? { valueFormat } : {}), ...format };
}

/** The words of a data element: overlay l10n/data/iso8583Fields.<locale>.json, by field number. */
interface FieldWords {
  readonly comment?: string;
  readonly notes?: readonly string[];
  readonly valueFormat1987?: string;
  readonly valueFormat1993?: string;
}

/**
 * Looks a data element up by number. Accepts `39`, `'39'`, `'f39'`, `'F042'`, `'DE39'`, `'DE 39'`;
 * undefined outside 1–128. Names stay the standard (English) ones; comment and notes are in the current locale.
 */
export function lookupField(n: number | string): Iso8583Field | undefined {
  const m = /^\s*(?:de\s*|f)?0*(\d{1,3})\s*$/i.exec(String(n));
  const field = m ? Number(m[1]) : NaN;
  const data = Number.isInteger(field) && field >= 1 && field <= 128 ? iso8583FieldTable()[field - 1] : undefined;
  if (!data) return undefined;
  const english: FieldWords = {
    ...(data.comment ? { comment: data.comment } : {}),
    ...(data.notes ? { notes: data.notes } : {}),
    ...(data.v1987.valueFormat ? { valueFormat1987: data.v1987.valueFormat } : {}),
    ...(data.v1993.valueFormat ? { valueFormat1993: data.v1993.valueFormat } : {}),
  };
  const { comment, notes, valueFormat1987, valueFormat1993 } = overlay('iso8583Fields', String(data.field), english);
  return {
    field: data.field,
    v1987: version(data.v1987, '1987', valueFormat1987),
    v1993: version(data.v1993, '1993', valueFormat1993),
    sameFormat: data.v1987.format === data.v1993.format,
    ...(comment ? { comment } : {}),
    notes: notes ?? [],
    provenance: data.prov,
    sources: data.src,
  };
}
