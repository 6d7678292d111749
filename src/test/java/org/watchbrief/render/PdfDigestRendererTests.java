package org.watchbrief.render;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchbrief.digest.Digest;
import org.watchbrief.support.DigestBuilder;
import org.watchbrief.support.Digests;
import org.watchbrief.support.Digests.Bookmark;
import org.watchbrief.support.Digests.PdfDigest;

import static org.assertj.core.api.Assertions.assertThat;

/** The PDF digest, reopened with PDFBox the way a reader's software would. */
class PdfDigestRendererTests {

    @TempDir
    Path out;

    private Path renderFile(Digest digest) {
        return new PdfDigestRenderer(new RenderProperties(out.resolve("no-branding"))).render(digest, out);
    }

    private PdfDigest render(Digest digest) throws IOException {
        return Digests.readPdf(renderFile(digest));
    }

    @Test
    void embedsAUnicodeFontSoPoundsDashesAndCurlyQuotesRenderEverywhere() throws Exception {
        // when
        PdfDigest pdf = render(Digests.aDigest().build());
        // then
        assertThat(pdf.fonts()).isNotEmpty();
        assertThat(pdf.fonts()).allSatisfy((name, embedded) -> {
            assertThat(name).contains("LiberationSans");
            assertThat(embedded).as("%s is embedded", name).isTrue();
        });
        assertThat(pdf.text()).contains("£12.5 million", "January–March 2027", "Government’s",
                "“Offenders who prey on children online", "– one of the largest penalties");
    }

    @Test
    void bookmarksEachSectionAndEachDocumentWhereItIs() throws Exception {
        // when
        PdfDigest pdf = render(Digests.aDigest().build());
        // then
        assertThat(pdf.bookmarkTitles(1)).containsExactly("Executive summary", "Grooming", "Livestreaming",
                "Data sharing", "Legislation", "Funding", "Timeline", "Trends", "Sources");
        assertThat(pdf.bookmarkTitles(2)).contains("What is new", Digests.PRESS_RELEASE, Digests.WRITTEN_ANSWER,
                "Announcements", "Totals by theme", "Fines and costs");
        List<Integer> pages = pdf.bookmarks().stream().map(Bookmark::page).toList();
        assertThat(pages).allMatch(page -> page >= 2).isSorted();
        Bookmark sources = pdf.bookmarks().stream().filter(b -> b.title().equals("Sources")).findFirst().orElseThrow();
        assertThat(pdf.pages().get(sources.page() - 1)).contains("Every document this briefing cites");
    }

    @Test
    void linksToEachSourceAndJumpsToTheAppendixAndTheSections() throws Exception {
        // when
        PdfDigest pdf = render(Digests.aDigest().build());
        // then
        assertThat(pdf.links()).contains(Digests.PRESS_RELEASE_URL, Digests.WRITTEN_ANSWER_URL)
            .noneMatch(link -> link.endsWith(".md"));
        assertThat(pdf.jumps()).as("contents entries and source numbers jump within the file").isGreaterThan(20);
    }

    @Test
    void numbersEveryPageAsPageNOfM() throws Exception {
        // when
        PdfDigest pdf = render(Digests.aDigest().build());
        // then
        int total = pdf.pages().size();
        assertThat(total).isGreaterThan(3);
        for (int page = 1; page <= total; page++) {
            assertThat(pdf.pages().get(page - 1)).contains("Page " + page + " of " + total);
        }
    }

    @Test
    void carriesTheSameSectionsTablesAndTotalsAsTheWordFile() throws Exception {
        // when
        PdfDigest pdf = render(Digests.aDigest().build());
        // then
        assertThat(pdf.text()).contains("Weekly briefing for managers", "Window: 2 November 2026 to 8 November 2026",
                "Made 9 November 2026 at 07:00 GMT", "Prepared for managers@example.org",
                "£15.5m of new funding in 2 announcements, up £13.5m on the previous window (£2m).",
                "Amount Purpose Who First reported Reported by",
                "All themes, each announcement once £15.5m £2m +£13.5m", "Fine £1.05m", "Cost £1.2bn",
                "Fines and costs are listed for context and never added to funding.",
                "The Home Secretary’s speech “Keeping children safe online” at", "Spring 2027");
        assertThat(pdf.title()).isEqualTo("Weekly briefing for managers");
        assertThat(pdf.subject()).isEqualTo("Online child-safety policy briefing, 2 November 2026 to 8 November 2026");
        assertThat(pdf.created().toInstant()).isEqualTo(Instant.parse("2026-11-09T07:00:00Z"));
    }

    @Test
    void embedsTheThreeCharts() throws Exception {
        // when
        PdfDigest pdf = render(Digests.aDigest().build());
        // then
        assertThat(pdf.images()).isEqualTo(3);
    }

    @Test
    void neverLeavesAHeadingOrATableHeaderAloneAtTheFootOfAPage() throws Exception {
        // given digests whose tables and headings land at every height of a page
        for (int extra = 0; extra < 24; extra++) {
            DigestBuilder builder = Digests.aDigest();
            for (int i = 0; i < extra; i++) {
                builder.document("Filler document " + i, "News story", LocalDate.of(2026, 11, 2), null, null,
                        "https://example.org/" + i, "A sentence of filler text that takes up a line or two. ".repeat(
                                1 + i % 3),
                        List.of("filler"), "legislation");
            }
            // when
            Path file = renderFile(builder.build());
            // then
            for (Line last : lastLinesOfEachPage(file)) {
                assertThat(last.size()).as("page %d of %d extra ends with a heading: %s", last.page(), extra,
                        last.text()).isLessThan(12);
                assertThat(last.text()).as("page %d of %d extra ends with a table header", last.page(), extra)
                    .isNotIn("Amount Purpose Who First reported Reported by", "Theme This window Previous window Change",
                            "Kind Amount About Reported by", "When Event Sources",
                            "Window Grooming Livestreaming Data sharing Legislation");
            }
        }
    }

    @Test
    void aWindowWithNothingNewGivesAOnePageDigestThatSaysSo() throws Exception {
        // when
        PdfDigest pdf = render(Digests.anEmptyDigest().build());
        // then
        assertThat(pdf.pages()).hasSize(1);
        assertThat(pdf.text()).contains("Weekly briefing for managers", "Nothing new came in during this window.",
                "No new funding was reported in this window; the previous window had £2m.", "Page 1 of 1");
        assertThat(pdf.bookmarkTitles(1)).containsExactly("Executive summary");
        assertThat(pdf.images()).isZero();
    }

    /** The last line of text above the footer on each page, with the size of its largest letters. */
    private record Line(int page, String text, float size) {
    }

    private static List<Line> lastLinesOfEachPage(Path file) throws IOException {
        List<Line> lines = new ArrayList<>();
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                List<TextPosition> letters = new ArrayList<>();
                PDFTextStripper stripper = new PDFTextStripper() {
                    @Override
                    protected void processTextPosition(TextPosition text) {
                        letters.add(text);
                    }
                };
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                stripper.getText(pdf);
                // the lowest baseline above the footer's, and what is written on it
                float footer = (float) letters.stream().mapToDouble(TextPosition::getYDirAdj).max().orElse(0);
                float last = (float) letters.stream().mapToDouble(TextPosition::getYDirAdj)
                    .filter(y -> y < footer - 5).max().orElse(0);
                List<TextPosition> line = letters.stream().filter(t -> Math.abs(t.getYDirAdj() - last) < 2)
                    .sorted(java.util.Comparator.comparingDouble(TextPosition::getXDirAdj)).toList();
                StringBuilder text = new StringBuilder();
                TextPosition previous = null;
                for (TextPosition letter : line) {
                    if (previous != null && letter.getXDirAdj() - (previous.getXDirAdj() + previous.getWidthDirAdj())
                            > letter.getWidthOfSpace() * 0.5) {
                        text.append(' ');
                    }
                    text.append(letter.getUnicode());
                    previous = letter;
                }
                float size = (float) line.stream().mapToDouble(TextPosition::getFontSizeInPt).max().orElse(0);
                lines.add(new Line(page, text.toString().strip(), size));
            }
        }
        return lines;
    }
}
