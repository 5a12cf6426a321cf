#!/usr/bin/env bash
# Runs every test: installs what is missing, builds, runs the C++ unit tests
# (ctest) and, when the dashboard exists, its browser tests.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
"$root/scripts/setup.sh"
build="${DYAD_BUILD_DIR:-$root/build}"
(cd "$build" && ctest --output-on-failure -j "$(nproc 2>/dev/null || echo 2)")
if [ -z "${DYAD_SKIP_WEB:-}" ] && [ -f "$root/web/package.json" ]; then
  (cd "$root/web" && npm test --silent)
fi
