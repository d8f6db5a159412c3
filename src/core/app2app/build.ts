// Typed input → request URI, encoded exactly as Android's Uri.Builder.appendQueryParameter does (the official
// samples build URIs that way, spec §2.1), parameters in catalog order. The diagnostics are the validator's for
// the built URI, so the builder never disagrees with the validator.

import type { Diagnostic } from '../types';
import { findOperation, indexedParameterName, requestScheme, type catalogOperations, type OperationName, type OperationSpec } from './catalog';
import { validateUri } from './validate';

export interface AdditionalTag {
  readonly key: string;
  readonly value: string;
}

/** The value the builder takes for a catalog type (amounts as numbers or digits, flags as booleans). */
type InputValue<T> = T extends 'int-cents' | 'int' ? number | string : T extends 'boolean' ? boolean : T extends 'timestamp' ? string | Date : string;

type RequestSpecOf<O> = O extends { readonly request: readonly (infer S)[] } ? S : never;
/** Parameters written by name (not the indexed additional tags). */
type PlainSpec<S> = S extends { readonly indexed: object } ? never : S extends { readonly family: string } ? never : S;

/** One field per catalog parameter: required ones required, the others optional, typed by the catalog type. */
type ParameterFields<O> = {
  readonly [S in PlainSpec<RequestSpecOf<O>> as S extends { readonly required: true; readonly name: infer N extends string } ? N : never]: InputValue<S extends { readonly type: infer V } ? V : never>;
} & {
  readonly [S in PlainSpec<RequestSpecOf<O>> as S extends { readonly required: true } ? never : S extends { readonly name: infer N extends string } ? N : never]?: InputValue<S extends { readonly type: infer V } ? V : never>;
};

/** Operations with additional tags take them as pairs (addInfoKeyN/addInfoN) or as legacy values (addInfoN). */
type TagFields<O> = [Extract<RequestSpecOf<O>, { readonly family: 'additionalTagKey' }>] extends [never]
  ? unknown
  : {
      /** Sent as addInfoKeyN/addInfoN pairs, N = 1, 2, … in order. */
      readonly additionalTags?: readonly AdditionalTag[];
      /** Legacy tag values without keys (addInfo1…, tags DF8001…). */
      readonly legacyAddInfo?: readonly string[];
    };

/**
 * The builder's input for an operation of the catalog, derived from its request parameters: a parameter added to
 * the catalog is a field here with no other edit. Timestamps may be a Date (formatted in local time, spec §12).
 */
export type RequestInputOf<O extends OperationSpec> = { readonly operation: O['name'] } & ParameterFields<O> & TagFields<O>;

type CatalogOperation<N extends OperationName> = Extract<(typeof catalogOperations)[number], { readonly name: N }>;

export type PaymentInput = RequestInputOf<CatalogOperation<'payment'>>;
export type ReversalInput = RequestInputOf<CatalogOperation<'reversal'>>;
export type LastTransactionInput = RequestInputOf<CatalogOperation<'last_transaction'>>;
export type AccountingClosureInput = RequestInputOf<CatalogOperation<'accounting_closure'>>;

export type RequestInput = PaymentInput | ReversalInput | LastTransactionInput | AccountingClosureInput;

export interface BuildResult {
  readonly uri: string;
  readonly diagnostics: readonly Diagnostic[];
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Android `Uri.encode`: `A-Z a-z 0-9 _ - ! . ~ ' ( ) *` stay, everything else is UTF-8 percent-encoded with upper-case
 * hex. That is exactly encodeURIComponent's set; lone surrogates become `?` as in Java's UTF-8 encoder.
 */
export function encodeQueryComponent(value: string): string {
  return encodeURIComponent(value.replace(loneSurrogate, '?'));
}

const two = (n: number) => String(n).padStart(2, '0');

/** `ddMMyyHHmm` in local time (spec §12: 24-hour clock [inference]). */
export function formatTimestamp(date: Date): string {
  return two(date.getDate()) + two(date.getMonth() + 1) + two(date.getFullYear() % 100) + two(date.getHours()) + two(date.getMinutes());
}

function text(value: unknown): string {
  if (value instanceof Date) return formatTimestamp(value);
  return String(value);
}

export function buildRequestUri(input: RequestInput): BuildResult;
/** A request of another catalog's operation `O` (a test's fixture catalog, built under `withCatalog`). */
export function buildRequestUri<O extends OperationSpec>(input: RequestInputOf<O>): BuildResult;
export function buildRequestUri(input: { readonly operation: string }): BuildResult {
  const op = findOperation(input.operation) as OperationSpec;
  const fields = input as unknown as Readonly<Record<string, unknown>>;
  const tagged = input as { readonly additionalTags?: readonly AdditionalTag[]; readonly legacyAddInfo?: readonly string[] };
  const pairs: string[] = [];
  const add = (name: string, value: string) => pairs.push(`${encodeQueryComponent(name)}=${encodeQueryComponent(value)}`);
  for (const spec of op.request) {
    if (spec.family === 'additionalTagKey') {
      // Key and value side by side, as the demo apps send them (spec §3.2).
      const valueSpec = op.request.find((s) => s.family === 'additionalTagValue');
      (tagged.additionalTags ?? []).forEach((tag, i) => {
        add(indexedParameterName(spec, i + 1), tag.key);
        if (valueSpec) add(indexedParameterName(valueSpec, i + 1), tag.value);
      });
    } else if (spec.family === 'additionalTagValue') {
      (tagged.legacyAddInfo ?? []).forEach((value, i) => add(indexedParameterName(spec, i + 1), value));
    } else if (fields[spec.name] !== undefined) add(spec.name, text(fields[spec.name]));
  }
  const uri = `${requestScheme}://${op.name}?${pairs.join('&')}`;
  return { uri, diagnostics: validateUri(uri) };
}
