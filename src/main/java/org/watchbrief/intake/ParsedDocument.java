package org.watchbrief.intake;

import java.util.Objects;

/**
 * A document's metadata and its body: the text the analysis reads, without the layout's
 * furniture (navigation, "Answered by" blocks, advertisements).
 */
public record ParsedDocument(DocumentMetadata metadata, String body) {

    public ParsedDocument {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(body, "body");
    }
}
