#!/usr/bin/env bash
# Installs what building and serving dnsplay needs, when it is missing:
# the wasm32 target, trunk, wasm-bindgen-cli at Cargo.lock's version, and
# wasm-opt (npm's binaryen, pinned in package-lock.json). Idempotent and quiet
# when everything is there. Nothing here downloads a prebuilt binary: crates
# build from crates.io, binaryen comes from npm.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

TRUNK_VERSION=0.21.14   # 0.22 needs rustc >= 1.96.1

command -v cargo >/dev/null || die "cargo is missing: install Rust with rustup (https://rustup.rs)"

if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown >/dev/null
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
    say "installing trunk $TRUNK_VERSION (cargo install --locked; about 12 minutes on 2 cores)"
    cargo install --quiet --locked "trunk@$TRUNK_VERSION"
fi

wb=$(locked_wasm_bindgen)
[ -n "$wb" ] || { cargo generate-lockfile --quiet; wb=$(locked_wasm_bindgen); }
grep -q "wasm_bindgen = \"$wb\"" Trunk.toml ||
    die "Trunk.toml's [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen $wb"
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wb" ]; then
    say "installing wasm-bindgen-cli $wb (about 4 minutes)"
    # Not --locked: its own lock file pins a webpki-roots the registry no longer serves.
    cargo install --quiet --force wasm-bindgen-cli --version "$wb"
fi

npm_ensure
want_opt=$(sed -n 's/^wasm_opt = "version_\([0-9]*\)".*/\1/p' Trunk.toml)
have_opt=$(wasm-opt --version 2>/dev/null | sed -n 's/.*version \([0-9]*\).*/\1/p')
[ "$have_opt" = "$want_opt" ] ||
    die "wasm-opt $want_opt expected on PATH from node_modules/.bin (npm binaryen), found '${have_opt:-none}'"
