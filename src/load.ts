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

const loaded = loadBundle<ExtensionModule>(path.join(__dirname, 'extension.js'));
// The editor benchmark says whether activation had the code cache (issue 17).
performance.mark('nexi-app2app.code-cache', { detail: loaded.cache });

export function activate(context: vscode.ExtensionContext): unknown {
  const api = loaded.exports.activate(context);
  if (loaded.cache !== 'accepted') {
    const timer = setTimeout(() => loaded.saveCache(), saveCacheAfterMs);
    context.subscriptions.push({ dispose: () => clearTimeout(timer) });
  }
  return api;
}

export function deactivate(): void {
  loaded.exports.deactivate();
}
