// A display language for the harness VS Code. The real language packs come from the Marketplace, which is out
// of reach here; test/harness/fixtures/language-pack-<locale> declares the language without translating VS Code
// itself, which is enough for `vscode.env.language`, the extensions' `l10n` bundles and `package.nls.<locale>.json`.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { repoRoot } from './setup';

/** Packages the language-pack fixture for `locale` into a temporary .vsix; the caller deletes `dir` when done. */
export function languagePackVsix(locale: string): { vsix: string; dir: string } {
  const fixture = path.join(repoRoot, 'test', 'harness', 'fixtures', `language-pack-${locale}`);
  if (!fs.existsSync(path.join(fixture, 'package.json'))) {
    throw new Error(`--locale ${locale}: there is no language-pack fixture ${path.relative(repoRoot, fixture)}`);
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-language-pack-'));
  const vsix = path.join(dir, `language-pack-${locale}.vsix`);
  const vsce = path.join(repoRoot, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['package', '--allow-missing-repository', '--skip-license', '--out', vsix], { cwd: fixture, encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0 || !fs.existsSync(vsix)) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`packaging the ${locale} language-pack fixture failed (exit ${r.status ?? r.signal}):\n${`${r.stdout ?? ''}${r.stderr ?? ''}`.trim()}`);
  }
  return { vsix, dir };
}
