// Every command of the extension, declared once (house style §2). Each entry names what it needs; the
// registry runs the "why it can't run yet" variant instead when a need is not met, so users get a clear
// message and a next step rather than an error from deep inside.
import * as vscode from 'vscode';
import type { Logger } from '../log';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: Logger;
}

export type Need = 'trustedWorkspace';

export interface CommandSpec {
  readonly id: string;
  readonly needs?: readonly Need[];
  run(ctx: CommandContext, ...args: unknown[]): unknown;
}

const unmet: Record<Need, { met(): boolean; explain(id: string): Thenable<unknown> }> = {
  trustedWorkspace: {
    met: () => vscode.workspace.isTrusted,
    explain: async (id) => {
      const manage = 'Manage Workspace Trust';
      const pick = await vscode.window.showWarningMessage(`"${id}" uses credentials or the network, which are off in Restricted Mode. Decoding and building URIs still work.`, manage);
      if (pick === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    },
  },
};

export const commands: readonly CommandSpec[] = [
  {
    id: 'nexi.showLog',
    run: ({ log }) => log.show(),
  },
];

export function registerCommands(ctx: CommandContext): void {
  for (const spec of commands) {
    ctx.extension.subscriptions.push(
      vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
        const missing = (spec.needs ?? []).find((n) => !unmet[n].met());
        if (missing) return unmet[missing].explain(spec.id);
        try {
          return await spec.run(ctx, ...args);
        } catch (err) {
          ctx.log.error(err as Error);
          void vscode.window.showErrorMessage(`Nexi: ${(err as Error).message}`);
          return undefined;
        }
      }),
    );
  }
}
