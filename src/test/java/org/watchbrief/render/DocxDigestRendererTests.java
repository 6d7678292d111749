package org.watchbrief.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.watchbrief.digest.Digest;
import org.watchbrief.support.Digests;
import org.watchbrief.support.Digests.WordDigest;

import static org.assertj.core.api.Assertions.assertThat;

/** The Word digest, reopened with POI the way Word would read it. */
class DocxDigestRendererTests {

    @TempDir
    Path out;

    private WordDigest render(Digest digest) throws Exception {
        return render(digest, out.resolve("no-branding"));
    }

    private WordDigest render(Digest digest, Path templates) throws Exception {
        Path file = new DocxDigestRenderer(new RenderProperties(templates)).render(digest, out);
        assertThat(file).hasFileName("briefing.docx");
        return Digests.readWord(file);
    }

    @Test
    void givesEachPartAWordHeadingInReadingOrder() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.headingTexts(1)).containsExactly("Executive summary", "Grooming", "Livestreaming",
                "Data sharing", "Legislation", "Funding", "Timeline", "Trends", "Sources");
        assertThat(word.headingTexts(2)).startsWith("What is new", "Funding in brief", "Coming up")
            .contains("Announcements", "Totals by theme", "Fines and costs");
        assertThat(word.contentsField()).as("a table of contents field over the headings").isTrue();
        try (InputStream in = Files.newInputStream(out.resolve("briefing.docx")); XWPFDocument doc = new XWPFDocument(in)) {
            assertThat(doc.getStyles().getStyleWithName("heading 1").getCTStyle().getPPr().getOutlineLvl().getVal())
                .as("Word's navigation pane lists what has an outline level").isZero();
            assertThat(doc.getStyles().getStyleWithName("heading 2").getCTStyle().getPPr().getOutlineLvl().getVal())
                .isOne();
        }
    }

    @Test
    void listsEachDocumentUnderEveryThemeItCarriesNewestFirst() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.documentsUnder("Grooming")).containsExactly(Digests.FUND_STORY, Digests.WRITTEN_ANSWER,
                Digests.PRESS_RELEASE);
        assertThat(word.documentsUnder("Livestreaming")).containsExactly(Digests.FINE_STORY, Digests.PRESS_RELEASE);
        assertThat(word.documentsUnder("Data sharing")).containsExactly(Digests.WRITTEN_ANSWER);
        assertThat(word.text()).contains("Written question · 5 November 2026 · Home Office · answered by Jess Phillips",
                "Evidence: “share intelligence”, “grooming”");
    }

    @Test
    void summarisesWhatIsNewFundingAndWhatComesNextOnTheFirstPageAfterTheCover() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.text()).contains("5 new documents came in during this window.", "Grooming: 3 new documents",
                "Data sharing: 1 new document",
                "£15.5m of new funding in 2 announcements, up £13.5m on the previous window (£2m).",
                "6 January 2027: Flickcast’s deadline for a new risk assessment [3]",
                "Spring 2027: The consultation on mandatory reporting closes [4]");
        assertThat(word.text()).doesNotContain("3 September 2018: The Home Secretary")
            .as("only events after the window are 'coming up'");
    }

    @Test
    void tablesTheAnnouncementsOnceEachWithTheirTotals() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        List<List<String>> announcements = word.tableAfter("Announcements");
        assertThat(announcements.get(0)).containsExactly("Amount", "Purpose", "Who", "First reported", "Reported by");
        assertThat(announcements).hasSize(4);
        assertThat(announcements.get(1)).containsExactly("£12.5m", "a national team of undercover officers",
                "Home Office", "3 Nov 2026", "[1] " + Digests.PRESS_RELEASE + "; [2] " + Digests.WRITTEN_ANSWER);
        assertThat(announcements.get(3).get(0)).isEqualTo("£30m");
        assertThat(announcements.get(3).get(3)).isEqualTo("12 Oct 2026 (earlier; not counted again)");
        List<List<String>> totals = word.tableAfter("Totals by theme");
        assertThat(totals.get(0)).containsExactly("Theme", "This window", "Previous window", "Change");
        assertThat(totals).contains(List.of("Grooming", "£12.5m", "£2m", "+£10.5m"),
                List.of("Legislation", "£3m", "£0", "+£3m"));
        assertThat(totals.get(totals.size() - 1)).containsExactly("All themes, each announcement once", "£15.5m", "£2m",
                "+£13.5m");
        assertThat(word.text()).contains("Total: £15.5m of new funding.");
    }

    @Test
    void keepsFinesAndCostsInATableOfTheirOwnAndOutOfTheTotals() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        List<List<String>> others = word.tableAfter("Fines and costs");
        assertThat(others.get(0)).containsExactly("Kind", "Amount", "About", "Reported by");
        assertThat(others.stream().skip(1).map(row -> row.get(0) + " " + row.get(1)).toList())
            .containsExactly("Fine £1.05m", "Cost £1.2bn");
        assertThat(word.tableAfter("Totals by theme").stream().flatMap(List::stream).toList())
            .doesNotContain("£1.05m", "£1.2bn", "£16.55m");
    }

    @Test
    void datesTheTimelineAtItsPrecisionAndShowsAnEventReportedTwiceOnce() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        List<List<String>> timeline = word.tableAfter("Timeline");
        assertThat(timeline.get(0)).containsExactly("When", "Event", "Sources");
        assertThat(timeline.stream().skip(1).map(row -> row.get(0)).toList()).containsExactly("3 September 2018",
                "March 2025", "January–March 2027", "6 January 2027", "Spring 2027", "2028");
        assertThat(timeline.get(1).get(2)).isEqualTo("[1] " + Digests.PRESS_RELEASE + "; [2] " + Digests.WRITTEN_ANSWER);
    }

    @Test
    void repeatsEveryTableHeaderRowOnEachPage() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.tables()).hasSize(5);
        assertThat(word.tablesRepeatHeader()).containsOnly(true);
    }

    @Test
    void numbersThePagesInTheFooter() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.footerText()).contains("Watchbrief · Weekly briefing for managers · Page ");
        assertThat(word.footerXml()).contains(" PAGE ", " NUMPAGES ");
    }

    @Test
    void setsTheTitleSubjectAndCreationTimeOfTheFile() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.title()).isEqualTo("Weekly briefing for managers");
        assertThat(word.subject()).isEqualTo("Online child-safety policy briefing, 2 November 2026 to 8 November 2026");
        assertThat(word.created()).isEqualTo(Date.from(Instant.parse("2026-11-09T07:00:00Z")));
    }

    @Test
    void linksToEachSourceAndJumpsToTheAppendixAndTheSections() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.links()).containsEntry(Digests.PRESS_RELEASE, Digests.PRESS_RELEASE_URL)
            .containsEntry(Digests.WRITTEN_ANSWER_URL, Digests.WRITTEN_ANSWER_URL);
        assertThat(word.links().values()).as("a file name is not a web address").noneMatch(url -> url.endsWith(".md"));
        assertThat(word.jumps()).contains("wb_source_1", "wb_source_5");
        assertThat(word.bookmarks()).contains("wb_source_1", "wb_source_5").containsAll(word.jumps());
        assertThat(word.text()).contains("[5] Charities welcome £30m fund to stop online grooming. News story, "
                + "8 November 2026. news-03-grooming-fund.md");
    }

    @Test
    void embedsTheChartsAsImagesWithWordsForThoseWhoCannotSeeThem() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.pictures()).hasSize(3);
        assertThat(word.pictures()).anyMatch(d -> d.startsWith("Bar chart of new funding per theme: Grooming £12.5m"))
            .anyMatch(d -> d.startsWith("Timeline chart of 5 events by theme, from March 2025 to 2028"))
            .anyMatch(d -> d.startsWith("Line chart of documents per theme in the last 6 windows"));
        assertThat(word.text()).as("the chart keeps to the years around the window; the table has the rest")
            .contains("The chart shows 2 November 2024 to 31 December 2028; the table lists 1 event outside that "
                    + "span too.");
    }

    @Test
    void writesPoundSignsDashesAndCurlyQuotesAsTheyAre() throws Exception {
        // when
        WordDigest word = render(Digests.aDigest().build());
        // then
        assertThat(word.text()).contains("£12.5 million", "“Offenders who prey on children online",
                "Government’s", "– one of the largest penalties");
    }

    @Test
    void aWindowWithNothingNewGivesAShortDigestThatSaysSo() throws Exception {
        // when
        WordDigest word = render(Digests.anEmptyDigest().build());
        // then
        assertThat(word.headingTexts(1)).containsExactly("Executive summary");
        assertThat(word.text()).contains("Nothing new came in during this window. No document on grooming, "
                + "livestreaming, data sharing and legislation was published between 2 November 2026 and 8 November "
                + "2026.", "No new funding was reported in this window; the previous window had £2m.");
        assertThat(word.tables()).isEmpty();
        assertThat(word.pictures()).isEmpty();
        assertThat(word.title()).isEqualTo("Weekly briefing for managers");
        assertThat(word.footerXml()).contains(" PAGE ");
    }

    @Test
    void takesTheOrganisationsNameLogoColoursAndWordTemplateFromTheBrandingFolder() throws Exception {
        // given
        Path templates = Files.createDirectories(out.resolve("templates"));
        Files.writeString(templates.resolve("branding.yml"), """
                organisation: Example Trust
                colours:
                  primary: "#006B3F"
                """);
        BufferedImage logo = new BufferedImage(200, 80, BufferedImage.TYPE_INT_RGB);
        logo.getGraphics().setColor(Color.GREEN);
        logo.getGraphics().fillRect(0, 0, 200, 80);
        ImageIO.write(logo, "png", templates.resolve("logo.png").toFile());
        writeTemplateWithGeorgiaHeadings(templates.resolve("digest.dotx"));
        // when
        Path file = new DocxDigestRenderer(new RenderProperties(templates)).render(Digests.aDigest().build(), out);
        // then
        WordDigest word = Digests.readWord(file);
        assertThat(word.paragraphs()).contains("Example Trust");
        assertThat(word.pictures()).contains("Example Trust logo");
        assertThat(word.footerText()).startsWith("Example Trust · ");
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            XWPFStyle heading = doc.getStyles().getStyleWithName("heading 1");
            assertThat(heading.getCTStyle().getRPr().getRFontsArray(0).getAscii()).isEqualTo("Georgia");
            XWPFParagraph firstHeading = doc.getParagraphs().stream()
                .filter(p -> heading.getStyleId().equals(p.getStyleID())).findFirst().orElseThrow();
            assertThat(firstHeading.getText()).isEqualTo("Executive summary");
            assertThat(doc.getProperties().getCoreProperties().getCreator()).isEqualTo("Example Trust");
            assertThat(doc.getTables().get(0).getRow(0).getCell(0).getColor()).isEqualTo("006B3F");
            assertThat(doc.getParagraphs()).as("the template's own note style, found by its name")
                .filteredOn(p -> p.getText().startsWith("Fines and costs are listed for context"))
                .singleElement().satisfies(p -> assertThat(p.getStyleID()).isEqualTo("HouseNote"));
        }
    }

    /** A .dotx whose "heading 1" is Georgia and whose "Briefing Note" is its own, made the way Word saves one. */
    private static void writeTemplateWithGeorgiaHeadings(Path dotx) throws Exception {
        Path docx = dotx.resolveSibling("template-source.docx");
        try (XWPFDocument template = new XWPFDocument(); OutputStream stream = Files.newOutputStream(docx)) {
            XWPFStyle style = new XWPFStyle(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle.Factory
                .parse("<w:style xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                        + "w:type=\"paragraph\" w:styleId=\"Kop1\"><w:name w:val=\"heading 1\"/><w:pPr>"
                        + "<w:outlineLvl w:val=\"0\"/></w:pPr><w:rPr><w:rFonts w:ascii=\"Georgia\" "
                        + "w:hAnsi=\"Georgia\"/><w:sz w:val=\"36\"/></w:rPr></w:style>",
                        new org.apache.xmlbeans.XmlOptions().setLoadReplaceDocumentElement(null)));
            template.createStyles().addStyle(style);
            template.getStyles().addStyle(new XWPFStyle(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle
                .Factory.parse("<w:style xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" "
                        + "w:type=\"paragraph\" w:styleId=\"HouseNote\"><w:name w:val=\"Briefing Note\"/><w:rPr>"
                        + "<w:color w:val=\"7F7F7F\"/><w:sz w:val=\"16\"/></w:rPr></w:style>",
                        new org.apache.xmlbeans.XmlOptions().setLoadReplaceDocumentElement(null))));
            template.createParagraph().createRun().setText("Template body text the digest replaces");
            template.write(stream);
        }
        try (OPCPackage pkg = OPCPackage.open(docx.toFile())) {
            pkg.replaceContentType(XWPFRelation.DOCUMENT.getContentType(), XWPFRelation.TEMPLATE.getContentType());
            try (OutputStream stream = Files.newOutputStream(dotx)) {
                pkg.save(stream);
            }
            pkg.revert();
        }
        Files.delete(docx);
    }
}
