#!/usr/bin/env bash
# `make fuzz [FUZZ_SECONDS=300] [FUZZ_TARGETS="name change_batch ..."]`: runs
# each cargo-fuzz target (libFuzzer) for the given time, starting from the
# committed seeds and dictionaries. cargo-fuzz needs nightly flags; on the
# stable toolchain RUSTC_BOOTSTRAP=1 allows them for this build only.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
command -v cargo-fuzz >/dev/null || { say "installing cargo-fuzz"; cargo install --quiet --locked cargo-fuzz; }
export RUSTC_BOOTSTRAP=1
seconds=${FUZZ_SECONDS:-300}
targets=${FUZZ_TARGETS:-$(cd fuzz && cargo fuzz list)}
for t in $targets; do
    say "fuzzing $t for ${seconds}s"
    mkdir -p "fuzz/corpus/$t"
    dict=()
    [ -f "fuzz/dict/$t.dict" ] && dict=("-dict=dict/$t.dict")
    (cd fuzz && cargo fuzz run "$t" "corpus/$t" "seeds/$t" -- \
        -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 "${dict[@]}" 2>&1 | grep -E '^(#[0-9]+ +DONE|Done|==|SUMMARY|.*panicked)' || true)
    [ -z "$(ls "fuzz/artifacts/$t" 2>/dev/null)" ] || die "fuzz target $t found a crash: see fuzz/artifacts/$t"
done
