package org.watchbrief.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file through a temporary sibling and a move, so readers never see half a file. A
 * process killed mid-write leaves its temporary behind ({@code .briefing.pdf1234.tmp}); the next
 * write of the same file sweeps such leftovers away. The caller makes sure no other process writes
 * the same file at the same time (a briefing's files are written under its window's lock).
 */
public final class AtomicFiles {

    /** The body of a write into a stream. */
    @FunctionalInterface
    public interface Writer {

        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    public static Path write(Path target, Writer writer) {
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            sweepLeftovers(target);
            temporary = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writer.write(out);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (AtomicMoveNotSupportedException ex) {
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return target;
        }
        catch (IOException | RuntimeException ex) {
            deleteQuietly(temporary);
            // file-system exceptions carry only a path as their message: their type says what went wrong
            throw new RenderException("cannot write " + target + ": " + ex.getClass().getSimpleName() + ": "
                    + ex.getMessage(), ex);
        }
    }

    /** Deletes the temporaries an earlier write of the target left when its process was killed. */
    private static void sweepLeftovers(Path target) throws IOException {
        String prefix = "." + target.getFileName();
        try (DirectoryStream<Path> siblings = Files.newDirectoryStream(target.getParent(), sibling -> {
            String name = sibling.getFileName().toString();
            return name.startsWith(prefix) && name.endsWith(".tmp")
                    && name.substring(prefix.length(), name.length() - 4).chars().allMatch(Character::isDigit);
        })) {
            for (Path leftover : siblings) {
                Files.deleteIfExists(leftover);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            }
            catch (IOException ignored) {
                // the write already failed; that error is the one to report
            }
        }
    }
}
