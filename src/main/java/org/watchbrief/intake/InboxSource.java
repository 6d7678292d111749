package org.watchbrief.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inbox folder: every regular .txt, .md and .html file directly in it, in name order. A file
 * is known by its path relative to the inbox.
 */
public final class InboxSource {

    private final Path inbox;

    private final long maxFileBytes;

    public InboxSource(Path inbox, long maxFileBytes) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.maxFileBytes = maxFileBytes;
    }

    public Path directory() {
        return inbox;
    }

    /**
     * The files to read, in name order.
     *
     * @throws SourceUnavailableException when the inbox is missing or unreadable
     */
    public List<Path> list() {
        if (!Files.isDirectory(inbox)) {
            throw new SourceUnavailableException("the inbox " + inbox
                    + " is not a directory; create it or set watchbrief.inbox to the folder documents arrive in");
        }
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(p -> TextExtractor.supports(p.getFileName().toString()))
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new SourceUnavailableException("cannot list the inbox " + inbox + ": " + ex.getMessage(), ex);
        }
    }

    public String sourceKey(Path file) {
        return inbox.relativize(file.toAbsolutePath().normalize()).toString();
    }

    /**
     * Reads one file.
     *
     * @throws UnreadableDocumentException when it is too large or cannot be read
     */
    public SourceDocument read(Path file) {
        String key = sourceKey(file);
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new UnreadableDocumentException(key, "the file is " + size + " bytes, above the limit of "
                        + maxFileBytes + " (watchbrief.intake.max-file-size)");
            }
            byte[] content = Files.readAllBytes(file);
            return new SourceDocument(key, file.getFileName().toString(), Hashes.sha256(content), content);
        }
        catch (IOException ex) {
            throw new UnreadableDocumentException(key, "cannot read the file: " + ex.getMessage(),
                    new UncheckedIOException(ex));
        }
    }
}
