// extensionTestsPath entry of the Italian suite: the harness runs VS Code with `--locale it` (display language
// Italian), so the extension's Italian bundles and the core's Italian tables are the ones in use.
import { makeRun } from '../harness/runInVscode';

export const run = makeRun(__dirname, 'integration-it');
