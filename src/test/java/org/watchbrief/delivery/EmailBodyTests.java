package org.watchbrief.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.FundingLine;
import org.watchbrief.digest.Window;

import static org.assertj.core.api.Assertions.assertThat;

class EmailBodyTests {

    private static DocumentEntry entry(String title) {
        return new DocumentEntry(title, "Written question", LocalDate.of(2026, 11, 2), "Home Office", null, "summary",
                "source", null);
    }

    private static final Digest DIGEST = new Digest("weekly", "Weekly <b>briefing</b> & more",
            new Window(LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 22)), Instant.parse("2026-11-23T07:00:00Z"),
            new Digest.Summary(8, List.of(new Digest.ThemeCount("grooming", "Grooming", 7),
                    new Digest.ThemeCount("livestreaming", "Livestreaming", 1)), new BigDecimal("43500000")),
            List.of(new Digest.ThemeSection("grooming", "Grooming",
                    IntStream.rangeClosed(1, 7).mapToObj(i -> entry("Grooming answer " + i)).toList()),
                    new Digest.ThemeSection("livestreaming", "Livestreaming",
                            List.of(entry("<script>alert('x')</script> Livestreaming")))),
            new Digest.FundingTable(List.of(new FundingLine(new BigDecimal("30000000"), "£30m", "grooming prevention",
                    List.of("a")), new FundingLine(new BigDecimal("12500000"), "£12.5m", null, List.of("b", "c")),
                    new FundingLine(new BigDecimal("1000000"), "£1m", "tools", List.of("d")),
                    new FundingLine(new BigDecimal("0"), "£0", "nothing", List.of("e"))), new BigDecimal("43500000")),
            List.of());

    @Test
    void theHtmlBodyCarriesTheSummaryFiguresAndTheLargestSums() {
        // when
        Document html = Jsoup.parse(EmailBody.html(DIGEST, "Briefing, week to 2026-11-22", null));
        // then
        assertThat(html.select("li").eachText()).contains("8 new documents in this window.", "Grooming: 7 documents",
                "Livestreaming: 1 document", "Total funding committed: £43.5m (each announcement counted once)");
        assertThat(html.select("table tr").eachText()).containsExactly("Sum Purpose", "£30m grooming prevention",
                "£12.5m b; c", "£1m tools");
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
        assertThat(text).contains("8 new documents in this window.", "The full briefing is attached as Word and PDF.");
        assertThat(Jsoup.parse(html).text()).contains("Covers only documents from Home Office.");
    }
}
