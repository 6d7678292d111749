package org.watchbrief.intake;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A document as it comes from a source, before its text is extracted.
 *
 * @param sourceKey how the source knows it: the file's path relative to the inbox, a question id
 *     ({@code parliament/written-question/1679416}), a GOV.UK path ({@code gov.uk/government/news/...})
 * @param name a short name for people and the JSON contract's {@code file} field; its extension
 *     says how to read the content ({@code .html} for what the web sources give)
 * @param contentHash the SHA-256 of the content as received, in hex: the same content is stored once
 * @param content the raw bytes to extract text from
 * @param revision what distinguishes this version of the document from another under the same
 *     source key: the content hash for files, the answered/corrected dates for a question;
 *     {@code null} when the source has no notion of it
 * @param origin the file it was read from, {@code null} for web sources; a file that cannot be read
 *     is moved from here into quarantine
 * @param metadata the metadata the source gives with the document (web sources), {@code null} when
 *     it must be read from the text's layout
 */
public record SourceDocument(String sourceKey, String name, String contentHash, byte[] content, String revision,
        Path origin, DocumentMetadata metadata) {

    public SourceDocument {
        Objects.requireNonNull(sourceKey, "sourceKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(contentHash, "contentHash");
        Objects.requireNonNull(content, "content");
    }

    /** A document whose metadata is read from its text, with no file behind it. */
    public SourceDocument(String sourceKey, String name, String contentHash, byte[] content) {
        this(sourceKey, name, contentHash, content, contentHash, null, null);
    }
}
