// A real VS Code without desktop VS Code: the VS Code server (code-server, from npm) on 127.0.0.1 with a
// private user-data dir, extensions dir, XDG dirs and TMPDIR, all inside one scratch directory that `stop()`
// deletes. The server runs in its own process group so stop() can end the whole tree (server, extension
// host, pty host, file watcher).
import { ChildProcess, spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { HarnessTools } from './setup';

export interface ServerOptions {
  /** Extra environment for the server and so for the extension host (e.g. NEXI_TEST_REPORT). */
  readonly env?: NodeJS.ProcessEnv;
  /** `.vsix` files installed into the private extensions dir before the server starts. */
  readonly installExtensions?: readonly string[];
  /** Extra user settings. */
  readonly settings?: Record<string, unknown>;
  readonly verbose?: boolean;
  /** Fixed port (npm start); a free one otherwise. */
  readonly port?: number;
  /** Keep VS Code's workspace trust on, so folders open in Restricted Mode until trusted. Off by default. */
  readonly workspaceTrust?: boolean;
  /** Keep user data across runs (npm start); scratch otherwise. */
  readonly userDataDir?: string;
  /** VS Code's display language (`--locale`); needs a language pack for it among `installExtensions`. */
  readonly locale?: string;
  /**
   * Extension folders linked into the extensions dir, so VS Code loads them as installed extensions from where
   * they are (npm start: the repository itself; "Developer: Reload Window" picks up a rebuilt bundle).
   */
  readonly linkExtensions?: readonly string[];
  /**
   * The smoke-test driver: the harness needs it (built VS Code web runs extension tests from the URL's payload
   * only with it), but it also hides notification toasts. On unless set to false; `npm start` runs without it.
   */
  readonly smokeTestDriver?: boolean;
}

export interface RunningServer {
  readonly origin: string;
  readonly port: number;
  readonly scratch: string;
  readonly extensionsDir: string;
  /** Everything the server printed (for diagnostics when something goes wrong). */
  readonly output: string[];
  readonly process: ChildProcess;
  /** URL of the workbench for `folder`, optionally with an extension-development / extension-tests payload. */
  workbenchUrl(folder: string, payload?: { extensionDevelopmentPath?: string; extensionTestsPath?: string }): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address() as net.AddressInfo;
      srv.close(() => resolve(address.port));
    });
  });
}

function httpOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = http.get(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
    req.setTimeout(2000, () => {
      req.destroy();
      resolve(false);
    });
  });
}

const quietSettings = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'chat.disableAIFeatures': true,
};

function serverEnv(scratch: string, extra: NodeJS.ProcessEnv | undefined): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...extra,
    // No marketplace: no network lookups (and no error spam) offline.
    EXTENSIONS_GALLERY: process.env.EXTENSIONS_GALLERY ?? '{}',
    // code-server keeps logs and a heartbeat in $XDG_DATA_HOME regardless of --user-data-dir.
    XDG_DATA_HOME: path.join(scratch, 'xdg-data'),
    XDG_CONFIG_HOME: path.join(scratch, 'xdg-config'),
    // The server leaves vscode-ipc-*.sock files in TMPDIR; the extension host's os.tmpdir() lands here too.
    TMPDIR: path.join(scratch, 'tmp'),
  };
  // A parent VS Code / code-server session must not leak into this one.
  for (const k of Object.keys(env)) if (k.startsWith('VSCODE_') || k === 'CODE_SERVER_PARENT_PID' || k === 'ELECTRON_RUN_AS_NODE') delete env[k];
  return env;
}

/** code-server's own CLI installs a .vsix into an extensions dir (no server, no network). */
function installVsix(tools: HarnessTools, scratch: string, extensionsDir: string, userDataDir: string, vsix: string, env: NodeJS.ProcessEnv): void {
  const r = spawnSync(tools.node, [tools.codeServerEntry, '--config', path.join(scratch, 'config.yaml'), '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], { env, encoding: 'utf8', timeout: 120_000 });
  const out = `${r.stdout ?? ''}${r.stderr ?? ''}`;
  if (r.status !== 0 || !/successfully installed/i.test(out)) {
    throw new Error(`installing ${vsix} into the harness VS Code failed (exit ${r.status ?? r.signal}):\n${out.trim()}`);
  }
}

/**
 * Links an extension folder into the extensions dir under the name VS Code gives installed extensions
 * (`publisher.name-version`); the server scans the dir and records it in its extensions.json on start.
 */
function linkExtension(extensionsDir: string, folder: string): void {
  const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
  fs.symlinkSync(path.resolve(folder), path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`), 'dir');
}

/**
 * The VS Code server resolves a display language other than English from `languagepacks.json` in its user-data
 * dir, a file it otherwise writes only after it has seen the language pack installed, one start too late for the
 * first page. Written here from the installed language pack (an extension contributing `localizations`).
 */
function writeLanguagePacks(extensionsDir: string, userDataDir: string, locale: string): void {
  for (const dir of fs.readdirSync(extensionsDir)) {
    const manifestFile = path.join(extensionsDir, dir, 'package.json');
    if (!fs.existsSync(manifestFile)) continue;
    const manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as {
      publisher: string;
      name: string;
      version: string;
      contributes?: { localizations?: { languageId: string; localizedLanguageName?: string; translations: { id: string; path: string }[] }[] };
    };
    const localization = manifest.contributes?.localizations?.find((l) => l.languageId.toLowerCase() === locale.toLowerCase());
    if (!localization) continue;
    const translations = Object.fromEntries(localization.translations.map((t) => [t.id, path.join(extensionsDir, dir, t.path)]));
    const packs = {
      [localization.languageId]: {
        hash: `${manifest.publisher}.${manifest.name}-${manifest.version}`.replace(/[^\w.-]/g, '_'),
        extensions: [{ extensionIdentifier: { id: `${manifest.publisher}.${manifest.name}` }, version: manifest.version }],
        translations,
        label: localization.localizedLanguageName ?? localization.languageId,
      },
    };
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
    return;
  }
  throw new Error(`--locale ${locale}: no installed extension contributes a language pack for it (install one with installExtensions)`);
}

export async function startServer(tools: HarnessTools, options: ServerOptions = {}): Promise<RunningServer> {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-vscode-'));
  const userDataDir = options.userDataDir ?? path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  for (const d of [path.join(userDataDir, 'User'), extensionsDir, path.join(scratch, 'tmp'), path.join(scratch, 'xdg-data'), path.join(scratch, 'xdg-config')]) fs.mkdirSync(d, { recursive: true });
  const settingsFile = path.join(userDataDir, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile) || !options.userDataDir) {
    fs.writeFileSync(settingsFile, JSON.stringify({ ...quietSettings, ...options.settings }, null, 2) + '\n');
  } else if (options.settings) {
    // A kept user-data dir (npm start): the person's own settings stay, the ones we need are set on top.
    let current: Record<string, unknown> = {};
    try {
      current = JSON.parse(fs.readFileSync(settingsFile, 'utf8')) as Record<string, unknown>;
    } catch {
      // settings.json with comments or broken JSON: leave it to the person, set nothing
    }
    if (Object.keys(current).length) fs.writeFileSync(settingsFile, JSON.stringify({ ...current, ...options.settings }, null, 2) + '\n');
  }
  fs.writeFileSync(path.join(scratch, 'config.yaml'), 'auth: none\n');
  // The suites inspect the settings files the workbench writes (no secret may ever land there).
  const env = serverEnv(scratch, { ...options.env, NEXI_TEST_USER_DATA_DIR: userDataDir });

  const removeScratch = (): void => fs.rmSync(scratch, { recursive: true, force: true });
  try {
    for (const vsix of options.installExtensions ?? []) installVsix(tools, scratch, extensionsDir, userDataDir, vsix, env);
  } catch (err) {
    removeScratch();
    throw err;
  }

  for (const folder of options.linkExtensions ?? []) linkExtension(extensionsDir, folder);

  if (options.locale) {
    try {
      writeLanguagePacks(extensionsDir, userDataDir, options.locale);
    } catch (err) {
      removeScratch();
      throw err;
    }
  }

  const port = options.port ?? (await freePort());
  const origin = `http://127.0.0.1:${port}`;
  const args = [
    tools.codeServerEntry,
    '--config', path.join(scratch, 'config.yaml'),
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-getting-started-override',
    '--ignore-last-opened',
    ...(options.workspaceTrust ? [] : ['--disable-workspace-trust']),
    ...(options.locale ? ['--locale', options.locale] : []),
    '--log', options.verbose ? 'debug' : 'info',
    // Built VS Code web honours extensionDevelopmentPath/extensionTestsPath in the `payload` query only when
    // the smoke-test driver is enabled; code-server passes the option through to the VS Code server.
    ...(options.smokeTestDriver === false ? [] : ['--vscode-option', 'enable-smoke-test-driver']),
  ];
  const child = spawn(tools.node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const output: string[] = [];
  const onData = (d: Buffer): void => {
    const s = d.toString();
    output.push(s);
    if (output.length > 2000) output.splice(0, output.length - 2000);
    if (options.verbose) process.stderr.write(`[server] ${s}`);
  };
  child.stdout!.on('data', onData);
  child.stderr!.on('data', onData);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => (stopping ??= terminate());
  const terminate = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, 3000);
        child.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
    // Helpers (extension host, pty host) may outlive the server by a moment: end the whole group.
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // the group is empty
    }
    removeScratch();
  };

  const deadline = Date.now() + 60_000;
  while (!(await httpOk(`${origin}/healthz`))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await stop();
      throw new Error(`code-server exited before it was ready (exit ${child.exitCode ?? child.signalCode}):\n${output.join('').split('\n').slice(-30).join('\n')}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`code-server did not answer /healthz within 60 s:\n${output.join('').split('\n').slice(-30).join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }

  // vscode-remote://<host:port><absolute path>: the remote authority code-server uses is the page's host.
  const remote = (p: string): string => `vscode-remote://127.0.0.1:${port}${path.resolve(p).split(path.sep).map(encodeURIComponent).join('/')}`;
  const workbenchUrl = (folder: string, payload?: { extensionDevelopmentPath?: string; extensionTestsPath?: string }): string => {
    let url = `${origin}/?folder=${encodeURIComponent(path.resolve(folder))}`;
    if (payload) {
      const entries: [string, string][] = [];
      if (payload.extensionDevelopmentPath) entries.push(['extensionDevelopmentPath', remote(payload.extensionDevelopmentPath)]);
      if (payload.extensionTestsPath) entries.push(['extensionTestsPath', remote(payload.extensionTestsPath)]);
      entries.push(['skipWelcome', 'true']);
      url += `&payload=${encodeURIComponent(JSON.stringify(entries))}`;
    }
    return url;
  };

  return { origin, port, scratch, extensionsDir, output, process: child, workbenchUrl, stop };
}
