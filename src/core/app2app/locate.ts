// What is under a cursor: which scanned URI, and which part of it (its head — scheme, authority, `?` — or one
// parameter). Hovers, commands and CodeLens arguments all point into URIs this way.

import type { QueryParam } from './parse';
import type { ScannedUri } from './scan';

/** The URI whose text contains `offset` (its end counts: a cursor right after a URI is still "on" it). */
export function uriAt(uris: readonly ScannedUri[], offset: number): ScannedUri | undefined {
  return uris.find((u) => u.range.start <= offset && offset <= u.range.end);
}

export type UriPart = { readonly kind: 'head' } | { readonly kind: 'param'; readonly param: QueryParam; readonly index: number };

/**
 * The part of `uri` at `offset`: the head up to and including `?`, or the parameter whose `key=value` (or the `&`
 * before it) holds the offset. Undefined outside the URI.
 */
export function partAt(uri: ScannedUri, offset: number): UriPart | undefined {
  if (offset < uri.range.start || offset > uri.range.end) return undefined;
  if (!uri.uri.queryRange || offset < uri.uri.queryRange.start) return { kind: 'head' };
  for (let index = 0; index < uri.params.length; index++) {
    const param = uri.params[index]!;
    const from = param.separator === 'query' ? param.range.start : param.separatorRange.start;
    if (offset >= from && (offset < param.range.end || (offset === param.range.end && index === uri.params.length - 1))) return { kind: 'param', param, index };
  }
  return undefined;
}

/** The URI as the receiving app sees it: in XML/HTML `&amp;` is how `&` is written. */
export function effectiveUriText(uri: ScannedUri): string {
  return uri.markup ? uri.uri.text.replace(/&amp;/g, '&') : uri.uri.text;
}
