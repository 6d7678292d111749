package org.watchbrief.intake;

/**
 * A document that cannot be read: empty, binary, corrupt, too large. Skippable: the document goes
 * to quarantine with this message as its reason, and the run goes on.
 */
public class UnreadableDocumentException extends RuntimeException {

    private final String sourceKey;

    public UnreadableDocumentException(String sourceKey, String reason) {
        this(sourceKey, reason, null);
    }

    public UnreadableDocumentException(String sourceKey, String reason, Throwable cause) {
        super(sourceKey + ": " + reason, cause);
        this.sourceKey = sourceKey;
    }

    public String sourceKey() {
        return sourceKey;
    }

    /** The reason without the source key, as quarantine records it. */
    public String reason() {
        return getMessage().substring(sourceKey.length() + 2);
    }
}
