#!/usr/bin/env bash
# Benchmark nodeward against the parse-only floor on the shared corpus.
#
# usage: scripts/bench.sh [small|large] [JOBS]
# Builds the corpus with ../shared/bench/make-corpus.sh into target/corpus-SIZE
# (once), then reports wall time and peak memory of `nodeward check` and of the
# parse-only example (discover + read + parse on the same pool).
set -euo pipefail
cd "$(dirname "$0")/.."
size=${1:-small}
jobs=${2:-2}
corpus="target/corpus-$size"
make_corpus=../shared/bench/make-corpus.sh
if [ ! -d "$corpus/tree" ]; then
  [ -f "$make_corpus" ] || { echo "bench: $make_corpus not found" >&2; exit 2; }
  bash "$make_corpus" "$corpus" "$size"
fi
cargo build --release -q -p nodeward --bin nodeward --example parse_only
measure() {
  /usr/bin/time -f "  wall %e s, peak RSS %M KiB" "$@" >/dev/null
}
echo "nodeward check ($size corpus, --jobs $jobs):"
measure target/release/nodeward check "$corpus/tree" --jobs "$jobs" -q --fail-on never --stats
echo "parse only:"
measure target/release/examples/parse_only "$corpus/tree" "$jobs"
