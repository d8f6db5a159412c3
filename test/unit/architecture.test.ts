import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';

const root = path.resolve(__dirname, '..', '..');

function files(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    return e.isDirectory() ? files(p) : /\.(ts|js|mjs|cjs)$/.test(e.name) ? [p] : [];
  });
}

// Matches static imports, re-exports, require() and dynamic import() of the `vscode` module.
const importsVscode = /(?:\bfrom\s*|\brequire\s*\(\s*|\bimport\s*\(\s*|\bimport\s+)['"]vscode['"]/;

/**
 * Every module specifier a source text names: static and type-only imports, re-exports, `require()`, dynamic
 * `import()` and `typeof import()` types. TypeScript's own pre-processor reads them, so comments and strings that
 * merely look like imports do not count.
 */
function specifiers(text: string): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map((f) => f.fileName);
}

/** One import between two files of src/ (paths relative to the repository, with forward slashes). */
interface Edge {
  readonly from: string;
  readonly to: string;
}

const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

/** The import graph of src/: relative imports resolved to files; packages (and `vscode`) as `pkg:<name>`. */
function importGraph(): { nodes: string[]; edges: Edge[] } {
  const sources = files(path.join(root, 'src')).filter((f) => f.endsWith('.ts'));
  const known = new Set(sources);
  const edges: Edge[] = [];
  for (const file of sources) {
    for (const spec of specifiers(fs.readFileSync(file, 'utf8'))) {
      if (!spec.startsWith('.')) {
        edges.push({ from: rel(file), to: `pkg:${spec}` });
        continue;
      }
      const base = path.resolve(path.dirname(file), spec);
      const target = [`${base}.ts`, path.join(base, 'index.ts'), base].find((c) => known.has(c));
      // A relative import of a non-TypeScript file (package.json, a JSON bundle) is data, not a module of ours.
      if (target) edges.push({ from: rel(file), to: rel(target) });
    }
  }
  return { nodes: sources.map(rel), edges };
}

/** The strongly connected components with more than one file, or a file importing itself (Tarjan). */
function cycles(nodes: readonly string[], edges: readonly Edge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (next.get(v) ?? []).includes(v)) found.push(component.sort());
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return found.sort((a, b) => a[0]!.localeCompare(b[0]!));
}

/** The edges inside each cycle, one line each, so a failure names exactly the imports to undo. */
function cycleEdges(nodes: readonly string[], edges: readonly Edge[]): string[] {
  return cycles(nodes, edges).flatMap((component, i) => {
    const inside = new Set(component);
    const lines = [...new Set(edges.filter((e) => inside.has(e.from) && inside.has(e.to)).map((e) => `${e.from} -> ${e.to}`))].sort();
    return lines.map((l) => `cycle ${i + 1}: ${l}`);
  });
}

/** Which layer a file of src/ belongs to: the core, or one of the three adapters (extension.ts and load.ts are the VS Code one). */
function layer(file: string): 'core' | 'vscode' | 'cli' | 'mcp' | 'pkg' | 'other' {
  if (file === 'pkg:vscode') return 'vscode';
  if (file.startsWith('pkg:')) return 'pkg';
  // The extension's entry points: load.ts (package.json "main") hands VS Code extension.ts's activate().
  if (file === 'src/extension.ts' || file === 'src/load.ts') return 'vscode';
  const top = file.split('/')[1];
  return top === 'core' || top === 'vscode' || top === 'cli' || top === 'mcp' ? top : 'other';
}

/**
 * Imports that cross a layer boundary the wrong way: the core imports no adapter (and not `vscode`), and an adapter
 * imports another adapter only through shared modules (today: the core).
 */
function forbiddenEdges(edges: readonly Edge[]): string[] {
  const out = new Set<string>();
  for (const e of edges) {
    const from = layer(e.from);
    const to = layer(e.to);
    if (to === 'pkg' || to === 'core' || to === 'other' || from === to) continue;
    out.add(`${e.from} -> ${e.to} (${from} ↛ ${to})`);
  }
  return [...out].sort();
}

describe('architecture', () => {
  it('src/core never imports vscode (it must run in the CLI, tests and benchmarks)', () => {
    const offenders = files(path.join(root, 'src', 'core')).filter((f) => importsVscode.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
  });

  it('the import scan recognises every form of importing vscode', () => {
    for (const line of [
      "import * as vscode from 'vscode';",
      'import { window } from "vscode";',
      "const vscode = require('vscode');",
      "const v = await import('vscode');",
      "import 'vscode';",
      "export { Uri } from 'vscode';",
    ]) assert.ok(importsVscode.test(line), line);
    for (const line of ["import { x } from './vscode';", "const s = 'vscode is an editor';", "import * as v from 'vscode-uri';"]) {
      assert.ok(!importsVscode.test(line), line);
    }
  });

  it('src/cli never imports vscode either', () => {
    const offenders = files(path.join(root, 'src', 'cli')).filter((f) => importsVscode.test(fs.readFileSync(f, 'utf8')));
    assert.deepEqual(offenders.map((f) => path.relative(root, f)), []);
  });

  describe('the import graph of src/', () => {
    const graph = importGraph();

    it('the graph scan sees type-only imports, re-exports, require, dynamic and typeof import — and nothing in comments or strings', () => {
      const text = [
        "import type { A } from './a';",
        "import { type B } from './b';",
        "export { C } from './c';",
        "export type { D } from './d';",
        "const e = require('./e');",
        "const f = await import('./f');",
        "type G = typeof import('./g');",
        "// import { h } from './h';",
        "const i = \"import { i } from './i'\";",
      ].join('\n');
      assert.deepEqual(specifiers(text).sort(), ['./a', './b', './c', './d', './e', './f', './g']);
    });

    it('the cycle finder reports a cycle exactly, and only the edges inside it', () => {
      const nodes = ['a', 'b', 'c', 'd', 'e'];
      const edges = [
        { from: 'a', to: 'b' },
        { from: 'b', to: 'c' },
        { from: 'c', to: 'a' },
        { from: 'c', to: 'd' },
        { from: 'e', to: 'e' },
      ];
      assert.deepEqual(cycleEdges(nodes, edges), ['cycle 1: a -> b', 'cycle 1: b -> c', 'cycle 1: c -> a', 'cycle 2: e -> e']);
      assert.deepEqual(cycleEdges(nodes, edges.slice(0, 2)), []);
    });

    it('the layer rule names an adapter-to-adapter or core-to-adapter import, and allows imports of the core and of packages', () => {
      assert.deepEqual(
        forbiddenEdges([
          { from: 'src/core/a.ts', to: 'src/cli/b.ts' },
          { from: 'src/core/a.ts', to: 'pkg:vscode' },
          { from: 'src/mcp/a.ts', to: 'src/cli/b.ts' },
          { from: 'src/vscode/a.ts', to: 'src/core/b.ts' },
          { from: 'src/extension.ts', to: 'src/vscode/a.ts' },
          { from: 'src/cli/a.ts', to: 'pkg:undici' },
        ]),
        ['src/core/a.ts -> pkg:vscode (core ↛ vscode)', 'src/core/a.ts -> src/cli/b.ts (core ↛ cli)', 'src/mcp/a.ts -> src/cli/b.ts (mcp ↛ cli)'],
      );
    });

    it('has no import cycles (type-only imports included)', () => {
      assert.ok(graph.edges.length > 100, `the scan found only ${graph.edges.length} imports: it is not reading src/`);
      assert.deepEqual(cycleEdges(graph.nodes, graph.edges), [], 'import cycles (every import inside each cycle is listed)');
    });

    it('the core imports no adapter, and no adapter (src/vscode, src/cli, src/mcp) imports another', () => {
      assert.deepEqual(forbiddenEdges(graph.edges), [], 'imports across layers');
    });
  });
});
