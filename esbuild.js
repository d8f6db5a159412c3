// Bundles the extension, the CLI and (with --tests) the integration suites.
//   node esbuild.js               development build (sourcemaps)
//   node esbuild.js --production  minified, no sourcemaps (what `npm run package` ships)
//   node esbuild.js --watch       rebuild on change
//   node esbuild.js --tests       also bundle test/integration, test/integration-restricted, test/integration-it, the harness fixture suites
//                                 and the editor benchmark (bench/editor, `npm run bench:editor`) into out/
'use strict';

const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const args = new Set(process.argv.slice(2));
const production = args.has('--production');
const watch = args.has('--watch');
const tests = args.has('--tests');

/** Every *.ts file below `dir` (recursive), for the test entry points. */
function tsFiles(dir) {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  legalComments: production ? 'none' : 'inline',
  logLevel: 'warning',
  metafile: true,
};

// Libraries only some commands need are bundled on their own into dist/vendor/ and required from there on first use:
// inside the extension bundle, even behind a lazy require, V8 would still parse them at activation (~10 ms for
// node-forge). node-forge: PKCS#12, PKCS#7, CSRs, the sandbox PKI; undici: HTTPS to Nexi and the sandbox; jose: the
// client assertion (JWS in JWE).
const lazyVendors = ['node-forge', 'undici', 'jose'];
const lazyVendorPlugin = {
  name: 'lazy-vendors',
  setup(build) {
    build.onResolve({ filter: new RegExp(`^(${lazyVendors.join('|')})$`) }, (args) => ({ path: `./vendor/${args.path}.js`, external: true }));
  },
};

// The MCP SDK (with zod) serves only `nexi-app2app mcp`: src/cli/mcpSdk.ts is bundled on its own into
// dist/vendor/mcp-sdk.js, and the CLI requires it from there when that command runs.
const mcpSdkPlugin = {
  name: 'mcp-sdk',
  setup(build) {
    build.onResolve({ filter: /^\.\/mcpSdk$/ }, (args) => (args.importer.endsWith(path.join('src', 'cli', 'mcp.ts')) ? { path: './vendor/mcp-sdk.js', external: true } : undefined));
  },
};

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    // VS Code >= 1.101 ships Electron 35 (Node 22); code-server runs the extension host on Node 24.
    target: 'node22',
    external: ['vscode'],
    plugins: [lazyVendorPlugin],
  },
  {
    ...common,
    entryPoints: Object.fromEntries(lazyVendors.map((name) => [`vendor/${name}`, name])),
    outdir: 'dist',
    target: 'node22',
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    // The CLI runs on the machine's Node 20.
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
    plugins: [mcpSdkPlugin],
  },
  {
    ...common,
    entryPoints: { 'vendor/mcp-sdk': 'src/cli/mcpSdk.ts' },
    outdir: 'dist',
    target: 'node20',
  },
];

if (tests) {
  const entries = [...tsFiles('test/integration'), ...tsFiles('test/integration-restricted'), ...tsFiles('test/integration-it'), ...tsFiles('test/screenshots'), ...tsFiles('test/harness/fixtures'), ...tsFiles('bench/editor')];
  builds.push({
    ...common,
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

function report(result) {
  const outputs = Object.entries(result.metafile.outputs).filter(([f]) => f.startsWith('dist/') && f.endsWith('.js'));
  for (const [file, info] of outputs) {
    console.log(`  ${file.padEnd(26)} ${(info.bytes / 1024).toFixed(1).padStart(8)} KiB`);
  }
}

async function main() {
  if (watch) {
    for (const options of builds) {
      const ctx = await esbuild.context({
        ...options,
        plugins: [...(options.plugins ?? []), { name: 'log', setup(b) { b.onEnd((r) => { if (r.errors.length === 0) console.log(`[watch] built ${Object.keys(options.entryPoints).length} entr${Object.keys(options.entryPoints).length === 1 ? 'y' : 'ies'}`); }); } }],
      });
      await ctx.watch();
    }
    console.log('[watch] watching for changes');
    return;
  }
  const started = Date.now();
  const results = await Promise.all(builds.map((b) => esbuild.build(b)));
  console.log(`esbuild (${production ? 'production' : 'development'}) in ${Date.now() - started} ms:`);
  for (const r of results) report(r);
  if (tests) console.log(`  out/ test suites             ${Object.keys(results[results.length - 1].metafile.outputs).filter((f) => f.endsWith('.js')).length} files`);
  if (production) {
    // Make sure no stale development sourcemaps ride along into the .vsix.
    for (const f of ['dist/extension.js.map', 'dist/cli.js.map', ...lazyVendors.map((v) => `dist/vendor/${v}.js.map`)]) fs.rmSync(f, { force: true });
  }
}

main().catch((err) => {
  console.error(err.message || err);
  process.exit(1);
});
