#!/usr/bin/env python3
"""The table of docs/scaling.md from a bench/compare.sh run's results.tsv: one row per request and connection
count, one column per system (requests/s, p50 / p99 in ms), and each front end over a remote store as a ratio
of the embedded reelgraph's requests/s.
    bench/scaling-table.py BENCH_DIR/N/results.tsv"""
import sys

SYSTEMS = ["reelgraph", "reelgraph-remote-fuseki", "reelgraph-remote-virtuoso", "fuseki-tuned", "virtuoso"]
HEAD = {"reelgraph": "embedded TDB2", "reelgraph-remote-fuseki": "remote Fuseki", "reelgraph-remote-virtuoso": "remote Virtuoso",
        "fuseki-tuned": "Fuseki itself", "virtuoso": "Virtuoso itself"}
cells, order = {}, []
for line in open(sys.argv[1]):
    e, kind, conns, _req, rps, p50, p99, *_ = line.split()
    key = (kind, int(conns))
    if key not in order:
        order.append(key)
    cells[(e, key)] = (float(rps), float(p50), float(p99))
systems = [s for s in SYSTEMS if any((s, k) in cells for k in order)]


def cell(s, key):
    if (s, key) not in cells:
        return "—"
    rps, p50, p99 = cells[(s, key)]
    if key[0] == "dump":
        return f"{p50 / 1000:,.1f} s ({p99 / 1000:,.1f} s)"
    return f"{rps:,.0f} ({p50:,.2f} / {p99:,.0f})"


def ratio(s, key):
    if (s, key) not in cells or ("reelgraph", key) not in cells or cells[("reelgraph", key)][0] == 0:
        return "—"
    return f"**{cells[(s, key)][0] / cells[('reelgraph', key)][0]:.2f}×**"


remote = [s for s in systems if s.startswith("reelgraph-remote-")]
print("| request | conns | " + " | ".join(HEAD[s] for s in systems) + " | "
      + " | ".join(HEAD[s] + " / embedded" for s in remote) + " |")
print("|---|---|" + "---|" * (len(systems) + len(remote)))
for key in order:
    print(f"| {key[0]} | {key[1]} | " + " | ".join(cell(s, key) for s in systems) + " | "
          + " | ".join(ratio(s, key) for s in remote) + " |")
