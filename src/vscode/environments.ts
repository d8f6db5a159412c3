// The environments as the editor sees them: the endpoint settings resolved by the core, the sandbox's endpoints
// while it runs, and the active environment.
//
// The endpoint settings are machine-scoped and listed in `restrictedConfigurations`, so VS Code ignores them in
// workspace settings; on top of that they are read here from user (global) values and defaults only, never from a
// workspace or folder value, so a repository can never redirect credentials to another host.
import * as vscode from 'vscode';
import { CustomEnvironmentSetting, Endpoints, Environment, EnvironmentProblem, EnvironmentSettings, resolveEnvironments } from '../core/environments';
import { DisposableService } from './disposable';
import { onSettingChange } from './settingChange';

const endpointSettings = [
  'nexi.endpoints.stg.baseUrl',
  'nexi.endpoints.stg.checkTransactionUrl',
  'nexi.endpoints.prod.baseUrl',
  'nexi.endpoints.prod.checkTransactionUrl',
  'nexi.endpoints.custom',
] as const;

const activeKey = 'nexi.activeEnvironment';

/** `config`: one `getConfiguration('nexi')` for several keys (each call builds the configuration anew). */
function userValue<T>(key: (typeof endpointSettings)[number], config = vscode.workspace.getConfiguration('nexi')): T | undefined {
  const section = key.slice('nexi.'.length);
  const inspected = config.inspect<T>(section);
  return inspected?.globalValue ?? inspected?.defaultValue;
}

export class EnvironmentService extends DisposableService {
  private readonly changed = this.own(new vscode.EventEmitter<void>());
  /** Fires when the endpoint settings, the sandbox or the active environment change. */
  readonly onDidChange = this.changed.event;
  private sandbox: Endpoints | undefined;
  /**
   * The resolved environments until the endpoint settings or the sandbox change: activation and every status bar,
   * view and walkthrough refresh ask for them, and each reading inspects five settings and parses their URLs.
   */
  private resolved: ReturnType<typeof resolveEnvironments> | undefined;

  constructor(private readonly globalState: vscode.Memento) {
    super();
    this.own(
      onSettingChange('nexi.endpoints', () => {
        this.resolved = undefined;
        this.changed.fire();
      }),
    );
  }

  private settings(): EnvironmentSettings {
    const config = vscode.workspace.getConfiguration('nexi');
    const endpoints = (id: 'stg' | 'prod'): Partial<Endpoints> => {
      const baseUrl = userValue<string>(`nexi.endpoints.${id}.baseUrl`, config);
      const checkTransactionUrl = userValue<string>(`nexi.endpoints.${id}.checkTransactionUrl`, config);
      return { ...(baseUrl !== undefined ? { baseUrl } : {}), ...(checkTransactionUrl !== undefined ? { checkTransactionUrl } : {}) };
    };
    return { stg: endpoints('stg'), prod: endpoints('prod'), custom: userValue<unknown>('nexi.endpoints.custom', config) ?? [], ...(this.sandbox ? { sandbox: this.sandbox } : {}) };
  }

  resolve(): { environments: Environment[]; problems: EnvironmentProblem[] } {
    const resolved = (this.resolved ??= resolveEnvironments(this.settings()));
    // Copies of the lists: callers may sort or filter them.
    return { environments: [...resolved.environments], problems: [...resolved.problems] };
  }

  all(): Environment[] {
    return this.resolve().environments;
  }

  get(id: string): Environment | undefined {
    return this.all().find((e) => e.id === id);
  }

  /** The environment commands and calls use unless told otherwise (STG until the user picks another). */
  active(): Environment {
    const all = this.all();
    const id = this.globalState.get<string>(activeKey);
    return all.find((e) => e.id === id) ?? all[0]!;
  }

  async setActive(id: string): Promise<void> {
    if (!this.get(id)) throw new Error(`There is no environment "${id}".`);
    await this.globalState.update(activeKey, id);
    this.changed.fire();
  }

  /**
   * Called by the local sandbox (issue 6) when it starts (with its loopback endpoints) and stops (undefined).
   * Until then the Sandbox environment has no endpoints.
   */
  setSandboxEndpoints(endpoints: Endpoints | undefined): void {
    this.sandbox = endpoints;
    this.resolved = undefined;
    this.changed.fire();
  }

  customSettings(): CustomEnvironmentSetting[] {
    const raw = userValue<unknown>('nexi.endpoints.custom');
    return Array.isArray(raw) ? (raw as CustomEnvironmentSetting[]) : [];
  }

  /** Writes `nexi.endpoints.custom` in the user settings (machine scope: never a workspace's). */
  async writeCustom(entries: readonly CustomEnvironmentSetting[]): Promise<void> {
    await vscode.workspace.getConfiguration('nexi').update('endpoints.custom', entries.length ? entries : undefined, vscode.ConfigurationTarget.Global);
  }
}
