// The `run()` half of VS Code's extensionTestsPath contract: the extension host loads a suite's index.js and
// calls run(); it reports 0 when the promise resolves and 1 when it rejects. Each suite's index.ts re-exports
// a run() made here; esbuild bundles every *.test.ts beside it as its own file, which mocha then loads.
import * as fs from 'fs';
import * as path from 'path';
import Mocha = require('mocha');
import JsonSpecReporter = require('../reporter');
import { seededRandom, shuffleSeed, shuffleSuite } from './shuffle';

export function makeRun(suiteDir: string, suiteName: string): () => Promise<void> {
  return () => {
    const mocha = new Mocha({
      ui: 'bdd',
      color: false,
      timeout: Number(process.env.NEXI_TEST_TIMEOUT_MS ?? 30000),
      reporter: JsonSpecReporter as unknown as string,
      reporterOptions: { suite: suiteName },
      ...(process.env.NEXI_TEST_GREP ? { grep: process.env.NEXI_TEST_GREP } : {}),
    });
    const files = fs.readdirSync(suiteDir).filter((f) => f.endsWith('.test.js')).sort();
    for (const f of files) mocha.addFile(path.join(suiteDir, f));
    return new Promise<void>((resolve, reject) => {
      if (files.length === 0) return reject(new Error(`no *.test.js files in ${suiteDir}: was the suite built (node esbuild.js --tests)?`));
      try {
        const seed = shuffleSeed(process.env.NEXI_TEST_SHUFFLE);
        if (seed !== undefined) {
          // Loaded here rather than by run(), so the describes and tests can be reordered before they run.
          // (both are public in mocha's JavaScript; the typings mark loadFiles protected and omit lazyLoadFiles)
          const loader = mocha as unknown as { loadFiles(): void; lazyLoadFiles(enable: boolean): void };
          loader.loadFiles();
          loader.lazyLoadFiles(true);
          shuffleSuite(mocha.suite, seededRandom(seed));
          console.log(`${suiteName}: describes and tests shuffled with NEXI_TEST_SHUFFLE=${seed}`);
        }
        mocha.run((failures) => (failures > 0 ? reject(new Error(`${failures} test(s) failed`)) : resolve()));
      } catch (err) {
        reject(err);
      }
    });
  };
}
