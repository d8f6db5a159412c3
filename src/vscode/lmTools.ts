// The language-model tools (issue 8): thin adapters from `vscode.lm` to the core (src/core/lmTools.ts) and to the
// check command's own code path. Decoding, validating, building and explaining are read-only and need no
// confirmation; a check asks first, naming the environment (and saying when it is production), then runs exactly
// what "Nexi: Check Transaction…" runs — Restricted Mode, missing credentials and the PROD guard included.
import * as vscode from 'vscode';
import {
  buildToolInput,
  buildToolText,
  checkConfirmation,
  checkRefusal,
  checkToolEnvironment,
  checkToolInput,
  decodeToolInput,
  decodeToolText,
  explainCodeMarkdown,
  explainToolInput,
  lmToolNames,
  validateToolInput,
  validateToolText,
} from '../core/lmTools';
import { redact } from '../core/redact';
import { checkExplained } from './commands/check';
import type { CommandContext } from './commands';

const textResult = (text: string) => new vscode.LanguageModelToolResult([new vscode.LanguageModelTextPart(text)]);

/** A read-only tool: validate the input, return the core's text. */
function readOnly<I>(parse: (input: unknown) => I, render: (input: I) => string, progress: string): vscode.LanguageModelTool<unknown> {
  return {
    prepareInvocation: () => ({ invocationMessage: progress }),
    invoke: (options) => textResult(render(parse(options.input))),
  };
}

/** Configured environments, as the command registry's "credentials" need assesses them. */
function configuredEnvironments(ctx: CommandContext) {
  return ctx.credentials.store.configured(ctx.credentials.environments.all());
}

function checkTool(ctx: CommandContext): vscode.LanguageModelTool<unknown> {
  const environmentOf = (input: ReturnType<typeof checkToolInput>) => {
    const { environments } = ctx.credentials;
    return checkToolEnvironment(environments.all(), environments.active().id, input.environmentId);
  };
  return {
    prepareInvocation: (options) => {
      const input = checkToolInput(options.input);
      const environment = environmentOf(input);
      const { title, message } = checkConfirmation(environment, input);
      return {
        invocationMessage: `Checking ${input.terminalId} / ${input.callerTrxId} on ${environment.label}`,
        confirmationMessages: { title, message: new vscode.MarkdownString(message) },
      };
    },
    invoke: async (options, token) => {
      const input = checkToolInput(options.input);
      const environment = environmentOf(input);
      const refusal = checkRefusal({ trusted: vscode.workspace.isTrusted, environment, configured: vscode.workspace.isTrusted ? await configuredEnvironments(ctx) : [] });
      if (refusal) {
        ctx.log.info(`${lmToolNames.check}: refused (${vscode.workspace.isTrusted ? 'no credentials' : 'Restricted Mode'})`);
        throw new Error(refusal);
      }
      const abort = new AbortController();
      const cancel = token.onCancellationRequested(() => abort.abort());
      try {
        const { outcome, markdown } = await checkExplained(ctx.b2b, environment, input.terminalId, input.callerTrxId, abort.signal);
        if (outcome.error?.code === 'CANCELLED') throw new Error(`The check was not made: ${redact(outcome.error.message, outcome.secrets)}`);
        return textResult(markdown);
      } finally {
        cancel.dispose();
      }
    },
  };
}

/** Every tool, by the name declared in package.json `contributes.languageModelTools`. */
export function languageModelTools(ctx: CommandContext): ReadonlyMap<string, vscode.LanguageModelTool<unknown>> {
  return new Map<string, vscode.LanguageModelTool<unknown>>([
    [lmToolNames.decode, readOnly(decodeToolInput, decodeToolText, 'Decoding App2App URIs')],
    [lmToolNames.validate, readOnly(validateToolInput, validateToolText, 'Validating an App2App request URI')],
    [lmToolNames.build, readOnly(buildToolInput, buildToolText, 'Building an App2App request URI')],
    [lmToolNames.explain, readOnly(explainToolInput, explainCodeMarkdown, 'Looking the code up in the Nexi tables')],
    [lmToolNames.check, checkTool(ctx)],
  ]);
}

/** Registers the tools (disposed with the extension); returns them for the integration tests. */
export function registerLanguageModelTools(ctx: CommandContext): ReadonlyMap<string, vscode.LanguageModelTool<unknown>> {
  const tools = languageModelTools(ctx);
  for (const [name, tool] of tools) ctx.extension.subscriptions.push(vscode.lm.registerTool(name, tool));
  return tools;
}
