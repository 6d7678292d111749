package org.watchbrief.schedule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.scheduling.support.CronExpression;

/**
 * When a schedule fires, by its cron expression read as wall-clock time in its zone, with
 * summer-time changes handled the way people expect of cron: a time that does not exist (the
 * hour skipped in spring) fires once, shifted by the length of the gap, and a time that happens
 * twice (the hour repeated in autumn) fires once, the first time. (Spring's CronExpression
 * applied to zoned times skips the first and fires the second twice.) Thread-safe.
 */
public final class FireTimes {

    /** How far back a search for the last fire time goes: more than any sensible cron's period. */
    private static final Duration LOOK_BACK = Duration.ofDays(800);

    private final CronExpression cron;

    private final ZoneId zone;

    public FireTimes(String cron, ZoneId zone) {
        this.cron = CronExpression.parse(cron);
        this.zone = zone;
    }

    /** The first fire time strictly after the instant; empty when the expression never fires again. */
    public Optional<ZonedDateTime> nextAfter(Instant after) {
        // Read the clock with the smaller of today's and yesterday's offsets: just after the
        // clocks go forward, a time in the skipped hour (which fires shifted, after the gap) is
        // still ahead, though the wall clock already shows a later one. The loop skips the rest.
        ZoneOffset now = zone.getRules().getOffset(after);
        ZoneOffset dayBefore = zone.getRules().getOffset(after.minus(Duration.ofDays(1)));
        LocalDateTime local = LocalDateTime.ofInstant(after,
                now.getTotalSeconds() <= dayBefore.getTotalSeconds() ? now : dayBefore);
        while (true) {
            local = cron.next(local);
            if (local == null) {
                return Optional.empty();
            }
            // earlier offset in an overlap, shifted forward by the gap's length in a gap
            ZonedDateTime fire = ZonedDateTime.ofLocal(local, zone, null);
            if (fire.toInstant().isAfter(after)) {
                return Optional.of(fire);
            }
        }
    }

    /** The next {@code count} fire times strictly after the instant (fewer when it stops firing). */
    public List<ZonedDateTime> next(int count, Instant after) {
        List<ZonedDateTime> times = new ArrayList<>();
        Instant from = after;
        while (times.size() < count) {
            Optional<ZonedDateTime> next = nextAfter(from);
            if (next.isEmpty()) {
                break;
            }
            times.add(next.get());
            from = next.get().toInstant();
        }
        return times;
    }

    /**
     * The last fire time at or before the instant, searched back no further than about two years;
     * empty when there is none. Looks back in doubling steps, so a dense expression costs a few
     * steps and a yearly one a few dozen.
     */
    public Optional<ZonedDateTime> latestAtOrBefore(Instant at) {
        for (Duration back = Duration.ofSeconds(1); back.compareTo(LOOK_BACK) <= 0; back = back.multipliedBy(2)) {
            Optional<ZonedDateTime> first = nextAfter(at.minus(back));
            if (first.isPresent() && !first.get().toInstant().isAfter(at)) {
                ZonedDateTime latest = first.get();
                for (Optional<ZonedDateTime> next = nextAfter(latest.toInstant());
                        next.isPresent() && !next.get().toInstant().isAfter(at); next = nextAfter(latest.toInstant())) {
                    latest = next.get();
                }
                return Optional.of(latest);
            }
        }
        return Optional.empty();
    }
}
