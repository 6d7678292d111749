package org.watchbrief.batch;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.watchbrief.cli.Cli;
import org.watchbrief.intake.UnreadableDocumentException;
import org.watchbrief.store.DocumentRepository.Ingested;
import org.watchbrief.store.QuarantineRepository;
import org.watchbrief.store.QuarantineRepository.Entry;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.DocumentFiles;
import org.watchbrief.support.TestWorkspace;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake from files, end to end on a real H2 file database: every bad input is quarantined with
 * its reason and moved out of the inbox while the rest is stored; the same content is stored once;
 * a changed file becomes a new version; a rolled-back chunk loses no file. Each test reads its own
 * folder inside the inbox, so the tests do not see each other's files.
 */
@SpringBootTest
@BothDatabases
class IntakeIT {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        TestWorkspace.register(registry, work);
        registry.add("watchbrief.intake.chunk-size", () -> "5");
    }

    @Autowired
    IngestLauncher ingest;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    QuarantineRepository quarantine;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    ApplicationContext context;

    private static final List<String> PRESS_RELEASE = List.of("Press release",
            "£4 million for tools that detect online grooming", "From: Home Office", "Published 14 October 2026",
            "Smaller platforms will get free access to tools that detect the grooming of children and child sexual "
                    + "abuse material.");

    private static final List<String> ANSWER = List.of("Child Sexual Abuse: Livestreaming",
            "(asked on 2nd November 2026) - View Source", "Question to the Home Office:",
            "To ask the Secretary of State for the Home Department, what steps she is taking to stop the livestreamed "
                    + "sexual abuse of children.",
            "Answered by", "Jo Minister Portrait", "Jo Minister", "This question was answered on 10th November 2026",
            "The National Crime Agency is working with payment firms to detect livestreamed child sexual abuse.");

    private static Path folder(String name) throws IOException {
        return Files.createDirectories(work.resolve("inbox").resolve(name));
    }

    private static Path write(Path folder, String name, byte[] content) throws IOException {
        return Files.write(folder.resolve(name), content);
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void quarantinesEveryKindOfBadInputWithItsReasonAndStoresTheRest() throws Exception {
        // given: two good documents and one of each kind of bad input
        Path folder = folder("bad-inputs");
        write(folder, "good-release.docx", DocumentFiles.docx(PRESS_RELEASE));
        write(folder, "good-answer.pdf", DocumentFiles.pdf(ANSWER));
        write(folder, "empty.pdf", new byte[0]);
        byte[] binary = new byte[4096];
        new java.util.Random(7).nextBytes(binary);
        write(folder, "binary.txt", binary);
        write(folder, "encrypted.pdf", DocumentFiles.encryptedPdf(ANSWER, "s3cret"));
        byte[] pdf = DocumentFiles.pdf(ANSWER);
        write(folder, "truncated.pdf", Arrays.copyOf(pdf, pdf.length / 2));
        byte[] docx = DocumentFiles.docx(PRESS_RELEASE);
        write(folder, "corrupt.docx", Arrays.copyOf(docx, docx.length / 3));
        write(folder, "invalid-utf8.txt", "Grooming: £4m ".getBytes(StandardCharsets.UTF_8));
        Files.write(folder.resolve("invalid-utf8.txt"), new byte[] { (byte) 0xE2, (byte) 0x28, (byte) 0xA1 },
                java.nio.file.StandardOpenOption.APPEND);
        write(folder, "zip-bomb.docx", DocumentFiles.zipBombDocx(30_000_000));
        Path secret = Files.writeString(work.resolve("secret.txt"), "TOP-SECRET-4471");
        write(folder, "external-entity.docx", DocumentFiles.docxWithExternalEntity(secret.toUri().toString()));
        write(folder, "spreadsheet.xlsx", "not read".getBytes(StandardCharsets.UTF_8));
        try (RandomAccessFile big = new RandomAccessFile(folder.resolve("200mb.txt").toFile(), "rw")) {
            big.setLength(200L * 1024 * 1024);
        }
        // when
        IngestResult result = ingest.ingest(List.of(folder));
        // then
        assertThat(result.completed()).isTrue();
        assertThat(result.stored()).extracting(Ingested::sourceKey)
            .containsExactlyInAnyOrder("bad-inputs/good-release.docx", "bad-inputs/good-answer.pdf");
        Map<String, String> reasons = result.quarantined().stream()
            .collect(java.util.stream.Collectors.toMap(Entry::sourceKey, Entry::reason));
        assertThat(reasons).hasSize(10);
        assertThat(reasons.get("bad-inputs/empty.pdf")).isEqualTo("the file is empty");
        assertThat(reasons.get("bad-inputs/binary.txt")).contains("binary content");
        assertThat(reasons.get("bad-inputs/encrypted.pdf")).contains("encrypted");
        assertThat(reasons.get("bad-inputs/truncated.pdf")).contains("truncated");
        assertThat(reasons.get("bad-inputs/corrupt.docx")).contains("cannot be read");
        assertThat(reasons.get("bad-inputs/invalid-utf8.txt")).contains("not valid UTF-8");
        assertThat(reasons.get("bad-inputs/zip-bomb.docx")).contains("zip bomb");
        assertThat(reasons.get("bad-inputs/external-entity.docx")).contains("external-entity")
            .doesNotContain("TOP-SECRET");
        assertThat(reasons.get("bad-inputs/spreadsheet.xlsx")).contains("unsupported file type");
        assertThat(reasons.get("bad-inputs/200mb.txt")).contains("209715200 bytes")
            .contains("watchbrief.intake.max-file-size");
        assertThat(names(folder)).as("bad input moved out of the inbox, good input left")
            .containsExactly("good-answer.pdf", "good-release.docx");
        for (Entry entry : result.quarantined()) {
            assertThat(Path.of(entry.storedPath())).as(entry.sourceKey() + " kept in quarantine").exists()
                .startsWith(work.resolve("quarantine"));
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE body LIKE '%TOP-SECRET%'", Long.class))
            .isZero();
    }

    @Test
    void storesTheSameFileDroppedTwiceOnce() throws Exception {
        // given: content of its own (another test stores PRESS_RELEASE, whose .docx is byte for byte the
        // same when built within the same second)
        Path folder = folder("twice");
        byte[] release = DocumentFiles.docx(Stream.concat(PRESS_RELEASE.stream(),
                Stream.of("A copy was dropped beside it.")).toList());
        write(folder, "release.docx", release);
        write(folder, "release (copy).docx", release);
        // when
        IngestResult first = ingest.ingest(List.of(folder));
        IngestResult again = ingest.ingest(List.of(folder));
        // then
        assertThat(first.stored()).hasSize(1);
        assertThat(first.passedOver()).isEqualTo(1);
        assertThat(again.stored()).isEmpty();
        assertThat(again.passedOver()).isEqualTo(2);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE source_key LIKE 'twice/%'", Long.class))
            .isEqualTo(1);
    }

    @Test
    void aFileChangedInPlaceBecomesANewVersionAndOnlyTheLatestIsBriefed() throws Exception {
        // given
        Path folder = folder("edited");
        String answer = String.join("\n\n", ANSWER) + "\n\nThe answer as first published.";
        write(folder, "answer.txt", answer.getBytes(StandardCharsets.UTF_8));
        ingest.ingest(List.of(folder));
        // when
        write(folder, "answer.txt", answer.replace("payment firms", "payment firms and banks")
            .getBytes(StandardCharsets.UTF_8));
        IngestResult second = ingest.ingest(List.of(folder));
        // then
        assertThat(second.stored()).singleElement().extracting(Ingested::version).isEqualTo(2);
        assertThat(jdbc.queryForList("SELECT version FROM document WHERE source_key = 'edited/answer.txt' AND latest",
                Integer.class)).containsExactly(2);
        assertThat(context.getBean(org.watchbrief.store.DocumentRepository.class)
            .findRelevantBetween(java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 11, 30)))
            .filteredOn(d -> d.sourceKey().equals("edited/answer.txt"))
            .singleElement()
            .satisfies(d -> assertThat(d.summary()).contains("payment firms and banks"));
    }

    @Test
    void aRolledBackChunkLosesNoFileAndACommittedOneMovesIt() throws Exception {
        // given
        Path folder = folder("rollback");
        Path bad = write(folder, "bad.pdf", new byte[] { '%', 'P', 'D', 'F' });
        QuarantineSkipListener listener = new QuarantineSkipListener(quarantine, work.resolve("inbox"),
                work.resolve("quarantine"), Clock.systemUTC());
        UnreadableDocumentException unreadable = new UnreadableDocumentException("rollback/bad.pdf",
                "the PDF is truncated", null, bad, "r1", null);
        TransactionTemplate chunk = new TransactionTemplate(transactionManager);
        int rows = quarantine.all().size();
        // when: the chunk rolls back after the skip
        chunk.executeWithoutResult(status -> {
            listener.onSkipInRead(unreadable);
            status.setRollbackOnly();
        });
        // then
        assertThat(bad).as("still in the inbox").exists();
        assertThat(quarantine.all()).hasSize(rows);
        assertThat(Files.list(work.resolve("quarantine")).filter(p -> p.toString().endsWith("bad.pdf")).toList())
            .as("no orphan copy").isEmpty();
        // when: the chunk commits
        chunk.executeWithoutResult(status -> listener.onSkipInRead(unreadable));
        // then
        assertThat(bad).as("moved out of the inbox").doesNotExist();
        Entry entry = quarantine.all().get(quarantine.all().size() - 1);
        assertThat(entry.sourceKey()).isEqualTo("rollback/bad.pdf");
        assertThat(Path.of(entry.storedPath())).exists().hasBinaryContent(new byte[] { '%', 'P', 'D', 'F' });
    }

    @Test
    void aFileGivenFromOutsideTheInboxIsCopiedIntoQuarantineNeverRemoved() throws Exception {
        // given
        Path outside = Files.createDirectories(work.resolve("downloads"));
        Path empty = write(outside, "empty.docx", new byte[0]);
        // when
        IngestResult result = ingest.ingest(List.of(empty));
        // then
        assertThat(result.quarantined()).singleElement().satisfies(e -> {
            assertThat(e.sourceKey()).isEqualTo(empty.toAbsolutePath().toString());
            assertThat(Path.of(e.storedPath())).exists();
        });
        assertThat(empty).exists();
    }

    @Test
    void theRunSummaryCountsWhatWasQuarantined() throws Exception {
        // given: a bad file in the inbox itself, read by the briefing's intake
        Path bad = write(work.resolve("inbox"), "locked.pdf", DocumentFiles.encryptedPdf(ANSWER, "s3cret"));
        StringWriter out = new StringWriter();
        CommandLine cli = Cli.commandLine(context::getBean);
        cli.setOut(new PrintWriter(out, true));
        // when
        int exit = cli.execute("run", "weekly", "--from", "2026-11-01", "--to", "2026-11-07");
        // then
        assertThat(exit).isZero();
        assertThat(out.toString()).contains("0 stored, 1 quarantined");
        assertThat(bad).doesNotExist();
    }

    @Test
    void theIngestCommandReportsWhatItStoredAndQuarantinedAndListsQuarantine() throws Exception {
        // given
        Path folder = folder("cli");
        write(folder, "answer.md", String.join("\n\n", ANSWER).getBytes(StandardCharsets.UTF_8));
        write(folder, "scan.pdf", "not a PDF at all".getBytes(Charset.forName("windows-1252")));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Cli.commandLine(context::getBean);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        // when
        int exit = cli.execute("ingest", folder.toString());
        int listed = cli.execute("ingest", "--quarantine");
        // then
        assertThat(exit).isZero();
        assertThat(listed).isZero();
        assertThat(out.toString()).contains("2 new document(s): 1 stored, 0 new version(s)",
                "stored       cli/answer.md  Written question, \"Child Sexual Abuse: Livestreaming\", 2026-11-10",
                "quarantined  cli/scan.pdf: the file is named .pdf but holds text/plain")
            .contains("document(s) in quarantine:", "cli/scan.pdf", "why:  the file is named .pdf");
        assertThat(err.toString()).isEmpty();
    }
}
