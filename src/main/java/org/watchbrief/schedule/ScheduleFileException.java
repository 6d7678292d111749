package org.watchbrief.schedule;

import java.nio.file.Path;

/** A schedule file is wrong; the message names the file, the field and what is wrong with it. */
public class ScheduleFileException extends RuntimeException {

    public ScheduleFileException(Path file, String field, String problem) {
        super(file + ": " + field + ": " + problem);
    }

    public ScheduleFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }

    /** @param message a line that already names the file and the field */
    ScheduleFileException(String message) {
        super(message);
    }
}
