// Registers the language-model tools (issue 8) at activation without loading them: their code (./lmTools.ts, the core's
// tool texts and the check path) is a chunk loaded on the first call of any tool (issue 17 item 4). The names are
// the ones package.json declares in `contributes.languageModelTools`, the single list of them.
import * as vscode from 'vscode';
import type { CommandContext } from './commands';

/** The tools' names as package.json declares them. */
function declaredToolNames(extension: vscode.ExtensionContext): string[] {
  const declared = (extension.extension.packageJSON as { contributes?: { languageModelTools?: Array<{ name: string }> } }).contributes?.languageModelTools ?? [];
  return declared.map((t) => t.name);
}

/** Registers the tools (disposed with the extension); returns them for the integration tests. */
export function registerLanguageModelTools(ctx: CommandContext): ReadonlyMap<string, vscode.LanguageModelTool<unknown>> {
  let loaded: Promise<ReadonlyMap<string, vscode.LanguageModelTool<unknown>>> | undefined;
  const implementation = async (name: string): Promise<vscode.LanguageModelTool<unknown>> => {
    loaded ??= import('./lmTools').then((m) => m.languageModelTools(ctx));
    const tool = (await loaded).get(name);
    // package.json declares a tool src/vscode/lmTools.ts does not implement: a packaging mistake, said plainly.
    if (!tool) throw new Error(`The language-model tool ${name} is declared in package.json but not implemented by this version of the extension.`);
    return tool;
  };
  const tools = new Map<string, vscode.LanguageModelTool<unknown>>(
    declaredToolNames(ctx.extension).map((name) => [
      name,
      {
        prepareInvocation: async (options, token) => {
          const tool = await implementation(name);
          return tool.prepareInvocation ? tool.prepareInvocation(options, token) : undefined;
        },
        invoke: async (options, token) => (await implementation(name)).invoke(options, token),
      },
    ]),
  );
  for (const [name, tool] of tools) ctx.extension.subscriptions.push(vscode.lm.registerTool(name, tool));
  return tools;
}
