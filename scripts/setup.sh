#!/usr/bin/env bash
# Installs what dyad needs on Debian 12 (idempotent) and builds it.
#   scripts/setup.sh            apt packages + C++ build (Release) + web dashboard
#   DYAD_SKIP_WEB=1 ...         skip the npm part
# Re-running is cheap: apt is only called for packages that are missing,
# npm ci only when package-lock.json changed, and CMake rebuilds incrementally.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${DYAD_BUILD_DIR:-$root/build}"

apt_packages=(
  build-essential cmake pkg-config git
  libutf8proc-dev libsimdjson-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libzstd-dev libsqlite3-dev sqlite3 libcpp-httplib-dev libtbb-dev
  libgtest-dev libgmock-dev googletest libbenchmark-dev
  wordnet-base
)
if [ -z "${DYAD_SKIP_WEB:-}" ]; then
  apt_packages+=(nodejs npm chromium)
fi

missing=()
for p in "${apt_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# nodejs/npm may come from outside apt on some images: a working node is enough.
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  filtered=(); for p in "${missing[@]}"; do [[ "$p" == nodejs || "$p" == npm ]] || filtered+=("$p"); done
  missing=("${filtered[@]}")
fi
if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

jobs="$(nproc 2>/dev/null || echo 2)"
cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j "$jobs"

if [ -z "${DYAD_SKIP_WEB:-}" ] && [ -f "$root/web/package.json" ]; then
  stamp="$root/web/node_modules/.dyad-lock-stamp"
  if [ ! -f "$stamp" ] || ! cmp -s "$root/web/package-lock.json" "$stamp"; then
    (cd "$root/web" && npm ci --no-audit --no-fund)
    cp "$root/web/package-lock.json" "$stamp"
  fi
  (cd "$root/web" && npm run build --silent)
fi
