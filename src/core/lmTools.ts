// The pure half of the language-model tools (issue 8): input validation and the text each tool returns. The tools
// answer with what the commands and the CLI show — the same decoder, validator, builder and code tables — so a model
// reads what a person would. The VS Code adapter (src/vscode/lmTools.ts) only wires these to `vscode.lm`.
import { buildRequestUri } from './app2app/build';
import { BuildInputError, requestInputFromEntries } from './app2app/buildInput';
import { operations, type OperationName } from './app2app/catalog';
import { scanText } from './app2app/scan';
import { didYouMean } from './app2app/suggest';
import { validateUri } from './app2app/validate';
import { describeActionCode } from './codes/actionCodes';
import { lookupReceiptKey, receiptKeys } from './codes/receiptKeys';
import { describeResult, operationLabels } from './codes/resultCodes';
import { lookupTag } from './emv/tags';
import type { Environment } from './environments';
import { explainScanned } from './explain/explain';
import { code, decodeLimit, decodeResultMarkdown, escapeMarkdown, provenanceLabels } from './explain/markdown';
import { lineIndex } from './text';
import type { Diagnostic, Provenance } from './types';

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
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new ToolInputError(`${tool} takes an object as input.`);
  return input as Record<string, unknown>;
}

function text(input: Record<string, unknown>, key: string, tool: string, required: true): string;
function text(input: Record<string, unknown>, key: string, tool: string, required: false): string | undefined;
function text(input: Record<string, unknown>, key: string, tool: string, required: boolean): string | undefined {
  const v = input[key];
  if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '' && !required)) {
    if (required) throw new ToolInputError(`${tool} needs "${key}".`);
    return undefined;
  }
  if (typeof v !== 'string') throw new ToolInputError(`${tool}: "${key}" must be a string.`);
  if (required && v.trim() === '') throw new ToolInputError(`${tool}: "${key}" is empty.`);
  if (v.length > maxText) throw new ToolInputError(`${tool}: "${key}" is longer than ${maxText} characters.`);
  return v;
}

// --- nexi_decode_uri ---------------------------------------------------------------------------------------------

export interface DecodeToolInput {
  readonly text: string;
}

export function decodeToolInput(input: unknown): DecodeToolInput {
  return { text: text(object(input, lmToolNames.decode), 'text', lmToolNames.decode, true) };
}

/** Where the decoded text came from, as "Nexi: Decode URI" names text it is given. */
export const givenTextOrigin = 'the given text';

/** The document "Nexi: Decode URI" opens for `text` (given as text), or a sentence saying there is no URI in it. */
export function decodeToolText(input: DecodeToolInput): string {
  const uris = scanText(input.text);
  if (uris.length === 0) return `No App2App URI found in ${givenTextOrigin}: it holds no neximpos:// request and no result URI (an app scheme followed by payment, reversal, last_transaction or accounting_closure and a query).`;
  const explanations = uris.slice(0, decodeLimit).map((u) => explainScanned(u));
  return decodeResultMarkdown(explanations, uris.length, givenTextOrigin, lineIndex(input.text));
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
  return `${n('error')} error(s), ${n('warning')} warning(s), ${n('info') + n('hint')} note(s)`;
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
  const summary = `The URI is ${result.valid ? 'valid' : 'invalid'}: ${counts(result.diagnostics)}. Ranges are UTF-16 offsets into the given text; line and column are 1-based.`;
  return `${summary}\n\n${jsonBlock(result)}\n`;
}

export interface BuildToolInput {
  readonly operation: string;
  /** Unencoded values; booleans and numbers are written as the CLI takes them. */
  readonly parameters: ReadonlyArray<readonly [string, string]>;
}

export function buildToolInput(input: unknown): BuildToolInput {
  const tool = lmToolNames.build;
  const o = object(input, tool);
  const operation = text(o, 'operation', tool, true).trim();
  const raw = o.parameters ?? {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) throw new ToolInputError(`${tool}: "parameters" must be an object of parameter names to values, e.g. {"amount": "1250", "sendTicket": false}.`);
  const parameters = Object.entries(raw as Record<string, unknown>).map(([key, value]): [string, string] => {
    if (typeof value === 'string') return [key, value];
    if (typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value))) return [key, String(value)];
    throw new ToolInputError(`${tool}: the value of "${key}" must be a string, a number or a boolean.`);
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
  const summary = result.valid
    ? 'The request URI (every value percent-encoded as Android\'s Uri.Builder.appendQueryParameter does):'
    : `The request URI has errors (${counts(result.diagnostics)}; see the diagnostics); as built so far:`;
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
  const tool = lmToolNames.explain;
  const o = object(input, tool);
  const kind = text(o, 'kind', tool, true).trim();
  if (!(explainKinds as readonly string[]).includes(kind)) throw new ToolInputError(`${tool}: "kind" must be one of ${explainKinds.join(', ')}, not "${kind}".`);
  const value = text(o, 'code', tool, true).trim();
  const operation = text(o, 'operation', tool, false)?.trim();
  if (operation !== undefined && !operations.some((op) => op.name === operation)) {
    throw new ToolInputError(`${tool}: "operation" must be one of ${operations.map((op) => op.name).join(', ')}, not "${operation}".`);
  }
  return { kind: kind as ExplainKind, code: value, ...(operation ? { operation: operation as OperationName } : {}) };
}

const source = (provenance: Provenance, sources: readonly string[]): string => `Source: ${[escapeMarkdown(provenanceLabels[provenance]), ...sources.map(code)].join(' ')}`;
const notes = (list: readonly string[]): string[] => list.map((n) => `- ${escapeMarkdown(n)}`);

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
  const d = describeResult(input.code, input.operation ? { operation: input.operation } : {});
  const out = [`# result ${code(input.code)}`, '', escapeMarkdown(d.meaning), ''];
  if (d.entry) {
    const e = d.entry;
    out.push(`- Outcome: ${e.outcome}; ${e.retry === 'retryable' ? 'retryable' : 'final (do not retry as is)'}${e.retryProvenance === 'inferred' ? ' (inferred)' : ''}.`);
    out.push(`- Listed for: ${e.operations.map((o) => operationLabels[o]).join(', ') || 'no operation'}${e.uncertainOperations?.length ? `; possibly ${e.uncertainOperations.map((o) => operationLabels[o]).join(', ')}` : ''}.`);
    out.push(`- Product: ${e.product === 'mpos' ? 'MobilePOS' : e.product === 'softpos' ? 'SoftPOS' : e.product === 'both' ? 'SoftPOS and MobilePOS' : 'unknown'}${e.productInferred ? ' (inferred)' : ''}.`);
    if (e.detail) out.push(`- Next: ${escapeMarkdown(e.detail)}`);
  }
  out.push(...notes(d.notes));
  out.push('', source(d.provenance, d.entry?.sources ?? []), '');
  return out.join('\n');
}

function actionCodeMarkdown(input: ExplainToolInput): string {
  const d = describeActionCode(input.code, input.operation ? { operation: input.operation } : {});
  const kind = { 'iso8583-1993': 'ISO 8583:1993 action code', 'iso8583-1987': 'ISO 8583:1987 response code', unrecognised: 'not a recognised action code' }[d.kind];
  const out = [`# actionCode ${code(d.code || input.code)}`, '', escapeMarkdown(d.meaning), ''];
  out.push(`- Kind: ${kind}${d.documented ? '' : ' (only its class is known)'}.`);
  out.push(`- Outcome: ${d.approved === true ? 'approved' : d.approved === false ? 'declined or failed' : 'neither approved nor declined, or unknown'}.`);
  if (d.category) out.push(`- ISO category: ${escapeMarkdown(d.category)}.`);
  if (d.codeClass) out.push(`- Class ${code(d.codeClass.range)}: ${escapeMarkdown(d.codeClass.meaning)}`);
  if (d.isoMeaning) out.push(`- ISO meaning: ${escapeMarkdown(d.isoMeaning)}`);
  if (d.equivalent) out.push(`- Equivalent in the other ISO version: ${code(d.equivalent.code)} ${escapeMarkdown(d.equivalent.meaning)}`);
  out.push(...notes(d.notes));
  out.push('', source(d.provenance, d.sources), '');
  return out.join('\n');
}

function receiptKeyMarkdown(key: string): string {
  const k = lookupReceiptKey(key);
  if (!k) {
    const hint = receiptKeys.find((r) => r.key.toLowerCase() === key.toLowerCase())?.key ?? didYouMean(key, receiptKeys.map((r) => r.key));
    return `# Receipt key ${code(key)}\n\nNot a known receipt key (keys are case-sensitive)${hint ? `; did you mean ${code(hint)}?` : '.'}\n`;
  }
  const out = [`# Receipt key ${code(k.key)} — ${escapeMarkdown(k.label)}`, '', escapeMarkdown(k.meaning), ''];
  out.push(`- Format: ${code(k.format)}${k.maxLength !== undefined ? `, at most ${k.maxLength} characters` : ''}.`);
  if (k.maxLengthNote) out.push(`- ${escapeMarkdown(k.maxLengthNote)}`);
  if (k.example !== undefined) out.push(`- Example: ${code(k.example)}`);
  if (k.iso8583Field !== undefined) out.push(`- Named after ISO 8583 field ${k.iso8583Field}.`);
  out.push('', source(k.provenance, k.sources), '');
  return out.join('\n');
}

function emvTagMarkdown(tag: string): string {
  const t = lookupTag(tag);
  if (!t) return `# EMV tag ${code(tag)}\n\nNot in the EMV tag dictionary (give the tag in hex, e.g. \`9F36\`).\n`;
  const out = [`# EMV tag ${code(t.tag)} — ${escapeMarkdown(t.name)}`, ''];
  out.push(`- Format: ${code(t.format)}; length: ${escapeMarkdown(t.length)} byte(s).`);
  out.push(`- Origin: ${escapeMarkdown(t.origin)}; scheme: ${escapeMarkdown(t.scheme)}${t.template ? `; template ${code(t.template)}` : ''}.`);
  out.push(`- BER: ${t.tagClass} class, ${t.constructed ? 'constructed (its value is TLV)' : 'primitive'}.`);
  if (t.note) out.push(`- ${escapeMarkdown(t.note)}`);
  if (t.coding) out.push('- Its value has a bit or value coding: the decoder and the hovers spell it out for a given value.');
  out.push('', source(t.provenance, t.sources), '');
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
  if (/\s/.test(terminalId)) throw new ToolInputError(`${tool}: "terminalId" is one terminal id without spaces (8 digits in every Nexi example).`);
  return { ...(environmentId ? { environmentId } : {}), terminalId, callerTrxId };
}

/** The environment a check goes to: the one asked for, else the active one. */
export function checkToolEnvironment(all: readonly Environment[], activeId: string, wanted: string | undefined): Environment {
  const id = wanted ?? activeId;
  const found = all.find((e) => e.id === id);
  if (!found) throw new ToolInputError(`${lmToolNames.check}: there is no environment "${id}"; the environments are ${all.map((e) => e.id).join(', ')}.`);
  return found;
}

/** The confirmation shown before a check runs: which environment (and that it is production), which transaction. */
export function checkConfirmation(environment: Environment, input: CheckToolInput): { title: string; message: string } {
  const where = environment.production ? `${environment.label} — Nexi's **production** environment (real merchants and transactions)` : environment.label;
  return {
    title: `Check a transaction on ${environment.label}${environment.production ? ' (production)' : ''}?`,
    message: `Look transaction ${code(input.callerTrxId)} of terminal ${code(input.terminalId)} up with checkTransaction on ${where}, with the credentials stored for it. The answer is explained; no secret, token or assertion is returned.`,
  };
}

/** Why a check cannot run here (Restricted Mode, no credentials), or undefined when it can. */
export function checkRefusal(state: { readonly trusted: boolean; readonly environment: Environment; readonly configured: readonly Environment[] }): string | undefined {
  if (!state.trusted) return `${lmToolNames.check} uses credentials and the network, which are off in Restricted Mode (this workspace is not trusted). Decoding, validating and building URIs still work; trust the workspace to check transactions.`;
  if (!state.configured.some((e) => e.id === state.environment.id)) {
    const others = state.configured.map((e) => e.id);
    return `${state.environment.label} has no stored credentials, so no check can be made there. ${others.length ? `Environments with credentials: ${others.join(', ')} (pass one as environmentId).` : 'No environment has any yet: import the certificate and key, or create a key and CSR, in the Nexi Credentials view — or run "Nexi: Start Local Sandbox" to try it against the local sandbox.'}`;
  }
  return undefined;
}
