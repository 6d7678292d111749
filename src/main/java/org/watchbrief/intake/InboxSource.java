package org.watchbrief.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The inbox folder, or the files and folders given to {@code watchbrief ingest}: every visible
 * file directly in a folder, in name order. A file inside the inbox is known by its path relative
 * to the inbox, any other by its absolute path. Files Watchbrief does not read are listed too, so
 * that they are quarantined with a reason instead of lying there unseen: files of another type,
 * symbolic links (followed, one could read any file of the machine into a digest), named pipes and
 * devices, names holding a control character (a line break in a name would forge log lines).
 *
 * <p>A file still being copied in is not read half-written: one changed less than the settle time
 * ago is waited for until it has been left alone that long, and left for the next run if it keeps
 * changing. A file that goes away between its listing and its reading (renamed, removed) is passed
 * over, and the folder is listed once more at the end, so a file renamed during the run is read
 * under its new name.
 */
public final class InboxSource implements DocumentSource {

    private static final Logger log = LoggerFactory.getLogger(InboxSource.class);

    private static final int PAGE = 100;

    /** How many settle times a file that keeps changing is waited for before it is left for the next run. */
    private static final int SETTLE_PATIENCE = 10;

    private final Path inbox;

    private final List<Path> paths;

    private final long maxFileBytes;

    private final Duration settleTime;

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
        this(inbox, null, maxFileBytes, settleTime);
    }

    private InboxSource(Path inbox, List<Path> paths, long maxFileBytes, Duration settleTime) {
        this.inbox = inbox.toAbsolutePath().normalize();
        this.paths = paths == null ? null : paths.stream().map(p -> p.toAbsolutePath().normalize()).toList();
        this.maxFileBytes = maxFileBytes;
        this.settleTime = settleTime;
    }

    /** Files and folders of one's choosing instead of the inbox; keys stay relative to the inbox where they can. */
    public InboxSource withPaths(List<Path> chosen) {
        return new InboxSource(inbox, List.copyOf(chosen), maxFileBytes, settleTime);
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

    /** Every visible entry of the inbox (or of the chosen paths) but folders, in name order. */
    List<Path> listAll() {
        if (paths == null) {
            return entries(inbox);
        }
        List<Path> all = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                all.addAll(entries(path));
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
        return entries(directory).stream().filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).toList();
    }

    /** The visible entries of a folder but its sub-folders, in name order; symbolic links are not followed. */
    private static List<Path> entries(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new SourceUnavailableException("the inbox " + directory
                    + " is not a directory; create it or set watchbrief.inbox to the folder documents arrive in");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> !Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS))
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .sorted()
                .toList();
        }
        catch (IOException ex) {
            throw new SourceUnavailableException("cannot list " + directory + ": " + ex.getMessage(), ex);
        }
    }

    /** The key of a file; a control character in it is written as an escape ({@code \n}), so a key is one line. */
    public String sourceKey(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        String key = absolute.startsWith(inbox) ? inbox.relativize(absolute).toString() : absolute.toString();
        return hasControlCharacter(key) ? escape(key) : key;
    }

    @Override
    public Harvest harvest(String watermark, LocalDate today) {
        List<Path> listed = listAll();
        Set<Path> seen = new HashSet<>(listed);
        return new Harvest() {

            private Iterator<Path> files = listed.iterator();

            private boolean listedAgain;

            @Override
            public List<Candidate> nextPage() {
                List<Candidate> page = new ArrayList<>();
                while (page.size() < PAGE) {
                    if (!files.hasNext()) {
                        if (!page.isEmpty() || listedAgain || paths != null && paths.stream().noneMatch(Files::isDirectory)) {
                            break;
                        }
                        // once the pages before have been read: files renamed or dropped in meanwhile
                        listedAgain = true;
                        files = listAll().stream().filter(seen::add).toList().iterator();
                        continue;
                    }
                    Candidate candidate = candidate(files.next());
                    if (candidate != null) {
                        page.add(candidate);
                    }
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
     * A file as a candidate: known by its content hash, computed as it streams by. A file too large,
     * of a type not read or not a regular file is not hashed; fetching it fails with the reason, so
     * it is quarantined. {@code null} for a file gone since it was listed, or still being written.
     */
    Candidate candidate(Path file) {
        String key = sourceKey(file);
        String name = file.getFileName().toString();
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
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
        FileTime modified = Files.getLastModifiedTime(file, LinkOption.NOFOLLOW_LINKS);
        try {
            FileTime changed = (FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            return changed.compareTo(modified) > 0 ? changed.toInstant() : modified.toInstant();
        }
        catch (UnsupportedOperationException | IllegalArgumentException notUnix) {
            return modified.toInstant();
        }
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
        return text.chars().anyMatch(Character::isISOControl);
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
}
