// Typed input → request URI, encoded exactly as Android's Uri.Builder.appendQueryParameter does (the official
// samples build URIs that way, spec §2.1), parameters in catalog order. The diagnostics are the validator's for
// the built URI, so the builder never disagrees with the validator.

import type { Diagnostic } from '../types';
import { findOperation, indexedParameterName, requestScheme, type OperationSpec } from './catalog';
import { validateUri } from './validate';

export interface AdditionalTag {
  readonly key: string;
  readonly value: string;
}

interface RequestBase {
  readonly callerName: string;
  readonly callerTrxId: string;
  /** Return URI, e.g. `myapp://payment` (encoded by the builder). */
  readonly uri: string;
}

export interface PaymentInput extends RequestBase {
  readonly operation: 'payment';
  /** Euro cents. */
  readonly amount: number | string;
  readonly email?: string;
  readonly sms?: string;
  readonly sendTicket?: boolean;
  readonly urlTicket?: boolean;
  /** Sent as addInfoKeyN/addInfoN pairs, N = 1, 2, … in order. */
  readonly additionalTags?: readonly AdditionalTag[];
  /** Legacy tag values without keys (addInfo1…, tags DF8001…). */
  readonly legacyAddInfo?: readonly string[];
  readonly autoClose?: boolean;
  readonly hideRetry?: boolean;
  /** Undocumented, sent by the demo apps. */
  readonly tipEnabled?: boolean;
  readonly tipAmount?: number | string;
  /** Ignored by Nexi POS (spec §1); accepted so the validator can say so. */
  readonly terminalId?: string;
}

export interface ReversalInput extends RequestBase {
  readonly operation: 'reversal';
  readonly amount: number | string;
  /** `ddMMyyHHmm`, or a Date formatted in local time (spec §12; the time zone is not documented). */
  readonly timestamp: string | Date;
  readonly terminalId: string;
  readonly email?: string;
  readonly sms?: string;
  readonly sendTicket?: boolean;
  readonly urlTicket?: boolean;
  readonly autoClose?: boolean;
  readonly hideRetry?: boolean;
}

export interface LastTransactionInput extends RequestBase {
  readonly operation: 'last_transaction';
  readonly terminalId: string;
}

export interface AccountingClosureInput extends RequestBase {
  readonly operation: 'accounting_closure';
}

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

export function buildRequestUri(input: RequestInput): BuildResult {
  const op = findOperation(input.operation) as OperationSpec;
  const fields = input as unknown as Readonly<Record<string, unknown>>;
  const pairs: string[] = [];
  const add = (name: string, value: string) => pairs.push(`${encodeQueryComponent(name)}=${encodeQueryComponent(value)}`);
  for (const spec of op.request) {
    if (spec.family === 'additionalTagKey') {
      // Key and value side by side, as the demo apps send them (spec §3.2).
      const valueSpec = op.request.find((s) => s.family === 'additionalTagValue');
      (input.operation === 'payment' ? (input.additionalTags ?? []) : []).forEach((tag, i) => {
        add(indexedParameterName(spec, i + 1), tag.key);
        if (valueSpec) add(indexedParameterName(valueSpec, i + 1), tag.value);
      });
    } else if (spec.family === 'additionalTagValue') {
      (input.operation === 'payment' ? (input.legacyAddInfo ?? []) : []).forEach((value, i) => add(indexedParameterName(spec, i + 1), value));
    } else if (fields[spec.name] !== undefined) add(spec.name, text(fields[spec.name]));
  }
  const uri = `${requestScheme}://${op.name}?${pairs.join('&')}`;
  return { uri, diagnostics: validateUri(uri) };
}
