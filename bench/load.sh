#!/usr/bin/env bash
# Bulk load into an empty TDB2 store, same run, same generated data: stock `tdb2.tdbloader` (its default
# phased loader, Jena 5.6.0) on N-Quads vs `./reelgraph load` (its own builder: node table on a second
# thread, each index sorted and packed, with SHACL check, UTF-8 check, SHA-256 and provenance) on the same
# statements as N-Triples, which `load` puts into the same graph (…/graph/data/synthetic). Prints time,
# CPU seconds (user+sys), triples/s, peak RSS and the ratio reelgraph / stock per size.
#   bench/load.sh [SIZE...] [--dir DIR]     (default sizes: 1000000 5000000; DIR default /tmp/reelgraph-load-bench)
set -euo pipefail
home=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sizes=()
dir=/tmp/reelgraph-load-bench
while [ $# -gt 0 ]; do
  case "$1" in
    --dir) dir=$2; shift 2 ;;
    *) sizes+=("$1"); shift ;;
  esac
done
[ ${#sizes[@]} -eq 0 ] && sizes=(1000000 5000000)
jar=${REELGRAPH_JAR:-$home/target/reelgraph.jar}
[ -f "$jar" ] || (cd "$home" && mvn -q -B -o -DskipTests package)
cmds=$HOME/.m2/repository/org/apache/jena/jena-cmds/5.6.0/jena-cmds-5.6.0.jar
[ -f "$cmds" ] || (cd "$home" && mvn -q -B dependency:get -Dartifact=org.apache.jena:jena-cmds:5.6.0)
mkdir -p "$dir"
echo "date: $(date -u +%FT%TZ)  cores: $(nproc)  jar: $jar"
printf '%-10s %-26s %9s %8s %12s %10s %8s  %s\n' size loader seconds cpu_s triples/s peakRSS_MB ratio "load avg before"
for n in "${sizes[@]}"; do
  d="$dir/$n"; mkdir -p "$d"
  [ -f "$d/synthetic.nq" ] || java -jar "$jar" generate --triples "$n" --out "$d/synthetic.nq" >/dev/null 2>&1
  [ -f "$d/synthetic.nt" ] || sed -E 's/ <[^<>" ]*> \.$/ ./' "$d/synthetic.nq" > "$d/synthetic.nt"
  quads=$(wc -l < "$d/synthetic.nq")
  run() { # label, command...
    local label=$1; shift
    rm -rf "$d/db"
    local before; before=$(cut -d' ' -f1-3 /proc/loadavg)
    /usr/bin/time -f '%e %M %U %S' -o "$d/time" "$@" > "$d/$label.log" 2>&1
    read -r secs rss user sys < "$d/time"
    echo "$secs $rss $(echo "$user + $sys" | bc -l) $before"
  }
  read -r s1 r1 c1 l1a l1b l1c < <(run stock java -cp "$jar:$cmds" tdb2.tdbloader --loc "$d/db" "$d/synthetic.nq")
  printf '%-10s %-26s %9.1f %8.1f %12.0f %10d %8s  %s\n' "$n" "tdb2.tdbloader (phased)" "$s1" "$c1" "$(echo "$quads / $s1" | bc -l)" $((r1 / 1024)) 1.00 "$l1a $l1b $l1c"
  read -r s2 r2 c2 l2a l2b l2c < <(run reelgraph java -jar "$jar" load --db "$d/db" "$d/synthetic.nt")
  grep -q "bulk load:" "$d/reelgraph.log" || { echo "reelgraph load did not bulk-load:"; cat "$d/reelgraph.log"; exit 1; }
  printf '%-10s %-26s %9.1f %8.1f %12.0f %10d %8.2f  %s\n' "$n" "reelgraph load (builder)" "$s2" "$c2" "$(echo "$quads / $s2" | bc -l)" $((r2 / 1024)) "$(echo "$s1 / $s2" | bc -l)" "$l2a $l2b $l2c"
  grep -E "parsed in|indexes built|checked in" "$d/reelgraph.log" | sed 's/^/           /'
done
