package org.watchbrief.batch;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchbrief.lock.*}: the locks in the database that keep two runs (or two {@code serve}
 * instances sharing a database) from briefing one window, or taking in documents, at once.
 *
 * @param hold how long a lock outlives a holder that stopped extending it (a process killed, a
 *        machine lost): another instance takes over the window at most this long after. The
 *        holder extends it every half of this while it lives. At least 30 seconds (ShedLock's
 *        keep-alive needs that much).
 */
@ConfigurationProperties("watchbrief.lock")
public record LockProperties(@DefaultValue("5m") Duration hold) {

    static final Duration SHORTEST_HOLD = Duration.ofSeconds(30);

    public LockProperties {
        if (hold.compareTo(SHORTEST_HOLD) < 0) {
            throw new IllegalArgumentException("watchbrief.lock.hold is " + hold.toSeconds() + "s; it must be at least "
                    + SHORTEST_HOLD.toSeconds() + "s (a holder extends its lock every half of it)");
        }
    }
}
