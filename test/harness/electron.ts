// `npm run test:electron`: the same integration suite in desktop VS Code, downloaded by @vscode/test-electron.
// Needs network access to VS Code's update server (not available on the project's CI machines, which use
// the VS Code-server harness instead: `npm run test:integration`).
import * as path from 'path';
import { runTests } from '@vscode/test-electron';
import { repoRoot } from './setup';

async function main(): Promise<number> {
  const report = path.join(repoRoot, 'test-results', 'integration-electron.json');
  try {
    await runTests({
      version: process.env.VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: path.join(repoRoot, 'out', 'test', 'integration', 'index.js'),
      launchArgs: [path.join(repoRoot, 'samples'), '--disable-extensions', '--disable-workspace-trust'],
      extensionTestsEnv: { NEXI_TEST_REPORT: report, NEXI_TEST_SUITE: 'integration-electron' },
    });
    console.log(`report: ${path.relative(process.cwd(), report)}`);
    return 0;
  } catch (err) {
    const message = String((err as Error).message ?? err);
    if (/ENOTFOUND|EAI_AGAIN|ECONNREFUSED|getaddrinfo|download/i.test(message)) {
      console.error(`Desktop VS Code could not be downloaded (${message}).\nOn machines without access to VS Code's update server use the VS Code-server harness: npm run test:integration`);
    } else {
      console.error(`Integration tests failed: ${message}`);
    }
    return 1;
  }
}

void main().then((code) => process.exit(code));
