// Offers the toolkit's MCP server (`nexi-app2app mcp`, issue 18) to VS Code: agent mode and other MCP-aware tools in
// VS Code find it with no setup. The server is the bundled CLI run by the extension host's own Node (Electron as Node
// on desktop), so nothing has to be installed. In Restricted Mode it runs read-only (decode, validate, build, explain,
// simulate); once the workspace is trusted the definition changes and VS Code restarts it with every tool.
import * as vscode from 'vscode';
import { DisposableService } from './disposable';

export const mcpProviderId = 'nexi.app2app.mcp';

export class NexiMcpServers extends DisposableService implements vscode.McpServerDefinitionProvider<vscode.McpStdioServerDefinition> {
  private readonly changed = this.own(new vscode.EventEmitter<void>());
  readonly onDidChangeMcpServerDefinitions = this.changed.event;

  constructor(private readonly extension: vscode.ExtensionContext) {
    super();
    vscode.workspace.onDidGrantWorkspaceTrust(() => this.changed.fire(), this, this.disposables);
  }

  provideMcpServerDefinitions(): vscode.McpStdioServerDefinition[] {
    const cli = vscode.Uri.joinPath(this.extension.extensionUri, 'dist', 'cli.js').fsPath;
    const readOnly = !vscode.workspace.isTrusted;
    const version = String(this.extension.extension.packageJSON.version);
    // ELECTRON_RUN_AS_NODE: on desktop the extension host's executable is Electron; it then runs as plain Node.
    return [new vscode.McpStdioServerDefinition(readOnly ? 'Nexi App2App (read-only)' : 'Nexi App2App', process.execPath, [cli, 'mcp', ...(readOnly ? ['--read-only'] : [])], { ELECTRON_RUN_AS_NODE: '1' }, `${version}${readOnly ? '-read-only' : ''}`)];
  }
}

export function registerMcpServers(context: vscode.ExtensionContext): NexiMcpServers | undefined {
  // VS Code without the MCP API (older than 1.101, or a fork without it): nothing to offer.
  if (typeof vscode.lm?.registerMcpServerDefinitionProvider !== 'function') return undefined;
  const provider = new NexiMcpServers(context);
  context.subscriptions.push(provider, vscode.lm.registerMcpServerDefinitionProvider(mcpProviderId, provider));
  return provider;
}
