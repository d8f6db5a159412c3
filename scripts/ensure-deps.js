// Installs the project's npm dependencies when they are missing or older than package-lock.json, so that
// `npm start` and `npm test` work as the first command on a fresh clone.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const root = path.resolve(__dirname, '..');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return undefined;
  }
}

module.exports = function ensureDeps() {
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  const lock = mtime(path.join(root, 'package-lock.json'));
  if (installed !== undefined && (lock === undefined || installed >= lock)) return;
  console.log('[setup] installing npm dependencies (npm ci)');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const r = spawnSync(npm, lock === undefined ? ['install', '--no-audit', '--no-fund'] : ['ci', '--no-audit', '--no-fund'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('[setup] npm install failed; see the output above.');
    process.exit(r.status ?? 1);
  }
};
