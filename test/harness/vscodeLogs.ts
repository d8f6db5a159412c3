// The log files VS Code writes under a user-data dir (`<user data>/logs/<session>/…`): the extension host's own log,
// each extension's output channel log. Read by tests and benchmarks that need what the workbench or the extension said.
import * as fs from 'fs';
import * as path from 'path';

/** Every file under `<userDataDir>/logs` whose name `matches`, in no particular order. */
export function vscodeLogFiles(userDataDir: string, matches: (fileName: string) => boolean): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (matches(e.name)) found.push(p);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return found;
}
