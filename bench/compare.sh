#!/usr/bin/env bash
# Side by side with Fuseki and Virtuoso (issue 9): one run on the same generated data.
#   bench/compare.sh [TRIPLES...]        (default 1000000; e.g. bench/compare.sh 1000000 10000000)
# For each size: generates the data; bulk-loads it three ways into empty stores, timed (`reelgraph load`, Jena's
# stock tdb2.tdbloader, Virtuoso's ld_dir + rdf_loader_run + checkpoint); copies the tdb2.tdbloader store for
# each Jena server; starts side by side on loopback, on free ports, one after the other (cold start = process
# start to the first 200 of a SPARQL query): reelgraph, the standalone jena-fuseki-server 5.6.0 jar stock and
# with bench/fuseki-jetty.xml (Fuseki's HTTP settings, outputBufferSize 32768), and virtuoso-t with a private
# ini; then measures with wrk (bench/compare.lua) at 1, 8 and 64 connections, every answer checked (200,
# non-empty, SPARQL with at least one binding; the run fails on any bad answer): per request kind, a warm-up of
# each engine at 8 connections, then each connection count engine after engine, so the shared machine's other
# load falls on all alike. Requests pick at random among the first 1,000 films and 1,000 franchises.
# Writes bench/results/compare-N.md (tables, ratios reelgraph / each peer) and compare-N.png (gnuplot).
# Same SPARQL text for every engine, no FROM: reelgraph's default graph is the union of the named graphs,
# Fuseki's is made so with --set tdb2:unionDefaultGraph=true, Virtuoso's is all graphs when no FROM is given.
#
# Needs: target/reelgraph.jar (./reelgraph --help builds it), Maven (copies the Fuseki and jena-cmds jars from
# Maven Central or ~/.m2), Debian packages wrk, gnuplot-nox and virtuoso-opensource (installed here when missing,
# as root, with apt-get; BENCH_VIRTUOSO=0 leaves Virtuoso out).
# Environment: BENCH_DIR (work files, default /tmp/reelgraph-compare), BENCH_SECONDS (per measurement, 10),
# BENCH_WARMUP (seconds, 10), BENCH_HEAP (-Xmx of every JVM, 2g), BENCH_ENGINES (default all four:
# "reelgraph fuseki-tuned fuseki-stock virtuoso"), BENCH_LOAD=0 skips the timed reelgraph load, BENCH_REUSE=1
# reuses the data and loaded stores of an earlier run in BENCH_DIR, BENCH_BEFORE_JAR=FILE adds an earlier
# reelgraph build as "reelgraph-before" (before/after in one run).
# Issue 10 (docs/scaling.md): two more engines, reelgraph as a front end over a remote store of the same run:
# "reelgraph-remote-fuseki" (serve --remote over fuseki-tuned's /ds, which then gets --update) and
# "reelgraph-remote-virtuoso" (serve --remote --remote-engine virtuoso over the run's Virtuoso, SPARQL_UPDATE granted
# to its anonymous user; it is loaded with the RDF 1.2 annotations as the rdf:Statement reification and skolem IRIs
# that reelgraph itself writes there, so that every reelgraph dump has the same statements). Each is started twice:
# the first start (its first open, which builds the published chronology in the remote store) and a restart (the
# cold start). Every reelgraph dump is counted: a dump with another number of statements than the embedded one
# fails the run. BENCH_NAME names the result files (default "compare"; e.g. "scaling" writes scaling-N.md/.png), e.g.
#   BENCH_NAME=scaling BENCH_ENGINES="reelgraph reelgraph-remote-fuseki reelgraph-remote-virtuoso fuseki-tuned virtuoso" \
#     BENCH_LOAD=0 BENCH_DIR=/tmp/rg-scaling bench/compare.sh 1000000 10000000
# BENCH_REMOTE_DUMP=0 leaves out the dumps of the front ends over remote stores (their first download reads the
# store with one look-up per blank node: minutes at 1M triples). BENCH_KINDS picks request kinds (default "point members join dump chronology film").
# BENCH_PREPARE=1 only generates, bulk-loads and does the embedded first open (for a later BENCH_REUSE=1 run, e.g.
# the next size prepared while this one is measured). BENCH_START_LIMIT (seconds, 1800): how long a server may take to its first 200; BENCH_FIRST_OPEN_LIMIT (seconds,
# the same): how long a remote front end's first open may take, after which it is stopped, the embedded reelgraph's
# derived graph is put into its store, and it is started again (reported as "not done after N s").
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
sizes=("${@:-1000000}")
work=${BENCH_DIR:-/tmp/reelgraph-compare}
seconds=${BENCH_SECONDS:-10}
warmup=${BENCH_WARMUP:-10}
heap=${BENCH_HEAP:-2g}
engines=${BENCH_ENGINES:-reelgraph fuseki-tuned fuseki-stock virtuoso}
# BENCH_BEFORE_JAR=FILE adds "reelgraph-before": an earlier build of reelgraph, on its own copy of the store.
[ -n "${BENCH_BEFORE_JAR:-}" ] && engines="reelgraph reelgraph-before ${engines/reelgraph /}"
[ "${BENCH_VIRTUOSO:-1}" = 0 ] && engines=$(echo " $engines " | sed 's/ reelgraph-remote-virtuoso / /; s/ virtuoso / /')
results=$root/bench/results
result_name=${BENCH_NAME:-compare}
# The command as a newcomer reruns it: the BENCH_ settings of this run, then the script and its sizes.
command_line="$(env | grep '^BENCH_' | sort | tr '\n' ' ')bench/compare.sh $*"
start_limit=${BENCH_START_LIMIT:-1800}
has() { [[ " $engines " == *" $1 "* ]]; }
if has reelgraph-remote-fuseki && ! has fuseki-tuned; then echo "reelgraph-remote-fuseki needs fuseki-tuned in BENCH_ENGINES" >&2; exit 1; fi
if has reelgraph-remote-virtuoso && ! has virtuoso; then echo "reelgraph-remote-virtuoso needs virtuoso in BENCH_ENGINES" >&2; exit 1; fi
mkdir -p "$results" "$root/target/bench"

need() {   # command, Debian package
  command -v "$1" >/dev/null && return
  echo "installing Debian package $2 (for $1)"
  [ "$(id -u)" = 0 ] || { echo "bench/compare.sh: needs $1: apt-get install $2" >&2; exit 1; }
  # The package asks for Virtuoso's DBA password through debconf; its default ("dba") is what the run uses.
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$2" >/dev/null
}
need wrk wrk
need gnuplot gnuplot-nox
case " $engines " in *" virtuoso "*) need virtuoso-t virtuoso-opensource; need isql-vt virtuoso-opensource ;; esac
[ -f target/reelgraph.jar ] || ./reelgraph --version >/dev/null
# A copy, so that rebuilding target/ while the run goes on does not change what is measured.
# (cmp first: another run in the same BENCH_DIR may be running from that copy.)
mkdir -p "$work" && { cmp -s target/reelgraph.jar "$work/reelgraph.jar" || cp target/reelgraph.jar "$work/reelgraph.jar"; }
jar=$work/reelgraph.jar
for artifact in org.apache.jena:jena-fuseki-server:5.6.0 org.apache.jena:jena-cmds:5.6.0; do
  name=$(echo "$artifact" | cut -d: -f2)-5.6.0.jar
  [ -f "target/bench/$name" ] || mvn -B -q dependency:copy -Dartifact="$artifact" -DoutputDirectory=target/bench
done
# A copy under its own name: other work on this shared machine that stops its Fuseki servers by name leaves it be.
cmp -s "$root/target/bench/jena-fuseki-server-5.6.0.jar" "$work/peer-fuseki-server-5.6.0.jar" \
  || cp "$root/target/bench/jena-fuseki-server-5.6.0.jar" "$work/peer-fuseki-server-5.6.0.jar"
fuseki_jar=$work/peer-fuseki-server-5.6.0.jar
# tdb2.tdbloader as shipped (jena-cmds) on the Jena 5.6.0 libraries that reelgraph's shaded jar carries.
tdbloader_cp=$jar:$root/target/bench/jena-cmds-5.6.0.jar

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
now() { date +%s.%N; }
elapsed() { echo "$(now) - $1" | bc; }
load_average() { cut -d' ' -f1-3 /proc/loadavg; }
rss_mib() { ps -o rss= -p "$1" | awk '{ printf "%d", $1 / 1024 }'; }

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

# ---- Virtuoso: a private instance in $1 (ini, database, log) on loopback ports $2 (SQL) and $3 (HTTP)
virtuoso_ini() {
  local dir=$1 sql=$2 http=$3 data=$4
  mkdir -p "$dir"
  # ResultSetMaxRows: past it Virtuoso answers 200 with the first rows only, and a reelgraph dump reads a graph
  # with one SELECT (the synthetic graph is one graph of N statements); MaxQueryExecutionTime likewise ends a long
  # answer early. Both far above what a dump of the largest size needs (issue 9's ini had 100000 and 60 s).
  # Sized as Virtuoso's own ini suggests for 2 GB of buffers (like the JVMs' -Xmx2g); enough HTTP threads
  # and keep-alives for 64 connections (the Debian ini allows 10).
  cat > "$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:$sql
DisableUnixSocket = 1
MaxClientConnections = 100
CheckpointInterval = 60
CaseMode = 2
DirsAllowed = ., $data
NumberOfBuffers = 170000
MaxDirtyBuffers = 130000
MaxQueryMem = 2G
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = /var/lib/virtuoso-opensource-7/vsp
MaxClientConnections = 100
ServerThreads = 64
MaxKeepAlives = 100
KeepAliveTimeout = 10
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 100000000
MaxQueryExecutionTime = 900
EOF
}
virtuoso_start() {   # dir; sets vpid
  (cd "$1" && exec virtuoso-t +foreground +configfile "$1/virtuoso.ini" > "$1/stdout.log" 2>&1) &
  vpid=$!
  pids+=("$vpid")
}
isql() { isql-vt "127.0.0.1:$1" dba dba "${@:2}"; }

# ---- a SPARQL request, GET, JSON results; prints the HTTP status
sparql_status() {   # base-url endpoint-path query
  curl -s -o /dev/null -w '%{http_code}' -G -H 'Accept: application/sparql-results+json' \
    --data-urlencode "query=$3" "$1$2" || true
}
wait_for_200() {   # base endpoint query pid -> seconds to first 200 since $started
  local deadline=$((SECONDS + start_limit))
  until [ "$(sparql_status "$1" "$2" "$3")" = 200 ]; do
    kill -0 "$4" 2>/dev/null || { echo "server $4 died; see its log" >&2; return 1; }
    [ $SECONDS -ge $deadline ] && { echo "no answer after $start_limit s" >&2; return 1; }
    sleep 0.05
  done
}

load_all() {   # generate, then the three bulk loads; sets vsql
  local triples=$1 dir=$2 t load_tsv=$2/load.tsv
  rm -rf "$dir" && mkdir -p "$dir/data" "$dir/data11"
  : > "$load_tsv"
  java -jar "$jar" generate --triples "$triples" --out "$dir/synthetic.nq" 2>&1 | tail -1
  # Every loader gets N-Triples into the one graph the generator names (`reelgraph load` names graphs itself).
  sed 's| <https://w3id.org/reelgraph/graph/data/synthetic> \.$| .|' "$dir/synthetic.nq" > "$dir/data/synthetic.nt"
  rm "$dir/synthetic.nq"
  local quads; quads=$(wc -l < "$dir/data/synthetic.nt")
  if has reelgraph-remote-virtuoso; then
    # Virtuoso 7.2 has no RDF 1.2 triple terms: it gets them as reelgraph writes them there (reification, skolem IRIs).
    awk -f bench/virtuoso-reification.awk "$dir/data/synthetic.nt" > "$dir/data11/synthetic.nt"
  else
    # Virtuoso 7.2 has no RDF 1.2 triple terms: it gets the same file without the rdf:reifies lines (about 1%).
    grep -v ' <<( ' "$dir/data/synthetic.nt" > "$dir/data11/synthetic.nt"
  fi
  local quads11; quads11=$(wc -l < "$dir/data11/synthetic.nt")

  # ---- bulk loads, one after the other, each into an empty store
  if [ "${BENCH_LOAD:-1}" = 1 ]; then
    t=$(now)
    local limit=${BENCH_LOAD_LIMIT:-900}
    if REELGRAPH_HOME=$root timeout "$limit" java -Xmx"$heap" -jar "$jar" load --db "$dir/rg-load" "$dir/data/synthetic.nt" > "$dir/rg-load.log" 2>&1; then
      printf 'reelgraph load\t%s\t%s\n' "$quads" "$(elapsed "$t")" >> "$load_tsv"
    elif [ $? = 124 ]; then
      printf 'reelgraph load (stopped after %s s)\t0\t%s\n' "$limit" "$(elapsed "$t")" >> "$load_tsv"
    else
      tail -5 "$dir/rg-load.log" >&2; exit 1
    fi
    rm -rf "$dir/rg-load"
  fi
  t=$(now)
  java -Xmx"$heap" -cp "$tdbloader_cp" tdb2.tdbloader --loc "$dir/tdb2" \
    --graph=https://w3id.org/reelgraph/graph/data/synthetic "$dir/data/synthetic.nt" > "$dir/tdbloader.log" 2>&1 \
    || { cat "$dir/tdbloader.log" >&2; exit 1; }
  printf 'tdb2.tdbloader (stock)\t%s\t%s\n' "$quads" "$(elapsed "$t")" >> "$load_tsv"
  if [[ " $engines " == *" virtuoso "* ]]; then
    vsql=$(free_port); vhttp=$(free_port)
    virtuoso_ini "$dir/virtuoso" "$vsql" "$vhttp" "$dir/data11"
    virtuoso_start "$dir/virtuoso"
    until isql "$vsql" exec="status();" >/dev/null 2>&1; do kill -0 "$vpid" || exit 1; sleep 0.2; done
    t=$(now)
    isql "$vsql" > "$dir/virtuoso-load.log" 2>&1 <<EOF
ld_dir('$dir/data11', 'synthetic.nt', 'https://w3id.org/reelgraph/graph/data/synthetic');
rdf_loader_run();
checkpoint;
EOF
    local form='RDF 1.1 lines'; has reelgraph-remote-virtuoso && form='RDF 1.1 reification'
    printf 'Virtuoso rdf_loader_run (%s)\t%s\t%s\n' "$form" "$quads11" "$(elapsed "$t")" >> "$load_tsv"
    local loaded; loaded=$(isql "$vsql" exec="SELECT COUNT(*) FROM DB.DBA.RDF_QUAD;" | awk '/^ *[0-9]+ *$/ && !n { n = $1 } END { print n }')
    local errors; errors=$(isql "$vsql" exec="SELECT COUNT(*) FROM DB.DBA.load_list WHERE ll_error IS NOT NULL;" | awk '/^ *[0-9]+ *$/ && !n { n = $1 } END { print n }')
    echo "Virtuoso: $loaded quads in RDF_QUAD, $errors load errors"
    [ "$errors" = 0 ] || { isql "$vsql" exec="SELECT ll_file, ll_error FROM DB.DBA.load_list;" >&2; exit 1; }
    isql "$vsql" exec="shutdown;" >/dev/null 2>&1 || true
    wait "$vpid" 2>/dev/null || true
  fi

  echo "$(date -u +%FT%TZ), commit $(git rev-parse --short HEAD), load average $(load_average) after the loads" > "$dir/loaded"
}

first_open_embedded() {   # dir store: reelgraph's first open of a bulk-loaded store builds its published chronology
  # (a derived graph) once; prints its seconds
  local t; t=$(now)
  REELGRAPH_HOME=$root java -Xmx"$heap" -jar "$jar" query --db "$2" 'ASK {}' > "$1/rg-first-open.log" 2>&1
  elapsed "$t"
}

skolem_store() {   # dir: for reelgraph-remote-fuseki, fuseki-tuned's store holds the blank nodes as reelgraph writes
  # them to a remote store, skolem IRIs (a SPARQL request cannot name a blank node of an earlier answer: reelgraph
  # reads a store's own blank nodes as unrelated nodes, and its dumps merge them); the same tdb2.tdbloader, timed.
  local dir=$1 t
  [ -d "$dir/tdb2-skolem" ] && return
  awk -v SKOLEM_ONLY=1 -f bench/virtuoso-reification.awk "$dir/data/synthetic.nt" > "$dir/synthetic-skolem.nt"
  rm -rf "$dir/tdb2-skolem.part"
  t=$(now)
  java -Xmx"$heap" -cp "$tdbloader_cp" tdb2.tdbloader --loc "$dir/tdb2-skolem.part" \
    --graph=https://w3id.org/reelgraph/graph/data/synthetic "$dir/synthetic-skolem.nt" > "$dir/tdbloader-skolem.log" 2>&1 \
    || { cat "$dir/tdbloader-skolem.log" >&2; exit 1; }
  printf 'tdb2.tdbloader (stock, blank nodes as skolem IRIs)\t%s\t%s\n' "$(wc -l < "$dir/synthetic-skolem.nt")" "$(elapsed "$t")" >> "$dir/load.tsv"
  rm "$dir/synthetic-skolem.nt"
  mv "$dir/tdb2-skolem.part" "$dir/tdb2-skolem"
}

prepare_size() {   # BENCH_PREPARE=1: the data, the bulk loads and the embedded first open, for a later BENCH_REUSE=1
  local triples=$1 dir=$work/$1
  echo "== preparing $triples triples, load average $(load_average), $(date -u +%FT%TZ)"
  if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$dir/loaded" ]; then echo "reusing the data and stores of $(cat "$dir/loaded")"
  else load_all "$triples" "$dir"; fi
  has reelgraph-remote-fuseki && skolem_store "$dir"
  if [ ! -f "$dir/opened/first-open.txt" ]; then
    rm -rf "$dir/opened" && mkdir -p "$dir/opened" && cp -r "$dir/tdb2" "$dir/opened/tdb2"
    first_open_embedded "$dir" "$dir/opened/tdb2" > "$dir/opened/first-open.txt.part"
    mv "$dir/opened/first-open.txt.part" "$dir/opened/first-open.txt"
  fi
  echo "prepared: $(cat "$dir/loaded"); first open $(cat "$dir/opened/first-open.txt") s, load average $(load_average)"
}

run_size() {
  local triples=$1 dir=$work/$1
  local tsv=$dir/results.tsv load_tsv=$dir/load.tsv
  local load_before; load_before=$(load_average)
  local commit; commit=$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src bench || echo "+dirty")
  echo "== $triples triples, commit $commit, load average $load_before, $(date -u +%FT%TZ)"
  local vsql vhttp t
  if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$dir/loaded" ]; then
    # BENCH_REUSE=1: the data, the loaded stores and the load times of an earlier run in BENCH_DIR.
    echo "reusing the data and stores of $(cat "$dir/loaded")"
    vsql=$(free_port)
  else
    load_all "$triples" "$dir"
  fi
  local quads; quads=$(wc -l < "$dir/data/synthetic.nt")
  local quads11; quads11=$(wc -l < "$dir/data11/synthetic.nt")
  : > "$tsv"; rm -f "$dir/servers.txt" "$dir/dumps.txt"
  rm -rf "$dir"/db-* "$dir"/*-base

  # ---- copies of the tdb2.tdbloader store for each Jena server
  has reelgraph-remote-fuseki && skolem_store "$dir"
  # BENCH_MOVE_STORES=1 (with BENCH_REUSE=1, when the disk is short): the prepared stores are moved, not copied.
  local copy="cp -r"; [ "${BENCH_REUSE:-0}" = 1 ] && [ "${BENCH_MOVE_STORES:-0}" = 1 ] && copy=mv
  for e in reelgraph fuseki-stock fuseki-tuned; do
    if [ $e = fuseki-tuned ] && has reelgraph-remote-fuseki; then $copy "$dir/tdb2-skolem" "$dir/db-$e"
    elif [ $e = reelgraph ] && [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$dir/opened/first-open.txt" ]; then :
    elif [ $e = reelgraph ] || has $e; then cp -r "$dir/tdb2" "$dir/db-$e"; fi
  done
  local first_open
  if [ "${BENCH_REUSE:-0}" = 1 ] && [ -f "$dir/opened/first-open.txt" ]; then
    # BENCH_PREPARE=1 did the first open already (as below) and kept the store it left.
    rm -rf "$dir/db-reelgraph" && $copy "$dir/opened/tdb2" "$dir/db-reelgraph"
    first_open=$(cat "$dir/opened/first-open.txt")
  else
    first_open=$(first_open_embedded "$dir" "$dir/db-reelgraph")
  fi
  [ -n "${BENCH_BEFORE_JAR:-}" ] && cp -r "$dir/db-reelgraph" "$dir/db-reelgraph-before"

  if [[ " $engines " == *" reelgraph-remote-"* ]]; then
    # The embedded reelgraph's derived graph, for preload_derived below (read before any server holds the store).
    java -Xmx"$heap" -cp "$tdbloader_cp" tdb2.tdbquery --loc "$dir/db-reelgraph" --results=NT \
      "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH <https://w3id.org/reelgraph/graph/derived/chronology> { ?s ?p ?o } }" \
      > "$dir/data11/derived-chronology.nt"
  fi

  # Films and franchises the requests pick from, read from the generated file.
  awk '$2 == "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" && $3 == "<https://w3id.org/reelgraph/ontology#Film>" {
         print substr($1, 2, length($1) - 2); if (++n == 1000) exit }' "$dir/data/synthetic.nt" > "$dir/films.txt"
  local franchises; franchises=$(awk '$3 == "<https://w3id.org/reelgraph/ontology#Franchise>" { n++ } END { print n + 0 }' "$dir/data/synthetic.nt")
  [ "$franchises" -gt 1000 ] && franchises=1000
  local probe="SELECT ?p ?o WHERE { <$(head -1 "$dir/films.txt")> ?p ?o }"

  # ---- start the servers one after the other; they then run side by side. The reelgraph front ends over a remote
  # store start after all the others (their store must answer first).
  declare -A url endpoint pid cold first dumppath dumpaccept dumplines
  local rg_serve=(env REELGRAPH_HOME="$root" REELGRAPH_TOKEN=bench java -Xmx"$heap" -jar "$jar" serve)
  # A dump reads each graph with one SELECT; the synthetic graph is one graph of N statements, whose answer can take
  # longer to start than serve's default --timeout of 30 s.
  local remote_timeout=--remote-timeout=${BENCH_REMOTE_TIMEOUT:-600}
  start_engine() {   # engine; sets pid, url, endpoint, dumppath; returns 1 when it died before its first 200
    local e=$1 port; port=$(free_port)
    url[$e]=http://127.0.0.1:$port
    t=$(now)
    case $e in
      reelgraph|reelgraph-before)
        local j=$jar; [ $e = reelgraph-before ] && cp "$BENCH_BEFORE_JAR" "$work/reelgraph-before.jar" && j=$work/reelgraph-before.jar
        REELGRAPH_HOME=$root REELGRAPH_TOKEN=bench java -Xmx"$heap" -jar "$j" serve --db "$dir/db-$e" --port "$port" > "$dir/$e.log" 2>&1 &
        pid[$e]=$!; endpoint[$e]=/reelgraph/sparql; dumppath[$e]=/dumps/reelgraph.nt; dumpaccept[$e]='*/*' ;;
      reelgraph-remote-fuseki)
        local ds=${url[fuseki-tuned]}/ds
        "${rg_serve[@]}" --port "$port" --remote "$ds/sparql" --remote-update "$ds/update" --remote-gsp "$ds/data" \
          "$remote_timeout" >> "$dir/$e.log" 2>&1 &
        pid[$e]=$!; endpoint[$e]=/reelgraph/sparql; dumppath[$e]=/dumps/reelgraph.nt; dumpaccept[$e]='*/*' ;;
      reelgraph-remote-virtuoso)
        "${rg_serve[@]}" --port "$port" --remote "${url[virtuoso]}/sparql" --remote-engine virtuoso \
          "$remote_timeout" >> "$dir/$e.log" 2>&1 &
        pid[$e]=$!; endpoint[$e]=/reelgraph/sparql; dumppath[$e]=/dumps/reelgraph.nt; dumpaccept[$e]='*/*' ;;
      fuseki-stock)
        mkdir -p "$dir/$e-base"
        FUSEKI_BASE=$dir/$e-base java -Xmx"$heap" -jar "$fuseki_jar" --localhost --port "$port" \
          --set tdb2:unionDefaultGraph=true --loc="$dir/db-$e" /ds > "$dir/$e.log" 2>&1 &
        pid[$e]=$!; endpoint[$e]=/ds/sparql; dumppath[$e]=/ds; dumpaccept[$e]=application/n-quads ;;
      fuseki-tuned)
        mkdir -p "$dir/$e-base"
        # --update only when a reelgraph front end writes to it (its published chronology).
        local update=(); has reelgraph-remote-fuseki && update=(--update)
        FUSEKI_BASE=$dir/$e-base java -Xmx"$heap" -Dbench.port="$port" -jar "$fuseki_jar" --jetty="$root/bench/fuseki-jetty.xml" \
          "${update[@]}" --set tdb2:unionDefaultGraph=true --loc="$dir/db-$e" /ds > "$dir/$e.log" 2>&1 &
        pid[$e]=$!; endpoint[$e]=/ds/sparql; dumppath[$e]=/ds; dumpaccept[$e]=application/n-quads ;;
      virtuoso)
        virtuoso_ini "$dir/virtuoso" "$vsql" "$port" "$dir/data11"
        virtuoso_start "$dir/virtuoso"
        pid[$e]=$vpid; endpoint[$e]=/sparql; dumppath[$e]= ;;
    esac
    pids+=("${pid[$e]}")
    wait_for_200 "${url[$e]}" "${endpoint[$e]}" "$probe" "${pid[$e]}" || return 1
    cold[$e]=$(elapsed "$t")
    printf '%s: up in %.2f s (process start to first 200) at %s\n' "$e" "${cold[$e]}" "${url[$e]}"
  }
  stop_engine() { kill "${pid[$1]}" 2>/dev/null || true; wait "${pid[$1]}" 2>/dev/null || true; }
  local derived=https://w3id.org/reelgraph/graph/derived/chronology
  for e in $engines; do
    [[ $e == reelgraph-remote-* ]] && continue
    start_engine "$e" || exit 1
    first[$e]=-
    if [ "$e" = fuseki-tuned ] && has reelgraph-remote-fuseki; then
      # No reelgraph graphs of an earlier first open (BENCH_REUSE=1, or one stopped halfway).
      curl -sf -X POST -H 'Content-Type: application/sparql-update' --data-binary \
        "DROP SILENT GRAPH <$derived> ; DROP SILENT GRAPH <https://w3id.org/reelgraph/graph/store-version>" "${url[$e]}/ds/update" > /dev/null
    fi
    if [ "$e" = virtuoso ] && has reelgraph-remote-virtuoso; then
      # Updates for the anonymous SPARQL user (as the tests' VirtuosoServer); no reelgraph graphs of an earlier run.
      isql "$vsql" exec='grant SPARQL_UPDATE to "SPARQL";' > /dev/null
      isql "$vsql" exec="SPARQL DROP SILENT GRAPH <$derived>; SPARQL DROP SILENT GRAPH <https://w3id.org/reelgraph/graph/store-version>; checkpoint;" > /dev/null
    fi
  done
  [ -n "${cold[reelgraph]:-}" ] && first[reelgraph]=$first_open
  # What works when the first open cannot build the published chronology in the remote store (refused, or slower
  # than BENCH_FIRST_OPEN_LIMIT): the same derived graph, the embedded reelgraph's (built from the same data), put
  # into the store by its own means; serve then finds it and builds nothing.
  preload_derived() {   # engine
    echo "$1: put the embedded reelgraph's derived graph ($(wc -l < "$dir/data11/derived-chronology.nt") statements," \
      "$(stat -c %s "$dir/data11/derived-chronology.nt") bytes of N-Triples) into its store"
    if [ "$1" = reelgraph-remote-fuseki ]; then
      curl -sf -X PUT -H 'Content-Type: application/n-triples' --data-binary "@$dir/data11/derived-chronology.nt" \
        "${url[fuseki-tuned]}/ds/data?graph=$derived" > /dev/null
    else
      isql "$vsql" > "$dir/virtuoso-derived.log" 2>&1 <<EOF
DELETE FROM DB.DBA.load_list WHERE ll_file LIKE '%derived-chronology.nt';
ld_dir('$dir/data11', 'derived-chronology.nt', '$derived');
rdf_loader_run();
checkpoint;
EOF
    fi
  }
  local first_limit=${BENCH_FIRST_OPEN_LIMIT:-$start_limit}
  for e in $engines; do
    [[ $e == reelgraph-remote-* ]] || continue
    # First start: the first open of the bulk-loaded remote store builds the published chronology there.
    : > "$dir/$e.log"
    if start_limit=$first_limit start_engine "$e"; then
      first[$e]=${cold[$e]}
      stop_engine "$e"
    elif kill -0 "${pid[$e]}" 2>/dev/null; then
      first[$e]="not done after $first_limit s (stopped)"
      echo "$e: first open ${first[$e]}"
      stop_engine "$e"
      preload_derived "$e"
    elif [ "$e" = reelgraph-remote-virtuoso ] && grep -q 'Virtuoso reads at most 10 MB' "$dir/$e.log"; then
      # The chronology is one SPARQL Update request, and Virtuoso reads at most 10 MB of request body: reelgraph
      # refuses it whole (README "Remote stores").
      first[$e]="refused after $(printf '%.0f' "$(elapsed "$t")") s: $(grep -o 'one SPARQL Update request of [0-9]* MB' "$dir/$e.log" | head -1)"
      echo "$e: first open ${first[$e]}"
      preload_derived "$e"
    else
      tail -n 20 "$dir/$e.log" >&2; exit 1
    fi
    # The restart: its cold start.
    start_engine "$e" || { tail -n 20 "$dir/$e.log" >&2; exit 1; }
  done

  # ---- measure: for each request kind and connection count, every engine in turn, so that the machine's
  # other load (it is shared) falls on all of them alike; a warm-up per engine and kind first.
  measure() {   # engine kind connections seconds [warm-up]
    local e=$1 kind=$2 c=$3 secs=$4 timeout=30s threads=1
    if [ "$kind" = dump ]; then measure_dump "$@"; return; fi
    [ "$kind" = dump ] && timeout=300s
    [ "$c" -ge 8 ] && threads=2
    kill -0 "${pid[$e]}" 2>/dev/null || { echo "$e (pid ${pid[$e]}) is gone: see $dir/$e.log" >&2; exit 1; }
    env KIND="$kind" ENDPOINT="${endpoint[$e]}" FILMS="$dir/films.txt" FRANCHISES="$franchises" \
        DUMP_PATH="${dumppath[$e]}" DUMP_ACCEPT="${dumpaccept[$e]:-}" \
        wrk -t"$threads" -c"$c" -d"${secs}s" --timeout "$timeout" --latency -s bench/compare.lua "${url[$e]}" > "$dir/wrk.txt" \
      || { cat "$dir/wrk.txt" >&2; exit 1; }
    local line; line=$(grep '^RESULT' "$dir/wrk.txt" || true)
    if [ -z "$line" ] || ! echo "$line" | grep -q ' bad=0 '; then
      echo "bad answers from $e ($kind, $c connections):" >&2; cat "$dir/wrk.txt" >&2; exit 1
    fi
    [ -n "${5:-}" ] && return
    printf '%-16s %-10s %2d  %s\n' "$e" "$kind" "$c" "${line#RESULT }"
    # engine kind connections requests rps p50 p99 bad bytes
    echo "$e $kind $c $(echo "$line" | sed 's/[a-z0-9_]*=//g; s/^RESULT //')" >> "$tsv"
  }
  measure_dump() {   # engine: three downloads one after the other (hundreds of MB each), timed by curl
    local e=$1 i code size secs lines total=0 times=""
    [ -n "${5:-}" ] && return
    for i in 1 2 3; do
      # The statements of each reelgraph dump are counted (wc reads the body as it comes, as a client would).
      { curl -s -H "Accept: ${dumpaccept[$e]}" -w '%{stderr}%{http_code} %{size_download} %{time_total}\n' \
          --max-time 3600 "${url[$e]}${dumppath[$e]}" | wc -l > "$dir/dump-lines"; } 2> "$dir/dump-stats" || true
      read -r code size secs < "$dir/dump-stats" || true
      lines=$(cat "$dir/dump-lines")
      if [ "$code" != 200 ] && [[ $e == reelgraph-remote-* ]]; then
        # A front end that cannot serve the dump at all (an error status, nothing counted as an answer) is a
        # finding to report, and the other measurements go on; a dump with the wrong statements still fails the run.
        local why; why=$(grep -m1 -o 'Caused by: [^:]*: [a-z].*' "$dir/$e.log" | tail -c 120 || true)
        echo "$e: the dump failed with $code after ${secs:-?} s (${why:-see $dir/$e.log})"
        echo "$e failed $code ${secs:-0} ${why:-}" >> "$dir/dumps.txt"
        return
      fi
      if [ "$code" != 200 ] || [ "${size:-0}" -le 0 ]; then echo "bad dump from $e: $code, $size bytes" >&2; exit 1; fi
      if [[ $e == reelgraph* ]]; then
        : "${dumplines[reelgraph]:=$lines}"
        if [ "$lines" != "${dumplines[reelgraph]}" ]; then
          echo "bad dump from $e: $lines statements, the embedded reelgraph's has ${dumplines[reelgraph]}" >&2; exit 1
        fi
      fi
      dumplines[$e]=$lines
      times="$times $secs"
    done
    local stats; stats=$(echo "$times" | tr ' ' '\n' | grep . | sort -g | awk -v b="$size" '{ t[NR] = $1; s += $1 }
      END { printf "3 %.3f %.3f %.3f 0 %d", 3 / s, t[2] * 1000, t[3] * 1000, b }')
    printf '%-16s %-10s %2d  downloads=3 of %s bytes, %s lines, seconds:%s\n' "$e" dump 1 "$size" "$lines" "$times"
    echo "$e dump 1 $stats" >> "$tsv"
    echo "$e $lines $size" >> "$dir/dumps.txt"
  }
  # Dumps before the JSON API: a front end still works off the film requests queued at 64 connections after wrk
  # stops (seconds each over a remote store), and a dump reader that pauses past the store's idle timeout (Jetty's
  # 30 s in Fuseki) has its SELECT cut off.
  for kind in ${BENCH_KINDS:-point members join dump chronology film}; do
    local those=""
    for e in $engines; do
      case $kind in
        chronology|film) [[ $e == reelgraph* ]] || continue ;;
        dump) [ -n "${dumppath[$e]}" ] || continue
              [[ $e == reelgraph-remote-* ]] && [ "${BENCH_REMOTE_DUMP:-1}" = 0 ] && continue ;;
      esac
      those="$those $e"
      measure "$e" "$kind" 8 "$warmup" warm-up
    done
    local conns="1 8 64"; [ "$kind" = dump ] && conns="1"
    for c in $conns; do
      for e in $those; do measure "$e" "$kind" "$c" "$seconds"; done
    done
  done
  for e in $engines; do rss[$e]=$(rss_mib "${pid[$e]}"); done
  local load_after; load_after=$(load_average)
  printf '%s\n' "$commit" "$load_before" "$load_after" "$first_open" "$(date -u +%F)" > "$dir/run.txt"
  echo "$command_line" > "$dir/command.txt"
  for e in $engines; do echo "$e rss_mib ${rss[$e]} cold_s ${cold[$e]} first_s ${first[$e]}" >> "$dir/servers.txt"; done
  cleanup; pids=()

  report_and_chart "$triples" "$dir"
}

report_and_chart() {   # from the files of a run (BENCH_REPORT_ONLY=1 redoes only this)
  local run; mapfile -t run < "$2/run.txt"
  report "$1" "$2" "${run[0]}" "${run[1]}" "${run[2]}" "${run[3]}" "$(wc -l < "$2/data/synthetic.nt")" "$(wc -l < "$2/data11/synthetic.nt")" "${run[4]}"
  chart "$1" "$2"
}
declare -A rss

report() {
  local triples=$1 dir=$2 commit=$3 before=$4 after=$5 first_open=$6 quads=$7 quads11=$8 day=$9
  local md=$results/$result_name-$triples.md busy="" inverse=0
  # With reelgraph front ends over remote stores (issue 10) the ratio is each system / the embedded reelgraph.
  grep -q '^reelgraph-remote-' "$dir/results.tsv" && inverse=1
  awk -v a="$before" -v b="$after" 'BEGIN { split(a, x, " "); split(b, y, " "); exit !(x[1] > 2 || y[1] > 2) }' && busy=" **(busy)**"
  {
    echo "Run of $day (commit $commit), \`$(cat "$dir/command.txt" 2>/dev/null || echo "bench/compare.sh $triples")\`: $quads generated quads$busy."
    echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/ { print $2 }') GiB, $(java -version 2>&1 | head -1 | tr -d '"'),"
    echo "$(virtuoso-t -? 2>&1 | sed -n 2p | cut -d' ' -f1-2 || true), $(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2); load average $before before, $after after."
    echo "Each JVM -Xmx$heap; wrk ${seconds} s per cell after a ${warmup} s warm-up at 8 connections; all answers 200 and non-empty."
    echo "Dumps: three curl downloads one after the other (p50 = the median, p99 = the slowest; requests/s = 3 / their total time)."
    echo
    if [ $inverse = 1 ]; then
      echo "| system | request | conns | p50 ms | p99 ms | requests/s | this / embedded reelgraph (req/s) |"
    else
      echo "| system | request | conns | p50 ms | p99 ms | requests/s | reelgraph / this (req/s) |"
    fi
    echo "|---|---|---|---|---|---|---|"
    awk -v inv=$inverse 'NR == FNR { if ($1 == "reelgraph") rg[$2 " " $3] = $5; next }
         { r = ""; if (($2 " " $3) in rg && $1 != "reelgraph" && $5 > 0 && rg[$2 " " $3] > 0)
               r = sprintf("**%.2f×**", inv ? $5 / rg[$2 " " $3] : rg[$2 " " $3] / $5)
           printf "| %s | %s | %d | %.3f | %.2f | %\047.0f | %s |\n", $1, $2, $3, $6, $7, $5, r }' "$dir/results.tsv" "$dir/results.tsv"
    echo
    echo "| system | resident memory after the run | cold start (process start → first 200) | first open of the bulk-loaded store |"
    echo "|---|---|---|---|"
    awk '{ f = $7; for (i = 8; i <= NF; i++) f = f " " $i; if (f ~ /^[0-9.]+$/) f = sprintf("%.1f s", f)
           printf "| %s | %d MiB | %.2f s | %s |\n", $1, $3, $5, f }' "$dir/servers.txt"
    echo
    echo "First open: reelgraph builds its published chronology (a derived graph) in a store that has none, once;"
    echo "embedded: \`reelgraph query --db\` on the copy of the tdb2.tdbloader store; remote: the first \`serve\` (process"
    echo "start to the first 200; the chronology is written to the remote store), then stopped and started again for the"
    echo "cold start. A reelgraph front end's memory is its own process only; its store's is the peer's row."
    if [ -s "$dir/dumps.txt" ]; then
      echo
      echo "Dumps checked: statements (lines) and bytes of the last download of each; every reelgraph dump must have the"
      echo "embedded one's number of statements, or the run fails."
      echo
      echo "| system | statements | bytes |"
      echo "|---|---|---|"
      awk '$2 == "failed" { w = ""; for (i = 5; i <= NF; i++) w = w " " $i
                            if ($3 ~ /^[0-9]+$/) printf "| %s | failed: HTTP %s after %.0f s%s | — |\n", $1, $3, $4, w
                            else printf "| %s | not finished: the download was stopped (curl: %s) | — |\n", $1, $3
                            next }
           { printf "| %s | %\047d | %\047d |\n", $1, $2, $3 }' "$dir/dumps.txt"
    fi
    echo
    echo "reelgraph's first open of the bulk-loaded store (builds the published chronology once, before its cold start): $(printf '%.1f' "$first_open") s."
    echo
    echo "Bulk load, each into an empty store, one after the other ($(cat "$dir/loaded")):"
    echo
    echo "| loader | triples | seconds | triples/s | reelgraph load / this |"
    echo "|---|---|---|---|---|"
    awk -F'\t' 'NR == FNR { if ($1 == "reelgraph load") rg = $2 / $3; next }
         { r = rg && $1 != "reelgraph load" ? sprintf("**%.2f×**", rg / ($2 / $3)) : "";
           printf "| %s | %\047d | %.1f | %\047.0f | %s |\n", $1, $2, $3, $2 / $3, r }' "$dir/load.tsv" "$dir/load.tsv"
  } > "$md"
  cat "$md"
}

chart() {
  local triples=$1 dir=$2
  local png=$results/$result_name-$triples.png e kind
  local engines; engines=$(awk '!seen[$1]++ { print $1 }' "$dir/results.tsv")
  for kind in point members join; do
    for e in $engines; do
      awk -v e="$e" -v k="$kind" '$1 == e && $2 == k { print $3, $5, $6 }' "$dir/results.tsv" > "$dir/plot-$e-$kind.dat"
    done
  done
  {
    echo "set terminal pngcairo size 1500,800 font ',10'"
    echo "set output '$png'"
    echo "set multiplot layout 2,3 title 'reelgraph vs Fuseki 5.6.0 and Virtuoso 7.2, $triples synthetic triples ($(date -u +%F))'"
    echo "set logscale x 2; set xrange [0.8:80]; set xtics (1, 8, 64); set grid; set key top left font ',8'"
    for metric in rps p50; do
      for kind in point members join; do
        if [ $metric = rps ]; then
          echo "set title '$kind: requests/s'; set ylabel 'requests/s'; set logscale y"; col=2
        else
          echo "set title '$kind: p50 latency'; set ylabel 'ms'; set logscale y"; col=3
        fi
        echo "set xlabel 'connections'"
        local plot="plot" i=0
        for e in $engines; do
          plot="$plot '$dir/plot-$e-$kind.dat' using 1:$col with linespoints lw 2 pt 7 title '$e',"
          i=$((i + 1))
        done
        echo "${plot%,}"
      done
    done
    echo "unset multiplot"
  } > "$dir/chart.gp"
  gnuplot "$dir/chart.gp"
  echo "chart: $png"
}

for n in "${sizes[@]}"; do
  if [ "${BENCH_REPORT_ONLY:-0}" = 1 ]; then report_and_chart "$n" "$work/$n"
  elif [ "${BENCH_PREPARE:-0}" = 1 ]; then prepare_size "$n"
  else run_size "$n"; fi
done
