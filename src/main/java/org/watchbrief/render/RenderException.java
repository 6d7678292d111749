package org.watchbrief.render;

/** A digest file could not be written; the message names the file, or the setting to fix. */
public class RenderException extends RuntimeException {

    public RenderException(String message) {
        super(message);
    }

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
