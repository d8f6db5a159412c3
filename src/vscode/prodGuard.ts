// The PROD guard: every network call to a production environment asks first, in a modal dialog, unless the user
// chose "don't ask again" for this session (it is never remembered across sessions). Network features (the
// checkTransaction runner, issue 6) call `allow()` right before each request to a production environment.
import * as vscode from 'vscode';
import type { Environment } from '../core/environments';
import type { Logger } from './log';
import type { Confirmations } from './ui';

// Button labels, in VS Code's display language (the extension's l10n bundle is loaded before this module).
export const sendOnce = vscode.l10n.t('Send');
export const sendForSession = vscode.l10n.t("Send, and Don't Ask Again This Session");

export class ProdGuard {
  private optedOut = false;

  constructor(
    private readonly confirmations: Confirmations,
    private readonly log: Logger,
  ) {}

  /** True once the user chose not to be asked again until VS Code restarts. */
  get optedOutForSession(): boolean {
    return this.optedOut;
  }

  /**
   * Resolves true when the call may go ahead: always for non-production environments; for production ones after
   * the user confirmed (or opted out for the session). `action` says what is about to be sent, e.g.
   * "checkTransaction for terminal 12345678" (logged as it is); `shown` is the same in the display language, for
   * the question (default: `action`).
   */
  async allow(environment: Environment, action: string, shown = action): Promise<boolean> {
    if (!environment.production) return true;
    if (this.optedOut) {
      this.log.info(`PROD guard: ${action} → ${environment.label} allowed (confirmation turned off for this session)`);
      return true;
    }
    const answer = await this.confirmations.ask(vscode.l10n.t("Send {0} to {1}, Nexi's production environment?", shown, environment.label), {
      detail: vscode.l10n.t(
        '{0}: real merchants and real transactions. This is asked before every call to production; you can turn it off until VS Code restarts.',
        environment.endpoints?.baseUrl ?? vscode.l10n.t('production'),
      ),
      choices: [sendOnce, sendForSession],
    });
    if (answer === sendForSession) this.optedOut = true;
    const allowed = answer === sendOnce || answer === sendForSession;
    this.log.info(`PROD guard: ${action} → ${environment.label} ${allowed ? 'confirmed' : 'cancelled'}`);
    return allowed;
  }

  /** Asks again before every call to production. */
  resetOptOut(): void {
    this.optedOut = false;
  }
}
