package org.watchbrief.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inbox folder, or the files and folders given to {@code watchbrief ingest}: every regular,
 * visible file directly in a folder, in name order. A file inside the inbox is known by its path
 * relative to the inbox, any other by its absolute path. Files of a type Watchbrief does not read
 * are listed too, so that they are quarantined with a reason instead of lying there unseen.
 */
public final class InboxSource implements DocumentSource {

    private static final int PAGE = 100;

    private final Path inbox;

    private final List<Path> paths;

    private final long maxFileBytes;

    /** The inbox folder. */
    public InboxSource(Path inbox, long maxFileBytes) {
        this(inbox, null, maxFileBytes);
    }

    private InboxSource(Path inbox, List<Path> paths, long maxFileBytes) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.paths = paths == null ? null : paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.maxFileBytes = maxFileBytes;
    }

    /** Files and folders of one's choosing instead of the inbox; keys stay relative to the inbox where they can. */
    public InboxSource withPaths(List<Path> chosen) {
        return new InboxSource(inbox, List.copyOf(chosen), maxFileBytes);
    }

    @Override
    public String name() {
        return "inbox";
    }

    public Path directory() {
        return inbox;
    }

    /**
     * The files to analyse, in name order: those of a type Watchbrief reads.
     *
     * @throws SourceUnavailableException when the inbox is missing or unreadable
     */
    public List<Path> list() {
        return files(inbox).stream().filter(p -> TextExtractor.supports(p.getFileName().toString())).toList();
    }

    /** Every visible regular file of the inbox (or of the chosen paths), in name order. */
    List<Path> listAll() {
        if (paths == null) {
            return files(inbox);
        }
        List<Path> all = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                all.addAll(files(path));
            }
            else if (Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                all.add(path);
            }
            else {
                throw new SourceUnavailableException(path + " is neither a file nor a folder");
            }
        }
        return all;
    }

    private static List<Path> files(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new SourceUnavailableException("the inbox " + directory
                    + " is not a directory; create it or set watchbrief.inbox to the folder documents arrive in");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new SourceUnavailableException("cannot list " + directory + ": " + ex.getMessage(), ex);
        }
    }

    public String sourceKey(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(inbox) ? inbox.relativize(absolute).toString() : absolute.toString();
    }

    @Override
    public Harvest harvest(String watermark, LocalDate today) {
        Iterator<Path> files = listAll().iterator();
        return new Harvest() {
            @Override
            public List<Candidate> nextPage() {
                List<Candidate> page = new ArrayList<>();
                while (files.hasNext() && page.size() < PAGE) {
                    page.add(candidate(files.next()));
                }
                return page;
            }

            @Override
            public String watermark() {
                return null;
            }
        };
    }

    /**
     * A file as a candidate: known by its content hash, computed as it streams by. A file too large
     * or of a type not read is not hashed; fetching it fails with the reason, so it is quarantined.
     */
    Candidate candidate(Path file) {
        String key = sourceKey(file);
        String name = file.getFileName().toString();
        try {
            long size = Files.size(file);
            if (size > maxFileBytes) {
                return failing(key, file, "size:" + size, "the file is " + size + " bytes, above the limit of "
                        + maxFileBytes + " (watchbrief.intake.max-file-size)");
            }
            if (!TextExtractor.supports(name)) {
                return failing(key, file, "size:" + size, "unsupported file type; Watchbrief reads " + TextExtractor.READS);
            }
            String hash = hash(file);
            return new Candidate(key, hash, hash, file, () -> read(file));
        }
        catch (IOException ex) {
            return failing(key, file, "unreadable", "cannot read the file: " + ex.getMessage());
        }
    }

    private static Candidate failing(String key, Path file, String revision, String reason) {
        return new Candidate(key, revision, null, file, () -> {
            throw new UnreadableDocumentException(key, reason, null, file, null, null);
        });
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
                        + maxFileBytes + " (watchbrief.intake.max-file-size)", null, file, null, null);
            }
            byte[] content = Files.readAllBytes(file);
            String hash = Hashes.sha256(content);
            return new SourceDocument(key, file.getFileName().toString(), hash, content, hash, file, null);
        }
        catch (IOException ex) {
            throw new UnreadableDocumentException(key, "cannot read the file: " + ex.getMessage(),
                    new UncheckedIOException(ex), file, null, null);
        }
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = Hashes.sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
