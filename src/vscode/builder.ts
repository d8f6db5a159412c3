// "Nexi: Build App2App URI…": shows the steps of the core state machine (src/core/app2app/builderFlow.ts) as real
// quick inputs — one step at a time, Back buttons, values validated as typed — then inserts, copies, copies as
// code, or sends the URI to a device. The open input is published as `ui.prompts.current`, so integration tests
// drive the real widgets.
import * as vscode from 'vscode';
import {
  answer,
  back,
  builderActions,
  currentStep,
  diagnosticParameter,
  initialState,
  positionOf,
  validateStepValue,
  type BuilderAction,
  type BuilderState,
  type BuilderStep,
  type StepPhase,
} from '../core/app2app/builderFlow';
import { copiedMessage, copiedUriOf, formatUriAs, type CopyFormat } from '../core/app2app/copyAs';
import { formatAmount } from '../core/codes/currencies';
import type { Scenario } from '../core/scenarios/catalog';
import type { Adb } from './adb';
import type { CommandOutcome } from './commands/outcome';
import type { CredentialsBridge } from './credentialsBridge';
import type { Logger } from './log';
import type { Ui } from './ui';

export interface BuilderOpenOptions {
  /** Start from this state (e.g. parsed from a URI in an editor: "Open in builder"). */
  readonly state?: BuilderState;
  /** The URI the flow was opened on: the last step offers to replace it. */
  readonly replace?: { readonly document: vscode.TextDocument; readonly range: vscode.Range; readonly markup?: boolean };
}

type Shown = { readonly kind: 'answer'; readonly value: string | readonly string[] } | { readonly kind: 'back' } | { readonly kind: 'cancel' } | { readonly kind: 'scenarios' };

/** The amount step's button that lists the test scenarios (amounts that choose what the simulator answers). */
const scenariosButton: vscode.QuickInputButton = { iconPath: new vscode.ThemeIcon('beaker'), tooltip: vscode.l10n.t('Test scenarios: amounts that choose the simulated outcome') };

interface Item extends vscode.QuickPickItem {
  readonly value: string;
}

/** The title says where the flow stands, in counts that only grow when the user adds steps (never jump back). */
function titleOf(phase: StepPhase, operation: string | undefined): string {
  switch (phase.kind) {
    case 'operation':
      return vscode.l10n.t('Build App2App URI: choose the operation');
    case 'required':
      return vscode.l10n.t('Build App2App URI: {0}, required parameter {1} of {2}', operation ?? '', phase.index, phase.count);
    case 'optional':
      return vscode.l10n.t('Build App2App URI: {0}, optional parameters', operation ?? '');
    case 'optionalValue':
      return vscode.l10n.t('Build App2App URI: {0}, optional value {1} of {2}', operation ?? '', phase.index, phase.count);
    case 'done':
      return vscode.l10n.t('Build App2App URI: {0}, review', operation ?? '');
  }
}

/** The whole URI, one line per parameter, so nothing of it is cut off before the final choice. */
function uriLines(uri: string): string[] {
  const q = uri.indexOf('?');
  if (q < 0) return [uri];
  return [uri.slice(0, q + 1), ...uri.slice(q + 1).split('&').map((p, i) => (i === 0 ? p : `&${p}`))];
}

const severityOf = (s: 'error' | 'warning') => (s === 'error' ? vscode.InputBoxValidationSeverity.Error : vscode.InputBoxValidationSeverity.Warning);

/** The scenario catalogue: a chunk loaded when the builder first opens (issue 17 item 4). */
let catalog: typeof import('../core/scenarios/catalog') | undefined;

/** Scenarios whose amount an operation's request can carry (the default, every other amount, has none). */
function scenariosFor(operation: string | undefined): Scenario[] {
  return (catalog?.scenarios ?? []).filter((s) => s.amount !== undefined && s.operations.some((o) => o === operation));
}

export class UriBuilder {
  constructor(
    private readonly ui: Ui,
    private readonly log: Logger,
    private readonly credentials: CredentialsBridge,
    private readonly adb: Pick<Adb, 'send'>,
  ) {}

  async run(options: BuilderOpenOptions = {}): Promise<CommandOutcome> {
    const editor = vscode.window.activeTextEditor;
    const terminalIds = (await this.credentials.terminalIds()).map((t) => t.id);
    catalog ??= await import('../core/scenarios/catalog');
    let state = options.state ?? initialState;
    for (;;) {
      const { step, number, phase } = currentStep(state, { now: new Date(), terminalIds });
      const title = titleOf(phase, state.operation);
      const shown = await this.show(step, state, title, number > 1, { canInsert: !!editor, canReplace: !!options.replace });
      if (shown.kind === 'cancel') return { ok: false, code: 'CANCELLED' };
      if (shown.kind === 'scenarios') {
        const amount = await this.pickScenario(state.operation);
        if (amount !== undefined) {
          const next = answer(state, amount);
          if (next.state) state = next.state;
        }
        continue;
      }
      if (shown.kind === 'back') {
        state = back(state);
        continue;
      }
      if (step.kind === 'done') {
        const picked = String(shown.value);
        if (picked.startsWith('fix:')) {
          state = { ...state, position: positionOf(state, picked.slice(4)) ?? state.position };
          continue;
        }
        return this.act(picked as BuilderAction, step.uri, editor, options.replace);
      }
      const next = answer(state, shown.value);
      if (next.state) state = next.state;
    }
  }

  private show(step: BuilderStep, state: BuilderState, title: string, canGoBack: boolean, context: { canInsert: boolean; canReplace: boolean }): Promise<Shown> {
    switch (step.kind) {
      case 'operation':
        return this.pick(
          title,
          vscode.l10n.t('Which operation?'),
          step.items.map((o) => ({ label: o.name, description: o.title, detail: o.description, value: o.name })),
          { active: step.value, canGoBack },
        );
      case 'optional':
        return this.pick(
          title,
          vscode.l10n.t('Optional parameters (none is fine): check the ones to set, then press Enter'),
          step.groups.map((g) => ({ label: g.label, description: g.description, value: g.id })),
          { selected: step.picked, many: true, canGoBack },
        );
      case 'value':
        if (step.choices) {
          return this.pick(
            title,
            step.prompt,
            step.choices.map((c) => ({ label: c, description: c === step.spec.default ? vscode.l10n.t('default when absent') : '', value: c })),
            { active: step.value, canGoBack },
          );
        }
        return this.input(title, step.prompt, step.placeholder, step.value, canGoBack, (v) => validateStepValue(state.operation!, step.name, v, step.required), step.name === 'amount' && scenariosFor(state.operation).length > 0);
      case 'done': {
        const problems: Item[] = step.diagnostics.map((d) => {
          const name = diagnosticParameter(step.uri, d);
          const fixable = name !== undefined && positionOf(state, name) !== undefined;
          return {
            label: `$(${d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info'}) ${d.message.replace(/`/g, '')}`,
            description: d.code,
            detail: fixable ? vscode.l10n.t('Pick to change {0}', name) : undefined,
            value: fixable ? `fix:${name}` : 'none',
          };
        });
        const actions: Item[] = builderActions(context).map((a) => ({ label: a.label, description: a.description, value: a.id }));
        const separator = (label: string): Item => ({ label, kind: vscode.QuickPickItemKind.Separator, value: '' });
        // The URI itself, whole, above the actions (picking a line of it does nothing); the first action stays active.
        const uri: Item[] = uriLines(step.uri).map((line) => ({ label: line, value: 'none' }));
        const items = [
          separator(vscode.l10n.t('URI built')),
          ...uri,
          ...(problems.length > 0 ? [separator(vscode.l10n.t('Problems')), ...problems] : []),
          separator(vscode.l10n.t('Actions')),
          ...actions,
        ];
        const placeholder = step.valid ? `${step.uri}` : vscode.l10n.t('Has errors: {0}', step.uri);
        return this.pick(title, placeholder, items, { canGoBack, active: actions[0]!.value, reject: (v) => v === 'none' });
      }
    }
  }

  private pick(
    title: string,
    placeholder: string,
    items: readonly Item[],
    options: { active?: string; selected?: readonly string[]; many?: boolean; canGoBack: boolean; reject?: (value: string) => boolean },
  ): Promise<Shown> {
    const pick = vscode.window.createQuickPick<Item>();
    pick.title = title;
    pick.placeholder = placeholder;
    pick.ignoreFocusOut = true;
    pick.matchOnDescription = true;
    pick.canSelectMany = !!options.many;
    pick.items = items;
    if (options.canGoBack) pick.buttons = [vscode.QuickInputButtons.Back];
    if (options.selected) pick.selectedItems = items.filter((i) => options.selected!.includes(i.value));
    const active = items.find((i) => i.value === options.active);
    if (active) pick.activeItems = [active];
    return this.present(pick, (resolve) => [
      pick.onDidAccept(() => {
        if (options.many) return resolve({ kind: 'answer', value: pick.selectedItems.map((i) => i.value) });
        const chosen = pick.selectedItems[0] ?? pick.activeItems[0];
        if (chosen && !options.reject?.(chosen.value)) resolve({ kind: 'answer', value: chosen.value });
      }),
    ]);
  }

  /** The test scenarios an operation's amount can choose, as a quick pick; resolves to the amount picked. */
  async pickScenario(operation: string | undefined): Promise<string | undefined> {
    catalog ??= await import('../core/scenarios/catalog');
    const items = scenariosFor(operation).map((s) => ({
      label: String(s.amount),
      description: formatAmount(String(s.amount))?.text ?? '',
      detail: `${catalog!.describeScenario(s)}${s.products.length === 1 ? ` (${s.products[0] === 'softpos' ? 'SoftPOS' : 'MobilePOS'})` : ''}${s.inferred ? ` — ${vscode.l10n.t('inferred')}` : ''}`,
      amount: String(s.amount),
    }));
    const picked = await this.ui.prompts.pick(items, {
      title: vscode.l10n.t('Test scenarios: the amount chooses what Nexi: Simulate POS Response… answers'),
      placeholder: vscode.l10n.t('Any other amount is approved'),
    });
    return picked?.amount;
  }

  private input(title: string, prompt: string, placeholder: string, value: string, canGoBack: boolean, validate: (v: string) => ReturnType<typeof validateStepValue>, scenarios = false): Promise<Shown> {
    const input = vscode.window.createInputBox();
    input.title = title;
    input.prompt = prompt;
    input.placeholder = placeholder;
    input.value = value;
    input.ignoreFocusOut = true;
    input.buttons = [...(canGoBack ? [vscode.QuickInputButtons.Back] : []), ...(scenarios ? [scenariosButton] : [])];
    const check = (v: string) => {
      const problem = validate(v);
      input.validationMessage = problem ? { message: problem.message, severity: severityOf(problem.severity) } : undefined;
      return problem;
    };
    if (value !== '') check(value);
    return this.present(input, (resolve) => [
      input.onDidChangeValue(check),
      input.onDidTriggerButton((b) => b === scenariosButton && resolve({ kind: 'scenarios' })),
      input.onDidAccept(() => {
        if (check(input.value)?.severity !== 'error') resolve({ kind: 'answer', value: input.value });
      }),
    ]);
  }

  /** Shows `widget` as `ui.prompts.current` until it is answered, goes back, or is hidden (cancel). */
  private present(widget: vscode.QuickPick<Item> | vscode.InputBox, listen: (resolve: (s: Shown) => void) => vscode.Disposable[]): Promise<Shown> {
    const prompts = this.ui.prompts;
    return new Promise<Shown>((resolve) => {
      let done = false;
      const finish = (shown: Shown) => {
        if (done) return;
        done = true;
        resolve(shown);
        widget.hide();
      };
      const disposables = [
        ...listen(finish),
        widget.onDidTriggerButton((b) => b === vscode.QuickInputButtons.Back && finish({ kind: 'back' })),
        widget.onDidHide(() => {
          finish({ kind: 'cancel' });
          if (prompts.current === widget) prompts.current = undefined;
          for (const d of disposables) d.dispose();
          widget.dispose();
        }),
      ];
      prompts.current = widget as vscode.QuickPick<vscode.QuickPickItem> | vscode.InputBox;
      widget.show();
    });
  }

  private async act(action: BuilderAction, uri: string, editor: vscode.TextEditor | undefined, replace: BuilderOpenOptions['replace']): Promise<CommandOutcome> {
    this.log.debug(`builder: ${action}`);
    switch (action) {
      case 'insert': {
        if (!editor) return { ok: false, code: 'NO_EDITOR', uri };
        const ok = await editor.edit((e) => e.replace(editor.selection, uri));
        return { ok, action, uri };
      }
      case 'replace': {
        if (!replace) return { ok: false, code: 'NO_EDITOR', uri };
        const edit = new vscode.WorkspaceEdit();
        edit.replace(replace.document.uri, replace.range, replace.markup ? uri.replace(/&/g, '&amp;') : uri);
        return { ok: await vscode.workspace.applyEdit(edit), action, uri };
      }
      case 'send-adb':
        return { ...(await this.adb.send(uri)), action, uri };
      case 'simulate':
        return { ...((await vscode.commands.executeCommand('nexi.simulatePosResponse', { text: uri })) as CommandOutcome), action, uri };
      default: {
        const format = action.slice('copy-'.length) as CopyFormat;
        const text = formatUriAs(format, uri);
        await vscode.env.clipboard.writeText(text);
        this.ui.notifications.info(copiedMessage(format, copiedUriOf(uri)));
        return { ok: true, action, uri, copied: text };
      }
    }
  }
}
