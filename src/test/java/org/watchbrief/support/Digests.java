package org.watchbrief.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.graphics.PDXObject;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionGoTo;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionURI;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationLink;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.IBodyElement;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.digest.Digest;

/**
 * Digest fixtures, and digest files reopened the way a reader's software would, giving back what
 * a manager reads.
 */
public final class Digests {

    public static final String PRESS_RELEASE = "£12.5 million to expand undercover policing of online child abuse";

    public static final String WRITTEN_ANSWER = "Child Sexual Abuse: Internet";

    public static final String FINE_STORY = "Livestreaming app fined £1.05 million by Ofcom";

    public static final String CONSULTATION = "Consultation on mandatory reporting of child sexual abuse";

    public static final String FUND_STORY = "Charities welcome £30m fund to stop online grooming";

    public static final String PRESS_RELEASE_URL = "https://www.gov.uk/government/news/12-5-million-to-expand-undercover-policing";

    public static final String WRITTEN_ANSWER_URL = "https://questions-statements.parliament.uk/written-questions/detail/2026-11-02/98765";

    private Digests() {
    }

    /**
     * A week's digest: five documents on all four themes, £12.5m reported by two documents, £3m,
     * £30m first reported in an earlier window, a fine and a cost, the September 2018 speech
     * reported by two documents, events ahead, six windows of history.
     */
    public static DigestBuilder aDigest() {
        return new DigestBuilder()
            .document(PRESS_RELEASE, "Press release", LocalDate.of(2026, 11, 3), "Home Office", null,
                    PRESS_RELEASE_URL,
                    "A new national team of undercover officers will target adults who groom children online and "
                            + "those who arrange the live-streamed abuse of children, backed by £12.5 million of "
                            + "Home Office funding. The Home Secretary said: “Offenders who prey on children online "
                            + "rely on believing that nobody is watching.”",
                    List.of("groom children", "live-streamed abuse"), "grooming", "livestreaming")
            .document(WRITTEN_ANSWER, "Written question", LocalDate.of(2026, 11, 5), "Home Office", "Jess Phillips",
                    WRITTEN_ANSWER_URL,
                    "The Government’s £12.5 million Covert Intelligence Team will share intelligence on offenders’ "
                            + "methods with technology companies. Since the Home Secretary’s speech of 3 September "
                            + "2018, platforms have been expected to detect grooming.",
                    List.of("share intelligence", "grooming"), "grooming", "data_sharing")
            .document(FINE_STORY, "News story", LocalDate.of(2026, 11, 6), "Ofcom", null,
                    "https://www.ofcom.org.uk/news-centre/2026/flickcast-fined",
                    "Ofcom fined Flickcast Media £1.05 million for failing to protect children from sexual abuse "
                            + "on its livestreaming service – one of the largest penalties under the Online Safety Act.",
                    List.of("livestreaming", "Online Safety Act"), "livestreaming", "legislation")
            .document(CONSULTATION, "Press release", LocalDate.of(2026, 11, 7),
                    "Department for Science, Innovation and Technology", null,
                    "https://www.gov.uk/government/consultations/mandatory-reporting",
                    "The Government will legislate for a statutory duty to report child sexual abuse, with £3 "
                            + "million for a pilot reporting service. The consultation closes next spring.",
                    List.of("legislate", "statutory duty"), "legislation")
            .document(FUND_STORY, "News story", LocalDate.of(2026, 11, 8), null, null, "news-03-grooming-fund.md",
                    "Children’s charities welcomed the £30m fund announced last month to stop adults grooming "
                            + "children online. Online-facilitated abuse costs public services around £1.2bn a year.",
                    List.of("grooming"), "grooming")
            .funding("12500000", "£12.5 million", "a national team of undercover officers", "Home Office",
                    LocalDate.of(2026, 11, 3), PRESS_RELEASE, WRITTEN_ANSWER)
            .funding("3000000", "£3 million", "a pilot reporting service",
                    "Department for Science, Innovation and Technology", LocalDate.of(2026, 11, 7), CONSULTATION)
            .funding("30000000", "£30m", "stopping online grooming", null, LocalDate.of(2026, 10, 12), FUND_STORY)
            .fine("1050000", "£1.05 million", "Flickcast’s failure to protect children", FINE_STORY)
            .cost("1200000000", "£1.2bn", "online-facilitated abuse, to public services each year", FUND_STORY)
            .event(LocalDate.of(2018, 9, 3), DatePrecision.DAY, "The Home Secretary’s speech “Keeping children safe "
                    + "online” at the NSPCC", PRESS_RELEASE, WRITTEN_ANSWER)
            .event(LocalDate.of(2025, 3, 1), DatePrecision.MONTH, "The illegal content duties took effect",
                    FINE_STORY)
            .event(LocalDate.of(2027, 1, 6), DatePrecision.DAY, "Flickcast’s deadline for a new risk assessment",
                    FINE_STORY)
            .event(LocalDate.of(2027, 3, 1), DatePrecision.SEASON, "The consultation on mandatory reporting closes",
                    CONSULTATION)
            .event(LocalDate.of(2027, 1, 1), DatePrecision.QUARTER, "The first undercover officers are deployed",
                    PRESS_RELEASE)
            .event(LocalDate.of(2028, 1, 1), DatePrecision.YEAR, "The reporting duty comes into force", CONSULTATION)
            .previousFunding("2000000", "grooming", "2000000")
            .earlierWindow(1, 0, 1, 2)
            .earlierWindow(2, 1, 0, 1)
            .earlierWindow(0, 2, 1, 1)
            .earlierWindow(3, 1, 2, 0)
            .earlierWindow(1, 1, 1, 3);
    }

    /** A digest of a window in which nothing came in. */
    public static DigestBuilder anEmptyDigest() {
        return new DigestBuilder().previousFunding("2000000", "grooming", "2000000")
            .earlierWindow(1, 0, 1, 2)
            .earlierWindow(2, 1, 0, 1);
    }

    /**
     * A big digest: {@code count} documents spread over the themes over a month, a funding
     * announcement every tenth document (some reported twice), two dated events per document.
     */
    public static DigestBuilder aDigestOf(int count) {
        DigestBuilder builder = new DigestBuilder().window(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31))
            .titled("Monthly briefing, wider list");
        List<String> themes = List.copyOf(DigestBuilder.THEMES.keySet());
        List<String> types = List.of("Written question", "Press release", "News story", "Statement");
        List<String> titles = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String title = "Online safety item " + (i + 1) + ": " + themes.get(i % 4).replace('_', ' ')
                    + " and the duties of platforms";
            titles.add(title);
            String second = themes.get((i / 4 + 1) % 4);
            builder.document(title, types.get(i % types.size()), LocalDate.of(2026, 10, 1 + i % 31),
                    i % 3 == 0 ? "Home Office" : "Department for Science, Innovation and Technology",
                    i % 4 == 0 ? "A Minister" : null, "https://www.gov.uk/government/news/item-" + (i + 1),
                    "The Government’s work to protect children online continues: services must assess the risk "
                            + "that adults groom children or stream abuse live, and share what they find with the "
                            + "police. Ministers said “we will not hesitate to go further” – including through "
                            + "legislation – if the evidence shows it is needed.",
                    List.of("groom", "stream abuse live", "share"), themes.get(i % 4), second);
            if (i % 10 == 0) {
                builder.funding(Integer.toString(1_000_000 + i * 10_000), "£" + (1 + i / 100.0) + " million",
                        "work against online abuse, item " + (i + 1), "Home Office", LocalDate.of(2026, 10, 1 + i % 31),
                        i > 0 ? new String[] { title, titles.get(i - 1) } : new String[] { title });
            }
            builder.event(LocalDate.of(2025 + i % 3, 1 + i % 12, 1 + i % 28), DatePrecision.DAY,
                    "Event " + (i + 1) + " named in the document", title);
            builder.event(LocalDate.of(2026 + i % 2, 1 + (i % 4) * 3, 1), DatePrecision.values()[1 + i % 4],
                    "Period event " + (i + 1), title);
        }
        return builder.previousFunding("5000000", "grooming", "5000000").earlierWindow(30, 20, 25, 22)
            .earlierWindow(40, 31, 19, 30);
    }

    // Word

    /** A Word digest read back with POI. */
    public record WordDigest(List<Heading> headings, List<String> paragraphs, List<List<List<String>>> tables,
            List<Boolean> tablesRepeatHeader, Map<String, String> links, List<String> jumps, List<String> bookmarks,
            String footerText, String footerXml, String title, String subject, java.util.Date created,
            List<String> pictures, boolean contentsField, List<String> bodyOrder) {

        public List<String> headingTexts(int level) {
            return headings.stream().filter(h -> h.level() == level).map(Heading::text).toList();
        }

        /** The titles of the documents listed under a theme's heading (level 2 under level 1). */
        public List<String> documentsUnder(String theme) {
            List<String> titles = new ArrayList<>();
            boolean inside = false;
            for (Heading heading : headings) {
                if (heading.level() == 1) {
                    inside = heading.text().equals(theme);
                }
                else if (inside && heading.level() == 2) {
                    titles.add(heading.text());
                }
            }
            return titles;
        }

        public String text() {
            return String.join("\n", paragraphs);
        }

        /** The table that follows the heading with this text. */
        public List<List<String>> tableAfter(String heading) {
            int index = bodyOrder.indexOf("heading:" + heading);
            if (index < 0) {
                throw new AssertionError("no heading '" + heading + "' in " + headings);
            }
            for (int i = index + 1; i < bodyOrder.size(); i++) {
                if (bodyOrder.get(i).startsWith("table:")) {
                    return tables.get(Integer.parseInt(bodyOrder.get(i).substring("table:".length())));
                }
                if (bodyOrder.get(i).startsWith("heading:")) {
                    break;
                }
            }
            throw new AssertionError("no table under '" + heading + "'");
        }
    }

    public record Heading(int level, String text) {
    }

    public static WordDigest readWord(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<Heading> headings = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            Map<String, String> links = new LinkedHashMap<>();
            List<String> jumps = new ArrayList<>();
            List<String> bookmarks = new ArrayList<>();
            List<List<List<String>>> tables = new ArrayList<>();
            List<Boolean> repeat = new ArrayList<>();
            List<String> order = new ArrayList<>();
            List<String> pictures = new ArrayList<>();
            boolean contents = false;
            for (IBodyElement element : doc.getBodyElements()) {
                if (element instanceof XWPFParagraph paragraph) {
                    int level = headingLevel(doc, paragraph);
                    if (level > 0) {
                        headings.add(new Heading(level, paragraph.getText()));
                        order.add("heading:" + paragraph.getText());
                    }
                    paragraphs.add(paragraph.getText());
                    contents |= paragraph.getCTP().xmlText().contains("TOC \\o");
                    paragraph.getCTP().getBookmarkStartList().forEach(b -> bookmarks.add(b.getName()));
                    collectRuns(doc, paragraph, links, jumps, pictures);
                }
                else if (element instanceof XWPFTable table) {
                    order.add("table:" + tables.size());
                    tables.add(table.getRows().stream()
                        .map(row -> row.getTableCells().stream().map(cell -> cell.getText()).toList())
                        .toList());
                    repeat.add(table.getRow(0).isRepeatHeader());
                    for (XWPFTableRow row : table.getRows()) {
                        row.getTableCells().forEach(cell -> cell.getParagraphs()
                            .forEach(p -> collectRuns(doc, p, links, jumps, pictures)));
                    }
                }
            }
            StringBuilder footerText = new StringBuilder();
            StringBuilder footerXml = new StringBuilder();
            for (XWPFFooter footer : doc.getFooterList()) {
                footerText.append(footer.getText());
                footer.getParagraphs().forEach(p -> footerXml.append(p.getCTP().xmlText()));
            }
            var core = doc.getProperties().getCoreProperties();
            return new WordDigest(headings, paragraphs, tables, repeat, links, jumps, bookmarks,
                    footerText.toString(), footerXml.toString(), core.getTitle(), core.getSubject(), core.getCreated(),
                    pictures, contents, order);
        }
    }

    /** The heading level of a paragraph by its style's name ("heading 1"), 0 for none. */
    private static int headingLevel(XWPFDocument doc, XWPFParagraph paragraph) {
        String id = paragraph.getStyleID();
        if (id == null || doc.getStyles() == null) {
            return 0;
        }
        XWPFStyle style = doc.getStyles().getStyle(id);
        String name = style == null ? null : style.getName();
        return name != null && name.matches("heading \\d") ? name.charAt(name.length() - 1) - '0' : 0;
    }

    private static void collectRuns(XWPFDocument doc, XWPFParagraph paragraph, Map<String, String> links,
            List<String> jumps, List<String> pictures) {
        for (XWPFRun run : paragraph.getRuns()) {
            if (run instanceof XWPFHyperlinkRun link) {
                if (link.getAnchor() != null && !link.getAnchor().isEmpty()) {
                    jumps.add(link.getAnchor());
                }
                else if (link.getHyperlink(doc) != null) {
                    links.put(link.text(), link.getHyperlink(doc).getURL());
                }
            }
            for (XWPFPicture picture : run.getEmbeddedPictures()) {
                pictures.add(picture.getDescription());
            }
        }
    }

    // PDF

    /** A PDF digest read back with PDFBox. */
    public record PdfDigest(List<String> pages, List<Bookmark> bookmarks, List<String> links, int jumps,
            Map<String, Boolean> fonts, int images, String title, String subject, java.util.Calendar created) {

        public String text() {
            return String.join("\n", pages);
        }

        public List<String> bookmarkTitles(int level) {
            return bookmarks.stream().filter(b -> b.level() == level).map(Bookmark::title).toList();
        }
    }

    /** A bookmark, with the page (from 1) it opens. */
    public record Bookmark(int level, String title, int page) {
    }

    public static PdfDigest readPdf(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            List<String> pages = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper();
            for (int p = 1; p <= pdf.getNumberOfPages(); p++) {
                stripper.setStartPage(p);
                stripper.setEndPage(p);
                pages.add(stripper.getText(pdf));
            }
            List<Bookmark> bookmarks = new ArrayList<>();
            if (pdf.getDocumentCatalog().getDocumentOutline() != null) {
                outline(pdf, pdf.getDocumentCatalog().getDocumentOutline(), 1, bookmarks);
            }
            List<String> links = new ArrayList<>();
            int jumps = 0;
            Map<String, Boolean> fonts = new LinkedHashMap<>();
            int images = 0;
            for (PDPage page : pdf.getPages()) {
                for (PDAnnotation annotation : page.getAnnotations()) {
                    if (annotation instanceof PDAnnotationLink link) {
                        if (link.getAction() instanceof PDActionURI uri) {
                            links.add(uri.getURI());
                        }
                        else if (link.getAction() instanceof PDActionGoTo || link.getDestination() != null) {
                            jumps++;
                        }
                    }
                }
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts.put(font.getName(), font.isEmbedded());
                }
                for (var name : page.getResources().getXObjectNames()) {
                    PDXObject object = page.getResources().getXObject(name);
                    if (object instanceof PDImageXObject) {
                        images++;
                    }
                }
            }
            PDDocumentInformation info = pdf.getDocumentInformation();
            return new PdfDigest(pages, bookmarks, links, jumps, fonts, images, info.getTitle(), info.getSubject(),
                    info.getCreationDate());
        }
    }

    private static void outline(PDDocument pdf, PDOutlineNode node, int level, List<Bookmark> bookmarks)
            throws IOException {
        for (PDOutlineItem item : node.children()) {
            PDPage page = item.findDestinationPage(pdf);
            bookmarks.add(new Bookmark(level, item.getTitle(), page == null ? 0 : pdf.getPages().indexOf(page) + 1));
            outline(pdf, item, level + 1, bookmarks);
        }
    }

    /** The text of a PDF digest, read back with PDFBox. */
    public static String readPdfText(Path file) throws IOException {
        return readPdf(file).text();
    }
}
