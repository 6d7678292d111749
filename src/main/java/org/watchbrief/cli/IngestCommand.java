package org.watchbrief.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;

import org.watchbrief.batch.IngestLauncher;
import org.watchbrief.batch.IngestResult;
import org.watchbrief.intake.TextExtractor;
import org.watchbrief.store.DocumentRepository.Ingested;
import org.watchbrief.store.QuarantineRepository.Entry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchbrief ingest}: intake alone, and what quarantine holds. */
@Command(name = "ingest", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = { "Read new documents into the database, without making a briefing.", "",
                "Reads the given files and folders or, when none is given, the inbox and the web sources "
                        + "enabled in the configuration. Prints what it stored, what it passed over as seen "
                        + "before, and what it quarantined and why.",
                "Reads " + TextExtractor.READS + " files. An unreadable file from the inbox is moved to the "
                        + "quarantine folder; one from elsewhere is copied there. With --quarantine, lists what "
                        + "quarantine holds instead." },
        footer = { "", "Exit codes: 0 done (even with documents quarantined), 1 the run failed,",
                "2 a usage error.",
                "", "Examples:",
                "  # read the inbox and the enabled web sources",
                "  watchbrief ingest",
                "  # read one file from elsewhere",
                "  watchbrief ingest ~/Downloads/answer.pdf",
                "  # what could not be read, and why",
                "  watchbrief ingest --quarantine" })
class IngestCommand implements Callable<Integer> {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
        .withZone(ZoneId.systemDefault());

    private final Services services;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "0..*", paramLabel = "PATH",
            description = "Files or folders to read instead of the inbox and web sources.")
    List<Path> paths = List.of();

    @Option(names = "--quarantine", description = "List what quarantine holds (oldest first) and exit.")
    boolean listQuarantine;

    IngestCommand(Services services) {
        this.services = services;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (listQuarantine) {
            if (!paths.isEmpty()) {
                throw new UsageException("--quarantine lists quarantine and reads nothing: give no PATH with it");
            }
            return listQuarantine(out);
        }
        for (Path path : paths) {
            if (!Files.isRegularFile(path) && !Files.isDirectory(path)) {
                throw new UsageException(path + " is neither a file nor a folder");
            }
        }
        IngestResult result = services.get(IngestLauncher.class).ingest(paths);
        return report(result, out, spec.commandLine().getErr());
    }

    private int listQuarantine(PrintWriter out) {
        List<Entry> entries = services.get(IngestLauncher.class).quarantine();
        if (entries.isEmpty()) {
            out.println("Quarantine is empty.");
            return ExitCodes.OK;
        }
        out.println(entries.size() + " document(s) in quarantine:");
        for (Entry entry : entries) {
            out.println(WHEN.format(entry.quarantinedAt()) + "  " + entry.sourceKey());
            out.println("    why:  " + entry.reason());
            out.println("    kept: " + (entry.storedPath() == null ? "(nothing to keep: it could not be fetched)"
                    : entry.storedPath()));
        }
        return ExitCodes.OK;
    }

    static int report(IngestResult result, PrintWriter out, PrintWriter err) {
        long versions = result.newVersions();
        out.println((result.storedCount() + result.quarantined().size()) + " new document(s): "
                + (result.storedCount() - versions) + " stored, "
                + versions + " new version(s) of documents stored before, " + result.quarantined().size()
                + " quarantined; " + result.passedOver() + " passed over as seen before.");
        for (Ingested stored : result.stored()) {
            out.println("  stored       " + stored.sourceKey() + "  " + stored.type().displayName()
                    + (stored.title() == null ? "" : ", \"" + stored.title() + "\"") + ", " + stored.briefDate()
                    + (stored.version() > 1 ? ", version " + stored.version() : "")
                    + (stored.holding() ? ", holding answer" : "") + (stored.relevant() ? "" : ", not relevant")
                    + (stored.textCut() ? ", text cut at watchbrief.intake.max-characters" : ""));
        }
        if (result.storedCount() > result.stored().size()) {
            out.println("  ... and " + (result.storedCount() - result.stored().size()) + " more stored");
        }
        for (Entry entry : result.quarantined()) {
            out.println("  quarantined  " + entry.sourceKey() + ": " + entry.reason());
        }
        if (!result.completed()) {
            err.println("Intake failed: " + result.message());
            err.println("Nothing is lost: fix the cause and run again; what was stored stays stored, the rest is read "
                    + "again.");
            return ExitCodes.JOB_FAILED;
        }
        return ExitCodes.OK;
    }
}
