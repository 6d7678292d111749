package org.watchbrief.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The inbox folder, or the files and folders given to {@code watchbrief ingest}: every regular,
 * visible file directly in a folder, in name order (in a folder of more than {@value #SORTED_UP_TO}
 * files, in the order the file system lists them, so that memory stays the same whatever the
 * folder holds). A file inside the inbox is known by its path relative to the inbox, any other by
 * its absolute path. Files of a type Watchbrief does not read are listed too, so that they are
 * quarantined with a reason instead of lying there unseen.
 *
 * <p>Files are listed a page at a time, never all at once. A file is read once, when it is hashed,
 * and its bytes are kept for the fetch (within a budget per page; a larger file is read again). A
 * file of the inbox whose size and modification time are what {@link KnownFiles} remembers is not
 * read or hashed at all: the hash remembered stands for its content, so a routine run over an
 * inbox already read costs one directory listing and a few queries per page.
 */
public final class InboxSource implements DocumentSource {

    /** How many files are listed, looked up and hashed at a time. */
    private static final int PAGE = 500;

    /** A folder of up to this many files is read in name order. */
    static final int SORTED_UP_TO = 10_000;

    /** The most bytes of one page's files kept from hashing to fetching; past it, a file is read again. */
    private static final long KEPT_PER_PAGE = 16L << 20;

    /**
     * A file modified this recently may still be changing within one tick of its clock: its hash
     * is not remembered, so the next run hashes it again ("racy" files, as git calls them).
     */
    private static final long SETTLED_MICROS = TimeUnit.SECONDS.toMicros(2);

    private final Path inbox;

    private final List<Path> paths;

    private final long maxFileBytes;

    private final KnownFiles known;

    /** The inbox folder. */
    public InboxSource(Path inbox, long maxFileBytes) {
        this(inbox, null, maxFileBytes, KnownFiles.NONE);
    }

    private InboxSource(Path inbox, List<Path> paths, long maxFileBytes, KnownFiles known) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.paths = paths == null ? null : paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.maxFileBytes = maxFileBytes;
        this.known = known;
    }

    /** Files and folders of one's choosing instead of the inbox; keys stay relative to the inbox where they can. */
    public InboxSource withPaths(List<Path> chosen) {
        return new InboxSource(inbox, List.copyOf(chosen), maxFileBytes, known);
    }

    /** The same inbox, remembering its files' sizes, modification times and hashes in {@code files}. */
    public InboxSource withKnownFiles(KnownFiles files) {
        return new InboxSource(inbox, paths, maxFileBytes, files);
    }

    /** The same inbox, remembering nothing new: for a dry run. */
    public InboxSource readOnly() {
        return new InboxSource(inbox, paths, maxFileBytes, known.readOnly());
    }

    @Override
    public String name() {
        return "inbox";
    }

    public Path directory() {
        return inbox;
    }

    /**
     * The files to analyse, in name order: those of a type Watchbrief reads. For the commands that
     * read a folder without the store ({@code analyze}, {@code eval}); intake lists a page at a time.
     *
     * @throws SourceUnavailableException when the inbox is missing or unreadable
     */
    public List<Path> list() {
        requireDirectory(inbox);
        try (Stream<Path> files = Files.list(inbox)) {
            return files.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(p -> TextExtractor.supports(p.getFileName().toString()))
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new SourceUnavailableException("cannot list " + inbox + ": " + ex.getMessage(), ex);
        }
    }

    private static void requireDirectory(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new SourceUnavailableException("the inbox " + directory
                    + " is not a directory; create it or set watchbrief.inbox to the folder documents arrive in");
        }
    }

    public String sourceKey(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(inbox) ? inbox.relativize(absolute).toString() : absolute.toString();
    }

    @Override
    public Harvest harvest(String watermark, LocalDate today) {
        if (paths == null) {
            requireDirectory(inbox);
        }
        Listing listing = new Listing(paths == null ? List.of(inbox) : paths);
        return new Harvest() {
            @Override
            public List<Candidate> nextPage() {
                return candidates(listing.next(PAGE));
            }

            @Override
            public String watermark() {
                return null;
            }

            @Override
            public void close() {
                listing.close();
            }
        };
    }

    /** A page of files as candidates, with one lookup of what is remembered of them. */
    private List<Candidate> candidates(List<Listed> files) {
        List<String> inInbox = new ArrayList<>();
        for (Listed file : files) {
            if (inInbox(file.path())) {
                inInbox.add(sourceKey(file.path()));
            }
        }
        Map<String, KnownFiles.Known> remembered = inInbox.isEmpty() ? Map.of() : known.find(inInbox);
        long settledBefore = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now()) - SETTLED_MICROS;
        List<KnownFiles.Known> hashed = new ArrayList<>();
        List<Candidate> page = new ArrayList<>(files.size());
        long[] budget = { KEPT_PER_PAGE };
        for (Listed file : files) {
            String key = sourceKey(file.path());
            KnownFiles.Known before = remembered.get(key);
            long size = file.attributes().size();
            long modified = file.attributes().lastModifiedTime().to(TimeUnit.MICROSECONDS);
            boolean unchanged = before != null && before.size() == size && before.modified() == modified;
            Candidate candidate = unchanged ? new Candidate(key, before.contentHash(), before.contentHash(),
                    file.path(), () -> read(file.path())) : candidate(file.path(), key, size, budget);
            if (!unchanged && candidate.contentHash() != null && inInbox(file.path()) && modified < settledBefore) {
                hashed.add(new KnownFiles.Known(key, size, modified, candidate.contentHash()));
            }
            page.add(candidate);
        }
        if (!hashed.isEmpty()) {
            known.remember(hashed);
        }
        return page;
    }

    private boolean inInbox(Path file) {
        return file.toAbsolutePath().normalize().startsWith(inbox);
    }

    /**
     * A file as a candidate, known by its content hash, reading the file once (its bytes kept for
     * the fetch while the page's budget lasts). A file too large or of a type not read is not
     * hashed; fetching it fails with the reason, so it is quarantined.
     */
    private Candidate candidate(Path file, String key, long size, long[] budget) {
        String name = file.getFileName().toString();
        if (size > maxFileBytes) {
            return failing(key, file, "size:" + size, "the file is " + size + " bytes, above the limit of "
                    + maxFileBytes + " (watchbrief.intake.max-file-size)");
        }
        if (!TextExtractor.supports(name)) {
            return failing(key, file, "size:" + size, "unsupported file type; Watchbrief reads " + TextExtractor.READS);
        }
        try {
            if (size <= budget[0]) {
                byte[] content = Files.readAllBytes(file);
                budget[0] -= content.length;
                String hash = Hashes.sha256(content);
                SourceDocument document = new SourceDocument(key, name, hash, content, hash, file, null);
                return new Candidate(key, hash, hash, file, () -> document);
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

    /** A file listed, with what the file system said of it. */
    private record Listed(Path path, BasicFileAttributes attributes) {
    }

    /**
     * The files of the chosen paths, a page at a time: a file given is itself; a folder gives its
     * regular, visible files, in name order when it holds up to {@link #SORTED_UP_TO} of them.
     * Holds at most that many names, and one open folder, at a time.
     */
    private static final class Listing implements AutoCloseable {

        private final Deque<Path> roots;

        private DirectoryStream<Path> folder;

        private Iterator<Path> unsorted;

        private Iterator<Path> sorted = List.<Path>of().iterator();

        Listing(List<Path> roots) {
            this.roots = new ArrayDeque<>(roots);
        }

        List<Listed> next(int count) {
            List<Listed> page = new ArrayList<>(count);
            Path path;
            while (page.size() < count && (path = nextPath()) != null) {
                BasicFileAttributes attributes = attributes(path);
                if (attributes != null && attributes.isRegularFile()) {
                    page.add(new Listed(path, attributes));
                }
            }
            return page;
        }

        /** The next path to look at: from the folder being listed, else the next root. */
        private Path nextPath() {
            while (true) {
                if (sorted.hasNext()) {
                    return sorted.next();
                }
                if (unsorted != null) {
                    Path next = nextVisible(unsorted);
                    if (next != null) {
                        return next;
                    }
                    close();
                }
                if (roots.isEmpty()) {
                    return null;
                }
                Path root = roots.poll();
                if (Files.isDirectory(root)) {
                    open(root);
                }
                else if (Files.isRegularFile(root, LinkOption.NOFOLLOW_LINKS)) {
                    return root;
                }
                else {
                    throw new SourceUnavailableException(root + " is neither a file nor a folder");
                }
            }
        }

        /** Opens a folder: its first names are read, and sorted when they are all it holds. */
        private void open(Path directory) {
            try {
                folder = Files.newDirectoryStream(directory);
                unsorted = folder.iterator();
                List<Path> first = new ArrayList<>();
                Path next;
                while (first.size() <= SORTED_UP_TO && (next = nextVisible(unsorted)) != null) {
                    first.add(next);
                }
                if (first.size() <= SORTED_UP_TO) {
                    first.sort(null);
                    close();
                }
                sorted = first.iterator();
            }
            catch (IOException | DirectoryIteratorException ex) {
                close();
                throw new SourceUnavailableException("cannot list " + directory + ": " + ex.getMessage(), ex);
            }
        }

        private static Path nextVisible(Iterator<Path> files) {
            try {
                while (files.hasNext()) {
                    Path file = files.next();
                    if (!file.getFileName().toString().startsWith(".")) {
                        return file;
                    }
                }
                return null;
            }
            catch (DirectoryIteratorException ex) {
                throw new SourceUnavailableException("cannot list a folder: " + ex.getCause().getMessage(), ex);
            }
        }

        /** What the file system says of a path, without following a link; null when it is gone. */
        private static BasicFileAttributes attributes(Path path) {
            try {
                return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
            catch (NoSuchFileException gone) {
                return null; // removed or renamed since it was listed: its new name is listed instead
            }
            catch (IOException ex) {
                throw new SourceUnavailableException("cannot read the attributes of " + path + ": "
                        + ex.getMessage(), ex);
            }
        }

        @Override
        public void close() {
            unsorted = null;
            if (folder != null) {
                try {
                    folder.close();
                }
                catch (IOException ex) {
                    // a listing that cannot be closed has nothing more to give
                }
                folder = null;
            }
        }
    }
}
