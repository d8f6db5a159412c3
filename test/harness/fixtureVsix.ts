// Extensions the harness VS Code installs from test/harness/fixtures/, packaged on the fly into a temporary .vsix:
// - language-pack-<locale>: a display language. The real language packs come from the Marketplace, which is out of
//   reach here; the fixture declares the language without translating VS Code itself, which is enough for
//   `vscode.env.language`, the extensions' `l10n` bundles and `package.nls.<locale>.json`.
// - empty-extension: an extension that does nothing, the baseline of the editor benchmark's activation time.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './setup';

/** Packages test/harness/fixtures/`name` into a temporary .vsix; the caller deletes `dir` when done. */
export function fixtureVsix(name: string): { vsix: string; dir: string } {
  const fixture = path.join(repoRoot, 'test', 'harness', 'fixtures', name);
  if (!fs.existsSync(path.join(fixture, 'package.json'))) {
    throw new Error(`there is no extension fixture ${path.relative(repoRoot, fixture)} (a folder with a package.json)`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `nexi-${name}-`));
  const vsix = path.join(dir, `${name}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: fixture, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 || !fs.existsSync(vsix)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`packaging the extension fixture ${name} failed (exit ${r.status ?? r.signal}):\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim()}`);
  }
  return { vsix, dir };
}

/** The display-language fixture for `locale` (see above), packaged. */
export function languagePackVsix(locale: string): { vsix: string; dir: string } {
  if (!fs.existsSync(path.join(repoRoot, 'test', 'harness', 'fixtures', `language-pack-${locale}`, 'package.json'))) {
    throw new Error(`--locale ${locale}: there is no language-pack fixture test/harness/fixtures/language-pack-${locale}`);
  }
  return fixtureVsix(`language-pack-${locale}`);
}
