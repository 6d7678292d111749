package org.watchbrief.batch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.digest.Window;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.DocumentFiles;
import org.watchbrief.support.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/** More unreadable documents than the skip limit fail the run, saying so, and lose nothing. */
@SpringBootTest
@BothDatabases
class IntakeSkipLimitIT {

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Path inbox = Files.createDirectories(work.resolve("inbox"));
        Files.write(inbox.resolve("a-empty.pdf"), new byte[0]);
        byte[] docx = DocumentFiles.docx(List.of("Grooming"));
        Files.write(inbox.resolve("b-cut.docx"), java.util.Arrays.copyOf(docx, docx.length / 2));
        Files.write(inbox.resolve("c-locked.pdf"), DocumentFiles.encryptedPdf(List.of("Grooming"), "s3cret"));
        Files.writeString(inbox.resolve("d-good.txt"), "Grooming of children online\n\nPublished 3 November 2026\n\n"
                + "Police recorded more grooming offences against children online.");
        TestDatabase.register(registry, work);
        registry.add("watchbrief.inbox", () -> inbox.toString());
        registry.add("watchbrief.reports-dir", () -> work.resolve("reports").toString());
        registry.add("watchbrief.quarantine-dir", () -> work.resolve("quarantine").toString());
        registry.add("watchbrief.intake.skip-limit", () -> "2");
    }

    @Autowired
    BriefingLauncher launcher;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void failsTheRunWithAMessageNamingTheLimitAndLosesNoFile() throws IOException {
        // when
        BriefingResult result = launcher.brief(new BriefingParameters("weekly",
                new Window(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 7))));
        // then
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failedStep()).isEqualTo("intake");
        assertThat(result.message()).contains("more than 2 unreadable document(s)", "watchbrief.intake.skip-limit",
                "c-locked.pdf", "encrypted");
        try (Stream<Path> inbox = Files.list(work.resolve("inbox"))) {
            assertThat(inbox.map(p -> p.getFileName().toString()).sorted().toList())
                .as("the chunk rolled back: every file is still in the inbox")
                .containsExactly("a-empty.pdf", "b-cut.docx", "c-locked.pdf", "d-good.txt");
        }
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM quarantine", Long.class)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document", Long.class)).isZero();
    }
}
