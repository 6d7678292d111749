package org.watchbrief.intake;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.apache.tika.metadata.Metadata;
import org.apache.tika.mime.MediaType;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.watchbrief.analysis.Analyzer;
import org.watchbrief.support.DocumentFiles;
import org.watchbrief.support.HostileFiles;
import org.watchbrief.support.LocalServer;
import org.watchbrief.support.LocalServer.Answer;
import org.xml.sax.ContentHandler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files built to hurt the reader, each refused with a reason (so that intake quarantines it) in
 * bounded time, none of them making the machine fetch anything: the canary, a real HTTP server on
 * 127.0.0.1 that every external entity points at, must receive no request.
 */
class HostileInputTests {

    private static final List<String> RELEASE = List.of("Press release",
            "£4 million for tools that detect online grooming", "From: Home Office", "Published 14 October 2026",
            "Smaller platforms will get free access to tools that detect the grooming of children.");

    private final LocalServer canary = new LocalServer().on("/entity", uri -> Answer.json("CANARY-SECRET-5521"));

    private final String entity = canary.baseUrl().resolve("/entity").toString();

    private final TextExtractor extractor = new TextExtractor(new TextExtractor.Limits(100_000, Duration.ofSeconds(20),
            10));

    @AfterEach
    void stop() {
        canary.close();
    }

    private static SourceDocument file(String name, byte[] content) {
        return new SourceDocument(name, name, Hashes.sha256(content), content);
    }

    private String extract(String name, byte[] content) {
        return extractor.extract(file(name, content));
    }

    @Test
    void externalEntitiesInWordOpenDocumentAndPdfFormsFetchNothingAndAreRefused() {
        // when, then
        assertThatThrownBy(() -> extract("entity.docx", HostileFiles.docxWithExternalEntity(entity)))
            .isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("external-entity");
        assertThatThrownBy(() -> extract("entity.odt", DocumentFiles.odtWithExternalEntity(entity)))
            .isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("external-entity");
        assertThatThrownBy(() -> extract("xfa.pdf", HostileFiles.pdfWithXfaExternalEntity(
                "Guidance on online grooming for schools.", entity)))
            .isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("XFA form declares a DOCTYPE")
            .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("CANARY"));
        assertThat(canary.requests()).as("no request reached the canary").isEmpty();
    }

    @Test
    void aWordDocumentWithTwoDocumentPartsIsRefused() {
        // given: one reader would see the harmless part, another the hidden one
        byte[] smuggler = HostileFiles.docxWithDuplicateEntries(List.of("Minutes of the meeting."),
                List.of("Hidden instructions."));
        // when, then
        assertThatThrownBy(() -> extract("smuggler.docx", smuggler)).isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("more than 1 entry with the name word/document.xml");
    }

    @Test
    void aPdfWhoseStructureLoopsIsRefusedWellWithinTheTimeLimit() {
        for (byte[] looping : List.of(HostileFiles.pdfWithALoopingPageTree(), HostileFiles.pdfWithALoopingXref())) {
            long start = System.nanoTime();
            // when, then
            assertThatThrownBy(() -> extract("looping.pdf", looping)).isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("looping.pdf: ");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
    }

    @Test
    void emailsNestedDeepOrCarryingThousandsOfAttachmentsAreRefusedWithoutReadingThemAll() {
        // when, then
        assertThatThrownBy(() -> extract("nested.eml", HostileFiles.deeplyNestedEmail(200, "The innermost text.")))
            .isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("more than 10 attachments and attached messages");
        assertThatThrownBy(() -> extract("many.eml", HostileFiles.emailWithManyAttachments(5000)))
            .isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("more than 10 attachments and attached messages");
    }

    @Test
    void textBeyondTheCharacterLimitIsCutAndTheDocumentFlagged() {
        // given: 6 MB of answers against a 2 million character limit
        String answer = "The Home Office is funding work to detect the online grooming of children. ";
        byte[] long1 = answer.repeat(6_000_000 / answer.length()).getBytes(StandardCharsets.UTF_8);
        DocumentReader reader = new DocumentReader(new TextExtractor(2_000_000), new Analyzer(Taxonomies.load(null)));
        // when
        AnalysedDocument document = reader.read(file("long.txt", long1), LocalDate.of(2026, 11, 1));
        AnalysedDocument whole = reader.read(file("short.txt", answer.getBytes(StandardCharsets.UTF_8)),
                LocalDate.of(2026, 11, 1));
        // then
        assertThat(document.textCut()).isTrue();
        assertThat(document.body().length()).isLessThanOrEqualTo(2_000_000);
        assertThat(whole.textCut()).isFalse();
        assertThat(new TextExtractor(50).extractText(file("long.docx", DocumentFiles.docx(List.of(answer.repeat(10))))))
            .satisfies(cut -> {
                assertThat(cut.cut()).isTrue();
                assertThat(cut.text()).hasSizeLessThanOrEqualTo(50);
            });
    }

    @Test
    void readsThatCannotBeStoppedDoNotPileUpAndTheReaderRecoversWhenTheyEnd() throws Exception {
        // given: a parser that ignores being interrupted, as one caught in a loop would
        CountDownLatch release = new CountDownLatch(1);
        Parser deaf = new Parser() {
            @Override
            public Set<MediaType> getSupportedTypes(ParseContext context) {
                return Set.of(MediaType.application("pdf"));
            }

            @Override
            public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context) {
                while (release.getCount() > 0) {
                    try {
                        release.await();
                    }
                    catch (InterruptedException ignored) {
                        // deaf to it
                    }
                }
            }
        };
        TextExtractor impatient = new TextExtractor(new TextExtractor.Limits(100_000, Duration.ofMillis(200), 10), deaf);
        byte[] pdf = DocumentFiles.pdf(RELEASE);
        int threadsBefore = extractThreads();
        List<String> reasons = new ArrayList<>();
        // when: twelve such documents in a row
        try {
            for (int i = 1; i <= 12; i++) {
                try {
                    impatient.extract(file("stuck-" + i + ".pdf", pdf));
                }
                catch (UnreadableDocumentException refused) {
                    reasons.add(refused.reason());
                }
            }
            // then: four are left running, the rest refused unread, and no more threads than that
            assertThat(reasons).hasSize(12);
            assertThat(reasons.subList(0, TextExtractor.MAX_STUCK_PARSES))
                .allMatch(reason -> reason.contains("took longer than"));
            assertThat(reasons.subList(TextExtractor.MAX_STUCK_PARSES, 12))
                .allMatch(reason -> reason.startsWith("not read: 4 earlier documents are still being read"));
            assertThat(impatient.stuckParses()).isEqualTo(TextExtractor.MAX_STUCK_PARSES);
            assertThat(extractThreads() - threadsBefore).isLessThanOrEqualTo(TextExtractor.MAX_STUCK_PARSES);
        }
        finally {
            release.countDown();
        }
        // when: the stuck reads end at last
        for (int i = 0; i < 100 && impatient.stuckParses() > 0; i++) {
            Thread.sleep(50);
        }
        // then
        assertThat(impatient.stuckParses()).isZero();
    }

    private static int extractThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
            .filter(t -> t.isAlive() && t.getName().startsWith("watchbrief-extract-"))
            .filter(t -> t.getState() != Thread.State.TIMED_WAITING)
            .count();
    }
}
