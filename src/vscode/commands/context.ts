// What every command is given, and how a command is declared. Its own module, so the command files, the pickers and
// the language-model tools share these types without importing the registry (commands/index.ts) that imports them.
import type * as vscode from 'vscode';
import type { Adb } from '../adb';
import type { UriBuilder } from '../builder';
import type { CheckService } from '../checks';
import type { CredentialStore } from '../credentialStore';
import type { CredentialsBridge } from '../credentialsBridge';
import type { UriIndex } from '../uriIndex';
import type { EnvironmentService } from '../environments';
import type { Logger } from '../log';
import type { ProdGuard } from '../prodGuard';
import type { Reconciliations } from '../reconciliations';
import type { ResultDocuments } from '../resultDocuments';
import type { SandboxService } from '../sandbox';
import type { Ui } from '../ui';
import type { ReconciliationTreeProvider } from '../views/reconciliationView';
import type { WalkthroughProgress } from '../walkthrough';

export interface CredentialServices {
  readonly environments: EnvironmentService;
  readonly store: CredentialStore;
  readonly prodGuard: ProdGuard;
}

/** What the App2App editor features share (built once in extension.ts). */
export interface EditorServices {
  readonly index: UriIndex;
  readonly results: ResultDocuments;
  /** The builder, loaded with its first use (a chunk, issue 17 item 4). */
  builder(): Promise<UriBuilder>;
  /** Sends a URI to a device (its code, ../adb.ts, loads with the first send). */
  readonly adb: Pick<Adb, 'send'>;
  readonly credentials: CredentialsBridge;
}

/** checkTransaction, the local sandbox and reconciliation (issues 6 and 7). */
export interface B2bServices {
  readonly checks: CheckService;
  readonly sandbox: SandboxService;
  readonly reconciliations: Reconciliations;
  readonly reconciliationView: ReconciliationTreeProvider;
}

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly log: Logger;
  readonly ui: Ui;
  readonly credentials: CredentialServices;
  /** The App2App editor features (hovers, diagnostics, builder, decoder, adb). */
  readonly editor: EditorServices;
  /** checkTransaction and the local sandbox (issue 6). */
  readonly b2b: B2bServices;
  /** The walkthrough's milestones, reached by what commands really did. */
  readonly walkthrough: WalkthroughProgress;
}

export type Need = 'trustedWorkspace' | 'credentials';

export interface CommandSpec {
  readonly id: string;
  readonly needs?: readonly Need[];
  run(ctx: CommandContext, ...args: unknown[]): unknown;
}
