// Every command of the extension, declared once (house style §2). Each entry names what it needs; the
// registry runs the "why it can't run yet" variant instead when a need is not met, so users get a clear
// message and a next step rather than an error from deep inside.
import * as vscode from 'vscode';
import { isCredentialError } from '../../core/credentials/errors';
import { userMessage } from '../../core/nexi/errors';
import type { CommandContext, CommandSpec, Need } from './context';
import { app2appCommandIds } from './ids';
import type { CommandOutcome } from './outcome';

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

/** Commands whose code is in the activation bundle: the log. */
export const commands: readonly CommandSpec[] = [
  {
    id: 'nexi.showLog',
    run: ({ log }) => log.show(),
  },
];

/**
 * Commands whose code loads on first use (issue 17 item 4): each group's module is a chunk of its own
 * (dist/chunks/vscode.commands.<group>.js). Their ids are listed here so the commands exist before their code does;
 * loading a group checks that both lists agree.
 */
export interface LazyCommandGroup {
  readonly ids: readonly string[];
  load(): Promise<readonly CommandSpec[]>;
}

export const lazyCommandGroups: readonly LazyCommandGroup[] = [
  {
    // The App2App editor commands: the hover and the CodeLens link to them by id; their code (decode, copy as, send
    // to a device, the builder's entry) is needed only when one is run.
    ids: ['nexi.scenarios.show', ...Object.values(app2appCommandIds)],
    load: async () => (await import('./app2app')).app2appCommands,
  },
  {
    // The result documents' other forms (the JSON, the Markdown source).
    ids: ['nexi.results.copyJson', 'nexi.results.openSource'],
    load: async () => (await import('./results')).resultCommands,
  },
  {
    ids: [
      'nexi.environment.select',
      'nexi.environment.add',
      'nexi.environment.remove',
      'nexi.credentials.set',
      'nexi.credentials.replace',
      'nexi.credentials.clear',
      'nexi.credentials.clearEnvironment',
      'nexi.credentials.importFile',
      'nexi.credentials.open',
      'nexi.endpoints.openSettings',
      'nexi.credentials.importClipboard',
      'nexi.credentials.exportCertificate',
      'nexi.credentials.exportPrivateKey',
      'nexi.credentials.createCsr',
      'nexi.credentials.refresh',
      'nexi.prodGuard.reset',
    ],
    load: async () => (await import('./credentials')).credentialCommands,
  },
  {
    ids: ['nexi.checkTransaction', 'nexi.copyCheckAsCurl', 'nexi.showAssertionClaims', 'nexi.history.rerun', 'nexi.history.clear'],
    load: async () => (await import('./check')).checkCommands,
  },
  {
    ids: ['nexi.sandbox.start', 'nexi.sandbox.stop', 'nexi.sandbox.faults'],
    load: async () => (await import('./sandbox')).sandboxCommands,
  },
  {
    ids: [
      'nexi.reconcileLog',
      'nexi.reconcile.exportCsv',
      'nexi.reconcile.exportJson',
      'nexi.rehearse',
      'nexi.reconciliation.open',
      'nexi.reconciliation.checkAgain',
      'nexi.reconciliation.buildReversal',
      'nexi.reconciliation.buildEnquiry',
      'nexi.reconciliation.copy',
      'nexi.reconciliation.filter',
      'nexi.reconciliation.showAll',
      'nexi.reconciliation.showMore',
      'nexi.reconciliation.openReport',
    ],
    load: async () => (await import('./reconcile')).reconcileCommands,
  },
  {
    ids: ['nexi.simulatePosResponse'],
    load: async () => (await import('./simulate')).simulateCommands,
  },
];

/** The spec of a lazily loaded command: its group is loaded once, on the first call of any of its commands. */
function lazySpec(group: LazyCommandGroup, id: string, loaded: Map<LazyCommandGroup, Promise<ReadonlyMap<string, CommandSpec>>>): () => Promise<CommandSpec> {
  return async () => {
    let specs = loaded.get(group);
    if (!specs) {
      specs = group.load().then((list) => {
        const ids = list.map((s) => s.id);
        // A command added to a group's module but not to its ids here would never be registered: say so loudly.
        if (ids.length !== group.ids.length || ids.some((i) => !group.ids.includes(i))) {
          throw new Error(`commands/index.ts lazyCommandGroups lists ${group.ids.join(', ')} but the module defines ${ids.join(', ')}`);
        }
        return new Map(list.map((s) => [s.id, s]));
      });
      loaded.set(group, specs);
    }
    return (await specs).get(id)!;
  };
}

export function registerCommands(ctx: CommandContext): void {
  const loaded = new Map<LazyCommandGroup, Promise<ReadonlyMap<string, CommandSpec>>>();
  const all: Array<{ id: string; spec: () => CommandSpec | Promise<CommandSpec> }> = [
    ...commands.map((spec) => ({ id: spec.id, spec: () => spec })),
    ...lazyCommandGroups.flatMap((group) => group.ids.map((id) => ({ id, spec: lazySpec(group, id, loaded) }))),
  ];
  for (const { id, spec: specOf } of all) {
    ctx.extension.subscriptions.push(
      vscode.commands.registerCommand(id, async (...args: unknown[]) => {
        const spec = await specOf();
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
