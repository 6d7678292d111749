package org.watchbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

import org.watchbrief.intake.Taxonomies;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.ScheduleLoader;
import org.watchbrief.schedule.ScheduleLoader.Checked;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code watchbrief schedules}: the schedules and when they next run. Reads only the files (no
 * database), so it answers at once, and also while {@code serve} holds the H2 database.
 */
@Command(name = "schedules", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = { "List the schedules and their next runs, or check their files.", "",
                "Lists each schedule of the schedules folder with its next three runs and the window each "
                        + "would brief; with --check, only validates every file.",
                "A bad file is one line naming the file, the field and what is wrong, and exit code 2. Reads "
                        + "the files alone, so it answers while serve holds the database." },
        footer = { "", "Examples:",
                "  # the next three runs of each schedule",
                "  watchbrief schedules",
                "  # validate every schedule file",
                "  watchbrief schedules --check",
                "  # the runs around the clocks going forward in spring",
                "  watchbrief schedules --after 2027-03-27T00:00" })
class SchedulesCommand implements Callable<Integer> {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM uuuu HH:mm zzz", Locale.UK);

    @Spec
    CommandSpec spec;

    @Option(names = "--check", description = "Validate every schedule file and print one line per file.")
    boolean check;

    @Option(names = "--dir", paramLabel = "DIR", defaultValue = "${env:WATCHBRIEF_SCHEDULES_DIR:-schedules}",
            description = "The schedules folder (env WATCHBRIEF_SCHEDULES_DIR; default: ${DEFAULT-VALUE}).")
    Path directory;

    @Option(names = "--themes-file", paramLabel = "FILE", defaultValue = "${env:WATCHBRIEF_THEMES_FILE}",
            description = "A taxonomy replacing the built-in themes.yml (env WATCHBRIEF_THEMES_FILE).")
    Path themesFile;

    @Option(names = "--after", paramLabel = "DATE-TIME",
            description = "List the runs after this local date and time (2027-03-27T00:00) instead of now.")
    LocalDateTime after;

    Clock clock = Clock.systemDefaultZone();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ScheduleLoader loader = new ScheduleLoader(Set.copyOf(Taxonomies.load(themesFile).keys()));
        List<Checked> files = loader.checkAll(directory);
        if (files.isEmpty()) {
            err.println("watchbrief: " + directory + " holds no schedule files (*.yml)");
            return ExitCodes.USAGE;
        }
        long invalid = files.stream().filter(f -> !f.valid()).count();
        for (Checked file : files) {
            if (!file.valid()) {
                err.println(file.problem());
            }
            else if (check) {
                out.println("ok: " + file.file() + " (" + file.schedule().name() + ")");
            }
            else {
                describe(file.file(), file.schedule(), out);
            }
        }
        if (check) {
            out.println(files.size() + " schedule file(s) checked: "
                    + (invalid == 0 ? "all valid" : invalid + " invalid"));
        }
        out.flush();
        return invalid == 0 ? ExitCodes.OK : ExitCodes.USAGE;
    }

    private void describe(Path file, Schedule schedule, PrintWriter out) {
        out.println(schedule.name() + " (" + file + ")"
                + (schedule.description() == null ? "" : ": " + schedule.description()));
        out.println("  runs:    \"" + schedule.cron() + "\" in " + schedule.zone() + "; each run briefs the "
                + schedule.window() + " window ending the day before");
        out.println("  to:      " + String.join(", ", schedule.recipients()));
        out.println("  themes:  " + (schedule.themes().isEmpty() ? "all" : String.join(", ", schedule.themes())) + "; "
                + String.join(" and ", schedule.formats()));
        if (!schedule.filter().isEmpty()) {
            out.println("  only:    documents " + schedule.filter().describe());
        }
        Instant from = after != null ? after.atZone(schedule.zone()).toInstant() : clock.instant();
        List<ZonedDateTime> next = schedule.fireTimes().next(3, from);
        if (next.isEmpty()) {
            out.println("  next:    never (the cron expression does not fire again)");
        }
        for (int i = 0; i < next.size(); i++) {
            out.println((i == 0 ? "  next:    " : "           ") + String.format("%-27s", WHEN.format(next.get(i)))
                    + "briefs " + schedule.windowFor(next.get(i)).describe());
        }
    }
}
