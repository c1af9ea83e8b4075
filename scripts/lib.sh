# Shared helpers for the Makefile's scripts. Sourced, not run.
# Tools installed by `cargo install` and npm land on PATH for every script.
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
# Trunk must never phone home or download a tool (Trunk.toml sets offline).
export TRUNK_SKIP_VERSION_CHECK=true

say() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# The wasm-bindgen version Cargo.lock pins; the CLI must be exactly this.
locked_wasm_bindgen() {
    awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

# Runs as root directly, otherwise through sudo when there is one.
as_root() {
    if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
        die "need root to run: $*"
    fi
}

# Installs Debian packages that are missing, quietly when none are.
apt_ensure() {
    local missing=()
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    say "installing Debian packages: ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# npm packages from the committed lock file, reinstalled only when it changed.
npm_ensure() {
    command -v npm >/dev/null || die "npm is missing: apt-get install nodejs npm"
    if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.dnsplay-lock; then
        say "installing npm packages from package-lock.json (npm ci)"
        npm ci --no-audit --no-fund --loglevel=error >/dev/null
        cp package-lock.json node_modules/.dnsplay-lock
    fi
}
