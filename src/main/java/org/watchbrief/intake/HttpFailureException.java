package org.watchbrief.intake;

import java.net.URI;

/**
 * A request that failed for good: a status that is not worth retrying (400, 404, 422), or a
 * transient failure (429, 5xx, a timeout, a refused connection) that outlasted every attempt.
 */
public class HttpFailureException extends RuntimeException {

    private final URI uri;

    private final int status;

    /** @param status the last HTTP status, -1 when no answer came */
    public HttpFailureException(URI uri, int status, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
        this.status = status;
    }

    public URI uri() {
        return uri;
    }

    /** The last HTTP status, -1 when no answer came. */
    public int status() {
        return status;
    }

    /** Whether the server said the thing asked for is not there (404, 410). */
    public boolean notFound() {
        return status == 404 || status == 410;
    }
}
