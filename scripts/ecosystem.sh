#!/usr/bin/env bash
# The ecosystem check: nodeward on pinned real server applications from the
# npm registry (scripts/ecosystem/projects.txt) and, when it has been built,
# the large benchmark corpus; the findings and notices of each, summarised
# without line numbers, against the committed snapshots in
# testdata/ecosystem/. A difference fails the check and is printed as a
# diff, so every change shows the findings it adds and removes on real code;
# a panic or an internal error fails it too.
#
# usage: scripts/ecosystem.sh [--update] [NODEWARD_BINARY]
#   --update  write the snapshots instead of comparing (read the diff before
#             committing it: docs/ecosystem.md)
# Needs node and npm (the registry); each package is fetched once into
# target/ecosystem/ with `npm pack`, never installed, and no script of it runs.
set -euo pipefail
cd "$(dirname "$0")/.."
update=0
if [[ ${1:-} == --update ]]; then update=1; shift; fi
bin=${1:-}
if [[ -z $bin ]]; then
  cargo build -q -p nodeward --bin nodeward
  bin=target/debug/nodeward
fi
work=target/ecosystem
snapshots=testdata/ecosystem
mkdir -p "$work/packs" "$work/out" "$snapshots"
status=0

bin=$(realpath "$bin")
out=$(realpath "$work/out")

# check NAME FROM PATH [ARGS...]: runs nodeward on PATH from the folder FROM
# (paths are shown relative to it), writes $work/out/NAME.txt.
check() {
  local name=$1 from=$2 path=$3; shift 3
  local code=0
  (cd "$from" && "$bin" check "$path" --format json --fail-on never --jobs 2 "$@") \
    > "$out/$name.json" 2> "$out/$name.stderr" || code=$?
  if [[ $code -ne 0 ]] || grep -q '"kind": "panic"' "$work/out/$name.json"; then
    echo "ecosystem: $name: nodeward exited $code or panicked" >&2
    cat "$work/out/$name.stderr" >&2
    status=1
  fi
  node scripts/ecosystem/summarize.mjs "$name" < "$work/out/$name.json" > "$work/out/$name.txt"
}

# compare NAME: the summary against its snapshot (or writes it).
compare() {
  local name=$1
  local snap="$snapshots/$name.txt"
  if [[ $update -eq 1 ]]; then
    cp "$work/out/$name.txt" "$snap"
    echo "ecosystem: $name: $(grep -c $'\tfinding\t' "$snap" || true) findings, snapshot written"
  elif [[ ! -f $snap ]]; then
    echo "ecosystem: $name: no snapshot $snap (run with --update and read it)" >&2
    status=1
  elif ! diff -u "$snap" "$work/out/$name.txt"; then
    echo "ecosystem: $name: findings differ from $snap (read the diff; --update to accept)" >&2
    status=1
  else
    echo "ecosystem: $name: as in the snapshot ($(grep -c $'\tfinding\t' "$snap" || true) findings)"
  fi
}

while read -r spec args; do
  [[ -z $spec || $spec == \#* ]] && continue
  name=$(echo "$spec" | tr '/@' '__' | sed 's/^_//')
  dir="$work/src/$name"
  if [[ ! -d $dir ]]; then
    pack=$(cd "$work/packs" && npm pack "$spec" --silent --ignore-scripts 2>/dev/null | tail -1)
    mkdir -p "$dir"
    tar -xzf "$work/packs/$pack" -C "$dir"
    # Its own root (nodeward takes the nearest folder with `.git`), so that
    # paths are the package's and this repository's ignore files do not apply.
    mkdir -p "$dir/.git"
  fi
  # shellcheck disable=SC2086 # the extra arguments are words
  check "$name" "$dir" . $args
  compare "$name"
done < scripts/ecosystem/projects.txt

# The large benchmark corpus, when scripts/bench.sh has built it (it needs
# ../shared): its snapshot is compared only then.
if [[ -d target/corpus-large/tree ]]; then
  check corpus-large . target/corpus-large/tree
  compare corpus-large
else
  echo "ecosystem: corpus-large not built (scripts/bench.sh large builds it): skipped"
fi
exit $status
