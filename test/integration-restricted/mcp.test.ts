// In Restricted Mode the MCP server VS Code is offered runs read-only: the five tools that read only their arguments.
import { strict as assert } from 'assert';
import type * as vscode from 'vscode';
import { listToolsOf } from '../integration/mcpUtil';
import { activateExtension } from '../integration/util';

describe('MCP server in Restricted Mode (real VS Code)', function () {
  this.timeout(60000);

  it('is offered read-only: no profile, no network', async () => {
    const { api } = await activateExtension();
    assert.ok(api.mcp);
    const [def] = (await api.mcp.provideMcpServerDefinitions()) as vscode.McpStdioServerDefinition[];
    assert.equal(def!.label, 'Nexi App2App (read-only)');
    assert.deepEqual(def!.args.slice(1), ['mcp', '--read-only']);
    assert.deepEqual(await listToolsOf(def!), ['nexi_decode_uri', 'nexi_validate_uri', 'nexi_build_uri', 'nexi_explain_code', 'nexi_simulate_result']);
  });
});
