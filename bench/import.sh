#!/usr/bin/env bash
# Import benchmark (issue 11): generates IMDb-format files (TITLES titles, ten principal rows each,
# three persons per title), then imports them with -Xmx1g into an empty TDB2 store (TDB2's bulk
# loader) and reports rows/s, triples/s and peak memory. Usage: bench/import.sh [TITLES] [WORKDIR]
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
titles=${1:-1000000}
work=${2:-$(mktemp -d /tmp/reelgraph-import-bench.XXXXXX)}
mkdir -p "$work"
cd "$home"
./reelgraph --version >/dev/null   # builds the jar when stale
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ ! -f "$work/imdb/name.basics.tsv.gz" ]; then
  java -jar target/reelgraph.jar generate --imdb "$work/imdb" --titles "$titles"
fi
ls -l "$work/imdb"
rm -rf "$work/tdb2"
/usr/bin/time -v java -Xmx1g -jar target/reelgraph.jar import imdb "$work/imdb" --db "$work/tdb2" 2>&1 \
  | grep -E "rows in|imported|bad rows|Maximum resident|Elapsed \(wall|Exit status"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
du -sh "$work/tdb2"
