package org.watchbrief.batch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.watchbrief.analysis.Analyzer;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.Hashes;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.intake.Taxonomies;
import org.watchbrief.intake.TextExtractor;
import org.watchbrief.support.DocumentFiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded mutations of valid files of every format read, through the intake step's processor:
 * whatever a damaged file holds, the processor either reads it or throws what the step's skip
 * policy quarantines; nothing else may escape and fail the run, and nothing may hang it. The seed
 * is fixed, so a failure names the case that reproduces it. Tagged slow (about 20 s on a busy
 * machine); {@code ./mvnw verify} runs it.
 */
@Tag("slow")
class IntakeFuzzTests {

    private static final long SEED = 20_261_123L;

    private static final int MUTANTS_PER_FORMAT = 200;

    private static final List<String> ANSWER = List.of("Child Sexual Abuse: Livestreaming",
            "(asked on 2nd November 2026) - View Source", "Question to the Home Office:",
            "To ask the Secretary of State for the Home Department, what steps she is taking to stop the livestreamed "
                    + "sexual abuse of children.",
            "Answered by", "Jo Minister", "This question was answered on 10th November 2026",
            "The National Crime Agency received £4.5 million in September 2026 to detect livestreamed child sexual "
                    + "abuse, with a review due by March 2027.");

    private static Map<String, byte[]> validFiles() {
        String text = String.join("\n\n", ANSWER);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("answer.txt", text.getBytes(StandardCharsets.UTF_8));
        files.put("answer.md", ("# " + text).getBytes(StandardCharsets.UTF_8));
        files.put("answer.html", ("<html><head><title>Answer</title></head><body>" + ANSWER.stream()
            .map(p -> "<p>" + p + "</p>").reduce("", String::concat) + "</body></html>").getBytes(StandardCharsets.UTF_8));
        files.put("answer.pdf", DocumentFiles.pdf(ANSWER));
        files.put("answer.docx", DocumentFiles.docx(ANSWER));
        files.put("answer.odt", DocumentFiles.odt(ANSWER));
        files.put("answer.rtf", DocumentFiles.rtf(ANSWER));
        files.put("answer.eml", DocumentFiles.email("Fwd: answer", text));
        files.put("attached.eml", DocumentFiles.emailWithAttachments("Fwd: answer", "Attached.",
                Map.of("answer.docx", DocumentFiles.docx(ANSWER))));
        return files;
    }

    /** One to three of: flipped bits, overwritten, deleted, duplicated or inserted runs, a cut end. */
    private static byte[] mutate(byte[] original, Random random, StringBuilder how) {
        byte[] bytes = original.clone();
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations && bytes.length > 1; m++) {
            int at = random.nextInt(bytes.length);
            int length = 1 + random.nextInt(Math.max(1, Math.min(512, bytes.length - at)));
            switch (random.nextInt(6)) {
                case 0 -> {
                    int flips = 1 + random.nextInt(16);
                    for (int f = 0; f < flips; f++) {
                        int i = random.nextInt(bytes.length);
                        bytes[i] ^= (byte) (1 << random.nextInt(8));
                    }
                    how.append(" flip ").append(flips).append(" bits;");
                }
                case 1 -> {
                    for (int i = at; i < at + length && i < bytes.length; i++) {
                        bytes[i] = (byte) random.nextInt(256);
                    }
                    how.append(" overwrite ").append(length).append(" at ").append(at).append(';');
                }
                case 2 -> {
                    bytes = concat(Arrays.copyOfRange(bytes, 0, at), Arrays.copyOfRange(bytes, Math.min(bytes.length,
                            at + length), bytes.length));
                    how.append(" delete ").append(length).append(" at ").append(at).append(';');
                }
                case 3 -> {
                    byte[] slice = Arrays.copyOfRange(bytes, at, Math.min(bytes.length, at + length));
                    bytes = concat(Arrays.copyOfRange(bytes, 0, at), slice, Arrays.copyOfRange(bytes, at, bytes.length));
                    how.append(" duplicate ").append(slice.length).append(" at ").append(at).append(';');
                }
                case 4 -> {
                    byte[] noise = new byte[length];
                    random.nextBytes(noise);
                    bytes = concat(Arrays.copyOfRange(bytes, 0, at), noise, Arrays.copyOfRange(bytes, at, bytes.length));
                    how.append(" insert ").append(length).append(" at ").append(at).append(';');
                }
                default -> {
                    bytes = Arrays.copyOf(bytes, at);
                    how.append(" cut at ").append(at).append(';');
                }
            }
        }
        return bytes;
    }

    @Test
    void noMutationOfAValidFileMakesAnythingButAQuarantinableFailureEscapeTheProcessor() throws Exception {
        // given
        DocumentReader reader = new DocumentReader(new TextExtractor(new TextExtractor.Limits(2_000_000,
                Duration.ofSeconds(10), 10)), new Analyzer(Taxonomies.load(null)));
        AnalysingItemProcessor processor = new AnalysingItemProcessor(reader,
                Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC));
        QuarantineSkipPolicy skipPolicy = new QuarantineSkipPolicy(Long.MAX_VALUE);
        Random random = new Random(SEED);
        Map<String, byte[]> validFiles = validFiles();
        List<String> escaped = new ArrayList<>();
        int read = 0;
        int quarantined = 0;
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            for (Map.Entry<String, byte[]> valid : validFiles.entrySet()) {
                for (int n = 0; n < MUTANTS_PER_FORMAT; n++) {
                    StringBuilder how = new StringBuilder();
                    byte[] mutant = mutate(valid.getValue(), random, how);
                    String name = valid.getKey();
                    String label = name + " #" + n + " (seed " + SEED + "):" + how;
                    SourceDocument document = new SourceDocument(name, name, Hashes.sha256(mutant), mutant);
                    // when
                    Future<?> processed = worker.submit(() -> processor.process(document));
                    try {
                        processed.get(60, TimeUnit.SECONDS);
                        read++;
                    }
                    catch (ExecutionException failure) {
                        // then: only what the skip policy quarantines
                        Throwable cause = failure.getCause();
                        if (skipPolicy.shouldSkip(cause, 0)) {
                            quarantined++;
                        }
                        else {
                            escaped.add(label + " -> " + cause);
                        }
                    }
                    catch (TimeoutException hung) {
                        processed.cancel(true);
                        escaped.add(label + " -> hung for a minute");
                    }
                }
            }
        }
        finally {
            worker.shutdownNow();
        }
        assertThat(escaped).as("failures that would fail the run instead of quarantining one file").isEmpty();
        assertThat(read + quarantined).isEqualTo(validFiles.size() * MUTANTS_PER_FORMAT);
        assertThat(read).as("some mutants are still readable").isPositive();
        assertThat(quarantined).as("some are not").isPositive();
    }

    private static byte[] concat(byte[]... parts) {
        int length = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
