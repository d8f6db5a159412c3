// The extension offers its MCP server to VS Code (issue 18): a stdio definition that starts the bundled CLI with the
// extension host's own Node, and that really serves every tool in a trusted workspace.
import { strict as assert } from 'assert';
import * as vscode from 'vscode';
import type { TestApi } from '../../src/extension';
import { listToolsOf } from './mcpUtil';
import { activateExtension } from './util';

describe('MCP server offered to VS Code (real VS Code)', function () {
  this.timeout(60000);
  let api: TestApi;

  before(async () => {
    ({ api } = await activateExtension());
  });

  it('contributes a provider whose definition starts the bundled server with every tool', async () => {
    assert.ok(api.mcp, 'this VS Code has the MCP API');
    const contributed = (vscode.extensions.getExtension('app2app-toolkit.nexi-app2app-toolkit')!.packageJSON as { contributes: { mcpServerDefinitionProviders: Array<{ id: string }> } }).contributes.mcpServerDefinitionProviders;
    assert.deepEqual(contributed.map((p) => p.id), ['nexi.app2app.mcp']);
    const [def] = (await api.mcp.provideMcpServerDefinitions()) as vscode.McpStdioServerDefinition[];
    assert.equal(def!.label, 'Nexi App2App');
    assert.match(def!.args[0]!, /dist[\\/]cli\.js$/);
    assert.deepEqual(def!.args.slice(1), ['mcp']);
    const tools = await listToolsOf(def!);
    assert.deepEqual(tools.sort(), ['nexi_build_uri', 'nexi_check_transaction', 'nexi_decode_uri', 'nexi_explain_code', 'nexi_list_profiles', 'nexi_reconcile_log', 'nexi_simulate_result', 'nexi_validate_uri']);
  });
});
