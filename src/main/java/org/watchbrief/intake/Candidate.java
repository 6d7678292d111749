package org.watchbrief.intake;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A document a source lists, before it is fetched: enough to tell whether the store has seen it.
 *
 * @param sourceKey how the source knows it
 * @param revision what distinguishes this version of it (a file's content hash, a question's
 *     answered and corrected dates)
 * @param contentHash the hash of its content when known before fetching (files), else {@code null}
 * @param origin the file it is read from, {@code null} for web sources
 * @param fetch reads or downloads it
 */
public record Candidate(String sourceKey, String revision, String contentHash, Path origin, Fetch fetch) {

    public Candidate {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(revision, "revision");
        Objects.requireNonNull(fetch, "fetch");
    }

    /** Reads or downloads a candidate. */
    @FunctionalInterface
    public interface Fetch {

        /**
         * @throws UnreadableDocumentException when this document cannot be had (skippable)
         * @throws SourceUnavailableException when the source itself fails (not skippable)
         */
        SourceDocument fetch();
    }
}
