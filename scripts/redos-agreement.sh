#!/usr/bin/env bash
# The ReDoS analysis against V8's timing on every distinct regex of a tree
# (default: the large benchmark corpus that scripts/bench.sh builds):
# regex_scan --jsonl lists them, the verdicts example gives each one's verdict
# and attack, then
# scripts/redos-agreement.mjs times them in Node, each timing under a
# deadline. Writes target/redos-agreement.json and prints the summary.
#
# usage: scripts/redos-agreement.sh [DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dir=${1:-target/corpus-large/tree}
command -v node >/dev/null || { echo "redos-agreement: node is not installed" >&2; exit 2; }
cargo build -q --release -p nodeward --example regex_scan
cargo build -q --release -p nodeward_regex --example verdicts
mkdir -p target
target/release/examples/regex_scan --jsonl "$dir" | target/release/examples/verdicts > target/redos-verdicts.jsonl
node scripts/redos-agreement.mjs target/redos-verdicts.jsonl target/redos-agreement.json
