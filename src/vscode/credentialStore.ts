// Where credentials live. Secret fields (client secret, private key, passphrases, PKCS#12) go only to VS Code's
// SecretStorage under the typed keys `nexi.<env>.<field>` (house style §6); plain fields (client id, certificate,
// CA bundle, terminal ids, merchant username, device id, point of sale) go to the extension's globalState under
// `nexi.credentials.<env>`, which is machine-local and not synced. Nothing is ever written to settings.
//
// Writes are all-or-nothing: the old values of every touched field are read first, and restored if a write fails.
import * as vscode from 'vscode';
import type { CertificateFlavour, Environment } from '../core/environments';
import { FieldId, PlainField, SecretField, isSecretField, plainFields, secretFields, secretKey } from '../core/credentials/fields';
import type { CredentialAssessment, CredentialValues } from '../core/credentials/status';
import type { Logger } from './log';
import { DisposableService } from './disposable';

type PlainValues = Partial<Record<PlainField, string>>;

export function plainStateKey(environmentId: string): string {
  return `nexi.credentials.${environmentId}`;
}

export class CredentialStore extends DisposableService {
  private readonly changed = this.own(new vscode.EventEmitter<string>());
  /** Fires with the environment id whose credentials changed (here or in another window). */
  readonly onDidChange = this.changed.event;
  private readonly assessments = new Map<string, { at: number; assessment: Promise<CredentialAssessment> }>();

  constructor(
    private readonly secrets: vscode.SecretStorage,
    private readonly globalState: vscode.Memento,
    private readonly log: Logger,
  ) {
    super();
    secrets.onDidChange((e) => {
      const m = /^nexi\.([a-z][a-z0-9-]*)\.[A-Za-z0-9]+$/.exec(e.key);
      if (m) this.invalidate(m[1]!);
    }, this, this.disposables);
  }

  private invalidate(environmentId: string): void {
    this.assessments.delete(environmentId);
    this.changed.fire(environmentId);
  }

  private plain(environmentId: string): PlainValues {
    return { ...this.globalState.get<PlainValues>(plainStateKey(environmentId), {}) };
  }

  /** Every stored value of an environment. Secrets are read right before use; callers must not keep them. */
  async read(environmentId: string): Promise<CredentialValues> {
    const values = await Promise.all(secretFields.map(async (f) => [f, await this.secrets.get(secretKey(environmentId, f))] as const));
    const secrets: Partial<Record<SecretField, string>> = {};
    for (const [f, v] of values) if (v !== undefined) secrets[f] = v;
    return { secrets, plain: this.plain(environmentId) };
  }

  /** The environments with anything stored: what "has credentials" means for commands, links and tools. */
  async configured(environments: readonly Environment[]): Promise<Environment[]> {
    const assessed = await Promise.all(environments.map((e) => this.assess(e.id, e.certificateFlavour)));
    return environments.filter((_, i) => assessed[i]!.configured);
  }

  /** The terminal ids stored for an environment (plain values), SoftPOS first. */
  terminals(environmentId: string): Array<{ readonly id: string; readonly product: 'SoftPOS' | 'MobilePOS' }> {
    const plain = this.plain(environmentId);
    return [
      ...(plain.softPosTerminalId ? [{ id: plain.softPosTerminalId, product: 'SoftPOS' as const }] : []),
      ...(plain.mobilePosTerminalId ? [{ id: plain.mobilePosTerminalId, product: 'MobilePOS' as const }] : []),
    ];
  }

  async get(environmentId: string, field: FieldId): Promise<string | undefined> {
    return isSecretField(field) ? this.secrets.get(secretKey(environmentId, field)) : this.plain(environmentId)[field];
  }

  /**
   * Writes `writes` (undefined deletes) for one environment, all or nothing: when a write fails, every field
   * written before it gets its old value back and the error is rethrown.
   */
  async apply(environmentId: string, writes: Partial<Record<FieldId, string | undefined>>): Promise<void> {
    const fields = Object.keys(writes) as FieldId[];
    // Each secret read and write is a round trip through the window (SecretStorage): they go together, not one by one
    // (eight fields in the test harness's browser window: 23–71 ms together, 96–140 ms one after another).
    const before = new Map<FieldId, string | undefined>(await Promise.all(fields.map(async (f) => [f, await this.get(environmentId, f)] as const)));
    const done: FieldId[] = [];
    try {
      const plainWrites = fields.filter((f): f is PlainField => !isSecretField(f));
      const secretWrites = fields.filter((f): f is SecretField => isSecretField(f));
      const settled = await Promise.allSettled(
        secretWrites.map(async (f) => {
          const value = writes[f];
          if (value === undefined) await this.secrets.delete(secretKey(environmentId, f));
          else await this.secrets.store(secretKey(environmentId, f), value);
          done.push(f);
        }),
      );
      const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (failed) throw failed.reason;
      if (plainWrites.length) {
        const plain = this.plain(environmentId);
        for (const f of plainWrites) {
          const value = writes[f];
          if (value === undefined) delete plain[f];
          else plain[f] = value;
        }
        await this.globalState.update(plainStateKey(environmentId), Object.keys(plain).length ? plain : undefined);
      }
    } catch (err) {
      this.log.error(`storing credentials of ${environmentId} failed; restoring ${done.join(', ') || 'nothing'}: ${(err as Error).message}`);
      await Promise.all(
        done.map(async (f) => {
          const old = before.get(f);
          try {
            if (old === undefined) await this.secrets.delete(secretKey(environmentId, f as SecretField));
            else await this.secrets.store(secretKey(environmentId, f as SecretField), old);
          } catch (restoreErr) {
            this.log.error(`restoring ${f} of ${environmentId} failed: ${(restoreErr as Error).message}`);
          }
        }),
      );
      throw err;
    } finally {
      this.invalidate(environmentId);
    }
  }

  /** Deletes every stored value of an environment. */
  async clear(environmentId: string): Promise<void> {
    await this.apply(environmentId, Object.fromEntries([...secretFields, ...plainFields].map((f) => [f, undefined])));
  }

  /** The environment's credentials as the tree shows them; cached until they change. */
  assess(environmentId: string, flavour: CertificateFlavour): Promise<CredentialAssessment> {
    const cached = this.assessments.get(environmentId);
    // Re-assess at least hourly: expiry is relative to now.
    if (cached && Date.now() - cached.at < 60 * 60 * 1000) return cached.assessment;
    // The assessment (certificate parsing, key matching) is a chunk loaded by the first one (issue 17 item 4).
    const assessment = Promise.all([this.read(environmentId), import('../core/credentials/status')]).then(([values, { assessCredentials }]) => assessCredentials(values, { flavour, now: new Date() }));
    this.assessments.set(environmentId, { at: Date.now(), assessment });
    assessment.catch(() => this.assessments.delete(environmentId));
    return assessment;
  }

  /** Forgets cached assessments (e.g. when an environment's flavour changed). */
  refresh(): void {
    this.assessments.clear();
    this.changed.fire('*');
  }
}
