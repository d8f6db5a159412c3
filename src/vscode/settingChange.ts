// Listening for a setting's changes. Not on `affectsConfiguration` alone: in a browser window the user settings can
// reach the extension host after activation in a change that names no key. With `npm start` (code-server 4.139) 1
// window in 3 activated with `nexi.sandbox.autoStart` at its default; at the next change the value was the user's, but
// affectsConfiguration('nexi') was false at that change and every one after it, so a listener keyed on it kept the
// defaults until the user changed some setting (the sandbox never started, the endpoint settings were not read).
import * as vscode from 'vscode';

/**
 * Calls `listener` when a configuration change names `section` (a setting, or a group such as `nexi.endpoints`) or
 * changes its window-wide value, as `getConfiguration().get(section)` reads it. A folder's own value (resource-scoped
 * settings) is seen through the change naming it.
 */
export function onSettingChange(section: string, listener: () => void): vscode.Disposable {
  const read = (): string => JSON.stringify(vscode.workspace.getConfiguration().get(section) ?? null);
  let seen = read();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    const now = read();
    if (now === seen && !e.affectsConfiguration(section)) return;
    seen = now;
    listener();
  });
}
