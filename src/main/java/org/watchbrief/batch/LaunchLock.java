package org.watchbrief.batch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.core.SimpleLock;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.support.KeepAliveLockProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A lock per briefing window, held in the database (ShedLock's {@code shedlock} table), so that two
 * launches of one window (two {@code run}s started at once, or two {@code serve} instances) never
 * brief it at the same time: Spring Batch alone does not fully guard simultaneous launches. The
 * intake step takes one too ({@link IntakeLock}), so that intake runs on one instance at a time.
 *
 * <p>A lock is held for {@code watchbrief.lock.hold} (5 minutes) and extended while its holder
 * lives, so a holder that dies (or whose machine is lost) frees it within that time; a holder on
 * this host whose process is gone frees it at once. Lock times are the database server's, so the
 * instances' clocks need not agree. Each lock names its holder (host and process id) for the
 * message the loser prints.
 */
@Component
public class LaunchLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LaunchLock.class);

    private static final Pattern HOLDER = Pattern.compile("(.+) pid (\\d+)");

    private static final int MAX_NAME = 64;

    private final JdbcTemplate jdbc;

    private final String host;

    private final String me;

    private final ScheduledExecutorService keepAlive = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "launch-lock-keep-alive");
        thread.setDaemon(true);
        return thread;
    });

    private final LockProvider provider;

    private final Duration hold;

    public LaunchLock(JdbcTemplate jdbc, LockProperties properties) {
        this.jdbc = jdbc;
        this.hold = properties.hold();
        this.host = hostName();
        this.me = host + " pid " + ProcessHandle.current().pid();
        this.provider = new KeepAliveLockProvider(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
            .builder()
            .withJdbcTemplate(jdbc)
            .withTableName("shedlock")
            .usingDbTime()
            .withLockedByValue(me)
            .build()), keepAlive);
    }

    /** A lock this process holds; closing it releases the lock. */
    public static final class Held implements AutoCloseable {

        private final SimpleLock lock;

        private Held(SimpleLock lock) {
            this.lock = lock;
        }

        @Override
        public void close() {
            lock.unlock();
        }
    }

    /** Takes the named lock if no live holder has it; empty when one does. */
    public Optional<Held> tryAcquire(String name) {
        String key = key(name);
        Optional<SimpleLock> lock = provider.lock(configuration(key));
        if (lock.isEmpty() && releaseIfHolderIsGone(key)) {
            lock = provider.lock(configuration(key));
        }
        return lock.map(Held::new);
    }

    /**
     * Who took the named lock last, as "host pid N": its holder, asked right after
     * {@link #tryAcquire} found it held. (Not compared with the clock: the database's idea of now
     * in ShedLock's rows differs between H2 and PostgreSQL.)
     */
    public Optional<String> lastHolder(String name) {
        return jdbc.queryForList("SELECT locked_by FROM shedlock WHERE name = ?", String.class, key(name))
            .stream()
            .findFirst();
    }

    /**
     * Takes the named lock, waiting while a live holder has it; a holder that dies frees it within
     * the hold, so the wait ends. Checks {@code giveUp} between tries (every {@code every}) and
     * returns empty as soon as it says so.
     */
    public Optional<Held> acquire(String name, Duration every, BooleanSupplier giveUp) {
        boolean told = false;
        while (!giveUp.getAsBoolean()) {
            Optional<Held> held = tryAcquire(name);
            if (held.isPresent()) {
                return held;
            }
            if (!told) {
                told = true;
                log.info("Waiting for the lock {}, which {} holds", key(name), lastHolder(name).orElse("another run"));
            }
            try {
                Thread.sleep(every.toMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /**
     * Frees a lock whose holder was a process of this host that no longer runs (killed, crashed):
     * there is no need to wait for its lock to run out.
     */
    private boolean releaseIfHolderIsGone(String key) {
        List<String> holders = jdbc.queryForList("SELECT locked_by FROM shedlock WHERE name = ?", String.class, key);
        if (holders.isEmpty()) {
            return false;
        }
        Matcher holder = HOLDER.matcher(holders.get(0));
        if (!holder.matches() || !holder.group(1).equals(host)
                || ProcessHandle.of(Long.parseLong(holder.group(2))).map(ProcessHandle::isAlive).orElse(false)) {
            return false;
        }
        // expire the row rather than delete it: ShedLock remembers that the row exists and only updates it
        int released = jdbc.update("UPDATE shedlock SET lock_until = ? WHERE name = ? AND locked_by = ?",
                java.sql.Timestamp.from(Instant.EPOCH), key, holders.get(0));
        if (released > 0) {
            log.warn("Released the lock {} of {}, a process that no longer runs", key, holders.get(0));
        }
        return released > 0;
    }

    private LockConfiguration configuration(String key) {
        return new LockConfiguration(Instant.now(), key, hold, Duration.ZERO);
    }

    /** The name, or a digest of it when it is longer than the table's column. */
    static String key(String name) {
        if (name.length() <= MAX_NAME) {
            return name;
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return name.substring(0, MAX_NAME - 17) + "#" + HexFormat.of().formatHex(hash, 0, 8);
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException("every Java runtime has SHA-256", ex);
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        }
        catch (UnknownHostException ex) {
            return "localhost";
        }
    }

    @Override
    public void destroy() {
        keepAlive.shutdownNow();
    }
}
