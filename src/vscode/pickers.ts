// Questions several commands ask, asked one way (issue 19): which environment. The title names the command and
// step that asks, so a reconciliation never shows the check's "Check transaction (1/3)".
import * as vscode from 'vscode';
import { CredentialError } from '../core/credentials/errors';
import type { Environment } from '../core/environments';
import type { CommandContext } from './commands/context';

export interface EnvironmentQuestion {
  /** The picker's title: the command and step that asks. */
  readonly title: string;
  readonly placeholder?: string;
  /** An environment id the caller already has (a command argument, a tree node): no question then. */
  readonly given?: string;
  /** Offer only environments with stored credentials (a check or reconciliation needs them); one such is taken without asking. */
  readonly withCredentials?: boolean;
  /** With `withCredentials`: the status bar's active environment is taken without asking when it has credentials. */
  readonly preferActive?: boolean;
  /** Offer only the environments the user added (removing one): the built-in ones are not offered to be refused. */
  readonly customOnly?: boolean;
}

/** An environment's kind as the pickers describe it (the built-in ones keep their names). */
export function kindWord(kind: Environment['kind']): string {
  switch (kind) {
    case 'staging':
      return vscode.l10n.t('staging');
    case 'production':
      return vscode.l10n.t('production');
    case 'custom':
      return vscode.l10n.t('custom');
    default:
      return kind;
  }
}

/**
 * The environment a command works on: the given one, or the user's choice (undefined when dismissed). An unknown
 * given id is bad input, answered with the ids there are.
 */
export async function chooseEnvironment(ctx: Pick<CommandContext, 'credentials' | 'ui'>, question: EnvironmentQuestion): Promise<Environment | undefined> {
  const { environments, store } = ctx.credentials;
  if (question.given) {
    const env = environments.get(question.given);
    if (!env) {
      throw new CredentialError('UNKNOWN_ENVIRONMENT', vscode.l10n.t('There is no environment "{0}".', question.given), vscode.l10n.t('Pick one of STG, PROD, Sandbox or your own environments.'));
    }
    return env;
  }
  const active = environments.active();
  let offered = environments.all();
  let placeholder = question.placeholder ?? vscode.l10n.t('Environment');
  if (question.customOnly) {
    offered = offered.filter((e) => e.kind === 'custom');
    if (offered.length === 0) {
      throw new CredentialError('BUILT_IN_ENVIRONMENT', vscode.l10n.t('You have added no environment to remove.'), vscode.l10n.t('STG, PROD and Sandbox are built in and stay; "Nexi: Add Environment…" adds one of your own.'));
    }
  }
  if (question.withCredentials) {
    offered = await store.configured(offered);
    const activeReady = offered.some((e) => e.id === active.id);
    // The status bar's choice stands: a check of a URI in the editor asks the active environment, if it can; and the
    // one environment with credentials is taken without asking only when it is the active one. Another one is never
    // used in the active one's place without the user seeing it (PROD active without credentials: not the Sandbox).
    if (activeReady && (offered.length === 1 || question.preferActive)) return active;
    if (!activeReady && offered.length > 0) placeholder = vscode.l10n.t('{0}, the active environment, has no credentials: pick one that has (or set up {0} with Nexi: Set Credential…)', active.label);
  }
  const items = offered.map((env) => ({
    label: env.label,
    description: [env.id === active.id ? vscode.l10n.t('active') : '', env.production ? vscode.l10n.t('production') : kindWord(env.kind)].filter(Boolean).join(' · '),
    detail: env.endpoints?.baseUrl ?? env.problem ?? vscode.l10n.t('no endpoints'),
    env,
  }));
  const activeItem = items.find((i) => i.env.id === active.id);
  return (await ctx.ui.prompts.pick(items, { title: question.title, placeholder, ...(activeItem ? { active: activeItem } : {}) }))?.env;
}
