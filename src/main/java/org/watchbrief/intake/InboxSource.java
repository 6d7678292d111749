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
import java.nio.file.attribute.FileTime;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder, or the files and folders given to {@code watchbrief ingest}: every visible
 * file directly in a folder, in name order (in a folder of more than {@value #SORTED_UP_TO}
 * entries, in the order the file system lists them, so that memory stays the same whatever the
 * folder holds). A file inside the inbox is known by its path relative to the inbox, any other by
 * its absolute path. Files Watchbrief does not read are listed too, so that they are quarantined
 * with a reason instead of lying there unseen: files of another type, symbolic links (followed,
 * one could read any file of the machine into a digest), named pipes and devices, names holding a
 * control character (a line break in a name would forge log lines).
 *
 * <p>A file still being copied in is not read half-written: one changed less than the settle time
 * ago is waited for until it has been left alone that long, and left for the next run if it keeps
 * changing. A file that goes away between its listing and its reading (renamed, removed) is passed
 * over, and the folder is listed once more at the end, so a file renamed during the run is read
 * under its new name.
 *
 * <p>Files are listed a page at a time, never all at once. A file is read once, when it is hashed,
 * and its bytes are kept for the fetch (within a budget per page; a larger file is read again). A
 * file of the inbox whose size and modification time are what {@link KnownFiles} remembers is not
 * read or hashed at all: the hash remembered stands for its content, so a routine run over an
 * inbox already read costs a directory listing and one query per page.
 */
public final class InboxSource implements DocumentSource {

    private static final Logger log = LoggerFactory.getLogger(InboxSource.class);

    /** How many files are listed, looked up and hashed at a time. */
    private static final int PAGE = 500;

    /** A folder of up to this many entries is read in name order. */
    static final int SORTED_UP_TO = 10_000;

    /** The most bytes of one page's files kept from hashing to fetching; past it, a file is read again. */
    private static final long KEPT_PER_PAGE = 16L << 20;

    /**
     * A file modified this recently may still be changing within one tick of its clock: its hash
     * is not remembered, so the next run hashes it again ("racy" files, as git calls them).
     */
    private static final long RACY_MICROS = TimeUnit.SECONDS.toMicros(2);

    /**
     * A folder or file changed this little before the run began counts as changed during it, when
     * the folder is listed again at the end: a file system's clock may lag a tick behind ours.
     */
    private static final long LAG_MICROS = TimeUnit.MILLISECONDS.toMicros(50);

    /** How many settle times a file that keeps changing is waited for before it is left for the next run. */
    private static final int SETTLE_PATIENCE = 10;

    private final Path inbox;

    private final List<Path> paths;

    private final long maxFileBytes;

    private final Duration settleTime;

    private final KnownFiles known;

    /** The inbox folder, reading files as soon as they are listed. */
    public InboxSource(Path inbox, long maxFileBytes) {
        this(inbox, maxFileBytes, Duration.ZERO);
    }

    /**
     * The inbox folder.
     *
     * @param settleTime how long a file must have been left unchanged before it is read
     */
    public InboxSource(Path inbox, long maxFileBytes, Duration settleTime) {
        this(inbox, null, maxFileBytes, settleTime, KnownFiles.NONE);
    }

    private InboxSource(Path inbox, List<Path> paths, long maxFileBytes, Duration settleTime, KnownFiles known) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.paths = paths == null ? null : paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.maxFileBytes = maxFileBytes;
        this.settleTime = settleTime;
        this.known = known;
    }

    /** Files and folders of one's choosing instead of the inbox; keys stay relative to the inbox where they can. */
    public InboxSource withPaths(List<Path> chosen) {
        return new InboxSource(inbox, List.copyOf(chosen), maxFileBytes, settleTime, known);
    }

    /** The same inbox, remembering its files' sizes, modification times and hashes in {@code files}. */
    public InboxSource withKnownFiles(KnownFiles files) {
        return new InboxSource(inbox, paths, maxFileBytes, settleTime, files);
    }

    /** The same inbox, remembering nothing new: for a dry run. */
    public InboxSource readOnly() {
        return new InboxSource(inbox, paths, maxFileBytes, settleTime, known.readOnly());
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

    /** The key of a file; a control character in it is written as an escape ({@code \n}), so a key is one line. */
    public String sourceKey(Path file) {
        String key = file.getNameCount() == inbox.getNameCount() + 1 && file.startsWith(inbox)
                ? file.getFileName().toString() : "";
        if (key.isEmpty() || key.equals(".") || key.equals("..")) {
            // not a file listed in the inbox itself, which is keyed by its name without normalising (a million a run)
            Path absolute = file.toAbsolutePath().normalize();
            key = absolute.startsWith(inbox) ? inbox.relativize(absolute).toString() : absolute.toString();
        }
        return hasControlCharacter(key) ? escape(key) : key;
    }

    @Override
    public Harvest harvest(String watermark, LocalDate today) {
        List<Path> roots = paths == null ? List.of(inbox) : paths;
        if (paths == null) {
            requireDirectory(inbox);
        }
        long started = nowMicros();
        return new Harvest() {

            /** By bucket, when the whole inbox is read (not the paths given to ingest). */
            private InboxBuckets buckets;

            private Listing listing;

            private boolean listedAgain;

            private final long[] passedOver = { 0 };

            @Override
            public List<Candidate> nextPage() {
                if (listing == null) {
                    start();
                }
                while (true) {
                    List<Listed> files = listing.next(PAGE);
                    if (files.isEmpty()) {
                        if (listedAgain || !listing.changedSince(started - LAG_MICROS)) {
                            return List.of();
                        }
                        // once the pages before have been read: files renamed or dropped in meanwhile
                        listedAgain = true;
                        Listing first = listing;
                        listing = new Listing(first.folders(), path -> first.offerAgain(path, started - LAG_MICROS)
                                || buckets != null && buckets.clean(sourceKey(path))
                                        && Listing.microsOf(lastChange(path)) >= started - LAG_MICROS, null);
                        continue;
                    }
                    List<Candidate> page = candidates(files, passedOver, buckets, listedAgain);
                    if (!page.isEmpty()) {
                        return page;
                    }
                }
            }

            /**
             * Sums the inbox up by bucket first: when every bucket is clean, that listing is all
             * there is to do; otherwise the files of the clean buckets are passed over unlooked-up.
             */
            private void start() {
                if (paths != null) {
                    listing = new Listing(roots, null, null);
                    return;
                }
                Listing first = new Listing(roots, null, null);
                buckets = sumUp(first);
                passedOver[0] += buckets.cleanFiles();
                log.debug("Inbox: {} file(s) in buckets unchanged since all stored, passed over", buckets.cleanFiles());
                if (buckets.allClean()) {
                    listing = first;
                }
                else {
                    first.close();
                    listing = new Listing(roots, null, path -> buckets.clean(sourceKey(path)));
                }
            }

            @Override
            public String watermark() {
                return null;
            }

            @Override
            public long passedOver() {
                return passedOver[0];
            }

            @Override
            public void completed(Collection<String> quarantined) {
                if (buckets != null) {
                    buckets.completed(quarantined);
                }
            }

            @Override
            public void close() {
                if (listing != null) {
                    listing.close();
                }
            }
        };
    }

    /**
     * The inbox summed up by bucket, from a listing of its own (no file is read), beside what was
     * recorded. The attributes of a page's files are read on every core: a million of them are most
     * of a routine run.
     */
    private InboxBuckets sumUp(Listing listing) {
        FileBuckets listed = new FileBuckets();
        for (List<Path> paths = listing.nextPaths(PAGE); !paths.isEmpty(); paths = listing.nextPaths(PAGE)) {
            List<Listed> files = paths.parallelStream().map(path -> {
                BasicFileAttributes attributes = Listing.attributes(path);
                return attributes == null || attributes.isDirectory() ? null : new Listed(path, attributes);
            }).toList();
            for (Listed file : files) {
                if (file == null) {
                    continue;
                }
                String key = sourceKey(file.path());
                if (rememberable(file)) {
                    listed.add(key, file.attributes().size(), micros(file.attributes().lastModifiedTime()));
                }
                else {
                    listed.spoil(key);
                }
            }
        }
        return new InboxBuckets(listed, known);
    }

    /**
     * A page of listed files as candidates, with one lookup of what is remembered of them. Files
     * unchanged since they were read, whose content is stored, are passed over (counted in
     * {@code passedOver}); files gone since they were listed, or still being written, are left out.
     * Each file is summed up in {@code buckets} (when given) as passed over or taken in, or spoils
     * its bucket; so does every file of a listing again.
     */
    private List<Candidate> candidates(List<Listed> files, long[] passedOver, InboxBuckets buckets, boolean again) {
        List<String> lookedUp = new ArrayList<>();
        for (Listed file : files) {
            if (rememberable(file)) {
                lookedUp.add(sourceKey(file.path()));
            }
        }
        Map<String, KnownFiles.Known> remembered = lookedUp.isEmpty() ? Map.of() : known.find(lookedUp);
        long settledBefore = nowMicros() - Math.max(RACY_MICROS, TimeUnit.NANOSECONDS.toMicros(settleTime.toNanos()));
        List<KnownFiles.Known> hashed = new ArrayList<>();
        List<Candidate> page = new ArrayList<>(files.size());
        long[] budget = { KEPT_PER_PAGE };
        for (Listed file : files) {
            String key = sourceKey(file.path());
            KnownFiles.Known before = remembered.get(key);
            long size = file.attributes().size();
            long modified = micros(file.attributes().lastModifiedTime());
            Candidate candidate;
            boolean unchanged = before != null && before.size() == size && before.modified() == modified
                    && modified < settledBefore;
            boolean taken = unchanged;
            if (unchanged && before.stored()) {
                passedOver[0]++;
                log.debug("Already seen, unchanged since it was read: {}", key);
                candidate = null;
            }
            else if (unchanged) {
                Path path = file.path();
                candidate = new Candidate(key, before.contentHash(), before.contentHash(), path, () -> read(path));
            }
            else {
                candidate = candidate(file, key, budget);
                if (candidate != null && candidate.contentHash() != null && rememberable(file)
                        && modified < nowMicros() - RACY_MICROS) {
                    hashed.add(new KnownFiles.Known(key, size, modified, candidate.contentHash(), false));
                    taken = true;
                }
            }
            if (buckets != null) {
                if (taken && !again) {
                    buckets.taken(key, size, modified);
                }
                else {
                    buckets.spoil(key);
                }
            }
            if (candidate != null) {
                page.add(candidate);
            }
        }
        if (!hashed.isEmpty()) {
            known.remember(hashed);
        }
        return page;
    }

    /** Whether what is known of a file is remembered: a regular file of the inbox, with a name of one line. */
    private boolean rememberable(Listed file) {
        return file.attributes().isRegularFile() && file.path().startsWith(inbox)
                && !hasControlCharacter(file.path().getFileName().toString());
    }

    /**
     * A file as a candidate, known by its content hash, reading the file once (its bytes kept for
     * the fetch while the page's budget lasts). A file too large, of a type not read or not a
     * regular file is not hashed; fetching it fails with the reason, so it is quarantined.
     * {@code null} for a file gone since it was listed, or still being written.
     */
    private Candidate candidate(Listed listed, String key, long[] budget) {
        Path file = listed.path();
        String name = file.getFileName().toString();
        BasicFileAttributes attributes = listed.attributes();
        if (attributes.isSymbolicLink()) {
            return failing(key, file, "symbolic-link", "a symbolic link (to " + linkTarget(file) + "); Watchbrief "
                    + "reads only files that are in the inbox itself, never what a link points to: move the file in");
        }
        if (!attributes.isRegularFile()) {
            return failing(key, file, "special-file", "not a regular file (a named pipe, socket or device)");
        }
        if (hasControlCharacter(name)) {
            return failing(key, file, "bad-name", "the file name holds a control character (a line break?); "
                    + "rename the file and put it back");
        }
        try {
            if (!settled(file, key)) {
                return null;
            }
            long size = Files.size(file);
            if (size > maxFileBytes) {
                return failing(key, file, "size:" + size, "the file is " + size + " bytes, above the limit of "
                        + maxFileBytes + " (watchbrief.intake.max-file-size)");
            }
            if (!TextExtractor.supports(name)) {
                return failing(key, file, "size:" + size, "unsupported file type; Watchbrief reads " + TextExtractor.READS);
            }
            if (size <= budget[0]) {
                byte[] content = Files.readAllBytes(file);
                budget[0] -= content.length;
                String hash = Hashes.sha256(content);
                SourceDocument document = new SourceDocument(key, name, hash, content, hash, file, null);
                return new Candidate(key, hash, hash, file, () -> {
                    if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                        throw new DocumentGoneException(key, file);
                    }
                    return document;
                });
            }
            String hash = hash(file);
            return new Candidate(key, hash, hash, file, () -> read(file));
        }
        catch (NoSuchFileException gone) {
            log.info("{}: gone since it was listed (renamed or removed); passed over", key);
            return null;
        }
        catch (IOException ex) {
            return failing(key, file, "unreadable", "cannot read the file: " + ex.getMessage());
        }
    }

    /**
     * Whether the file has been left unchanged for the settle time, waiting for it if it was changed
     * more recently; false when it kept changing for ten settle times (still being copied in).
     */
    private boolean settled(Path file, String key) throws IOException {
        if (settleTime.isZero() || settleTime.isNegative()) {
            return true;
        }
        Instant giveUp = Instant.now().plus(settleTime.multipliedBy(SETTLE_PATIENCE));
        Instant changed = lastChange(file);
        while (true) {
            Duration quiet = Duration.between(changed, Instant.now());
            if (quiet.compareTo(settleTime) >= 0) {
                return true;
            }
            if (Instant.now().isAfter(giveUp)) {
                log.warn("{}: still being written (changed {} ms ago, and changing for {} s); left for the next run",
                        key, quiet.toMillis(), settleTime.multipliedBy(SETTLE_PATIENCE).toSeconds());
                return false;
            }
            try {
                Thread.sleep(Math.max(10, settleTime.minus(quiet).toMillis()));
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new SourceUnavailableException("interrupted while waiting for " + key + " to be written", ex);
            }
            changed = lastChange(file);
        }
    }

    /**
     * When the file's content or name last changed: the later of its modification time (which a
     * copy may set to the original's) and, where the file system tells, its status change time.
     */
    private static Instant lastChange(Path file) throws IOException {
        try {
            Map<String, Object> times = Files.readAttributes(file, "unix:lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
            FileTime modified = (FileTime) times.get("lastModifiedTime");
            FileTime changed = (FileTime) times.get("ctime");
            return changed != null && changed.compareTo(modified) > 0 ? changed.toInstant() : modified.toInstant();
        }
        catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS).toInstant();
        }
    }

    private static long nowMicros() {
        Instant now = Instant.now();
        return TimeUnit.SECONDS.toMicros(now.getEpochSecond()) + now.getNano() / 1000;
    }

    private static long micros(FileTime time) {
        return time.to(TimeUnit.MICROSECONDS);
    }

    private static String linkTarget(Path link) {
        try {
            Path target = Files.readSymbolicLink(link);
            return escape(target.toString());
        }
        catch (IOException ex) {
            return "a target that cannot be read";
        }
    }

    private static boolean hasControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text with each control character written as an escape: one line, whatever it holds. */
    private static String escape(String text) {
        StringBuilder escaped = new StringBuilder();
        text.chars().forEach(c -> escaped.append(switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default -> Character.isISOControl(c) ? String.format("\\u%04x", c) : String.valueOf((char) c);
        }));
        return escaped.toString();
    }

    private static Candidate failing(String key, Path file, String revision, String reason) {
        return new Candidate(key, revision, null, file, () -> {
            throw new UnreadableDocumentException(key, reason, null, file, null, null);
        });
    }

    /**
     * Reads one file.
     *
     * @throws DocumentGoneException when it is gone (renamed or removed since it was listed)
     * @throws UnreadableDocumentException when it is too large, not a regular file or cannot be read
     */
    public SourceDocument read(Path file) {
        String key = sourceKey(file);
        try {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new UnreadableDocumentException(key, "not a regular file (a symbolic link, pipe or device)", null,
                        file, null, null);
            }
            long size = Files.size(file);
            if (size > maxFileBytes) {
                throw new UnreadableDocumentException(key, "the file is " + size + " bytes, above the limit of "
                        + maxFileBytes + " (watchbrief.intake.max-file-size)", null, file, null, null);
            }
            byte[] content = Files.readAllBytes(file);
            String hash = Hashes.sha256(content);
            return new SourceDocument(key, file.getFileName().toString(), hash, content, hash, file, null);
        }
        catch (NoSuchFileException gone) {
            throw new DocumentGoneException(key, file);
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

    /** A file listed, with what the file system said of it (not following a link). */
    private record Listed(Path path, BasicFileAttributes attributes) {
    }

    /** Which paths a listing offers. */
    private interface Offer {
        boolean test(Path path) throws IOException;
    }

    /**
     * The entries of the chosen paths but folders, a page at a time: a file given is itself; a
     * folder gives its visible entries, in name order when it holds up to {@link #SORTED_UP_TO} of
     * them. Holds at most that many names, and one open folder, at a time; remembers the names it
     * gave while they are that few, so that a listing again can tell the new ones.
     */
    private static final class Listing implements AutoCloseable {

        private final Deque<Path> roots;

        private final List<Path> folders = new ArrayList<>();

        private final Offer offer;

        private final Predicate<Path> skip;

        private Set<Path> given = new HashSet<>();

        private DirectoryStream<Path> folder;

        private Iterator<Path> unsorted;

        private Iterator<Path> sorted = List.<Path>of().iterator();

        /**
         * @param offer which entries to give, {@code null} for all
         * @param skip which entries to pass over by their name alone (not even their attributes
         *        read), {@code null} for none
         */
        Listing(List<Path> roots, Offer offer, Predicate<Path> skip) {
            this.roots = new ArrayDeque<>(roots);
            this.offer = offer;
            this.skip = skip;
        }

        List<Listed> next(int count) {
            List<Listed> page = new ArrayList<>(count);
            Path path;
            while (page.size() < count && (path = nextPath()) != null) {
                if (skip != null && skip.test(path)) {
                    remember(path);
                    continue;
                }
                BasicFileAttributes attributes = attributes(path);
                if (attributes != null && !attributes.isDirectory() && offered(path)) {
                    page.add(new Listed(path, attributes));
                    remember(path);
                }
            }
            return page;
        }

        /** The next paths, their attributes not read: gone ones and folders among them. */
        List<Path> nextPaths(int count) {
            List<Path> page = new ArrayList<>(count);
            Path path;
            while (page.size() < count && (path = nextPath()) != null) {
                page.add(path);
                remember(path);
            }
            return page;
        }

        private boolean offered(Path path) {
            try {
                return offer == null || offer.test(path);
            }
            catch (NoSuchFileException gone) {
                return false;
            }
            catch (IOException ex) {
                throw new SourceUnavailableException("cannot read the attributes of " + path + ": "
                        + ex.getMessage(), ex);
            }
        }

        private void remember(Path path) {
            if (given != null) {
                given.add(path);
                if (given.size() > SORTED_UP_TO) {
                    given = null; // too many to hold: a listing again tells new files by their change time
                }
            }
        }

        /** The folders listed so far. */
        List<Path> folders() {
            return List.copyOf(folders);
        }

        /** Whether a folder listed may have gained an entry since the time given (microseconds since the epoch). */
        boolean changedSince(long micros) {
            for (Path directory : folders) {
                try {
                    if (InboxSource.micros(Files.getLastModifiedTime(directory)) >= micros) {
                        return true;
                    }
                }
                catch (IOException ex) {
                    return true;
                }
            }
            return false;
        }

        /** Whether to offer an entry once more, listing again: new to this listing, or changed since the time given. */
        boolean offerAgain(Path path, long micros) throws IOException {
            if (given != null) {
                return !given.contains(path);
            }
            return microsOf(lastChange(path)) >= micros;
        }

        private static long microsOf(Instant time) {
            return TimeUnit.SECONDS.toMicros(time.getEpochSecond()) + time.getNano() / 1000;
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
                    folders.add(root);
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
                return null; // removed or renamed since it was listed: its new name is listed again at the end
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
