package org.watchbrief.render;

import java.nio.file.Path;

import org.watchbrief.digest.Digest;

/** Writes a digest in one format. Implementations are thread-safe. */
public interface DigestRenderer {

    /** The format's name and file extension: {@code docx}, {@code pdf}. */
    String format();

    /**
     * Writes {@code briefing.<format>} into the directory, replacing an earlier one atomically.
     *
     * @return the file written
     * @throws RenderException when the file cannot be written
     */
    Path render(Digest digest, Path directory);
}
