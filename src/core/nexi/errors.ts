// Every failure of a B2B call is a NexiError with a stable code (house style §5): transport, TLS, HTTP status and
// JOSE failures map onto this small set, each with an explanation and a next step written for the person who
// reads it. Messages never contain a secret, a token, an assertion or key material.
//
// `message` is always English (it is logged); what a person reads comes from `userMessage(err)` and `nextStep`,
// in the core locale (other languages: the l10n bundles). The error keeps codes and arguments (`reason`), and the
// text is formatted when it is read, in the locale of that moment. The wording is errorTable.ts, loaded on the first
// read (issue 17 item 4).
import { fillTemplate } from '../codes/text';
import { isCredentialError } from '../credentials/errors';
import { withLocale } from '../l10n';
import type { englishMissingCredentials, ErrorInfo, NexiErrorCode } from './errorTable';

export type { ErrorInfo, NexiErrorCode } from './errorTable';

export type MissingCredential = keyof typeof englishMissingCredentials;

type Table = typeof import('./errorTable');

let table: Table | undefined;
/**
 * The wording, required on the first read: in the extension it is a chunk of its own (issue 17 item 4), and requiring
 * it registers its translations before they are read. Elsewhere (the CLI, tests) the require is bundled or resolved
 * like any import.
 */
function load(): Table {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (table ??= require('./errorTable') as Table);
}

/** Title, explanation and next step of `code`, in the current core locale (read when called). */
export function errorInfo(code: NexiErrorCode): ErrorInfo {
  return load().errorInfoTable()[code];
}

/** The names of missing credentials in the current core locale, as a list for a sentence ("client id, certificate"). */
export function missingCredentialsLabel(missing: readonly MissingCredential[]): string {
  const names = load().missingCredentials();
  return missing.map((m) => names[m]).join(', ');
}

/**
 * A cause the toolkit itself words, as a code and its arguments, so that `message` (English, for logs) and what a
 * person reads (the current locale) come from the same facts.
 */
export type NexiErrorReason =
  | { readonly kind: 'notConfirmed' }
  /** The environment has no usable endpoints; `problem` says why (from `resolveEnvironments`, already worded). */
  | { readonly kind: 'noEndpoints'; readonly environment: string; readonly problem?: string }
  | { readonly kind: 'missing'; readonly environment: string; readonly missing: readonly MissingCredential[] };

function reasonText(reason: NexiErrorReason): string {
  const R = load().errorReasons();
  switch (reason.kind) {
    case 'notConfirmed':
      return R.notConfirmed;
    case 'noEndpoints':
      return `${reason.environment}: ${reason.problem ?? R.noEndpoints}`;
    case 'missing':
      return fillTemplate(R.missing, { environment: reason.environment, missing: missingCredentialsLabel(reason.missing) });
  }
}

export interface NexiErrorDetails {
  readonly status?: number;
  /** What the server said, trimmed and redacted (never a secret). */
  readonly serverMessage?: string;
  readonly fieldErrors?: ReadonlyArray<{ readonly field: string; readonly message: string }>;
  /** Which call failed. */
  readonly step?: 'token' | 'jwks' | 'checkTransaction';
  /** What led to it, as a system or library said it (English, shown as it is in every locale). */
  readonly cause?: string;
  /** What led to it, when the toolkit words it: formatted in the locale of the reader (takes precedence over `cause`). */
  readonly reason?: NexiErrorReason;
  /** This machine's clock minus the server's (from its Date header), in seconds, when it explains the failure. */
  readonly clockSkewSeconds?: number;
}

export class NexiError extends Error {
  readonly code: NexiErrorCode;
  readonly details: NexiErrorDetails;

  constructor(code: NexiErrorCode, details: NexiErrorDetails = {}) {
    super(withLocale('en', () => composeMessage(code, details)));
    this.name = 'NexiError';
    this.code = code;
    this.details = details;
  }

  /** The message in the current core locale (`message` stays English for logs). */
  get localizedMessage(): string {
    return composeMessage(this.code, this.details);
  }

  /** What to do about it, in the current core locale. */
  get nextStep(): string {
    return errorInfo(this.code).nextStep;
  }
}

/** The message of an error in the current core locale. */
function composeMessage(code: NexiErrorCode, details: NexiErrorDetails): string {
  const info = errorInfo(code);
  const texts = load().errorTexts();
  const parts = [info.title + '.', info.explanation];
  if (details.serverMessage) parts.push(texts.server.replace('{message}', () => details.serverMessage!));
  if (details.fieldErrors?.length) parts.push(texts.fields.replace('{fields}', () => details.fieldErrors!.map((f) => `${f.field}: ${f.message}`).join('; ')));
  if (details.clockSkewSeconds !== undefined && details.clockSkewSeconds !== 0) {
    parts.push((details.clockSkewSeconds > 0 ? texts.clockAhead : texts.clockBehind).replace('{seconds}', String(Math.abs(details.clockSkewSeconds))));
  }
  if (details.status !== undefined) parts.push(`(HTTP ${details.status}${details.step ? `, ${details.step}` : ''})`);
  else {
    const cause = details.reason ? reasonText(details.reason) : details.cause;
    if (details.step || cause) parts.push(`(${[details.step, cause].filter(Boolean).join(': ')})`);
  }
  return `${code}: ${parts.join(' ')}`;
}

export function isNexiError(err: unknown): err is NexiError {
  return err instanceof NexiError;
}

/**
 * The text to show a person for a failure: for a NexiError its message in the current core locale (the
 * `message` property stays English for logs); for a CredentialError its message and next step in the current
 * locale; for anything else its message as it is.
 */
export function userMessage(err: unknown): string {
  if (err instanceof NexiError) return err.localizedMessage;
  if (isCredentialError(err)) return err.userMessage;
  return err instanceof Error ? err.message : String(err);
}
