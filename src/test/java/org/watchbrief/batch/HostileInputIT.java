package org.watchbrief.batch;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.batch.BriefingResult.Outcome;
import org.watchbrief.digest.Window;
import org.watchbrief.store.QuarantineRepository;
import org.watchbrief.store.QuarantineRepository.Entry;
import org.watchbrief.support.DocumentFiles;
import org.watchbrief.support.HostileFiles;
import org.watchbrief.support.LocalServer;
import org.watchbrief.support.TestWorkspace;
import org.watchbrief.support.LocalServer.Answer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A briefing run over an inbox full of hostile and broken files, beside two good ones: each bad
 * one quarantined with its reason and moved out of the inbox, the good ones stored, the run
 * completed, no external entity fetched (the canary, an HTTP server on 127.0.0.1, gets no
 * request), nothing outside the inbox read through a link, and no memory, thread or open file left
 * behind.
 */
@SpringBootTest
class HostileInputIT {

    private static final List<String> RELEASE = List.of("Press release",
            "£4 million for tools that detect online grooming", "From: Home Office", "Published 14 October 2026",
            "Smaller platforms will get free access to tools that detect the grooming of children and child sexual "
                    + "abuse material.");

    private static final LocalServer canary = new LocalServer().on("/entity", uri -> Answer.json("CANARY-SECRET-7781"));

    @TempDir
    static Path work;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        TestWorkspace.register(registry, work);
        registry.add("watchbrief.intake.chunk-size", () -> "4");
        registry.add("watchbrief.intake.settle-time", () -> "0s");
        // room for the 50 MB text, which is then cut at the character limit
        registry.add("watchbrief.intake.max-file-size", () -> "64MB");
    }

    @AfterAll
    static void stop() {
        canary.close();
    }

    @Autowired
    BriefingLauncher launcher;

    @Autowired
    QuarantineRepository quarantine;

    @Autowired
    JdbcTemplate jdbc;

    private BriefingResult brief(String windowEnd) {
        return launcher.brief(new BriefingParameters("weekly",
                new Window(LocalDate.of(2026, 9, 1), LocalDate.parse(windowEnd))));
    }

    private static Path write(String name, byte[] content) throws IOException {
        return Files.write(work.resolve("inbox").resolve(name), content);
    }

    private static long openFiles() throws IOException {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        }
    }

    /** The heap in use after a full collection, in MB: what the application holds on to. */
    private static long retainedHeapMegabytes() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
    }

    private static int threads() {
        return ManagementFactory.getThreadMXBean().getThreadCount();
    }

    @Test
    void quarantinesEachHostileFileWithItsReasonCompletesTheRunAndLeaksNothing() throws Exception {
        // given: a first run, so that everything started once is started
        write("warm-up.docx", DocumentFiles.docx(RELEASE));
        assertThat(brief("2026-10-31").outcome()).isEqualTo(Outcome.COMPLETED);
        long filesBefore = openFiles();
        int threadsBefore = threads();
        String entity = canary.baseUrl().resolve("/entity").toString();
        Path secret = Files.writeString(work.resolve("secret.txt"), "TOP-SECRET-2291 about online grooming");
        write("good-release.docx", DocumentFiles.docx(RELEASE.stream().map(p -> p.replace("£4", "£5")).toList()));
        write("good-answer.pdf", DocumentFiles.pdf(List.of("Online grooming: answered by the Home Office",
                "The Home Office funds the detection of the online grooming of children.")));
        write("zip-bomb.docx", DocumentFiles.zipBombDocx(30_000_000));
        write("duplicate-entries.docx", HostileFiles.docxWithDuplicateEntries(RELEASE, List.of("Hidden text.")));
        write("entity.docx", HostileFiles.docxWithExternalEntity(entity));
        write("xfa-entity.pdf", HostileFiles.pdfWithXfaExternalEntity("Online grooming guidance.", entity));
        write("looping-pages.pdf", HostileFiles.pdfWithALoopingPageTree());
        write("looping-xref.pdf", HostileFiles.pdfWithALoopingXref());
        write("nested.eml", HostileFiles.deeplyNestedEmail(200, "Online grooming, 200 messages down."));
        write("attachments.eml", HostileFiles.emailWithManyAttachments(3000));
        write("invalid-utf8.txt", concat("Grooming: £4m ".getBytes(StandardCharsets.UTF_8),
                new byte[] { (byte) 0xE2, (byte) 0x28, (byte) 0xA1 }));
        Random random = new Random(7);
        for (String name : List.of("junk.txt", "junk.pdf")) {
            byte[] junk = new byte[64 * 1024];
            random.nextBytes(junk);
            write(name, junk);
        }
        write("empty.txt", new byte[0]);
        Files.createSymbolicLink(work.resolve("inbox/link-out.txt"), secret);
        Files.createSymbolicLink(work.resolve("inbox/loop-a.txt"), work.resolve("inbox/loop-b.txt"));
        Files.createSymbolicLink(work.resolve("inbox/loop-b.txt"), work.resolve("inbox/loop-a.txt"));
        write("answer.txt\n09:00 INFO  Sent digest 9 to boss@example.org", "Online grooming.".getBytes(
                StandardCharsets.UTF_8));
        String answer = Files.readString(Path.of("inbox/wq-01-social-media-grooming.txt"));
        try (var out = Files.newBufferedWriter(work.resolve("inbox/fifty-megabytes.txt"))) {
            while (Files.size(work.resolve("inbox/fifty-megabytes.txt")) < 50L * 1024 * 1024) {
                for (int i = 0; i < 1000; i++) {
                    out.write(answer);
                }
                out.flush();
            }
        }
        int quarantinedBefore = quarantine.all().size();
        long heapBefore = retainedHeapMegabytes();
        // when
        BriefingResult result = brief("2026-11-30");
        // then
        assertThat(result.outcome()).as(result.message()).isEqualTo(Outcome.COMPLETED);
        Map<String, String> reasons = quarantine.all().stream().skip(quarantinedBefore)
            .collect(Collectors.toMap(Entry::sourceKey, Entry::reason, (a, b) -> a + " | " + b, LinkedHashMap::new));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("zip-bomb.docx", "zip bomb");
        expected.put("duplicate-entries.docx", "more than 1 entry with the name word/document.xml");
        expected.put("entity.docx", "external-entity");
        expected.put("xfa-entity.pdf", "XFA form declares a DOCTYPE");
        expected.put("looping-pages.pdf", "holds no text");
        expected.put("looping-xref.pdf", "holds no text");
        expected.put("nested.eml", "more than 10 attachments and attached messages");
        expected.put("attachments.eml", "more than 10 attachments and attached messages");
        expected.put("invalid-utf8.txt", "not valid UTF-8");
        expected.put("junk.txt", "binary content");
        expected.put("junk.pdf", "does not end with the %%EOF marker");
        expected.put("empty.txt", "the file is empty");
        expected.put("link-out.txt", "a symbolic link (to " + secret);
        expected.put("loop-a.txt", "a symbolic link");
        expected.put("loop-b.txt", "a symbolic link");
        expected.put("answer.txt\\n09:00 INFO  Sent digest 9 to boss@example.org", "control character");
        assertThat(reasons).containsOnlyKeys(expected.keySet());
        expected.forEach((key, reason) -> assertThat(reasons.get(key)).as(key).contains(reason));
        assertThat(jdbc.queryForList("SELECT source_key FROM document WHERE job_execution_id = ? ORDER BY 1",
                String.class, result.executionId()))
            .containsExactly("fifty-megabytes.txt", "good-answer.pdf", "good-release.docx");
        assertThat(jdbc.queryForObject("SELECT text_cut FROM document WHERE source_key = 'fifty-megabytes.txt'",
                Boolean.class)).as("cut at the character limit, and flagged").isTrue();
        assertThat(jdbc.queryForObject("SELECT LENGTH(body) FROM document WHERE source_key = 'fifty-megabytes.txt'",
                Long.class)).isLessThanOrEqualTo(2_000_000);
        try (Stream<Path> left = Files.list(work.resolve("inbox"))) {
            assertThat(left.map(p -> p.getFileName().toString()).sorted()).as("bad files moved out of the inbox")
                .containsExactly("fifty-megabytes.txt", "good-answer.pdf", "good-release.docx", "warm-up.docx");
        }
        assertThat(work.resolve("quarantine")).isDirectoryContaining(p -> Files.isSymbolicLink(p)
                && p.getFileName().toString().endsWith("link-out.txt"));
        assertThat(secret).as("what a link pointed to is left alone").hasContent("TOP-SECRET-2291 about online grooming");
        assertThat(Files.exists(work.resolve("inbox/link-out.txt"), LinkOption.NOFOLLOW_LINKS)).isFalse();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM document WHERE body LIKE '%TOP-SECRET%' OR body LIKE "
                + "'%CANARY%'", Long.class)).isZero();
        assertThat(canary.requests()).as("no external entity was fetched").isEmpty();
        assertThat(retainedHeapMegabytes()).as("heap held after the run, MB (%d before): nothing of the 50 MB "
                + "file, the bomb or the 3000 attachments kept", heapBefore).isLessThan(heapBefore + 48);
        assertThat(threads()).as("threads").isLessThanOrEqualTo(threadsBefore + 2);
        assertThat(openFiles()).as("open files").isLessThanOrEqualTo(filesBefore + 2);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
