package org.watchbrief.cli;

import java.util.concurrent.Callable;

import org.springframework.batch.core.BatchStatus;
import org.watchbrief.batch.BriefingResult;
import org.watchbrief.batch.BriefingRuns;
import org.watchbrief.batch.RunSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchbrief restart}: resumes a failed run where it stopped. */
@Command(name = "restart", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = { "Resume a failed run where it stopped.", "",
                "Resumes a failed (or stopped) run where it stopped: the steps it completed are not done again, "
                + "documents it stored are not read again and emails it sent are not sent again. Fix the cause "
                + "first (the failure is in 'watchbrief jobs'). Prints what 'watchbrief run' prints.",
                "A run left STARTED by a killed process is resumed too, once no live process holds its "
                        + "window's lock; while one does, it says so and does nothing." },
        footer = { "", "Examples:", "  # find the failed run and why it failed", "  watchbrief jobs",
                "  # after fixing the cause", "  watchbrief restart 7" })
class RestartCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXECUTION", description = "The run's execution id, as 'watchbrief jobs' shows it.")
    long executionId;

    RestartCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        BriefingRuns runs = services.get(BriefingRuns.class);
        RunSummary run = AbandonCommand.find(runs, executionId);
        if (!run.restartable() && !run.running()) {
            if (run.status() == BatchStatus.COMPLETED) {
                spec.commandLine().getOut().println("Nothing to do: execution " + executionId + " completed"
                        + (run.ended() == null ? "" : " on " + run.ended().withNano(0)) + ".");
                return ExitCodes.OK;
            }
            throw new UsageException("execution " + executionId + " is " + run.status()
                    + ": only a FAILED or STOPPED run can be restarted");
        }
        BriefingResult result = TerminalProgress.around(display -> runs.restart(executionId, display));
        return RunCommand.report(result, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
