// `nexi-app2app mcp`: the toolkit as a Model Context Protocol server over stdio (issue 18), for agents outside VS
// Code's chat (terminal agents, other editors) and for VS Code itself (the extension offers it through
// `mcpServerDefinitionProviders`). The tools answer with the CLI's own text and `--json` (explaining a single code has
// no CLI command: the chat tool's Markdown): decode, validate, build, explain a code and simulate a result are
// read-only and answer at once; checkTransaction and
// reconcile run only for a named CLI profile, never against production unless the profile says so *and* the client
// confirms through MCP elicitation. Secrets come as the CLI takes them (NEXI_CLIENT_SECRET, NEXI_KEY_PASSPHRASE in
// the server's environment), never in tool arguments or results; card numbers are masked in everything returned.
import * as fs from 'fs';
import type { Server as ServerType } from '@modelcontextprotocol/sdk/server/index.js';
import type { CallToolResult, Tool } from '@modelcontextprotocol/sdk/types.js';
import { version } from '../../package.json';
import { checkJson, checkText } from './check';
import { connect, productionTarget } from './connection';
import { t as cliT } from './messages';
import { reconcileText } from './reconcile';
import { unknownOption, UsageError, type Io } from './io';
import { readProfiles } from './profiles';
import { getLocale } from '../core/l10n';
import {
  buildToolInput,
  decodeToolInput,
  explainCodeMarkdown,
  explainKinds,
  explainToolInput,
  lmToolNames,
  text as stringInput,
  ToolInputError,
  validateToolInput,
} from '../core/lmTools';
import { isNexiError, userMessage } from '../core/nexi/errors';
import { extractEntries, reconcile } from '../core/reconcile/reconcile';
import { reportIdentifiers, toJson } from '../core/reconcile/report';
import { maskPans, redact } from '../core/redact';
import { SimulationError } from '../core/simulator/simulate';

type Sdk = typeof import('./mcpSdk');

export const mcpToolNames = {
  ...lmToolNames,
  simulate: 'nexi_simulate_result',
  reconcile: 'nexi_reconcile_log',
  profiles: 'nexi_list_profiles',
} as const;

/** The CLI's own `run` (cli/main.ts), handed in by the `mcp` subcommand: the server needs no import of main. */
export type CliRun = (argv: readonly string[], io: Io, env: NodeJS.ProcessEnv) => Promise<number>;

export interface McpOptions {
  /** Runs a CLI command in-process: the tools answer with its text and its `--json`. */
  readonly runCli: CliRun;
  /** Only the tools that read nothing but their arguments (VS Code's Restricted Mode): no profile, no network. */
  readonly readOnly?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/** Largest log `nexi_reconcile_log` reads from a path (the tool is for sessions, not archives). */
const maxLogBytes = 20 * 1024 * 1024;

/** A tool's answer: text for people and models, and the same as structured JSON. Callers mask and redact first. */
function answer(body: string, structured: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text: body }], structuredContent: structured };
}

function refusal(message: string, code: string): CallToolResult {
  return { isError: true, content: [{ type: 'text', text: maskPans(message) }], structuredContent: { error: { code, message: maskPans(message) } } };
}

/**
 * Runs a CLI command in-process, as `nexi-app2app …` would print it (no colour), with `stdin` as its standard input:
 * the tools answer with exactly the CLI's text and its `--json`, in the server's language (`nexi-app2app --lang it
 * mcp`, else the environment's, as `run` chose it).
 */
async function cli(runCli: CliRun, argv: readonly string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const io: Io = { stdout: (t) => void (out += t), stderr: (t) => void (err += t), readStdin: async () => stdin, color: false };
  const code = await runCli(['--lang', getLocale(), ...argv], io, env);
  return { code, out, err };
}

/** A read-only tool's answer: the CLI's text (what it printed, or its message when it found nothing) and its JSON. */
async function cliAnswer(runCli: CliRun, argv: readonly string[], env: NodeJS.ProcessEnv, stdin?: string): Promise<CallToolResult> {
  const [plain, json] = await Promise.all([cli(runCli, argv, env, stdin), cli(runCli, [...argv, '--json'], env, stdin)]);
  if (plain.code === 2) return refusal(plain.err.trim(), 'BAD_INPUT');
  const structured = json.out.trim() ? (JSON.parse(json.out) as unknown) : null;
  return answer(plain.out || plain.err, Array.isArray(structured) ? { items: structured } : ((structured as Record<string, unknown> | null) ?? {}));
}

/** Standard input is the protocol channel: a profile's secrets must come from the environment. */
const noStdinIo: Io = { stdout: () => undefined, stderr: () => undefined, readStdin: async () => undefined, color: false };

type Args = Record<string, unknown>;

interface ToolSpec {
  readonly tool: Tool;
  /** Reads only its arguments: offered in Restricted Mode too. */
  readonly readOnly: boolean;
  run(args: Args): Promise<CallToolResult> | CallToolResult;
}

const readOnlyHints = { readOnlyHint: true, openWorldHint: false, idempotentHint: true } as const;
const operationNames = ['payment', 'reversal', 'last_transaction', 'accounting_closure'];

/**
 * The server with its tools (only the read-only ones with `readOnly`). Exported for tests, which connect a client
 * in-process; `runMcp` connects it to stdio.
 */
export function createMcpServer(sdk: Sdk, options: McpOptions): ServerType {
  const env = options.env ?? process.env;
  const { runCli } = options;
  const server = new sdk.Server(
    { name: 'nexi-app2app', title: 'Nexi App2App Toolkit', version },
    {
      capabilities: { tools: {} },
      instructions:
        'Tools for Nexi SoftPOS/MobilePOS App2App integrations: decode and explain result URIs (neximpos://… requests, <app>://payment|reversal|last_transaction|accounting_closure?… results), validate and build request URIs, explain result/action codes, receipt keys and EMV tags, simulate what Nexi POS answers, and — with a CLI profile — look transactions up with checkTransaction or reconcile a whole log. Card numbers are always masked.',
    },
  );

  /**
   * A profile's production guard: a production host needs the profile to say `"production": true` and the person
   * to confirm through elicitation; a client that cannot elicit gets a refusal that says what to do instead.
   */
  async function allowed(profile: string, what: string): Promise<CallToolResult | undefined> {
    const profiles = readProfiles(env);
    const p = profiles[profile];
    if (!p) return refusal(`No CLI profile "${profile}". Known: ${Object.keys(profiles).join(', ') || 'none'} (${mcpToolNames.profiles} lists them).`, 'NO_PROFILE');
    const target = productionTarget([p.baseUrl, p.checkUrl], p);
    if (!target) return undefined;
    if (p.production !== true) return refusal(`Profile "${profile}" reaches Nexi's production (${target}) but is not marked "production": true; mark it in the profile to allow production calls through it.`, 'PRODUCTION_NOT_ALLOWED');
    if (!server.getClientCapabilities()?.elicitation) {
      return refusal(`Profile "${profile}" is production (${target}), and this MCP client cannot ask you to confirm (no elicitation support). Run it in a terminal instead: nexi-app2app ${what} --env ${profile} --confirm-production`, 'CONFIRMATION_UNAVAILABLE');
    }
    const reply = await server.elicitInput({
      message: `Call Nexi PRODUCTION (${target}) through profile "${profile}": ${what}?`,
      requestedSchema: { type: 'object', properties: { confirm: { type: 'boolean', title: 'Call production', description: 'Yes: make this production call once' } }, required: ['confirm'] },
    });
    if (reply.action !== 'accept' || reply.content?.confirm !== true) return refusal(`Not confirmed: no call was made to production (${target}).`, 'CANCELLED');
    return undefined;
  }

  const tools: ToolSpec[] = [
    {
      readOnly: true,
      tool: {
        name: mcpToolNames.decode,
        title: 'Decode App2App URIs',
        description:
          'Decode and explain every Nexi App2App URI in a text (a logcat excerpt, code, one URI): each request or result field with its meaning, the outcome of the transaction read from the whole URI (a last_transaction result=0 is only the enquiry succeeding), EMV TLV data, and diagnostics. Use it on result URIs an app received, or on requests. Returns Markdown, and as structured content one JSON object per URI.',
        inputSchema: { type: 'object', properties: { text: { type: 'string', description: 'Text holding one or more App2App URIs, e.g. a logcat line with dat=myapp://payment?result=0&…' } }, required: ['text'] },
        annotations: readOnlyHints,
      },
      // `nexi-app2app decode`: its text, and its --json as { items: [one object per URI] }.
      run: (args) => cliAnswer(runCli, ['decode'], env, decodeToolInput(args).text),
    },
    {
      readOnly: true,
      tool: {
        name: mcpToolNames.validate,
        title: 'Validate an App2App request URI',
        description:
          'Validate a neximpos:// request URI (payment, reversal, last_transaction, accounting_closure) against what Nexi documents: required parameters, formats, encoding (double encoding, spaces), lengths. Each finding has a stable code (A2A…), a severity, a range and the titles of its quick fixes. Use it before an app sends a request to Nexi POS.',
        inputSchema: { type: 'object', properties: { uri: { type: 'string', description: 'The request URI, e.g. neximpos://payment?amount=1250&callerTrxId=…' } }, required: ['uri'] },
        annotations: readOnlyHints,
      },
      // `nexi-app2app validate`: its text, and its --json as { items: [{ uri, valid, diagnostics }] }.
      run: (args) => cliAnswer(runCli, ['validate'], env, validateToolInput(args).uri),
    },
    {
      readOnly: true,
      tool: {
        name: mcpToolNames.build,
        title: 'Build an App2App request URI',
        description:
          "Build a correctly encoded neximpos:// request URI from an operation and unencoded parameter values (as Android's Uri.Builder would), and validate it. Example: operation \"payment\", parameters {\"amount\": 1250, \"callerTrxId\": \"ORDER-1\", \"callerName\": \"Shop\", \"uri\": \"myapp://payment\"}.",
        inputSchema: {
          type: 'object',
          properties: {
            operation: { type: 'string', enum: operationNames, description: 'The operation' },
            parameters: { type: 'object', additionalProperties: { type: ['string', 'number', 'boolean'] }, description: 'Parameter names to unencoded values' },
          },
          required: ['operation'],
        },
        annotations: readOnlyHints,
      },
      // `nexi-app2app build OPERATION key=value…`: its text and its --json ({ uri, valid, diagnostics }).
      run: (args) => {
        const input = buildToolInput(args);
        return cliAnswer(runCli, ['build', input.operation, ...input.parameters.map(([k, v]) => `${k}=${v}`)], env);
      },
    },
    {
      readOnly: true,
      tool: {
        name: mcpToolNames.explain,
        title: 'Explain a Nexi code',
        description:
          'Explain one code from Nexi App2App results without a whole URI: a result code (result=…, e.g. -14 or 21), an action code / ISO 8583 field 39 (e.g. 116 or 05), a receipt key (e.g. CT105) or an EMV tag (e.g. 9F10): its meaning, whether to retry, and the sources.',
        inputSchema: {
          type: 'object',
          properties: {
            kind: { type: 'string', enum: [...explainKinds], description: 'What the code is' },
            code: { type: 'string', description: 'The code as it appears, e.g. "-14", "116", "CT105", "9F10"' },
            operation: { type: 'string', enum: operationNames, description: 'The operation the code came from, when known (some codes differ by operation)' },
          },
          required: ['kind', 'code'],
        },
        annotations: readOnlyHints,
      },
      run: (args) => {
        const input = explainToolInput(args);
        const markdown = explainCodeMarkdown(input);
        return answer(markdown, { kind: input.kind, code: input.code, ...(input.operation ? { operation: input.operation } : {}), markdown });
      },
    },
    {
      readOnly: true,
      tool: {
        name: mcpToolNames.simulate,
        title: 'Simulate the result Nexi POS sends',
        description:
          "Make the result URI Nexi POS would send back for a request URI, shaped like Nexi's published examples (SoftPOS with receipt keys f04…CT123, or MobilePOS), to test an app's result handling offline. Without an outcome the request's amount chooses it from the test scenario catalogue (nexi-app2app scenarios: e.g. 10051 = declined, insufficient funds; 10099 = approved but the result is lost; any other amount = approved). Outcome: approved, declined or declined:<actionCode> (e.g. declined:116), cancelled, softpos-error, or result:<code> for any documented result code.",
        inputSchema: {
          type: 'object',
          properties: {
            request: { type: 'string', description: 'The neximpos:// request URI the app sends' },
            outcome: { type: 'string', description: 'approved, declined[:actionCode], cancelled, softpos-error, result:<code>; omitted: chosen by the amount' },
            product: { type: 'string', enum: ['softpos', 'mobilepos'], description: 'Which Nexi POS answers (default mobilepos, as the CLI)' },
          },
          required: ['request'],
        },
        annotations: readOnlyHints,
      },
      // `nexi-app2app simulate REQUEST --outcome … --product …`.
      run: async (args) => {
        const tool = mcpToolNames.simulate;
        const request = stringInput(args, 'request', tool, true);
        const product = stringInput(args, 'product', tool, false) ?? 'mobilepos';
        if (product !== 'softpos' && product !== 'mobilepos') throw new ToolInputError(`${tool}: "product" must be softpos or mobilepos, not "${product}".`);
        const outcome = stringInput(args, 'outcome', tool, false);
        // One run (stan and operation number are random): the JSON, and the text a terminal shows for it — the URI on
        // standard output, then the notes the CLI writes to standard error.
        const run = await cli(runCli, ['simulate', request, '--product', product, ...(outcome ? ['--outcome', outcome] : []), '--json'], env);
        if (run.code !== 0) return refusal(run.err.replace(/^nexi-app2app: /, '').trim(), 'CANNOT_SIMULATE');
        const result = JSON.parse(run.out) as { uri: string; notes: string[] } & Record<string, unknown>;
        return answer(`${result.uri}\n${result.notes.map((note) => `${cliT('note', { note })}\n`).join('')}`, result);
      },
    },
    {
      readOnly: false,
      tool: {
        name: mcpToolNames.profiles,
        title: 'List CLI profiles',
        description:
          'List the nexi-app2app CLI profiles (named connection settings: endpoints, certificate paths, terminal ids — never secrets) that nexi_check_transaction and nexi_reconcile_log use, and which of them reach production.',
        inputSchema: { type: 'object', properties: {} },
        annotations: readOnlyHints,
      },
      run: () => {
        const list = Object.entries(readProfiles(env)).map(([name, p]) => ({ name, baseUrl: p.baseUrl ?? null, terminalIds: p.terminalIds ?? [], production: productionTarget([p.baseUrl, p.checkUrl], p) !== undefined }));
        const body = list.length
          ? list.map((p) => `- ${p.name}: ${p.baseUrl ?? '(no base URL)'}${p.production ? ' (PRODUCTION: each call needs your confirmation)' : ''}`).join('\n')
          : "No CLI profile yet. Save one with nexi-app2app's --save-profile option, or write ~/.config/nexi-app2app/profiles.json; the secrets go in NEXI_CLIENT_SECRET / NEXI_KEY_PASSPHRASE of the MCP server's environment.";
        return answer(body, { profiles: list });
      },
    },
    {
      readOnly: false,
      tool: {
        name: mcpToolNames.check,
        title: 'Look a transaction up (checkTransaction)',
        description:
          "Ask Nexi's backend (B2B checkTransaction: OAuth2 over mTLS, signed and encrypted assertion) what happened to one transaction, by terminal id and callerTrxId, through a named CLI profile (see nexi_list_profiles). Use it to confirm an outcome the app did not receive. A production profile asks the user to confirm each call.",
        inputSchema: {
          type: 'object',
          properties: {
            profile: { type: 'string', description: 'CLI profile name' },
            terminalId: { type: 'string', description: 'Terminal id (TID) the transaction ran on' },
            callerTrxId: { type: 'string', description: 'The callerTrxId the app sent' },
          },
          required: ['profile', 'terminalId', 'callerTrxId'],
        },
        annotations: { readOnlyHint: true, openWorldHint: true, idempotentHint: true },
      },
      run: async (args) => {
        const tool = mcpToolNames.check;
        const profile = stringInput(args, 'profile', tool, true);
        const terminalId = stringInput(args, 'terminalId', tool, true);
        const callerTrxId = stringInput(args, 'callerTrxId', tool, true);
        const refused = await allowed(profile, `check --terminal-id ${terminalId} --caller-trx-id ${callerTrxId}`);
        if (refused) return refused;
        const connection = await connect(new Map([['--env', profile]]), noStdinIo, env, terminalId, true);
        try {
          // One call to Nexi; the answer in the words and the JSON of `nexi-app2app check [--json]`.
          const result = await connection.client.checkTransaction({ terminalId, callerTrxId });
          // The backend's body as Nexi sent it, but never a card number in clear (identifiers such as callerTrxId kept).
          const keep = new Set([terminalId, callerTrxId, ...Object.values(result.transaction).filter((v): v is string => typeof v === 'string' && v.length < 13)]);
          const json = JSON.parse(redact(maskPans(JSON.stringify(checkJson(terminalId, callerTrxId, result.attempts, result.transaction)), keep), connection.secrets)) as Record<string, unknown>;
          return answer(redact(checkText(terminalId, callerTrxId, result.transaction), connection.secrets), json);
        } catch (err) {
          if (isNexiError(err)) return refusal(redact(`${err.code}: ${userMessage(err)} Next: ${err.nextStep}`, connection.secrets), err.code);
          throw err;
        } finally {
          await connection.client.close();
        }
      },
    },
    {
      readOnly: false,
      tool: {
        name: mcpToolNames.reconcile,
        title: 'Reconcile a log against Nexi',
        description:
          "Check every payment and reversal in an app log (result URIs, and requests that never got a result) against Nexi's backend through a named CLI profile, and classify each: match, mismatch, app-failed-backend-approved (the customer was charged but the app recorded a failure: act on these first), not-found, error. Give the log as text or as a file path.",
        inputSchema: {
          type: 'object',
          properties: {
            profile: { type: 'string', description: 'CLI profile name' },
            text: { type: 'string', description: 'The log text' },
            path: { type: 'string', description: 'Path of a log file (instead of text)' },
            defaultTerminalId: { type: 'string', description: 'Terminal for payment requests without one' },
          },
          required: ['profile'],
        },
        annotations: { readOnlyHint: true, openWorldHint: true },
      },
      run: async (args) => {
        const tool = mcpToolNames.reconcile;
        const profile = stringInput(args, 'profile', tool, true);
        const given = stringInput(args, 'text', tool, false);
        const file = stringInput(args, 'path', tool, false);
        if ((given === undefined) === (file === undefined)) return refusal(`${tool}: give the log either as "text" or as "path".`, 'BAD_INPUT');
        let log = given ?? '';
        if (file !== undefined) {
          try {
            if (fs.statSync(file).size > maxLogBytes) return refusal(`${file} is larger than ${maxLogBytes / 1024 / 1024} MB: run nexi-app2app reconcile on it in a terminal.`, 'TOO_LARGE');
            log = fs.readFileSync(file, 'utf8');
          } catch (err) {
            return refusal(`${file}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message}`, 'NO_FILE');
          }
        }
        const refused = await allowed(profile, `reconcile ${file ?? '<log>'}`);
        if (refused) return refused;
        const connection = await connect(new Map([['--env', profile]]), noStdinIo, env, undefined, true);
        try {
          const tid = stringInput(args, 'defaultTerminalId', tool, false) ?? connection.terminalIds[0];
          const entries = extractEntries(log, tid ? { defaultTerminalId: tid } : {});
          if (entries.length === 0) return answer('No payment or reversal URI with a callerTrxId in the log.', { totals: { total: 0 }, entries: [] });
          const client = connection.client;
          const report = await reconcile(entries, async (t, id, signal) => (await client.checkTransaction({ terminalId: t, callerTrxId: id }, signal ? { signal } : {})).transaction, { concurrency: 4 });
          if (report.stopped) throw report.stopped.error;
          // In the words and the JSON of `nexi-app2app reconcile [--json]`.
          return answer(reconcileText(report, file ?? 'log', connection.secrets), JSON.parse(redact(toJson(report, file ?? 'log'), connection.secrets, { keepDigits: reportIdentifiers(report) })) as Record<string, unknown>);
        } catch (err) {
          if (isNexiError(err)) return refusal(redact(`${err.code}: ${userMessage(err)} Next: ${err.nextStep}`, connection.secrets), err.code);
          throw err;
        } finally {
          await connection.client.close();
        }
      },
    },
  ];
  const offered = tools.filter((t) => t.readOnly || !options.readOnly);
  server.setRequestHandler(sdk.ListToolsRequestSchema, () => ({ tools: offered.map((t) => t.tool) }));
  server.setRequestHandler(sdk.CallToolRequestSchema, async (request) => {
    const spec = offered.find((t) => t.tool.name === request.params.name);
    if (!spec) return refusal(`No tool "${request.params.name}"${options.readOnly ? ' (this server runs read-only: Restricted Mode)' : ''}. Tools: ${offered.map((t) => t.tool.name).join(', ')}.`, 'NO_TOOL');
    try {
      return await spec.run(request.params.arguments ?? {});
    } catch (err) {
      // Input errors and expected failures become a tool error the agent can read and act on.
      if (err instanceof ToolInputError) return refusal(err.message, 'BAD_INPUT');
      if (err instanceof SimulationError) return refusal(err.message, 'CANNOT_SIMULATE');
      if (err instanceof UsageError) return refusal(err.message, 'BAD_PROFILE');
      if (isNexiError(err)) return refusal(`${err.code}: ${userMessage(err)} Next: ${err.nextStep}`, err.code);
      throw err;
    }
  });
  return server;
}

/**
 * A line that is not JSON, or not a JSON-RPC message, is answered as JSON-RPC 2.0 says (§5.1: -32700 parse error,
 * -32600 invalid request, id null: it could not be read), not passed over in silence: a client that sent it would
 * otherwise wait for an answer until its timeout. The SDK's transport reports such a line to `onerror` (set by
 * `connect`, which keeps it) and reads on.
 */
function answerMalformed(transport: InstanceType<Sdk['StdioServerTransport']>): void {
  const reported = transport.onerror;
  transport.onerror = (error: Error) => {
    const malformed = error instanceof SyntaxError ? { code: -32700, message: 'Parse error: the line is not JSON' } : error.name === 'ZodError' ? { code: -32600, message: 'Invalid Request: the line is JSON but not a JSON-RPC 2.0 message' } : undefined;
    if (malformed) void transport.send({ jsonrpc: '2.0', id: null, error: malformed } as unknown as Parameters<typeof transport.send>[0]).catch(() => undefined);
    reported?.(error);
  };
}

/** `nexi-app2app mcp [--read-only]`: serves over stdio until the client closes it. */
export async function runMcp(argv: readonly string[], runCli: CliRun, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  // Said as every command says it, in the run's language, with the help to read (main.ts catches it: exit 2).
  const unknown = argv.find((a) => a !== '--read-only');
  if (unknown) throw unknownOption(unknown, ['--read-only']);
  // The language is the run's: `--lang` (any position of the command line), else the environment's (`run` set it).
  // Loaded here and only here: the SDK is a bundle of its own (dist/vendor/mcp-sdk.js).
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sdk = require('./mcpSdk') as Sdk;
  const server = createMcpServer(sdk, { runCli, readOnly: argv.includes('--read-only'), env });
  const transport = new sdk.StdioServerTransport();
  const closed = new Promise<void>((resolve) => {
    server.onclose = () => resolve();
    process.stdin.once('end', () => resolve());
  });
  await server.connect(transport);
  answerMalformed(transport);
  await closed;
  await server.close();
  return 0;
}
