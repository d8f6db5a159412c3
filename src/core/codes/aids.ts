// Application identifiers (CT102, EMV 4F/84/9F06) → card scheme and product.
// Matching rule of the reference data: exact AID first, then the longest listed AID that prefixes the
// input (terminals append suffixes, e.g. A0000000041010 + extension bytes), then the RID (first 5 bytes).

import type { AidData, RidData } from '../data/aidData';
import type { DataSourceId } from '../data/sourceData';
import { getLocale, overlay } from '../l10n';
import type { Provenance } from '../types';

export type AidMatchKind = 'exact' | 'prefix' | 'rid';

export interface AidMatch {
  /** The AID as given. */
  readonly input: string;
  /** Upper-case hex without separators. */
  readonly aid: string;
  /** Registered application provider identifier: the first 5 bytes. */
  readonly rid: string;
  /** Proprietary application identifier extension: what follows the RID. */
  readonly pix: string;
  readonly match: AidMatchKind;
  /** The listed AID that matched (exact and prefix matches). */
  readonly matchedAid?: string;
  readonly brand: string;
  /** Product as published (the words around the name in the current locale); absent for a RID-only match. */
  readonly product?: string;
  readonly provenance: Provenance;
  readonly sources: readonly DataSourceId[];
}

let tables: { readonly byLength: readonly AidData[]; readonly ridMap: ReadonlyMap<string, RidData> } | undefined;
/** The AID table, a chunk of its own in the extension, loaded on the first lookup (issue 17 item 4). */
function aidTables(): NonNullable<typeof tables> {
  if (!tables) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { aids, rids } = require('../data/aidData') as typeof import('../data/aidData');
    // Longest first, so the first prefix hit is the longest match.
    tables = { byLength: [...aids].sort((a, b) => b.aid.length - a.aid.length), ridMap: new Map(rids.map((r) => [r.rid, r])) };
  }
  return tables;
}

/**
 * Looks an AID up. Lenient on case and on separators (spaces, colons, hyphens); undefined when the
 * input is not hex or shorter than a RID (10 hex digits), or when neither AID nor RID is listed.
 */
/**
 * Answers by locale and input: a log repeats the same few AIDs thousands of times, and each lookup would otherwise
 * scan every known AID for the longest prefix. Bounded: the inputs come from the text.
 */
const looked = new Map<string, AidMatch | undefined>();

export function lookupAid(hex: string): AidMatch | undefined {
  const key = `${getLocale()}\u0000${hex}`;
  if (looked.has(key)) return looked.get(key);
  const match = findAid(hex);
  if (looked.size >= 512) looked.clear();
  looked.set(key, match);
  return match;
}

function findAid(hex: string): AidMatch | undefined {
  const aid = hex.replace(/[\s:-]/g, '').toUpperCase();
  if (!/^[0-9A-F]{10,32}$/.test(aid)) return undefined;
  const rid = aid.slice(0, 10);
  const base = { input: hex, aid, rid, pix: aid.slice(10) };
  const entry = aidTables().byLength.find((a) => aid.startsWith(a.aid));
  if (entry) {
    return {
      ...base,
      match: entry.aid === aid ? 'exact' : 'prefix',
      matchedAid: entry.aid,
      brand: entry.brand,
      // Overlay l10n/data/aids.<locale>.json, by AID: the words around the product name.
      product: overlay('aids', entry.aid, { product: entry.product }).product,
      provenance: entry.prov,
      sources: entry.src,
    };
  }
  const r = aidTables().ridMap.get(rid);
  return r ? { ...base, match: 'rid', brand: r.brand, provenance: r.prov, sources: r.src } : undefined;
}
