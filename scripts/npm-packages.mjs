#!/usr/bin/env node
// Generates the npm packages of nodeward from npm/platforms.json and the
// version in Cargo.toml, so that no manifest is written by hand:
//
//   node scripts/npm-packages.mjs check
//       the platform list is consistent and every version agrees with Cargo.toml
//   node scripts/npm-packages.mjs main OUT
//       OUT/nodeward: the main package (launcher, exact-version optionalDependencies)
//   node scripts/npm-packages.mjs platform KEY BINARY OUT
//       OUT/cli-KEY: @nodeward/cli-KEY holding BINARY as bin/nodeward[.exe], mode 755
//
// The release workflow (.github/workflows/release.yml) and the round trip in
// scripts/npm-roundtrip.sh both call it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fail = (message) => {
  process.stderr.write(`npm-packages: ${message}\n`);
  process.exit(2);
};

export function cargoVersion() {
  const text = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const section = text.split(/^\[workspace\.package\]\s*$/m)[1];
  const match = section && section.match(/^version\s*=\s*"([^"]+)"/m);
  if (!match) fail('no version in [workspace.package] of Cargo.toml');
  return match[1];
}

export function platforms() {
  const list = JSON.parse(fs.readFileSync(path.join(root, 'npm', 'platforms.json'), 'utf8')).platforms;
  for (const p of list) {
    const libc = p.libc === 'glibc' ? '-gnu' : p.libc === 'musl' ? '-musl' : '';
    if (p.key !== `${p.os}-${p.cpu}${libc}`) fail(`platform ${p.key}: key does not match os/cpu/libc`);
    if ((p.os === 'linux') !== Boolean(p.libc)) fail(`platform ${p.key}: libc is required on Linux only`);
  }
  return list;
}

const common = (version) => ({
  version,
  license: 'MIT OR Apache-2.0',
  homepage: 'https://github.com/nodeward/nodeward',
  repository: { type: 'git', url: 'git+https://github.com/nodeward/nodeward.git' },
  engines: { node: '>=16' },
});

export function mainManifest(version = cargoVersion()) {
  return {
    name: 'nodeward',
    ...common(version),
    description: 'A static security analyzer for Node.js backends',
    keywords: ['security', 'static-analysis', 'sast', 'express', 'koa', 'fastify', 'nestjs', 'redos', 'nosql-injection'],
    bin: { nodeward: 'bin/nodeward.js' },
    files: ['bin/nodeward.js', 'README.md'],
    optionalDependencies: Object.fromEntries(platforms().map((p) => [`@nodeward/cli-${p.key}`, version])),
  };
}

export function platformManifest(p, version = cargoVersion()) {
  const exe = p.os === 'win32' ? 'nodeward.exe' : 'nodeward';
  return {
    name: `@nodeward/cli-${p.key}`,
    ...common(version),
    description: `The nodeward binary for ${p.key} (${p.target}); install the nodeward package instead`,
    os: [p.os],
    cpu: [p.cpu],
    ...(p.libc ? { libc: [p.libc] } : {}),
    files: [`bin/${exe}`, 'README.md'],
    preferUnplugged: true,
  };
}

const write = (file, text, mode) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  if (mode) fs.chmodSync(file, mode);
};

function main(out) {
  const dir = path.join(out, 'nodeward');
  write(path.join(dir, 'package.json'), JSON.stringify(mainManifest(), null, 2) + '\n');
  write(path.join(dir, 'bin', 'nodeward.js'), fs.readFileSync(path.join(root, 'npm', 'nodeward', 'bin', 'nodeward.js')), 0o755);
  write(path.join(dir, 'README.md'), fs.readFileSync(path.join(root, 'npm', 'nodeward', 'README.md')));
  process.stdout.write(`${dir}\n`);
}

function platform(key, binary, out) {
  const p = platforms().find((candidate) => candidate.key === key);
  if (!p) fail(`unknown platform ${key}; npm/platforms.json lists ${platforms().map((c) => c.key).join(', ')}`);
  if (!fs.existsSync(binary)) fail(`no binary at ${binary}`);
  const manifest = platformManifest(p);
  const dir = path.join(out, `cli-${key}`);
  write(path.join(dir, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  write(path.join(dir, manifest.files[0]), fs.readFileSync(binary), 0o755);
  write(path.join(dir, 'README.md'), `# ${manifest.name}\n\nThe nodeward binary for ${key}. Install [nodeward](https://www.npmjs.com/package/nodeward), which picks this package on ${key}.\n`);
  process.stdout.write(`${dir}\n`);
}

function check() {
  const version = cargoVersion();
  const manifest = mainManifest(version);
  const keys = platforms().map((p) => p.key);
  if (new Set(keys).size !== keys.length) fail('npm/platforms.json lists a platform twice');
  for (const [name, wanted] of Object.entries(manifest.optionalDependencies)) {
    if (wanted !== version) fail(`${name} is pinned to ${wanted}, Cargo.toml says ${version}`);
  }
  // The launcher's key must be one of the listed ones for every platform we build.
  const launcher = fs.readFileSync(path.join(root, 'npm', 'nodeward', 'bin', 'nodeward.js'), 'utf8');
  if (!launcher.includes('@nodeward/cli-${key}')) fail('the launcher no longer builds the package name from the platform key');
  process.stdout.write(`npm packages: nodeward ${version} with ${keys.length} platform packages agree with Cargo.toml\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [command, ...args] = process.argv.slice(2);
  if (command === 'check' && args.length === 0) check();
  else if (command === 'main' && args.length === 1) main(args[0]);
  else if (command === 'platform' && args.length === 3) platform(...args);
  else fail('usage: npm-packages.mjs check | main OUT | platform KEY BINARY OUT');
}
