package org.reelgraph.trust;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.codec.digest.DigestUtils;
import org.apache.jena.riot.out.NodeFmtLib;
import org.apache.jena.sparql.core.Quad;
import org.reelgraph.store.Store;

/** SHA-256 of the sorted N-Quads of the whole store: equal before and after means nothing changed. */
final class DatasetHash {
    private DatasetHash() {}

    static String of(Store store) {
        return store.read(() -> {
            List<String> lines = new ArrayList<>();
            store.dataset().find().forEachRemaining((Quad q) -> lines.add(NodeFmtLib.str(q)));
            lines.sort(null);
            return lines.size() + ":" + DigestUtils.sha256Hex(String.join("\n", lines));
        });
    }
}
