package org.watchbrief.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary sibling and a move, so readers never see half a file. */
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
