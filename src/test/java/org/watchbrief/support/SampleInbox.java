package org.watchbrief.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The project's own sample documents (inbox/), copied where a test can change them. */
public final class SampleInbox {

    /** The window the sample documents fall in. */
    public static final java.time.LocalDate FIRST_DAY = java.time.LocalDate.of(2026, 9, 1);

    public static final java.time.LocalDate LAST_DAY = java.time.LocalDate.of(2026, 11, 20);

    private SampleInbox() {
    }

    public static Path source() {
        return Path.of("inbox").toAbsolutePath();
    }

    /** Copies every sample document into the directory; returns it. */
    public static Path copyTo(Path directory) throws IOException {
        Files.createDirectories(directory);
        try (Stream<Path> files = Files.list(source())) {
            for (Path file : files.toList()) {
                Files.copy(file, directory.resolve(file.getFileName()));
            }
        }
        return directory;
    }
}
