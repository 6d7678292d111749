package org.watchbrief.intake;

import java.nio.file.Path;

/**
 * A document that cannot be read: empty, binary, corrupt, encrypted, too large, not found at its
 * source. Skippable: the document goes to quarantine with this message as its reason, and the run
 * goes on.
 */
public class UnreadableDocumentException extends RuntimeException {

    private final String sourceKey;

    private final String reason;

    private final transient Path origin;

    private final String revision;

    private final String contentHash;

    public UnreadableDocumentException(String sourceKey, String reason) {
        this(sourceKey, reason, null);
    }

    public UnreadableDocumentException(String sourceKey, String reason, Throwable cause) {
        this(sourceKey, reason, cause, null, null, null);
    }

    /**
     * @param origin the file it came from, {@code null} for web sources
     * @param revision its revision at the source, {@code null} when unknown
     * @param contentHash the hash of its content, {@code null} when it could not be read
     */
    public UnreadableDocumentException(String sourceKey, String reason, Throwable cause, Path origin, String revision,
            String contentHash) {
        super(sourceKey + ": " + reason, cause);
        this.sourceKey = sourceKey;
        this.reason = reason;
        this.origin = origin;
        this.revision = revision;
        this.contentHash = contentHash;
    }

    /** The same failure, for a document whose file, revision and hash are known. */
    static UnreadableDocumentException of(SourceDocument document, String reason, Throwable cause) {
        return new UnreadableDocumentException(document.sourceKey(), reason, cause, document.origin(),
                document.revision(), document.contentHash());
    }

    public String sourceKey() {
        return sourceKey;
    }

    /** The reason without the source key, as quarantine records it. */
    public String reason() {
        return reason;
    }

    /** The file the document came from, {@code null} for web sources. */
    public Path origin() {
        return origin;
    }

    public String revision() {
        return revision;
    }

    public String contentHash() {
        return contentHash;
    }
}
