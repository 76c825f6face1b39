#!/usr/bin/env bash
# Resolve a large real-world package-lock.json (v3, npm 11) for benchmarking
# and stress-testing the lockfile parser of the vulnerable-dependency rule.
#
# usage: scripts/make-big-lockfile.sh [OUT_DIR]   (default /tmp/nodeward-big-lock)
#
# The manifest lists popular, dependency-heavy packages so that the lockfile
# has well over 2,000 entries in "packages".  Only the lockfile is resolved
# (--package-lock-only, no scripts): nothing is downloaded but metadata.  The
# result is not committed: it is large and changes with every registry day.
set -euo pipefail

out=${1:-/tmp/nodeward-big-lock}
mkdir -p "$out"
cd "$out"
rm -f package-lock.json

# The machine-wide ~/.npmrc may drop "resolved" fields; keep them, as real
# lockfiles do.
export npm_config_omit_lockfile_registry_resolved=false
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
if [ "$(npm --version | cut -d. -f1)" = 11 ]; then NPM11=(npm); else NPM11=(npx -y npm@11); fi

cat >package.json <<'JSON'
{
  "name": "nodeward-big-lock",
  "version": "1.0.0",
  "private": true,
  "dependencies": {
    "@angular/cli": "^17.3.0",
    "@aws-sdk/client-s3": "^3.600.0",
    "aws-sdk": "^2.1600.0",
    "express": "^4.21.0",
    "firebase-admin": "^12.0.0",
    "gatsby": "^5.13.0",
    "googleapis": "^140.0.0",
    "mongoose": "^8.3.0",
    "next": "^14.2.0",
    "react": "^18.2.0",
    "react-dom": "^18.2.0",
    "sequelize": "^6.37.0"
  },
  "devDependencies": {
    "@babel/core": "^7.24.0",
    "@babel/preset-env": "^7.24.0",
    "eslint": "^8.57.0",
    "jest": "^29.7.0",
    "react-scripts": "^5.0.1",
    "typescript": "^4.9.5",
    "webpack": "^5.91.0",
    "webpack-cli": "^5.1.0"
  }
}
JSON

# Peers are resolved the npm 7+ way (installed); the old tooling pulled in by
# react-scripts 5 makes npm print ERESOLVE "overriding peer dependency"
# warnings, which are harmless here.
"${NPM11[@]}" install --package-lock-only --ignore-scripts >npm.log 2>&1 \
  || { cat npm.log >&2; exit 1; }

count=$(node -e 'const l=require("./package-lock.json");console.log(Object.keys(l.packages).length - 1)')
echo "$out/package-lock.json: lockfileVersion $(node -p 'require("./package-lock.json").lockfileVersion'), $count entries in packages (root excluded)"
[ "$count" -ge 2000 ] || { echo "make-big-lockfile: only $count entries, add dependencies" >&2; exit 1; }
