// The pure half of the language-model tools (issue 8): input validation and the text each tool returns. The tools
// answer with what the commands and the CLI show — the same decoder, validator, builder and code tables — so a model
// reads what a person would. The VS Code adapter (src/vscode/lmTools.ts) only wires these to `vscode.lm`.
import { buildRequestUri } from './app2app/build';
import { BuildInputError, requestInputFromEntries } from './app2app/buildInput';
import { operations, type OperationName } from './app2app/catalog';
import { scanText } from './app2app/scan';
import { didYouMean } from './app2app/suggest';
import { validateUri } from './app2app/validate';
import { describeActionCode, isoCategoryLabel } from './codes/actionCodes';
import { lookupReceiptKey, receiptKeys } from './codes/receiptKeys';
import { describeResult, operationLabel } from './codes/resultCodes';
import { fillTemplate as t } from './codes/text';
import { lookupTag } from './emv/tags';
import type { Environment } from './environments';
import { explainScanned } from './explain/explain';
import { code, decodeLimit, decodeResultMarkdown, prose, sourcesMarkdown } from './explain/markdown';
import { markdownMessages } from './explain/messages';
import { translated } from './l10n';
import { lineIndex } from './text';
import type { Diagnostic, Provenance } from './types';

/**
 * What the tools say, to the model and to the person reading along: input errors, summaries, the Markdown of
 * nexi_explain_code, the confirmation and the refusals. Tool names, parameter names and codes stay as they are.
 * Other languages are the l10n bundles.
 */
export const lmToolMessagesEn = {
  takesObject: '{tool} takes an object as input.',
  needs: '{tool} needs "{key}".',
  notString: '{tool}: "{key}" must be a string.',
  empty: '{tool}: "{key}" is empty.',
  tooLong: '{tool}: "{key}" is longer than {max} characters.',
  givenText: 'the given text',
  noUri:
    'No App2App URI found in {origin}: it holds no neximpos:// request and no result URI (an app scheme followed by payment, reversal, last_transaction or accounting_closure and a query).',
  counts: '{errors} error(s), {warnings} warning(s), {notes} note(s)',
  valid: 'The URI is valid: {counts}. Ranges are UTF-16 offsets into the given text; line and column are 1-based.',
  invalid: 'The URI is invalid: {counts}. Ranges are UTF-16 offsets into the given text; line and column are 1-based.',
  buildValid: "The request URI (every value percent-encoded as Android's Uri.Builder.appendQueryParameter does):",
  buildInvalid: 'The request URI has errors ({counts}; see the diagnostics); as built so far:',
  parametersObject: '{tool}: "parameters" must be an object of parameter names to values, e.g. {"amount": "1250", "sendTicket": false}.',
  parameterValue: '{tool}: the value of "{key}" must be a string, a number or a boolean.',
  kindOneOf: '{tool}: "kind" must be one of {kinds}, not "{kind}".',
  operationOneOf: '{tool}: "operation" must be one of {operations}, not "{operation}".',
  source: 'Source: {sources}',

  resultOutcome: '- Outcome: {outcome}; {retry}{inferred}.',
  retryable: 'retryable',
  final: 'final (do not retry as is)',
  inferred: ' (inferred)',
  listedFor: '- Listed for: {operations}{possibly}.',
  noOperation: 'no operation',
  possibly: '; possibly {operations}',
  product: '- Product: {product}{inferred}.',
  products: { mpos: 'MobilePOS', softpos: 'SoftPOS', both: 'SoftPOS and MobilePOS', unknown: 'unknown' },
  next: '- Next: {detail}',

  actionKind: { 'iso8583-1993': 'ISO 8583:1993 action code', 'iso8583-1987': 'ISO 8583:1987 response code', unrecognised: 'not a recognised action code' },
  actionKindLine: '- Kind: {kind}{onlyClass}.',
  onlyClass: ' (only its class is known)',
  actionOutcome: '- Outcome: {outcome}.',
  approved: 'approved',
  declinedOrFailed: 'declined or failed',
  neitherOutcome: 'neither approved nor declined, or unknown',
  isoCategory: '- ISO category: {category}.',
  codeClass: '- Class {range}: {meaning}',
  isoMeaning: '- ISO meaning: {meaning}',
  equivalent: '- Equivalent in the other ISO version: {code} {meaning}',

  receiptKeyTitle: '# Receipt key {key}',
  receiptKeyTitleLabel: '# Receipt key {key} — {label}',
  receiptKeyUnknown: 'Not a known receipt key (keys are case-sensitive){hint}',
  didYouMean: '; did you mean {hint}?',
  receiptKeyFormat: '- Format: {format}{maxLength}.',
  atMost: ', at most {max} characters',
  example: '- Example: {example}',
  namedAfter: '- Named after ISO 8583 field {field}.',

  emvTitle: '# EMV tag {tag}',
  emvTitleName: '# EMV tag {tag} — {name}',
  emvUnknown: 'Not in the EMV tag dictionary (give the tag in hex, e.g. `9F36`).',
  emvFormat: '- Format: {format}; length: {length} byte(s).',
  emvOrigin: '- Origin: {origin}; scheme: {scheme}{template}.',
  emvTemplate: '; template {template}',
  emvBer: '- BER: {tagClass} class, {construction}.',
  tagClass: { universal: 'universal', application: 'application', 'context-specific': 'context-specific', private: 'private' },
  constructed: 'constructed (its value is TLV)',
  primitive: 'primitive',
  emvCoding: '- Its value has a bit or value coding: the decoder and the hovers spell it out for a given value.',

  terminalIdSpaces: '{tool}: "terminalId" is one terminal id without spaces (8 digits in every Nexi example).',
  noEnvironment: '{tool}: there is no environment "{id}"; the environments are {ids}.',
  productionWhere: "{label} — Nexi's **production** environment (real merchants and transactions)",
  confirmTitle: 'Check a transaction on {label}?',
  confirmTitleProduction: 'Check a transaction on {label} (production)?',
  confirmMessage:
    'Look transaction {callerTrxId} of terminal {terminalId} up with checkTransaction on {where}, with the credentials stored for it. The answer is explained; no secret, token or assertion is returned.',
  restricted:
    '{tool} uses credentials and the network, which are off in Restricted Mode (this workspace is not trusted). Decoding, validating and building URIs still work; trust the workspace to check transactions.',
  noCredentials: '{label} has no stored credentials, so no check can be made there. {more}',
  withCredentials: 'Environments with credentials: {ids} (pass one as environmentId).',
  noneWithCredentials:
    'No environment has any yet: import the certificate and key, or create a key and CSR, in the Nexi Credentials view — or run "Nexi: Start Local Sandbox" to try it against the local sandbox.',
} as const;

/** The tools' texts in the current core locale. */
export const lmToolMessages = translated('lmTools.messages', lmToolMessagesEn, {
  contexts: { approved: 'action code outcome', declinedOrFailed: 'action code outcome', neitherOutcome: 'action code outcome', products: 'product', tagClass: 'EMV tag class' },
});

export const lmToolNames = {
  decode: 'nexi_decode_uri',
  validate: 'nexi_validate_uri',
  build: 'nexi_build_uri',
  explain: 'nexi_explain_code',
  check: 'nexi_check_transaction',
} as const;

/** Input a tool cannot take; the message is written for the model (and the person) that sent it. */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}

/** Longest text a tool reads (a whole logcat dump fits; the decoder lists at most `decodeLimit` URIs of it). */
const maxText = 2_000_000;

function object(input: unknown, tool: string): Record<string, unknown> {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ToolInputError(t(lmToolMessages().takesObject, { tool }));
  return input as Record<string, unknown>;
}

/** A string input of a tool (also the MCP server's): present when required, a string, not too long. */
export function text(input: Record<string, unknown>, key: string, tool: string, required: true): string;
export function text(input: Record<string, unknown>, key: string, tool: string, required: false): string | undefined;
export function text(input: Record<string, unknown>, key: string, tool: string, required: boolean): string | undefined {
  const M = lmToolMessages();
  const v = input[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '' && !required)) {
    if (required) throw new ToolInputError(t(M.needs, { tool, key }));
    return undefined;
  }
  if (typeof v !== 'string') throw new ToolInputError(t(M.notString, { tool, key }));
  if (required && v.trim() === '') throw new ToolInputError(t(M.empty, { tool, key }));
  if (v.length > maxText) throw new ToolInputError(t(M.tooLong, { tool, key, max: maxText }));
  return v;
}

// --- nexi_decode_uri ---------------------------------------------------------------------------------------------

export interface DecodeToolInput {
  readonly text: string;
}

export function decodeToolInput(input: unknown): DecodeToolInput {
  return { text: text(object(input, lmToolNames.decode), 'text', lmToolNames.decode, true) };
}

/** Where the decoded text came from, as "Nexi: Decode URI" names text it is given (in the current core locale). */
export function givenTextOrigin(): string {
  return lmToolMessages().givenText;
}

/** The document "Nexi: Decode URI" opens for `text` (given as text), or a sentence saying there is no URI in it. */
export function decodeToolText(input: DecodeToolInput): string {
  const uris = scanText(input.text);
  if (uris.length === 0) return t(lmToolMessages().noUri, { origin: givenTextOrigin() });
  const explanations = uris.slice(0, decodeLimit).map((u) => explainScanned(u));
  return decodeResultMarkdown(explanations, uris.length, givenTextOrigin(), lineIndex(input.text));
}

// --- nexi_validate_uri / nexi_build_uri ---------------------------------------------------------------------------

/** A diagnostic as the CLI's `--json` prints it (README "JSON output"), plus the titles of its quick fixes. */
export interface ToolDiagnostic {
  readonly code: string;
  readonly severity: Diagnostic['severity'];
  readonly message: string;
  readonly range: { readonly start: number; readonly end: number; readonly line: number; readonly column: number };
  readonly fixes: readonly string[];
}

function toolDiagnostic(d: Diagnostic, where: (offset: number) => { line: number; column: number }): ToolDiagnostic {
  return { code: d.code, severity: d.severity, message: d.message, range: { start: d.range.start, end: d.range.end, ...where(d.range.start) }, fixes: (d.fixes ?? []).map((f) => f.title) };
}

function counts(diagnostics: ReadonlyArray<{ readonly severity: Diagnostic['severity'] }>): string {
  const n = (s: Diagnostic['severity']) => diagnostics.filter((d) => d.severity === s).length;
  return t(lmToolMessages().counts, { errors: n('error'), warnings: n('warning'), notes: n('info') + n('hint') });
}

function jsonBlock(value: unknown): string {
  return ['```json', JSON.stringify(value, null, 2), '```'].join('\n');
}

export interface ValidateToolInput {
  readonly uri: string;
}

export function validateToolInput(input: unknown): ValidateToolInput {
  return { uri: text(object(input, lmToolNames.validate), 'uri', lmToolNames.validate, true) };
}

export interface ValidateToolResult {
  readonly uri: string;
  readonly valid: boolean;
  readonly diagnostics: readonly ToolDiagnostic[];
}

/** Diagnostics for a request URI, as `nexi-app2app validate --json` finds them (a URI inside a log line or literal is validated where it stands). */
export function validateToolResult(input: ValidateToolInput): ValidateToolResult {
  const scanned = scanText(input.uri).find((u) => u.kind === 'request');
  const diagnostics = validateUri(scanned ?? input.uri.trim());
  const where = lineIndex(input.uri);
  return { uri: input.uri, valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics: diagnostics.map((d) => toolDiagnostic(d, where)) };
}

export function validateToolText(input: ValidateToolInput): string {
  const result = validateToolResult(input);
  const M = lmToolMessages();
  const summary = t(result.valid ? M.valid : M.invalid, { counts: counts(result.diagnostics) });
  return `${summary}\n\n${jsonBlock(result)}\n`;
}

export interface BuildToolInput {
  readonly operation: string;
  /** Unencoded values; booleans and numbers are written as the CLI takes them. */
  readonly parameters: ReadonlyArray<readonly [string, string]>;
}

export function buildToolInput(input: unknown): BuildToolInput {
  const M = lmToolMessages();
  const tool = lmToolNames.build;
  const o = object(input, tool);
  const operation = text(o, 'operation', tool, true).trim();
  const raw = o.parameters ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ToolInputError(t(M.parametersObject, { tool }));
  const parameters = Object.entries(raw as Record<string, unknown>).map(([key, value]): [string, string] => {
    if (typeof value === 'string') return [key, value];
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return [key, String(value)];
    throw new ToolInputError(t(M.parameterValue, { tool, key }));
  });
  return { operation, parameters };
}

export interface BuildToolResult {
  readonly uri: string;
  readonly valid: boolean;
  readonly diagnostics: readonly ToolDiagnostic[];
}

/** The request URI as `nexi-app2app build --json` makes it (same input conversion, same builder). */
export function buildToolResult(input: BuildToolInput): BuildToolResult {
  let request;
  try {
    request = requestInputFromEntries(input.operation, input.parameters);
  } catch (err) {
    if (err instanceof BuildInputError) throw new ToolInputError(`${lmToolNames.build}: ${err.message}`);
    throw err;
  }
  const { uri, diagnostics } = buildRequestUri(request);
  const where = lineIndex(uri);
  return { uri, valid: !diagnostics.some((d) => d.severity === 'error'), diagnostics: diagnostics.map((d) => toolDiagnostic(d, where)) };
}

export function buildToolText(input: BuildToolInput): string {
  const result = buildToolResult(input);
  const M = lmToolMessages();
  const summary = result.valid ? M.buildValid : t(M.buildInvalid, { counts: counts(result.diagnostics) });
  return `${summary}\n\n${result.uri}\n\n${jsonBlock(result)}\n`;
}

// --- nexi_explain_code ---------------------------------------------------------------------------------------------

export const explainKinds = ['result', 'actionCode', 'receiptKey', 'emvTag'] as const;
export type ExplainKind = (typeof explainKinds)[number];

export interface ExplainToolInput {
  readonly kind: ExplainKind;
  readonly code: string;
  readonly operation?: OperationName;
}

export function explainToolInput(input: unknown): ExplainToolInput {
  const M = lmToolMessages();
  const tool = lmToolNames.explain;
  const o = object(input, tool);
  const kind = text(o, 'kind', tool, true).trim();
  if (!(explainKinds as readonly string[]).includes(kind)) throw new ToolInputError(t(M.kindOneOf, { tool, kinds: explainKinds.join(', '), kind }));
  const value = text(o, 'code', tool, true).trim();
  const operation = text(o, 'operation', tool, false)?.trim();
  if (operation !== undefined && !operations.some((op) => op.name === operation)) {
    throw new ToolInputError(t(M.operationOneOf, { tool, operations: operations.map((op) => op.name).join(', '), operation }));
  }
  return { kind: kind as ExplainKind, code: value, ...(operation ? { operation: operation as OperationName } : {}) };
}

// Sources as the Nexi pages' titles, linked (issue 16); tags cited inside notes and details are linked the same way.
const source = (provenance: Provenance, sources: readonly string[]): string => t(lmToolMessages().source, { sources: sourcesMarkdown(provenance, sources) });
const notes = (list: readonly string[]): string[] => list.map((n) => `- ${prose(n)}`);

/** What the code tables say about one result code, action code, receipt key or EMV tag (Markdown). */
export function explainCodeMarkdown(input: ExplainToolInput): string {
  switch (input.kind) {
    case 'result':
      return resultMarkdown(input);
    case 'actionCode':
      return actionCodeMarkdown(input);
    case 'receiptKey':
      return receiptKeyMarkdown(input.code);
    case 'emvTag':
      return emvTagMarkdown(input.code);
  }
}

function resultMarkdown(input: ExplainToolInput): string {
  const M = lmToolMessages();
  const d = describeResult(input.code, input.operation ? { operation: input.operation } : {});
  const out = [`# result ${code(input.code)}`, '', prose(d.meaning), ''];
  if (d.entry) {
    const e = d.entry;
    const retry = e.retry === 'retryable' ? M.retryable : M.final;
    out.push(t(M.resultOutcome, { outcome: markdownMessages().outcome[e.outcome], retry, inferred: e.retryProvenance === 'inferred' ? M.inferred : '' }));
    const possibly = e.uncertainOperations?.length ? t(M.possibly, { operations: e.uncertainOperations.map((o) => operationLabel(o)).join(', ') }) : '';
    out.push(t(M.listedFor, { operations: e.operations.map((o) => operationLabel(o)).join(', ') || M.noOperation, possibly }));
    out.push(t(M.product, { product: M.products[e.product] ?? M.products.unknown, inferred: e.productInferred ? M.inferred : '' }));
    if (e.detail) out.push(t(M.next, { detail: prose(e.detail) }));
  }
  out.push(...notes(d.notes));
  out.push('', source(d.provenance, d.entry?.sources ?? []), '');
  return out.join('\n');
}

function actionCodeMarkdown(input: ExplainToolInput): string {
  const M = lmToolMessages();
  const d = describeActionCode(input.code, input.operation ? { operation: input.operation } : {});
  const out = [`# actionCode ${code(d.code || input.code)}`, '', prose(d.meaning), ''];
  out.push(t(M.actionKindLine, { kind: M.actionKind[d.kind], onlyClass: d.documented ? '' : M.onlyClass }));
  out.push(t(M.actionOutcome, { outcome: d.approved === true ? M.approved : d.approved === false ? M.declinedOrFailed : M.neitherOutcome }));
  if (d.category) out.push(t(M.isoCategory, { category: prose(isoCategoryLabel(d.category)) }));
  if (d.codeClass) out.push(t(M.codeClass, { range: code(d.codeClass.range), meaning: prose(d.codeClass.meaning) }));
  if (d.isoMeaning) out.push(t(M.isoMeaning, { meaning: prose(d.isoMeaning) }));
  if (d.equivalent) out.push(t(M.equivalent, { code: code(d.equivalent.code), meaning: prose(d.equivalent.meaning) }));
  out.push(...notes(d.notes));
  out.push('', source(d.provenance, d.sources), '');
  return out.join('\n');
}

function receiptKeyMarkdown(key: string): string {
  const M = lmToolMessages();
  const k = lookupReceiptKey(key);
  if (!k) {
    const hint = receiptKeys.find((r) => r.key.toLowerCase() === key.toLowerCase())?.key ?? didYouMean(key, receiptKeys.map((r) => r.key));
    return `${t(M.receiptKeyTitle, { key: code(key) })}\n\n${t(M.receiptKeyUnknown, { hint: hint ? t(M.didYouMean, { hint: code(hint) }) : '.' })}\n`;
  }
  const out = [t(M.receiptKeyTitleLabel, { key: code(k.key), label: prose(k.label) }), '', prose(k.meaning), ''];
  out.push(t(M.receiptKeyFormat, { format: code(k.format), maxLength: k.maxLength !== undefined ? t(M.atMost, { max: k.maxLength }) : '' }));
  if (k.maxLengthNote) out.push(`- ${prose(k.maxLengthNote)}`);
  if (k.example !== undefined) out.push(t(M.example, { example: code(k.example) }));
  if (k.iso8583Field !== undefined) out.push(t(M.namedAfter, { field: k.iso8583Field }));
  out.push('', source(k.provenance, k.sources), '');
  return out.join('\n');
}

function emvTagMarkdown(tag: string): string {
  const M = lmToolMessages();
  const e = lookupTag(tag);
  if (!e) return `${t(M.emvTitle, { tag: code(tag) })}\n\n${M.emvUnknown}\n`;
  const out = [t(M.emvTitleName, { tag: code(e.tag), name: prose(e.name) }), ''];
  out.push(t(M.emvFormat, { format: code(e.format), length: prose(e.length) }));
  out.push(t(M.emvOrigin, { origin: prose(e.origin), scheme: prose(e.scheme), template: e.template ? t(M.emvTemplate, { template: code(e.template) }) : '' }));
  out.push(t(M.emvBer, { tagClass: M.tagClass[e.tagClass], construction: e.constructed ? M.constructed : M.primitive }));
  if (e.note) out.push(`- ${prose(e.note)}`);
  if (e.coding) out.push(M.emvCoding);
  out.push('', source(e.provenance, e.sources), '');
  return out.join('\n');
}

// --- nexi_check_transaction ----------------------------------------------------------------------------------------

export interface CheckToolInput {
  readonly environmentId?: string;
  readonly terminalId: string;
  readonly callerTrxId: string;
}

export function checkToolInput(input: unknown): CheckToolInput {
  const tool = lmToolNames.check;
  const o = object(input, tool);
  const environmentId = text(o, 'environmentId', tool, false)?.trim();
  const terminalId = text(o, 'terminalId', tool, true).trim();
  const callerTrxId = text(o, 'callerTrxId', tool, true).trim();
  if (/\s/.test(terminalId)) throw new ToolInputError(t(lmToolMessages().terminalIdSpaces, { tool }));
  return { ...(environmentId ? { environmentId } : {}), terminalId, callerTrxId };
}

/** The environment a check goes to: the one asked for, else the active one. */
export function checkToolEnvironment(all: readonly Environment[], activeId: string, wanted: string | undefined): Environment {
  const id = wanted ?? activeId;
  const found = all.find((e) => e.id === id);
  if (!found) throw new ToolInputError(t(lmToolMessages().noEnvironment, { tool: lmToolNames.check, id, ids: all.map((e) => e.id).join(', ') }));
  return found;
}

/** The confirmation shown before a check runs: which environment (and that it is production), which transaction. */
export function checkConfirmation(environment: Environment, input: CheckToolInput): { title: string; message: string } {
  const M = lmToolMessages();
  const label = environment.label;
  const where = environment.production ? t(M.productionWhere, { label }) : label;
  return {
    title: t(environment.production ? M.confirmTitleProduction : M.confirmTitle, { label }),
    message: t(M.confirmMessage, { callerTrxId: code(input.callerTrxId), terminalId: code(input.terminalId), where }),
  };
}

/** Why a check cannot run here (Restricted Mode, no credentials), or undefined when it can. */
export function checkRefusal(state: { readonly trusted: boolean; readonly environment: Environment; readonly configured: readonly Environment[] }): string | undefined {
  const M = lmToolMessages();
  if (!state.trusted) return t(M.restricted, { tool: lmToolNames.check });
  if (!state.configured.some((e) => e.id === state.environment.id)) {
    const others = state.configured.map((e) => e.id);
    return t(M.noCredentials, { label: state.environment.label, more: others.length ? t(M.withCredentials, { ids: others.join(', ') }) : M.noneWithCredentials });
  }
  return undefined;
}
