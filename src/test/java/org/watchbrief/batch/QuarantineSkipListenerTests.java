package org.watchbrief.batch;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.intake.UnreadableDocumentException;
import org.watchbrief.store.QuarantineRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Where quarantine keeps what it is given: a source key or file name is the source's to choose
 * (a web API's path, an email's attachment), so one that climbs out of folders ({@code ../}) or
 * holds a line break must still land inside the quarantine folder, as one plain file.
 */
class QuarantineSkipListenerTests {

    @TempDir
    Path work;

    private final List<String> keptAt = new ArrayList<>();

    /** The quarantine table, as the paths it would record. */
    private final QuarantineRepository repository = new QuarantineRepository(new JdbcTemplate()) {
        @Override
        public void add(String sourceKey, String contentHash, String reason, String storedPath, Instant at,
                Long jobExecutionId, String revision) {
            keptAt.add(storedPath);
        }
    };

    private List<Path> everyFileUnder(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    @Test
    void aWebItemWhoseKeyClimbsOutOfTheFolderOrBreaksTheLineIsKeptInsideTheQuarantineFolder() throws IOException {
        // given
        Path quarantine = work.resolve("deep/quarantine");
        QuarantineSkipListener listener = new QuarantineSkipListener(repository, work.resolve("inbox"), quarantine,
                Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC));
        List<String> keys = List.of("gov.uk/../../../escaped.txt", "../../../../escaped.txt",
                "gov.uk/..\n09:00 INFO forged line/..", "..");
        // when
        for (String key : keys) {
            listener.onSkipInProcess(new SourceDocument(key, key, "hash", key.getBytes(StandardCharsets.UTF_8)),
                    new UnreadableDocumentException(key, "the file holds no text"));
        }
        // then
        assertThat(keptAt).hasSize(keys.size()).allSatisfy(kept -> {
            Path file = Path.of(kept);
            assertThat(file.getParent()).isEqualTo(quarantine);
            assertThat(file.getFileName().toString()).doesNotContain("/", "\n").isNotEqualTo("..");
        });
        assertThat(everyFileUnder(work)).as("nothing written outside the quarantine folder")
            .hasSize(keys.size())
            .allSatisfy(file -> assertThat(file.getParent()).isEqualTo(quarantine));
        assertThat(keptAt.stream().map(Path::of).map(file -> {
            try {
                return Files.readString(file);
            }
            catch (IOException ex) {
                throw new IllegalStateException(ex);
            }
        })).containsExactlyElementsOf(keys);
    }
}
