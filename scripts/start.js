#!/usr/bin/env node
// `npm start`: install dependencies if needed, build, then open VS Code with the extension on samples/.
'use strict';

const { spawnSync } = require('child_process');
const path = require('path');
require('./ensure-deps')();

const root = path.resolve(__dirname, '..');
const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const r = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['test/harness/start.ts', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
