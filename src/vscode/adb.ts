// Runs adb for "Send to Android device": lists devices, lets the user pick one when several are connected, and
// opens the URI there with `am start`. The command lines come from the core (src/core/adb.ts). adb is found on
// PATH or at the machine-scoped setting `nexi.adb.path` (a workspace cannot point it at another program).
import { execFile } from 'child_process';
import * as vscode from 'vscode';
import { adbDevicesArgs, adbMissingMessage, adbStartArgs, interpretAmStart, parseAdbDevices, type AdbDevice } from '../core/adb';
import type { CommandOutcome } from './commands/outcome';
import type { Logger } from './log';
import type { Ui } from './ui';

export const platformToolsUrl = 'https://developer.android.com/tools/releases/platform-tools';

interface Run {
  readonly stdout: string;
  readonly stderr: string;
}

class AdbNotFound extends Error {}

export class Adb {
  constructor(
    private readonly log: Logger,
    private readonly ui: Ui,
  ) {}

  /** The adb executable: the machine setting, else `adb` looked up on PATH. */
  executable(): string {
    const inspected = vscode.workspace.getConfiguration('nexi').inspect<string>('adb.path');
    return inspected?.globalValue?.trim() || 'adb';
  }

  private run(args: readonly string[], timeoutMs = 15000): Promise<Run> {
    const file = this.executable();
    return new Promise((resolve, reject) => {
      execFile(file, [...args], { timeout: timeoutMs, windowsHide: true, maxBuffer: 1024 * 1024 }, (err, stdout, stderr) => {
        const code = (err as NodeJS.ErrnoException | null)?.code;
        if (code === 'ENOENT' || code === 'EACCES') return reject(new AdbNotFound(file));
        if (err && !stdout && !stderr) return reject(err);
        resolve({ stdout: String(stdout), stderr: String(stderr) });
      });
    });
  }

  /** Opens `uri` on a connected device or emulator (asks which one when there are several). */
  async send(uri: string): Promise<CommandOutcome> {
    let devices: AdbDevice[];
    try {
      devices = parseAdbDevices((await this.run(adbDevicesArgs)).stdout);
    } catch (err) {
      if (!(err instanceof AdbNotFound)) throw err;
      const message = adbMissingMessage(process.platform);
      this.log.info('adb: not found');
      this.ui.notifications.error(message, { [vscode.l10n.t('Open Download Page')]: () => vscode.env.openExternal(vscode.Uri.parse(platformToolsUrl)) });
      return { ok: false, code: 'ADB_NOT_FOUND', message };
    }
    const ready = devices.filter((d) => d.state === 'device');
    this.log.debug(`adb: ${devices.length} device(s), ${ready.length} ready`);
    if (ready.length === 0) {
      const unauthorised = devices.some((d) => d.state === 'unauthorized');
      const message = unauthorised
        ? vscode.l10n.t('The connected Android device has not authorised this computer: unlock it and accept the "Allow USB debugging?" prompt, then try again.')
        : vscode.l10n.t('No Android device or emulator is ready: connect one with USB debugging on, or start an emulator, then try again.');
      this.ui.notifications.warn(message);
      return { ok: false, code: 'NO_DEVICE', message };
    }
    let device = ready[0]!;
    if (ready.length > 1) {
      const items = ready.map((d) => ({ label: d.model ?? d.serial, description: d.serial, detail: d.emulator ? vscode.l10n.t('emulator') : undefined, device: d }));
      const picked = await this.ui.prompts.pick(items, { title: vscode.l10n.t('Send to Android device'), placeholder: vscode.l10n.t('Which device or emulator should open the URI?') });
      if (!picked) return { ok: false, code: 'CANCELLED' };
      device = picked.device;
    }
    const { stdout, stderr } = await this.run(adbStartArgs(uri, device.serial));
    const result = interpretAmStart(stdout, stderr, uri);
    const where = device.model ?? device.serial;
    if (result.ok) this.ui.notifications.info(vscode.l10n.t('Sent to {0}: {1}', where, result.message));
    else this.ui.notifications.error(`${where}: ${result.message}`);
    return { ok: result.ok, ...(result.ok ? {} : { code: 'AM_START_FAILED' }), message: result.message, device: device.serial };
  }
}
