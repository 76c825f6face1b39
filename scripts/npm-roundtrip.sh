#!/usr/bin/env bash
# The npm distribution, end to end without a registry: generate the main package
# and the linux-x64-gnu package around BINARY, pack both, install the tarballs
# into an empty folder with npm (offline), and check the installed `nodeward`:
# its output and exit code on the demo app, arguments and stdin forwarded, the
# tarball's mode 755, that a binary killed by a signal fails, and that a missing
# platform package is named. Called by .ci/run; needs node and npm.
#
#   scripts/npm-roundtrip.sh target/debug/nodeward
set -euo pipefail
cd "$(dirname "$0")/.."
binary=$(realpath "${1:?usage: npm-roundtrip.sh BINARY}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "npm-roundtrip: $*" >&2; exit 1; }

node scripts/npm-packages.mjs check
node scripts/npm-packages.mjs main "$work/stage" >/dev/null
node scripts/npm-packages.mjs platform linux-x64-gnu "$binary" "$work/stage" >/dev/null
mkdir -p "$work/pkgs" "$work/app"
(cd "$work/pkgs" && npm pack --silent "$work/stage/nodeward" "$work/stage/cli-linux-x64-gnu" >/dev/null)
main_tgz=$(ls "$work"/pkgs/nodeward-[0-9]*.tgz)
platform_tgz=$(ls "$work"/pkgs/nodeward-cli-linux-x64-gnu-*.tgz)

# The exec bit survives packing.
# (Listed into a file first: `grep -q` closing the pipe early would fail tar.)
tar -tvzf "$platform_tgz" >"$work/platform.lst"
tar -tvzf "$main_tgz" >"$work/main.lst"
grep -q '^-rwxr-xr-x .* package/bin/nodeward$' "$work/platform.lst" || fail "bin/nodeward is not mode 755 in $platform_tgz"
grep -q '^-rwxr-xr-x .* package/bin/nodeward.js$' "$work/main.lst" || fail "bin/nodeward.js is not mode 755 in $main_tgz"

# Install from the tarballs only: the other platform packages cannot be
# resolved and, being optional, are skipped.
cd "$work/app"
echo '{"name":"roundtrip","version":"1.0.0","private":true}' > package.json
npm install --silent --no-audit --no-fund --offline --registry http://127.0.0.1:9 "$platform_tgz" "$main_tgz"
installed=$work/app/node_modules/.bin/nodeward
cd - >/dev/null

# The demo app: its findings, and exit code 1 (findings at the default --fail-on).
set +e
"$installed" check testdata/demo-app --format concise >"$work/out.txt" 2>"$work/err.txt"
code=$?
set -e
[ "$code" -eq 1 ] || { cat "$work/err.txt" >&2; fail "demo app: exit code $code, wanted 1"; }
grep -q 'testdata/demo-app/src/app.js:.*x-powered-by' "$work/out.txt" || fail "demo app: no x-powered-by finding in the output"
"$binary" check testdata/demo-app --format concise >"$work/direct.txt" 2>/dev/null || true
cmp -s "$work/out.txt" "$work/direct.txt" || fail "the launcher's output differs from the binary's"

# Standard input and arguments reach the binary; a usage error keeps its exit code 2.
printf 'const app = require("express")();\napp.listen(3000);\n' |
  "$installed" check --stdin-filename testdata/demo-app/src/app.js --format concise --fail-on never >"$work/stdin.txt" 2>/dev/null
grep -q '^testdata/demo-app/src/app.js:1:13: warning x-powered-by' "$work/stdin.txt" || fail "stdin was not forwarded"
set +e
"$installed" check --no-such-flag >/dev/null 2>&1
code=$?
set -e
[ "$code" -eq 2 ] || fail "a usage error exited $code through the launcher, wanted 2"

# A binary killed by a signal fails the run (a crashed analyser must not pass CI).
printf '#!/bin/sh\nkill -SEGV $$\n' >"$work/crash"
chmod 755 "$work/crash"
set +e
NODEWARD_BINARY="$work/crash" "$installed" check . 2>"$work/crash.txt"
code=$?
set -e
[ "$code" -ne 0 ] || fail "a signal-killed binary exited 0 through the launcher"
grep -q 'killed by SIGSEGV' "$work/crash.txt" || fail "no message for the signal-killed binary"

# Without its platform package, the launcher names the package it needs.
rm -rf "$work/app/node_modules/@nodeward"
set +e
"$installed" --version 2>"$work/missing.txt"
code=$?
set -e
[ "$code" -eq 2 ] || fail "a missing platform package exited $code, wanted 2"
grep -q '@nodeward/cli-linux-x64-gnu' "$work/missing.txt" || fail "the missing-package message does not name it"

echo "npm round trip: packed, installed offline and ran nodeward from the npm packages"
