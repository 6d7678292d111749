package org.watchbrief.support;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;

/**
 * The shared documents beside the project (../shared): in CI, not in a user's clone. Tests that
 * read them skip, saying why, when they are absent.
 */
public final class SharedCorpus {

    private static final Path ROOT = Path.of("..", "shared").toAbsolutePath().normalize();

    private SharedCorpus() {
    }

    public static Path seeds() {
        return require(ROOT.resolve("seeds"));
    }

    public static Path dev() {
        return require(ROOT.resolve("corpus").resolve("dev"));
    }

    /** Real payloads of the public APIs Watchbrief reads. */
    public static Path fixtures() {
        return require(ROOT.resolve("fixtures"));
    }

    private static Path require(Path directory) {
        Assumptions.assumeTrue(Files.isDirectory(directory),
                () -> directory + " is absent: this test reads the shared corpus, which sits beside the project in "
                        + "CI but not in a user's clone; skipped");
        return directory;
    }
}
