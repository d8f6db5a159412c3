// The environments credentials belong to: Nexi's STG and PROD (spec §14.1), the local sandbox, and environments
// the user defines. Pure: the editor adapter reads the settings and hands them in; this module validates them and
// resolves every URL a B2B call needs, so the checkTransaction runner, the CLI and the tree all agree.

import { translatedMessages } from './l10n';

/**
 * What the environment checks tell the user (other languages: the l10n bundles), read at call time. Most are
 * predicates completing a setting name ("nexi.endpoints.stg.baseUrl is empty: …").
 */
export const environmentMessagesEn = {
  urlEmpty: 'is empty: enter an https:// URL.',
  urlNotUrl: '"{value}" is not a URL: enter it as https://host/path.',
  urlNotHttps: '"{value}" does not use https://: credentials are only ever sent over TLS.',
  urlHasCredentials: '"{origin}…" carries a user name or password: remove it; credentials live in SecretStorage.',
  urlHasQuery: '"{value}" has a query or fragment: enter the URL without "?…" or "#…".',
  idMissing: 'needs an id, e.g. "uat".',
  idInvalid: '"{id}" is not a valid id: use lower-case letters, digits and "-", starting with a letter (at most 32).',
  idBuiltIn: '"{id}" is a built-in environment: pick another id.',
  idTwice: '"{id}" is defined twice: ids must be unique.',
  sandboxUnusableUrl: 'the local sandbox published an unusable URL.',
  sandboxNotRunning: 'the local sandbox is not running.',
  customNotList: 'nexi.endpoints.custom must be a list of environments.',
  customNotObject: '{where} must be an object with id, baseUrl and checkTransactionUrl.',
  customUrlProblem: '{where} ({id}): a URL {problem}',
} as const;

const say = translatedMessages('environments.messages', environmentMessagesEn);

export type BuiltInEnvironmentId = 'stg' | 'prod' | 'sandbox';

export type EnvironmentKind = 'staging' | 'production' | 'sandbox' | 'custom';

/** Which developer certificate belongs here: spec §14.2's staging CSR names `OU=API Security - STAGING`. */
export type CertificateFlavour = 'staging' | 'production' | 'any';

export interface Endpoints {
  /** B2B base (FQDN with scheme): token, JWKS and PAR hang off it, and it is the client assertion's `aud`. */
  readonly baseUrl: string;
  /** checkTransaction is configurable on its own: Nexi's Java sample uses another staging host (spec §14.1). */
  readonly checkTransactionUrl: string;
}

export interface Environment {
  readonly id: string;
  readonly label: string;
  readonly kind: EnvironmentKind;
  /** Calls to it go through the PROD guard (a modal confirmation). */
  readonly production: boolean;
  readonly certificateFlavour: CertificateFlavour;
  /** Undefined while the endpoints are unknown (the sandbox is not running) or invalid (see `problem`). */
  readonly endpoints?: Endpoints;
  /** Why `endpoints` is missing, written for the user (in the core locale when the environments were resolved). */
  readonly problem?: string;
  /** Nexi's portal for this environment (apps, client id and secret, CSR upload), when there is one. */
  readonly portalUrl?: string;
}

// spec §14.1 (documented hosts; the staging checkTransaction default is the documented one, not the sample's).
export const documentedEndpoints: Readonly<Record<'stg' | 'prod', Endpoints>> = {
  stg: { baseUrl: 'https://stgb2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://stgb2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction' },
  prod: { baseUrl: 'https://b2bsoftpos.nexigroup.com', checkTransactionUrl: 'https://b2bsoftpos.nexigroup.com/mpos-core/app/checkTransaction' },
};

export const portalUrls: Readonly<Record<'stg' | 'prod', string>> = {
  stg: 'https://stgposweb.nexi.it/login',
  prod: 'https://posweb.nexi.it/login',
};

export const builtInIds: readonly BuiltInEnvironmentId[] = ['stg', 'prod', 'sandbox'];

/** A user-defined environment as written in the `nexi.endpoints.custom` setting. */
export interface CustomEnvironmentSetting {
  readonly id: string;
  readonly label?: string;
  readonly baseUrl: string;
  readonly checkTransactionUrl: string;
  /** Treat as production (PROD guard, no staging certificate). Also implied when a URL points at Nexi's PROD host. */
  readonly production?: boolean;
}

export interface EnvironmentSettings {
  readonly stg?: Partial<Endpoints>;
  readonly prod?: Partial<Endpoints>;
  /** The raw `nexi.endpoints.custom` value (validated here: settings files can hold anything). */
  readonly custom?: unknown;
  /** Published by a running local sandbox; undefined while none runs. */
  readonly sandbox?: Endpoints;
}

export interface EnvironmentProblem {
  /** The environment id, or `custom[i]` for an entry without a usable id. */
  readonly where: string;
  readonly message: string;
}

/** B2B URLs derived from an environment's endpoints (spec §14.3–14.6, §15). */
export interface B2bUrls {
  readonly token: string;
  readonly jwks: string;
  readonly par: string;
  /** The client assertion's `aud`: the base URL including the scheme (spec §14.6). */
  readonly audience: string;
  readonly checkTransaction: string;
}

export function b2bUrls(endpoints: Endpoints): B2bUrls {
  const base = endpoints.baseUrl.replace(/\/+$/, '');
  return {
    token: `${base}/softpos/appenrollment/token`,
    jwks: `${base}/softpos/par/jwks.json`,
    par: `${base}/softpos/as/par`,
    audience: base,
    checkTransaction: endpoints.checkTransactionUrl,
  };
}

const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Checks one endpoint URL. Credentials only ever travel over TLS, so https is required; the local sandbox alone may
 * use plain http, and only on a loopback address. Returns a message for the user (current core locale), or undefined
 * when the URL is fine.
 */
export function validateEndpointUrl(value: unknown, options: { allowLoopbackHttp?: boolean } = {}): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return say('urlEmpty');
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return say('urlNotUrl', { value });
  }
  const loopbackHttp = options.allowLoopbackHttp && url.protocol === 'http:' && loopbackHosts.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return say('urlNotHttps', { value });
  if (url.username || url.password) return say('urlHasCredentials', { origin: url.origin });
  if (url.search || url.hash) return say('urlHasQuery', { value });
  return undefined;
}

/** Normalises a checked URL: no surrounding spaces, no trailing slash on a bare host. */
function normaliseUrl(value: string): string {
  const url = new URL(value.trim());
  return url.pathname === '/' ? url.origin : url.href.replace(/\/+$/, '');
}

const idPattern = /^[a-z][a-z0-9-]{0,31}$/;

/** Checks the id of a user-defined environment; it also names its secrets (`nexi.<id>.<field>`). */
export function validateEnvironmentId(id: unknown, taken: readonly string[] = []): string | undefined {
  if (typeof id !== 'string' || id === '') return say('idMissing');
  if (!idPattern.test(id)) return say('idInvalid', { id });
  if ((builtInIds as readonly string[]).includes(id)) return say('idBuiltIn', { id });
  if (taken.includes(id)) return say('idTwice', { id });
  return undefined;
}

function resolveEndpoints(id: string, given: Partial<Endpoints> | undefined, defaults: Endpoints): { endpoints?: Endpoints; problem?: string } {
  const baseUrl = given?.baseUrl ?? defaults.baseUrl;
  const checkTransactionUrl = given?.checkTransactionUrl ?? defaults.checkTransactionUrl;
  const baseProblem = validateEndpointUrl(baseUrl);
  if (baseProblem) return { problem: `nexi.endpoints.${id}.baseUrl ${baseProblem}` };
  const checkProblem = validateEndpointUrl(checkTransactionUrl);
  if (checkProblem) return { problem: `nexi.endpoints.${id}.checkTransactionUrl ${checkProblem}` };
  return { endpoints: { baseUrl: normaliseUrl(baseUrl), checkTransactionUrl: normaliseUrl(checkTransactionUrl) } };
}

const prodHost = new URL(documentedEndpoints.prod.baseUrl).hostname;
const stgHost = new URL(documentedEndpoints.stg.baseUrl).hostname;

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname;
  } catch {
    return undefined;
  }
}

/** Built-in environments first (STG, PROD, Sandbox), then the user's, in settings order. */
export function resolveEnvironments(settings: EnvironmentSettings): { environments: Environment[]; problems: EnvironmentProblem[] } {
  const problems: EnvironmentProblem[] = [];
  const environments: Environment[] = [];

  const stg = resolveEndpoints('stg', settings.stg, documentedEndpoints.stg);
  environments.push({ id: 'stg', label: 'STG', kind: 'staging', production: false, certificateFlavour: 'staging', portalUrl: portalUrls.stg, ...stg });
  const prod = resolveEndpoints('prod', settings.prod, documentedEndpoints.prod);
  environments.push({ id: 'prod', label: 'PROD', kind: 'production', production: true, certificateFlavour: 'production', portalUrl: portalUrls.prod, ...prod });
  for (const [id, r] of [['stg', stg], ['prod', prod]] as const) if (r.problem) problems.push({ where: id, message: r.problem });

  const sandbox: { endpoints?: Endpoints; problem?: string } = settings.sandbox
    ? validateEndpointUrl(settings.sandbox.baseUrl, { allowLoopbackHttp: true }) ?? validateEndpointUrl(settings.sandbox.checkTransactionUrl, { allowLoopbackHttp: true })
      ? { problem: say('sandboxUnusableUrl') }
      : { endpoints: { baseUrl: normaliseUrl(settings.sandbox.baseUrl), checkTransactionUrl: normaliseUrl(settings.sandbox.checkTransactionUrl) } }
    : { problem: say('sandboxNotRunning') };
  environments.push({ id: 'sandbox', label: 'Sandbox', kind: 'sandbox', production: false, certificateFlavour: 'any', ...sandbox });

  const custom = settings.custom ?? [];
  if (!Array.isArray(custom)) {
    problems.push({ where: 'custom', message: say('customNotList') });
    return { environments, problems };
  }
  const taken: string[] = [];
  custom.forEach((entry: unknown, i) => {
    const where = `nexi.endpoints.custom[${i}]`;
    if (typeof entry !== 'object' || entry === null) {
      problems.push({ where, message: say('customNotObject', { where }) });
      return;
    }
    const e = entry as Partial<Record<keyof CustomEnvironmentSetting, unknown>>;
    const idProblem = validateEnvironmentId(e.id, taken);
    if (idProblem) {
      problems.push({ where, message: `${where} ${idProblem}` });
      return;
    }
    const id = e.id as string;
    taken.push(id);
    const label = typeof e.label === 'string' && e.label.trim() ? e.label.trim() : id;
    const urlProblem = validateEndpointUrl(e.baseUrl) ?? validateEndpointUrl(e.checkTransactionUrl);
    const endpoints = urlProblem ? undefined : { baseUrl: normaliseUrl(e.baseUrl as string), checkTransactionUrl: normaliseUrl(e.checkTransactionUrl as string) };
    // A user-defined environment that talks to Nexi's PROD host is production, whatever its flag says.
    const production = e.production === true || [e.baseUrl, e.checkTransactionUrl].some((u) => typeof u === 'string' && hostOf(u) === prodHost);
    const staging = !production && typeof e.baseUrl === 'string' && hostOf(e.baseUrl) === stgHost;
    const problem = urlProblem ? say('customUrlProblem', { where, id, problem: urlProblem }) : undefined;
    if (problem) problems.push({ where: id, message: problem });
    environments.push({
      id,
      label,
      kind: 'custom',
      production,
      certificateFlavour: production ? 'production' : staging ? 'staging' : 'any',
      ...(endpoints ? { endpoints } : {}),
      ...(problem ? { problem } : {}),
    });
  });
  return { environments, problems };
}
