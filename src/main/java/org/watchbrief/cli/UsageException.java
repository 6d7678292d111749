package org.watchbrief.cli;

/** A bad value or combination of options: exit code 2 with this message. */
class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
