package org.watchbrief.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.Callable;

import org.watchbrief.batch.BriefingRuns;
import org.watchbrief.batch.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchbrief abandon}: clears a run that a killed process left STARTED. */
@Command(name = "abandon", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = { "Clear a run left STARTED by a killed process, so that it can be restarted.", "",
                "Clears a run left STARTED by a process that was killed or crashed (kill -9, a power cut, "
                + "out of memory). The next run of its window, or 'watchbrief restart', resumes such a run by "
                + "itself once no live process holds the window's lock; abandoning marks it FAILED now, with a "
                + "note saying so, for an operator who wants it settled without resuming it. "
                + "'watchbrief restart EXECUTION' then resumes it where it stopped.",
                "Only for a run whose process is gone: a run that recorded progress in the last "
                        + AbandonCommand.QUIET_MINUTES + " minutes may still be alive, and needs --force." },
        footer = { "", "Examples:", "  # find the run marked STARTED", "  watchbrief jobs",
                "  # clear it, then resume it", "  watchbrief abandon 7", "  watchbrief restart 7" })
class AbandonCommand implements Callable<Integer> {

    static final int QUIET_MINUTES = 5;

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXECUTION", description = "The run's execution id, as 'watchbrief jobs' shows it.")
    long executionId;

    @Option(names = "--force",
            description = "Abandon it even though it recorded progress in the last " + QUIET_MINUTES + " minutes.")
    boolean force;

    AbandonCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        BriefingRuns runs = services.get(BriefingRuns.class);
        RunSummary run = find(runs, executionId);
        PrintWriter out = spec.commandLine().getOut();
        if (!run.running()) {
            out.println("Nothing to do: execution " + executionId + " is " + run.status() + ", not running."
                    + (run.restartable() ? " To resume it: watchbrief restart " + executionId : ""));
            return ExitCodes.OK;
        }
        LocalDateTime now = LocalDateTime.now();
        if (!force && run.lastUpdated() != null
                && Duration.between(run.lastUpdated(), now).compareTo(Duration.ofMinutes(QUIET_MINUTES)) < 0) {
            throw new UsageException("execution " + executionId + " recorded progress at " + run.lastUpdated().withNano(0)
                    + ", less than " + QUIET_MINUTES + " minutes ago, and may still be running (in another process, or "
                    + "on another machine sharing the database); if you are sure its process has stopped, add --force");
        }
        RunSummary abandoned = runs.abandon(executionId, now);
        out.println("Abandoned execution " + executionId + (abandoned.parameters() == null ? ""
                : " (" + RunCommand.title(abandoned.parameters()) + ")") + ": it is marked " + abandoned.status()
                + (abandoned.step() == null ? "" : " in step " + abandoned.step()) + " now.");
        if (abandoned.restartable()) {
            out.println("To resume it where it stopped: watchbrief restart " + executionId);
        }
        return ExitCodes.OK;
    }

    /** The run, or a usage error naming the id and where the ids are. */
    static RunSummary find(BriefingRuns runs, long executionId) {
        return runs.find(executionId)
            .orElseThrow(() -> new UsageException("there is no run with execution id " + executionId
                    + "; 'watchbrief jobs' lists them"));
    }
}
