// What a command did, and the outcomes several commands share. Its own module (no imports of ours), so the command
// files, the builder and adb return outcomes without importing the command registry or each other.
import * as vscode from 'vscode';

/** What a command did; returned by `executeCommand`, so callers and tests see the outcome users saw. */
export interface CommandOutcome {
  readonly ok: boolean;
  /** Stable code when it did not happen (a CredentialError code, CANCELLED, RESTRICTED_MODE, NO_CREDENTIALS). */
  readonly code?: string;
  readonly message?: string;
  readonly [detail: string]: unknown;
}

/** The user dismissed a question the command asked. */
export const cancelled: CommandOutcome = { ok: false, code: 'CANCELLED', message: vscode.l10n.t('Cancelled.') };

/** The same, from a command that changes stored credentials or settings: the message says nothing changed. */
export const cancelledUnchanged: CommandOutcome = { ok: false, code: 'CANCELLED', message: vscode.l10n.t('Cancelled; nothing was changed.') };
