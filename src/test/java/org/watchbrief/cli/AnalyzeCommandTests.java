package org.watchbrief.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.watchbrief.support.SampleInbox;
import org.watchbrief.support.SharedCorpus;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** {@code analyze --json}: the contract other tools read, without a database. */
class AnalyzeCommandTests {

    private static final List<String> CONTRACT_FIELDS = List.of("file", "type", "title", "department", "uin",
            "asked", "answered", "answered_by", "published", "relevant", "themes", "assigned", "money", "events");

    private final StringWriter out = new StringWriter();

    private final StringWriter err = new StringWriter();

    private int execute(String... args) {
        // a command that asks for Spring would fail this test: analyze must not touch the database
        CommandLine cli = Cli.commandLine(new Services() {
            @Override
            public <T> T get(Class<T> type) {
                return fail("analyze asked for " + type.getSimpleName());
            }
        });
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void printsOneContractLinePerSeedDocument() {
        // given
        Path seeds = SharedCorpus.seeds();
        // when
        int exit = execute("analyze", "--json", seeds.toString());
        // then
        assertThat(exit).isZero();
        List<String> lines = out.toString().lines().toList();
        assertThat(lines).hasSize(5);
        for (String line : lines) {
            assertContractShape(line);
        }
    }

    @Test
    void printsTheSampleInboxInNameOrderWithMetadataThemesMoneyAndEvents() {
        // when
        int exit = execute("analyze", "--json", SampleInbox.source().toString());
        // then
        assertThat(exit).isZero();
        List<JsonNode> documents = out.toString().lines().map(AnalyzeCommandTests::assertContractShape).toList();
        assertThat(documents).hasSize(15);
        assertThat(documents.stream().map(d -> d.get("file").asString()).toList()).isSorted();
        JsonNode pressRelease = documents.stream()
            .filter(d -> d.get("file").asString().startsWith("pr-01")).findFirst().orElseThrow();
        assertThat(pressRelease.get("type").asString()).isEqualTo("press-release");
        assertThat(pressRelease.get("department").asString()).isEqualTo("Home Office");
        assertThat(pressRelease.get("published").asString()).isEqualTo("2026-09-08");
        assertThat(pressRelease.get("money").get(0).get("amount_gbp").toString()).isEqualTo("12500000");
        JsonNode football = documents.stream()
            .filter(d -> d.get("file").asString().startsWith("wq-02")).findFirst().orElseThrow();
        assertThat(football.get("relevant").asBoolean()).isFalse();
        assertThat(football.get("assigned")).isEmpty();
    }

    @Test
    void aPathThatDoesNotExistIsAUsageError() {
        // when
        int exit = execute("analyze", "--json", "no/such/file.txt");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("no/such/file.txt is neither a file nor a directory");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithAHint() {
        // when
        int exit = execute("analyze", "--jsn", "inbox");
        // then
        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("Unknown option: '--jsn'").contains("watchbrief analyze --help");
    }

    private static JsonNode assertContractShape(String line) {
        JsonNode node = JsonMapper.builder().build().readTree(line);
        assertThat(node.propertyNames()).containsExactlyElementsOf(CONTRACT_FIELDS);
        assertThat(node.get("themes").propertyNames()).contains("grooming", "livestreaming", "data_sharing",
                "legislation");
        node.get("money").forEach(m -> assertThat(m.propertyNames()).containsExactly("text", "amount_gbp", "kind",
                "purpose", "announcement"));
        node.get("events").forEach(e -> assertThat(e.propertyNames()).containsExactly("date", "precision", "text",
                "event"));
        return node;
    }
}
