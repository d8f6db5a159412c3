// Gathers what the keyring heuristic (core/credentials/keyring.ts) looks at, and warns once per reason.
//
// The marker: a non-secret value kept in SecretStorage, with a globalState flag saying it was written. If a later
// session finds the flag but not the marker, SecretStorage did not persist (VS Code's in-memory fallback without a
// keyring). The marker key deliberately does not follow `nexi.<env>.<field>`: it is not a credential.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { KeyringProbe, KeyringVerdict, assessKeyring } from '../core/credentials/keyring';
import type { Logger } from './log';
import type { Notifications } from './ui';

export const markerKey = 'nexi:secretStorageMarker';
export const markerWrittenKey = 'nexi.secretStorageMarkerWritten';
export const warnedKey = 'nexi.keyringWarnings';

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** VS Code's argv.json lives in ~/<dataFolderName>/ (".vscode", ".vscode-insiders", ".vscode-oss", …), named in product.json. */
function argvJson(): string | undefined {
  const product = readText(path.join(vscode.env.appRoot, 'product.json'));
  let dataFolderName = '.vscode';
  try {
    if (product) dataFolderName = (JSON.parse(product) as { dataFolderName?: string }).dataFolderName ?? dataFolderName;
  } catch {
    // keep the default
  }
  return readText(path.join(os.homedir(), dataFolderName, 'argv.json'));
}

/** Command lines of the parent and grandparent processes (the VS Code main process is among them on Linux). */
function ancestorCommandLines(): string[] {
  const lines: string[] = [];
  let pid = process.ppid;
  for (let i = 0; i < 3 && pid > 1; i++) {
    const cmd = readText(`/proc/${pid}/cmdline`);
    if (cmd) lines.push(cmd.split('\0').join(' '));
    const stat = readText(`/proc/${pid}/stat`);
    const ppid = stat ? Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) : NaN;
    if (!Number.isFinite(ppid)) break;
    pid = ppid;
  }
  return lines;
}

export class KeyringCheck {
  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly log: Logger,
    private readonly notifications: Notifications,
  ) {}

  private async markerLost(): Promise<boolean> {
    const written = this.context.globalState.get<boolean>(markerWrittenKey) === true;
    const present = (await this.context.secrets.get(markerKey)) !== undefined;
    if (!present) {
      await this.context.secrets.store(markerKey, 'present');
      await this.context.globalState.update(markerWrittenKey, true);
    }
    return written && !present;
  }

  async probe(): Promise<KeyringProbe> {
    const uiKind = vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop';
    const local = process.platform === 'linux' && uiKind === 'desktop' && !vscode.env.remoteName;
    return {
      platform: process.platform,
      uiKind,
      ...(vscode.env.remoteName ? { remoteName: vscode.env.remoteName } : {}),
      ...(local ? { argvJson: argvJson(), ancestorCommandLines: ancestorCommandLines() } : {}),
      env: { ...(process.env.DBUS_SESSION_BUS_ADDRESS ? { DBUS_SESSION_BUS_ADDRESS: process.env.DBUS_SESSION_BUS_ADDRESS } : {}) },
      markerLost: await this.markerLost(),
    };
  }

  /**
   * Assesses SecretStorage and shows a warning the first time each weakness is seen (remembered in globalState).
   * `override` replaces parts of the probe (integration tests).
   */
  async run(override: Partial<KeyringProbe> = {}): Promise<{ verdict: KeyringVerdict; warned: boolean }> {
    const verdict = assessKeyring({ ...(await this.probe()), ...override });
    if (!verdict.weak) {
      this.log.debug(`SecretStorage check: ${verdict.reason}`);
      return { verdict, warned: false };
    }
    this.log.warn(`SecretStorage check (${verdict.certainty}): ${verdict.reason}`);
    const warned = this.context.globalState.get<string[]>(warnedKey, []);
    if (warned.includes(verdict.reason)) return { verdict, warned: false };
    await this.context.globalState.update(warnedKey, [...warned, verdict.reason]);
    this.notifications.warn(vscode.l10n.t('Nexi credentials: {0}', verdict.message));
    return { verdict, warned: true };
  }
}
