// What a reconciliation reads and reports (issue 7), on their own: the report's wording (report.ts) and the
// reconciliation (reconcile.ts) both use them without importing each other.
import type { NexiErrorCode } from '../nexi/errors';
import type { OffsetRange } from '../types';

export type AppOutcome = 'approved' | 'declined' | 'cancelled' | 'failed' | 'no-result';
export type BackendOutcome = 'approved' | 'declined' | 'cancelled' | 'failed' | 'unknown';

/** One transaction as the app's log shows it. */
export interface LogEntry {
  readonly callerTrxId: string;
  readonly terminalId?: string;
  readonly operation?: string;
  /** 1-based line of the result URI (or of the request, when no result came back). */
  readonly line: number;
  readonly range: OffsetRange;
  readonly appOutcome: AppOutcome;
  readonly result?: string;
  /** Amount in minor units, without leading zeros. */
  readonly amount?: string;
  readonly authorizationNumber?: string;
  readonly panLast4?: string;
}

export type Classification = 'match' | 'mismatch' | 'app-failed-backend-approved' | 'not-found' | 'error';

export interface ReconciledEntry extends LogEntry {
  readonly classification: Classification;
  readonly backendOutcome?: BackendOutcome;
  /** Fields that differ, for mismatches. */
  readonly differences: ReadonlyArray<{ readonly field: 'outcome' | 'amount' | 'authorizationNumber' | 'panLast4'; readonly app: string; readonly backend: string }>;
  readonly errorCode?: NexiErrorCode | 'NO_TERMINAL_ID';
  /** English, as logged: what the CSV and JSON exports carry. */
  readonly message?: string;
  /** The failure itself, worded for people in the locale of the moment they read it (`entryMessage`); never exported. */
  readonly failure?: unknown;
  /** The backend's body, when found. */
  readonly backend?: Record<string, unknown>;
}

export interface ReconcileReport {
  readonly entries: readonly ReconciledEntry[];
  readonly totals: Readonly<Record<Classification, number>> & { readonly total: number };
  readonly cancelled: boolean;
  /**
   * Set when the run stopped early because no check can succeed (no token, keys or connection can be had): the
   * failure that said so. `entries` then holds only what was checked before.
   */
  readonly stopped?: { readonly code: string; readonly error: unknown };
}
