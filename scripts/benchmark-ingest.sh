#!/usr/bin/env bash
# Measures what the README states about large catalogs: a generated SkyPilot CSV of ROWS rows (default
# 1,000,000) ingested by the release build into an empty database, with its wall time and peak resident
# memory as /usr/bin/time -v reports them. Run it again with 2,000,000 rows to see that memory does not grow.
# Usage: scripts/benchmark-ingest.sh [ROWS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
command -v /usr/bin/time >/dev/null || { echo "needs GNU time: apt-get install time" >&2; exit 1; }
swift build -c release --static-swift-stdlib >/dev/null
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 scripts/generate-skypilot-csv.py "$rows" "$work/vms.csv"
echo "catalog: $rows rows, $(du -m "$work/vms.csv" | cut -f1) MB"
/usr/bin/time -v .build/release/pricedb ingest --db "$work/prices.sqlite" --provider bench --provider-name Bench \
    --provider-kind other --observed-at 2026-02-07 "$work/vms.csv" 2>"$work/time.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time.txt"
echo "second ingest of the same file (recognised as a duplicate):"
/usr/bin/time -v .build/release/pricedb ingest --db "$work/prices.sqlite" --provider bench --observed-at 2026-02-07 \
    "$work/vms.csv" 2>"$work/time.txt"
grep -E "Elapsed \(wall clock\)|Maximum resident set size" "$work/time.txt"
