package org.reelgraph.chronology;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Orders a franchise's films (DESIGN.md section 4). Story order is a topological order of the
 * placement edges; among films free at the same step the earlier release comes first, then the
 * title. A cycle is reported as a conflict, never resolved by guessing. Pure: no I/O.
 */
public final class Chronology {
    /** Release date (unknown last), then title, then id so the order is total. */
    static final Comparator<FilmNode> RELEASE_ORDER = Comparator
            .comparing(FilmNode::released, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FilmNode::title, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(FilmNode::id);

    private Chronology() {}

    /** What to do when edges form a cycle. */
    public enum OnConflict {
        /** Report the cycles; no story order (HTTP 409, exit 3). */
        REPORT,
        /** Drop the weakest placement of each cycle (its best source has the lowest confidence) until none is left, and say which. */
        SKIP_WEAKEST
    }

    public static ChronologyResult order(List<FilmNode> films, List<PlacementEdge> edges, Order order) {
        return order(films, edges, order, OnConflict.REPORT);
    }

    public static ChronologyResult order(List<FilmNode> films, List<PlacementEdge> edges, Order order, OnConflict onConflict) {
        Map<String, FilmNode> byId = new LinkedHashMap<>();
        films.forEach(f -> byId.put(f.id(), f));
        // Edges to films outside the franchise cannot place anything here.
        List<PlacementEdge> relevant = new ArrayList<>(edges.stream()
                .filter(e -> byId.containsKey(e.subject()) && byId.containsKey(e.object())).toList());
        if (order == Order.RELEASE)
            return new ChronologyResult(entries(byId.values().stream().sorted(RELEASE_ORDER).toList(), byId, relevant), List.of(), List.of());
        List<PlacementEdge> dropped = new ArrayList<>();
        while (true) {
            ChronologyResult result = storyOrder(byId, relevant);
            if (!result.hasConflicts() || onConflict == OnConflict.REPORT)
                return new ChronologyResult(result.entries(), result.conflicts(), dropped);
            for (ChronologyResult.Conflict conflict : result.conflicts()) {
                // A placement is as strong as its best source: drop the weakest placement of the cycle
                // with every statement of it, never a statement another source repeats.
                Map<List<String>, List<PlacementEdge>> placements = new LinkedHashMap<>();
                conflict.edges().forEach(e -> placements.computeIfAbsent(List.of(e.earlier(), e.later()), k -> new ArrayList<>()).add(e));
                List<PlacementEdge> weakest = placements.values().stream()
                        .min(Comparator.comparing((List<PlacementEdge> statements) -> statements.stream().max(WEAKEST_FIRST).orElseThrow(), WEAKEST_FIRST))
                        .orElseThrow();
                relevant.removeAll(weakest);
                dropped.addAll(weakest);
            }
        }
    }

    /** Lowest confidence first; among equals, extracted (quoted) before curated, then by source and text, so the choice is stable. */
    private static final Comparator<PlacementEdge> WEAKEST_FIRST = Comparator
            .comparingDouble(PlacementEdge::confidence)
            .thenComparing(e -> e.quote() == null)
            .thenComparing(PlacementEdge::graph)
            .thenComparing(PlacementEdge::subject)
            .thenComparing(PlacementEdge::property)
            .thenComparing(PlacementEdge::object);

    private static ChronologyResult storyOrder(Map<String, FilmNode> byId, List<PlacementEdge> edges) {
        Map<String, Set<String>> later = new HashMap<>();
        Map<String, Integer> indegree = new HashMap<>();
        byId.keySet().forEach(id -> { later.put(id, new LinkedHashSet<>()); indegree.put(id, 0); });
        for (PlacementEdge e : edges) {
            // The same placement stated by two sources is one constraint.
            if (later.get(e.earlier()).add(e.later()))
                indegree.merge(e.later(), 1, Integer::sum);
        }
        PriorityQueue<FilmNode> free = new PriorityQueue<>(RELEASE_ORDER);
        byId.values().stream().filter(f -> indegree.get(f.id()) == 0).forEach(free::add);
        List<FilmNode> ordered = new ArrayList<>();
        while (!free.isEmpty()) {
            FilmNode next = free.poll();
            ordered.add(next);
            for (String successor : later.get(next.id()))
                if (indegree.merge(successor, -1, Integer::sum) == 0)
                    free.add(byId.get(successor));
        }
        if (ordered.size() == byId.size())
            return new ChronologyResult(entries(ordered, byId, edges), List.of(), List.of());
        return new ChronologyResult(entries(ordered, byId, edges), conflicts(byId, edges, later), List.of());
    }

    private static List<ChronologyResult.Entry> entries(List<FilmNode> films, Map<String, FilmNode> byId, List<PlacementEdge> edges) {
        List<ChronologyResult.Entry> entries = new ArrayList<>();
        for (FilmNode f : films) {
            List<ChronologyResult.Reason> because = reasons(f, byId, edges);
            entries.add(new ChronologyResult.Entry(entries.size() + 1, f.id(), f.slug(), f.title(), f.released(), f.kind(),
                    because.isEmpty() ? ChronologyResult.RELEASE_DATE : ChronologyResult.STATED, because));
        }
        return entries;
    }

    /** Sources of one placement by graph, then by what they state: a total order, whatever order the store returned them in. */
    private static final Comparator<PlacementEdge> STATED_BY = Comparator.comparing(PlacementEdge::graph)
            .thenComparing(PlacementEdge::subject).thenComparing(PlacementEdge::property).thenComparing(PlacementEdge::object);

    /** The edges touching {@code film}, grouped by what they say of it: sources that agree come together. */
    private static List<ChronologyResult.Reason> reasons(FilmNode film, Map<String, FilmNode> byId, List<PlacementEdge> edges) {
        Map<List<String>, List<PlacementEdge>> grouped = new LinkedHashMap<>();
        for (PlacementEdge e : edges) {
            if (e.later().equals(film.id()))
                grouped.computeIfAbsent(List.of(PlacementEdge.SET_AFTER, e.earlier()), k -> new ArrayList<>()).add(e);
            else if (e.earlier().equals(film.id()))
                grouped.computeIfAbsent(List.of(PlacementEdge.SET_BEFORE, e.later()), k -> new ArrayList<>()).add(e);
        }
        List<ChronologyResult.Reason> reasons = new ArrayList<>();
        grouped.forEach((key, statedBy) -> {
            FilmNode other = byId.get(key.get(1));
            reasons.add(new ChronologyResult.Reason(key.get(0), other.id(), other.slug(), other.title(),
                    statedBy.stream().sorted(STATED_BY).toList()));
        });
        reasons.sort(Comparator.comparing(ChronologyResult.Reason::relation).thenComparing(r -> byId.get(r.film()), RELEASE_ORDER));
        return reasons;
    }

    /** Each strongly connected component with a cycle in it is one conflict. */
    private static List<ChronologyResult.Conflict> conflicts(Map<String, FilmNode> byId, List<PlacementEdge> edges,
                                                             Map<String, Set<String>> later) {
        List<ChronologyResult.Conflict> conflicts = new ArrayList<>();
        for (Set<String> component : new Tarjan(later).components()) {
            boolean cyclic = component.size() > 1 || later.get(component.iterator().next()).containsAll(component);
            if (!cyclic)
                continue;
            List<FilmNode> films = component.stream().map(byId::get).sorted(RELEASE_ORDER).toList();
            List<PlacementEdge> inCycle = edges.stream()
                    .filter(e -> component.contains(e.subject()) && component.contains(e.object())).toList();
            conflicts.add(new ChronologyResult.Conflict(films, inCycle));
        }
        conflicts.sort(Comparator.comparing(c -> c.films().get(0), RELEASE_ORDER));
        return conflicts;
    }

    /** Tarjan's strongly connected components, iterative so long chains cannot overflow the stack. */
    private static final class Tarjan {
        private final Map<String, Set<String>> edges;
        private final Map<String, Integer> index = new HashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<Set<String>> components = new ArrayList<>();
        private int counter;

        Tarjan(Map<String, Set<String>> edges) {
            this.edges = edges;
        }

        List<Set<String>> components() {
            for (String v : edges.keySet())
                if (!index.containsKey(v))
                    visit(v);
            return components;
        }

        private void visit(String root) {
            Deque<Map.Entry<String, java.util.Iterator<String>>> work = new ArrayDeque<>();
            enter(root, work);
            while (!work.isEmpty()) {
                var frame = work.peek();
                String v = frame.getKey();
                if (frame.getValue().hasNext()) {
                    String w = frame.getValue().next();
                    if (!index.containsKey(w))
                        enter(w, work);
                    else if (onStack.contains(w))
                        low.merge(v, index.get(w), Math::min);
                    continue;
                }
                work.pop();
                if (!work.isEmpty())
                    low.merge(work.peek().getKey(), low.get(v), Math::min);
                if (low.get(v).equals(index.get(v))) {
                    Set<String> component = new LinkedHashSet<>();
                    String w;
                    do {
                        w = stack.pop();
                        onStack.remove(w);
                        component.add(w);
                    } while (!w.equals(v));
                    components.add(component);
                }
            }
        }

        private void enter(String v, Deque<Map.Entry<String, java.util.Iterator<String>>> work) {
            index.put(v, counter);
            low.put(v, counter);
            counter++;
            stack.push(v);
            onStack.add(v);
            work.push(Map.entry(v, edges.get(v).iterator()));
        }
    }
}
