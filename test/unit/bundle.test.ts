// Issue 17 item 4: what loads when. The production build (esbuild.js) puts what activation and the editor need in
// dist/extension.js and everything else in chunks (dist/chunks/) and vendor bundles (dist/vendor/) loaded on first
// use. These tests build it into a scratch directory and fail when a lazy module lands in the activation bundle,
// when loading the activation bundle loads a chunk, when a chunk carries its own copy of a module the activation
// bundle holds (two instances of its state), or when the CLI repeats the vendor libraries.
import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import type { BuildResult, Metafile } from 'esbuild';

const root = path.resolve(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { build } = require(path.join(root, 'esbuild.js')) as { build(options: { production?: boolean; outRoot?: string }): Promise<BuildResult[]> };

type Output = Metafile['outputs'][string];

/** Modules that must never be parsed at activation: they serve commands, views' actions or rare input. */
const lazy: ReadonlyArray<{ readonly what: string; readonly pattern: RegExp }> = [
  { what: 'the sandbox (server, PKI)', pattern: /^src\/core\/sandbox\/server\.ts$/ },
  { what: 'reconciliation', pattern: /^src\/core\/reconcile\/reconcile\.ts$/ },
  { what: 'the simulator', pattern: /^src\/core\/simulator\// },
  { what: 'the language-model tools', pattern: /^src\/(core|vscode)\/lmTools\.ts$/ },
  { what: 'the MCP server', pattern: /^src\/mcp\// },
  { what: 'the checkTransaction client', pattern: /^src\/core\/nexi\/(client|http|assertion|connection)\.ts$/ },
  { what: 'the credential, check, sandbox, reconcile and simulate commands', pattern: /^src\/vscode\/commands\/(credentials|check|sandbox|reconcile|simulate)\.ts$/ },
  { what: 'credential import and CSRs', pattern: /^src\/core\/credentials\/(importing|csr|material)\.ts$/ },
  { what: 'the data tables', pattern: /^src\/core\/data\/\w+Data\.ts$/ },
  { what: 'the EMV decoder', pattern: /^src\/core\/emv\/(kernelData|tlv|describe|bits)\.ts$/ },
  { what: 'jose, undici, node-forge, @peculiar/x509, the MCP SDK, zod', pattern: /(^|\/)node_modules\/(jose|undici|node-forge|@peculiar|@modelcontextprotocol|zod)\// },
  // Wording read only when a credential command, check or finding speaks, or a B2B error is made or shown.
  { what: 'the credential message table', pattern: /^src\/core\/credentials\/messageTable\.ts$/ },
  { what: 'the B2B error wording', pattern: /^src\/core\/nexi\/errorTable\.ts$/ },
  // The views register light providers at activation; what a row shows loads with the first row.
  { what: "the Credentials view's rows", pattern: /^src\/vscode\/views\/credentialsRows\.ts$/ },
  { what: "the Reconciliation view's rows and the reconciliation report", pattern: /^src\/(vscode\/views\/reconciliationRows|core\/reconcile\/(report|view))\.ts$/ },
  { what: 'the App2App editor commands (the hover and CodeLens name them by id)', pattern: /^src\/vscode\/commands\/app2app\.ts$|^src\/core\/app2app\/copyAs\.ts$/ },
  { what: 'the credentials-to-connection code of the checks', pattern: /^src\/core\/nexi\/fromCredentials\.ts$/ },
  { what: 'adb (Send to Android device)', pattern: /^src\/(vscode|core)\/adb\.ts$/ },
  // Loaded with the first completion inside a URI: it put the activation bundle over its 250 kB goal.
  { what: 'the completion core', pattern: /^src\/core\/app2app\/complete\.ts$/ },
  { what: 'the SecretStorage check (run after activation)', pattern: /^src\/(vscode|core\/credentials)\/keyring\.ts$/ },
  { what: "the result documents' commands", pattern: /^src\/vscode\/commands\/results\.ts$/ },
  // The hovers' Markdown loads before the first explanation (explainWarmUp); completion keeps markdownText.ts.
  { what: 'the Markdown renderings of explanations', pattern: /^src\/core\/explain\/markdown\.ts$/ },
];

describe('bundles: what loads when (issue 17 item 4)', function () {
  this.timeout(120_000);
  let outRoot: string;
  let outputs: Record<string, Output>;
  const output = (name: string): Output => {
    const found = Object.entries(outputs).find(([file]) => path.resolve(root, file) === path.join(outRoot, name));
    assert.ok(found, `${name} was built`);
    return found[1];
  };
  const chunkFiles = () => Object.keys(outputs).filter((f) => path.resolve(root, f).startsWith(path.join(outRoot, 'chunks') + path.sep) && f.endsWith('.js'));

  before(async () => {
    outRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-bundle-'));
    const results = await build({ production: true, outRoot });
    outputs = Object.assign({}, ...results.map((r) => r.metafile!.outputs)) as Record<string, Output>;
  });

  after(() => fs.rmSync(outRoot, { recursive: true, force: true }));

  it('the activation bundle holds none of the lazy modules', () => {
    const inputs = Object.keys(output('extension.js').inputs);
    for (const { what, pattern } of lazy) {
      const eager = inputs.filter((f) => pattern.test(f.replace(/^(\.\.\/)+/, '')));
      assert.deepEqual(eager, [], `${what} must load on first use, not at activation`);
    }
    // The inputs are named as the test expects (a renamed build would make the check above vacuous).
    assert.ok(inputs.some((f) => f === 'src/extension.ts' || f.endsWith('src/extension.ts')), inputs.slice(0, 5).join(', '));
  });

  it('the tables and view rows moved out of the activation bundle are chunks of their own, reached from it', () => {
    const reached = new Set(output('extension.js').imports.filter((i) => i.external).map((i) => i.path));
    for (const chunk of ['core.credentials.messageTable', 'core.nexi.errorTable', 'vscode.views.credentialsRows', 'vscode.views.reconciliationRows', 'vscode.commands.app2app', 'core.nexi.fromCredentials', 'vscode.adb', 'vscode.keyring', 'vscode.commands.results', 'core.explain.markdown']) {
      assert.ok(reached.has(`./chunks/${chunk}.js`), `dist/extension.js loads chunks/${chunk}.js on first use: ${[...reached].join(', ')}`);
    }
  });

  it('the activation bundle reaches chunks and vendor bundles only through import() or require() (no static import)', () => {
    const reached = output('extension.js').imports.filter((i) => i.external && /^\.\/(chunks|vendor)\//.test(i.path));
    assert.ok(reached.length >= 10, `the activation bundle names its chunks: ${reached.map((i) => i.path).join(', ')}`);
    for (const i of reached) assert.ok(i.kind === 'dynamic-import' || i.kind === 'require-call', `${i.path} is imported with ${i.kind}`);
  });

  it('loading the activation bundle loads no chunk and no vendor bundle; every chunk then loads', () => {
    // A plain Node process with a stand-in for the vscode module (the bundle only registers things at activate()).
    // The bundle copies the API's own properties once (esbuild's re-export), so the stand-in lists the names the
    // API declares (@types/vscode), each a stub.
    const apiNames = [...new Set([...fs.readFileSync(path.join(root, 'node_modules', '@types', 'vscode', 'index.d.ts'), 'utf8').matchAll(/^\s*export (?:declare )?(?:class|namespace|enum|const|let|function) (\w+)/gm)].map((m) => m[1]!))];
    const script = `
      const Module = require('module');
      const path = require('path');
      const stub = () => new Proxy(function () {}, { getPrototypeOf: () => stub(), get: (t, k) => (k === 'then' ? undefined : stub()), apply: () => stub(), construct: () => stub() });
      const names = ${JSON.stringify(apiNames)};
      const api = new Proxy({}, {
        ownKeys: () => names,
        getOwnPropertyDescriptor: (t, k) => (names.includes(k) ? { configurable: true, enumerable: true, writable: true, value: stub() } : undefined),
        get: (t, k) => (k === 'then' ? undefined : stub()),
      });
      const load = Module._load;
      Module._load = function (request, ...rest) { return request === 'vscode' ? api : load.call(this, request, ...rest); };
      const out = ${JSON.stringify(outRoot)};
      // Through the entry point VS Code requires (package.json "main"), which runs extension.js with the code cache.
      const ext = require(path.join(out, 'load.js'));
      const atLoad = Object.keys(require.cache).filter((f) => f.startsWith(out)).map((f) => path.relative(out, f));
      const chunks = require('fs').readdirSync(path.join(out, 'chunks')).filter((f) => f.endsWith('.js'));
      const loaded = chunks.map((f) => [f, Object.keys(require(path.join(out, 'chunks', f))).length]);
      console.log(JSON.stringify({ exports: Object.keys(ext), atLoad, loaded }));
    `;
    const r = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(r.stdout) as { exports: string[]; atLoad: string[]; loaded: Array<[string, number]> };
    assert.deepEqual(result.exports.sort(), ['activate', 'deactivate']);
    // load.js compiles extension.js itself (src/loader.ts): nothing else of dist/ is required at load.
    assert.deepEqual(result.atLoad, ['load.js']);
    assert.ok(result.loaded.length >= 10, JSON.stringify(result.loaded));
    for (const [chunk, exports] of result.loaded) assert.ok(exports > 0, `${chunk} exports something`);
  });

  it('a chunk never carries its own copy of a module the activation bundle holds (one locale, one NexiError)', () => {
    const main = new Set(Object.keys(output('extension.js').inputs));
    for (const file of chunkFiles()) {
      // The vscode re-export (esbuild.js) holds no state: one per bundle is the point of it.
      const copies = Object.keys(outputs[file]!.inputs).filter((f) => main.has(f) && !f.startsWith('nexi-vscode:'));
      assert.deepEqual(copies, [], `${path.basename(file)} takes these from dist/extension.js instead of bundling them`);
    }
    // The locale lives in src/core/l10n.ts: in the activation bundle, reached by chunks through the registry.
    assert.ok(main.has('src/core/l10n.ts'));
  });

  it('the CLI requires the vendor bundles the extension uses instead of repeating them', () => {
    const cli = output('cli.js');
    const vendored = Object.keys(cli.inputs).filter((f) => /node_modules\/(jose|undici|node-forge)\//.test(f));
    assert.deepEqual(vendored, []);
    const required = cli.imports.filter((i) => i.external && i.path.startsWith('./vendor/')).map((i) => i.path);
    for (const v of ['./vendor/jose.js', './vendor/undici.js', './vendor/node-forge.js']) assert.ok(required.includes(v), `${v} in ${required.join(', ')}`);
    for (const v of ['jose', 'undici', 'node-forge']) assert.ok(fs.existsSync(path.join(outRoot, 'vendor', `${v}.js`)));
  });
});
