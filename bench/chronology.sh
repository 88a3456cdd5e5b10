#!/usr/bin/env bash
# Chronology endpoint benchmark (issue 6): p50 and throughput of GET /api/franchises/{slug}/chronology
# on the synthetic store of bench/dump.sh (run that first, or it is made here), with wrk at 1 and 8
# connections after a warm-up.   bench/chronology.sh [TRIPLES]   (default 10000000)
set -euo pipefail
cd "$(dirname "$0")/.."
triples=${1:-10000000}
work=${BENCH_DIR:-/tmp/reelgraph-bench}
jar=target/reelgraph.jar
if [ ! -d "$work/tdb2" ]; then
  mkdir -p "$work"
  java -jar "$jar" generate --triples "$triples" --out "$work/synthetic.nq"
  java -Xmx4g -cp "$jar" bench/TdbBulkLoad.java "$work/tdb2" "$work/synthetic.nq"
fi
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -1), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2)"
port=3932
start=$(date +%s.%N)
REELGRAPH_TOKEN=bench java -jar "$jar" serve --db "$work/tdb2" --port "$port" 2> "$work/serve-chronology.log" &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
until curl -sf "http://127.0.0.1:$port/health" >/dev/null; do sleep 0.5; done
echo "service up in $(echo "$(date +%s.%N) - $start" | bc | cut -c1-5) s (includes building the published chronology once if the store had none)"
url="http://127.0.0.1:$port"
for spread in 1 1000; do
  FRANCHISES=$spread wrk -t1 -c8 -d10s -s bench/chronology.lua "$url" > /dev/null   # warm-up
  for connections in 1 8; do
    echo "== $spread franchise(s), $connections connection(s), 20 s"
    FRANCHISES=$spread wrk -t1 -c"$connections" -d20s --latency -s bench/chronology.lua "$url" \
      | grep -E 'Requests/sec|^ +50%|^ +99%|non-200'
  done
done
echo "service resident memory: $(ps -o rss= -p $server | awk '{ printf "%d MiB", $1 / 1024 }')"
