// The "Build App2App URI…" flow as a state machine: operation → each required parameter (validated as typed) →
// which optional parameters → each chosen one → the built URI and what to do with it. The editor adapter only
// shows the current step and feeds the answer back; everything that decides lives here, so it is unit-tested.
// Values are typed unencoded; the URI is built by `buildRequestUri`, so the flow never disagrees with the builder
// or the validator.

import { fillTemplate } from '../codes/text';
import { translated } from '../l10n';
import type { Diagnostic } from '../types';
import { buildRequestUri, encodeQueryComponent, formatTimestamp, type RequestInput } from './build';
import {
  constraintText,
  findOperation,
  findParameter,
  indexedParameterName,
  operationDescription,
  operationTitle,
  catalogInUse,
  parameterDescription,
  type OperationName,
  type OperationSpec,
  type ParameterSpec,
} from './catalog';
import { copyFormats, type CopyFormat } from './copyAs';
import { decodePercent, parseUri } from './parse';
import { validateUri } from './validate';

/** Every text the flow shows besides the catalog's: step prompts, choices, problems, final actions. */
export const builderMessages = {
  tagLabel: 'Additional tag {n}',
  tagDescription: '{params}: echoed in the result and on the receipt',
  optionalDescription: '{description} ({notes})',
  defaultValue: 'default {value}',
  mobilePosOnly: 'MobilePOS only',
  undocumented: 'undocumented',
  promptRequired: '{name}: {description} Type it unencoded; the builder percent-encodes it.',
  promptRequiredFormat: '{name}: {description} Format: {format}. Type it unencoded; the builder percent-encodes it.',
  promptOptional: '{name} (optional: leave empty to omit): {description} Type it unencoded; the builder percent-encodes it.',
  promptOptionalFormat: '{name} (optional: leave empty to omit): {description} Format: {format}. Type it unencoded; the builder percent-encodes it.',
  unknownOperation: 'Unknown operation {operation}.',
  required: '{name} is required: {description}',
  spaces: '{name} has spaces: remove them (the builder sends what you type, and a space would be sent as %20).',
  pickOperation: 'Pick one of: {operations}.',
  notOptional: '{id} is not an optional {operation} parameter.',
  actions: {
    replace: { label: 'Replace the URI in the editor', description: 'where the builder was opened' },
    insert: { label: 'Insert at the cursor', description: 'in the active editor' },
    copy: 'Copy',
    copyAs: 'Copy as {format}',
    sendAdb: { label: 'Send to Android device or emulator…', description: 'adb: opens the URI on a connected device' },
    simulate: { label: 'Simulate the POS response…', description: 'the result URI Nexi POS would answer with, to test your result handling' },
  },
} as const;

const messages = translated('app2app.builder', builderMessages);

export interface BuilderState {
  readonly operation: OperationName | undefined;
  /** Unencoded values by parameter name (`amount`, `addInfoKey2`…). */
  readonly values: Readonly<Record<string, string>>;
  /** Chosen optional groups (`sendTicket`, `tag1`…); undefined until that step was answered. */
  readonly optional: readonly string[] | undefined;
  /** Index of the current step in `stepList(state)`. */
  readonly position: number;
}

/** One choice of the optional step: a parameter, or an additional tag (key and value together). */
export interface OptionalGroup {
  readonly id: string;
  readonly label: string;
  readonly description: string;
  readonly params: readonly string[];
}

export interface BuilderOptions {
  /** Prefill of `timestamp`. Default: now. */
  readonly now?: Date;
  /** Prefill of `terminalId`: the first configured terminal. */
  readonly terminalIds?: readonly string[];
}

export type BuilderStep =
  | { readonly kind: 'operation'; readonly items: readonly { name: OperationName; title: string; description: string }[]; readonly value: OperationName | undefined }
  | {
      readonly kind: 'value';
      readonly name: string;
      readonly spec: ParameterSpec;
      readonly required: boolean;
      readonly prompt: string;
      readonly placeholder: string;
      /** Prefilled answer. */
      readonly value: string;
      /** Set for parameters answered by picking (booleans). */
      readonly choices?: readonly string[];
    }
  | { readonly kind: 'optional'; readonly groups: readonly OptionalGroup[]; readonly picked: readonly string[] }
  | { readonly kind: 'done'; readonly uri: string; readonly diagnostics: readonly Diagnostic[]; readonly valid: boolean };

export interface StepInfo {
  readonly step: BuilderStep;
  /** 1-based, and the number of steps known so far (optional parameters add steps once chosen). */
  readonly number: number;
  readonly total: number;
  /**
   * Where the step stands in a count that never jumps: the operation, the required values (index of count, known
   * once the operation is chosen), the choice of optional parameters, their values (known once chosen), the review.
   */
  readonly phase: StepPhase;
}

export interface StepPhase {
  readonly kind: 'operation' | 'required' | 'optional' | 'optionalValue' | 'done';
  /** 1-based within the phase (1 for the single-step phases). */
  readonly index: number;
  readonly count: number;
}

export type StepProblem = { readonly severity: 'error' | 'warning'; readonly message: string };

type StepRef = { kind: 'operation' } | { kind: 'value'; name: string; required: boolean } | { kind: 'optional' } | { kind: 'done' };

export const initialState: BuilderState = { operation: undefined, values: {}, optional: undefined, position: 0 };

const tagCount = (op: OperationSpec) => op.request.find((s) => s.family === 'additionalTagKey')?.indexed?.max ?? 0;

/** The optional step's choices for `op`, in catalog order. Parameters the operation ignores are not offered. */
export function optionalGroups(op: OperationSpec): OptionalGroup[] {
  const M = messages();
  const groups: OptionalGroup[] = [];
  for (const spec of op.request) {
    if (spec.required || spec.ignoredReason || spec.family === 'additionalTagValue') continue;
    if (spec.family === 'additionalTagKey' && spec.indexed) {
      const valueSpec = op.request.find((s) => s.family === 'additionalTagValue');
      for (let n = spec.indexed.min; n <= spec.indexed.max; n++) {
        const params = [indexedParameterName(spec, n), ...(valueSpec ? [indexedParameterName(valueSpec, n)] : [])];
        groups.push({ id: `tag${n}`, label: fillTemplate(M.tagLabel, { n }), description: fillTemplate(M.tagDescription, { params: params.join(' + ') }), params });
      }
      continue;
    }
    const notes = [
      spec.default !== undefined ? fillTemplate(M.defaultValue, { value: spec.default }) : '',
      spec.scope === 'mobilepos' ? M.mobilePosOnly : '',
      spec.provenance === 'nexi-sample' ? M.undocumented : '',
    ]
      .filter(Boolean)
      .join(', ');
    const description = parameterDescription(spec);
    groups.push({ id: spec.name, label: spec.name, description: notes ? fillTemplate(M.optionalDescription, { description, notes }) : description, params: [spec.name] });
  }
  return groups;
}

function stepList(state: BuilderState): StepRef[] {
  const op = state.operation ? findOperation(state.operation) : undefined;
  if (!op) return [{ kind: 'operation' }];
  const refs: StepRef[] = [{ kind: 'operation' }];
  for (const spec of op.request) if (spec.required && !spec.indexed) refs.push({ kind: 'value', name: spec.name, required: true });
  // Operations without optional parameters (last_transaction, accounting_closure) skip that step.
  if (optionalGroups(op).length > 0) refs.push({ kind: 'optional' });
  if (state.optional) {
    for (const g of optionalGroups(op)) if (state.optional.includes(g.id)) for (const name of g.params) refs.push({ kind: 'value', name, required: false });
  }
  refs.push({ kind: 'done' });
  return refs;
}

function phaseOf(refs: readonly StepRef[], position: number): StepPhase {
  const ref = refs[position]!;
  if (ref.kind !== 'value') return { kind: ref.kind, index: 1, count: 1 };
  const same = refs.filter((r) => r.kind === 'value' && r.required === ref.required);
  return { kind: ref.required ? 'required' : 'optionalValue', index: same.indexOf(ref) + 1, count: same.length };
}

function specOf(op: OperationSpec, name: string): ParameterSpec {
  const match = findParameter(op, 'request', name);
  if (!match) throw new Error(`${name} is not a ${op.name} parameter`);
  return match.spec;
}

function prefill(spec: ParameterSpec, options: BuilderOptions): string {
  if (spec.type === 'timestamp') return formatTimestamp(options.now ?? new Date());
  if (spec.type === 'terminalId') return options.terminalIds?.[0] ?? '';
  if (spec.type === 'boolean') return spec.default === 'true' ? 'false' : 'true';
  return '';
}

/** The step to show now. */
export function currentStep(state: BuilderState, options: BuilderOptions = {}): StepInfo {
  const refs = stepList(state);
  const position = Math.min(state.position, refs.length - 1);
  const ref = refs[position]!;
  const info = (step: BuilderStep): StepInfo => ({ step, number: position + 1, total: refs.length, phase: phaseOf(refs, position) });
  if (ref.kind === 'operation') {
    return info({
      kind: 'operation',
      items: catalogInUse().map((o) => ({ name: o.name, title: operationTitle(o), description: operationDescription(o) })),
      value: state.operation,
    });
  }
  const op = findOperation(state.operation!)!;
  if (ref.kind === 'optional') {
    const groups = optionalGroups(op);
    const picked = state.optional ?? groups.filter((g) => g.params.some((p) => state.values[p] !== undefined)).map((g) => g.id);
    return info({ kind: 'optional', groups, picked });
  }
  if (ref.kind === 'done') {
    const { uri, diagnostics } = buildRequestUri(inputFromValues(op, state.values));
    return info({ kind: 'done', uri, diagnostics, valid: !diagnostics.some((d) => d.severity === 'error') });
  }
  const spec = specOf(op, ref.name);
  const M = messages();
  const format = constraintText(spec);
  const template = ref.required ? (format ? M.promptRequiredFormat : M.promptRequired) : format ? M.promptOptionalFormat : M.promptOptional;
  return info({
    kind: 'value',
    name: ref.name,
    spec,
    required: ref.required,
    prompt: fillTemplate(template, { name: ref.name, description: parameterDescription(spec), format: format ?? '' }),
    placeholder: spec.example ? decodePercent(spec.example).value : '',
    value: state.values[ref.name] ?? prefill(spec, options),
    ...(spec.type === 'boolean' ? { choices: ['true', 'false'] } : {}),
  });
}

// Findings that involve other parameters: they belong on the final step, not on the value being typed.
const crossParameterCodes = new Set(['A2A003', 'A2A010', 'A2A013', 'A2A015', 'A2A016', 'A2A017', 'A2A018', 'A2A019', 'A2A020', 'A2A021', 'A2A032']);

/**
 * Checks one typed value with the validator, as the builder would send it. An error keeps the step open; a warning
 * is shown but accepted. Messages are plain text (no Markdown backticks).
 */
export function validateStepValue(operation: OperationName, name: string, value: string, required: boolean): StepProblem | undefined {
  const op = findOperation(operation);
  if (!op) return { severity: 'error', message: fillTemplate(messages().unknownOperation, { operation }) };
  if (value === '') return required ? { severity: 'error', message: fillTemplate(messages().required, { name, description: parameterDescription(specOf(op, name)) }) } : undefined;
  const pair = `${encodeQueryComponent(name)}=${encodeQueryComponent(value)}`;
  const probe = `neximpos://${op.name}?${pair}`;
  const pairStart = probe.length - pair.length;
  const found = validateUri(probe).filter((d) => !crossParameterCodes.has(d.code) && d.range.end > pairStart && (d.severity === 'error' || d.severity === 'warning'));
  const first = found.find((d) => d.severity === 'error') ?? found[0];
  // The validator reads the encoded probe: a space typed here is a `%20` there, which the user never typed (A2A033).
  if (first?.code === 'A2A033' && /\s/.test(value)) return { severity: first.severity as 'error' | 'warning', message: fillTemplate(messages().spaces, { name }) };
  return first ? { severity: first.severity as 'error' | 'warning', message: first.message.replace(/`/g, '') } : undefined;
}

export type AnswerResult = { readonly state: BuilderState; readonly problem?: undefined } | { readonly state?: undefined; readonly problem: StepProblem };

/** Applies the answer of the current step: the next state, or the problem that keeps the step open. */
export function answer(state: BuilderState, value: string | readonly string[]): AnswerResult {
  const refs = stepList(state);
  const ref = refs[Math.min(state.position, refs.length - 1)]!;
  const next = (s: Partial<BuilderState>): AnswerResult => ({ state: { ...state, ...s, position: state.position + 1 } });
  switch (ref.kind) {
    case 'operation': {
      const name = String(value);
      const op = findOperation(name);
      if (!op) return { problem: { severity: 'error', message: fillTemplate(messages().pickOperation, { operations: catalogInUse().map((o) => o.name).join(', ') }) } };
      // Another operation takes other parameters: start over, keeping the values both share.
      if (op.name === state.operation) return next({});
      const values: Record<string, string> = {};
      for (const [k, v] of Object.entries(state.values)) if (findParameter(op, 'request', k)) values[k] = v;
      return { state: { operation: op.name, values, optional: undefined, position: 1 } };
    }
    case 'value': {
      const text = String(value);
      const problem = validateStepValue(state.operation!, ref.name, text, ref.required);
      if (problem?.severity === 'error') return { problem };
      const values = { ...state.values };
      if (text === '') delete values[ref.name];
      else values[ref.name] = text;
      return next({ values });
    }
    case 'optional': {
      const op = findOperation(state.operation!)!;
      const picked = (Array.isArray(value) ? value : [value]).map(String);
      const groups = optionalGroups(op);
      const unknown = picked.find((id) => !groups.some((g) => g.id === id));
      if (unknown) return { problem: { severity: 'error', message: fillTemplate(messages().notOptional, { id: unknown, operation: op.name }) } };
      // Values of groups no longer chosen are dropped.
      const values = { ...state.values };
      for (const g of groups) if (!picked.includes(g.id)) for (const p of g.params) delete values[p];
      return next({ values, optional: groups.filter((g) => picked.includes(g.id)).map((g) => g.id) });
    }
    case 'done':
      return { state };
  }
}

export function back(state: BuilderState): BuilderState {
  return { ...state, position: Math.max(0, Math.min(state.position, stepList(state).length - 1) - 1) };
}

/** Position of the step that asks for `name` (to go back to a parameter a diagnostic is about), or undefined. */
export function positionOf(state: BuilderState, name: string): number | undefined {
  const i = stepList(state).findIndex((r) => r.kind === 'value' && r.name === name);
  return i < 0 ? undefined : i;
}

/** The parameter of the built `uri` a diagnostic is about (to offer going back to its step), if any. */
export function diagnosticParameter(uri: string, diagnostic: Diagnostic): string | undefined {
  return parseUri(uri).params.find((p) => p.range.start <= diagnostic.range.start && diagnostic.range.start < p.range.end)?.name;
}

/** Builder input from the flow's values (additional tags renumbered 1, 2, … in order, as the builder sends them). */
export function inputFromValues(op: OperationSpec, values: Readonly<Record<string, string>>): RequestInput {
  const fields: Record<string, unknown> = { operation: op.name };
  const keySpec = op.request.find((s) => s.family === 'additionalTagKey');
  const valueSpec = op.request.find((s) => s.family === 'additionalTagValue');
  if (keySpec && valueSpec) {
    const tags: { key: string; value: string }[] = [];
    for (let n = 1; n <= tagCount(op); n++) {
      const key = values[indexedParameterName(keySpec, n)];
      const value = values[indexedParameterName(valueSpec, n)];
      if (key !== undefined || value !== undefined) tags.push({ key: key ?? '', value: value ?? '' });
    }
    if (tags.length > 0) fields.additionalTags = tags;
  }
  for (const spec of op.request) {
    if (spec.indexed) continue;
    const v = values[spec.name];
    // buildRequestUri writes every value with String(): 'true'/'false' come out exactly as typed.
    if (v !== undefined) fields[spec.name] = v;
  }
  return fields as unknown as RequestInput;
}

/**
 * The flow prefilled from an existing request URI ("Open in builder"): its operation and decoded values; optional
 * parameters it carries are pre-chosen. Starts at the first required parameter, or at the operation when the
 * authority is not one.
 */
export function stateFromUri(text: string): BuilderState {
  const uri = parseUri(text);
  const op = findOperation(uri.authority);
  if (!op) return initialState;
  const values: Record<string, string> = {};
  for (const p of uri.params) {
    const match = findParameter(op, 'request', p.name);
    if (!match || !match.inRange || match.spec.ignoredReason || match.spec.family === 'receiptKey' || p.value === undefined || p.dynamic) continue;
    if (values[p.name] === undefined) values[p.name] = p.value;
  }
  return { operation: op.name, values, optional: undefined, position: 1 };
}

export type BuilderAction = 'insert' | 'replace' | 'send-adb' | 'simulate' | `copy-${CopyFormat}`;

export interface BuilderActionInfo {
  readonly id: BuilderAction;
  readonly label: string;
  readonly description: string;
}

/** What the last step offers. `replace` only when the flow was opened on a URI in an editor. */
export function builderActions(context: { canInsert: boolean; canReplace: boolean }): BuilderActionInfo[] {
  const A = messages().actions;
  return [
    ...(context.canReplace ? [{ id: 'replace' as const, ...A.replace }] : []),
    ...(context.canInsert ? [{ id: 'insert' as const, ...A.insert }] : []),
    ...copyFormats.map((f) => ({ id: `copy-${f.id}` as const, label: f.id === 'uri' ? A.copy : fillTemplate(A.copyAs, { format: f.label }), description: f.description })),
    { id: 'send-adb', ...A.sendAdb },
    { id: 'simulate', ...A.simulate },
  ];
}
