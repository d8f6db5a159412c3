// Starts an MCP server definition the way VS Code would (its command, args and env) and lists its tools over stdio.
import { spawn } from 'child_process';
import type * as vscode from 'vscode';

export async function listToolsOf(def: vscode.McpStdioServerDefinition): Promise<string[]> {
  const child = spawn(def.command, def.args, { env: { ...process.env, ...(def.env as Record<string, string>) }, stdio: ['pipe', 'pipe', 'pipe'] });
  const lines = [
    { jsonrpc: '2.0', id: 1, method: 'initialize', params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'integration-test', version: '1' } } },
    { jsonrpc: '2.0', method: 'notifications/initialized' },
    { jsonrpc: '2.0', id: 2, method: 'tools/list' },
  ];
  return new Promise<string[]>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => {
      child.kill();
      reject(new Error(`no tools/list answer in 20 s; stderr: ${err}`));
    }, 20000);
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      for (const line of out.split('\n')) {
        if (!line.trim()) continue;
        const message = JSON.parse(line) as { id?: number; result?: { tools: Array<{ name: string }> } };
        if (message.id === 2 && message.result) {
          clearTimeout(timer);
          child.stdin.end();
          resolve(message.result.tools.map((t) => t.name));
        }
      }
    });
    child.on('error', reject);
    for (const l of lines) child.stdin.write(`${JSON.stringify(l)}\n`);
  });
}
