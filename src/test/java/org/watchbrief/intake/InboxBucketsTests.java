package org.watchbrief.intake;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchbrief.intake.DocumentSource.Harvest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A routine run costs what is new: once a run has stored every file of the inbox, the next run
 * over the same files looks none of them up, and a file dropped in, changed, quarantined or just
 * written costs the lookups of its own bucket only. The store is the one thing played here (in
 * memory); the files are real. {@code KnownInboxFilesIT} runs the same on H2 and PostgreSQL.
 */
class InboxBucketsTests {

    @TempDir
    Path inbox;

    private final MemoryKnownFiles store = new MemoryKnownFiles();

    private static final FileTime AN_HOUR_AGO = FileTime.from(Instant.now().minus(Duration.ofHours(1)));

    private InboxSource source() {
        return new InboxSource(inbox, 1 << 20).withKnownFiles(store);
    }

    private Path drop(String name, String text) throws IOException {
        Path file = Files.writeString(inbox.resolve(name), text, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(file, AN_HOUR_AGO);
        return file;
    }

    private void files(int count) throws IOException {
        for (int i = 0; i < count; i++) {
            drop(String.format("wq-%06d.txt", i), "Answer " + i);
        }
    }

    /** One run's listing, every candidate taken as stored, then completed with these keys quarantined. */
    private Run run(String... quarantined) throws InterruptedException {
        Thread.sleep(200); // files dropped in before the run, not during it (those are listed again at its end)
        store.lookedUp.clear();
        Harvest harvest = source().harvest(null, LocalDate.now());
        List<String> offered = new ArrayList<>();
        for (List<Candidate> page = harvest.nextPage(); !page.isEmpty(); page = harvest.nextPage()) {
            page.forEach(candidate -> offered.add(candidate.sourceKey()));
        }
        harvest.close();
        harvest.completed(List.of(quarantined));
        return new Run(offered, harvest.passedOver(), List.copyOf(store.lookedUp));
    }

    private record Run(List<String> offered, long passedOver, List<String> lookedUp) {
    }

    @Test
    void aRunOverAnInboxStoredWholeLooksNoFileUp() throws Exception {
        // given: more files than a page, all read and stored once
        files(1_200);
        Run first = run();
        // when
        Run again = run();
        // then
        assertThat(first.offered()).hasSize(1_200);
        assertThat(again.offered()).isEmpty();
        assertThat(again.passedOver()).isEqualTo(1_200);
        assertThat(again.lookedUp()).isEmpty();
    }

    @Test
    void aFileDroppedInIsOfferedAndOnlyTheFilesOfItsBucketAreLookedUp() throws Exception {
        // given
        files(1_200);
        run();
        // when
        drop("new-answer.txt", "A new answer");
        Run next = run();
        Run after = run();
        // then
        assertThat(next.offered()).containsExactly("new-answer.txt");
        assertThat(next.passedOver()).isEqualTo(1_200);
        assertThat(next.lookedUp()).contains("new-answer.txt").allSatisfy(key -> assertThat(FileBuckets.bucket(key))
            .isEqualTo(FileBuckets.bucket("new-answer.txt")));
        assertThat(after.offered()).isEmpty();
        assertThat(after.lookedUp()).as("its bucket recorded once the new file was stored").isEmpty();
    }

    @Test
    void aFileEditedInPlaceIsOfferedAgain() throws Exception {
        // given
        files(10);
        Path edited = drop("answer.txt", "The first answer");
        run();
        // when: saved again, a new size and modification time
        Files.writeString(edited, "The answer, corrected", StandardCharsets.UTF_8);
        Files.setLastModifiedTime(edited, FileTime.from(AN_HOUR_AGO.toInstant().plusSeconds(60)));
        Run next = run();
        // then
        assertThat(next.offered()).containsExactly("answer.txt");
        assertThat(next.passedOver()).isEqualTo(10);
    }

    @Test
    void aFileQuarantinedLeavesItsBucketToBeLookedUpAgain() throws Exception {
        // given: a run that quarantined one file (left in place here, as if it could not be moved out)
        files(10);
        run("wq-000003.txt");
        // when
        Run next = run();
        // then: looked up again (and passed over: the memory store reads it as stored)
        assertThat(next.lookedUp()).contains("wq-000003.txt").allSatisfy(key -> assertThat(FileBuckets.bucket(key))
            .isEqualTo(FileBuckets.bucket("wq-000003.txt")));
        assertThat(run().lookedUp()).as("recorded once a run took it").isEmpty();
    }

    @Test
    void aFileWrittenWithinAClockTickOfTheRunIsLookedUpAgainNextRun() throws Exception {
        // given: a file modified just now may still change within the same modification time
        files(10);
        Files.writeString(inbox.resolve("just-written.txt"), "Still being saved", StandardCharsets.UTF_8);
        run();
        // when
        Run next = run();
        // then
        assertThat(next.lookedUp()).contains("just-written.txt");
    }

    @Test
    void aFileRemovedLeavesTheOthersOfItsBucketPassedOver() throws Exception {
        // given
        files(10);
        run();
        // when
        Files.delete(inbox.resolve("wq-000004.txt"));
        Run next = run();
        Run after = run();
        // then
        assertThat(next.offered()).isEmpty();
        assertThat(next.passedOver()).isEqualTo(9);
        assertThat(after.lookedUp()).isEmpty();
        assertThat(after.passedOver()).isEqualTo(9);
    }

    @Test
    void aRunThatDidNotCompleteRecordsNothing() throws Exception {
        // given: the first run's listing is read but the step never completes (no call to completed)
        files(10);
        Harvest harvest = source().harvest(null, LocalDate.now());
        while (!harvest.nextPage().isEmpty()) {
            // read every page
        }
        harvest.close();
        // when
        Run next = run();
        // then
        assertThat(next.lookedUp()).hasSize(10);
        assertThat(store.buckets).isNotEmpty();
    }

    @Test
    void theBucketsOfADryRunAreNotRecorded() throws Exception {
        // given
        files(10);
        Harvest dry = new InboxSource(inbox, 1 << 20).withKnownFiles(store).readOnly().harvest(null, LocalDate.now());
        while (!dry.nextPage().isEmpty()) {
            // read every page
        }
        dry.close();
        dry.completed(List.of());
        // then
        assertThat(store.buckets).isEmpty();
        assertThat(store.files).isEmpty();
    }

    @Test
    void aFingerprintTellsTheSameFilesInAnyOrderAndNothingElse() {
        FileBuckets one = new FileBuckets();
        one.add("a.txt", 10, 1_000);
        one.add("b.txt", 20, 2_000);
        FileBuckets reordered = new FileBuckets();
        reordered.add("b.txt", 20, 2_000);
        reordered.add("a.txt", 10, 1_000);
        FileBuckets touched = new FileBuckets();
        touched.add("a.txt", 10, 1_001);
        FileBuckets resized = new FileBuckets();
        resized.add("a.txt", 11, 1_000);
        FileBuckets renamed = new FileBuckets();
        renamed.add("c.txt", 10, 1_000);
        FileBuckets plain = new FileBuckets();
        plain.add("a.txt", 10, 1_000);
        int a = FileBuckets.bucket("a.txt");
        assertThat(one.fingerprint(FileBuckets.bucket("b.txt")))
            .isEqualTo(reordered.fingerprint(FileBuckets.bucket("b.txt")));
        assertThat(one.same(a, reordered)).isTrue();
        assertThat(plain.same(a, touched)).isFalse();
        assertThat(plain.same(a, resized)).isFalse();
        assertThat(renamed.fingerprint(FileBuckets.bucket("c.txt"))).isNotEqualTo(plain.fingerprint(a));
        plain.spoil("a.txt");
        assertThat(plain.same(a, plain)).as("a spoiled bucket matches nothing").isFalse();
    }

    /** The store's part, in memory: every file remembered counts as stored. */
    private static final class MemoryKnownFiles implements KnownFiles {

        final Map<String, Known> files = new HashMap<>();

        final Map<Integer, Bucket> buckets = new HashMap<>();

        final List<String> lookedUp = new ArrayList<>();

        @Override
        public Map<String, Known> find(Collection<String> sourceKeys) {
            lookedUp.addAll(sourceKeys);
            Map<String, Known> found = new HashMap<>();
            for (String key : sourceKeys) {
                Known file = files.get(key);
                if (file != null) {
                    found.put(key, new Known(key, file.size(), file.modified(), file.contentHash(), true));
                }
            }
            return found;
        }

        @Override
        public void remember(List<Known> remembered) {
            remembered.forEach(file -> files.put(file.sourceKey(), file));
        }

        @Override
        public List<Bucket> buckets() {
            return List.copyOf(buckets.values());
        }

        @Override
        public void recordBuckets(Set<Integer> replaced, List<Bucket> stored) {
            replaced.forEach(buckets::remove);
            stored.forEach(bucket -> buckets.put(bucket.number(), bucket));
        }
    }
}
