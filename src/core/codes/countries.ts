// ISO 3166-1 countries (EMV 9F1A/5F28, ISO 8583 DE19/20).

import { countries } from '../data/countryData';
import type { DataSourceId } from '../data/sourceData';
import type { Provenance } from '../types';

export interface Country {
  readonly numeric: string;
  readonly alpha2: string;
  readonly alpha3: string;
  readonly name: string;
  /** Present on entries corrected from the reference data (see scripts/generate-data.ts). */
  readonly note?: string;
  readonly provenance: Provenance;
  readonly sources: readonly DataSourceId[];
}

const index = new Map<string, Country>();
for (const c of countries) {
  const country: Country = {
    numeric: c.numeric,
    alpha2: c.alpha2,
    alpha3: c.alpha3,
    name: c.name,
    ...(c.note ? { note: c.note } : {}),
    provenance: c.prov,
    sources: c.src,
  };
  for (const key of [c.numeric, c.alpha2, c.alpha3]) index.set(key, country);
}

/** Looks a country up by numeric (`380`, `0380` as in EMV BCD), alpha-2 or alpha-3 code. */
export function lookupCountry(code: string | number): Country | undefined {
  const text = String(code).trim();
  if (/^\d{1,4}$/.test(text)) {
    const n = Number(text);
    return n <= 999 ? index.get(String(n).padStart(3, '0')) : undefined;
  }
  return /^[A-Za-z]{2,3}$/.test(text) ? index.get(text.toUpperCase()) : undefined;
}
