#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (seeding its corpus first when empty) and
# prints libFuzzer's last status line. Crashes land in fuzz/artifacts/TARGET/.
#
# usage: fuzz/run.sh pipeline|regex|readers SECONDS [EXTRA LIBFUZZER FLAGS]
set -euo pipefail
cd "$(dirname "$0")"
target=$1 seconds=$2; shift 2
[[ -d corpus/$target ]] || node seed.mjs
mkdir -p "artifacts/$target"
# -s none: stable Rust, no sanitizer (the code is safe Rust; a panic, a
# failed assertion or a timeout is what the targets look for).
exec cargo fuzz run -s none "$target" "corpus/$target" -- \
  -max_total_time="$seconds" -timeout=60 -rss_limit_mb=4096 -max_len=65536 \
  -artifact_prefix="artifacts/$target/" -print_final_stats=1 "$@"
