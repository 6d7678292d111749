package org.watchbrief.batch;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.watchbrief.analysis.Analyzer;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.Hashes;
import org.watchbrief.intake.SourceDocument;
import org.watchbrief.intake.Taxonomies;
import org.watchbrief.intake.TextExtractor;
import org.watchbrief.intake.UnreadableDocumentException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Documents analysed ahead of the writer, on several threads, come out as if analysed one by one:
 * each with its own analysis, and an unreadable one failing where it stands, to be quarantined.
 */
class AnalysisAheadTests {

    private final DocumentReader reader = new DocumentReader(new TextExtractor(new TextExtractor.Limits(2_000_000,
            Duration.ofSeconds(10), 10)), new Analyzer(Taxonomies.load(null)));

    private final Clock clock = Clock.fixed(Instant.parse("2026-11-23T07:00:00Z"), ZoneOffset.UTC);

    private static SourceDocument document(String name, String text) {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        return new SourceDocument(name, name, Hashes.sha256(content), content);
    }

    @Test
    void eachDocumentGetsItsOwnAnalysisWhicheverThreadFinishesFirst() {
        // given: long and short documents, so that the threads finish out of order
        List<SourceDocument> documents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String sum = "£" + (i + 1) + " million";
            String padding = i % 3 == 0 ? " The programme runs in every region.".repeat(400) : "";
            documents.add(document("release-" + i + ".txt", "Funding to tackle online grooming\n\nThe Home Office "
                    + "announced " + sum + " for the Internet Watch Foundation to tackle online grooming." + padding));
        }
        List<AnalysedDocument> analysed = new ArrayList<>();
        // when
        try (AnalysisAhead ahead = new AnalysisAhead(reader, clock, 4)) {
            documents.forEach(ahead::submit);
            documents.forEach(document -> analysed.add(ahead.take(document)));
        }
        // then
        for (int i = 0; i < documents.size(); i++) {
            AnalysedDocument one = analysed.get(i);
            assertThat(one.sourceKey()).isEqualTo("release-" + i + ".txt");
            assertThat(one.analysis().money()).extracting(m -> m.amount().intValueExact())
                .containsExactly((i + 1) * 1_000_000);
            assertThat(one).usingRecursiveComparison().isEqualTo(reader.read(documents.get(i), clock.instant()
                .atZone(ZoneOffset.UTC).toLocalDate()));
        }
    }

    @Test
    void anUnreadableDocumentFailsWhenItsTurnComesAndTheOthersAreUntouched() {
        // given
        SourceDocument good = document("good.txt", "Online grooming\n\nThe Home Office announced £4 million.");
        SourceDocument empty = new SourceDocument("empty.pdf", "empty.pdf", Hashes.sha256(new byte[0]), new byte[0]);
        SourceDocument after = document("after.txt", "Livestreaming\n\nOfcom set out new duties on livestreaming.");
        // when
        try (AnalysisAhead ahead = new AnalysisAhead(reader, clock, 2)) {
            List.of(good, empty, after).forEach(ahead::submit);
            // then
            assertThat(ahead.take(good).sourceKey()).isEqualTo("good.txt");
            assertThatThrownBy(() -> ahead.take(empty)).isInstanceOf(UnreadableDocumentException.class)
                .hasMessageContaining("empty");
            assertThat(ahead.take(after).sourceKey()).isEqualTo("after.txt");
        }
    }
}
