// Activation time in the editor benchmark (issue 17), measured as VS Code measures it, whatever activated the
// extension. VS Code's Running Extensions view reports an extension's activation as "Load Code" + "Call Activate":
// the require() of its main module (reading, compiling and evaluating the bundle) and the call of activate(). The
// extension host marks the first around require() (code/extHost/willLoadExtensionCode/<id>, didLoadExtensionCode/<id>,
// through its own performance marks, readable in the same host as globalThis.MonacoPerformanceMarks); the extension
// measures activate() itself (performance.measure 'nexi-app2app.activate').
//
// The benchmark cannot always activate the extension itself: VS Code often activates it during startup, before the
// suite runs (seen: onLanguage:json, when the window makes a JSON model of its own). The awaited time of
// extension.activate() is therefore reported only when the benchmark made the activation, beside the same for an
// extension that does nothing (test/harness/fixtures/empty-extension), which is what VS Code costs any extension.
import * as fs from 'fs';
import * as vscode from 'vscode';
import { vscodeLogFiles } from '../../test/harness/vscodeLogs';

/** Now, in the extension host's clock (ms). */
export const now = (): number => performance.now();
export const pause = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface MonacoMarks {
  getMarks(): { name: string; startTime: number }[];
}

/** VS Code's own marks in this extension host (epoch milliseconds, whole: the host's marks use Date.now()). */
function vscodeMark(name: string): number | undefined {
  const marks = (globalThis as { MonacoPerformanceMarks?: MonacoMarks }).MonacoPerformanceMarks?.getMarks() ?? [];
  for (let i = marks.length - 1; i >= 0; i--) if (marks[i]!.name === name) return marks[i]!.startTime;
  return undefined;
}

/** require() of the extension's main module, as VS Code marked it, ms; undefined when it did not mark it. */
export function codeLoadingMs(id: string): number | undefined {
  const will = vscodeMark(`code/extHost/willLoadExtensionCode/${id}`);
  const did = vscodeMark(`code/extHost/didLoadExtensionCode/${id}`);
  return will !== undefined && did !== undefined ? did - will : undefined;
}

/**
 * What activated the extension, from the extension host's log ("onLanguage:json, at startup"); undefined when the
 * log is not found. The harness passes the user-data dir (where VS Code writes its logs) as NEXI_TEST_USER_DATA_DIR.
 */
export function activationReason(id: string): string | undefined {
  const root = process.env.NEXI_TEST_USER_DATA_DIR;
  if (!root) return undefined;
  const files = vscodeLogFiles(root, (name) => /exthost\.log$/.test(name));
  const pattern = new RegExp(`_doActivateExtension ${id.replace(/[.]/g, '\\.')}, startup: (true|false), activationEvent: '([^']*)'`);
  for (const file of files.sort().reverse()) {
    const m = pattern.exec(fs.readFileSync(file, 'utf8'));
    if (m) return `${m[2]}${m[1] === 'true' ? ', at startup' : ''}`;
  }
  return undefined;
}

/**
 * Waits until the window answers the extension host at once (five `setContext` round trips in a row under 10 ms,
 * at most 30 s): just after startup the window is busy for seconds, and an activation waits for it (the extension
 * context's storage comes from the window), by more or less depending on the moment, not on the extension.
 */
export async function untilWindowAnswers(): Promise<string> {
  const start = now();
  let quick = 0;
  let slowest = 0;
  while (quick < 5 && now() - start < 30_000) {
    const t = now();
    await vscode.commands.executeCommand('setContext', 'nexiBench.probe', true);
    const ms = now() - t;
    slowest = Math.max(slowest, ms);
    quick = ms < 10 ? quick + 1 : 0;
    await pause(20);
  }
  return `the window answered at once after ${(now() - start).toFixed(0)} ms (slowest round trip ${slowest.toFixed(0)} ms${quick < 5 ? ', still not quick after 30 s' : ''})`;
}

export interface Activated<T> {
  readonly exports: T;
  /** extension.activate() awaited, when this call made the activation (undefined when it was active already). */
  readonly awaitedMs: number | undefined;
  /** VS Code's "Load Code": require() of the main module, ms (whole milliseconds). */
  readonly loadMs: number | undefined;
  /** What activated it: "api" when this call did, else the activation event from VS Code's log. */
  readonly reason: string | undefined;
}

/** Activates `extension` (unless it is active already) and reads how long VS Code took to load its code. */
export async function activate<T>(extension: vscode.Extension<T>): Promise<Activated<T>> {
  const wasActive = extension.isActive;
  const t = now();
  const exports = await extension.activate();
  const awaitedMs = wasActive ? undefined : now() - t;
  const id = extension.id;
  return { exports, awaitedMs, loadMs: codeLoadingMs(id), reason: wasActive ? activationReason(id) : 'api' };
}
