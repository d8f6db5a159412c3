// activate(): builds the context, registers everything, returns. Every command, view and provider of the
// extension is reachable from here in one hop.
import * as vscode from 'vscode';
import { configureL10n, parseLocale, setLocale } from './core/l10n';
import type { Adb } from './vscode/adb';
import type { UriBuilder } from './vscode/builder';
import { UriCodeActions } from './vscode/codeActions';
import { UriCodeLenses } from './vscode/codeLens';
import { CheckService } from './vscode/checks';
import { registerCommands } from './vscode/commands';
import type { B2bServices, EditorServices } from './vscode/commands/context';
import { completionTriggers, UriCompletions } from './vscode/completion';
import { CredentialsBridge } from './vscode/credentialsBridge';
import { ResultDocuments, resultScheme } from './vscode/resultDocuments';
import { UriDiagnostics } from './vscode/diagnostics';
import { documentSelector, UriIndex } from './vscode/uriIndex';
import { EnvironmentService } from './vscode/environments';
import { UriHovers } from './vscode/hover';
import type { KeyringCheck } from './vscode/keyring';
import { registerLanguageModelTools } from './vscode/lmToolRegistration';
import { createLogger, type Logger } from './vscode/log';
import { ProdGuard } from './vscode/prodGuard';
import { Reconciliations } from './vscode/reconciliations';
import { SandboxService } from './vscode/sandbox';
import { SecretLinter } from './vscode/secretLinter';
import { CredentialStore } from './vscode/credentialStore';
import { registerStatusBar } from './vscode/statusBar';
import { createUi, type Ui } from './vscode/ui';
import { registerCredentialsView } from './vscode/views/credentialsView';
import { registerHistoryView } from './vscode/views/historyView';
import { registerReconciliationView } from './vscode/views/reconciliationView';
import { registerMcpServers, type NexiMcpServers } from './vscode/mcp';
import { ProviderTimes } from './vscode/providerTimes';
import { WalkthroughProgress } from './vscode/walkthrough';
import { onSettingChange } from './vscode/settingChange';

export interface TestApi {
  readonly credentials: ReturnType<typeof registerCredentialsView>;
  readonly store: CredentialStore;
  readonly environments: EnvironmentService;
  readonly statusBar: vscode.StatusBarItem;
  readonly ui: ReturnType<typeof createUi>;
  readonly prodGuard: ProdGuard;
  readonly secretLinter: SecretLinter;
  /** The SecretStorage check (its code loads with its first run, right after activation). */
  readonly keyring: Pick<KeyringCheck, 'run'>;
  /** The extension's own SecretStorage and globalState: tests read them directly to check where values land. */
  readonly secrets: vscode.SecretStorage;
  readonly globalState: vscode.Memento;
  /** The App2App editor features: services, diagnostics (to wait until an analysis settled), CodeLens. */
  readonly editor: ReturnType<typeof registerEditorFeatures>;
  /** checkTransaction services and the Checks view. */
  readonly b2b: ReturnType<typeof registerB2b>;
  /** The language-model tools by name, as registered with `vscode.lm.registerTool`. */
  readonly lmTools: ReturnType<typeof registerLanguageModelTools>;
  readonly walkthrough: WalkthroughProgress;
  /** The MCP server definition offered to VS Code (undefined where VS Code has no MCP API). */
  readonly mcp: NexiMcpServers | undefined;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now();
  // Each part of activate() is measured too (nexi-app2app.activate:<part>): the editor benchmark prints them.
  let partStart = started;
  const step = (part: string): void => {
    performance.measure(`nexi-app2app.activate:${part}`, { start: partStart });
    partStart = performance.now();
  };
  // The core explains codes, fields and diagnostics in VS Code's display language (English when no bundle speaks it),
  // from the same l10n/ bundles vscode.l10n reads for the adapters.
  configureL10n({ root: vscode.Uri.joinPath(context.extensionUri, 'l10n').fsPath });
  setLocale(parseLocale(vscode.env.language) ?? 'en');
  step('l10n');
  const log = createLogger(context);
  const ui = createUi(context);
  step('logger and ui');
  const environments = new EnvironmentService(context.globalState);
  const store = new CredentialStore(context.secrets, context.globalState, log);
  const prodGuard = new ProdGuard(ui.confirmations, log);
  context.subscriptions.push(environments, store);
  step('credentials');
  const editor = registerEditorFeatures(context, log, ui, new CredentialsBridge(environments, store));
  step('editor');
  const b2b = registerB2b(context, log, environments, store, prodGuard);
  step('b2b');
  const walkthrough = new WalkthroughProgress(context.globalState, context.extension.id, environments, store, log);
  context.subscriptions.push(walkthrough);
  step('walkthrough');
  const commandContext = { extension: context, log, ui, credentials: { environments, store, prodGuard }, editor: editor.services, b2b: b2b.services, walkthrough };
  registerCommands(commandContext);
  step('commands');
  // The language-model tools run the same core and the same check path as the commands (issue 8).
  const lmTools = registerLanguageModelTools(commandContext);
  step('language-model tools');
  const credentials = registerCredentialsView(context, environments, store, b2b.services.checks);
  step('credentials view');
  const mcp = registerMcpServers(context);
  step('mcp');
  const statusBar = registerStatusBar(context, environments);
  step('status bar');
  const secretLinter = new SecretLinter(environments, store, log);
  context.subscriptions.push(secretLinter);
  step('secret linter');
  // The SecretStorage check runs in the background, after activate() returns: its code (and, when it finds a weak
  // store, the credential message table) loads then (issue 17 item 4).
  let keyringCheck: Promise<KeyringCheck> | undefined;
  const keyring: Pick<KeyringCheck, 'run'> = {
    run: async (override) => (await (keyringCheck ??= import('./vscode/keyring').then((m) => new m.KeyringCheck(context, log, ui.notifications)))).run(override),
  };
  void keyring.run().catch((err) => log.error(err as Error));
  log.info(`Nexi App2App Toolkit ${String(context.extension.packageJSON.version)} started`);
  step('keyring check started, log');
  // The editor benchmark reads this measure to tell activate() from loading the bundle (issue 17).
  performance.measure('nexi-app2app.activate', { start: started });
  log.debug(`activated in ${(performance.now() - started).toFixed(1)} ms (VS Code ${vscode.version}, ${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
  // Internals are handed out only to the integration tests.
  return context.extensionMode === vscode.ExtensionMode.Test ? { credentials, store, environments, statusBar, ui, prodGuard, secretLinter, keyring, secrets: context.secrets, globalState: context.globalState, editor, b2b, lmTools, walkthrough, mcp } : undefined;
}

/** checkTransaction, its history view, and the local sandbox (issue 6). */
function registerB2b(context: vscode.ExtensionContext, log: Logger, environments: EnvironmentService, store: CredentialStore, prodGuard: ProdGuard) {
  const sandbox = new SandboxService(environments, store, log);
  const checks = new CheckService(environments, store, prodGuard, context.globalState, log);
  context.subscriptions.push(sandbox, checks);
  const history = registerHistoryView(context, checks);
  // `npm start` sets this so the Sandbox environment works out of the box; trust is required (it stores credentials).
  // Once per session, as soon as both hold: in a browser window the user settings, and so this machine-scoped one,
  // can reach the extension host after activation (the `npm start` product test saw a sandbox that never started),
  // and trust can be granted later.
  let autoStarted = false;
  const autoStart = (): void => {
    if (autoStarted || !vscode.workspace.isTrusted || !vscode.workspace.getConfiguration('nexi').get<boolean>('sandbox.autoStart', false)) return;
    autoStarted = true;
    void sandbox.start().then(() => environments.setActive('sandbox'), (err: unknown) => log.error(err as Error));
  };
  autoStart();
  context.subscriptions.push(
    // Also when the user settings arrive late, in a change that names no key (settingChange.ts).
    onSettingChange('nexi.sandbox.autoStart', autoStart),
    vscode.workspace.onDidGrantWorkspaceTrust(autoStart),
  );
  const reconciliations = new Reconciliations();
  context.subscriptions.push(reconciliations);
  const reconciliation = registerReconciliationView(context, reconciliations);
  const services: B2bServices = { checks, sandbox, reconciliations, reconciliationView: reconciliation.provider };
  return { services, history, reconciliation };
}

/** Hovers, diagnostics, quick fixes, completion and CodeLens on App2App URIs, and the result documents (issue 4). */
function registerEditorFeatures(context: vscode.ExtensionContext, log: Logger, ui: Ui, credentials: CredentialsBridge) {
  const index = new UriIndex(log, ui);
  const results = new ResultDocuments();
  // adb runs only for "Send to Android device": its code loads with the first send (issue 17 item 4).
  let adbService: Promise<Adb> | undefined;
  const adb: EditorServices['adb'] = { send: async (uri) => (await (adbService ??= import('./vscode/adb').then((m) => new m.Adb(log, ui)))).send(uri) };
  let builder: Promise<UriBuilder> | undefined;
  const services: EditorServices = { index, results, adb, credentials, builder: () => (builder ??= import('./vscode/builder').then((m) => new m.UriBuilder(ui, log, credentials, adb))) };
  const diagnostics = new UriDiagnostics(index, log);
  const codeLenses = new UriCodeLenses(index, credentials);
  // The editor benchmark reads the providers' own time beside the round trip it measures (issue 17).
  const times = new ProviderTimes();
  context.subscriptions.push(
    credentials,
    index,
    results,
    diagnostics,
    codeLenses,
    vscode.workspace.registerTextDocumentContentProvider(resultScheme, results),
    vscode.languages.registerHoverProvider(documentSelector, times.timed('hover', new UriHovers(index, credentials), ['provideHover'])),
    vscode.languages.registerCompletionItemProvider(documentSelector, times.timed('completion', new UriCompletions(credentials), ['provideCompletionItems']), ...completionTriggers),
    vscode.languages.registerCodeActionsProvider(documentSelector, times.timed('code action', new UriCodeActions(index), ['provideCodeActions']), UriCodeActions.metadata),
    vscode.languages.registerCodeLensProvider(documentSelector, times.timed('CodeLens', codeLenses, ['provideCodeLenses', 'resolveCodeLens'])),
  );
  return { services, diagnostics, codeLenses, providerTimes: times };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
