// HTTPS transport for the B2B API: one undici dispatcher per environment (keep-alive, so token, JWKS and
// checkTransaction share one TLS connection), mutual TLS with the developer certificate (PEM pair or PKCS#12),
// an optional extra CA added to the system roots (corporate TLS inspection), proxies (explicit setting,
// HTTPS_PROXY, NO_PROXY), and connect/headers/body timeouts. TLS verification is never disabled.
// undici is required on first use only, so activating the extension does not pay for it.
import { connect as tlsConnect, createSecureContext, rootCertificates } from 'tls';
import type * as Undici from 'undici';
import { NexiError, type NexiErrorCode } from './errors';

export interface TlsMaterial {
  /** Client certificate chain (PEM). */
  readonly cert?: string;
  /** Private key (PEM, possibly encrypted PKCS#8). */
  readonly key?: string;
  readonly passphrase?: string;
  /** PKCS#12 bundle instead of cert + key. */
  readonly pfx?: Uint8Array;
  /** Extra CA certificates (PEM), trusted in addition to the system roots. */
  readonly ca?: string;
}

export interface Timeouts {
  readonly connectMs: number;
  readonly headersMs: number;
  readonly bodyMs: number;
}

export const defaultTimeouts: Timeouts = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };

export interface TransportOptions {
  readonly tls: TlsMaterial;
  /** Explicit proxy (VS Code's http.proxy, or --proxy); otherwise HTTPS_PROXY/https_proxy from `env`. */
  readonly proxy?: string;
  readonly env?: NodeJS.ProcessEnv;
  readonly timeouts?: Partial<Timeouts>;
  /** Connections per origin (concurrent checks share them). */
  readonly connections?: number;
}

export interface HttpResponse {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly body: string;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST';
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  readonly signal?: AbortSignal;
}

function undici(): typeof Undici {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('undici') as typeof Undici;
}

/** Whether `NO_PROXY` (comma/space separated hosts, `.suffix`, `*.suffix`, `host:port`, `*`) exempts `url`. */
export function bypassesProxy(url: URL, noProxy: string | undefined): boolean {
  if (!noProxy) return false;
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    if (entry === '*') return true;
    const m = /^(.*?)(?::(\d+))?$/.exec(entry.replace(/^\[|\]/g, ''))!;
    const name = m[1]!.replace(/^\*/, '');
    if (m[2] && m[2] !== port) continue;
    if (name.startsWith('.') ? host === name.slice(1) || host.endsWith(name) : host === name || host.endsWith(`.${name}`)) return true;
  }
  return false;
}

/** The proxy to use for `url`, if any: the explicit one first, then HTTPS_PROXY / https_proxy, minus NO_PROXY. */
export function resolveProxy(url: URL, explicit: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const noProxy = env.NO_PROXY ?? env.no_proxy;
  const proxy = explicit || env.HTTPS_PROXY || env.https_proxy || (url.protocol === 'http:' ? env.HTTP_PROXY || env.http_proxy : undefined);
  if (!proxy || bypassesProxy(url, noProxy)) return undefined;
  return proxy;
}

/** Node's TLS options for the client side of mutual TLS. */
export function connectOptions(tls: TlsMaterial): Record<string, unknown> {
  return {
    ...(tls.pfx ? { pfx: Buffer.from(tls.pfx) } : {}),
    ...(tls.cert ? { cert: tls.cert } : {}),
    ...(tls.key ? { key: tls.key } : {}),
    ...(tls.passphrase !== undefined ? { passphrase: tls.passphrase } : {}),
    // `ca` replaces Node's default trust store: keep the system roots and add the extra bundle.
    ...(tls.ca ? { ca: [...rootCertificates, tls.ca] } : {}),
  };
}

/**
 * The same options as one shared secure context, for a pool that opens several connections. Node otherwise builds
 * a context per connection, and with an extra CA that means parsing every system root again: about 35 ms of
 * main-thread CPU per connection here. When the material cannot make a context (a wrong passphrase, a damaged key)
 * the plain options are returned, so the connection attempt fails exactly as it would have and is classified as
 * usual.
 */
export function sharedConnectOptions(tls: TlsMaterial): Record<string, unknown> {
  const options = connectOptions(tls);
  try {
    return { secureContext: createSecureContext(options) };
  } catch {
    return options;
  }
}

const tlsClientRejected = /ALERT_(CERTIFICATE_REQUIRED|BAD_CERTIFICATE|UNKNOWN_CA|CERTIFICATE_EXPIRED|CERTIFICATE_REVOKED|UNSUPPORTED_CERTIFICATE|CERTIFICATE_UNKNOWN|ACCESS_DENIED|HANDSHAKE_FAILURE|DECRYPT_ERROR)/;
const tlsServerUntrusted = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** Maps an undici/Node error onto a NexiError code; `retryable` when the request never reached the server. */
export function classifyTransportError(err: unknown): { code: NexiErrorCode; retryable: boolean; cause: string } {
  const e = err as { code?: string; name?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = e.code ?? e.cause?.code ?? '';
  const message = `${e.message ?? ''} ${e.cause?.message ?? ''}`;
  const cause = code || e.name || 'error';
  if (e.name === 'AbortError' || code === 'UND_ERR_ABORTED' || code === 'ABORT_ERR') return { code: 'CANCELLED', retryable: false, cause };
  if (tlsClientRejected.test(code) || tlsClientRejected.test(message.toUpperCase().replace(/ /g, '_'))) return { code: 'TLS_CLIENT_CERT_REJECTED', retryable: false, cause };
  if (tlsServerUntrusted.has(code)) return { code: 'TLS_SERVER_UNTRUSTED', retryable: false, cause };
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') return { code: 'TIMEOUT', retryable: code === 'UND_ERR_CONNECT_TIMEOUT', cause };
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return { code: 'DNS_FAILED', retryable: false, cause };
  if (code === 'ECONNREFUSED' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return { code: 'CONNECTION_FAILED', retryable: false, cause };
  if (/proxy/i.test(message) && /tunnel|407|!== 200/i.test(message)) return { code: 'PROXY_FAILED', retryable: false, cause };
  if (code === 'ECONNRESET' || code === 'EPIPE' || code === 'UND_ERR_SOCKET' || code === 'UND_ERR_CLOSED' || /other side closed|socket hang up/i.test(message)) {
    return { code: 'CONNECTION_RESET', retryable: true, cause };
  }
  return { code: 'UNEXPECTED_RESPONSE', retryable: false, cause };
}

/** One dispatcher per environment; `close()` when the environment's credentials change. */
export class Transport {
  readonly #options: TransportOptions;
  readonly #dispatchers = new Map<string, Undici.Dispatcher>();
  /** Origins that have answered at least once with this TLS material (a certificate refusal is then implausible). */
  readonly #answered = new Set<string>();

  constructor(options: TransportOptions) {
    this.#options = options;
  }

  #dispatcher(url: URL): Undici.Dispatcher {
    const proxy = resolveProxy(url, this.#options.proxy, this.#options.env ?? process.env);
    const key = proxy ?? '';
    let d = this.#dispatchers.get(key);
    if (!d) {
      const { Agent, ProxyAgent } = undici();
      const t = { ...defaultTimeouts, ...this.#options.timeouts };
      const connect = { ...sharedConnectOptions(this.#options.tls), timeout: t.connectMs };
      const common = { headersTimeout: t.headersMs, bodyTimeout: t.bodyMs, connections: this.#options.connections ?? 8, keepAliveTimeout: 30_000 };
      d = proxy ? new ProxyAgent({ uri: proxy, requestTls: connect, ...common }) : new Agent({ connect, ...common });
      this.#dispatchers.set(key, d);
    }
    return d;
  }

  async request(url: string, req: HttpRequest): Promise<HttpResponse> {
    const target = new URL(url);
    try {
      const res = await undici().request(target, {
        dispatcher: this.#dispatcher(target),
        method: req.method,
        headers: req.headers,
        ...(req.body !== undefined ? { body: req.body } : {}),
        ...(req.signal ? { signal: req.signal } : {}),
      });
      const body = await res.body.text();
      this.#answered.add(target.origin);
      // The body promise resolves a moment before undici puts the socket back in the pool; yielding once lets the
      // next call of a sequence (token → JWKS → check) reuse this connection instead of opening a second one.
      await new Promise((resolve) => setImmediate(resolve));
      return { status: res.statusCode, headers: res.headers, body };
    } catch (err) {
      let c = classifyTransportError(err);
      // Under TLS 1.3 a server that refuses our client certificate sends its alert after the handshake, and undici
      // reports only "other side closed". When a connection closes before anything was read, ask the server once
      // with a bare TLS connection and read its alert, so the user learns the real reason.
      if (c.code === 'CONNECTION_RESET' && !this.#answered.has(target.origin) && (err as { socket?: { bytesRead?: number } }).socket?.bytesRead === 0 && !resolveProxy(target, this.#options.proxy, this.#options.env ?? process.env)) {
        const diagnosed = await diagnoseTls(target, this.#options.tls, { ...defaultTimeouts, ...this.#options.timeouts }.connectMs);
        if (diagnosed) c = { code: diagnosed.code, retryable: false, cause: diagnosed.cause };
      }
      throw Object.assign(new NexiError(c.code, { cause: c.cause }), { retryable: c.retryable });
    }
  }

  async close(): Promise<void> {
    const all = [...this.#dispatchers.values()];
    this.#dispatchers.clear();
    await Promise.all(all.map((d) => d.close().catch(() => undefined)));
  }
}

/**
 * Opens one TLS connection with the same client options and reports a certificate problem the server signals
 * (alert) or the client finds (verification); undefined when the connection is fine or fails otherwise.
 */
export function diagnoseTls(url: URL, tls: TlsMaterial, timeoutMs: number): Promise<{ code: NexiErrorCode; cause: string } | undefined> {
  return new Promise((resolve) => {
    let settled = false;
    const done = (v: { code: NexiErrorCode; cause: string } | undefined): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(v);
    };
    const host = url.hostname.replace(/^\[|\]$/g, '');
    const socket = tlsConnect({ host, port: Number(url.port || 443), ...(/^[\d.:]+$/.test(host) ? {} : { servername: host }), ...connectOptions(tls) });
    const timer = setTimeout(() => done(undefined), Math.min(timeoutMs, 2000));
    let handshaken = false;
    socket.on('error', (err) => {
      const c = classifyTransportError(err);
      done(c.code === 'TLS_CLIENT_CERT_REJECTED' || c.code === 'TLS_SERVER_UNTRUSTED' ? { code: c.code, cause: c.cause } : undefined);
    });
    // The alert of a TLS 1.3 server arrives after secureConnect: keep reading until it does, or the server waits
    // for a request as a healthy server does.
    socket.on('secureConnect', () => {
      handshaken = true;
      socket.resume();
    });
    // Some servers (Node's own among them) refuse a client certificate by closing right after the handshake,
    // without an alert; a server that accepted it would wait for our request instead.
    socket.on('end', () => done(handshaken ? { code: 'TLS_CLIENT_CERT_REJECTED', cause: 'server closed the TLS connection right after the handshake' } : undefined));
  });
}

/** True for a NexiError the transport marked as safe to retry (the request never got an answer). */
export function isRetryable(err: unknown): boolean {
  return (err as { retryable?: boolean }).retryable === true;
}
