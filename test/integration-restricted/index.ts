// extensionTestsPath entry of the Restricted Mode suite: the harness runs it with workspace trust on, on an untrusted
// folder (test/fixtures/restricted-workspace), so VS Code opens it in Restricted Mode.
import { makeRun } from '../harness/runInVscode';

export const run = makeRun(__dirname, 'integration-restricted');
