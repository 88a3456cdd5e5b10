package org.reelgraph.importer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.IntFunction;

import org.reelgraph.vocab.Iris;
import org.reelgraph.vocab.Kind;

/**
 * The kept records of one kind, as a compact map from numeric id ({@code tt0133093} → 133093) to
 * resource IRI: parallel primitive arrays and one byte arena of ASCII slugs, about 30 bytes a
 * record, so millions of titles and persons fit in a small heap. After {@link #resolve} each id has
 * its IRI: the existing resource that carries the same external id, else the slug IRI of DESIGN.md
 * section 2, with the id as suffix when two records (or a record and another source's resource)
 * want the same slug. The suffix depends only on the records, never on their order.
 */
final class IdTable {
    private final Kind kind;
    /** The external id of a numeric id, e.g. {@code n -> "tt" + n}. */
    private final IntFunction<String> externalId;
    /** The IRI of an external id, e.g. an IMDb title page. */
    private final java.util.function.Function<String, String> externalIri;

    private int size;
    private int[] ids = new int[1024];
    /** Release year for films and series (the slug ends with it), 0 for persons. */
    private int[] years = new int[1024];
    /** Per record a short class code the caller chooses (film, short film, series). */
    private byte[] classes = new byte[1024];
    private int[] slugStart = new int[1025];
    private byte[] arena = new byte[1 << 16];
    private int arenaUsed;

    private boolean resolved;
    /** Whether the arrays are in id order (look-ups need it; files need not be sorted). */
    private boolean sorted = true;
    /** Records with a colliding slug get {@code slug-id}. */
    private java.util.BitSet suffixed;
    /** Records joined onto an existing resource: the few whose IRI is not computed. */
    private final Map<Integer, String> joined = new HashMap<>();

    IdTable(Kind kind, IntFunction<String> externalId, java.util.function.Function<String, String> externalIri) {
        this.kind = kind;
        this.externalId = externalId;
        this.externalIri = externalIri;
    }

    int size() {
        return size;
    }

    void add(int id, String slug, int year, byte classCode) {
        if (resolved)
            throw new IllegalStateException("resolved already");
        if (size == ids.length) {
            int grown = size * 2;
            ids = Arrays.copyOf(ids, grown);
            years = Arrays.copyOf(years, grown);
            classes = Arrays.copyOf(classes, grown);
            slugStart = Arrays.copyOf(slugStart, grown + 1);
        }
        byte[] bytes = slug.getBytes(StandardCharsets.US_ASCII);
        if (arenaUsed + bytes.length > arena.length)
            arena = Arrays.copyOf(arena, Math.max(arena.length * 2, arenaUsed + bytes.length));
        System.arraycopy(bytes, 0, arena, arenaUsed, bytes.length);
        if (size > 0 && id <= ids[size - 1])
            sorted = false;
        ids[size] = id;
        years[size] = year;
        classes[size] = classCode;
        slugStart[size] = arenaUsed;
        arenaUsed += bytes.length;
        slugStart[size + 1] = arenaUsed;
        size++;
    }

    /** Sorts by id (a duplicate id keeps its first record), then gives every record its IRI. */
    void resolve(KnownResources known) {
        sortById();
        long[] hashes = new long[size];
        for (int i = 0; i < size; i++)
            hashes[i] = slugHash(i);
        long[] sorted = hashes.clone();
        Arrays.sort(sorted);
        suffixed = new java.util.BitSet(size);
        for (int i = 0; i < size; i++) {
            String external = externalIri.apply(externalId.apply(ids[i]));
            var existing = known.byExternalIri(external);
            if (existing.isPresent()) {
                joined.put(i, existing.get());
                continue;
            }
            int at = Arrays.binarySearch(sorted, hashes[i]);
            boolean duplicate = (at > 0 && sorted[at - 1] == hashes[i]) || (at + 1 < size && sorted[at + 1] == hashes[i]);
            if (duplicate) {
                suffixed.set(i);
                continue;
            }
            if (known.holder(iri(i), external) == KnownResources.Holder.OTHER)
                suffixed.set(i);
        }
        resolved = true;
    }

    /** The record index of an id, or -1. */
    int indexOf(int id) {
        if (!sorted)
            sortById();
        int at = Arrays.binarySearch(ids, 0, size, id);
        return at >= 0 ? at : -1;
    }

    boolean isJoined(int index) {
        return joined.containsKey(index);
    }

    byte classCode(int index) {
        return classes[index];
    }

    int year(int index) {
        return years[index];
    }

    String externalId(int index) {
        return externalId.apply(ids[index]);
    }

    /** The record's resource IRI (after {@link #resolve}: joined or suffixed as decided there). */
    String iri(int index) {
        String existing = joined.get(index);
        if (existing != null)
            return existing;
        String slug = new String(arena, slugStart[index], slugStart[index + 1] - slugStart[index], StandardCharsets.US_ASCII);
        if (suffixed != null && suffixed.get(index))
            slug = slug + "-" + externalId.apply(ids[index]);
        if (years[index] != 0)
            slug = slug + "-" + years[index];
        return Iris.ID_BASE + kindOf(index).segment() + "/" + slug;
    }

    private Kind kindOf(int index) {
        return kind == Kind.FILM && classes[index] == ImdbTitleType.SERIES ? Kind.SERIES : kind;
    }

    /** FNV-1a over kind, slug and year: equal for equal IRIs; an accidental 64-bit clash only adds a suffix. */
    private long slugHash(int index) {
        long h = 0xcbf29ce484222325L;
        h = (h ^ kindOf(index).ordinal()) * 0x100000001b3L;
        for (int i = slugStart[index]; i < slugStart[index + 1]; i++)
            h = (h ^ arena[i]) * 0x100000001b3L;
        return (h ^ years[index]) * 0x100000001b3L;
    }

    private void sortById() {
        if (sorted)
            return;
        long[] keys = new long[size];
        for (int i = 0; i < size; i++)
            keys[i] = ((long) ids[i] << 32) | i;
        Arrays.sort(keys);
        int[] newIds = new int[size];
        int[] newYears = new int[size];
        byte[] newClasses = new byte[size];
        int[] newStart = new int[size + 1];
        byte[] newArena = new byte[arenaUsed];
        int kept = 0;
        int used = 0;
        for (int k = 0; k < size; k++) {
            int i = (int) keys[k];
            if (kept > 0 && newIds[kept - 1] == ids[i])
                continue;
            newIds[kept] = ids[i];
            newYears[kept] = years[i];
            newClasses[kept] = classes[i];
            int length = slugStart[i + 1] - slugStart[i];
            System.arraycopy(arena, slugStart[i], newArena, used, length);
            newStart[kept] = used;
            used += length;
            newStart[kept + 1] = used;
            kept++;
        }
        ids = newIds;
        years = newYears;
        classes = newClasses;
        slugStart = newStart;
        arena = newArena;
        arenaUsed = used;
        size = kept;
        sorted = true;
    }
}
