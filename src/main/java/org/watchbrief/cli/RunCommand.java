package org.watchbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.watchbrief.analysis.Taxonomy;
import org.watchbrief.batch.BriefingLauncher;
import org.watchbrief.batch.BriefingParameters;
import org.watchbrief.batch.BriefingParameters.Overrides;
import org.watchbrief.batch.BriefingPlan;
import org.watchbrief.batch.BriefingPlanner;
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

/** {@code watchbrief run}: a briefing now. */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false, usageHelpAutoWidth = true,
        description = { "Make a briefing now, or see what one would do (--dry-run).", "",
                "Reads the new documents in the inbox, composes the digest of a window of days, writes briefing.docx and briefing.pdf, and emails them to the schedule's recipients "
                + "(as .eml files beside the digest when no SMTP host is set). Prints where the files are and who "
                + "was sent what.",
                "",
                "A window is briefed once: running the same command again does nothing and says so, and a run that "
                        + "failed resumes where it stopped. Options that change what the schedule says (--from, "
                        + "--themes, --format, --email, --no-email, --out) make an ad-hoc briefing, kept apart from "
                        + "the schedule's own: it is written to its own folder and neither blocks nor is blocked by "
                        + "the scheduled briefing of the same window.",
                "" },
        footer = { "", "Dates (--from, --to): 2026-11-20, \"20 November 2026\", today, yesterday,",
                "\"last week\" (Monday to Sunday of the week before this one) or \"last month\"",
                "(the calendar month before this one): --from takes a period's first day,",
                "--to its last.",
                "", "Examples:",
                "  # what a briefing would read, write and send, changing nothing",
                "  watchbrief run --dry-run",
                "  # the default schedule (weekly) for the seven days to yesterday",
                "  watchbrief run",
                "  # the monthly schedule for the whole of last month",
                "  watchbrief run monthly --from \"last month\" --to \"last month\"",
                "  # since 1 September, grooming only, as a PDF to one person",
                "  watchbrief run --from 2026-09-01 --to today --themes grooming \\",
                "                 --format pdf --email me@example.org",
                "  # the files only, into a folder of your choice",
                "  watchbrief run --no-email --out /tmp/briefing" })
class RunCommand implements Callable<Integer> {

    private static final Set<String> FORMATS = Set.of("docx", "pdf");

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCHEDULE",
            description = "The schedule: the name of a file in the schedules folder (weekly for schedules/weekly.yml). "
                    + "Default: weekly (or watchbrief.default-schedule).")
    String scheduleName;

    @Option(names = "--from", paramLabel = "DATE", converter = DateConverter.Start.class,
            description = "The window's first day. Default: the schedule's window back from --to (weekly: 7 days).")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", converter = DateConverter.End.class,
            description = "The window's last day, included. Default: yesterday, the last whole day.")
    LocalDate to;

    @Option(names = "--themes", paramLabel = "THEME", split = ",",
            description = "Only these themes, in this order (grooming,livestreaming,data_sharing,legislation). "
                    + "Default: the schedule's.")
    List<String> themes;

    @Option(names = { "--format", "--formats" }, paramLabel = "FORMAT", split = ",",
            description = "The files to write: docx, pdf or docx,pdf. Default: the schedule's.")
    List<String> formats;

    @Option(names = "--email", paramLabel = "ADDRESS", split = ",",
            description = "Send to these addresses instead of the schedule's recipients (repeat, or separate with commas).")
    List<String> emails;

    @Option(names = "--no-email", description = "Send nothing: write the files only.")
    boolean noEmail;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Write the files into this folder. Default: reports/out/SCHEDULE/WINDOW-END "
                    + "(WINDOW-END-adhoc-ID for an ad-hoc briefing).")
    Path outDir;

    @Option(names = { "-n", "--dry-run" },
            description = "Say what would be read, written and sent, and change nothing: no run is recorded, "
                    + "nothing is stored, written or sent.")
    boolean dryRun;

    RunCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        if (noEmail && emails != null) {
            throw new UsageException("--email and --no-email contradict each other; give one of them");
        }
        Services app = dryRun ? services.readOnly() : services;
        WatchbriefProperties properties = app.get(WatchbriefProperties.class);
        Schedule schedule = app.get(Schedules.class)
            .get(scheduleName != null ? scheduleName : properties.defaultSchedule());
        LocalDate today = LocalDate.now(schedule.zone());
        LocalDate end = to != null ? to : today.minusDays(1);
        // "today" on the command line is this machine's; the schedule's zone may still be on the day before
        if (end.isAfter(today) && end.isAfter(LocalDate.now())) {
            throw new UsageException("--to " + end + " is in the future; a window is briefed once, so brief it when it "
                    + "has ended (--to today at the latest)");
        }
        if (from != null && from.isAfter(end)) {
            throw new UsageException("--from " + from + " is after the window's last day " + end
                    + "; give a --from on or before --to");
        }
        Window window = from != null ? new Window(from, end) : schedule.windowEnding(end);
        BriefingParameters parameters = new BriefingParameters(schedule.name(), window,
                overrides(schedule, window, app.get(Taxonomy.class), properties.reportsDir()));
        PrintWriter out = spec.commandLine().getOut();
        if (dryRun) {
            describe(app.get(BriefingPlanner.class).plan(parameters), out);
            return ExitCodes.OK;
        }
        BriefingResult result = TerminalProgress
            .around(display -> app.get(BriefingLauncher.class).brief(parameters, display));
        return report(result, out, spec.commandLine().getErr());
    }

    /** What differs from the schedule; an option that repeats the schedule changes nothing. */
    private Overrides overrides(Schedule schedule, Window window, Taxonomy taxonomy, Path reportsDir) {
        LocalDate ownStart = window.start().equals(schedule.windowEnding(window.end()).start()) ? null : window.start();
        List<String> ownThemes = null;
        if (themes != null) {
            for (String theme : themes) {
                if (!taxonomy.keys().contains(theme)) {
                    throw new UsageException("--themes: '" + theme + "' is not a theme; use "
                            + String.join(", ", taxonomy.keys()));
                }
            }
            ownThemes = themes.equals(schedule.themes()) ? null : themes;
        }
        List<String> ownFormats = null;
        if (formats != null) {
            for (String format : formats) {
                if (!FORMATS.contains(format)) {
                    throw new UsageException("--format: '" + format + "' is not a format; use docx, pdf or docx,pdf");
                }
            }
            ownFormats = Set.copyOf(formats).equals(Set.copyOf(schedule.formats())) ? null : formats;
        }
        List<String> recipients = noEmail ? List.of() : emails;
        if (emails != null) {
            emails.forEach(RunCommand::checkAddress);
            recipients = new HashSet<>(emails).equals(new HashSet<>(schedule.recipients())) ? null : emails;
        }
        Overrides own = new Overrides(ownStart, ownThemes, ownFormats, recipients, null);
        if (outDir == null
                || own.none() && same(outDir, new BriefingParameters(schedule.name(), window).directory(reportsDir))) {
            return own;
        }
        return new Overrides(ownStart, ownThemes, ownFormats, recipients, outDir);
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    private static void checkAddress(String address) {
        try {
            if (address.chars().anyMatch(c -> c == '\r' || c == '\n')) {
                throw new AddressException("holds a line break");
            }
            new InternetAddress(address, true).validate();
        }
        catch (AddressException ex) {
            throw new UsageException("--email: '" + address.replace("\r", "\\r").replace("\n", "\\n")
                    + "' is not an email address (" + ex.getMessage() + ")");
        }
    }

    private static void describe(BriefingPlan plan, PrintWriter out) {
        out.println("Dry run: nothing was recorded, stored, written or sent.");
        out.println("Briefing:    " + title(plan.parameters()));
        switch (plan.state()) {
            case DONE -> {
                out.println("A run would do nothing: the window was briefed by execution " + plan.lastExecutionId() + ".");
                return;
            }
            case RUNNING -> {
                out.println("A run would do nothing: execution " + plan.lastExecutionId() + " is marked as running (if "
                        + "its process was killed: watchbrief abandon " + plan.lastExecutionId() + ").");
                return;
            }
            case RESUME -> out.println("A run would resume failed execution " + plan.lastExecutionId() + " at step "
                    + plan.resumeAt() + ".");
            default -> {
            }
        }
        if (plan.readsInbox()) {
            out.println("Would read:  " + plan.newDocuments().size() + " new document(s) in " + display(plan.inbox())
                    + " (" + plan.alreadySeen() + " read before)");
            plan.newDocuments().forEach(d -> out.println("               " + d));
            plan.unreadable().forEach(u -> out.println("               not readable, would be quarantined: " + u));
        }
        out.println("Themes:      " + String.join(", ", plan.themes()));
        for (int i = 0; i < plan.files().size(); i++) {
            out.println((i == 0 ? "Would write: " : "             ") + display(plan.files().get(i)));
        }
        out.println("Would send:  " + (plan.recipients().isEmpty() ? "nothing (--no-email)"
                : "to " + String.join(", ", plan.recipients())));
    }

    /** "weekly briefing for 14 November 2026 to 20 November 2026 (ad hoc: themes grooming)". */
    static String title(BriefingParameters p) {
        return p.scheduleName() + " briefing for " + p.window().describe()
                + (p.adHoc() ? " (ad hoc: " + p.overrides().describe() + ")" : "");
    }

    static int report(BriefingResult result, PrintWriter out, PrintWriter err) {
        String what = title(result.parameters());
        switch (result.outcome()) {
            case ALREADY_BRIEFED -> {
                out.println("Nothing to do: " + result.message() + ".");
                result.files().forEach(f -> out.println("  digest: " + display(f)));
                return ExitCodes.OK;
            }
            case IN_PROGRESS -> {
                out.println("Nothing to do: " + result.message() + ".");
                if (result.executionId() != null) {
                    out.println("  If no watchbrief process is running it (a killed process leaves it so): "
                            + "watchbrief abandon " + result.executionId() + ", then run this again.");
                }
                return ExitCodes.OK;
            }
            case FAILED -> {
                err.println("The " + what + " failed" + (result.failedStep() == null ? ""
                        : " in step " + result.failedStep())
                        + (result.executionId() == null ? "" : " (execution " + result.executionId() + ")") + ": "
                        + result.message());
                if (result.executionId() != null) {
                    err.println("Fix the cause, then resume it where it stopped: watchbrief restart "
                            + result.executionId() + " (or run the same command again).");
                }
                return ExitCodes.JOB_FAILED;
            }
            default -> {
                out.println("Made the " + what + "; execution " + result.executionId() + ".");
                out.println("  read:   " + result.read() + " new document(s): " + result.written() + " stored, "
                        + result.skipped() + " quarantined");
                result.files().forEach(f -> out.println("  digest: " + display(f)));
                if (result.delivered().isEmpty()) {
                    out.println("  email:  none sent");
                }
                result.delivered().forEach(d -> out.println("  email:  " + d));
                return ExitCodes.OK;
            }
        }
    }

    /** A path relative to the working directory when it is inside it, else absolute. */
    static String display(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path here = Path.of("").toAbsolutePath();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }
}
