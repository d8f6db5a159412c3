// The extension's entry point (package.json "main": dist/load.js). It loads the activation bundle, dist/extension.js,
// with V8's code cache (see loader.ts) and hands VS Code its activate() and deactivate().
import * as path from 'path';
import type * as vscode from 'vscode';
import { loadBundle } from './loader';

interface ExtensionModule {
  activate(context: vscode.ExtensionContext): unknown;
  deactivate(): void;
}

/** After activation, once the extension host is likely idle again, the code cache is made (when there is none). */
const saveCacheAfterMs = 5000;

// NEXI_PROFILE_ACTIVATION=<file>: a CPU profile of loading and activating is written to that file. It is how
// activation is profiled where VS Code starts it on its own, at startup (the editor benchmark, issue 17).
const profile = process.env.NEXI_PROFILE_ACTIVATION ? profileUntilActivated(process.env.NEXI_PROFILE_ACTIVATION) : undefined;

const loaded = loadBundle<ExtensionModule>(path.join(__dirname, 'extension.js'));
// The editor benchmark says whether activation had the code cache (issue 17).
performance.mark('nexi-app2app.code-cache', { detail: loaded.cache });

export function activate(context: vscode.ExtensionContext): unknown {
  const api = loaded.exports.activate(context);
  profile?.();
  if (loaded.cache !== 'accepted') {
    const timer = setTimeout(() => loaded.saveCache(), saveCacheAfterMs);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
  return api;
}

export function deactivate(): void {
  loaded.exports.deactivate();
}

/** Starts the CPU profiler (the in-process inspector answers at once); the function returned writes the profile. */
function profileUntilActivated(file: string): () => void {
  // Required only here: loading the extension normally does not load the inspector.
  const { Session } = require('inspector') as typeof import('inspector');
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: 100 });
  session.post('Profiler.start');
  return () =>
    session.post('Profiler.stop', (err, result) => {
      if (!err) require('fs').writeFileSync(file, JSON.stringify(result.profile));
      session.disconnect();
    });
}
