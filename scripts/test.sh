#!/usr/bin/env bash
# `make test`: installs what the tests need, then runs every check in order and
# stops at the first failure: fmt, clippy (host and wasm32), cargo tests, the
# wasm-bindgen tests in headless Chromium, the end-to-end browser tests. Ends
# with one line of counts: each test is counted, and so is each check that is
# not a test runner (fmt, clippy, the release build).
set -uo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

scripts/install-tools.sh || die "installing the build tools failed"
scripts/install-test-deps.sh || die "installing the test dependencies failed"

passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

summary() { echo "make test: $passed passed, $failed failed"; }

# Adds the counts a runner printed: cargo/wasm-bindgen-test "test result:"
# lines and node's test runner "pass N"/"fail N" lines.
count() {
    awk '
        /^test result:/ {
            for (i = 1; i <= NF; i++) {
                if ($(i + 1) ~ /^passed/) p += $i
                if ($(i + 1) ~ /^failed/) f += $i
            }
        }
        /^(# |ℹ )pass [0-9]+/ { p += $3 }
        /^(# |ℹ )fail [0-9]+/ { f += $3 }
        END { print p + 0, f + 0 }
    ' "$log"
}

# step NAME KIND COMMAND...: KIND is "check" (counts as one) or "tests".
step() {
    local name=$1 kind=$2
    shift 2
    say "$name"
    "$@" 2>&1 | tee "$log"
    local rc=${PIPESTATUS[0]}
    if [ "$kind" = tests ]; then
        read -r p f < <(count)
        passed=$((passed + p))
        failed=$((failed + f))
        [ "$rc" -ne 0 ] && [ "$f" -eq 0 ] && failed=$((failed + 1))
    elif [ "$rc" -eq 0 ]; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
    fi
    if [ "$rc" -ne 0 ]; then
        echo "FAILED: $name" >&2
        summary
        exit 1
    fi
}

step "cargo fmt --check" check cargo fmt --all -- --check
step "clippy (host)" check cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" check cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "cargo test (host, with doc tests)" tests cargo test --locked
step "cargo doc (broken links and missing docs fail)" check env RUSTDOCFLAGS="-D warnings" cargo doc --no-deps --lib --locked
step "wasm tests in headless Chromium" tests env CHROMEDRIVER=/usr/bin/chromedriver \
    WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --locked --target wasm32-unknown-unknown --test web
step "release build (trunk)" check trunk build --release --locked
step "end-to-end tests (Chromium)" tests node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
summary
