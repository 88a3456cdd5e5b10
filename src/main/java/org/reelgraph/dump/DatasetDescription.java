package org.reelgraph.dump;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.DCAT;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.VOID;
import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.RG;

/**
 * The VoID and DCAT description of the dataset ({@code /dumps/void.ttl}), counted from the sorted
 * N-Triples dump in one pass: subjects arrive grouped, so counting them needs no memory.
 */
public final class DatasetDescription {
    private static final String RDF_TYPE = "<" + RDF.type.getURI() + ">";
    private static final Node LICENSE = uri("https://creativecommons.org/licenses/by/4.0/");

    private DatasetDescription() {}

    /** Counts of the union of facts. */
    record Counts(long triples, long entities, long distinctSubjects, Map<String, Long> classes, TreeSet<String> properties) {}

    static Counts count(DumpFiles.DumpFile nTriples) {
        long triples = 0, subjects = 0, entities = 0;
        Map<String, Long> classes = new TreeMap<>();
        TreeSet<String> properties = new TreeSet<>();
        String previous = null;
        try (BufferedReader in = Files.newBufferedReader(nTriples.path(), StandardCharsets.UTF_8)) {
            for (String line; (line = in.readLine()) != null; ) {
                int s = line.indexOf(' ');
                int p = line.indexOf(' ', s + 1);
                String subject = line.substring(0, s);
                String predicate = line.substring(s + 1, p);
                triples++;
                if (!subject.equals(previous)) {
                    subjects++;
                    if (subject.startsWith("<" + Iris.ID_BASE))
                        entities++;
                    previous = subject;
                }
                properties.add(predicate);
                if (predicate.equals(RDF_TYPE)) {
                    String object = line.substring(p + 1, line.length() - 2).strip();
                    if (object.startsWith("<"))
                        classes.merge(object, 1L, Long::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Counts(triples, entities, subjects, classes, properties);
    }

    /** The description, with absolute links under {@code baseUrl} (e.g. {@code http://127.0.0.1:3030}). */
    public static Graph describe(String baseUrl, List<DumpFiles.DumpFile> dumps) {
        DumpFiles.DumpFile nt = dumps.stream().filter(d -> d.format() == DumpFormat.NT && !d.gzip()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("the description is counted from the N-Triples dump"));
        Counts counts = count(nt);
        Graph g = GraphFactory.createDefaultGraph();
        Node dataset = uri(baseUrl + "/dumps/void.ttl#reelgraph");
        g.add(dataset, RDF.type.asNode(), VOID.Dataset.asNode());
        g.add(dataset, RDF.type.asNode(), DCAT.Dataset.asNode());
        g.add(dataset, DCTerms.title.asNode(), NodeFactory.createLiteralLang("reelgraph: a film-franchise knowledge graph", "en"));
        g.add(dataset, DCTerms.description.asNode(), NodeFactory.createLiteralLang(
                "Films, people, characters, reviews and the in-story order of film franchises, from curated data and review texts,"
                        + " each source in its own named graph with PROV provenance.", "en"));
        g.add(dataset, DCTerms.license.asNode(), LICENSE);
        g.add(dataset, DCTerms.modified.asNode(), NodeFactory.createLiteralDT(nt.version().lastModified().toString(), XSDDatatype.XSDdateTime));
        g.add(dataset, VOID.sparqlEndpoint.asNode(), uri(baseUrl + "/reelgraph/sparql"));
        g.add(dataset, VOID.uriSpace.asNode(), NodeFactory.createLiteralString(Iris.ID_BASE));
        g.add(dataset, VOID.vocabulary.asNode(), uri(RG.NS));
        g.add(dataset, VOID.triples.asNode(), integer(counts.triples()));
        g.add(dataset, VOID.entities.asNode(), integer(counts.entities()));
        g.add(dataset, VOID.distinctSubjects.asNode(), integer(counts.distinctSubjects()));
        g.add(dataset, VOID.classes.asNode(), integer(counts.classes().size()));
        g.add(dataset, VOID.properties.asNode(), integer(counts.properties().size()));
        counts.classes().forEach((cls, n) -> {
            Node partition = uri(baseUrl + "/dumps/void.ttl#class-" + Integer.toHexString(cls.hashCode()));
            g.add(dataset, VOID.classPartition.asNode(), partition);
            g.add(partition, VOID._class.asNode(), uri(cls.substring(1, cls.length() - 1)));
            g.add(partition, VOID.entities.asNode(), integer(n));
        });
        for (DumpFiles.DumpFile dump : dumps) {
            Node url = uri(baseUrl + "/dumps/" + dump.name());
            g.add(dataset, VOID.dataDump.asNode(), url);
            g.add(dataset, DCAT.distribution.asNode(), url);
            g.add(url, RDF.type.asNode(), DCAT.Distribution.asNode());
            g.add(url, DCAT.downloadURL.asNode(), url);
            g.add(url, DCAT.mediaType.asNode(), uri("https://www.iana.org/assignments/media-types/" + dump.format().mediaType()));
            if (dump.gzip())
                g.add(url, DCAT.compressFormat.asNode(), uri("https://www.iana.org/assignments/media-types/application/gzip"));
            g.add(url, DCAT.byteSize.asNode(), integer(dump.bytes()));
        }
        return g;
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    private static Node integer(long n) {
        return NodeFactory.createLiteralDT(Long.toString(n), XSDDatatype.XSDinteger);
    }
}
