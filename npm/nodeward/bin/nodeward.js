#!/usr/bin/env node
// The `nodeward` command of the npm package: finds the native binary of this
// platform (an optional dependency, @nodeward/cli-<platform>) and runs it with
// the same arguments, standard streams and exit code. No install script: npm
// installs only the platform package whose os/cpu/libc fields match.
'use strict';

const { spawn } = require('child_process');
const os = require('os');
const path = require('path');

// glibc or musl, from Node's own runtime report: a glibc build of Node reports
// the glibc it runs on, a musl build reports none. (Not `ldd`, which may be
// missing or belong to another libc than the one Node runs on.)
function linuxLibc() {
  try {
    const report = process.report && process.report.getReport();
    const header = report && (typeof report === 'string' ? JSON.parse(report).header : report.header);
    return header && header.glibcVersionRuntime ? 'gnu' : 'musl';
  } catch (_) {
    return 'gnu';
  }
}

function platformKey() {
  const base = `${process.platform}-${process.arch}`;
  return process.platform === 'linux' ? `${base}-${linuxLibc()}` : base;
}

function binaryPath() {
  const override = process.env.NODEWARD_BINARY;
  if (override) return override;
  const key = platformKey();
  const pkg = `@nodeward/cli-${key}`;
  const exe = process.platform === 'win32' ? 'nodeward.exe' : 'nodeward';
  try {
    return path.join(path.dirname(require.resolve(`${pkg}/package.json`)), 'bin', exe);
  } catch (_) {
    process.stderr.write(
      `nodeward: the package ${pkg}, which holds the nodeward binary for this platform (${key}), is not installed.\n` +
        'Likely causes:\n' +
        '  - optional dependencies were left out (npm --omit=optional or --no-optional, yarn --ignore-optional, pnpm --no-optional);\n' +
        '  - node_modules or the lockfile came from another platform (reinstall here: rm -rf node_modules && npm install);\n' +
        `  - no prebuilt binary exists for ${key}: build from source with \`cargo install --locked --git https://github.com/nodeward/nodeward nodeward\` and set NODEWARD_BINARY to it.\n`
    );
    process.exit(2);
  }
}

const binary = binaryPath();
const child = spawn(binary, process.argv.slice(2), { stdio: 'inherit', windowsHide: true });

// Ctrl-C and termination go to the analyser, which then exits on its own;
// this process stays alive to report how it ended.
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    try {
      child.kill(signal);
    } catch (_) {}
  });
}

child.on('error', (error) => {
  process.stderr.write(`nodeward: could not run ${binary}: ${error.message}\n`);
  process.exit(2);
});

child.on('exit', (code, signal) => {
  if (signal) {
    // A crashed analyser must never pass a CI gate: death by a signal is a
    // failure, with the shell's convention for the code (128 + signal number).
    const number = os.constants.signals[signal] || 0;
    process.stderr.write(`nodeward: the analyser was killed by ${signal}\n`);
    process.exit(128 + number || 1);
  }
  process.exit(code === null ? 1 : code);
});
