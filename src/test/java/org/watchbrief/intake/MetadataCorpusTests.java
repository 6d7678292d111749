package org.watchbrief.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.watchbrief.support.SharedCorpus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metadata parser against the labelled documents of ../shared/corpus/dev: per layout and per
 * field, how often the value read equals the label. A value the text does not carry (a UIN only in
 * the page's address, a department only in GOV.UK's sidebar) cannot be read and stays null, so the
 * measure that matters most is the other one: a value read that contradicts its label.
 */
class MetadataCorpusTests {

    private static final List<String> FIELDS = List.of("type", "title", "department", "uin", "asked", "answered",
            "answered_by", "published");

    private static final Map<String, Function<DocumentMetadata, Object>> READ = Map.of("type",
            m -> m.type().label(), "title", DocumentMetadata::title, "department", DocumentMetadata::department, "uin",
            DocumentMetadata::uin, "asked", m -> iso(m.asked()), "answered", m -> iso(m.answered()), "answered_by",
            DocumentMetadata::answeredBy, "published", m -> iso(m.published()));

    /** Per layout, per field: [correct, wrong, missed, invented, labelled]. */
    private static final Map<String, Map<String, int[]>> SCORES = new TreeMap<>();

    private static final List<String> WRONG = new ArrayList<>();

    private static final List<String> MISSED = new ArrayList<>();

    /** The type read when a layout does not say: not a contradiction of a label, a value not found. */
    private static final String UNKNOWN_TYPE = DocumentType.OTHER.label();

    @BeforeAll
    static void measure() throws IOException {
        Path dev = SharedCorpus.dev();
        MetadataParser parser = new MetadataParser();
        JsonMapper json = JsonMapper.builder().build();
        try (Stream<Path> files = Files.list(dev)) {
            for (Path text : files.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
                Path sidecar = Path.of(text.toString().replaceAll("\\.txt$", ".json"));
                JsonNode labels = json.readTree(Files.readString(sidecar));
                DocumentMetadata read = parser.parse(Files.readString(text, StandardCharsets.UTF_8)).metadata();
                Map<String, int[]> layout = SCORES.computeIfAbsent(layout(labels.get("source_url").asString()),
                        k -> new LinkedHashMap<>());
                for (String field : FIELDS) {
                    JsonNode label = labels.get(field);
                    Object expected = label == null || label.isNull() ? null : label.asString();
                    Object actual = READ.get(field).apply(read);
                    int[] score = layout.computeIfAbsent(field, k -> new int[5]);
                    if (expected != null) {
                        score[4]++;
                    }
                    if (Objects.equals(expected, actual)) {
                        score[0] += expected == null ? 0 : 1;
                    }
                    else if (actual == null || UNKNOWN_TYPE.equals(actual) && field.equals("type")) {
                        MISSED.add(text.getFileName() + " " + field + ": labelled '" + expected + "'");
                        score[2]++;
                    }
                    else {
                        score[expected == null ? 3 : 1]++;
                        WRONG.add(text.getFileName() + " " + field + ": read '" + actual + "', labelled '" + expected
                                + "'");
                    }
                }
            }
        }
        print();
    }

    @Test
    void readsWhatTheParliamentaryLayoutsCarry() {
        // parallelparliament copies without their header carry no title; none carries the UIN
        assertAccuracy("parallelparliament question", Map.of("type", 1.0, "title", 0.8, "department", 1.0, "asked",
                1.0, "answered", 1.0, "answered_by", 1.0, "published", 1.0));
        assertAccuracy("theyworkforyou answer", Map.of("type", 1.0, "title", 1.0, "department", 1.0, "answered", 1.0,
                "answered_by", 1.0, "published", 1.0));
        assertAccuracy("questions-statements", Map.of("type", 1.0, "title", 1.0, "department", 1.0, "uin", 1.0,
                "asked", 1.0, "answered", 1.0, "published", 1.0));
        assertAccuracy("Hansard", Map.of("type", 0.8, "title", 0.8, "published", 0.8, "uin", 1.0, "answered", 1.0));
        assertAccuracy("historic Hansard", Map.of("type", 1.0, "uin", 1.0, "answered_by", 1.0));
    }

    @Test
    void readsWhatGovUkPagesAndArticlesCarry() {
        assertAccuracy("GOV.UK press/news", Map.of("title", 1.0, "type", 0.75, "published", 0.5));
        assertAccuracy("GOV.UK publication", Map.of("title", 1.0, "type", 1.0));
        assertAccuracy("GOV.UK blog", Map.of("title", 1.0, "type", 1.0));
    }

    @Test
    void neverReadsAValueThatContradictsItsLabel() {
        assertThat(WRONG).as("values read that contradict their label (a missing value is left null)").isEmpty();
    }

    private static void assertAccuracy(String layout, Map<String, Double> minimum) {
        Map<String, int[]> fields = SCORES.get(layout);
        assertThat(fields).as("the corpus has %s documents", layout).isNotNull();
        minimum.forEach((field, min) -> {
            int[] s = fields.get(field);
            assertThat(s[4] == 0 ? 1.0 : (double) s[0] / s[4]).as("%s: %s read right", layout, field)
                .isGreaterThanOrEqualTo(min);
        });
    }

    private static void print() {
        StringBuilder table = new StringBuilder("\nMetadata read from ../shared/corpus/dev, right/labelled (wrong, missed, "
                + "invented):\n");
        SCORES.forEach((layout, fields) -> {
            table.append(String.format("  %-30s", layout));
            fields.forEach((field, s) -> table.append(String.format(" %s %d/%d%s", field, s[0], s[4],
                    s[1] + s[2] + s[3] == 0 ? "" : "(" + s[1] + "," + s[2] + "," + s[3] + ")")));
            table.append('\n');
        });
        WRONG.forEach(w -> table.append("    wrong: ").append(w).append('\n'));
        MISSED.forEach(w -> table.append("    missed: ").append(w).append('\n'));
        System.out.println(table);
    }

    static String layout(String url) {
        if (url.contains("parallelparliament.co.uk/question")) {
            return "parallelparliament question";
        }
        if (url.contains("parallelparliament.co.uk/debate")) {
            return "parallelparliament statement";
        }
        if (url.contains("theyworkforyou.com")) {
            return "theyworkforyou answer";
        }
        if (url.contains("questions-statements.parliament.uk")) {
            return "questions-statements";
        }
        if (url.contains("historic-hansard")) {
            return "historic Hansard";
        }
        if (url.contains("hansard.parliament.uk")) {
            return "Hansard";
        }
        if (url.contains("gov.uk/government/news")) {
            return "GOV.UK press/news";
        }
        if (url.contains("gov.uk/government/publications")) {
            return "GOV.UK publication";
        }
        if (url.contains("blog.gov.uk")) {
            return "GOV.UK blog";
        }
        return "other sites";
    }

    private static String iso(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
