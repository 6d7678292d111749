package org.watchbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import org.watchbrief.batch.BriefingLauncher;
import org.watchbrief.batch.BriefingParameters;
import org.watchbrief.batch.BriefingResult;
import org.watchbrief.batch.WatchbriefProperties;
import org.watchbrief.digest.Window;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.Schedules;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchbrief run}: an ad-hoc briefing. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = { "Makes a briefing now: reads new documents from the inbox, composes the digest for the "
                + "window, writes briefing.docx and briefing.pdf, and emails the schedule's recipients "
                + "(or writes .eml files when no SMTP host is set).",
                "A window is briefed once: running it again does nothing and says so." },
        footer = { "", "Examples:", "  watchbrief run                                   the default schedule, "
                + "window ending yesterday", "  watchbrief run weekly --to 2026-11-22",
                "  watchbrief run --from 2026-10-01 --to 2026-11-20" })
class RunCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCHEDULE",
            description = "The schedule (a file in schedules/); default: watchbrief.default-schedule (weekly).")
    String scheduleName;

    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.class,
            description = "First day of the window; default: the schedule's window back from --to. Accepts "
                    + DateConverter.ACCEPTED + ".")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.class,
            description = "Last day of the window; default: yesterday (the last whole day).")
    LocalDate to;

    RunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        WatchbriefProperties properties = services.get(WatchbriefProperties.class);
        Schedule schedule = services.get(Schedules.class)
            .get(scheduleName != null ? scheduleName : properties.defaultSchedule());
        LocalDate end = to != null ? to : LocalDate.now(schedule.zone()).minusDays(1);
        if (from != null && from.isAfter(end)) {
            throw new UsageException("--from " + from + " is after the window's end " + end
                    + "; give a --from on or before --to");
        }
        Window window = from != null ? new Window(from, end) : schedule.windowEnding(end);
        BriefingResult result = services.get(BriefingLauncher.class)
            .brief(new BriefingParameters(schedule.name(), window));
        return report(result, out, spec.commandLine().getErr());
    }

    static int report(BriefingResult result, PrintWriter out, PrintWriter err) {
        String what = result.parameters().scheduleName() + " briefing for " + result.parameters().window().describe();
        switch (result.outcome()) {
            case ALREADY_BRIEFED, IN_PROGRESS -> {
                out.println("Nothing to do: " + result.message() + ".");
                result.files().forEach(f -> out.println("  digest: " + display(f)));
                return ExitCodes.OK;
            }
            case FAILED -> {
                err.println("The " + what + " failed" + (result.failedStep() == null ? ""
                        : " in step " + result.failedStep()) + ": " + result.message());
                if (result.executionId() != null) {
                    err.println("Fix the cause and run the same command again: the run restarts where it stopped "
                            + "(execution " + result.executionId() + ").");
                }
                return ExitCodes.JOB_FAILED;
            }
            default -> {
                out.println("Made the " + what + " (execution " + result.executionId() + ").");
                out.println("  intake: " + result.read() + " new document(s) read, " + result.written() + " stored, "
                        + result.skipped() + " quarantined");
                result.files().forEach(f -> out.println("  digest: " + display(f)));
                result.delivered().forEach(d -> out.println("  email:  " + d));
                return ExitCodes.OK;
            }
        }
    }

    private static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
