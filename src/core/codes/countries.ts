// ISO 3166-1 countries (EMV 9F1A/5F28, ISO 8583 DE19/20).

import type { CountryData } from '../data/countryData';
import type { DataSourceId } from '../data/sourceData';
import { getLocale, overlay, inSourceLocale, type Locale } from '../l10n';
import type { Provenance } from '../types';
import { builtPerLocale } from './text';

export interface Country {
  readonly numeric: string;
  readonly alpha2: string;
  readonly alpha3: string;
  /** In the current locale (`Italy`, `Italia`). */
  readonly name: string;
  /** Present on entries corrected from the reference data (see scripts/generate-data.ts). */
  readonly note?: string;
  readonly provenance: Provenance;
  readonly sources: readonly DataSourceId[];
}

// Names in other languages come from the runtime's ICU data (Node ships full ICU) unless the locale's overlay
// (l10n/data/countries.<locale>.json, by numeric code) names the country; English keeps the reference data's.
function regionNames(locale: Locale): Intl.DisplayNames | undefined {
  try {
    return new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' });
  } catch {
    return undefined;
  }
}

function localName(c: CountryData, names: Intl.DisplayNames | undefined): string {
  let name: string | undefined;
  try {
    name = names?.of(c.alpha2);
  } catch {
    // A code Intl rejects: the English name it is.
  }
  return name && name !== c.alpha2 ? name : c.name;
}

/** Numeric, alpha-2 and alpha-3 codes → country, names and notes in the locale the index was built for. */
const index = builtPerLocale(() => {
  // The reference data is English: only another language asks ICU.
  const names = inSourceLocale() ? undefined : regionNames(getLocale());
  const map = new Map<string, Country>();
  // The table is a chunk of its own in the extension, loaded on the first lookup (issue 17 item 4).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  for (const c of (require('../data/countryData') as typeof import('../data/countryData')).countries) {
    const words = overlay('countries', c.numeric, c.note ? { name: c.name, note: c.note } : { name: c.name });
    const country: Country = {
      numeric: c.numeric,
      alpha2: c.alpha2,
      alpha3: c.alpha3,
      name: words.name !== c.name || !names ? words.name : localName(c, names),
      ...(words.note ? { note: words.note } : {}),
      provenance: c.prov,
      sources: c.src,
    };
    for (const key of [c.numeric, c.alpha2, c.alpha3]) map.set(key, country);
  }
  return map;
});

/** Looks a country up by numeric (`380`, `0380` as in EMV BCD), alpha-2 or alpha-3 code. */
export function lookupCountry(code: string | number): Country | undefined {
  const text = String(code).trim();
  if (/^\d{1,4}$/.test(text)) {
    const n = Number(text);
    return n <= 999 ? index().get(String(n).padStart(3, '0')) : undefined;
  }
  return /^[A-Za-z]{2,3}$/.test(text) ? index().get(text.toUpperCase()) : undefined;
}
