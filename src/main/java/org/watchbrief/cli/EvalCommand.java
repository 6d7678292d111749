package org.watchbrief.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.watchbrief.analysis.Analyzer;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.analysis.eval.EvalReport;
import org.watchbrief.analysis.eval.EvalReport.Finding;
import org.watchbrief.analysis.eval.Evaluation;
import org.watchbrief.analysis.eval.Evaluation.Case;
import org.watchbrief.analysis.eval.Floors;
import org.watchbrief.analysis.eval.Labels;
import org.watchbrief.analysis.eval.Score;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.InboxSource;
import org.watchbrief.intake.UnreadableDocumentException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code watchbrief eval}: the analysis measured against a labelled directory. */
@Command(name = "eval", mixinStandardHelpOptions = true, usageHelpAutoWidth = true, sortOptions = false,
        description = { "Measure the analysis against labelled documents.", "",
                "Runs the analysis on a labelled directory (each document NAME.txt, .md or .html beside its labels "
                        + "NAME.json, as ../shared/corpus/LABELS.md describes) and prints precision, recall and F1 "
                        + "for themes, money and event dates, the kind accuracy of money and the error of the "
                        + "funding total. Documents are read as analyze reads them; relative dates are resolved "
                        + "against the document's own date, else its labelled published date.",
                "", "How what is found is paired with what is labelled:",
                "  themes  per theme, a document graded 2 must be assigned, one graded 0 must not; grade 1 is not "
                        + "counted. Macro-F1 is the mean of the themes' F1.",
                "  money   within a document, each labelled sum (in text order) pairs with the first unpaired sum "
                        + "found in the same currency whose amount is within 0.5%% of it (pounds: amount_gbp; "
                        + "another currency: the amount its text writes). Kind accuracy is measured on the pairs.",
                "  funding over the whole directory, funding sums in pounds grouped by announcement key (a sum "
                        + "without one is its own group), each group counted once at its largest sum; the total "
                        + "found against the labelled total.",
                "  events  within a document, each labelled event pairs with the first unpaired event found with "
                        + "the same date at the same precision (2018-09-03, 2020-03, 2018-WINTER, 2019-Q1, 2018).",
                "", "Floors (--check): themes macro-F1 >= 0.90 and every theme >= 0.85, money F1 >= 0.95, kind "
                        + "accuracy >= 0.95, funding total within 2%%, event date F1 >= 0.85." },
        footer = { "", "Examples:", "  # the figures on the shared dev corpus",
                "  watchbrief eval ../shared/corpus/dev",
                "  # and every disagreement, document by document",
                "  watchbrief eval --details ../shared/corpus/dev",
                "  # the project's own held-out set",
                "  watchbrief eval src/test/resources/holdout", "  # for scripts: exit 1 below a floor",
                "  watchbrief eval --json --check ../shared/corpus/dev" })
class EvalCommand implements Callable<Integer> {

    private static final JsonMapper JSON = AnalysisOptions.JSON;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DIR", description = "A directory of documents with NAME.json labels.")
    Path directory;

    @Option(names = "--json", description = "Print the figures as one JSON object.")
    boolean json;

    @Option(names = "--details", description = "Also list every disagreement, document by document.")
    boolean details;

    @Option(names = "--check", description = "Exit 1 when a floor is missed.")
    boolean check;

    @Mixin
    AnalysisOptions analysis;

    @Override
    public Integer call() {
        if (!Files.isDirectory(directory)) {
            throw new UsageException(directory + " is not a directory; give the folder holding NAME.txt and "
                    + "NAME.json pairs");
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Analyzer analyzer = analysis.analyzer();
        DocumentReader reader = AnalysisOptions.reader(analyzer);
        InboxSource source = new InboxSource(directory, AnalysisOptions.MAX_FILE_BYTES);
        List<Case> cases = new ArrayList<>();
        int unlabelled = 0;
        int unreadable = 0;
        for (Path file : source.list()) {
            String name = stem(file.getFileName().toString());
            Path labelFile = file.resolveSibling(name + ".json");
            if (!Files.isRegularFile(labelFile)) {
                unlabelled++;
                continue;
            }
            Labels labels = labels(name, labelFile);
            try {
                LocalDate reference = labels.published() != null ? labels.published() : LocalDate.now();
                cases.add(new Case(labels, reader.read(source.read(file), reference).analysis()));
            }
            catch (UnreadableDocumentException ex) {
                err.println(file + ": not analysed: " + ex.reason());
                unreadable++;
            }
        }
        if (cases.isEmpty()) {
            throw new UsageException(directory + " holds no document with a NAME.json label beside it");
        }
        if (unlabelled > 0) {
            err.println(unlabelled + " document(s) without a NAME.json label were left out");
        }
        EvalReport report = Evaluation.evaluate(cases, analyzer.taxonomy().keys());
        List<String> missed = Floors.STANDARD.missed(report);
        if (json) {
            out.println(JSON.writeValueAsString(json(report, missed)));
        }
        else {
            table(report, missed, out);
        }
        out.flush();
        if (unreadable > 0) {
            return ExitCodes.JOB_FAILED;
        }
        return check && !missed.isEmpty() ? ExitCodes.JOB_FAILED : ExitCodes.OK;
    }

    private static String stem(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot < 0 ? fileName : fileName.substring(0, dot);
    }

    /** Reads a NAME.json sidecar; a malformed one is a usage error naming the file and the field. */
    static Labels labels(String name, Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("cannot read " + file, ex);
        }
        catch (JacksonException ex) {
            throw new UsageException(file + ": not valid JSON (" + ex.getOriginalMessage() + ")");
        }
        try {
            Map<String, Integer> themes = new LinkedHashMap<>();
            root.path("themes").properties().forEach(e -> themes.put(e.getKey(), e.getValue().asInt()));
            List<Labels.Money> money = new ArrayList<>();
            for (JsonNode m : root.path("money")) {
                JsonNode amount = m.path("amount_gbp");
                money.add(new Labels.Money(m.path("text").asString(), amount.isNumber() ? amount.decimalValue() : null,
                        MoneyKind.fromLabel(m.path("kind").asString()),
                        m.path("announcement").isString() ? m.path("announcement").asString() : null));
            }
            List<Labels.Event> events = new ArrayList<>();
            for (JsonNode e : root.path("events")) {
                events.add(new Labels.Event(e.path("date").asString(), e.path("text").asString("")));
            }
            JsonNode published = root.path("published");
            return new Labels(name, published.isString() ? LocalDate.parse(published.asString()) : null, themes, money,
                    events);
        }
        catch (RuntimeException ex) {
            throw new UsageException(file + ": labels not in the form of LABELS.md (" + ex.getMessage() + ")");
        }
    }

    private void table(EvalReport report, List<String> missed, PrintWriter out) {
        out.println("Evaluated " + report.documents() + " labelled documents.");
        out.println();
        out.printf(Locale.ROOT, "%-24s %9s %7s %7s   %s%n", "", "precision", "recall", "F1", "counts");
        for (EvalReport.ThemeResult theme : report.themes()) {
            row(out, "theme " + theme.theme(), theme.score());
        }
        out.printf(Locale.ROOT, "%-24s %9s %7s %7.3f   lowest theme %.3f%n", "themes macro-F1", "", "",
                report.themesMacroF1(), report.themesMinimumF1());
        row(out, "money", report.money());
        out.printf(Locale.ROOT, "%-24s %25.3f   %d of %d paired sums%n", "money kind accuracy",
                report.kinds().accuracy(), report.kinds().sameKind(), report.kinds().paired());
        row(out, "event dates", report.events());
        EvalReport.FundingTotals funding = report.funding();
        out.printf(Locale.ROOT, "%-24s %+24.1f%%   found %s in %d announcements, labelled %s in %d%n",
                "funding total error", funding.relativeError() * 100, pounds(funding.predicted()),
                funding.predictedAnnouncements(), pounds(funding.labelled()), funding.labelledAnnouncements());
        out.println();
        if (missed.isEmpty()) {
            out.println("Every floor is met.");
        }
        else {
            out.println("Floors missed:");
            missed.forEach(m -> out.println("  " + m));
        }
        if (details && !report.findings().isEmpty()) {
            out.println();
            out.println("Disagreements:");
            String document = null;
            for (Finding finding : report.findings().stream().sorted(Comparator.comparing(Finding::document))
                .toList()) {
                if (!finding.document().equals(document)) {
                    document = finding.document();
                    out.println("  " + document);
                }
                out.println("    " + finding.area() + ": " + finding.message());
            }
        }
    }

    private static void row(PrintWriter out, String label, Score score) {
        out.printf(Locale.ROOT, "%-24s %9.3f %7.3f %7.3f   tp %d, fp %d, fn %d%n", label, score.precision(),
                score.recall(), score.f1(), score.truePositives(), score.falsePositives(), score.falseNegatives());
    }

    private static String pounds(BigDecimal amount) {
        return "£" + String.format(Locale.UK, "%,d", amount.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    private Map<String, Object> json(EvalReport report, List<String> missed) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("documents", report.documents());
        Map<String, Object> themes = new LinkedHashMap<>();
        report.themes().forEach(t -> themes.put(t.theme(), score(t.score())));
        json.put("themes", themes);
        json.put("themes_macro_f1", round(report.themesMacroF1()));
        json.put("money", score(report.money()));
        json.put("kind_accuracy", Map.of("accuracy", round(report.kinds().accuracy()), "paired",
                report.kinds().paired(), "same_kind", report.kinds().sameKind()));
        Map<String, Object> funding = new LinkedHashMap<>();
        funding.put("labelled_gbp", report.funding().labelled());
        funding.put("found_gbp", report.funding().predicted());
        funding.put("relative_error", round(report.funding().relativeError()));
        funding.put("labelled_announcements", report.funding().labelledAnnouncements());
        funding.put("found_announcements", report.funding().predictedAnnouncements());
        json.put("funding", funding);
        json.put("events", score(report.events()));
        json.put("floors_missed", missed);
        if (details) {
            json.put("findings", report.findings().stream()
                .map(f -> Map.of("document", f.document(), "area", f.area(), "message", f.message())).toList());
        }
        return json;
    }

    private static Map<String, Object> score(Score score) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("precision", round(score.precision()));
        json.put("recall", round(score.recall()));
        json.put("f1", round(score.f1()));
        json.put("tp", score.truePositives());
        json.put("fp", score.falsePositives());
        json.put("fn", score.falseNegatives());
        return json;
    }

    private static double round(double value) {
        return Math.round(value * 10000) / 10000.0;
    }
}
