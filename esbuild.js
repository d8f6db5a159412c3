// Bundles the extension, the CLI and (with --tests) the integration suites.
//   node esbuild.js               development build (sourcemaps)
//   node esbuild.js --production  minified, no sourcemaps (what `npm run package` ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also bundle test/integration, test/integration-restricted, test/integration-it, the harness fixture suites
//                                 and the editor benchmark (bench/editor, `npm run bench:editor`) into out/
//
// What loads when (issue 17 item 4): dist/load.js, the entry point, loads dist/extension.js with V8's code cache
// (src/loader.ts). dist/extension.js holds what activation and the first hover need. Everything else is a chunk
// loaded on first use:
// - dist/chunks/<name>.js: every module of src/ that the extension reaches only through `await import('./x')` or a
//   `require('./x')` inside a function becomes a chunk of its own (the sandbox, reconciliation, the simulator, the
//   credential commands, the data tables, ...). The boundary is visible in the source: a static import keeps a module
//   in the activation bundle, a dynamic one makes it a chunk.
// - dist/vendor/<lib>.js: the libraries (node-forge, undici, jose, the MCP SDK), shared by the extension and the CLI.
// A module the activation bundle already holds is never copied into a chunk: the chunk takes the activation bundle's
// instance from a registry (`globalThis[Symbol.for('nexi-app2app.modules')]`), so module state (the display
// language, the l10n bundle) and classes (`instanceof NexiError`) exist once.
'use strict';

const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const root = __dirname;
const srcDir = path.join(root, 'src');

/** Every *.ts file below `dir` (recursive), for the test entry points. */
function tsFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

// Libraries only some commands need are bundled on their own into dist/vendor/ and required from there on first use:
// inside the extension bundle, even behind a lazy require, V8 would still parse them at activation (~10 ms for
// node-forge). node-forge: PKCS#12, PKCS#7, CSRs, the sandbox PKI; undici: HTTPS to Nexi and the sandbox; jose: the
// client assertion (JWS in JWE). The CLI requires the same files.
const lazyVendors = ['node-forge', 'undici', 'jose'];
const vendorFilter = new RegExp(`^(${lazyVendors.join('|')})$`);

/** The registry through which chunks reach the activation bundle's modules. */
const registrySymbol = 'nexi-app2app.modules';

/** `import('./x')` from a file in `fromDir` (relative to the output root) to `target` (same). */
function relativeSpecifier(fromDir, target) {
  const rel = path.posix.relative(fromDir, target);
  return rel.startsWith('.') ? rel : `./${rel}`;
}

/** Stable name of a module, as its registry key: `src/core/i18n.ts`, `node_modules/@vscode/l10n/dist/main.js`. */
function moduleKey(file) {
  const abs = path.resolve(root, file);
  const nm = abs.lastIndexOf(`${path.sep}node_modules${path.sep}`);
  const key = nm >= 0 ? abs.slice(nm + 1) : path.relative(root, abs);
  return key.split(path.sep).join('/');
}

/** dist/chunks/<name>.js for a module of src/: `src/core/sandbox/server.ts` → `core.sandbox.server`. */
function chunkName(file) {
  return path.relative(srcDir, file).replace(/\.[cm]?[jt]s$/, '').split(path.sep).join('.');
}

const skip = Symbol('resolving');

/**
 * Resolution for the extension's bundles: vendor libraries and dynamically imported src/ modules become
 * external chunks; with `shared`, modules the activation bundle holds become stubs reading its registry.
 * `outDir` is where the bundle being built lands, relative to the output root (`.` or `chunks`).
 */
function extensionPlugin({ outDir, chunks, shared, usedShared }) {
  return {
    name: 'nexi-lazy-chunks',
    setup(build) {
      // `import * as vscode from 'vscode'` compiles to a copy of the whole API object (a getter per key) in every
      // module that imports it (~50 copies at load); through this one ESM module, the bundle makes one.
      build.onResolve({ filter: /^vscode$/ }, (args) => (args.namespace === 'nexi-vscode' ? { path: 'vscode', external: true } : { path: 'vscode', namespace: 'nexi-vscode' }));
      build.onLoad({ filter: /.*/, namespace: 'nexi-vscode' }, () => ({ loader: 'js', contents: 'export * from "vscode";' }));
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === skip || args.kind === 'entry-point') return undefined;
        if (vendorFilter.test(args.path)) return { path: relativeSpecifier(outDir, `vendor/${args.path}.js`), external: true };
        if (args.namespace === 'nexi-shared') return undefined;
        const r = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: skip });
        if (r.errors.length > 0 || r.external) return undefined;
        const key = moduleKey(r.path);
        if (shared && shared.has(key)) {
          usedShared.add(key);
          return { path: key, namespace: 'nexi-shared' };
        }
        const lazy = args.kind === 'dynamic-import' || args.kind === 'require-call';
        if (lazy && r.path.startsWith(srcDir + path.sep) && args.importer.startsWith(srcDir + path.sep)) {
          const name = chunkName(r.path);
          chunks.set(name, r.path);
          return { path: relativeSpecifier(outDir, `chunks/${name}.js`), external: true };
        }
        return undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'nexi-shared' }, (args) => ({
        loader: 'js',
        contents: [
          `const registry = globalThis[Symbol.for(${JSON.stringify(registrySymbol)})];`,
          `if (!registry || !(${JSON.stringify(args.path)} in registry)) throw new Error(${JSON.stringify(`Nexi App2App: a chunk needs ${args.path} from dist/extension.js, which was not loaded first or is from another build. Reinstall the extension (or rebuild with node esbuild.js).`)});`,
          `module.exports = registry[${JSON.stringify(args.path)}];`,
        ].join('\n'),
      }));
    },
  };
}

// The MCP SDK (with zod) serves only `nexi-app2app mcp`: src/cli/mcpSdk.ts is bundled on its own into
// dist/vendor/mcp-sdk.js, and the CLI requires it from there when that command runs.
// @vscode/l10n requires fs/promises when it loads, for reading bundles from files, which the CLI never asks it to do
// (it hands it their contents): Node loading that module was ~4 ms of every command's start. The CLI's copy gets a
// stand-in that loads it at the first use.
const cliPlugin = {
  name: 'cli-vendors',
  setup(build) {
    build.onResolve({ filter: vendorFilter }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
    build.onResolve({ filter: /^\.\/mcpSdk$/ }, (args) => (args.importer.endsWith(path.join('src', 'cli', 'mcp.ts')) ? { path: './vendor/mcp-sdk.js', external: true } : undefined));
    build.onResolve({ filter: /^fs\/promises$/ }, (args) => (args.importer.includes(`${path.sep}@vscode${path.sep}l10n${path.sep}`) ? { path: 'fs/promises', namespace: 'nexi-lazy-builtin' } : undefined));
    build.onLoad({ filter: /.*/, namespace: 'nexi-lazy-builtin' }, (args) => ({
      loader: 'js',
      contents: `module.exports = new Proxy({}, { get: (_target, name) => require(${JSON.stringify(args.path)})[name] });`,
    }));
  },
};

/** esbuild options shared by every bundle. */
function commonOptions(production) {
  return {
    bundle: true,
    platform: 'node',
    format: 'cjs',
    sourcemap: production ? false : 'linked',
    minify: production,
    legalComments: production ? 'none' : 'inline',
    logLevel: 'warning',
    metafile: true,
    absWorkingDir: root,
  };
}

/**
 * The extension: its activation bundle and its chunks, in rounds until nothing changes — (1) the activation bundle
 * tells which modules it holds; (2) the chunks are built against them (finding further chunks); (3) the activation
 * bundle is rebuilt exporting, through the registry, the modules the chunks take from it.
 */
async function buildExtension({ production, outRoot }) {
  // dist/extension.js runs through the loader's vm.Script (src/loader.ts), which has no loader for import(): the
  // chunks are required instead (`import('./x')` becomes a promise of require('./x'), the same module once).
  const common = { ...commonOptions(production), target: 'node22', external: ['vscode'], supported: { 'dynamic-import': false } };
  const chunks = new Map();
  let registryKeys = [];
  /** Registry key → the file it names. */
  const files = new Map();
  /** The previous round's chunk build, and what it was built against. */
  let previous;
  for (let round = 1; ; round++) {
    const entry = [
      `export * from ${JSON.stringify(path.join(srcDir, 'extension.ts'))};`,
      ...registryKeys.map((key, i) => `import * as m${i} from ${JSON.stringify(files.get(key))};`),
      registryKeys.length > 0 ? `globalThis[Symbol.for(${JSON.stringify(registrySymbol)})] = { ${registryKeys.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')} };` : '',
    ].join('\n');
    const main = await esbuild.build({
      ...common,
      stdin: { contents: entry, resolveDir: root, sourcefile: 'src/extension.entry.ts', loader: 'ts' },
      outfile: path.join(outRoot, 'extension.js'),
      // The editor benchmark tells loading the bundle from running it by these marks (issue 17).
      banner: { js: 'performance.mark("nexi-app2app.load-start");' },
      footer: { js: 'performance.mark("nexi-app2app.load-end");' },
      plugins: [extensionPlugin({ outDir: '.', chunks })],
    });
    const inputs = Object.keys(main.metafile.inputs).filter((f) => !f.startsWith('<'));
    for (const f of inputs) files.set(moduleKey(f), path.resolve(root, f));
    const shared = new Set(inputs.map(moduleKey));
    const usedShared = new Set();
    const eager = [...chunks.values()].filter((f) => shared.has(moduleKey(f)));
    if (eager.length > 0) {
      // Both in the activation bundle and a chunk: two instances of its state, and no time saved.
      throw new Error(`imported dynamically (a chunk) and statically (in dist/extension.js): ${eager.map((f) => path.relative(root, f)).join(', ')}. Make every import of it from the extension dynamic (await import / require inside a function), or all of them static.`);
    }
    const against = `${[...shared].sort().join('\n')}\0${[...chunks.keys()].sort().join('\n')}`;
    // Same modules in the activation bundle, same chunks: the chunks built last round stand (and share what it exports).
    if (previous?.against === against) return [main, ...(previous.built ? [previous.built] : [])];
    let built;
    // A chunk can import further chunks: build until no new one appears.
    for (let known = -1; known !== chunks.size; ) {
      known = chunks.size;
      built = await esbuild.build({
        ...common,
        entryPoints: Object.fromEntries(chunks),
        outdir: path.join(outRoot, 'chunks'),
        plugins: [extensionPlugin({ outDir: 'chunks', chunks, shared, usedShared })],
      });
    }
    const wanted = [...usedShared].sort();
    previous = { against, built };
    if (wanted.join('\n') === registryKeys.join('\n')) return [main, ...(built ? [built] : [])];
    if (round === 4) throw new Error(`the extension's chunks do not settle on the modules they share with dist/extension.js: ${wanted.join(', ')}`);
    registryKeys = wanted;
  }
}

function buildOthers({ production, outRoot }) {
  const common = commonOptions(production);
  return [
    // The entry point VS Code requires (package.json "main"): it loads dist/extension.js with V8's code cache.
    esbuild.build({
      ...common,
      entryPoints: { load: 'src/load.ts' },
      outdir: outRoot,
      target: 'node22',
      external: ['vscode'],
    }),
    esbuild.build({
      ...common,
      // The CLI runs on the machine's Node 20, the extension host on Node 22+: the libraries are built for Node 20.
      entryPoints: Object.fromEntries(lazyVendors.map((name) => [`vendor/${name}`, name])),
      outdir: outRoot,
      target: 'node20',
    }),
    esbuild.build({
      ...common,
      entryPoints: { cli: 'src/cli/main.ts' },
      outdir: outRoot,
      target: 'node20',
      banner: { js: '#!/usr/bin/env node' },
      plugins: [cliPlugin],
    }),
    esbuild.build({
      ...common,
      entryPoints: { 'vendor/mcp-sdk': 'src/cli/mcpSdk.ts' },
      outdir: outRoot,
      target: 'node20',
    }),
  ];
}

function buildTests() {
  const entries = [...tsFiles('test/integration'), ...tsFiles('test/integration-restricted'), ...tsFiles('test/integration-it'), ...tsFiles('test/screenshots'), ...tsFiles('test/harness/fixtures'), ...tsFiles('bench/editor')];
  return esbuild.build({
    ...commonOptions(false),
    sourcemap: 'inline',
    minify: false,
    entryPoints: entries,
    outbase: '.',
    outdir: 'out',
    target: 'node22',
    // mocha is resolved from node_modules at run time (the extension host runs on this file system).
    external: ['vscode', 'mocha'],
  });
}

/**
 * Builds the extension (activation bundle + chunks), the vendor bundles, the CLI and the MCP SDK into `outRoot`
 * (default dist/). Returns the esbuild results (with metafiles). Stale chunks of an earlier build are removed.
 */
async function build({ production = false, outRoot = path.join(root, 'dist') } = {}) {
  fs.rmSync(path.join(outRoot, 'chunks'), { recursive: true, force: true });
  const results = await Promise.all([buildExtension({ production, outRoot }), ...buildOthers({ production, outRoot })]);
  const flat = results.flat();
  if (production) {
    // Make sure no stale development sourcemaps ride along into the .vsix.
    for (const dir of [outRoot, path.join(outRoot, 'vendor'), path.join(outRoot, 'chunks')]) {
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir)) if (f.endsWith('.js.map')) fs.rmSync(path.join(dir, f), { force: true });
    }
  }
  return flat;
}

function report(results) {
  const rows = results.flatMap((r) => Object.entries(r.metafile.outputs).filter(([f]) => f.endsWith('.js')));
  for (const [file, info] of rows.sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${path.relative(root, path.resolve(root, file)).padEnd(44)} ${(info.bytes / 1024).toFixed(1).padStart(8)} KiB`);
  }
}

async function main() {
  const args = new Set(process.argv.slice(2));
  const production = args.has('--production');
  const tests = args.has('--tests');
  const once = async () => {
    const started = Date.now();
    const results = await build({ production });
    const testResult = tests ? await buildTests() : undefined;
    console.log(`esbuild (${production ? 'production' : 'development'}) in ${Date.now() - started} ms:`);
    report(results);
    if (testResult) console.log(`  out/ test suites                             ${Object.keys(testResult.metafile.outputs).filter((f) => f.endsWith('.js')).length} files`);
  };
  await once();
  if (!args.has('--watch')) return;
  // Every round of the extension depends on the one before, so a change rebuilds everything (about a second).
  let timer;
  let running = Promise.resolve();
  const rebuild = () => {
    running = running.then(once).catch((err) => console.error(`[watch] ${err.message || err}`));
  };
  for (const dir of ['src', ...(tests ? ['test', 'bench'] : [])]) {
    fs.watch(path.join(root, dir), { recursive: true }, () => {
      clearTimeout(timer);
      timer = setTimeout(rebuild, 150);
    });
  }
  console.log('[watch] watching for changes');
}

module.exports = { build, registrySymbol, lazyVendors };

if (require.main === module) {
  main().catch((err) => {
    console.error(err.message || err);
    process.exit(1);
  });
}
