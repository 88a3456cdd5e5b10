package org.reelgraph.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.eclipse.jetty.util.StringUtil;
import org.reelgraph.catalog.ResourceDescriber.Annotation;
import org.reelgraph.catalog.ResourceDescriber.Description;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;
import org.reelgraph.vocab.Prefixes;
import org.reelgraph.vocab.Slugs;

/**
 * The HTML page of a resource: label, types, every property with its values, incoming links, the
 * sources (named graphs) of each statement and the quotes that annotate them. The markup is
 * well-formed XML (polyglot HTML5), so it can be served as {@code text/html} and as
 * {@code application/xhtml+xml}. Every text and attribute value goes through {@link #escape}.
 */
final class ResourcePage {
    private static final int LONG_LITERAL = 400;
    private static final String DATA_GRAPHS = Iris.GRAPH_BASE + "data/";
    private static final String REVIEW_GRAPHS = Iris.GRAPH_BASE + "review/";

    /** The alternate representations linked from the page, as {@code ?format=} value → media type and name. */
    static final Map<String, String[]> ALTERNATES = alternates();

    private final String base;

    /** {@code base}: the IRI prefix this server dereferences; IRIs under it link to {@code /id/{kind}/{slug}}. */
    ResourcePage(String base) {
        this.base = base;
    }

    /** The local path ({@code /id/film/x}) of an IRI this server dereferences. */
    Optional<String> pathOf(String iri) {
        if (!iri.startsWith(base))
            return Optional.empty();
        String rest = iri.substring(base.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || Kind.fromSegment(rest.substring(0, slash)).isEmpty() || !Slugs.isValid(rest.substring(slash + 1)))
            return Optional.empty();
        return Optional.of("/id/" + rest);
    }

    String render(Description d) {
        Node resource = d.resource();
        String label = d.label(resource).orElse(Iris.slugOrIri(resource.getURI()));
        StringBuilder html = new StringBuilder(16 * 1024);
        html.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(escape(label)).append(" \u2014 reelgraph</title>\n");
        ALTERNATES.forEach((format, type) -> html.append("<link rel=\"alternate\" type=\"").append(type[0])
                .append("\" href=\"?format=").append(format).append("\" title=\"").append(type[1]).append("\"/>\n"));
        html.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");

        header(html, d, label);
        html.append("<main>\n");
        properties(html, d);
        incoming(html, d);
        sources(html, d);
        evidence(html, d);
        html.append("</main>\n</body>\n</html>\n");
        return html.toString();
    }

    private void header(StringBuilder html, Description d, String label) {
        Node resource = d.resource();
        html.append("<header>\n<p class=\"site\"><a href=\"/\">reelgraph</a></p>\n")
                .append("<h1>").append(escape(label)).append("</h1>\n")
                .append("<p class=\"iri\"><code>").append(escape(resource.getURI())).append("</code></p>\n");
        List<Node> types = d.outgoing().stream().filter(t -> t.getPredicate().equals(RDF.Nodes.type))
                .map(Triple::getObject).toList();
        if (!types.isEmpty()) {
            html.append("<p class=\"types\">").append(types.size() == 1 ? "Type: " : "Types: ");
            for (int i = 0; i < types.size(); i++)
                html.append(i == 0 ? "" : ", ").append("<span class=\"type\">").append(value(d, types.get(i), new HashSet<>())).append("</span>");
            html.append("</p>\n");
        }
        html.append("<p class=\"formats\">Also as ");
        int i = 0;
        for (var e : ALTERNATES.entrySet())
            html.append(i++ == 0 ? "" : " \u00b7 ").append("<a href=\"?format=").append(e.getKey()).append("\">")
                    .append(escape(e.getValue()[1])).append("</a>");
        html.append("</p>\n</header>\n");
    }

    private void properties(StringBuilder html, Description d) {
        Map<Node, List<Triple>> byProperty = groupByProperty(d.outgoing());
        html.append("<section id=\"properties\">\n<h2>Properties</h2>\n<table>\n")
                .append("<thead><tr><th scope=\"col\">Property</th><th scope=\"col\">Values</th></tr></thead>\n<tbody>\n");
        byProperty.forEach((p, triples) -> {
            html.append("<tr><th scope=\"row\">").append(property(d, p)).append("</th><td><ul>");
            triples.stream().sorted(Comparator.comparing(t -> sortKey(d, t.getObject()))).forEach(t -> html.append("<li>")
                    .append(value(d, t.getObject(), new HashSet<>())).append(sourceMarks(d, t)).append("</li>"));
            html.append("</ul></td></tr>\n");
        });
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void incoming(StringBuilder html, Description d) {
        html.append("<section id=\"incoming\">\n<h2>Incoming links</h2>\n");
        List<Triple> incoming = d.incoming();
        if (incoming.isEmpty()) {
            html.append("<p>Nothing in the graph points here.</p>\n</section>\n");
            return;
        }
        if (d.incomingTruncated())
            html.append("<p class=\"note\">Only the first ").append(org.reelgraph.catalog.ResourceDescriber.MAX_INCOMING)
                    .append(" incoming statements are shown; use the SPARQL endpoint for all.</p>\n");
        html.append("<ul>\n");
        for (Triple t : incoming) {
            Node s = t.getSubject();
            if (s.isBlank()) {
                // A performance: name what points at it ("film X · performance · actor"), and its other values.
                List<Triple> parents = d.pointingAt(s);
                if (parents.isEmpty()) {
                    html.append("<li>").append(value(d, s, new HashSet<>())).append(" \u00b7 ").append(property(d, t.getPredicate()))
                            .append(sourceMarks(d, t)).append("</li>\n");
                }
                for (Triple parent : parents) {
                    html.append("<li>").append(value(d, parent.getSubject(), new HashSet<>())).append(" \u00b7 ")
                            .append(property(d, parent.getPredicate())).append(" \u00b7 ").append(property(d, t.getPredicate()));
                    String others = blankSummary(d, s, t.getPredicate());
                    if (!others.isEmpty())
                        html.append(" (").append(others).append(")");
                    html.append(sourceMarks(d, t)).append("</li>\n");
                }
            } else {
                html.append("<li>").append(value(d, s, new HashSet<>())).append(" \u00b7 ").append(property(d, t.getPredicate()))
                        .append(sourceMarks(d, t)).append("</li>\n");
            }
        }
        html.append("</ul>\n</section>\n");
    }

    private void sources(StringBuilder html, Description d) {
        Map<String, Integer> counts = new TreeMap<>();
        d.graph().find().forEachRemaining(t -> d.sourcesOf(t).forEach(g -> counts.merge(g.getURI(), 1, Integer::sum)));
        html.append("<section id=\"sources\">\n<h2>Sources</h2>\n<p>Each statement above is marked with the named graphs that state it.</p>\n<ul>\n");
        counts.forEach((g, n) -> html.append("<li id=\"").append(escape(anchor(g))).append("\">")
                .append(sourceDescription(d, g)).append(" \u2014 <code>").append(escape(g)).append("</code>, ")
                .append(n).append(n == 1 ? " statement" : " statements").append("</li>\n"));
        html.append("</ul>\n</section>\n");
    }

    private void evidence(StringBuilder html, Description d) {
        List<Map.Entry<Triple, List<Annotation>>> annotated = new ArrayList<>(d.annotations().entrySet());
        if (annotated.isEmpty())
            return;
        annotated.sort(Comparator.comparing(e -> e.getKey().toString()));
        html.append("<section id=\"evidence\">\n<h2>Evidence</h2>\n<ul>\n");
        for (var e : annotated) {
            Triple t = e.getKey();
            for (Annotation a : e.getValue()) {
                html.append("<li><span class=\"statement\">").append(value(d, t.getSubject(), new HashSet<>())).append(" \u00b7 ")
                        .append(property(d, t.getPredicate())).append(" \u00b7 ").append(value(d, t.getObject(), new HashSet<>()))
                        .append("</span>");
                if (a.quote() != null)
                    html.append(" <q class=\"quote\">").append(escape(a.quote())).append("</q>");
                List<String> details = new ArrayList<>();
                if (a.derivedFrom() != null)
                    details.add("from " + value(d, a.derivedFrom(), new HashSet<>()));
                if (a.start() != null && a.end() != null)
                    details.add("characters " + a.start() + "\u2013" + a.end());
                if (a.confidence() != null)
                    details.add("confidence " + escape(a.confidence()));
                if (a.graph().isURI())
                    details.add("in " + sourceLink(a.graph().getURI()));
                if (!details.isEmpty())
                    html.append(" <span class=\"meta\">(").append(String.join(", ", details)).append(")</span>");
                html.append("</li>\n");
            }
        }
        html.append("</ul>\n</section>\n");
    }

    // --- pieces ---------------------------------------------------------------------------------

    /** rdf:type first, then rdfs:label, then by prefixed name. */
    private static Map<Node, List<Triple>> groupByProperty(List<Triple> triples) {
        Map<Node, List<Triple>> grouped = new TreeMap<>(Comparator
                .comparingInt((Node p) -> p.equals(RDF.Nodes.type) ? 0 : p.equals(RDFS.Nodes.label) ? 1 : 2)
                .thenComparing(ResourcePage::shortForm));
        for (Triple t : triples)
            grouped.computeIfAbsent(t.getPredicate(), p -> new ArrayList<>()).add(t);
        return grouped;
    }

    private String property(Description d, Node p) {
        String name = shortForm(p);
        String label = d.label(p).orElse(null);
        String text = label == null ? escape(name) : escape(label) + " <small>" + escape(name) + "</small>";
        return link(p.getURI(), text, "property");
    }

    /** A property inside a nested value: its label only, the prefixed name in the tooltip. */
    private String shortProperty(Description d, Node p) {
        return link(p.getURI(), escape(d.label(p).orElse(shortForm(p))), "property");
    }

    /** A value: a link for IRIs, the text with language or datatype for literals, a nested list for blank nodes. */
    private String value(Description d, Node o, Set<Node> seen) {
        if (o.isURI()) {
            String text = d.label(o).map(ResourcePage::escape).orElse(escape(shortForm(o)));
            return link(o.getURI(), text, null);
        }
        if (o.isLiteral())
            return literal(o);
        if (o.isBlank()) {
            if (!seen.add(o))
                return "<span class=\"bnode\">[\u2026]</span>";
            StringBuilder sb = new StringBuilder("<span class=\"bnode\">[ ");
            List<Triple> inner = d.of(o);
            for (int i = 0; i < inner.size(); i++) {
                Triple t = inner.get(i);
                sb.append(i == 0 ? "" : "; ").append(shortProperty(d, t.getPredicate())).append(" ").append(value(d, t.getObject(), seen));
            }
            return sb.append(" ]</span>").toString();
        }
        if (o.isTripleTerm()) {
            Triple t = o.getTriple();
            return "<span class=\"triple\">&lt;&lt;( " + value(d, t.getSubject(), seen) + " " + property(d, t.getPredicate()) + " "
                    + value(d, t.getObject(), seen) + " )&gt;&gt;</span>";
        }
        return escape(o.toString());
    }

    /** The other values of a blank node than the one that points here (its character, for an actor). */
    private String blankSummary(Description d, Node blank, Node except) {
        List<String> parts = new ArrayList<>();
        for (Triple t : d.of(blank)) {
            if (!t.getPredicate().equals(except) && !t.getPredicate().equals(RDF.Nodes.type))
                parts.add(shortProperty(d, t.getPredicate()) + " " + value(d, t.getObject(), new HashSet<>(Set.of(blank))));
        }
        return String.join("; ", parts);
    }

    private static String literal(Node o) {
        String lexical = o.getLiteralLexicalForm();
        StringBuilder sb = new StringBuilder();
        if (lexical.length() > LONG_LITERAL) {
            sb.append("<details class=\"long\"><summary>").append(escape(lexical.substring(0, 160))).append("\u2026 <small>(")
                    .append(lexical.length()).append(" characters)</small></summary><div class=\"text\">").append(escape(lexical))
                    .append("</div></details>");
        } else {
            sb.append("<span class=\"literal\">").append(escape(lexical)).append("</span>");
        }
        String lang = o.getLiteralLanguage();
        String datatype = o.getLiteralDatatypeURI();
        if (lang != null && !lang.isEmpty())
            sb.append("<span class=\"lang\">@").append(escape(lang)).append("</span>");
        else if (datatype != null && !datatype.equals(XSDDatatype.XSDstring.getURI()))
            sb.append("<span class=\"datatype\">^^").append(escape(shortForm(datatype))).append("</span>");
        return sb.toString();
    }

    /** Small marks after a value naming the graphs that state it, each linking to the sources list. */
    private static String sourceMarks(Description d, Triple t) {
        List<Node> graphs = d.sourcesOf(t);
        if (graphs.isEmpty())
            return "";
        StringBuilder sb = new StringBuilder(" <span class=\"sources\">");
        for (Node g : graphs)
            sb.append("<a class=\"source\" href=\"#").append(escape(anchor(g.getURI()))).append("\" title=\"")
                    .append(escape(g.getURI())).append("\">").append(escape(sourceName(g.getURI()))).append("</a>");
        if (!d.annotationsOf(t).isEmpty())
            sb.append("<a class=\"source\" href=\"#evidence\" title=\"quoted evidence\">\u201c\u201d</a>");
        return sb.append("</span>").toString();
    }

    /** "data/john-wick.ttl" or "review ballerina-2025-review": what a graph is, from its IRI (DESIGN.md section 3). */
    private static String sourceName(String graph) {
        if (graph.startsWith(DATA_GRAPHS))
            return "data/" + graph.substring(DATA_GRAPHS.length()) + ".ttl";
        if (graph.startsWith(REVIEW_GRAPHS))
            return "review " + graph.substring(REVIEW_GRAPHS.length());
        if (graph.startsWith(Iris.GRAPH_BASE))
            return graph.substring(Iris.GRAPH_BASE.length());
        return graph;
    }

    private String sourceDescription(Description d, String graph) {
        if (graph.startsWith(DATA_GRAPHS))
            return "Curated file <strong>" + escape(sourceName(graph)) + "</strong>";
        if (graph.startsWith(REVIEW_GRAPHS)) {
            String slug = graph.substring(REVIEW_GRAPHS.length());
            String review = Iris.ID_BASE + Kind.REVIEW.segment() + "/" + slug;
            Node node = org.apache.jena.graph.NodeFactory.createURI(review);
            return "Review " + link(review, escape(d.label(node).orElse(slug)), null);
        }
        return "Graph <strong>" + escape(sourceName(graph)) + "</strong>";
    }

    private static String sourceLink(String graph) {
        return "<a href=\"#" + escape(anchor(graph)) + "\">" + escape(sourceName(graph)) + "</a>";
    }

    private static String anchor(String graph) {
        return "source-" + sourceName(graph).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /**
     * A link to an IRI: under this server's base to its local page, other http(s) IRIs as external links,
     * anything else (a {@code javascript:} IRI in the data) as plain text, never as a link.
     */
    private String link(String iri, String escapedText, String cssClass) {
        String cls = cssClass == null ? "" : " class=\"" + cssClass + "\"";
        Optional<String> local = pathOf(iri);
        if (local.isPresent())
            return "<a" + cls + " href=\"" + escape(local.get()) + "\" title=\"" + escape(iri) + "\">" + escapedText + "</a>";
        String scheme = iri.contains(":") ? iri.substring(0, iri.indexOf(':')).toLowerCase(Locale.ROOT) : "";
        if (scheme.equals("http") || scheme.equals("https"))
            return "<a" + cls + " rel=\"external\" href=\"" + escape(iri) + "\" title=\"" + escape(iri) + "\">" + escapedText + "</a>";
        return "<span" + cls + " title=\"" + escape(iri) + "\">" + escapedText + "</span>";
    }

    private static String sortKey(Description d, Node o) {
        if (o.isURI())
            return "1" + d.label(o).orElse(o.getURI());
        if (o.isLiteral())
            return "0" + o.getLiteralLexicalForm();
        // A blank node (a performance) sorts by the labels of its values: by actor, then character.
        StringBuilder key = new StringBuilder("2");
        for (Triple t : d.of(o)) {
            if (!t.getPredicate().equals(RDF.Nodes.type))
                key.append(t.getObject().isURI() ? d.label(t.getObject()).orElse(t.getObject().getURI())
                        : t.getObject().isLiteral() ? t.getObject().getLiteralLexicalForm() : "").append('\u0000');
        }
        return key.toString();
    }

    private static String shortForm(Node n) {
        return n.isURI() ? shortForm(n.getURI()) : n.toString();
    }

    private static String shortForm(String iri) {
        String s = Prefixes.STANDARD.shortForm(iri);
        return s == null ? iri : s;
    }

    /** Escapes {@code & < > " '} (and replaces control characters XML forbids) with Jetty's escaper. */
    static String escape(String s) {
        return StringUtil.sanitizeXmlString(s);
    }

    private static Map<String, String[]> alternates() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("ttl", new String[] {"text/turtle", "Turtle"});
        m.put("nt", new String[] {"application/n-triples", "N-Triples"});
        m.put("jsonld", new String[] {"application/ld+json", "JSON-LD"});
        m.put("rdf", new String[] {"application/rdf+xml", "RDF/XML"});
        return java.util.Collections.unmodifiableMap(m);
    }

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:0 auto;max-width:64rem;padding:1rem 1.5rem;line-height:1.45;color:#1b1b1b}
            a{color:#0645ad}a[rel=external]::after{content:" \\2197";font-size:.8em}
            h1{margin:.2rem 0}.iri code{color:#555;font-size:.9em}.site{margin:0;font-size:.9em}
            table{border-collapse:collapse;width:100%}th,td{border-top:1px solid #ddd;padding:.4rem;vertical-align:top;text-align:left}
            th[scope=row]{width:14rem;font-weight:600}td ul,section ul{margin:0;padding-left:1.1rem}
            small,.lang,.datatype,.meta{color:#666;font-size:.85em}.lang,.datatype{margin-left:.25em}
            .sources{margin-left:.4em}.source{font-size:.75em;color:#444;background:#eef;border-radius:3px;padding:0 .3em;margin-right:.2em;text-decoration:none}
            .text{white-space:pre-wrap;max-height:24rem;overflow:auto}.quote{font-style:italic}
            """;
}
