package org.watchbrief.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.intake.Hashes;
import org.watchbrief.intake.KnownFiles;
import org.watchbrief.store.DocumentRepository.Ingested;
import org.watchbrief.store.KnownFileRepository;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.TestWorkspace;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routine run costs what is new, not what is stored: a file of the inbox whose size and
 * modification time are what they were when it was read is passed over without being read again;
 * a file changed since is read again. Each test reads its own folder inside the inbox.
 */
@SpringBootTest
@BothDatabases
class KnownInboxFilesIT {

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

    @Autowired
    KnownFileRepository knownFiles;

    /** An hour ago: files dropped in a while before the run, settled and past any clock's tick. */
    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS));

    private static String answer(String detail) {
        return String.join("\n\n", "Child Sexual Abuse: Livestreaming", "(asked on 2nd November 2026) - View Source",
                "Question to the Home Office:", "To ask the Secretary of State for the Home Department, what steps "
                        + "she is taking to stop the livestreamed sexual abuse of children.",
                "Answered by", "Jo Minister Portrait", "Jo Minister",
                "This question was answered on 10th November 2026",
                "The National Crime Agency is working with " + detail + " to detect livestreamed abuse.");
    }

    private static Path drop(Path folder, String name, String text) throws IOException {
        Path file = Files.writeString(folder.resolve(name), text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, AN_HOUR_AGO);
        return file;
    }

    @Test
    void aRunWithNothingNewPassesOverTheInboxFilesWithoutReadingThemAgain() throws Exception {
        // given: three files read once (content of their own: the tests share one store)
        Path folder = Files.createDirectories(work.resolve("inbox").resolve("routine"));
        drop(folder, "a.txt", answer("banks"));
        Path b = drop(folder, "b.txt", answer("online platforms"));
        drop(folder, "c.txt", answer("police forces"));
        IngestResult first = ingest.ingest(List.of(folder));
        // when: b.txt's bytes are changed behind intake's back, its size and modification time kept,
        // which only a run that reads the file again can notice
        Files.writeString(b, answer("online platfor!s"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(b, AN_HOUR_AGO);
        IngestResult again = ingest.ingest(List.of(folder));
        // then
        assertThat(first.stored()).hasSize(3);
        assertThat(again.completed()).isTrue();
        assertThat(again.read()).isZero();
        assertThat(again.stored()).isEmpty();
        assertThat(again.passedOver()).isEqualTo(3);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE body LIKE '%platfor!s%'", Long.class))
            .as("the file was not read").isZero();
    }

    @Test
    void aFileChangedSinceItWasReadIsReadAgainAsANewVersion() throws Exception {
        // given
        Path folder = Files.createDirectories(work.resolve("inbox").resolve("changed"));
        Path file = drop(folder, "answer.txt", answer("payment firms"));
        ingest.ingest(List.of(folder));
        // when: edited, as an editor saves it (a new size and modification time)
        Files.writeString(file, answer("payment firms and banks"), StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, FileTime.from(AN_HOUR_AGO.toInstant().plusSeconds(60)));
        IngestResult again = ingest.ingest(List.of(folder));
        // then
        assertThat(again.stored()).singleElement().satisfies(stored -> {
            assertThat(stored.sourceKey()).isEqualTo("changed/answer.txt");
            assertThat(stored.version()).isEqualTo(2);
        });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE latest AND body LIKE '%firms and banks%'",
                Long.class)).isEqualTo(1);
    }

    @Test
    void aFileTouchedButNotChangedIsReadAgainAndPassedOverAsSeen() throws Exception {
        // given
        Path folder = Files.createDirectories(work.resolve("inbox").resolve("touched"));
        Path file = drop(folder, "answer.txt", answer("schools"));
        ingest.ingest(List.of(folder));
        // when: its modification time moved, its content the same
        Files.setLastModifiedTime(file, FileTime.from(AN_HOUR_AGO.toInstant().plusSeconds(120)));
        IngestResult again = ingest.ingest(List.of(folder));
        IngestResult third = ingest.ingest(List.of(folder));
        // then
        assertThat(again.stored()).isEmpty();
        assertThat(again.passedOver()).isEqualTo(1);
        assertThat(third.passedOver()).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT version FROM document WHERE source_key = 'touched/answer.txt'",
                Integer.class)).containsExactly(1);
        assertThat(jdbc.queryForObject("SELECT modified FROM inbox_file WHERE source_key = 'touched/answer.txt'",
                Long.class)).as("the new modification time remembered")
            .isEqualTo(Files.getLastModifiedTime(file).to(TimeUnit.MICROSECONDS));
    }

    @Test
    void aFileRemovedAndPutBackUnchangedIsStillKnown() throws Exception {
        // given
        Path folder = Files.createDirectories(work.resolve("inbox").resolve("put-back"));
        Path file = drop(folder, "answer.txt", answer("charities"));
        ingest.ingest(List.of(folder));
        String text = Files.readString(file);
        Files.delete(file);
        ingest.ingest(List.of(folder));
        // when
        drop(folder, "answer.txt", text);
        IngestResult back = ingest.ingest(List.of(folder));
        // then
        assertThat(back.stored()).extracting(Ingested::sourceKey).isEmpty();
        assertThat(back.passedOver()).isEqualTo(1);
    }

    @Test
    void filesHashedByARunThatDiedBeforeStoringThemAreReadByTheNext() throws Exception {
        // given: a run remembered the files it hashed, then died before storing their documents
        Path folder = Files.createDirectories(work.resolve("inbox").resolve("died"));
        Path one = drop(folder, "one.txt", answer("youth workers"));
        Path two = drop(folder, "two.txt", answer("social workers"));
        knownFiles.remember(List.of(known(one, "died/one.txt"), known(two, "died/two.txt")));
        // when
        IngestResult next = ingest.ingest(List.of(folder));
        // then
        assertThat(next.stored()).extracting(Ingested::sourceKey).containsExactlyInAnyOrder("died/one.txt",
                "died/two.txt");
    }

    private static KnownFiles.Known known(Path file, String key) throws IOException {
        return new KnownFiles.Known(key, Files.size(file), Files.getLastModifiedTime(file).to(TimeUnit.MICROSECONDS),
                Hashes.sha256(Files.readAllBytes(file)), false);
    }
}
