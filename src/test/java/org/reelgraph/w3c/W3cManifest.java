package org.reelgraph.w3c;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFList;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;

/**
 * The W3C SPARQL 1.1 Protocol and Graph Store Protocol manifests (w3c/rdf-tests, copied under
 * {@code src/test/resources/w3c/}), read with Jena into plain records: each test with its data
 * graphs and its {@code ht:Request}s in order, each request with the expected {@code ht:Response}.
 */
final class W3cManifest {
    static final String MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
    static final String HT = "http://www.w3.org/2011/http#";
    static final String HTS = "http://www.w3.org/2011/http-statusCodes#";
    static final String CNT = "http://www.w3.org/2011/content#";
    static final String UT = "http://www.w3.org/2009/sparql/tests/test-update#";
    static final String DAWGT = "http://www.w3.org/2001/sw/DataAccess/tests/test-dawg#";

    private static final Property ENTRIES = p(MF, "entries"), INCLUDE = p(MF, "include"), NAME = p(MF, "name"),
            REQUIRES = p(MF, "requires"), ACTION = p(MF, "action"), EXPECTED_STATUS = p(MF, "expectedStatus"),
            EXPECTED_BOOLEAN = p(MF, "expectedBoolean"), EXPECTED_FORMAT = p(MF, "expectedFormat"),
            EXPECTED_LOCATION = p(MF, "expectedLocation"), REQUESTS = p(HT, "requests"), METHOD = p(HT, "methodName"),
            ABSOLUTE_PATH = p(HT, "absolutePath"), HEADERS = p(HT, "headers"), FIELD_NAME = p(HT, "fieldName"),
            FIELD_VALUE = p(HT, "fieldValue"), BODY = p(HT, "body"), RESP = p(HT, "resp"), CHARS = p(CNT, "chars"),
            ENCODING = p(CNT, "characterEncoding"), GRAPH_DATA = p(UT, "graphData"), GRAPH = p(UT, "graph"),
            APPROVAL = p(DAWGT, "approval");
    private static final Resource MANIFEST = ResourceFactory.createResource(MF + "Manifest");
    private static final Resource DEPRECATED = ResourceFactory.createResource(DAWGT + "Deprecated");

    /** A graph the test needs in the store before its first request: {@code file} loaded as graph {@code iri}. */
    record GraphData(String iri, Path file) {}

    /** One HTTP header, name as written in the manifest. */
    record Header(String name, String value) {}

    /**
     * The expected {@code ht:Response}. {@code statuses} holds exact codes (201) and classes written as
     * 200/300/400 in {@code classes}; a response passes the status check when either matches.
     */
    record Expected(Set<Integer> statuses, Set<Integer> classes, Boolean bool, String format, String locationVariable,
                    List<Header> headers, String body) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }
    }

    /** One {@code ht:Request}; {@code body} is null when the request has none. */
    record Request(String method, String absolutePath, List<Header> headers, String body, String bodyEncoding, Expected expected) {
        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(Header::value).findFirst();
        }
    }

    /**
     * One manifest entry. {@code id} is the local name of the test IRI (e.g. {@code query_post_form});
     * {@code listed} is false for a test defined in the file but missing from its {@code mf:entries}.
     */
    record Test(String suite, String manifestFile, String id, String name, Set<String> requires, List<GraphData> data,
                List<Request> requests, boolean deprecated, boolean listed) {
        String displayName() {
            return name + " [" + id + "]" + (listed ? "" : " (defined in " + manifestFile + " but not in its mf:entries)");
        }
    }

    private W3cManifest() {}

    /**
     * The tests of {@code resource} (a classpath path such as {@code w3c/protocol/manifest.ttl}) in
     * {@code mf:entries} order, following {@code mf:include}. With {@code unlisted}, tests typed in a
     * manifest file but left out of its entries list are appended after that file's entries.
     */
    static List<Test> read(String suite, String resource, boolean unlisted) {
        List<Test> tests = new ArrayList<>();
        readInto(suite, fileUrl(resource), unlisted, tests);
        return tests;
    }

    private static void readInto(String suite, String url, boolean unlisted, List<Test> tests) {
        Model model = RDFParser.source(url).lang(Lang.TURTLE).toModel();
        Resource manifest = model.listSubjectsWithProperty(RDF.type, MANIFEST).nextOptional()
                .orElseThrow(() -> new IllegalStateException("no mf:Manifest in " + url));
        String file = url.substring(url.lastIndexOf('/', url.lastIndexOf('/') - 1) + 1);
        if (manifest.hasProperty(INCLUDE))
            for (RDFNode included : manifest.getPropertyResourceValue(INCLUDE).as(RDFList.class).asJavaList())
                readInto(suite, included.asResource().getURI(), unlisted, tests);
        Set<Resource> listed = new LinkedHashSet<>();
        if (manifest.hasProperty(ENTRIES))
            for (RDFNode entry : manifest.getPropertyResourceValue(ENTRIES).as(RDFList.class).asJavaList())
                listed.add(entry.asResource());
        for (Resource entry : listed)
            tests.add(test(suite, file, entry, true));
        if (unlisted) {
            List<Resource> extra = model.listSubjectsWithProperty(NAME).toList().stream()
                    .filter(r -> r.isURIResource() && !listed.contains(r)).toList();
            for (Resource entry : extra)
                tests.add(test(suite, file, entry, false));
        }
    }

    private static Test test(String suite, String file, Resource entry, boolean listed) {
        String id = localName(entry.getURI());
        String name = string(entry, NAME).orElse(id);
        Set<String> requires = new LinkedHashSet<>();
        entry.listProperties(REQUIRES).forEach(s -> requires.add(localName(s.getResource().getURI())));
        List<GraphData> data = new ArrayList<>();
        entry.listProperties(GRAPH_DATA).forEach(s -> {
            Resource gd = s.getResource();
            data.add(new GraphData(string(gd, RDFS.label).orElseThrow(), filePath(gd.getPropertyResourceValue(GRAPH).getURI())));
        });
        boolean deprecated = entry.hasProperty(APPROVAL, DEPRECATED);
        List<Request> requests = new ArrayList<>();
        Resource action = entry.getPropertyResourceValue(ACTION);
        if (action != null && action.hasProperty(REQUESTS))
            for (RDFNode r : action.getPropertyResourceValue(REQUESTS).as(RDFList.class).asJavaList())
                requests.add(request(r.asResource()));
        return new Test(suite, file, id, name, requires, data, requests, deprecated, listed);
    }

    private static Request request(Resource r) {
        Resource body = r.getPropertyResourceValue(BODY);
        return new Request(string(r, METHOD).orElseThrow(), string(r, ABSOLUTE_PATH).orElseThrow(), headers(r),
                body == null ? null : string(body, CHARS).orElse(""),
                body == null ? "UTF-8" : string(body, ENCODING).orElse("UTF-8"),
                expected(r.getPropertyResourceValue(RESP)));
    }

    private static Expected expected(Resource resp) {
        Set<Integer> statuses = new LinkedHashSet<>();
        Set<Integer> classes = new LinkedHashSet<>();
        for (Statement s : resp.listProperties(EXPECTED_STATUS).toList()) {
            String code = localName(s.getResource().getURI());
            if (code.matches("StatusCode[1-5]xx"))
                classes.add((code.charAt(10) - '0') * 100);
            else
                statuses.add(statusCode(code));
        }
        Boolean bool = resp.hasProperty(EXPECTED_BOOLEAN) ? resp.getProperty(EXPECTED_BOOLEAN).getBoolean() : null;
        Resource body = resp.getPropertyResourceValue(BODY);
        return new Expected(statuses, classes, bool, string(resp, EXPECTED_FORMAT).orElse(null),
                string(resp, EXPECTED_LOCATION).orElse(null), headers(resp),
                body == null ? null : string(body, CHARS).orElse(""));
    }

    /** The {@code hts:} terms the manifests use, by their reason phrase. */
    private static final Map<String, Integer> CODES = Map.of("OK", 200, "Created", 201, "NoContent", 204,
            "BadRequest", 400, "NotFound", 404, "MethodNotAllowed", 405, "UnsupportedMediaType", 415);

    private static int statusCode(String term) {
        Integer code = CODES.get(term);
        if (code == null)
            throw new IllegalStateException("status term hts:" + term + " unknown to the runner; add it to CODES");
        return code;
    }

    private static List<Header> headers(Resource r) {
        List<Header> headers = new ArrayList<>();
        Resource list = r.getPropertyResourceValue(HEADERS);
        if (list != null)
            for (RDFNode h : list.as(RDFList.class).asJavaList())
                headers.add(new Header(string(h.asResource(), FIELD_NAME).orElseThrow(), string(h.asResource(), FIELD_VALUE).orElseThrow()));
        return headers;
    }

    private static Optional<String> string(Resource r, Property p) {
        Statement s = r.getProperty(p);
        return s == null ? Optional.empty() : Optional.of(s.getString());
    }

    private static String localName(String iri) {
        int i = Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/'));
        return iri.substring(i + 1);
    }

    private static Property p(String ns, String local) {
        return ResourceFactory.createProperty(ns, local);
    }

    private static String fileUrl(String resource) {
        URL url = W3cManifest.class.getClassLoader().getResource(resource);
        if (url == null)
            throw new IllegalStateException("missing test resource " + resource);
        return url.toString();
    }

    private static Path filePath(String url) {
        try {
            return Path.of(new java.net.URI(url));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(url, e);
        }
    }
}
