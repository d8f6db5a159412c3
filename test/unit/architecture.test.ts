import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';

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
});
