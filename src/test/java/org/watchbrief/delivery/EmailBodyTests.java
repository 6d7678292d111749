package org.watchbrief.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.watchbrief.digest.Digest;
import org.watchbrief.support.DigestBuilder;

import static org.assertj.core.api.Assertions.assertThat;

class EmailBodyTests {

    private static final Digest DIGEST = digest();

    /** Seven grooming answers and one livestreaming story, four sums, one of them £0. */
    private static Digest digest() {
        DigestBuilder builder = new DigestBuilder().titled("Weekly <b>briefing</b> & more")
            .window(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22))
            .madeAt(Instant.parse("2026-11-23T07:00:00Z"));
        for (int i = 1; i <= 7; i++) {
            builder.document("Grooming answer " + i, "Written question", LocalDate.of(2026, 11, 2), "Home Office", null,
                    "source", "summary", List.of(), "grooming");
        }
        builder.document("<script>alert('x')</script> Livestreaming", "News story", LocalDate.of(2026, 11, 2), null,
                null, "source", "summary", List.of(), "livestreaming");
        return builder
            .funding("30000000", "£30m", "grooming prevention", null, LocalDate.of(2026, 11, 17), "Grooming answer 1")
            .funding("12500000", "£12.5m", null, null, LocalDate.of(2026, 11, 17), "Grooming answer 2",
                    "Grooming answer 3")
            .funding("1000000", "£1m", "tools", null, LocalDate.of(2026, 11, 17), "Grooming answer 4")
            .funding("0", "£0", "nothing", null, LocalDate.of(2026, 11, 17), "Grooming answer 5")
            .build();
    }

    @Test
    void theHtmlBodyCarriesTheSummaryFiguresAndTheLargestSums() {
        // when
        Document html = Jsoup.parse(EmailBody.html(DIGEST, "Briefing, week to 2026-11-22", null));
        // then
        assertThat(html.select("li").eachText()).contains("8 new documents came in during this window.",
                "Grooming: 7 new documents", "Livestreaming: 1 new document",
                "£43.5m of new funding in 4 announcements, none in the previous window.");
        assertThat(html.select("table tr").eachText()).containsExactly("Sum Purpose", "£30m grooming prevention",
                "£12.5m Grooming answer 2; Grooming answer 3", "£1m tools");
        assertThat(html.title()).isEqualTo("Briefing, week to 2026-11-22");
    }

    @Test
    void listsAFewDocumentsPerThemeAndPointsToTheAttachmentForTheRest() {
        // when
        Document html = Jsoup.parse(EmailBody.html(DIGEST, "s", null));
        // then
        assertThat(html.select("li").eachText()).contains("Grooming answer 5 (2 November 2026)",
                "and 2 more in the attached briefing")
            .doesNotContain("Grooming answer 6 (2 November 2026)");
    }

    @Test
    void everyTextFromADocumentIsEscaped() {
        // when
        String html = EmailBody.html(DIGEST, "s", null);
        // then
        assertThat(html).doesNotContain("<script>", "<b>briefing</b>");
        assertThat(Jsoup.parse(html).select("h1").text()).isEqualTo("Weekly <b>briefing</b> & more");
        assertThat(Jsoup.parse(html).select("li").eachText())
            .contains("<script>alert('x')</script> Livestreaming (2 November 2026)");
    }

    @Test
    void bothBodiesSayWhatTheSchedulesFiltersKeep() {
        // when
        String text = EmailBody.text(DIGEST, "from Home Office");
        String html = EmailBody.html(DIGEST, "s", "from Home Office");
        // then
        assertThat(text.lines().toList()).element(2).isEqualTo("Covers only documents from Home Office.");
        assertThat(text).contains("8 new documents came in during this window.",
                "The full briefing is attached as Word and PDF.");
        assertThat(Jsoup.parse(html).text()).contains("Covers only documents from Home Office.");
    }
}
