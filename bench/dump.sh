#!/usr/bin/env bash
# Dump benchmark (issue 7): N-Triples dump of a store of N synthetic triples under -Xmx256m.
#   bench/dump.sh [TRIPLES]     (default 10000000)
# Needs target/reelgraph.jar (./reelgraph --help builds it). Work files go to ${BENCH_DIR:-/tmp/reelgraph-bench};
# BENCH_REUSE=1 keeps a store generated and loaded there by an earlier run; BENCH_FORMATS="nt" picks the
# command-line dumps to time (empty: only the service part).
set -euo pipefail
cd "$(dirname "$0")/.."
triples=${1:-10000000}
work=${BENCH_DIR:-/tmp/reelgraph-bench}
jar=target/reelgraph.jar
if [ "${BENCH_REUSE:-0}" != 1 ] || [ ! -d "$work/tdb2" ]; then
  rm -rf "$work" && mkdir -p "$work"
  java -jar "$jar" generate --triples "$triples" --out "$work/synthetic.nq"
  java -Xmx4g -cp "$jar" bench/TdbBulkLoad.java "$work/tdb2" "$work/synthetic.nq"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -1)"

for format in ${BENCH_FORMATS-nt nq ttl}; do
  /usr/bin/time -f "%e s elapsed, %M KiB max resident" -o "$work/time.txt" \
    java -Xmx256m -jar "$jar" dump --db "$work/tdb2" --format "$format" --out "$work/dump.$format" 2> "$work/dump.log"
  written=$(grep -o 'wrote [0-9,]*' "$work/dump.log" | tr -dc 0-9)
  seconds=$(cut -d' ' -f1 "$work/time.txt")
  rate=$(awk -v n="$written" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }')
  echo "dump --format $format: $written statements, $(cat "$work/time.txt"), $rate statements/s, $(du -h "$work/dump.$format" | cut -f1)"
done

# The same through the running service (-Xmx256m): the first request after start finds TDB2's node
# caches cold; a tiny write makes a new data version, and the second request is made with warm caches.
port=3931
REELGRAPH_TOKEN=bench java -Xmx256m -jar "$jar" serve --db "$work/tdb2" --port "$port" 2> "$work/serve.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.5; done
for round in cold warm; do
  start=$(date +%s.%N)
  bytes=$(curl -sf -o "$work/served.nt" -w '%{size_download}' "http://127.0.0.1:$port/dumps/reelgraph.nt")
  end=$(date +%s.%N)
  lines=$(wc -l < "$work/served.nt")
  awk -v n="$lines" -v s="$(echo "$end - $start" | bc)" -v b="$bytes" -v r="$round" \
    'BEGIN { printf "service GET /dumps/reelgraph.nt (%s caches): %d triples, %d bytes, %.1f s, %.0f triples/s\n", r, n, b, s, n / s }'
  curl -sf -X PUT -H 'Authorization: Bearer bench' -H 'Content-Type: text/turtle' \
    --data "<https://example.org/bench> <https://example.org/round> \"$round\" ." \
    "http://127.0.0.1:$port/reelgraph/data?graph=https://example.org/bench" >/dev/null
done
echo "service resident memory after both: $(ps -o rss= -p $server | awk '{ printf "%d MiB", $1 / 1024 }')"
