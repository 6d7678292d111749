package org.watchbrief.schedule;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code watchbrief.serve.*}: how the schedule daemon behaves.
 *
 * @param catchUp on start, brief once the latest run of each schedule that was missed while
 *        the daemon was down (never once per missed run)
 * @param retryFailedAfter how long after a failed run the daemon tries it again (it keeps trying
 *        at this interval until the schedule's next run is due); zero for never
 * @param shutdownTimeout how long a stop (SIGTERM) waits for a running briefing to reach a safe
 *        point and stop; keep it below the service manager's own stop timeout
 * @param retryInProgressAfter how long after finding a window being briefed by another run (another
 *        instance sharing the database) the daemon looks at it again: until it is briefed, or its
 *        holder has died and this instance finishes it; zero for never
 */
@ConfigurationProperties("watchbrief.serve")
public record ServeProperties(@DefaultValue("true") boolean catchUp,
        @DefaultValue("30m") Duration retryFailedAfter, @DefaultValue("75s") Duration shutdownTimeout,
        @DefaultValue("1m") Duration retryInProgressAfter) {

    @ConstructorBinding
    public ServeProperties {
    }

    /** The daemon of one instance alone: a window in progress elsewhere is looked at every minute. */
    public ServeProperties(boolean catchUp, Duration retryFailedAfter, Duration shutdownTimeout) {
        this(catchUp, retryFailedAfter, shutdownTimeout, Duration.ofMinutes(1));
    }
}
