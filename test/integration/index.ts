// extensionTestsPath entry of the integration suite (VS Code's extension host calls run()).
import { makeRun } from '../harness/runInVscode';

export const run = makeRun(__dirname, 'integration');
