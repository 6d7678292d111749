package org.watchbrief.render;

/** A digest file could not be written; the message names the file. */
public class RenderException extends RuntimeException {

    public RenderException(String message, Throwable cause) {
        super(message, cause);
    }
}
