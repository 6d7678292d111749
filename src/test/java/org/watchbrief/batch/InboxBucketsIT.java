package org.watchbrief.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.store.DocumentRepository.Ingested;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.TestWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routine run over the whole inbox passes over the files of every bucket that is as it was when
 * all its files were stored, without looking each of them up (table {@code inbox_bucket}); a file
 * dropped in is stored, and its bucket recorded again. On H2 and PostgreSQL.
 */
@SpringBootTest
@BothDatabases
class InboxBucketsIT {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        TestWorkspace.register(registry, work);
        registry.add("watchbrief.intake.settle-time", () -> "0s");
    }

    @Autowired
    IngestLauncher ingest;

    @Autowired
    JdbcTemplate jdbc;

    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));

    private static Path inbox() {
        return work.resolve("inbox");
    }

    @BeforeEach
    void emptyInbox() throws IOException {
        try (Stream<Path> files = Files.list(inbox())) {
            for (Path file : files.toList()) {
                Files.delete(file);
            }
        }
    }

    private static String answer(String detail) {
        return String.join("\n\n", "Online Safety: Grooming", "(asked on 3rd November 2026) - View Source",
                "Question to the Home Office:", "To ask the Secretary of State for the Home Department, what steps "
                        + "she is taking to stop the online grooming of children.",
                "Answered by", "Jo Minister Portrait", "Jo Minister",
                "This question was answered on 12th November 2026",
                "The Government is working with " + detail + " to detect grooming.");
    }

    private static Path drop(String name, String text) throws IOException {
        Path file = Files.writeString(inbox().resolve(name), text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, AN_HOUR_AGO);
        return file;
    }

    /** A run over the whole inbox, begun after the files were dropped in (not while). */
    private IngestResult run() throws InterruptedException {
        Thread.sleep(200);
        return ingest.ingest(List.of());
    }

    @Test
    void aRoutineRunPassesOverAnInboxStoredWholeWithoutLookingUpItsFiles() throws Exception {
        // given: three files stored by a run over the whole inbox
        drop("a.txt", answer("app stores"));
        Path b = drop("b.txt", answer("game makers"));
        drop("c.txt", answer("youth clubs"));
        IngestResult first = run();
        // when: what is remembered of each file forgotten, and b.txt's bytes changed behind intake's
        // back (size and modification time kept): only a run that looked b.txt up would read it
        jdbc.update("DELETE FROM inbox_file");
        Files.writeString(b, answer("game maker!"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(b, AN_HOUR_AGO);
        IngestResult again = run();
        // then
        assertThat(first.stored()).hasSize(3);
        assertThat(again.completed()).isTrue();
        assertThat(again.read()).isZero();
        assertThat(again.passedOver()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE body LIKE '%game maker!%'", Long.class))
            .as("b.txt was not looked up, so not read").isZero();
    }

    @Test
    void aFileDroppedInIsStoredAndTheNextRunPassesOverEveryFile() throws Exception {
        // given
        drop("d.txt", answer("mobile networks"));
        drop("e.txt", answer("search engines"));
        run();
        // when
        drop("f.txt", answer("messaging services"));
        IngestResult next = run();
        IngestResult after = run();
        // then
        assertThat(next.stored()).extracting(Ingested::sourceKey).containsExactly("f.txt");
        assertThat(next.passedOver()).isEqualTo(2);
        assertThat(after.read()).isZero();
        assertThat(after.passedOver()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT SUM(files) FROM inbox_bucket", Long.class))
            .as("every file of the inbox in a bucket recorded").isEqualTo(3);
    }
}
