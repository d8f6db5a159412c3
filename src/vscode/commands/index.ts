// Every command of the extension, declared once (house style §2). Each entry names what it needs; the
// registry runs the "why it can't run yet" variant instead when a need is not met, so users get a clear
// message and a next step rather than an error from deep inside.
import * as vscode from 'vscode';
import type { WalkthroughProgress } from '../walkthrough';
import { isCredentialError } from '../../core/credentials/errors';
import { userMessage } from '../../core/nexi/errors';
import type { EnvironmentService } from '../environments';
import type { Logger } from '../log';
import type { ProdGuard } from '../prodGuard';
import type { CredentialStore } from '../credentialStore';
import type { Ui } from '../ui';
import { app2appCommands, type EditorServices } from './app2app';
import { checkCommands, type B2bServices } from './check';
import { credentialCommands } from './credentials';
import { reconcileCommands } from './reconcile';
import { resultCommands } from './results';

export interface CredentialServices {
  readonly environments: EnvironmentService;
  readonly store: CredentialStore;
  readonly prodGuard: ProdGuard;
}

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: Logger;
  readonly ui: Ui;
  readonly credentials: CredentialServices;
  /** The App2App editor features (hovers, diagnostics, builder, decoder, adb). */
  readonly editor: EditorServices;
  /** checkTransaction and the local sandbox (issue 6). */
  readonly b2b: B2bServices;
  /** The walkthrough's milestones, reached by what commands really did. */
  readonly walkthrough: WalkthroughProgress;
}

/** What a command did; returned by `executeCommand`, so callers and tests see the outcome users saw. */
export interface CommandOutcome {
  readonly ok: boolean;
  /** Stable code when it did not happen (a CredentialError code, CANCELLED, RESTRICTED_MODE, NO_CREDENTIALS). */
  readonly code?: string;
  readonly message?: string;
  readonly [detail: string]: unknown;
}

export type Need = 'trustedWorkspace' | 'credentials';

export interface CommandSpec {
  readonly id: string;
  readonly needs?: readonly Need[];
  run(ctx: CommandContext, ...args: unknown[]): unknown;
}

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
