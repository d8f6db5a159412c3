// Loads the activation bundle (dist/extension.js) with V8's code cache (issue 17: activation ≤ 30 ms).
//
// VS Code activates the extension in most windows, often at startup (onLanguage:json fires for JSON models VS Code
// makes of its own), and about half of loading it is V8 parsing and compiling the bundle. V8 can skip that when handed
// the code it compiled last time (a code cache): Node's own `module.enableCompileCache()` does it, but for the whole
// extension host process (every other extension's modules too), so this loader does it for this bundle only.
//
// - The cache is a file beside the bundle (`extension.js.<arch>-v8-<version>.cache`): whoever can write it can
//   already replace the bundle, so it adds no way in. An install folder that cannot be written just goes without.
// - A cache starts with the SHA-256 of the source it was made from, and is handed to V8 only for that same source:
//   V8's own check of the source is its length alone, and a new build of the same length (a version 0.1.0 → 0.1.1)
//   would run the old code. V8 then checks its version and flags, and refuses a cache of another VS Code. Either way
//   the bundle compiles as usual and the cache is made anew.
// - The cache is made a few seconds after activation, so it also holds the functions activation compiled.
// - Any failure of the cache itself (unreadable, rejected, not writable) only costs the time it would have saved.
import { createHash } from 'crypto';
import * as fs from 'fs';
import Module = require('module');
import * as path from 'path';
import * as vm from 'vm';

export type CodeCache = 'accepted' | 'rejected' | 'none';

export interface LoadedBundle<T> {
  readonly exports: T;
  /** What became of the cache file: used, found but refused by V8, or not there. */
  readonly cache: CodeCache;
  /** Writes the cache of what V8 compiled so far, unless an accepted one exists; false when it could not. */
  saveCache(): boolean;
}

/** The cache file of `bundle` for this process's V8 (another VS Code sharing the folder keeps its own). */
export function cacheFileOf(bundle: string): string {
  return `${bundle}.${process.arch}-v8-${process.versions.v8}.cache`;
}

/** Runs `bundle` as Node would run a CommonJS module, compiled with its code cache when there is a usable one. */
export function loadBundle<T>(bundle: string, cacheFile = cacheFileOf(bundle)): LoadedBundle<T> {
  const source = fs.readFileSync(bundle, 'utf8');
  const digest = createHash('sha256').update(source).digest();
  let file: Buffer | undefined;
  try {
    file = fs.readFileSync(cacheFile);
  } catch {
    // No cache yet (first activation after an install or update): compiled as usual, cached afterwards.
  }
  // Only a cache made from this very source goes to V8 (see above).
  const cachedData = file && file.length > digest.length && file.subarray(0, digest.length).equals(digest) ? file.subarray(digest.length) : undefined;
  // `filename` names the bundle in stack traces and to the debugger, as when required.
  const script = new vm.Script(Module.wrap(source), { filename: bundle, ...(cachedData ? { cachedData } : {}) });
  const cache: CodeCache = file === undefined ? 'none' : cachedData === undefined || script.cachedDataRejected ? 'rejected' : 'accepted';
  // The module's own require resolves from the bundle's folder; VS Code's `vscode` module is found through it too (the
  // extension host tells extensions apart by the requiring module's file name).
  const module = { exports: {} as T, id: bundle, filename: bundle, loaded: false };
  const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: unknown, filename: string, dirname: string) => void;
  wrapper.call(module.exports, module.exports, Module.createRequire(bundle), module, bundle, path.dirname(bundle));
  module.loaded = true;
  return {
    exports: module.exports,
    cache,
    saveCache: () => {
      if (cache === 'accepted') return true;
      const temporary = `${cacheFile}.${process.pid}.tmp`;
      try {
        fs.writeFileSync(temporary, Buffer.concat([digest, script.createCachedData()]));
        // Renamed into place: another window loading at the same moment reads a whole cache or none.
        fs.renameSync(temporary, cacheFile);
        removeOtherCaches(bundle, cacheFile);
        return true;
      } catch {
        fs.rmSync(temporary, { force: true });
        return false;
      }
    },
  };
}

/** Caches of `bundle` for other V8 versions (an earlier VS Code): they would never be read again. */
function removeOtherCaches(bundle: string, keep: string): void {
  const dir = path.dirname(bundle);
  const prefix = `${path.basename(bundle)}.`;
  for (const f of fs.readdirSync(dir)) {
    const file = path.join(dir, f);
    if (f.startsWith(prefix) && f.endsWith('.cache') && file !== keep) fs.rmSync(file, { force: true });
  }
}
