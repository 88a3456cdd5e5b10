package org.reelgraph.chronology;

import java.util.stream.Collectors;

import org.reelgraph.vocab.Iris;

/** A chronology as a person reads it: the order, and under each film the reasons for its place. */
public final class ChronologyText {
    private ChronologyText() {}

    public static String of(ChronologyService.Answer answer) {
        StringBuilder out = new StringBuilder();
        out.append(answer.franchise().title()).append(" (").append(answer.order()).append(" order");
        if (!answer.sources().isEmpty())
            out.append(", edges from ").append(answer.sources().stream().map(ChronologyText::graph).collect(Collectors.joining(", ")));
        out.append(")\n");
        for (ChronologyResult.Entry e : answer.entries()) {
            String kind = e.kind().equals(FilmNode.FILM) ? "" : ", " + (e.kind().equals(FilmNode.SERIES) ? "TV series" : "short film");
            out.append(String.format("%3d. %s (%s%s)%n", e.position(), e.title(), e.released() == null ? "date unknown" : e.released(), kind));
            if (answer.order().equals(Order.RELEASE.id()))
                continue;
            if (e.because().isEmpty())
                out.append("       no placement stated: placed by release date\n");
            for (ChronologyResult.Reason r : e.because()) {
                out.append("       ").append(r.relation().equals(PlacementEdge.SET_AFTER) ? "after  " : "before ").append(r.title())
                        .append(": ").append(r.statedBy().stream().map(ChronologyText::source).distinct().collect(Collectors.joining("; "))).append('\n');
            }
        }
        for (PlacementEdge d : answer.dropped())
            out.append("dropped to break a cycle: ").append(Iris.slugOrIri(d.subject())).append(" rg:").append(d.property()).append(' ')
                    .append(Iris.slugOrIri(d.object())).append(" (").append(source(d)).append(")\n");
        return out.toString();
    }

    private static String source(PlacementEdge e) {
        String quote = e.quote() == null ? "" : " \"" + e.quote() + "\"";
        String confidence = e.confidence() < 1 ? String.format(" (confidence %.2f)", e.confidence()) : "";
        return graph(e.graph()) + quote + confidence;
    }

    private static String graph(String iri) {
        return iri.startsWith(Iris.GRAPH_BASE) ? iri.substring(Iris.GRAPH_BASE.length()) : iri;
    }
}
