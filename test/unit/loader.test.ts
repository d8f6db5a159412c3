// The loader of the activation bundle (src/loader.ts, issue 17): it runs a CommonJS bundle as Node would, with V8's
// code cache beside it when there is a usable one, and never fails because of the cache.
import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { cacheFileOf, loadBundle } from '../../src/loader';

interface Bundle {
  readonly answer: number;
  readonly dirname: string;
  readonly filename: string;
  readonly sep: string;
  readonly self: boolean;
  fail(): never;
  later(): Promise<string>;
}

// A bundle as esbuild writes one: CommonJS, requiring a built-in and a file beside it, a promise of a require (what
// `import()` becomes), and enough code for V8 to cache.
const source = (answer: number): string => `"use strict";
const path = require('path');
const helper = require('./helper.js');
${Array.from({ length: 200 }, (_, i) => `function f${i}(x) { return x * ${i} + helper.offset; }`).join('\n')}
module.exports = {
  answer: f1(${answer}) - helper.offset,
  dirname: __dirname,
  filename: __filename,
  sep: path.sep,
  self: this === module.exports,
  fail() { throw new Error('from the bundle'); },
  later: () => Promise.resolve().then(() => require('./chunk.js').name),
};
`;

describe('loader: the activation bundle with its code cache', () => {
  let dir: string;
  let bundle: string;

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nexi-loader-'));
    bundle = path.join(dir, 'extension.js');
    fs.writeFileSync(bundle, source(42));
    fs.writeFileSync(path.join(dir, 'helper.js'), 'exports.offset = 7;');
    fs.writeFileSync(path.join(dir, 'chunk.js'), "exports.name = 'chunk';");
  });

  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs the bundle as a CommonJS module: exports, this, require from its folder, __dirname, __filename', async () => {
    const loaded = loadBundle<Bundle>(bundle);
    assert.equal(loaded.exports.answer, 42);
    assert.equal(loaded.exports.dirname, dir);
    assert.equal(loaded.exports.filename, bundle);
    assert.equal(loaded.exports.sep, path.sep);
    assert.equal(loaded.exports.self, true);
    assert.equal(await loaded.exports.later(), 'chunk');
  });

  it('names the bundle in stack traces', () => {
    const loaded = loadBundle<Bundle>(bundle);
    assert.throws(() => loaded.exports.fail(), (err: Error) => err.message === 'from the bundle' && err.stack!.includes(bundle));
  });

  it('has no cache at first, makes one when asked, and V8 accepts it the next time', () => {
    const first = loadBundle<Bundle>(bundle);
    assert.equal(first.cache, 'none');
    assert.equal(fs.existsSync(cacheFileOf(bundle)), false, 'nothing is written before saveCache');
    assert.equal(first.saveCache(), true);
    assert.ok(fs.statSync(cacheFileOf(bundle)).size > 0);
    const second = loadBundle<Bundle>(bundle);
    assert.equal(second.cache, 'accepted');
    assert.equal(second.exports.answer, 42);
    // An accepted cache is not written again.
    const written = fs.statSync(cacheFileOf(bundle)).mtimeMs;
    assert.equal(second.saveCache(), true);
    assert.equal(fs.statSync(cacheFileOf(bundle)).mtimeMs, written);
  });

  it('a cache of another build is refused by V8: the new bundle runs, and its own cache replaces it', () => {
    loadBundle<Bundle>(bundle).saveCache();
    fs.writeFileSync(bundle, source(1043));
    const changed = loadBundle<Bundle>(bundle);
    assert.equal(changed.cache, 'rejected');
    assert.equal(changed.exports.answer, 1043);
    assert.equal(changed.saveCache(), true);
    assert.equal(loadBundle<Bundle>(bundle).cache, 'accepted');
  });

  it('a cache of a build of the same length is refused too (V8 compares lengths only; the loader, a hash)', () => {
    loadBundle<Bundle>(bundle).saveCache();
    const before = fs.statSync(bundle).size;
    fs.writeFileSync(bundle, source(24));
    assert.equal(fs.statSync(bundle).size, before);
    const changed = loadBundle<Bundle>(bundle);
    assert.equal(changed.cache, 'rejected');
    assert.equal(changed.exports.answer, 24, 'the new code runs, not the cached one');
  });

  it('a damaged cache file is refused, never run: the bundle loads as without one', () => {
    fs.writeFileSync(cacheFileOf(bundle), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 31) & 0xff)));
    const loaded = loadBundle<Bundle>(bundle);
    assert.equal(loaded.cache, 'rejected');
    assert.equal(loaded.exports.answer, 42);
  });

  it('a cache that cannot be written costs nothing but the time: saveCache says false and leaves no file behind', () => {
    const cacheFile = path.join(dir, 'missing-folder', 'extension.js.cache');
    const loaded = loadBundle<Bundle>(bundle, cacheFile);
    assert.equal(loaded.cache, 'none');
    assert.equal(loaded.saveCache(), false);
    assert.deepEqual(fs.readdirSync(dir).sort(), ['chunk.js', 'extension.js', 'helper.js']);
  });

  it('keeps one cache per bundle: writing it removes those of other V8 versions (an earlier VS Code)', () => {
    const stale = `${bundle}.${process.arch}-v8-0.0.0-old.cache`;
    fs.writeFileSync(stale, 'old');
    const unrelated = path.join(dir, 'other.js.x64-v8-1.cache');
    fs.writeFileSync(unrelated, 'not ours');
    loadBundle<Bundle>(bundle).saveCache();
    assert.equal(fs.existsSync(stale), false);
    assert.equal(fs.existsSync(unrelated), true);
    assert.equal(fs.existsSync(cacheFileOf(bundle)), true);
  });

  it('an error of the bundle itself is the bundle\'s error, thrown once', () => {
    fs.writeFileSync(bundle, "throw new Error('broken build');");
    assert.throws(() => loadBundle(bundle), /broken build/);
  });
});
