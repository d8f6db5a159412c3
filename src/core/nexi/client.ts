// The B2B client: token (OAuth2 client credentials over mTLS, spec §14.3), JWKS (§14.4), client assertion (§14.6)
// and checkTransaction (§15). Caches what may be cached, shares in-flight requests, and retries only where it is
// safe — on every endpoint alike: a connection that dropped before any answer, and 502/503/504 (JSON or HTML),
// bounded, with backoff or the server's Retry-After, and a fresh assertion (new jti) for every check attempt.
// Recovery never depends on how the server words an error (Nexi's documented errors are a bare "Unauthorized"):
// a 400/401 from checkTransaction gets one token refresh, then one JWKS refetch with a fresh assertion, and only then
// a diagnosis — clock skew measured from the server's Date header first, then the candidates in order.
import type { KeyObject } from 'crypto';
import type { JWK } from 'jose';
import { assertionClaims, makeClientAssertion, pickEncryptionKey, type AssertionClaims, type AssertionIdentity, type EncryptionKey } from './assertion';
import { NexiError } from './errors';
import { isRetryable, Transport, type HttpResponse, type TransportOptions } from './http';
import { redact } from '../redact';

import { endpoints } from './endpoints';

export { endpoints };

export interface ClientConfig extends AssertionIdentity {
  /** checkTransaction URL; defaults to base URL + /mpos-core/app/checkTransaction. */
  readonly checkTransactionUrl?: string;
  /** Read right before the token call, never kept by the client. */
  readonly clientSecret: () => string | Promise<string>;
  /** The developer private key (signs the assertion; the transport uses the same key for mTLS). */
  readonly signingKey: KeyObject;
  readonly transport: TransportOptions | Transport;
  /** Milliseconds since the epoch (tests move the clock). */
  readonly now?: () => number;
  readonly retry?: { readonly attempts?: number; readonly baseDelayMs?: number; readonly maxDelayMs?: number };
  /** Observations for the log; never carries a secret, token or assertion. */
  readonly onEvent?: (event: ClientEvent) => void;
}

export type ClientEvent =
  | { readonly kind: 'response'; readonly step: Step; readonly status: number; readonly durationMs: number; readonly attempt: number }
  | { readonly kind: 'failure'; readonly step: Step; readonly code: string; readonly attempt: number }
  | { readonly kind: 'retry'; readonly step: Step; readonly reason: string; readonly delayMs: number; readonly attempt: number }
  | { readonly kind: 'refresh'; readonly what: 'token' | 'jwks'; readonly reason: string }
  | { readonly kind: 'clock'; readonly skewSeconds: number };

/**
 * Beyond this, a rejected assertion is put down to the clocks: the Date header has whole seconds and the answer
 * takes its time, so a few seconds are noise; Nexi rejects an `iat` in its future even by seconds (spec §14.6).
 */
export const clockSkewToleranceSeconds = 5;

/** How long a JWKS is trusted without Cache-Control (keys rotate rarely; a rejected assertion refetches anyway). */
export const defaultJwksLifetimeSeconds = 3600;

export type Step = 'token' | 'jwks' | 'checkTransaction';

/** What the client knows about its access token (never the token itself). */
export type TokenState = { readonly state: 'none' } | { readonly state: 'cached'; readonly renewAt: number } | { readonly state: 'renew-due'; readonly renewAt: number };

export interface CheckRequest {
  readonly terminalId: string;
  readonly callerTrxId?: string;
}

export interface CheckResult {
  /** The parsed 200 body (the schema is not published, spec §15.3: shown raw and explained key by key). */
  readonly transaction: Record<string, unknown>;
  readonly raw: string;
  readonly attempts: number;
  readonly durationMs: number;
}

interface CachedToken {
  readonly value: string;
  readonly renewAt: number;
}

interface CachedKey {
  readonly key: EncryptionKey;
  readonly expiresAt: number;
  /** The kids the server published, sorted (a change means the keys rotated). */
  readonly kids: string;
}

const transientStatuses = new Set([502, 503, 504]);

/** Seconds from a Retry-After header (delta-seconds or an HTTP date), if it says something usable. */
function retryAfterMs(res: HttpResponse, now: number): number | undefined {
  const raw = res.headers['retry-after'];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(0, date - now) : undefined;
}

/** `max-age` of a Cache-Control header, in seconds (no-store / no-cache: 0). */
function maxAgeSeconds(res: HttpResponse): number | undefined {
  const raw = res.headers['cache-control'];
  const value = (Array.isArray(raw) ? raw.join(',') : raw) ?? '';
  if (/\bno-(store|cache)\b/i.test(value)) return 0;
  const m = /\bmax-age\s*=\s*(\d+)/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

const sleep = (ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NexiError('CANCELLED'));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = (): void => {
      clearTimeout(t);
      reject(new NexiError('CANCELLED'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });

function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function isHtml(res: HttpResponse): boolean {
  const type = String(res.headers['content-type'] ?? '');
  return /text\/html/i.test(type) || /^\s*<(!doctype|html|head|body)/i.test(res.body);
}

function htmlTitle(body: string): string {
  const t = /<title[^>]*>([^<]{0,200})<\/title>/i.exec(body)?.[1]?.trim();
  return t || body.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 120);
}

/** The server's own words from any of the published error shapes (StandardResponse, ValidationErrorDTO, errcode/errmsg). */
function serverMessage(json: unknown): string | undefined {
  if (!json || typeof json !== 'object') return undefined;
  const o = json as Record<string, unknown>;
  const m = o.message ?? o.errmsg ?? o.error_description ?? o.error;
  return typeof m === 'string' ? m.slice(0, 300) : undefined;
}

function fieldErrors(json: unknown): Array<{ field: string; message: string }> | undefined {
  const list = (json as { fieldErrors?: unknown })?.fieldErrors;
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((f) => ({ field: String((f as { field?: unknown }).field ?? '?'), message: String((f as { message?: unknown }).message ?? '') }));
}

// How a rejected assertion is worded is not documented; these are the words the sandbox and the FAQ use [inference].
const assertionWords = /assertion|jwe|jws|jwt|decrypt|signature|\bkid\b|\baud\b|\bexp\b|\biat\b|\bjti\b|terminal_ids/i;
const clockWords = /\biat\b.*future|future.*\biat\b|not yet valid|clock/i;
const unknownKeyWords = /unknown (encryption )?key|\bkid\b.*(unknown|not found)|cannot decrypt|decryption failed/i;

/** True when a 400/401 says the assertion was encrypted for a key the server no longer has (JWKS rotated). */
export function isUnknownKeyResponse(res: HttpResponse): boolean {
  return (res.status === 400 || res.status === 401) && unknownKeyWords.test(serverMessage(parseJson(res.body)) ?? '');
}

/**
 * Turns a checkTransaction response into a result or a typed error (spec §15.3 and the FAQ's real bodies). `clean`
 * redacts what the server said before it goes into an error (the client passes its own tokens and assertions).
 */
export function interpretCheckResponse(res: HttpResponse, clean: (message: string | undefined) => string | undefined = (m) => (m === undefined ? m : redact(m))): Record<string, unknown> {
  const step = 'checkTransaction' as const;
  if (isHtml(res)) throw new NexiError('UPSTREAM_HTML_ERROR', { status: res.status, step, serverMessage: htmlTitle(res.body) });
  const json = parseJson(res.body);
  const message = clean(serverMessage(json));
  const base = { status: res.status, step, ...(message ? { serverMessage: message } : {}) };
  if (res.status === 200) {
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
    throw new NexiError('UNEXPECTED_RESPONSE', { ...base, serverMessage: clean(res.body.slice(0, 120)) ?? '' });
  }
  if (json === undefined) throw new NexiError(res.status >= 500 ? 'SERVER_ERROR' : 'UNEXPECTED_RESPONSE', { status: res.status, step, serverMessage: clean(res.body.slice(0, 120)) ?? '' });
  if (res.status === 404 || /transaction.*not found/i.test(message ?? '')) throw new NexiError('TRANSACTION_NOT_FOUND', base);
  if (/terminal.*not found/i.test(message ?? '')) throw new NexiError('TERMINAL_NOT_FOUND', base);
  if (res.status === 400) {
    const fields = fieldErrors(json);
    if (fields) throw new NexiError('VALIDATION_FAILED', { ...base, fieldErrors: fields });
    if (clockWords.test(message ?? '')) throw new NexiError('CLOCK_SKEW', base);
    if (assertionWords.test(message ?? '')) throw new NexiError('ASSERTION_REJECTED', base);
    throw new NexiError('VALIDATION_FAILED', base);
  }
  if (res.status === 401 || res.status === 403) {
    if (clockWords.test(message ?? '')) throw new NexiError('CLOCK_SKEW', base);
    if (assertionWords.test(message ?? '')) throw new NexiError('ASSERTION_REJECTED', base);
    throw new NexiError('UNAUTHORIZED', base);
  }
  if (res.status >= 500 && res.status !== 502 && res.status !== 503 && res.status !== 504) throw new NexiError('SERVER_ERROR', base);
  if (res.status >= 502) throw new NexiError('UPSTREAM_UNAVAILABLE', base);
  throw new NexiError('UNEXPECTED_RESPONSE', base);
}

export class NexiClient {
  readonly #config: ClientConfig;
  readonly #transport: Transport;
  readonly #ownsTransport: boolean;
  readonly #now: () => number;
  #token: CachedToken | undefined;
  #tokenInFlight: Promise<string> | undefined;
  #key: CachedKey | undefined;
  #keyInFlight: Promise<EncryptionKey> | undefined;
  /** This machine's clock minus the server's, from the last Date header (seconds; undefined until one came). */
  #skewSeconds: number | undefined;
  /** Token values and recent assertions: never printed, even if a server echoes them back. */
  readonly #held: string[] = [];

  constructor(config: ClientConfig) {
    this.#config = config;
    this.#ownsTransport = !(config.transport instanceof Transport);
    this.#transport = config.transport instanceof Transport ? config.transport : new Transport(config.transport);
    this.#now = config.now ?? Date.now;
  }

  get baseUrl(): string {
    return this.#config.baseUrl.replace(/\/+$/, '');
  }

  get checkTransactionUrl(): string {
    return this.#config.checkTransactionUrl ?? this.baseUrl + endpoints.checkTransaction;
  }

  /** This machine's clock minus the server's, in whole seconds, as last measured (undefined before any answer). */
  get clockSkewSeconds(): number | undefined {
    return this.#skewSeconds;
  }

  #emit(event: ClientEvent): void {
    this.#config.onEvent?.(event);
  }

  #hold(value: string): void {
    this.#held.push(value);
    if (this.#held.length > 8) this.#held.shift();
  }

  /** What the server said, with whatever the client holds (tokens, assertions) and anything JOSE-shaped removed. */
  #clean(message: string | undefined, extra: readonly string[] = []): string | undefined {
    return message === undefined ? undefined : redact(message, [...this.#held, ...extra]);
  }

  async #call(step: Step, url: string, init: Parameters<Transport['request']>[1], attempt = 1): Promise<HttpResponse> {
    const started = this.#now();
    try {
      const res = await this.#transport.request(url, init);
      const answered = this.#now();
      this.#emit({ kind: 'response', step, status: res.status, durationMs: answered - started, attempt });
      this.#measureClock(res, started, answered);
      return res;
    } catch (err) {
      this.#emit({ kind: 'failure', step, code: (err as NexiError).code ?? 'ERROR', attempt });
      if (err instanceof NexiError && !err.details.step) throw Object.assign(new NexiError(err.code, { ...err.details, step }), { retryable: isRetryable(err) });
      throw err;
    }
  }

  /** Reads the server's Date header: its clock against ours at the middle of the exchange. */
  #measureClock(res: HttpResponse, started: number, answered: number): void {
    const raw = res.headers['date'];
    const server = Date.parse(String(Array.isArray(raw) ? raw[0] : (raw ?? '')));
    if (!Number.isFinite(server)) return;
    // The Date header has whole seconds: compare against our midpoint, rounded the same way.
    const skew = Math.round(((started + answered) / 2 - server) / 1000);
    if (skew !== this.#skewSeconds && Math.abs(skew) > clockSkewToleranceSeconds) this.#emit({ kind: 'clock', skewSeconds: skew });
    this.#skewSeconds = skew;
  }

  /**
   * Sends with bounded retries where repeating is safe: a connection dropped before any answer, and 502/503/504
   * (JSON or an HTML gateway page), after the server's Retry-After or an exponential backoff. `send` is called anew
   * for each attempt (checkTransaction makes a fresh assertion each time).
   */
  async #withRetries(step: Step, send: (attempt: number) => Promise<HttpResponse>, signal: AbortSignal | undefined): Promise<HttpResponse> {
    const maxAttempts = Math.max(1, this.#config.retry?.attempts ?? 3);
    const baseDelay = this.#config.retry?.baseDelayMs ?? 250;
    const maxDelay = this.#config.retry?.maxDelayMs ?? 4000;
    for (let attempt = 1; ; attempt++) {
      const backoff = Math.min(maxDelay, baseDelay * 2 ** (attempt - 1));
      let res: HttpResponse;
      try {
        res = await send(attempt);
      } catch (err) {
        if (!isRetryable(err) || attempt >= maxAttempts) throw err;
        this.#emit({ kind: 'retry', step, reason: (err as NexiError).code, delayMs: backoff, attempt });
        await sleep(backoff, signal);
        continue;
      }
      if (!transientStatuses.has(res.status) || attempt >= maxAttempts) return res;
      const delay = Math.min(maxDelay, retryAfterMs(res, this.#now()) ?? backoff);
      this.#emit({ kind: 'retry', step, reason: `HTTP ${res.status}`, delayMs: delay, attempt });
      await sleep(delay, signal);
    }
  }

  /** A valid access token: cached until 75 % of its lifetime, one request shared by concurrent callers. */
  async accessToken(signal?: AbortSignal): Promise<string> {
    if (this.#token && this.#now() < this.#token.renewAt) return this.#token.value;
    this.#tokenInFlight ??= this.#fetchToken(signal).finally(() => (this.#tokenInFlight = undefined));
    return this.#tokenInFlight;
  }

  async #fetchToken(signal?: AbortSignal): Promise<string> {
    const secret = await this.#config.clientSecret();
    const body = new URLSearchParams({ grant_type: 'client_credentials', client_id: this.#config.clientId, client_secret: secret }).toString();
    const requestedAt = this.#now();
    const res = await this.#withRetries(
      'token',
      (attempt) =>
        this.#call(
          'token',
          this.baseUrl + endpoints.token,
          { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body, ...(signal ? { signal } : {}) },
          attempt,
        ),
      signal,
    );
    if (isHtml(res)) throw new NexiError('UPSTREAM_HTML_ERROR', { status: res.status, step: 'token', serverMessage: htmlTitle(res.body) });
    const json = parseJson(res.body) as { access_token?: unknown; expires_in?: unknown; error?: unknown } | undefined;
    if (res.status === 200 && typeof json?.access_token === 'string' && json.access_token !== '') {
      this.#hold(json.access_token);
      // spec §14.3: lifetime "e.g. 3600"; renew at 75 % of it so a token never expires mid-call.
      const lifetime = typeof json.expires_in === 'number' && json.expires_in > 0 ? json.expires_in : 3600;
      this.#token = { value: json.access_token, renewAt: requestedAt + lifetime * 750 };
      return json.access_token;
    }
    const message = this.#clean(serverMessage(json) ?? (json === undefined ? res.body.slice(0, 120) : undefined), [secret]);
    const base = { status: res.status, step: 'token' as const, ...(message ? { serverMessage: message } : {}) };
    if (res.status === 401 || (res.status === 400 && /invalid_client|unauthorized_client/i.test(String(json?.error ?? message ?? '')))) throw new NexiError('TOKEN_INVALID_CLIENT', base);
    if (transientStatuses.has(res.status)) throw new NexiError('UPSTREAM_UNAVAILABLE', base);
    throw new NexiError(res.status >= 500 ? 'SERVER_ERROR' : 'TOKEN_FAILED', base);
  }

  /** The JWKS key assertions are encrypted with: cached for its lifetime, one request shared by concurrent callers. */
  async encryptionKey(signal?: AbortSignal): Promise<EncryptionKey> {
    if (this.#key && this.#now() < this.#key.expiresAt) return this.#key.key;
    this.#keyInFlight ??= this.#fetchKey(signal).finally(() => (this.#keyInFlight = undefined));
    return this.#keyInFlight;
  }

  async #fetchKey(signal?: AbortSignal): Promise<EncryptionKey> {
    const res = await this.#withRetries(
      'jwks',
      (attempt) => this.#call('jwks', this.baseUrl + endpoints.jwks, { method: 'GET', headers: { accept: 'application/json' }, ...(signal ? { signal } : {}) }, attempt),
      signal,
    );
    if (isHtml(res)) throw new NexiError('UPSTREAM_HTML_ERROR', { status: res.status, step: 'jwks', serverMessage: htmlTitle(res.body) });
    const json = parseJson(res.body) as { keys?: unknown } | undefined;
    if (res.status !== 200 || !Array.isArray(json?.keys)) {
      const message = this.#clean(serverMessage(json));
      throw new NexiError(transientStatuses.has(res.status) ? 'UPSTREAM_UNAVAILABLE' : 'JWKS_FAILED', { status: res.status, step: 'jwks', ...(message ? { serverMessage: message } : {}) });
    }
    const keys = json.keys as JWK[];
    const key = pickEncryptionKey(keys);
    if (!key) throw new NexiError('JWKS_NO_ENCRYPTION_KEY', { status: res.status, step: 'jwks' });
    const kids = keys.map((k) => String(k.kid ?? '')).sort().join(',');
    if (this.#key && this.#key.kids !== kids) this.#emit({ kind: 'refresh', what: 'jwks', reason: 'the server published other keys' });
    // Cache-Control max-age when the server sends one (spec §14.4 says nothing), else a default.
    const lifetime = maxAgeSeconds(res) ?? defaultJwksLifetimeSeconds;
    this.#key = { key, expiresAt: this.#now() + lifetime * 1000, kids };
    return key;
  }

  /** Whether a token is cached, and when it will be renewed (75 % of its lifetime). */
  get tokenState(): TokenState {
    if (!this.#token) return { state: 'none' };
    return this.#now() < this.#token.renewAt ? { state: 'cached', renewAt: this.#token.renewAt } : { state: 'renew-due', renewAt: this.#token.renewAt };
  }

  /** The claims an assertion for `terminalId` would carry now (for "Show client assertion claims"). */
  claimsFor(terminalId: string): AssertionClaims {
    return assertionClaims(this.#config, terminalId, Math.floor(this.#now() / 1000));
  }

  async checkTransaction(request: CheckRequest, options: { signal?: AbortSignal } = {}): Promise<CheckResult> {
    const started = this.#now();
    const signal = options.signal;
    const body = JSON.stringify({ terminalId: request.terminalId, ...(request.callerTrxId !== undefined ? { callerTrxId: request.callerTrxId } : {}) });
    let tokenRefreshed = false;
    let keyRefreshed = false;
    let attempts = 0;
    for (;;) {
      const token = await this.accessToken(signal);
      const key = await this.encryptionKey(signal);
      const res = await this.#withRetries(
        'checkTransaction',
        async () => {
          attempts++;
          // A fresh assertion (jti, iat, exp) for every attempt: a replayed jti is rejected.
          const assertion = await makeClientAssertion(this.claimsFor(request.terminalId), this.#config.signingKey, key);
          this.#hold(assertion);
          return this.#call(
            'checkTransaction',
            this.checkTransactionUrl,
            {
              method: 'POST',
              headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${token}`, client_assertion: assertion, client_id: this.#config.clientId },
              body,
              ...(signal ? { signal } : {}),
            },
            attempts,
          );
        },
        signal,
      );
      if (res.status === 400 || res.status === 401 || res.status === 403) {
        const json = parseJson(res.body);
        const recoverable = !isHtml(res) && !fieldErrors(json) && !/(transaction|terminal).*not found/i.test(serverMessage(json) ?? '');
        const skew = this.#skewSeconds;
        if (recoverable && skew !== undefined && Math.abs(skew) > clockSkewToleranceSeconds) {
          // Neither a new token nor a new key helps while the clocks disagree.
          const message = this.#clean(serverMessage(json));
          throw new NexiError('CLOCK_SKEW', { status: res.status, step: 'checkTransaction', clockSkewSeconds: skew, ...(message ? { serverMessage: message } : {}) });
        }
        // Recovery that does not depend on the server's wording: a fresh token first (the words "unknown key"
        // skip straight to the keys), then the JWKS again with a fresh assertion; only then a diagnosis.
        if (recoverable && !tokenRefreshed && !isUnknownKeyResponse(res)) {
          tokenRefreshed = true;
          this.#token = undefined;
          this.#emit({ kind: 'refresh', what: 'token', reason: `HTTP ${res.status}` });
          continue;
        }
        if (recoverable && !keyRefreshed) {
          keyRefreshed = true;
          this.#key = undefined;
          this.#emit({ kind: 'refresh', what: 'jwks', reason: `HTTP ${res.status} after a fresh token` });
          continue;
        }
      }
      const transaction = interpretCheckResponse(res, (m) => this.#clean(m));
      return { transaction, raw: res.body, attempts, durationMs: this.#now() - started };
    }
  }

  /** Forgets the cached token and key (credentials changed). */
  reset(): void {
    this.#token = undefined;
    this.#key = undefined;
  }

  async close(): Promise<void> {
    if (this.#ownsTransport) await this.#transport.close();
  }
}
