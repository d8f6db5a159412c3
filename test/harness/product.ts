// The product as `npm start` runs it in the browser: the VS Code server exactly as a user gets it (no test-only
// switches, so notifications pop up), the extension installed from this folder, the local sandbox wired in.
import * as path from 'path';
import { repoRoot, type HarnessTools } from './setup';
import { startServer, type RunningServer } from './vscodeServer';

export interface ProductOptions {
  readonly port?: number;
  /** Kept across runs by `npm start` (settings, SecretStorage, window state); scratch when absent. */
  readonly userDataDir?: string;
  readonly workspace?: string;
}

export interface RunningProduct {
  readonly server: RunningServer;
  /** The workbench on the workspace, with the extension loaded. */
  readonly url: string;
}

export async function startProduct(tools: HarnessTools, options: ProductOptions = {}): Promise<RunningProduct> {
  const server = await startServer(tools, {
    ...(options.port ? { port: options.port } : {}),
    ...(options.userDataDir ? { userDataDir: options.userDataDir } : {}),
    // The local sandbox starts with the extension and the Sandbox environment is wired to it: a check works at once.
    settings: { 'nexi.sandbox.autoStart': true },
    // Installed (linked) from this folder rather than loaded as an Extension Development Host: that needs the
    // smoke-test driver, which also suppresses every notification toast.
    linkExtensions: [repoRoot],
    smokeTestDriver: false,
  });
  return { server, url: server.workbenchUrl(path.resolve(options.workspace ?? path.join(repoRoot, 'samples'))) };
}
