// `npm start`: a real VS Code with the extension loaded from this folder on the samples workspace. With desktop
// VS Code on PATH (`code`), that one opens; otherwise the VS Code server serves the workbench on 127.0.0.1 and this prints the URL to open in a browser. Ctrl+C stops it and cleans up.
//
//   npm start [-- --port 8080] [-- --workspace DIR] [-- --server]   (--server: use the browser even if `code` exists)
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { describeTools, ensureHarness, repoRoot } from './setup';
import { startProduct } from './product';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const workspace = path.resolve(arg('--workspace') ?? path.join(repoRoot, 'samples'));
  if (!fs.existsSync(workspace)) throw new Error(`workspace ${workspace} does not exist`);
  const desktop = !process.argv.includes('--server') && spawnSync('code', ['--version'], { stdio: 'ignore' }).status === 0;
  if (desktop) {
    console.log(`Opening desktop VS Code with the extension loaded from ${repoRoot} on ${workspace}`);
    spawn('code', ['--new-window', `--extensionDevelopmentPath=${repoRoot}`, workspace], { stdio: 'inherit', detached: true }).unref();
    return;
  }
  const tools = ensureHarness();
  console.log(`[start] ${describeTools(tools)}`);
  const port = arg('--port') ? Number(arg('--port')) : undefined;
  // User data persists across runs (settings, SecretStorage, window state) in the harness cache.
  const userDataDir = path.join(repoRoot, '.vscode-test', 'start-user-data');
  const { server, url } = await startProduct(tools, { ...(port ? { port } : {}), userDataDir, workspace });
  console.log('\nNexi App2App Toolkit is running in VS Code (the extension is loaded from this folder).');
  console.log(`Open this URL in a browser on this machine:\n\n  ${url}\n`);
  console.log('The local sandbox of Nexi\'s B2B API starts with the extension (Sandbox environment, generated credentials):');
  console.log('open samples/logcat.log and use "Check transaction" above a result URI.');
  console.log('After `node esbuild.js` (or `npm run watch`), run "Developer: Reload Window" to pick up changes.');
  console.log('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = async (code: number): Promise<void> => {
    stopping = true;
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  server.process.once('exit', (code) => {
    if (stopping) return;
    console.error(`code-server exited unexpectedly (${code}); stopping.`);
    void stop(1);
  });
}

main().catch((err) => {
  console.error(`npm start failed: ${(err as Error).message}`);
  process.exit(1);
});
