// Runs checkTransaction for an environment. Credentials are read from SecretStorage right before each check and
// never kept beyond the client they configure; one client per environment is reused while the credentials stay the
// same (so token, JWKS and the TLS connection are reused), and dropped when they change. Every call to a production
// environment goes through the PROD guard first. The last 100 checks are remembered in globalState, identifiers and
// outcomes only.
import { createHash } from 'crypto';
import * as vscode from 'vscode';
import type { Environment } from '../core/environments';
import type { CheckResult, NexiClient, TokenState } from '../core/nexi/client';
import { NexiError } from '../core/nexi/errors';
import type { HistoryEntry } from '../core/nexi/fromCredentials';
import type { EnvironmentService } from './environments';
import type { Logger } from './log';
import type { ProdGuard } from './prodGuard';
import type { CredentialStore } from './credentialStore';
import { DisposableService } from './disposable';

const historyKey = 'nexi.checkHistory';

function notConfirmed(): NexiError {
  return new NexiError('CANCELLED', { reason: { kind: 'notConfirmed' } });
}

export interface CheckOutcome {
  readonly environment: Environment;
  readonly terminalId: string;
  readonly callerTrxId: string;
  readonly at: string;
  readonly result?: CheckResult;
  readonly error?: NexiError;
  /** Secret values of the environment, for redacting whatever is shown (the caller forgets them). */
  readonly secrets: readonly string[];
}

interface CachedClient {
  readonly fingerprint: string;
  readonly client: NexiClient;
}

export class CheckService extends DisposableService {
  private readonly clients = new Map<string, CachedClient>();
  private readonly changed = this.own(new vscode.EventEmitter<void>());
  /** Fires when the history changes (after every check, so token states may have changed too). */
  readonly onDidChangeHistory = this.changed.event;

  constructor(
    environments: EnvironmentService,
    private readonly store: CredentialStore,
    private readonly prodGuard: ProdGuard,
    private readonly globalState: vscode.Memento,
    private readonly log: Logger,
  ) {
    super();
    // Changed credentials or endpoints: the next check builds a new client (old ones close their connections).
    // Only the changed environment's client goes: the others keep their connections and tokens.
    store.onDidChange((environmentId) => this.dropClient(environmentId), this, this.disposables);
    environments.onDidChange(() => this.dropClients(), this, this.disposables);
  }

  /** The client for an environment, or a CREDENTIALS_INCOMPLETE error naming what is missing. */
  private async client(environment: Environment): Promise<{ client: NexiClient; secrets: string[] }> {
    if (!environment.endpoints) {
      throw new NexiError('CREDENTIALS_INCOMPLETE', { reason: { kind: 'noEndpoints', environment: environment.label, problem: environment.problem } });
    }
    // How credentials become a connection is a chunk too, loaded with the first check (issue 17 item 4).
    const [values, { connectionFromCredentials, secretValues }] = await Promise.all([this.store.read(environment.id), import('../core/nexi/fromCredentials')]);
    const secrets = secretValues(values);
    for (const s of secrets) this.log.addKnownSecret(s);
    const proxy = proxySetting();
    const connection = connectionFromCredentials(environment.endpoints, values, {
      onEvent: (e) => this.log.debug(`${environment.id} ${JSON.stringify(e)}`),
      ...(proxy ? { proxy } : {}),
    });
    if ('missing' in connection) {
      throw new NexiError('CREDENTIALS_INCOMPLETE', { reason: { kind: 'missing', environment: environment.label, missing: connection.missing } });
    }
    // The client (undici, jose and the token/JWKS logic) is a chunk loaded by the first check (issue 17 item 4);
    // awaited before the cache is read, so the lookup and the insertion below stay one synchronous step.
    const { createClient } = await import('../core/nexi/connection');
    const fingerprint = createHash('sha256').update(JSON.stringify([environment.endpoints, values])).digest('hex');
    const cached = this.clients.get(environment.id);
    if (cached?.fingerprint === fingerprint) return { client: cached.client, secrets };
    if (cached) void cached.client.close();
    const client = createClient(connection.settings);
    this.clients.set(environment.id, { fingerprint, client });
    return { client, secrets };
  }

  /** The claims an assertion for `terminalId` would carry, without any network call (and without key material). */
  async claims(environment: Environment, terminalId: string): Promise<Record<string, unknown>> {
    const { client } = await this.client(environment);
    return { ...client.claimsFor(terminalId) };
  }

  async check(environment: Environment, terminalId: string, callerTrxId: string, signal?: AbortSignal): Promise<CheckOutcome> {
    const at = new Date().toISOString();
    let secrets: string[] = [];
    try {
      const c = await this.client(environment);
      secrets = c.secrets;
      if (!(await this.prodGuard.allow(environment, `checkTransaction for terminal ${terminalId}`, vscode.l10n.t('checkTransaction for terminal {0}', terminalId)))) throw notConfirmed();
      const result = await c.client.checkTransaction({ terminalId, callerTrxId }, signal ? { signal } : {});
      this.log.info(`checkTransaction ${environment.id} terminal ${terminalId}: found (${result.attempts} attempt(s), ${result.durationMs} ms)`);
      await this.remember({ environmentId: environment.id, environmentLabel: environment.label, terminalId, callerTrxId, at, outcome: 'found', ...(typeof result.transaction.status === 'string' ? { status: result.transaction.status } : {}) });
      return { environment, terminalId, callerTrxId, at, result, secrets };
    } catch (err) {
      if (!(err instanceof NexiError)) throw err;
      this.log.info(`checkTransaction ${environment.id} terminal ${terminalId}: ${err.code}`);
      if (err.code !== 'CANCELLED') await this.remember({ environmentId: environment.id, environmentLabel: environment.label, terminalId, callerTrxId, at, outcome: err.code });
      return { environment, terminalId, callerTrxId, at, error: err, secrets };
    }
  }

  /**
   * A check function for many calls in a row (reconciliation): the PROD guard asks once for the whole batch, the
   * calls share one client (token, JWKS, connections), and their outcomes reach the history together when the batch
   * is finished (one write, and one refresh of the Checks view, instead of one per call).
   */
  async batch(
    environment: Environment,
    count: number,
  ): Promise<{ check: (terminalId: string, callerTrxId: string, signal?: AbortSignal) => Promise<Record<string, unknown>>; secrets: string[]; finish: () => Promise<void> }> {
    const { client, secrets } = await this.client(environment);
    const shown = count === 1 ? vscode.l10n.t('1 checkTransaction call (reconciliation)') : vscode.l10n.t('{0} checkTransaction calls (reconciliation)', count);
    if (!(await this.prodGuard.allow(environment, `${count} checkTransaction call(s) (reconciliation)`, shown))) throw notConfirmed();
    const done: HistoryEntry[] = [];
    const base = { environmentId: environment.id, environmentLabel: environment.label, via: 'reconciliation' as const };
    return {
      check: async (terminalId, callerTrxId, signal) => {
        const at = new Date().toISOString();
        try {
          const { transaction } = await client.checkTransaction({ terminalId, callerTrxId }, signal ? { signal } : {});
          done.push({ ...base, terminalId, callerTrxId, at, outcome: 'found', ...(typeof transaction.status === 'string' ? { status: transaction.status } : {}) });
          return transaction;
        } catch (err) {
          if (err instanceof NexiError && err.code !== 'CANCELLED') done.push({ ...base, terminalId, callerTrxId, at, outcome: err.code });
          throw err;
        }
      },
      secrets,
      finish: async () => {
        if (done.length === 0) return;
        const { pushHistory } = await import('../core/nexi/fromCredentials');
        let history = this.history();
        // In the order they ran: the last check ends up first, as a single check would.
        for (const entry of done.sort((a, b) => a.at.localeCompare(b.at))) history = pushHistory(history, entry);
        done.length = 0;
        await this.globalState.update(historyKey, history);
        this.changed.fire();
      },
    };
  }

  /** The access-token state of an environment's client (none until a check has run with the current credentials). */
  tokenState(environmentId: string): TokenState {
    return this.clients.get(environmentId)?.client.tokenState ?? { state: 'none' };
  }

  history(): HistoryEntry[] {
    return this.globalState.get<HistoryEntry[]>(historyKey, []);
  }

  private async remember(entry: HistoryEntry): Promise<void> {
    const { pushHistory } = await import('../core/nexi/fromCredentials');
    await this.globalState.update(historyKey, pushHistory(this.history(), entry));
    this.changed.fire();
  }

  async clearHistory(): Promise<void> {
    await this.globalState.update(historyKey, undefined);
    this.changed.fire();
  }

  private dropClient(environmentId: string): void {
    const cached = this.clients.get(environmentId);
    if (!cached) return;
    void cached.client.close();
    this.clients.delete(environmentId);
    this.changed.fire();
  }

  private dropClients(): void {
    if (this.clients.size === 0) return;
    for (const { client } of this.clients.values()) void client.close();
    this.clients.clear();
    this.changed.fire();
  }

  override dispose(): void {
    this.dropClients();
    super.dispose();
  }
}

/** VS Code's http.proxy, when set (the client falls back to HTTPS_PROXY / NO_PROXY otherwise). */
function proxySetting(): string | undefined {
  const p = vscode.workspace.getConfiguration('http').get<string>('proxy');
  return p ? p : undefined;
}
