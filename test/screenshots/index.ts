// extensionTestsPath entry of `npm run screenshots`: each test sets up one scene of the README in the real VS Code
// and asks the harness to photograph the workbench (media/screenshots/<name>.webp).
import { makeRun } from '../harness/runInVscode';

export const run = makeRun(__dirname, 'screenshots');
