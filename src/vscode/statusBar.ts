// The active environment in the status bar: "Nexi: STG"; PROD in the warning colour; click to switch.
import * as vscode from 'vscode';
import type { EnvironmentService } from './environments';

export function registerStatusBar(context: vscode.ExtensionContext, environments: EnvironmentService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('nexi.environment', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Nexi Environment');
  item.command = 'nexi.environment.select';
  const update = (): void => {
    const env = environments.active();
    item.text = `${env.production ? '$(warning)' : '$(key)'} Nexi: ${env.label}`;
    item.backgroundColor = env.production ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    const tooltip = new vscode.MarkdownString(undefined, true);
    tooltip.appendMarkdown(`${env.production ? vscode.l10n.t('**Nexi environment: {0}** — production, every call asks first', env.label) : vscode.l10n.t('**Nexi environment: {0}**', env.label)}\n\n`);
    tooltip.appendMarkdown(env.endpoints ? `B2B: \`${env.endpoints.baseUrl}\`\n\n` : `${env.problem ?? ''}\n\n`);
    tooltip.appendMarkdown(vscode.workspace.isTrusted ? vscode.l10n.t('Click to switch environment.') : vscode.l10n.t('Credentials and calls are off in Restricted Mode.'));
    item.tooltip = tooltip;
  };
  update();
  environments.onDidChange(update, undefined, context.subscriptions);
  vscode.workspace.onDidGrantWorkspaceTrust(update, undefined, context.subscriptions);
  item.show();
  context.subscriptions.push(item);
  return item;
}
