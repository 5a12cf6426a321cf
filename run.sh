#!/usr/bin/env bash
# The main job, on the embedded default store (SQLite):
#   1. installs what is missing and builds (scripts/setup.sh, idempotent);
#   2. codes the inputs and stores documents, sentences and events in
#      var/dyad.db (re-running adds only what is new);
#   3. prints the coded events and the top early-warning alerts;
#   4. serves the dashboard and API at http://127.0.0.1:8080 until Ctrl-C.
#
# Usage: ./run.sh [--news] [--no-serve] [--port P] [INPUTS...]
#   INPUTS      text/JSONL/CoNLL-U files or directories (default: examples/)
#   --news      also ingest ../shared/data/news/wikinews_en.jsonl (5,785 articles)
#   --no-serve  stop after ingesting and printing
set -euo pipefail
root="$(cd "$(dirname "$0")" && pwd)"
serve=1; port=8080; inputs=(); news=0
while [ $# -gt 0 ]; do
  case "$1" in
    --news) news=1 ;;
    --no-serve) serve=0 ;;
    --port) port="$2"; shift ;;
    *) inputs+=("$1") ;;
  esac
  shift
done
date_args=()
if [ ${#inputs[@]} -eq 0 ]; then
  inputs=("$root/examples")
  date_args=(--date 2025-10-06)   # examples/article.txt carries no date of its own
fi

"$root/scripts/setup.sh"
dyad="${DYAD_BUILD_DIR:-$root/build}/dyad"
db="${DYAD_DB:-$root/var/dyad.db}"
mkdir -p "$(dirname "$db")"

"$dyad" ingest "${inputs[@]}" --db "$db" "${date_args[@]}"
if [ "$news" = 1 ]; then   # dated records: no --date
  "$dyad" ingest "$root/../shared/data/news/wikinews_en.jsonl" --db "$db" --threads 2
fi
echo "== events (first 40) =="
"$dyad" query events --db "$db" --limit 40 --format tsv
echo "== top alerts =="
"$dyad" query alerts --db "$db" --format tsv | head -n 11
if [ "$serve" = 1 ]; then
  echo "== dashboard: http://127.0.0.1:$port/  (Ctrl-C to stop) =="
  exec "$dyad" serve --db "$db" --port "$port"
fi
