#!/usr/bin/env bash
# `make bench`: figures, never pass/fail. The release build's time and the
# bundle's sizes (raw, gzip -9, brotli), the UI's edit-to-update times
# (scripts/bench-ui.mjs), then the engine benchmarks.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

say "release build (trunk build --release)"
start=$(date +%s.%N)
trunk build --release --locked >/dev/null 2>&1 || trunk build --release --locked
end=$(date +%s.%N)
printf 'release build: %.1f s (warm cargo cache)\n' "$(echo "$end - $start" | awk '{print $1 - $3}')"
node scripts/bundle-sizes.mjs dist

say "UI speed (performance marks in headless Chromium, median of 7 runs)"
node scripts/bench-ui.mjs 7

say "engine benchmarks (cargo bench)"
cargo bench --locked --bench engine -q 2>/dev/null | grep -v '^$' || cargo bench --locked --bench engine
