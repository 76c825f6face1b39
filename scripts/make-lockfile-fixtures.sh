#!/usr/bin/env bash
# Regenerate the lockfile fixtures of the vulnerable-dependency rule.
#
# usage: scripts/make-lockfile-fixtures.sh
#
# Every lockfile under testdata/rules/vulnerable-dependency/ is resolved by the
# real package manager against the npm registry, so the parser is tested on
# what npm 6/8/11, yarn 1, yarn 4, pnpm 8 and pnpm 9 actually write, not on
# hand-written approximations.  Resolution happens in a scratch folder under
# /tmp; only manifests, workspace config files and the lockfile are copied
# back, so no node_modules, .yarn/ cache or .pnp.cjs ever lands in the repo.
#
# Needs: node 20, npm (11.x), npx, python3 with PyYAML (for installed.tsv).
# The direct dependencies are pinned, but transitive versions are whatever the
# registry serves on the day the script runs: re-running it will change some
# transitive entries.  installed.tsv (the expected package set of each case)
# is recomputed at the end by scripts/lockfile_oracle.py.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT="$ROOT/testdata/rules/vulnerable-dependency"
WORK=$(mktemp -d /tmp/nodeward-lockfixtures.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

# The machine-wide ~/.npmrc may set omit-lockfile-registry-resolved, which
# drops "resolved" from npm 7+ lockfiles; real-world lockfiles have it.
export npm_config_omit_lockfile_registry_resolved=false
export npm_config_fund=false npm_config_audit=false npm_config_update_notifier=false
# Yarn berry: never refuse to write the lockfile (CI detection turns on
# immutable installs) and do not phone home.
export YARN_ENABLE_IMMUTABLE_INSTALLS=false YARN_ENABLE_TELEMETRY=0
export YARN_ENABLE_PROGRESS_BARS=false

# Package-manager commands, pinned by major version so the lockfile formats
# stay the ones each case is named after.
if [ "$(npm --version | cut -d. -f1)" = 11 ]; then NPM11=(npm); else NPM11=(npx -y npm@11); fi
NPM8=(npx -y npm@8)
NPM6=(npx -y npm@6)
YARN1=(npx -y yarn@1)
YARN4=(npx -y -p @yarnpkg/cli-dist@4 yarn)
PNPM8=(npx -y pnpm@8)
PNPM9=(npx -y pnpm@9)

# ---------------------------------------------------------------- manifests
# Dependency sets.  VULN pins versions with published advisories (and a
# prerelease plus an npm alias, which lockfile parsers tend to get wrong);
# PATCHED has the same names at fixed versions.
VULN_DEPS='{"express":"4.17.1","lodash":"4.17.15","axios":"0.21.1","minimist":"1.2.0",
  "jsonwebtoken":"8.5.1","ws":"7.4.5","semver5":"npm:semver@5.7.1","node-fetch":"3.0.0-beta.8"}'
VULN_DEV='{"handlebars":"4.7.6","moment":"2.29.1"}'
PATCHED_DEPS='{"express":"4.21.2","lodash":"4.17.21","axios":"1.7.9","minimist":"1.2.8",
  "jsonwebtoken":"9.0.2","ws":"8.18.0","semver5":"npm:semver@7.6.3","node-fetch":"3.3.2"}'
PATCHED_DEV='{"handlebars":"4.7.8","moment":"2.30.1"}'
# react-dom has a peer dependency on react: pnpm then writes peer-suffixed
# keys such as react-dom@18.2.0(react@18.2.0).  Only the pnpm cases get it.
PEER_DEPS='{"react":"18.2.0","react-dom":"18.2.0"}'

# write_manifest FILE NAME DEPS DEVDEPS [EXTRA-TOP-LEVEL-JSON]
# Writes a package.json with the given (JSON object) dependency maps.
write_manifest() {
  mkdir -p "$(dirname "$1")"
  python3 - "$@" <<'PY'
import json, sys
path, name, deps, dev = sys.argv[1:5]
extra = json.loads(sys.argv[5]) if len(sys.argv) > 5 else {}
m = {"name": name, "version": "1.0.0", "private": True}
m.update(extra)
deps, dev = json.loads(deps), json.loads(dev)
if deps:
    m["dependencies"] = deps
if dev:
    m["devDependencies"] = dev
with open(path, "w") as f:
    json.dump(m, f, indent=2)
    f.write("\n")
PY
}

# merge_json A B: union of two JSON objects (B wins).
merge_json() { jq -cn --argjson a "$1" --argjson b "$2" '$a + $b'; }

# monorepo DIR ROOTNAME WEB_API_RANGE ROOT_EXTRA
# The shared workspace layout: packages/api and packages/web, web depending on
# api so the lockfile contains a workspace link.
monorepo() {
  local dir=$1 name=$2 api_range=$3 root_extra=$4
  write_manifest "$dir/package.json" "$name" '{}' '{}' "$root_extra"
  write_manifest "$dir/packages/api/package.json" "@shop/api" \
    '{"express":"4.18.2","ws":"8.0.0"}' '{}'
  write_manifest "$dir/packages/web/package.json" "@shop/web" \
    "{\"lodash\":\"4.17.20\",\"@shop/api\":\"$api_range\"}" '{"underscore":"1.12.0"}'
}

# new_case CASE: fresh scratch folder for CASE, echoes its path.
new_case() { local d="$WORK/$1"; rm -rf "$d"; mkdir -p "$d"; echo "$d"; }

# keep CASE SCRATCH FILE...: replace the generated files of the fixture
# folder with the listed files (relative paths) from the scratch folder.
# The sources that import packages and expect.txt are written by hand and
# stay; expect.txt names lockfile lines, so check it after regenerating (the
# rule fixture test fails on every line that moved).
keep() {
  local case=$1 src=$2; shift 2
  mkdir -p "$OUT/$case"
  rm -f "${OUT:?}/$case"/{package-lock.json,npm-shrinkwrap.json,yarn.lock,pnpm-lock.yaml,pnpm-workspace.yaml}
  local f
  for f in "$@"; do
    mkdir -p "$OUT/$case/$(dirname "$f")"
    cp "$src/$f" "$OUT/$case/$f"
  done
  echo "== $case: $*" >&2
}

ws_files=(packages/api/package.json packages/web/package.json)

# ------------------------------------------------------------------- npm
npm_case() { # CASE DEPS DEV
  local d; d=$(new_case "$1")
  write_manifest "$d/package.json" "shop-$1" "$2" "$3"
  (cd "$d" && "${NPM11[@]}" install --package-lock-only --ignore-scripts >/dev/null)
  keep "$1" "$d" package.json package-lock.json
}
npm_case bad-npm-v3 "$VULN_DEPS" "$VULN_DEV"
npm_case ok-npm-patched "$PATCHED_DEPS" "$PATCHED_DEV"

# npm 8 writes lockfileVersion 2 (v1 "dependencies" tree + v3 "packages").
d=$(new_case bad-npm-v2)
write_manifest "$d/package.json" shop-bad-npm-v2 "$VULN_DEPS" "$VULN_DEV"
(cd "$d" && "${NPM8[@]}" install --package-lock-only --lockfile-version 2 --ignore-scripts >/dev/null)
keep bad-npm-v2 "$d" package.json package-lock.json

# npm 6 writes lockfileVersion 1 (nested "dependencies" only).
d=$(new_case bad-npm-v1)
write_manifest "$d/package.json" shop-bad-npm-v1 "$VULN_DEPS" "$VULN_DEV"
(cd "$d" && "${NPM6[@]}" install --package-lock-only --ignore-scripts >/dev/null)
keep bad-npm-v1 "$d" package.json package-lock.json

# npm-shrinkwrap.json: same format as package-lock.json v3, other file name;
# `npm shrinkwrap` renames the lockfile, so only the shrinkwrap is left.
d=$(new_case bad-npm-shrinkwrap)
write_manifest "$d/package.json" shop-bad-npm-shrinkwrap "$VULN_DEPS" "$VULN_DEV"
(cd "$d" && "${NPM11[@]}" install --package-lock-only --ignore-scripts >/dev/null \
  && "${NPM11[@]}" shrinkwrap >/dev/null)
[ ! -e "$d/package-lock.json" ]
keep bad-npm-shrinkwrap "$d" package.json npm-shrinkwrap.json

# npm workspaces: one root lockfile with workspace folders and links.
d=$(new_case bad-npm-workspaces)
monorepo "$d" shop-bad-npm-workspaces 1.0.0 '{"workspaces":["packages/*"]}'
(cd "$d" && "${NPM11[@]}" install --package-lock-only --ignore-scripts >/dev/null)
keep bad-npm-workspaces "$d" package.json "${ws_files[@]}" package-lock.json

# ------------------------------------------------------------ yarn classic
# yarn 1 has no lockfile-only mode: do a real install in the scratch folder
# (no scripts, no bin links) and keep only yarn.lock.
yarn1_case() { # CASE DEPS DEV
  local d; d=$(new_case "$1")
  write_manifest "$d/package.json" "shop-$1" "$2" "$3"
  (cd "$d" && "${YARN1[@]}" install --ignore-scripts --no-bin-links --non-interactive \
    --no-progress --silent >/dev/null)
  keep "$1" "$d" package.json yarn.lock
}
# The VULN set already gives merged keys (several ranges sharing one entry,
# e.g. "mime-types@~2.1.24, mime-types@~2.1.34:") and quoted keys
# ("statuses@>= 1.5.0 < 2", the alias "semver5@npm:semver@5.7.1"); the
# sanity checks below make sure it stays so.
yarn1_case bad-yarn-classic "$VULN_DEPS" "$VULN_DEV"
yarn1_case ok-yarn-classic-patched "$PATCHED_DEPS" "$PATCHED_DEV"

# yarn 1 workspaces: the lockfile names no importers at all, so the reader
# takes them from the root's "workspaces". The oracle does not expand them:
# installed.tsv is what yarn itself installs, with `--production` telling the
# dev-only packages apart.
d=$(new_case bad-yarn-classic-workspaces)
monorepo "$d" shop-bad-yarn-classic-workspaces 1.0.0 '{"workspaces":["packages/*"]}'
(cd "$d" && "${YARN1[@]}" install --ignore-scripts --no-bin-links --non-interactive >/dev/null)
cp -r "$d" "$d-prod"
rm -rf "$d-prod"/node_modules "$d-prod"/packages/*/node_modules
(cd "$d-prod" && "${YARN1[@]}" install --production --frozen-lockfile --ignore-scripts \
  --no-bin-links --non-interactive >/dev/null)
python3 - "$d" "$d-prod" <<'PY'
import json, os, sys
def installed(base):
    out = set()
    for nm in [f"{base}/node_modules"] + [f"{base}/packages/{p}/node_modules" for p in ("api", "web")]:
        for root, dirs, files in os.walk(nm):
            if os.path.islink(root):
                dirs[:] = []
                continue
            parent = os.path.basename(os.path.dirname(root))
            grand = os.path.basename(os.path.dirname(os.path.dirname(root)))
            if "package.json" in files and (parent == "node_modules" or (grand == "node_modules" and parent.startswith("@"))):
                j = json.load(open(os.path.join(root, "package.json")))
                if not j["name"].startswith("@shop/"):
                    out.add((j["name"], j["version"]))
    return out
full, prod = installed(sys.argv[1]), installed(sys.argv[2])
rows = sorted((n, v, "prod" if (n, v) in prod else "dev") for n, v in full)
open(f"{sys.argv[1]}/installed.tsv", "w").write("".join("\t".join(r) + "\n" for r in rows))
PY
keep bad-yarn-classic-workspaces "$d" package.json "${ws_files[@]}" yarn.lock installed.tsv

# --------------------------------------------------------------- yarn berry
# --mode=update-lockfile resolves and writes yarn.lock without linking; the
# empty yarn.lock marks the scratch folder as the project root.
yarn4_resolve() { # DIR
  touch "$1/yarn.lock"
  (cd "$1" && "${YARN4[@]}" install --mode=update-lockfile >/dev/null)
}
yarn4_case() { # CASE DEPS DEV
  local d; d=$(new_case "$1")
  write_manifest "$d/package.json" "shop-$1" "$2" "$3"
  cp "$d/package.json" "$d/package.json.orig"
  yarn4_resolve "$d"
  # yarn 4 may add a "packageManager" field; keep the manifest as written.
  mv "$d/package.json.orig" "$d/package.json"
  keep "$1" "$d" package.json yarn.lock
}
yarn4_case bad-yarn-berry "$VULN_DEPS" "$VULN_DEV"
yarn4_case ok-yarn-berry-patched "$PATCHED_DEPS" "$PATCHED_DEV"

# Workspaces: "@shop/api": "1.0.0" is resolved to the workspace (transparent
# workspaces), giving "@shop/api@workspace:packages/api" entries.
d=$(new_case bad-yarn-berry-workspaces)
monorepo "$d" shop-bad-yarn-berry-workspaces 1.0.0 '{"workspaces":["packages/*"]}'
cp "$d/package.json" "$d/package.json.orig"
yarn4_resolve "$d"
mv "$d/package.json.orig" "$d/package.json"
keep bad-yarn-berry-workspaces "$d" package.json "${ws_files[@]}" yarn.lock

# --------------------------------------------------------------------- pnpm
pnpm_case() { # CASE DEPS DEV PNPM...
  local case=$1 deps=$2 dev=$3 d; shift 3
  d=$(new_case "$case")
  write_manifest "$d/package.json" "shop-$case" "$deps" "$dev"
  (cd "$d" && "$@" install --lockfile-only --ignore-scripts >/dev/null)
  keep "$case" "$d" package.json pnpm-lock.yaml
}
pnpm_case bad-pnpm-v6 "$(merge_json "$VULN_DEPS" "$PEER_DEPS")" "$VULN_DEV" "${PNPM8[@]}"
pnpm_case bad-pnpm-v9 "$(merge_json "$VULN_DEPS" "$PEER_DEPS")" "$VULN_DEV" "${PNPM9[@]}"
pnpm_case ok-pnpm-patched "$PATCHED_DEPS" "$PATCHED_DEV" "${PNPM9[@]}"

# pnpm 7 writes lockfile 5.4 (keys /name/1.2.3_peer@1.0.0). The oracle reads
# 6 and 9 only, so this case's installed.tsv comes from pnpm's own listing
# after a real install (in the scratch folder).
d=$(new_case bad-pnpm-v5)
write_manifest "$d/package.json" shop-bad-pnpm-v5 \
  '{"express":"4.17.1","react":"18.2.0","react-dom":"18.2.0","semver5":"npm:semver@5.7.1"}' \
  '{"moment":"2.29.1"}'
(cd "$d" && npx -y pnpm@7 install --lockfile-only --ignore-scripts >/dev/null \
  && npx -y pnpm@7 install --frozen-lockfile --ignore-scripts >/dev/null \
  && npx -y pnpm@7 ls --prod --depth Infinity --json >prod.json \
  && npx -y pnpm@7 ls --dev --depth Infinity --json >dev.json)
python3 - "$d" <<'PY'
import json, sys
d = sys.argv[1]
def walk(deps, out):
    for name, info in (deps or {}).items():
        real, ver = info.get("from", name), info.get("version", "")
        if ver.startswith("npm:"):
            real, ver = ver[4:].rsplit("@", 1)
        out.add((real, ver.split("_")[0].split("(")[0]))
        walk(info.get("dependencies"), out)
prod, dev = set(), set()
for p in json.load(open(f"{d}/prod.json")):
    walk(p.get("dependencies"), prod); walk(p.get("optionalDependencies"), prod)
for p in json.load(open(f"{d}/dev.json")):
    walk(p.get("devDependencies"), dev)
rows = sorted({(n, v, "prod") for n, v in prod} | {(n, v, "dev") for n, v in dev - prod})
open(f"{d}/installed.tsv", "w").write("".join("\t".join(r) + "\n" for r in rows))
PY
keep bad-pnpm-v5 "$d" package.json pnpm-lock.yaml installed.tsv

# pnpm workspace: pnpm-workspace.yaml instead of a "workspaces" field, and
# the workspace: protocol, giving one importer per package in the lockfile.
d=$(new_case bad-pnpm-workspace)
monorepo "$d" shop-bad-pnpm-workspace 'workspace:*' '{}'
printf "packages:\n  - 'packages/*'\n" >"$d/pnpm-workspace.yaml"
(cd "$d" && "${PNPM9[@]}" install --lockfile-only --ignore-scripts >/dev/null)
keep bad-pnpm-workspace "$d" package.json pnpm-workspace.yaml "${ws_files[@]}" pnpm-lock.yaml

# ---------------------------------------------------------- sanity checks
grep -q '"lockfileVersion": 3' "$OUT/bad-npm-v3/package-lock.json"
grep -q '"lockfileVersion": 2' "$OUT/bad-npm-v2/package-lock.json"
grep -q '"lockfileVersion": 1' "$OUT/bad-npm-v1/package-lock.json"
grep -q '"lockfileVersion": 3' "$OUT/bad-npm-shrinkwrap/npm-shrinkwrap.json"
grep -Eq '^[^ #].*, .*:$' "$OUT/bad-yarn-classic/yarn.lock"        # merged key
grep -q '^"semver5@npm:semver@5.7.1":$' "$OUT/bad-yarn-classic/yarn.lock"  # quoted key
grep -q '^__metadata:' "$OUT/bad-yarn-berry/yarn.lock"
grep -q '@shop/api@workspace:packages/api' "$OUT/bad-yarn-berry-workspaces/yarn.lock"
grep -q "^lockfileVersion: '6.0'" "$OUT/bad-pnpm-v6/pnpm-lock.yaml"
grep -q "^lockfileVersion: '9.0'" "$OUT/bad-pnpm-v9/pnpm-lock.yaml"
grep -q 'react-dom@18.2.0(react@18.2.0)' "$OUT/bad-pnpm-v6/pnpm-lock.yaml"
grep -q 'react-dom@18.2.0(react@18.2.0)' "$OUT/bad-pnpm-v9/pnpm-lock.yaml"

# ---------------------------------------------------------- malformed cases
# Broken lockfiles derived from the good ones: the rule must survive them
# (no panic, no findings invented from half a file).  The manifest is the one
# of the source case, renamed.
malformed_manifest() { # SRC-CASE CASE
  mkdir -p "$OUT/$2"
  jq --arg n "shop-$2" '.name = $n' "$OUT/$1/package.json" >"$OUT/$2/package.json"
}
rm -rf "$OUT"/ok-malformed-*

# npm: the v3 lockfile cut at 40% of its bytes, i.e. inside "packages".
malformed_manifest bad-npm-v3 ok-malformed-npm
src="$OUT/bad-npm-v3/package-lock.json"
sed 's/"shop-bad-npm-v3"/"shop-ok-malformed-npm"/' "$src" \
  | head -c $(( $(wc -c <"$src") * 40 / 100 )) >"$OUT/ok-malformed-npm/package-lock.json"

# yarn classic: the header and the first entries, then an entry whose version
# has an unbalanced quote and a stray unindented "}}}" line.
malformed_manifest bad-yarn-classic ok-malformed-yarn-classic
awk '
  /^$/ { blank++ }
  blank == 4 && !done { print "}}}"; done = 1 }
  blank == 3 && /^  version "/ && !broke { print "  version \"1.0.0"; broke = 1; next }
  blank <= 6 { print }
' "$OUT/bad-yarn-classic/yarn.lock" >"$OUT/ok-malformed-yarn-classic/yarn.lock"

# yarn berry: __metadata and two entries, with an unclosed flow sequence and
# a tab-indented line (tabs are illegal YAML indentation).
malformed_manifest bad-yarn-berry ok-malformed-yarn-berry
awk '
  /^$/ { blank++ }
  blank == 3 && /^  version: / && !broke { print "  dependencies: [oops, \"npm:1.0.0\""; print "\tchecksum: 0"; broke = 1 }
  blank <= 4 { print }
' "$OUT/bad-yarn-berry/yarn.lock" >"$OUT/ok-malformed-yarn-berry/yarn.lock"

# pnpm: the v9 lockfile up to the first entries of "packages:", with a
# "key: : value" line, which YAML rejects (mapping value not allowed here).
malformed_manifest bad-pnpm-v9 ok-malformed-pnpm
awk '
  /^packages:/ { inpk = 1 }
  inpk && /^$/ { blank++ }
  inpk && blank == 2 && !broke { print "  express@4.17.1: : {resolution: {integrity: sha512-broken}}"; broke = 1 }
  !inpk || blank < 4 { print }
' "$OUT/bad-pnpm-v9/pnpm-lock.yaml" >"$OUT/ok-malformed-pnpm/pnpm-lock.yaml"

# The malformed files must really be malformed.
python3 - "$OUT" <<'PY'
import json, sys, yaml
out = sys.argv[1]
def fails(fn, path):
    try:
        with open(path) as f:
            fn(f)
    except Exception:
        return
    sys.exit(f"{path}: still parses")
fails(json.load, f"{out}/ok-malformed-npm/package-lock.json")
fails(yaml.safe_load, f"{out}/ok-malformed-yarn-berry/yarn.lock")
fails(yaml.safe_load, f"{out}/ok-malformed-pnpm/pnpm-lock.yaml")
PY
grep -q '^}}}$' "$OUT/ok-malformed-yarn-classic/yarn.lock"
grep -q '^  version "1.0.0$' "$OUT/ok-malformed-yarn-classic/yarn.lock"

# ------------------------------------------------------------ installed.tsv
for dir in "$OUT"/bad-* "$OUT"/ok-*-patched; do
  # Hand-written cases and the pnpm 5 case (listed by pnpm above) have no
  # oracle run.
  case "$(basename "$dir")" in bad-pnpm-v5 | bad-yarn-classic-workspaces | bad-last-affected | bad-nested-versions) continue ;; esac
  python3 "$ROOT/scripts/lockfile_oracle.py" "$dir" >"$dir/installed.tsv"
  echo "== $(basename "$dir"): $(wc -l <"$dir/installed.tsv") packages" >&2
done
