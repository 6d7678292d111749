package org.watchbrief.batch;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.watchbrief.schedule.ScheduleDaemon;
import org.watchbrief.schedule.ServeProperties;

/**
 * SIGTERM (or Ctrl-C) during a {@code run} or {@code restart}: the application closes, and before
 * any bean is destroyed this asks the running briefing to stop at its next safe point (the end of
 * an intake chunk, between two recipients) and waits for it, up to
 * {@code watchbrief.serve.shutdown-timeout}. The run is then recorded STOPPED, and the next
 * {@code run} resumes it without any recovery; without this the database would close under it and
 * leave it STARTED, as a kill does. {@code serve} stops its own briefings (the daemon's stop), so
 * this leaves them to it.
 */
@Component
class StopBriefingsOnShutdown implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(StopBriefingsOnShutdown.class);

    private final BriefingLauncher launcher;

    private final RunningBriefings running;

    private final ObjectProvider<ScheduleDaemon> daemon;

    private final Duration timeout;

    private volatile boolean started;

    StopBriefingsOnShutdown(BriefingLauncher launcher, RunningBriefings running, ObjectProvider<ScheduleDaemon> daemon,
            ServeProperties serve) {
        this.launcher = launcher;
        this.running = running;
        this.daemon = daemon;
        this.timeout = serve.shutdownTimeout();
    }

    @Override
    public void start() {
        started = true;
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    @Override
    public void stop() {
        started = false;
        ScheduleDaemon serving = daemon.getIfAvailable();
        if (serving != null && serving.isServing()) {
            return;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<Long> asked = new HashSet<>();
        try {
            // a launch that is only starting has no execution yet: look again until it has ended
            while (!launcher.awaitNoLaunch(Duration.ofMillis(100))) {
                for (JobExecution execution : running.stop(e -> !asked.contains(e.getId()))) {
                    asked.add(execution.getId());
                    log.warn("Asked execution {} to stop at its next safe point; the next run resumes it",
                            execution.getId());
                }
                if (System.nanoTime() > deadline) {
                    log.error("The briefing was still running after {}; it is left to be resumed by the next run",
                            timeout);
                    return;
                }
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
        }
    }
}
