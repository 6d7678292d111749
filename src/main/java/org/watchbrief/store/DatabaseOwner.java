package org.watchbrief.store;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which process has an H2 file database open. H2 lets one process at a time open the file and
 * says only "Database may be already in use" to the next; so the process that opened it writes
 * {@code <database>.owner} beside it (host, process id, since when) and removes it when it
 * closes, and a process turned away reads it to say who holds the database. A file left by a
 * killed process names a process that no longer runs, and is then not believed.
 */
public final class DatabaseOwner {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOwner.class);

    private static final Pattern LINE = Pattern.compile("pid (\\d+) on (\\S+) since (.+)");

    /** The file H2 names in its "already in use" message: {@code "/path/watchbrief.mv.db"}. */
    private static final Pattern IN_USE_FILE = Pattern.compile("\"([^\"]+)\\.mv\\.db\"");

    private static final DateTimeFormatter SINCE = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss")
        .withZone(ZoneId.systemDefault());

    private final Path file;

    private final String line;

    private DatabaseOwner(Path file, String line) {
        this.file = file;
        this.line = line;
    }

    /**
     * Records this process as the owner of the H2 file database of the URL, once it has opened it;
     * empty for any other database (a server database is shared by design).
     */
    public static Optional<DatabaseOwner> record(String jdbcUrl) {
        Path database = h2File(jdbcUrl);
        if (database == null) {
            return Optional.empty();
        }
        Path file = ownerFile(database);
        String line = "pid " + ProcessHandle.current().pid() + " on " + hostName() + " since "
                + SINCE.format(Instant.now());
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8);
        }
        catch (IOException ex) {
            log.debug("Could not write {}: {}", file, ex.toString());
            return Optional.empty();
        }
        return Optional.of(new DatabaseOwner(file, line));
    }

    /** Removes the owner file, if it is still this process's. */
    public void release() {
        try {
            if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).strip().equals(line)) {
                Files.delete(file);
            }
        }
        catch (IOException ex) {
            log.debug("Could not remove {}: {}", file, ex.toString());
        }
    }

    /**
     * Who holds the database named in H2's "already in use" message, as "process 1234 on host,
     * since ...", when its owner file names a process that still runs (on this host; one on
     * another host cannot be checked and is believed).
     */
    public static Optional<String> holderNamedIn(String inUseMessage) {
        Matcher named = IN_USE_FILE.matcher(inUseMessage == null ? "" : inUseMessage);
        if (!named.find()) {
            return Optional.empty();
        }
        Path file = ownerFile(Path.of(named.group(1)));
        try {
            Matcher owner = LINE.matcher(Files.readString(file, StandardCharsets.UTF_8).strip());
            if (!owner.matches()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(owner.group(1));
            boolean here = owner.group(2).equals(hostName());
            if (here && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                return Optional.empty();
            }
            return Optional.of("process " + pid + " on " + owner.group(2) + ", since " + owner.group(3));
        }
        catch (IOException | RuntimeException ex) {
            return Optional.empty();
        }
    }

    /** The file an H2 file-mode URL names (without H2's .mv.db), or null for any other URL. */
    public static Path h2File(String url) {
        String rest;
        if (url == null) {
            return null;
        }
        if (url.startsWith("jdbc:h2:file:")) {
            rest = url.substring("jdbc:h2:file:".length());
        }
        else if (url.matches("jdbc:h2:(\\.|/|~|[A-Za-z]:).*")) {
            rest = url.substring("jdbc:h2:".length());
        }
        else {
            return null;
        }
        String path = rest.split(";", 2)[0];
        if (path.startsWith("~")) {
            path = System.getProperty("user.home") + path.substring(1);
        }
        return Path.of(path);
    }

    private static Path ownerFile(Path database) {
        return database.resolveSibling(database.getFileName() + ".owner");
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            return "localhost";
        }
    }
}
