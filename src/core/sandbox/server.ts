// A strict local implementation of Nexi's B2B endpoints used by the toolkit — token, JWKS and checkTransaction
// (spec §14–15) — over HTTPS with mandatory client certificates. It checks everything a real server could: form
// encoding, client credentials, that the TLS client certificate belongs to the client, the JWE algorithms and key,
// the RS256 signature against the client certificate's key, every claim, jti replay, the terminal list, the body.
// Where Nexi's behaviour is not documented (the 200 body, which message a rejected assertion carries), the sandbox
// answers in the documented error shapes and says in the message what it checked; those choices are ours.
// One JSON log line per request (and per TLS rejection) with the verdict and the reason.
import { createHash, createPublicKey, generateKeyPair, randomBytes, X509Certificate, type KeyObject } from 'crypto';
import * as https from 'https';
import type { AddressInfo } from 'net';
import type { TLSSocket } from 'tls';
import type * as Jose from 'jose';
import { audienceOf, assertionAlgorithms, maxAssertionLifetime } from '../nexi/assertion';
import { endpoints } from '../nexi/client';
import type { SandboxPki } from './pki';
import { seedTransactions, type SandboxTransaction } from './transactions';

export interface SandboxApp {
  readonly clientId: string;
  readonly clientSecret: string;
  /** SHA-256 fingerprints (hex) of the client certificates registered for the app. */
  readonly certificates: readonly string[];
  /** Terminal ids of the merchant the app serves. */
  readonly terminals: readonly string[];
}

export interface SandboxLogLine {
  readonly time: string;
  readonly method?: string;
  readonly path?: string;
  readonly status?: number;
  readonly verdict: 'accepted' | 'rejected' | 'fault';
  readonly reason: string;
  readonly clientId?: string;
  readonly durationMs?: number;
  /** The client assertion's jti, for an accepted check (not a secret: it only ever identifies one assertion). */
  readonly jti?: string;
}

export type Fault = '500' | 'html502' | '503' | 'drop';

/** The sandbox's endpoints as fault plans name them. */
export type FaultEndpoint = 'token' | 'jwks' | 'check';
export const faultEndpoints: readonly FaultEndpoint[] = ['token', 'jwks', 'check'];

/**
 * A bad day to rehearse against: every Nth request to a targeted endpoint (counted per endpoint: N, 2N, …) fails;
 * when several apply to one request, a dropped connection wins over an HTML 502, which wins over a JSON failure.
 */
export interface FaultPlan {
  /** Every Nth request answers `failStatus` with a generic JSON body. */
  readonly failEvery?: number;
  readonly failStatus?: 500 | 502 | 503 | 504;
  /** Every Nth request answers a gateway's HTML 502 page. */
  readonly html502Every?: number;
  /** Every Nth request: the connection is closed before any answer. */
  readonly dropEvery?: number;
  /** Where the faults above apply (default: all three). */
  readonly endpoints?: readonly FaultEndpoint[];
  /** The encryption key is replaced after every N checkTransaction requests (the old one is forgotten). */
  readonly rotateJwksAfter?: number;
  /** Seconds added to the sandbox's clock (its Date header and every expiry and claim check). */
  readonly clockOffsetSeconds?: number;
  /** Lifetime of the access tokens it issues, in seconds. */
  readonly tokenTtlSeconds?: number;
  /** Milliseconds added before each answer. */
  readonly latencyMs?: number;
}

/**
 * How much the sandbox says when it refuses: 'opaque' as Nexi's documented errors (a bare 401 "Unauthorized" for
 * every authentication and assertion failure, 404 for an unknown transaction; the reason only in its own log and,
 * opt-in, the X-Sandbox-Reason header), or 'verbose' (the reason in the body, for people debugging).
 */
export type ErrorProfile = 'opaque' | 'verbose';

/**
 * A fault plan from untrusted input (a settings object): the known keys with valid values, the rest dropped, so a
 * typo in settings.json never breaks the sandbox.
 */
export function normaliseFaultPlan(raw: unknown): FaultPlan {
  if (!raw || typeof raw !== 'object') return {};
  const o = raw as Record<string, unknown>;
  const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : undefined);
  const plan: { -readonly [K in keyof FaultPlan]: FaultPlan[K] } = {};
  for (const key of ['failEvery', 'html502Every', 'dropEvery', 'rotateJwksAfter', 'tokenTtlSeconds'] as const) {
    const n = count(o[key]);
    if (n !== undefined) plan[key] = n;
  }
  if ([500, 502, 503, 504].includes(o.failStatus as number)) plan.failStatus = o.failStatus as 500 | 502 | 503 | 504;
  if (typeof o.clockOffsetSeconds === 'number' && Number.isInteger(o.clockOffsetSeconds)) plan.clockOffsetSeconds = o.clockOffsetSeconds;
  if (typeof o.latencyMs === 'number' && o.latencyMs >= 0) plan.latencyMs = o.latencyMs;
  if (Array.isArray(o.endpoints)) {
    const list = o.endpoints.filter((e): e is FaultEndpoint => (faultEndpoints as readonly unknown[]).includes(e));
    if (list.length) plan.endpoints = list;
  }
  return plan;
}

/** Request bodies larger than this are refused with 413 (checkTransaction and token bodies are tiny). */
export const maxBodyBytes = 64 * 1024;

export interface SandboxOptions {
  readonly pki: SandboxPki;
  readonly host?: string;
  readonly port?: number;
  /** Default: one app whose certificate is the PKI's client certificate, client id `sandbox-app`. */
  readonly apps?: readonly SandboxApp[];
  readonly transactions?: readonly SandboxTransaction[];
  readonly tokenLifetimeSeconds?: number;
  readonly log?: (line: SandboxLogLine) => void;
  /** Milliseconds since the epoch. */
  readonly now?: () => number;
  /** Default 'opaque', as Nexi answers. */
  readonly errorProfile?: ErrorProfile;
  /** Adds X-Sandbox-Reason (why a request was refused) to every refusal. */
  readonly reasonHeader?: boolean;
  readonly faults?: FaultPlan;
}

export interface SandboxStats {
  /** TLS handshakes completed (connection reuse is measured with it). */
  handshakes: number;
  /** Requests per endpoint. */
  requests: { token: number; jwks: number; checkTransaction: number; other: number };
  rejected: number;
}

interface IssuedToken {
  readonly clientId: string;
  readonly expiresAt: number;
}

interface EncryptionKeyPair {
  readonly kid: string;
  readonly privateKey: KeyObject;
  readonly jwk: Jose.JWK;
}

/** Sandbox-only endpoints (not part of Nexi's API). */
export const sandboxAdmin = { transactions: '/sandbox/transactions' } as const;

export const sandboxDefaults = {
  clientId: 'sandbox-app',
  clientSecret: 'sandbox-secret-not-for-production',
  softPosTerminalId: '38032131',
  mobilePosTerminalId: '30350039',
} as const;

const jsonType = { 'content-type': 'application/json' };

function jose(): typeof Jose {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('jose') as typeof Jose;
}

export function certificateFingerprint(pemOrDer: string | Buffer): string {
  return new X509Certificate(pemOrDer).fingerprint256.replace(/:/g, '').toLowerCase();
}

async function newEncryptionKey(): Promise<EncryptionKeyPair> {
  const { privateKey, publicKey } = await new Promise<{ privateKey: KeyObject; publicKey: KeyObject }>((resolve, reject) =>
    generateKeyPair('rsa', { modulusLength: 2048 }, (err, pub, priv) => (err ? reject(err) : resolve({ privateKey: priv, publicKey: pub }))),
  );
  const kid = `sandbox-${randomBytes(6).toString('hex')}`;
  const jwk = { ...(publicKey.export({ format: 'jwk' }) as Jose.JWK), kid, use: 'enc', alg: assertionAlgorithms.keyManagement };
  return { kid, privateKey, jwk };
}

interface PeerIdentity {
  /** The client certificate, DER. */
  readonly raw: Buffer;
  /** SHA-256 of `raw`, lower-case hex (what apps register). */
  readonly fingerprint: string;
}

class Rejection extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly reason: string,
    readonly headers: Record<string, string> = jsonType,
    /** What an opaque server answers instead (Nexi's documented generic errors); undefined: the same as verbose. */
    readonly opaque?: { readonly status: number; readonly body: unknown },
  ) {
    super(reason);
  }
}

// Nexi's documented generic bodies (spec §15.3).
const unauthorized = { status: 401, body: { statusCode: '401', message: 'Unauthorized' } };
const notFound = { status: 404, body: { statusCode: '404', message: 'Transaction not found' } };

// The published error shapes (spec §15.3).
const standard = (status: number, message: string): Rejection => new Rejection(status, { statusCode: String(status), message }, message);
const faqStyle = (message: string): Rejection => new Rejection(400, { statusCode: null, message, appVersionStatus: 'UNKNOWN' }, message);
const validation = (fieldErrors: Array<{ field: string; message: string }>): Rejection =>
  new Rejection(400, { statusCode: '400', message: 'Validation failed', appVersionStatus: 'UNKNOWN', fieldErrors }, `validation: ${fieldErrors.map((f) => `${f.field} ${f.message}`).join('; ')}`);
const assertionRejected = (why: string): Rejection => {
  const r = standard(400, `client_assertion rejected: ${why}`);
  return new Rejection(r.status, r.body, r.reason, jsonType, unauthorized);
};
/** A refusal of the caller's identity: verbose says why, opaque says 401 Unauthorized. */
const authRejected = (why: string): Rejection => new Rejection(401, { statusCode: '401', message: why }, why, jsonType, unauthorized);

export class Sandbox {
  readonly stats: SandboxStats = { handshakes: 0, requests: { token: 0, jwks: 0, checkTransaction: 0, other: 0 }, rejected: 0 };
  /** Added latency per request, in ms. */
  latencyMs = 0;
  /** Seconds added to the sandbox clock (a server whose clock differs from the client's). */
  clockOffsetSeconds = 0;
  tokenLifetimeSeconds: number;
  errorProfile: ErrorProfile;
  reasonHeader: boolean;
  #plan: FaultPlan = {};
  readonly #counts: Record<FaultEndpoint, number> = { token: 0, jwks: 0, check: 0 };
  #checksSinceRotation = 0;

  readonly #server: https.Server;
  readonly #apps: SandboxApp[];
  readonly #transactions = new Map<string, SandboxTransaction>();
  readonly #tokens = new Map<string, IssuedToken>();
  readonly #seenJti = new Map<string, number>();
  /** Earliest `exp` among the remembered jti values: the replay list is swept only once that has passed. */
  #nextJtiExpiry = Infinity;
  /** The client certificate of each connection and its fingerprint, read once per connection, not per request. */
  readonly #peers = new WeakMap<TLSSocket, PeerIdentity>();
  readonly #faults: Fault[] = [];
  /** Client certificate public keys by DER fingerprint (parsing X.509 per request costs more than the check). */
  readonly #certKeys = new Map<string, KeyObject>();
  readonly #log: ((line: SandboxLogLine) => void) | undefined;
  readonly #now: () => number;
  #key: EncryptionKeyPair;
  #url = '';

  private constructor(options: SandboxOptions, key: EncryptionKeyPair) {
    this.#key = key;
    this.#log = options.log;
    this.#now = options.now ?? Date.now;
    this.tokenLifetimeSeconds = options.tokenLifetimeSeconds ?? 3600;
    this.errorProfile = options.errorProfile ?? 'opaque';
    this.reasonHeader = options.reasonHeader ?? false;
    if (options.faults) this.setFaults(options.faults);
    this.#apps = [
      ...(options.apps ?? [
        {
          clientId: sandboxDefaults.clientId,
          clientSecret: sandboxDefaults.clientSecret,
          certificates: [certificateFingerprint(options.pki.client.certificate)],
          terminals: [sandboxDefaults.softPosTerminalId, sandboxDefaults.mobilePosTerminalId],
        },
      ]),
    ];
    for (const t of options.transactions ?? seedTransactions()) this.register(t);
    this.#server = https.createServer(
      {
        key: options.pki.server.privateKey,
        cert: options.pki.server.certificate,
        ca: [options.pki.ca.certificate],
        // Mandatory client certificates, verified against the sandbox CA (as Nexi's B2B host does with its own).
        // The check itself happens in 'secureConnection' below, so the log can say exactly why a client was turned
        // away; an unauthorized connection is closed before any request is read, as rejectUnauthorized would.
        requestCert: true,
        rejectUnauthorized: false,
      },
      (req, res) =>
        // Whatever goes wrong with one request (aborted, malformed, a bug) ends that request only.
        void this.#handle(req, res).catch((err: unknown) => {
          this.#write({ method: req.method ?? '?', path: req.url ?? '/', verdict: 'fault', reason: `request failed: ${(err as Error).message}` });
          if (!res.headersSent && !res.destroyed) this.#send(res, 400, { statusCode: '400', message: 'Bad Request' }, 'request failed');
          else res.destroy();
        }),
    );
    // Garbage instead of HTTP, or a parser error: close that connection, nothing else.
    this.#server.on('clientError', (_err: Error, socket: import('stream').Duplex) => socket.destroy());
    this.#server.keepAliveTimeout = 30_000;
    this.#server.on('secureConnection', (socket: TLSSocket) => {
      if (socket.authorized) {
        this.stats.handshakes++;
        return;
      }
      this.stats.rejected++;
      const presented = Boolean(socket.getPeerCertificate(false)?.raw);
      this.#write({ verdict: 'rejected', reason: presented ? `TLS: client certificate not trusted (${String(socket.authorizationError)})` : 'TLS: no client certificate' });
      socket.destroy();
    });
    this.#server.on('tlsClientError', (err: Error & { code?: string }) => {
      this.stats.rejected++;
      const reason = /CERTIFICATE_REQUIRED|PEER_DID_NOT_RETURN_A_CERTIFICATE/i.test(`${err.code} ${err.message}`)
        ? 'TLS: no client certificate'
        : /UNKNOWN_CA|CERTIFICATE_VERIFY_FAILED|UNABLE_TO_GET|SELF_SIGNED|certificate/i.test(`${err.code} ${err.message}`)
          ? 'TLS: client certificate not trusted'
          : `TLS: ${err.code ?? err.message}`;
      this.#write({ verdict: 'rejected', reason });
    });
  }

  static async start(options: SandboxOptions): Promise<Sandbox> {
    const sandbox = new Sandbox(options, await newEncryptionKey());
    await new Promise<void>((resolve, reject) => {
      sandbox.#server.once('error', reject);
      sandbox.#server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    const address = sandbox.#server.address() as AddressInfo;
    const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    sandbox.#url = `https://${host}:${address.port}`;
    return sandbox;
  }

  /** Base URL (token/JWKS base and the assertion's aud). */
  get url(): string {
    return this.#url;
  }

  get checkTransactionUrl(): string {
    return this.#url + endpoints.checkTransaction;
  }

  /** Current JWKS key id. */
  get kid(): string {
    return this.#key.kid;
  }

  get apps(): readonly SandboxApp[] {
    return this.#apps;
  }

  /** Adds (or replaces) a transaction that checkTransaction will find. */
  register(transaction: SandboxTransaction): void {
    this.#transactions.set(`${transaction.terminalId}\u0000${transaction.callerTrxId}`, transaction);
  }

  addApp(app: SandboxApp): void {
    this.#apps.push(app);
  }

  /** The next `count` requests fail with `fault` (500, an HTML 502 page, 503, or a dropped connection). */
  failNext(fault: Fault, count = 1): void {
    for (let i = 0; i < count; i++) this.#faults.push(fault);
  }

  /** Applies a fault plan (see FaultPlan); its counters start again. An empty plan clears the faults. */
  setFaults(plan: FaultPlan): void {
    this.#plan = plan;
    this.#counts.token = this.#counts.jwks = this.#counts.check = 0;
    this.#checksSinceRotation = 0;
    if (plan.clockOffsetSeconds !== undefined) this.clockOffsetSeconds = plan.clockOffsetSeconds;
    if (plan.tokenTtlSeconds !== undefined) this.tokenLifetimeSeconds = plan.tokenTtlSeconds;
    if (plan.latencyMs !== undefined) this.latencyMs = plan.latencyMs;
  }

  get faults(): FaultPlan {
    return this.#plan;
  }

  /** The fault the plan gives this request, if any (counted per targeted endpoint). */
  #planned(endpoint: FaultEndpoint | undefined): Fault | '502' | '504' | undefined {
    const plan = this.#plan;
    if (!endpoint || !(plan.endpoints ?? faultEndpoints).includes(endpoint)) return undefined;
    if (!plan.failEvery && !plan.html502Every && !plan.dropEvery) return undefined;
    const n = ++this.#counts[endpoint];
    const every = (k: number | undefined): boolean => !!k && k > 0 && n % k === 0;
    if (every(plan.dropEvery)) return 'drop';
    if (every(plan.html502Every)) return 'html502';
    if (every(plan.failEvery)) return String(plan.failStatus ?? 503) as '500' | '502' | '503' | '504';
    return undefined;
  }

  /** Writes an answer with the sandbox clock's Date header. */
  #send(res: import('http').ServerResponse, status: number, body: unknown, reason?: string, headers: Record<string, string> = jsonType): void {
    res.writeHead(status, { ...headers, date: new Date(this.#clock()).toUTCString(), ...(reason && this.reasonHeader ? { 'x-sandbox-reason': reason.replace(/[^\x20-\x7e]/g, '?') } : {}) });
    res.end(typeof body === 'string' ? body : JSON.stringify(body));
  }

  /** Replaces the encryption key: assertions encrypted for the old one are rejected as "unknown key". */
  async rotateJwks(): Promise<void> {
    this.#key = await newEncryptionKey();
  }

  /** Forgets issued tokens (as if they all expired). */
  expireTokens(): void {
    this.#tokens.clear();
  }

  /** How many tokens and jti values it remembers (they are swept when expired: memory stays flat). */
  get remembered(): { readonly tokens: number; readonly jti: number } {
    return { tokens: this.#tokens.size, jti: this.#seenJti.size };
  }

  /** Drops expired tokens; a pass at most once per 64 tokens issued keeps issuing O(1) amortised. */
  #sweepTokens(): void {
    if (++this.#issuedSinceSweep < 64) return;
    this.#issuedSinceSweep = 0;
    const now = this.#clock();
    for (const [token, t] of this.#tokens) if (t.expiresAt <= now) this.#tokens.delete(token);
  }
  #issuedSinceSweep = 0;

  async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.#server.close(() => resolve());
      this.#server.closeAllConnections();
    });
  }

  #clock(): number {
    return this.#now() + this.clockOffsetSeconds * 1000;
  }

  #write(line: Omit<SandboxLogLine, 'time'>): void {
    this.#log?.({ time: new Date(this.#clock()).toISOString(), ...line });
  }

  /** The body, read only up to maxBodyBytes; undefined when it is larger (the caller answers 413). */
  async #readBody(req: import('http').IncomingMessage): Promise<string | undefined> {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBodyBytes) return undefined;
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const c of req) {
      size += (c as Buffer).length;
      if (size > maxBodyBytes) return undefined;
      chunks.push(c as Buffer);
    }
    return Buffer.concat(chunks).toString('utf8');
  }

  async #handle(req: import('http').IncomingMessage, res: import('http').ServerResponse): Promise<void> {
    const started = Date.now();
    // A connection whose certificate was refused never gets here with a request: nothing of it is read.
    if (!(req.socket as TLSSocket).authorized) {
      req.socket.destroy();
      return;
    }
    const path = (req.url ?? '/').split('?')[0]!;
    const endpoint = path === endpoints.token ? 'token' : path === endpoints.jwks ? 'jwks' : path === endpoints.checkTransaction ? 'checkTransaction' : path === sandboxAdmin.transactions ? 'admin' : 'other';
    if (endpoint !== 'admin') this.stats.requests[endpoint]++;
    const base = { method: req.method ?? '?', path };
    const body = await this.#readBody(req);
    if (body === undefined) {
      this.#write({ ...base, status: 413, verdict: 'rejected', reason: `body larger than ${maxBodyBytes} bytes`, durationMs: Date.now() - started });
      res.setHeader('connection', 'close');
      this.#send(res, 413, { statusCode: '413', message: 'Payload Too Large' }, `body larger than ${maxBodyBytes} bytes`);
      req.socket.end();
      return;
    }
    if (this.latencyMs > 0) await new Promise((r) => setTimeout(r, this.latencyMs));
    const fault = this.#faults.shift() ?? this.#planned(endpoint === 'checkTransaction' ? 'check' : endpoint === 'token' || endpoint === 'jwks' ? endpoint : undefined);
    if (fault) {
      this.#write({ ...base, verdict: 'fault', reason: `injected ${fault}`, ...(fault === 'drop' ? {} : { status: fault === 'html502' ? 502 : Number(fault) }), durationMs: Date.now() - started });
      if (fault === 'drop') {
        req.socket.destroy();
        return;
      }
      if (fault === 'html502') {
        this.#send(res, 502, '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1><p>sandbox fault injection</p></body></html>', 'injected html502', { 'content-type': 'text/html; charset=utf-8' });
        return;
      }
      const phrase: Record<string, string> = { '500': 'Internal Server Error', '502': 'Bad Gateway', '503': 'Service Unavailable', '504': 'Gateway Timeout' };
      this.#send(res, Number(fault), { statusCode: fault, message: phrase[fault] ?? 'Error' }, `injected ${fault}`);
      return;
    }
    let clientId: string | undefined;
    try {
      const peer = this.#peer(req.socket as TLSSocket);
      if (!peer) throw authRejected('no client certificate');
      let out: { status: number; body: unknown };
      if (endpoint === 'token') out = this.#token(req, body, peer.fingerprint);
      else if (endpoint === 'jwks') out = this.#jwks(req);
      else if (endpoint === 'checkTransaction') out = await this.#check(req, body, peer);
      else if (endpoint === 'admin') out = this.#admin(req, body, peer.fingerprint);
      else throw standard(404, `no such endpoint in the sandbox: ${req.method} ${path}`);
      clientId = (out as { clientId?: string }).clientId;
      await this.#maybeRotate(endpoint);
      this.#send(res, out.status, out.body);
      const jti = (out as { jti?: string }).jti;
      this.#write({ ...base, status: out.status, verdict: 'accepted', reason: endpoint === 'checkTransaction' ? 'transaction found' : endpoint === 'admin' ? 'transaction registered' : 'ok', ...(clientId ? { clientId } : {}), ...(jti ? { jti } : {}), durationMs: Date.now() - started });
    } catch (err) {
      const r = err instanceof Rejection ? err : standard(500, `sandbox error: ${(err as Error).message}`);
      this.stats.rejected++;
      await this.#maybeRotate(endpoint);
      // Opaque: what Nexi documents (a bare Unauthorized); the reason stays in the log (and X-Sandbox-Reason).
      const answer = this.errorProfile === 'opaque' && r.opaque ? r.opaque : { status: r.status, body: r.body };
      this.#send(res, answer.status, answer.body, r.reason, r.headers);
      this.#write({ ...base, status: answer.status, verdict: 'rejected', reason: r.reason, durationMs: Date.now() - started });
    }
  }

  /** With rotateJwksAfter, every Nth checkTransaction request is followed by a new encryption key. */
  async #maybeRotate(endpoint: string): Promise<void> {
    const every = this.#plan.rotateJwksAfter;
    if (endpoint !== 'checkTransaction' || !every || every < 1) return;
    if (++this.#checksSinceRotation < every) return;
    this.#checksSinceRotation = 0;
    await this.rotateJwks();
    this.#write({ verdict: 'fault', reason: `JWKS rotated (kid ${this.#key.kid})` });
  }

  #token(req: import('http').IncomingMessage, body: string, fingerprint: string): { status: number; body: unknown; clientId: string } {
    const oauth = (status: number, error: string, description: string): Rejection => new Rejection(status, { error, error_description: description }, `${error}: ${description}`);
    if (req.method !== 'POST') throw oauth(405, 'invalid_request', 'use POST');
    if (!/^application\/x-www-form-urlencoded\b/i.test(req.headers['content-type'] ?? '')) throw oauth(400, 'invalid_request', 'the body must be application/x-www-form-urlencoded (spec §14.3)');
    const form = new URLSearchParams(body);
    for (const k of form.keys()) if (form.getAll(k).length > 1) throw oauth(400, 'invalid_request', `parameter ${k} repeated`);
    if (form.get('grant_type') !== 'client_credentials') throw oauth(400, 'unsupported_grant_type', 'grant_type must be client_credentials');
    const app = this.#apps.find((a) => a.clientId === form.get('client_id'));
    const refused = (why: string): Rejection => {
      const r = oauth(401, 'invalid_client', why);
      return new Rejection(r.status, r.body, r.reason, jsonType, unauthorized);
    };
    if (!app || app.clientSecret !== form.get('client_secret')) throw refused('unknown client_id or wrong client_secret');
    if (!app.certificates.includes(fingerprint)) throw refused('the TLS client certificate is not registered for this client_id');
    this.#sweepTokens();
    const token = randomBytes(32).toString('base64url');
    this.#tokens.set(token, { clientId: app.clientId, expiresAt: this.#clock() + this.tokenLifetimeSeconds * 1000 });
    return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: this.tokenLifetimeSeconds }, clientId: app.clientId };
  }

  /** Not a Nexi endpoint: lets the POS simulator of another process register a transaction (mTLS, a known app's certificate). */
  #admin(req: import('http').IncomingMessage, body: string, fingerprint: string): { status: number; body: unknown } {
    if (req.method !== 'POST') throw standard(405, 'use POST');
    if (!this.#apps.some((a) => a.certificates.includes(fingerprint))) throw standard(403, 'only a registered app certificate may register transactions');
    let tx: SandboxTransaction;
    try {
      tx = JSON.parse(body) as SandboxTransaction;
    } catch {
      throw validation([{ field: 'body', message: 'is not JSON' }]);
    }
    const missing = (['terminalId', 'callerTrxId', 'status', 'amount'] as const).filter((k) => typeof tx[k] !== 'string' || tx[k] === '');
    if (missing.length) throw validation(missing.map((field) => ({ field, message: 'must not be blank' })));
    this.register(tx);
    return { status: 201, body: { registered: `${tx.terminalId}/${tx.callerTrxId}` } };
  }

  #jwks(req: import('http').IncomingMessage): { status: number; body: unknown } {
    if (req.method !== 'GET') throw standard(405, 'use GET');
    return { status: 200, body: { keys: [this.#key.jwk] } };
  }

  /** The connection's client certificate (DER) and its SHA-256 fingerprint; undefined when it presented none. */
  #peer(socket: TLSSocket): PeerIdentity | undefined {
    let peer = this.#peers.get(socket);
    if (!peer) {
      const raw = socket.getPeerCertificate(false)?.raw;
      if (!raw) return undefined;
      peer = { raw, fingerprint: createHash('sha256').update(raw).digest('hex') };
      this.#peers.set(socket, peer);
    }
    return peer;
  }

  async #check(req: import('http').IncomingMessage, body: string, peer: PeerIdentity): Promise<{ status: number; body: unknown; clientId: string; jti: string }> {
    if (req.method !== 'POST') throw standard(405, 'use POST');
    const auth = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    const issued = auth ? this.#tokens.get(auth) : undefined;
    // spec §15.3 / FAQ: the 401 body of an expired token is {"errcode":"401","errmsg":"Unauthorized"}.
    if (!issued || issued.expiresAt <= this.#clock()) throw new Rejection(401, { errcode: '401', errmsg: 'Unauthorized' }, issued ? 'access token expired' : 'no or unknown access token');
    const app = this.#apps.find((a) => a.clientId === issued.clientId)!;
    if (req.headers.client_id !== app.clientId) throw authRejected('client_id header does not match the access token');
    if (!app.certificates.includes(peer.fingerprint)) throw authRejected('the TLS client certificate is not registered for this client_id');
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) throw standard(415, 'Content-Type must be application/json');
    let payload: unknown;
    try {
      payload = JSON.parse(body);
    } catch {
      throw validation([{ field: 'body', message: 'is not JSON' }]);
    }
    const p = (payload ?? {}) as { terminalId?: unknown; callerTrxId?: unknown };
    const fields: Array<{ field: string; message: string }> = [];
    if (typeof p.terminalId !== 'string' || p.terminalId === '') fields.push({ field: 'terminalId', message: 'must not be blank' });
    // Nexi marks callerTrxId "No (but necessary for lookup)"; the sandbox requires it [inference].
    if (p.callerTrxId !== undefined && typeof p.callerTrxId !== 'string') fields.push({ field: 'callerTrxId', message: 'must be a string' });
    if (p.callerTrxId === undefined || p.callerTrxId === '') fields.push({ field: 'callerTrxId', message: 'must not be blank (the lookup needs it)' });
    if (fields.length) throw validation(fields);
    const terminalId = p.terminalId as string;
    const callerTrxId = p.callerTrxId as string;

    const claims = await this.#verifyAssertion(req.headers.client_assertion, peer, app);
    const terminals = claims.terminal_ids as unknown;
    if (!Array.isArray(terminals) || terminals.length < 1 || terminals.length > 2 || !terminals.every((t) => typeof t === 'string')) throw assertionRejected('terminal_ids must list one or two terminal ids');
    if (!terminals.includes(terminalId)) throw assertionRejected(`terminal_ids does not include the requested terminalId ${terminalId}`);
    const foreign = (terminals as string[]).find((t) => !app.terminals.includes(t));
    if (foreign || !app.terminals.includes(terminalId)) throw faqStyle('Terminal not found.');
    const tx = this.#transactions.get(`${terminalId}\u0000${callerTrxId}`);
    if (!tx) {
      // The FAQ's real body (HTTP 400) when verbose; the documented 404 when opaque (spec §15.3).
      const r = faqStyle(`Transaction for terminalId ${terminalId} not found.`);
      throw new Rejection(r.status, r.body, r.reason, jsonType, notFound);
    }
    return { status: 200, body: tx, clientId: app.clientId, jti: String(claims.jti) };
  }

  async #verifyAssertion(header: string | string[] | undefined, peer: PeerIdentity, app: SandboxApp): Promise<Record<string, unknown>> {
    if (typeof header !== 'string' || header === '') throw assertionRejected('the client_assertion header is missing');
    const parts = header.split('.');
    if (parts.length !== 5) throw assertionRejected('not a compact JWE (5 parts expected)');
    const j = jose();
    let protectedHeader: Jose.ProtectedHeaderParameters;
    try {
      protectedHeader = j.decodeProtectedHeader(header);
    } catch {
      throw assertionRejected('the JWE header is not readable');
    }
    if (protectedHeader.alg !== assertionAlgorithms.keyManagement) throw assertionRejected(`JWE alg must be ${assertionAlgorithms.keyManagement}, got ${String(protectedHeader.alg)}`);
    if (protectedHeader.enc !== assertionAlgorithms.contentEncryption) throw assertionRejected(`JWE enc must be ${assertionAlgorithms.contentEncryption}, got ${String(protectedHeader.enc)}`);
    if (protectedHeader.kid !== undefined && protectedHeader.kid !== this.#key.kid) throw assertionRejected(`unknown encryption key (kid ${protectedHeader.kid}); fetch the JWKS again`);
    let jws: string;
    try {
      const { plaintext } = await j.compactDecrypt(header, this.#key.privateKey, {
        keyManagementAlgorithms: [assertionAlgorithms.keyManagement],
        contentEncryptionAlgorithms: [assertionAlgorithms.contentEncryption],
      });
      jws = new TextDecoder().decode(plaintext);
    } catch {
      throw assertionRejected('decryption failed: unknown key or damaged JWE');
    }
    let certKey = this.#certKeys.get(peer.fingerprint);
    if (!certKey) {
      certKey = createPublicKey(new X509Certificate(peer.raw).publicKey.export({ format: 'pem', type: 'spki' }));
      this.#certKeys.set(peer.fingerprint, certKey);
    }
    let claims: Record<string, unknown>;
    try {
      const { payload, protectedHeader: sigHeader } = await j.compactVerify(jws, certKey, { algorithms: [assertionAlgorithms.signature] });
      if (sigHeader.alg !== assertionAlgorithms.signature) throw new Error('alg');
      claims = JSON.parse(new TextDecoder().decode(payload)) as Record<string, unknown>;
    } catch {
      throw assertionRejected(`the inner JWS is not an ${assertionAlgorithms.signature} signature by the TLS client certificate's key`);
    }
    const now = Math.floor(this.#clock() / 1000);
    for (const c of ['iss', 'sub', 'appId'] as const) if (claims[c] !== app.clientId) throw assertionRejected(`${c} must be the client id`);
    if (claims.aud !== audienceOf(this.#url)) throw assertionRejected(`aud must be ${audienceOf(this.#url)} (scheme, host, no trailing slash), got ${JSON.stringify(claims.aud)}`);
    if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') throw assertionRejected('iat and exp must be numbers (seconds)');
    // [FAQ PAR 400]: a clock behind is tolerated, a clock ahead even by seconds is rejected.
    if (claims.iat > now) throw assertionRejected(`iat is ${claims.iat - now} s in the future (is the client's clock ahead?)`);
    if (claims.exp <= now) throw assertionRejected('the assertion has expired (exp is in the past)');
    if (claims.exp - claims.iat > maxAssertionLifetime) throw assertionRejected(`exp is more than ${maxAssertionLifetime} s after iat`);
    if (typeof claims.jti !== 'string' || claims.jti === '') throw assertionRejected('jti is missing');
    this.#forgetExpiredJti(now);
    if (this.#seenJti.has(claims.jti)) throw assertionRejected(`jti ${claims.jti} was already used (replay)`);
    this.#seenJti.set(claims.jti, claims.exp);
    this.#nextJtiExpiry = Math.min(this.#nextJtiExpiry, claims.exp);
    if (claims.app_username_merchant !== undefined && (typeof claims.app_username_merchant !== 'string' || !/^[^@\s]+@[^@\s]+$/.test(claims.app_username_merchant))) {
      throw assertionRejected('app_username_merchant must be an e-mail address');
    }
    return claims;
  }

  /** Drops jti values whose assertion has expired (a replay of those fails on exp anyway); a pass only when one has. */
  #forgetExpiredJti(now: number): void {
    if (now <= this.#nextJtiExpiry) return;
    let next = Infinity;
    for (const [jti, exp] of this.#seenJti) {
      if (exp < now) this.#seenJti.delete(jti);
      else next = Math.min(next, exp);
    }
    this.#nextJtiExpiry = next;
  }
}
