// The "Get started" walkthrough follows what the user really does, however they do it: each step completes on a
// context key (`onContext:nexi.walkthrough.<milestone>` in package.json) set when the action happened — the
// sandbox running (the command or auto-start), credentials stored for a real environment (any command, the
// clipboard, another window), a URI built, decoded, a check answered, a log reconciled (command, CodeLens or hover
// link alike) — not when a step's own button was pressed. Milestones are remembered across sessions.
// VS Code creates its walkthrough service only when a walkthrough is first shown and ignores a key that is already
// true then, so a milestone also marks its step complete directly (the "Mark Done" command of the walkthrough).
import * as vscode from 'vscode';
import type { CredentialStore } from './credentialStore';
import type { EnvironmentService } from './environments';
import type { Logger } from './log';
import { DisposableService } from './disposable';

export const milestones = ['sandboxStarted', 'credentialStored', 'uriBuilt', 'uriDecoded', 'transactionChecked', 'logReconciled'] as const;
export type Milestone = (typeof milestones)[number];

/** The walkthrough step each milestone completes (package.json `walkthroughs[0].steps[].id`). */
export const milestoneSteps: Readonly<Record<Milestone, string>> = {
  sandboxStarted: 'sandbox',
  credentialStored: 'credentials',
  uriBuilt: 'build',
  uriDecoded: 'decode',
  transactionChecked: 'check',
  logReconciled: 'reconcile',
};

export const walkthroughId = 'nexi.gettingStarted';

/** Commands whose successful outcome is a milestone (CodeLens and hover links run the same commands). */
export const commandMilestones: Readonly<Record<string, Milestone>> = {
  'nexi.buildUri': 'uriBuilt',
  'nexi.decodeUri': 'uriDecoded',
  'nexi.checkTransaction': 'transactionChecked',
  'nexi.history.rerun': 'transactionChecked',
  'nexi.reconcileLog': 'logReconciled',
};

const stateKey = 'nexi.walkthrough.reached';

export class WalkthroughProgress extends DisposableService {
  private readonly reached: Set<Milestone>;

  constructor(
    private readonly state: vscode.Memento,
    private readonly extensionId: string,
    environments: EnvironmentService,
    store: CredentialStore,
    private readonly log: Logger,
  ) {
    super();
    this.reached = new Set(state.get<Milestone[]>(stateKey, []).filter((m) => (milestones as readonly string[]).includes(m)));
    for (const m of this.reached) void vscode.commands.executeCommand('setContext', `nexi.walkthrough.${m}`, true);
    const sandboxRunning = (): void => {
      if (environments.all().some((e) => e.kind === 'sandbox' && e.endpoints)) this.reach('sandboxStarted');
    };
    // Credentials of the user's own environments: the sandbox's generated ones do not complete that step.
    const credentialsStored = async (): Promise<void> => {
      if ((await store.configured(environments.all())).some((e) => e.kind !== 'sandbox')) this.reach('credentialStored');
    };
    environments.onDidChange(sandboxRunning, undefined, this.disposables);
    store.onDidChange(() => void credentialsStored(), undefined, this.disposables);
    sandboxRunning();
    // Reading every environment's credentials (SecretStorage round trips, the assessment's chunk) waits until
    // activation is over: the step only needs to be right by the time someone opens the walkthrough.
    const initial = setTimeout(() => void credentialsStored(), 0);
    this.disposables.push({ dispose: () => clearTimeout(initial) });
  }

  has(milestone: Milestone): boolean {
    return this.reached.has(milestone);
  }

  reach(milestone: Milestone): void {
    if (this.reached.has(milestone)) return;
    this.reached.add(milestone);
    this.log.debug(`walkthrough: ${milestone}`);
    void this.state.update(stateKey, [...this.reached]);
    void vscode.commands.executeCommand('setContext', `nexi.walkthrough.${milestone}`, true);
    // The step id VS Code gives a contributed step: <extension id>#<walkthrough id>#<step id>.
    const step = `${this.extensionId}#${walkthroughId}#${milestoneSteps[milestone]}`;
    void Promise.resolve(vscode.commands.executeCommand('welcome.markStepComplete', step)).catch((err: unknown) => this.log.debug(`walkthrough: ${step} not marked (${String(err)})`));
  }

  /** A command finished: its milestone is reached when it did what it is for. */
  commandDone(id: string, outcome: unknown): void {
    const milestone = commandMilestones[id];
    if (!milestone || typeof outcome !== 'object' || outcome === null) return;
    const { ok, code } = outcome as { ok?: unknown; code?: unknown };
    // "Not found" is an answer from the backend too: the check was done.
    if (ok === true || (milestone === 'transactionChecked' && code === 'TRANSACTION_NOT_FOUND')) this.reach(milestone);
  }

  /** Forgets every milestone (the walkthrough's own "reset" in VS Code clears its ticks; tests start clean). */
  reset(): void {
    for (const m of this.reached) void vscode.commands.executeCommand('setContext', `nexi.walkthrough.${m}`, false);
    this.reached.clear();
    void this.state.update(stateKey, []);
  }
}
