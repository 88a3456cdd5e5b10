#!/usr/bin/env bash
# First open of a bulk-loaded store, which builds the published chronology (graph/derived/chronology) once:
# two reelgraph builds on copies of the same tdb2.tdbloader store, alternately (A B A B), in one run, and a
# check that both built the same derived graph.
#   bench/first-open.sh JAR_A JAR_B [TRIPLES]      (default 1000000)
# Needs target/bench/jena-cmds-5.6.0.jar (bench/compare.sh copies it there). Work files in BENCH_DIR (/tmp/reelgraph-first-open).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
a=$1 b=$2 n=${3:-1000000}
work=${BENCH_DIR:-/tmp/reelgraph-first-open}
cmds=$root/target/bench/jena-cmds-5.6.0.jar
[ -f "$cmds" ] || mvn -B -q dependency:copy -Dartifact=org.apache.jena:jena-cmds:5.6.0 -DoutputDirectory=target/bench
rm -rf "$work" && mkdir -p "$work" && cd "$work"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
java -jar "$b" generate --triples "$n" --out s.nq | tail -1
sed 's| <https://w3id.org/reelgraph/graph/data/synthetic> \.$| .|' s.nq > s.nt
java -Xmx2g -cp "$b:$cmds" tdb2.tdbloader --loc tdb2 --graph=https://w3id.org/reelgraph/graph/data/synthetic s.nt > tdbloader.log 2>&1
for jar in "$a" "$b" "$a" "$b"; do
  name=$(basename "$jar" .jar)
  rm -rf "db-$name" && cp -r tdb2 "db-$name"
  start=$(date +%s.%N)
  REELGRAPH_HOME=$root java -Xmx2g -jar "$jar" query --db "db-$name" 'ASK {}' > "open-$name.log" 2>&1
  echo "$name: first open $(echo "$(date +%s.%N) - $start" | bc) s, load average $(cut -d' ' -f1-3 /proc/loadavg)"
done
for jar in "$a" "$b"; do
  name=$(basename "$jar" .jar)
  REELGRAPH_HOME=$root java -jar "$jar" query --db "db-$name" --format tsv \
    'SELECT ?s ?p ?o { GRAPH <https://w3id.org/reelgraph/graph/derived/chronology> { ?s ?p ?o } }' | sort > "derived-$name.tsv"
  echo "$name: $(($(wc -l < "derived-$name.tsv") - 1)) statements in the derived graph"
done
cmp "derived-$(basename "$a" .jar).tsv" "derived-$(basename "$b" .jar).tsv" && echo "the two derived graphs are identical"
