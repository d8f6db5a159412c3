// Every command of the extension, declared once (house style §2). Each entry names what it needs; the
// registry runs the "why it can't run yet" variant instead when a need is not met, so users get a clear
// message and a next step rather than an error from deep inside.
import * as vscode from 'vscode';
import { isCredentialError } from '../../core/credentials/errors';
import { userMessage } from '../../core/nexi/errors';
import { app2appCommands } from './app2app';
import { checkCommands } from './check';
import type { CommandContext, CommandSpec, Need } from './context';
import { credentialCommands } from './credentials';
import type { CommandOutcome } from './outcome';
import { reconcileCommands } from './reconcile';
import { resultCommands } from './results';

export type { B2bServices, CommandContext, CommandSpec, CredentialServices, EditorServices, Need } from './context';
export type { CommandOutcome } from './outcome';

const unmet: Record<Need, { met(ctx: CommandContext): boolean | Promise<boolean>; explain(ctx: CommandContext, id: string): CommandOutcome }> = {
  trustedWorkspace: {
    met: () => vscode.workspace.isTrusted,
    explain: (ctx, id) => {
      const message = vscode.l10n.t('"{0}" uses credentials or the network, which are off in Restricted Mode. Decoding and building URIs still work.', id);
      ctx.ui.notifications.warn(message, { [vscode.l10n.t('Manage Workspace Trust')]: () => vscode.commands.executeCommand('workbench.trust.manage') });
      return { ok: false, code: 'RESTRICTED_MODE', message };
    },
  },
  credentials: {
    met: async (ctx) => {
      const { environments, store } = ctx.credentials;
      return (await store.configured(environments.all())).length > 0;
    },
    explain: (ctx, id) => {
      const message = vscode.l10n.t(
        '"{0}" needs stored credentials, and no Nexi environment has any yet. Import the certificate and key, or create a key and CSR, in the Credentials view — or run "Nexi: Start Local Sandbox" to try it against the local sandbox.',
        id,
      );
      void vscode.commands.executeCommand('nexi.credentials.focus');
      ctx.ui.notifications.info(message);
      return { ok: false, code: 'NO_CREDENTIALS', message };
    },
  },
};

export const commands: readonly CommandSpec[] = [
  {
    id: 'nexi.showLog',
    run: ({ log }) => log.show(),
  },
  ...credentialCommands,
  ...app2appCommands,
  ...checkCommands,
  ...reconcileCommands,
  ...resultCommands,
];

export function registerCommands(ctx: CommandContext): void {
  for (const spec of commands) {
    ctx.extension.subscriptions.push(
      vscode.commands.registerCommand(spec.id, async (...args: unknown[]) => {
        for (const need of spec.needs ?? []) {
          if (!(await unmet[need].met(ctx))) return unmet[need].explain(ctx, spec.id);
        }
        try {
          const outcome = await spec.run(ctx, ...args);
          ctx.walkthrough.commandDone(spec.id, outcome);
          return outcome;
        } catch (err) {
          if (isCredentialError(err)) {
            // Expected bad input: a specific message and a next step; nothing was stored.
            ctx.log.info(`${spec.id}: ${err.code}`);
            const message = userMessage(err);
            ctx.ui.notifications.error(message);
            return { ok: false, code: err.code, message } satisfies CommandOutcome;
          }
          // Logged in English; shown in the display language (a NexiError's own translation, if it has one).
          ctx.log.error(err as Error);
          const message = `Nexi: ${userMessage(err)}`;
          ctx.ui.notifications.error(message);
          return { ok: false, code: 'FAILED', message } satisfies CommandOutcome;
        }
      }),
    );
  }
}
