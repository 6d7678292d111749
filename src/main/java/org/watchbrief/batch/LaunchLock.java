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
 * brief it at the same time: Spring Batch alone does not fully guard simultaneous launches.
 *
 * <p>A lock is held for {@link #HOLD} and extended while its holder lives, so a holder that dies
 * frees it within that time; a holder on this host whose process is gone frees it at once. Each
 * lock names its holder (host and process id) for the message the loser prints.
 */
@Component
public class LaunchLock implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LaunchLock.class);

    /** How long a lock outlives a holder that stopped extending it. */
    static final Duration HOLD = Duration.ofMinutes(5);

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

    public LaunchLock(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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

    /** Who holds the named lock, as "host pid N", when anyone does. */
    public Optional<String> holder(String name) {
        List<String> holders = jdbc.queryForList(
                "SELECT locked_by FROM shedlock WHERE name = ? AND lock_until > CURRENT_TIMESTAMP", String.class,
                key(name));
        return holders.stream().findFirst();
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

    private static LockConfiguration configuration(String key) {
        return new LockConfiguration(Instant.now(), key, HOLD, Duration.ZERO);
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
