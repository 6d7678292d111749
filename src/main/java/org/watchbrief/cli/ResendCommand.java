package org.watchbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.watchbrief.batch.WatchbriefProperties;
import org.watchbrief.delivery.DeliveryService;
import org.watchbrief.delivery.DeliveryService.Attempt;
import org.watchbrief.delivery.DeliveryService.Resent;
import org.watchbrief.delivery.EmailAddresses;
import org.watchbrief.delivery.Letter;
import org.watchbrief.digest.Window;
import org.watchbrief.schedule.Schedule;
import org.watchbrief.schedule.ScheduleFileException;
import org.watchbrief.schedule.Schedules;
import org.watchbrief.store.DigestRecord;
import org.watchbrief.store.DigestRepository;
import org.watchbrief.store.OutboxEntry;
import org.watchbrief.store.OutboxRepository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchbrief resend}: an operator sends a digest again. */
@Command(name = "resend", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = { "Send a digest's email again.", "",
                "Sends to everyone it went to, or only to the --to addresses (which may be new). Each resend "
                        + "has a Message-ID of its own, so it arrives even where the first one was dropped as a "
                        + "repeat.",
                "If the digest's delivery (or an earlier resend) stopped half way, this finishes it instead, and "
                        + "sends no one a second copy; run it again afterwards for new copies." },
        footer = { "", "Examples:",
                "  # to everyone the weekly digest of 22 November went to",
                "  watchbrief resend weekly/2026-11-22",
                "  # to a new manager only",
                "  watchbrief resend weekly/2026-11-22 --to new.manager@example.org",
                "  # name the digest by one of its files",
                "  watchbrief resend reports/out/weekly/2026-11-22/briefing.pdf" })
class ResendCommand implements Callable<Integer> {

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIGEST",
            description = "The digest: SCHEDULE/WINDOW-END as its folder is named (weekly/2026-11-22), that "
                    + "folder or one of its files, or the digest's number.")
    String digest;

    @Option(names = "--to", paramLabel = "ADDRESS", split = ",",
            description = "Send only to these addresses (repeat the option or separate with commas).")
    List<String> to;

    ResendCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> addresses = new ArrayList<>();
        for (String address : to == null ? List.<String>of() : to) {
            try {
                EmailAddresses.parse(address.strip());
            }
            catch (IllegalArgumentException ex) {
                throw new UsageException("--to: " + ex.getMessage());
            }
            addresses.add(address.strip());
        }
        DigestRecord record = find(services.get(DigestRepository.class));
        Window window = new Window(record.windowStart(), record.windowEnd());
        String what = "the " + record.scheduleName() + " briefing for " + window.describe() + " (digest " + record.id()
                + ")";
        if (record.docxPath() == null && record.pdfPath() == null) {
            err.println("watchbrief: " + what + " has no files yet: its run stopped before they were written. "
                    + "Finish it with: watchbrief run " + record.scheduleName() + " --to " + record.windowEnd());
            return ExitCodes.JOB_FAILED;
        }
        Schedule schedule = schedule(record.scheduleName());
        String subject = schedule != null ? schedule.subjectFor(window)
                : "Briefing " + record.scheduleName() + ", " + window.describe();
        if (addresses.isEmpty()) {
            services.get(OutboxRepository.class).forDigest(record.id()).stream().map(OutboxEntry::recipient)
                .forEach(addresses::add);
        }
        if (addresses.isEmpty() && schedule != null) {
            addresses.addAll(schedule.recipients());
        }
        if (addresses.isEmpty()) {
            throw new UsageException(what + " went to no one, and schedule " + record.scheduleName()
                    + " is gone; say whom to send it to with --to");
        }
        DeliveryService delivery = services.get(DeliveryService.class);
        Path directory = Path.of(record.docxPath() != null ? record.docxPath() : record.pdfPath()).getParent();
        Letter letter = delivery.letter(record, subject, schedule == null ? null : schedule.filter().describe(),
                directory);
        Resent resent = delivery.resend(letter, addresses);
        out.println((resent.resumed() ? "Finished the interrupted delivery of " : "Resent ") + what + " by "
                + delivery.channel() + ":");
        for (Attempt attempt : resent.attempts()) {
            out.println(attempt.sent() ? "  sent to " + attempt.recipient() + ": " + attempt.location()
                    : "  NOT sent to " + attempt.recipient() + ": " + attempt.failure());
        }
        resent.untried().forEach(r -> out.println("  not tried: " + r + " (kept; run the same resend again)"));
        if (resent.resumed()) {
            out.println("Run the resend again to send everyone a new copy.");
        }
        boolean allSent = resent.attempts().stream().allMatch(Attempt::sent) && resent.untried().isEmpty();
        return allSent ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }

    /** weekly/2026-11-22, reports/out/weekly/2026-11-22[/briefing.pdf], or a number. */
    private DigestRecord find(DigestRepository digests) {
        String text = digest.strip();
        if (text.matches("\\d+")) {
            return digests.findById(Long.parseLong(text))
                .orElseThrow(() -> new UsageException("there is no digest number " + text));
        }
        Path path = Path.of(text);
        if (path.getFileName() != null && path.getFileName().toString().startsWith("briefing.")) {
            path = path.getParent();
        }
        if (path == null || path.getNameCount() < 2) {
            throw new UsageException("'" + digest + "' names no digest; give SCHEDULE/WINDOW-END, such as "
                    + "weekly/2026-11-22, or the digest's folder");
        }
        String schedule = path.getName(path.getNameCount() - 2).toString();
        LocalDate end;
        try {
            end = LocalDate.parse(path.getFileName().toString());
        }
        catch (DateTimeParseException ex) {
            throw new UsageException("'" + digest + "' does not end with a window's last day (such as weekly/2026-11-22)");
        }
        Optional<DigestRecord> found = digests.find(schedule, end);
        return found.orElseThrow(() -> new UsageException("there is no " + schedule + " digest for the window ending "
                + end + " (digests are in " + services.get(WatchbriefProperties.class).reportsDir() + ")"));
    }

    private Schedule schedule(String name) {
        try {
            return services.get(Schedules.class).get(name);
        }
        catch (ScheduleFileException gone) {
            return null;
        }
    }
}
