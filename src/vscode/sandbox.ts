// "Nexi: Start Local Sandbox": the strict local B2B sandbox inside the extension host. Each start makes a fresh PKI
// (in memory only), publishes the sandbox's URLs to the Sandbox environment, and stores its generated client
// credentials as that environment's credentials — in SecretStorage like any other — so a check works out of the box.
// The sandbox's own CA and server keys never leave memory. `nexi.sandbox.autoStart` starts it on activation,
// or once the setting arrives or trust is granted later (extension.ts; what `npm start` sets).
import * as vscode from 'vscode';
import type { Sandbox as SandboxServer, SandboxLogLine } from '../core/sandbox/server';
import type { SandboxTransaction } from '../core/sandbox/transactions';
import type { EnvironmentService } from './environments';
import type { Logger } from './log';
import type { CredentialStore } from './credentialStore';
import { DisposableService } from './disposable';
import { onSettingChange } from './settingChange';

export class SandboxService extends DisposableService {
  private server: SandboxServer | undefined;
  private starting: Promise<SandboxServer> | undefined;
  private readonly changed = this.own(new vscode.EventEmitter<void>());
  readonly onDidChange = this.changed.event;

  constructor(
    private readonly environments: EnvironmentService,
    private readonly store: CredentialStore,
    private readonly log: Logger,
  ) {
    super();
    // Fault injection and the error profile follow the settings live, also while the sandbox runs.
    this.own(
      onSettingChange('nexi.sandbox', () => {
        if (this.server) void this.applySettings(this.server);
      }),
    );
  }

  /** The sandbox settings (machine scope: a workspace cannot change them) applied to a running sandbox. */
  private async applySettings(server: SandboxServer): Promise<void> {
    const { normaliseFaultPlan } = await import('../core/sandbox/server');
    const config = vscode.workspace.getConfiguration('nexi.sandbox');
    server.errorProfile = config.get<string>('errorProfile') === 'verbose' ? 'verbose' : 'opaque';
    server.reasonHeader = config.get<boolean>('reasonHeader', false);
    const plan = normaliseFaultPlan(config.get('faults'));
    // Clock, token lifetime and latency go back to normal when the plan no longer sets them.
    server.setFaults({ clockOffsetSeconds: 0, tokenTtlSeconds: 3600, latencyMs: 0, ...plan });
    const active = Object.keys(plan).length > 0;
    this.log.info(active ? `Local sandbox faults: ${JSON.stringify(plan)}; errors ${server.errorProfile}.` : `Local sandbox: no faults; errors ${server.errorProfile}.`);
  }

  get running(): SandboxServer | undefined {
    return this.server;
  }

  /** Starts the sandbox (once) and wires the Sandbox environment to it. */
  start(): Promise<SandboxServer> {
    if (this.server) return Promise.resolve(this.server);
    this.starting ??= this.doStart().finally(() => (this.starting = undefined));
    return this.starting;
  }

  private async doStart(): Promise<SandboxServer> {
    const started = performance.now();
    // Each step is logged, so a start that stalls shows where. (The product test's sandbox that never started logged
    // no start at all: autoStart had been read before the user settings came; extension.ts now waits for them.)
    this.log.info('Local sandbox: starting (keys and certificates, then the server)…');
    // The server module pulls in jose; load it only when a sandbox is wanted.
    const { Sandbox, sandboxDefaults } = await import('../core/sandbox/server');
    const { generatePki } = await import('../core/sandbox/pki');
    const pki = await generatePki({ clientOu: 'API Security - SANDBOX' });
    const server = await Sandbox.start({ pki, log: (line) => this.logLine(line) });
    this.log.info(`Local sandbox: server up after ${(performance.now() - started).toFixed(0)} ms; storing the Sandbox environment's credentials…`);
    // The sandbox's default app is the generated client certificate; hand its credentials to the Sandbox environment.
    await this.store.apply('sandbox', {
      clientId: sandboxDefaults.clientId,
      clientSecret: sandboxDefaults.clientSecret,
      certificate: pki.client.certificate,
      privateKey: pki.client.privateKey,
      privateKeyPassphrase: undefined,
      pkcs12: undefined,
      pkcs12Passphrase: undefined,
      caBundle: pki.ca.certificate,
      softPosTerminalId: sandboxDefaults.softPosTerminalId,
      mobilePosTerminalId: sandboxDefaults.mobilePosTerminalId,
    });
    this.log.addKnownSecret(sandboxDefaults.clientSecret);
    this.environments.setSandboxEndpoints({ baseUrl: server.url, checkTransactionUrl: server.checkTransactionUrl });
    this.server = server;
    // The Checks view's welcome stops offering to start it (package.json viewsWelcome).
    void vscode.commands.executeCommand('setContext', 'nexi.sandbox.running', true);
    await this.applySettings(server);
    this.log.info(`Local sandbox listening on ${server.url} (${(performance.now() - started).toFixed(0)} ms); the Sandbox environment uses it.`);
    this.changed.fire();
    return server;
  }

  async stop(): Promise<void> {
    const server = this.server ?? (await this.starting);
    if (!server) return;
    this.server = undefined;
    await server.close();
    this.environments.setSandboxEndpoints(undefined);
    void vscode.commands.executeCommand('setContext', 'nexi.sandbox.running', false);
    this.log.info('Local sandbox stopped.');
    this.changed.fire();
  }

  /** Makes a simulated transaction findable by checkTransaction and reconciliation (issue 7). */
  register(transaction: SandboxTransaction): boolean {
    if (!this.server) return false;
    this.server.register(transaction);
    return true;
  }

  private logLine(line: SandboxLogLine): void {
    // One JSON line per request, as the CLI prints them; the logger redacts whatever looks secret.
    const text = `sandbox ${JSON.stringify(line)}`;
    if (line.verdict === 'accepted') this.log.debug(text);
    else this.log.info(text);
  }

  override dispose(): void {
    void this.stop();
    super.dispose();
  }
}
