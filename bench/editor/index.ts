// extensionTestsPath entry of `npm run bench:editor` (issue 17): the editor benchmark runs inside the real VS Code's
// extension host, beside the extension under test, through the same harness as the integration suites.
import { makeRun } from '../../test/harness/runInVscode';

export const run = makeRun(__dirname, 'bench-editor');
