package org.watchbrief.store;

import java.util.Objects;

/**
 * A version of a document as its source knows it: the source key and the revision (the content
 * hash of a file, the answered and corrected dates of a question).
 */
public record SourceRevision(String sourceKey, String revision) {

    public SourceRevision {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(revision, "revision");
    }
}
