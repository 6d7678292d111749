package org.watchbrief.cli;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.watchbrief.analysis.Analysis;
import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.analysis.MoneyMention;
import org.watchbrief.analysis.ThemeScore;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentMetadata;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.InboxSource;
import org.watchbrief.intake.UnreadableDocumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code watchbrief analyze}: the analysis of files, without the database. */
@Command(name = "analyze", mixinStandardHelpOptions = true, usageHelpAutoWidth = true,
        description = { "Analyse documents without the database (--json for scripts).", "",
                "Analyses files (or every file of a directory that intake reads, in name order) without "
                + "touching the database: metadata, relevance, themes, money and dated events.",
                "With --json, prints one JSON object per document per line, in the shape DESIGN.md specifies." },
        footer = { "", "Examples:", "  # what one document is about, its money and its dates",
                "  watchbrief analyze inbox/wq-01-social-media-grooming.txt",
                "  # every document of a folder, one JSON object per line",
                "  watchbrief analyze --json inbox/ > analysis.jsonl",
                "  # with a taxonomy of your own",
                "  watchbrief analyze --themes-file my-themes.yml inbox/" })
class AnalyzeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to analyse.")
    List<Path> paths;

    @Option(names = "--json", description = "One JSON object per document per line.")
    boolean json;

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        DocumentReader reader = AnalysisOptions.reader(analysis.analyzer());
        int failures = 0;
        for (Path file : files()) {
            try {
                AnalysedDocument document = reader.read(new InboxSource(file.toAbsolutePath().getParent(),
                        AnalysisOptions.MAX_FILE_BYTES).read(file), LocalDate.now());
                if (json) {
                    String line = AnalysisOptions.JSON.writeValueAsString(contract(file.getFileName().toString(),
                            document));
                    out.println(line);
                }
                else {
                    describe(file, document, out);
                }
            }
            catch (UnreadableDocumentException ex) {
                err.println(file + ": not analysed: " + ex.reason());
                failures++;
            }
            out.flush();
        }
        return failures == 0 ? ExitCodes.OK : ExitCodes.JOB_FAILED;
    }

    private List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                files.addAll(new InboxSource(path, AnalysisOptions.MAX_FILE_BYTES).list());
            }
            else if (Files.isRegularFile(path)) {
                files.add(path);
            }
            else {
                throw new UsageException(path + " is neither a file nor a directory");
            }
        }
        return files;
    }

    /** The JSON contract of DESIGN.md, field for field and in its order. */
    static Map<String, Object> contract(String file, AnalysedDocument document) {
        DocumentMetadata m = document.metadata();
        Analysis a = document.analysis();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", file);
        json.put("type", m.type().label());
        json.put("title", m.title());
        json.put("department", m.department());
        json.put("uin", m.uin());
        json.put("asked", iso(m.asked()));
        json.put("answered", iso(m.answered()));
        json.put("answered_by", m.answeredBy());
        json.put("published", iso(m.published()));
        json.put("relevant", a.relevant());
        Map<String, Object> themes = new LinkedHashMap<>();
        for (ThemeScore score : a.themes()) {
            themes.put(score.theme(), score.score());
        }
        json.put("themes", themes);
        json.put("assigned", a.assignedThemes());
        List<Map<String, Object>> money = new ArrayList<>();
        for (MoneyMention mention : a.money()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("text", mention.text());
            BigDecimal pounds = mention.amountGbp();
            item.put("amount_gbp", pounds);
            item.put("kind", mention.kind().label());
            item.put("purpose", mention.purpose());
            item.put("announcement", mention.announcement());
            money.add(item);
        }
        json.put("money", money);
        List<Map<String, Object>> events = new ArrayList<>();
        for (DatedEvent event : a.events()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("date", event.isoDate());
            item.put("precision", event.precision().label());
            item.put("text", event.text());
            item.put("event", event.event());
            events.add(item);
        }
        json.put("events", events);
        return json;
    }

    private static void describe(Path file, AnalysedDocument document, PrintWriter out) {
        DocumentMetadata m = document.metadata();
        Analysis a = document.analysis();
        out.println(file + ": " + m.type().displayName() + ", \"" + m.title() + "\"");
        out.println("  published " + (m.published() == null ? "(not given)" : m.published())
                + (m.department() == null ? "" : ", " + m.department()));
        out.println("  " + (a.relevant() ? "about online child sexual exploitation and abuse; themes: "
                + (a.assignedThemes().isEmpty() ? "none" : String.join(", ", a.assignedThemes()))
                : "not about online child sexual exploitation and abuse"));
        a.money().forEach(mm -> out.println("  money: " + mm.text() + " (" + mm.kind().label() + ")"
                + (mm.purpose() == null ? "" : " for " + mm.purpose())));
        a.events().forEach(e -> out.println("  event: " + e.isoDate() + " " + e.event()));
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
