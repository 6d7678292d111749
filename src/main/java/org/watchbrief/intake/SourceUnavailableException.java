package org.watchbrief.intake;

/** A source itself failed (the inbox is missing, an API is down): not skippable, the step fails. */
public class SourceUnavailableException extends RuntimeException {

    public SourceUnavailableException(String message) {
        super(message);
    }

    public SourceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
