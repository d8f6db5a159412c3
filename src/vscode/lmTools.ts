// The language-model tools (issue 8): thin adapters from `vscode.lm` to the core (src/core/lmTools.ts) and to the
// check command's own code path. Decoding, validating, building and explaining are read-only and need no
// confirmation; a check asks first, naming the environment (and saying when it is production), then runs exactly
// what "Nexi: Check Transaction…" runs — Restricted Mode, missing credentials and the PROD guard included.
// A chunk loaded on the first call of a tool (./lmToolRegistration.ts registers them; issue 17 item 4).
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
import { userMessage } from '../core/nexi/errors';
import { redact } from '../core/redact';
import { checkExplained } from './commands/check';
import type { CommandContext } from './commands/context';

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
        invocationMessage: vscode.l10n.t('Checking {0} / {1} on {2}', input.terminalId, input.callerTrxId, environment.label),
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
        if (outcome.error?.code === 'CANCELLED') throw new Error(vscode.l10n.t('The check was not made: {0}', redact(userMessage(outcome.error), outcome.secrets)));
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
    [lmToolNames.decode, readOnly(decodeToolInput, decodeToolText, vscode.l10n.t('Decoding App2App URIs'))],
    [lmToolNames.validate, readOnly(validateToolInput, validateToolText, vscode.l10n.t('Validating an App2App request URI'))],
    [lmToolNames.build, readOnly(buildToolInput, buildToolText, vscode.l10n.t('Building an App2App request URI'))],
    [lmToolNames.explain, readOnly(explainToolInput, explainCodeMarkdown, vscode.l10n.t('Looking the code up in the Nexi tables'))],
    [lmToolNames.check, checkTool(ctx)],
  ]);
}
