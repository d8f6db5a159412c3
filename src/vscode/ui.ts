// Every question the extension asks and every message it shows goes through here, so that the integration tests
// can drive the real UI:
// - prompts are real `createInputBox` / `createQuickPick` inputs; the one open now is `prompts.current`, and a test
//   sets its value or active item and runs the real `workbench.action.acceptSelectedQuickOpenItem`;
// - modal confirmations (the PROD guard, exporting a private key, replacing a key) cannot be clicked from the
//   extension host, where the tests run: the dialog lives in the workbench renderer. In ExtensionMode.Test only,
//   `confirmations.answerNext()` queues the answer a test wants and the dialog is not shown; an unanswered question
//   is then answered "cancel" (a test must never hang on a modal). The question, its buttons and what the answer
//   leads to are the production code paths;
// - shown messages are also kept (the last 50) in test mode, so tests can check the text users read.
import * as vscode from 'vscode';

export interface TextPrompt {
  readonly title: string;
  readonly prompt: string;
  readonly placeholder?: string;
  readonly value?: string;
  readonly valueSelection?: [number, number];
  readonly password?: boolean;
  /** Checked on every change and on accept; a message keeps the box open. */
  readonly validate?: (value: string) => string | undefined;
  /** Runs on accept after `validate`; a returned message keeps the box open (e.g. "wrong passphrase"). */
  readonly accept?: (value: string) => Promise<string | undefined> | string | undefined;
}

export class Prompts {
  /** The input box or quick pick open right now (read by the integration tests). */
  current: vscode.InputBox | vscode.QuickPick<vscode.QuickPickItem> | undefined;

  text(options: TextPrompt): Promise<string | undefined> {
    const input = vscode.window.createInputBox();
    input.title = options.title;
    input.prompt = options.prompt;
    input.placeholder = options.placeholder;
    input.password = !!options.password;
    input.ignoreFocusOut = true;
    if (options.value !== undefined) input.value = options.value;
    if (options.valueSelection) input.valueSelection = options.valueSelection;
    return new Promise<string | undefined>((resolve, reject) => {
      let done = false;
      const finish = (value: string | undefined): void => {
        if (done) return;
        done = true;
        resolve(value);
        input.hide();
      };
      const fail = (err: unknown): void => {
        if (done) return;
        done = true;
        reject(err);
        input.hide();
      };
      const disposables: vscode.Disposable[] = [
        input.onDidChangeValue((v) => (input.validationMessage = v === '' ? undefined : options.validate?.(v))),
        input.onDidAccept(async () => {
          const value = input.value;
          const invalid = options.validate?.(value);
          if (invalid) {
            input.validationMessage = invalid;
            return;
          }
          if (options.accept) {
            input.busy = true;
            input.enabled = false;
            let problem: string | undefined;
            try {
              problem = await options.accept(value);
            } catch (err) {
              fail(err);
              return;
            } finally {
              input.busy = false;
              input.enabled = true;
            }
            if (problem) {
              input.validationMessage = problem;
              return;
            }
          }
          finish(value);
        }),
        input.onDidHide(() => {
          finish(undefined);
          if (this.current === input) this.current = undefined;
          for (const d of disposables) d.dispose();
          input.dispose();
        }),
      ];
      this.current = input;
      input.show();
    });
  }

  /** A quick pick with check boxes; resolves to the checked items, or undefined when dismissed. */
  pickMany<T extends vscode.QuickPickItem>(items: readonly T[], options: { title: string; placeholder: string; selected: readonly T[] }): Promise<readonly T[] | undefined> {
    const quickPick = vscode.window.createQuickPick<T>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.canSelectMany = true;
    quickPick.items = items;
    quickPick.selectedItems = options.selected;
    quickPick.ignoreFocusOut = true;
    return this.showPick(quickPick, () => quickPick.selectedItems);
  }

  pick<T extends vscode.QuickPickItem>(items: readonly T[], options: { title: string; placeholder: string; active?: T }): Promise<T | undefined> {
    const quickPick = vscode.window.createQuickPick<T>();
    quickPick.title = options.title;
    quickPick.placeholder = options.placeholder;
    quickPick.items = items;
    quickPick.ignoreFocusOut = true;
    if (options.active) quickPick.activeItems = [options.active];
    return this.showPick(quickPick, () => quickPick.selectedItems[0] ?? quickPick.activeItems[0]);
  }

  /** Shows `quickPick` and resolves to what `accepted` reads when it is accepted, or undefined when dismissed. */
  private showPick<T extends vscode.QuickPickItem, R>(quickPick: vscode.QuickPick<T>, accepted: () => R): Promise<R | undefined> {
    return new Promise<R | undefined>((resolve) => {
      let chosen: R | undefined;
      const disposables: vscode.Disposable[] = [
        quickPick.onDidAccept(() => {
          chosen = accepted();
          quickPick.hide();
        }),
        quickPick.onDidHide(() => {
          resolve(chosen);
          if (this.current === quickPick) this.current = undefined;
          for (const d of disposables) d.dispose();
          quickPick.dispose();
        }),
      ];
      this.current = quickPick as unknown as vscode.QuickPick<vscode.QuickPickItem>;
      quickPick.show();
    });
  }
}

export interface Confirmation {
  readonly message: string;
  readonly detail?: string;
  readonly choices: readonly string[];
}

export class Confirmations {
  private readonly queued: (string | undefined)[] = [];
  /** Questions asked so far (test mode only). */
  readonly asked: Confirmation[] = [];

  constructor(private readonly testMode: boolean) {}

  /** Asks a modal question; resolves to the chosen button, or undefined when cancelled. */
  async ask(message: string, options: { detail?: string; choices: readonly string[] }): Promise<string | undefined> {
    if (this.testMode) {
      this.asked.push({ message, ...(options.detail ? { detail: options.detail } : {}), choices: options.choices });
      const answer = this.queued.shift();
      return answer !== undefined && options.choices.includes(answer) ? answer : undefined;
    }
    return vscode.window.showWarningMessage(message, { modal: true, ...(options.detail ? { detail: options.detail } : {}) }, ...options.choices);
  }

  /** Test mode: the answer (a button label, or undefined for cancel) to the next question. */
  answerNext(...answers: (string | undefined)[]): void {
    this.queued.push(...answers);
  }

  /** Test mode: forget queued answers and recorded questions. */
  reset(): void {
    this.queued.length = 0;
    this.asked.length = 0;
  }
}

export interface ShownMessage {
  readonly severity: 'info' | 'warning' | 'error';
  readonly message: string;
}

export class Notifications {
  /** The last messages shown (test mode only). */
  readonly shown: ShownMessage[] = [];

  constructor(private readonly testMode: boolean) {}

  /** Shows a message without waiting for it to be dismissed; `actions` run when their button is clicked. */
  show(severity: ShownMessage['severity'], message: string, actions: Readonly<Record<string, () => unknown>> = {}): void {
    if (this.testMode) {
      this.shown.push({ severity, message });
      if (this.shown.length > 50) this.shown.shift();
    }
    const show = severity === 'error' ? vscode.window.showErrorMessage : severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    void show(message, ...Object.keys(actions)).then((picked) => (picked ? actions[picked]?.() : undefined));
  }

  info(message: string, actions?: Readonly<Record<string, () => unknown>>): void {
    this.show('info', message, actions);
  }

  warn(message: string, actions?: Readonly<Record<string, () => unknown>>): void {
    this.show('warning', message, actions);
  }

  error(message: string, actions?: Readonly<Record<string, () => unknown>>): void {
    this.show('error', message, actions);
  }
}

export interface Ui {
  readonly prompts: Prompts;
  readonly confirmations: Confirmations;
  readonly notifications: Notifications;
}

export function createUi(context: vscode.ExtensionContext): Ui {
  const testMode = context.extensionMode === vscode.ExtensionMode.Test;
  return { prompts: new Prompts(), confirmations: new Confirmations(testMode), notifications: new Notifications(testMode) };
}
