#!/usr/bin/env bash
# The main job: installs what is missing, builds, and runs dyad on the
# bundled example article.
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
"$root/scripts/setup.sh"
build="${DYAD_BUILD_DIR:-$root/build}"
"$build/dyad" parse "$root/examples/"
