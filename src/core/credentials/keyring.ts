// Is VS Code's SecretStorage really protected? On Linux, desktop VS Code encrypts secrets with a key kept in the OS
// keyring (libsecret / KWallet, chosen by Electron from the desktop environment). Without a keyring it either
// keeps secrets in memory only (they vanish on restart) or, once the user clicks "Use weaker encryption", writes
// `"password-store": "basic"` into argv.json and encrypts with a hard-coded key — readable by anyone who can read
// the profile. Extensions get no API to ask which backend is in use (VS Code's getKeyStorageProvider() and
// Electron's safeStorage.getSelectedStorageBackend() stay inside the main process), so this is a heuristic, and
// honest about how sure it is:
//   certain  argv.json or the VS Code command line selects `password-store` basic;
//   certain  a marker secret stored in an earlier session is gone (secrets are not persisted);
//   likely   Linux desktop without a D-Bus session bus: neither libsecret nor KWallet can be reached;
//   none     nothing suspicious, or not applicable (web / remote: secrets live on the client, which we cannot see).
// It can miss a weak store (e.g. a keyring that exists but is unlocked for everyone) and it cannot see the client
// side of a remote window.

import { msg, text } from './messages';

export interface KeyringProbe {
  readonly platform: string;
  readonly uiKind: 'desktop' | 'web';
  /** vscode.env.remoteName: secrets of a remote window are stored by the local client, out of our sight. */
  readonly remoteName?: string;
  /** The text of VS Code's argv.json (~/.vscode/argv.json or the product's own data folder), when readable. */
  readonly argvJson?: string;
  /** Command lines of the extension host's ancestor processes (Linux /proc), when readable. */
  readonly ancestorCommandLines?: readonly string[];
  readonly env: { readonly DBUS_SESSION_BUS_ADDRESS?: string };
  /** A marker secret written in an earlier session is missing now. */
  readonly markerLost?: boolean;
}

export type KeyringVerdict =
  | { readonly weak: true; readonly certainty: 'certain' | 'likely'; readonly reason: 'argv-basic' | 'cli-basic' | 'secrets-not-persisted' | 'no-session-bus'; readonly message: string }
  | { readonly weak: false; readonly reason: 'ok' | 'not-applicable' };

/** Removes // and /* *\/ comments outside strings (argv.json is JSONC). */
function stripJsonComments(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      const end = /"(?:[^"\\]|\\.)*"/y;
      end.lastIndex = i;
      const m = end.exec(text);
      const s = m ? m[0] : text.slice(i);
      out += s;
      i += s.length - 1;
    } else if (c === '/' && text[i + 1] === '/') {
      while (i < text.length && text[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 1;
    } else {
      out += c;
    }
  }
  return out;
}

/**
 * Verdicts carry their message in the current core locale. Nothing is worded for a sound keyring: the message table
 * loads only when there is something to say (issue 17 item 4; the check runs at every activation).
 */
export function assessKeyring(probe: KeyringProbe): KeyringVerdict {
  const next = msg('keyringNext');
  if (probe.markerLost) {
    return { weak: true, certainty: 'certain', reason: 'secrets-not-persisted', message: text('keyringSecretsNotPersisted', { next: probe.platform === 'linux' ? next : msg('keychainNext') }) };
  }
  if (probe.platform !== 'linux') return { weak: false, reason: probe.platform === 'darwin' || probe.platform === 'win32' ? 'ok' : 'not-applicable' };
  if (probe.uiKind === 'web' || probe.remoteName) return { weak: false, reason: 'not-applicable' };
  if (probe.argvJson && /"password-store"\s*:\s*"basic"/.test(stripJsonComments(probe.argvJson))) {
    return { weak: true, certainty: 'certain', reason: 'argv-basic', message: text('keyringArgvBasic', { next }) };
  }
  if ((probe.ancestorCommandLines ?? []).some((cmd) => /--password-store(?:=|\s+)["']?basic\b/.test(cmd))) {
    return { weak: true, certainty: 'certain', reason: 'cli-basic', message: text('keyringCliBasic', { next }) };
  }
  if (!probe.env.DBUS_SESSION_BUS_ADDRESS) {
    return { weak: true, certainty: 'likely', reason: 'no-session-bus', message: text('keyringNoSessionBus', { next }) };
  }
  return { weak: false, reason: 'ok' };
}
