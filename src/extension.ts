// activate(): builds the context, registers everything, returns. Every command, view and provider of the
// extension is reachable from here in one hop.
import * as vscode from 'vscode';
import { registerCommands } from './vscode/commands';
import { createLogger } from './vscode/log';
import { registerCredentialsView } from './vscode/views/credentialsView';

export interface TestApi {
  readonly credentials: ReturnType<typeof registerCredentialsView>;
}

export function activate(context: vscode.ExtensionContext): TestApi | undefined {
  const started = performance.now();
  const log = createLogger(context);
  registerCommands({ extension: context, log });
  const credentials = registerCredentialsView(context);
  log.info(`Nexi App2App Toolkit ${String(context.extension.packageJSON.version)} started`);
  log.debug(`activated in ${(performance.now() - started).toFixed(1)} ms (VS Code ${vscode.version}, ${vscode.env.appName}, ${vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop'})`);
  // Internals are handed out only to the integration tests.
  return context.extensionMode === vscode.ExtensionMode.Test ? { credentials } : undefined;
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
