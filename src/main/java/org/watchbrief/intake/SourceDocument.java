package org.watchbrief.intake;

import java.util.Objects;

/**
 * A document as it comes from a source, before its text is extracted.
 *
 * @param sourceKey how the source knows it: the file's path relative to the inbox, a question id
 * @param name a short name for people and the JSON contract's {@code file} field
 * @param contentHash the SHA-256 of the content, in hex: the same content is stored once
 * @param content the raw bytes
 */
public record SourceDocument(String sourceKey, String name, String contentHash, byte[] content) {

    public SourceDocument {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(content, "content");
    }
}
