#!/usr/bin/env bash
# Dump benchmark (issue 7): N-Triples dump of a store of N synthetic triples under -Xmx256m.
#   bench/dump.sh [TRIPLES]     (default 10000000)
# Needs target/reelgraph.jar (./reelgraph --help builds it). Work files go to ${BENCH_DIR:-/tmp/reelgraph-bench}.
set -euo pipefail
cd "$(dirname "$0")/.."
triples=${1:-10000000}
work=${BENCH_DIR:-/tmp/reelgraph-bench}
jar=target/reelgraph.jar
rm -rf "$work" && mkdir -p "$work"

java -jar "$jar" generate --triples "$triples" --out "$work/synthetic.nq"
java -Xmx4g -cp "$jar" bench/TdbBulkLoad.java "$work/tdb2" "$work/synthetic.nq"

for format in nt nq ttl; do
  /usr/bin/time -f "%e s elapsed, %M KiB max resident" -o "$work/time.txt" \
    java -Xmx256m -jar "$jar" dump --db "$work/tdb2" --format "$format" --out "$work/dump.$format" 2> "$work/dump.log"
  written=$(grep -o 'wrote [0-9,]*' "$work/dump.log" | tr -dc 0-9)
  seconds=$(cut -d' ' -f1 "$work/time.txt")
  rate=$(awk -v n="$written" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  echo "dump --format $format: $written statements, $(cat "$work/time.txt"), $rate statements/s, $(du -h "$work/dump.$format" | cut -f1)"
done
