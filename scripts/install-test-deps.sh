#!/usr/bin/env bash
# Installs what the tests need beyond the build tools: Debian's Chromium and
# ChromeDriver (browser tests), BIND 9 and dig (the BIND comparison test).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
apt_ensure chromium chromium-driver bind9 bind9-dnsutils
npm_ensure
