// Android Debug Bridge: the command lines that start an App2App URI on a device, the parsing of `adb devices -l`
// and of `am start`'s answer. Pure; the editor runs adb through an adapter (src/vscode/adb.ts).

import { translatedMessages } from './l10n';

/** What adb's answers mean for the user (other languages: the l10n bundles), read at call time. */
export const adbMessagesEn = {
  noAppNexi: 'No app on the device opens {scheme}:// URIs: is Nexi POS installed?',
  noApp: 'No app on the device opens {scheme}:// URIs.',
  amStartFailed: 'am start failed: {error}',
  delivered: 'Delivered to the app already in the foreground.',
  started: 'Started.',
  adbMissing: 'adb (Android Debug Bridge) was not found. Install the Android SDK Platform-Tools (https://developer.android.com/tools/releases/platform-tools, or {how}), then put adb on your PATH or set "nexi.adb.path" to its full path.',
} as const;

const say = translatedMessages('adb.messages', adbMessagesEn);

/** Characters that mean nothing to a POSIX shell outside quotes. */
const shellSafe = /^[A-Za-z0-9_\-.,:/@%+=]+$/;

/**
 * Escapes `text` for the device's shell. `adb shell a b c` does not quote its arguments: it joins them with spaces
 * and the device runs the result with `sh -c` (as ssh does), so an unescaped `&` in a URI would end the command
 * there and run the rest in the background. Every character outside the safe set gets a backslash.
 */
export function deviceShellEscape(text: string): string {
  let out = '';
  for (const ch of text) out += shellSafe.test(ch) ? ch : `\\${ch}`;
  return out;
}

/** Quotes one argument for a POSIX shell (bash, zsh) on the developer's machine. */
export function posixQuote(arg: string): string {
  if (arg !== '' && shellSafe.test(arg)) return arg;
  return `'${arg.replace(/'/g, "'\\''")}'`;
}

/** Arguments of `adb` that open `uri` on the device (`-s serial` picks one when several are connected). */
export function adbStartArgs(uri: string, serial?: string): string[] {
  return [...(serial ? ['-s', serial] : []), 'shell', 'am', 'start', '-a', 'android.intent.action.VIEW', '-d', deviceShellEscape(uri)];
}

/** `adb shell am start -a android.intent.action.VIEW -d '…'`, ready to paste into a POSIX shell. */
export function adbCommandLine(uri: string, serial?: string): string {
  return ['adb', ...adbStartArgs(uri, serial)].map(posixQuote).join(' ');
}

export const adbDevicesArgs = ['devices', '-l'] as const;

export interface AdbDevice {
  readonly serial: string;
  /** `device` when usable; `unauthorized`, `offline`, `no permissions`… otherwise. */
  readonly state: string;
  readonly model?: string;
  readonly product?: string;
  /** Emulators are named `emulator-NNNN`. */
  readonly emulator: boolean;
}

/** Parses `adb devices -l`. Header, daemon start-up lines and blank lines are skipped. */
export function parseAdbDevices(output: string): AdbDevice[] {
  const devices: AdbDevice[] = [];
  for (const line of output.split(/\r?\n/)) {
    if (line.trim() === '' || line.startsWith('List of devices') || line.startsWith('*') || line.startsWith('adb ')) continue;
    const m = /^(\S+)\s+(no permissions.*?(?=\s+\w+:|$)|\S+)(.*)$/.exec(line.trim());
    if (!m) continue;
    const props = new Map<string, string>();
    for (const p of m[3]!.trim().split(/\s+/)) {
      const i = p.indexOf(':');
      if (i > 0) props.set(p.slice(0, i), p.slice(i + 1));
    }
    const model = props.get('model');
    const product = props.get('product');
    devices.push({ serial: m[1]!, state: m[2]!.startsWith('no permissions') ? 'no permissions' : m[2]!, ...(model ? { model: model.replace(/_/g, ' ') } : {}), ...(product ? { product } : {}), emulator: m[1]!.startsWith('emulator-') });
  }
  return devices;
}

/** What `am start` answered (message in the current core locale). Older Android versions exit with 0 even when nothing was started. */
export function interpretAmStart(stdout: string, stderr: string, uri: string): { ok: boolean; message: string } {
  const text = `${stdout}\n${stderr}`;
  const scheme = /^[A-Za-z][A-Za-z0-9+.-]*/.exec(uri)?.[0] ?? 'the';
  if (/unable to resolve Intent/i.test(text)) {
    return { ok: false, message: say(scheme === 'neximpos' ? 'noAppNexi' : 'noApp', { scheme }) };
  }
  const error = /^(?:Error|Exception)[^\n]*$/m.exec(text)?.[0];
  if (error) return { ok: false, message: say('amStartFailed', { error: error.trim() }) };
  if (/intent has been delivered to currently running top-most instance/i.test(text)) {
    return { ok: true, message: say('delivered') };
  }
  return { ok: true, message: say('started') };
}

/** Where to get adb, for the platform the editor runs on (`process.platform`). */
export function adbMissingMessage(platform: string): string {
  const how =
    platform === 'darwin'
      ? '`brew install --cask android-platform-tools`'
      : platform === 'win32'
        ? '`winget install Google.PlatformTools`'
        : '`sudo apt install adb` (Debian, Ubuntu)';
  return say('adbMissing', { how });
}
