package org.watchbrief.render;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.List;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDecimalNumber;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHpsMeasure;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTPPrGeneral;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTString;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.stereotype.Component;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.ThemeSection;

/** The digest as a Word document (Apache POI XWPF), with real heading styles. */
@Component
public class DocxDigestRenderer implements DigestRenderer {

    @Override
    public String format() {
        return "docx";
    }

    @Override
    public Path render(Digest digest, Path directory) {
        return AtomicFiles.write(directory.resolve("briefing.docx"), out -> write(digest, out));
    }

    private void write(Digest digest, OutputStream out) throws IOException {
        try (XWPFDocument doc = new XWPFDocument()) {
            addHeadingStyles(doc);
            doc.getProperties().getCoreProperties().setTitle(digest.title());
            heading(doc, digest.title(), 1);
            paragraph(doc, DigestText.subtitle(digest), true);

            heading(doc, DigestText.SUMMARY, 2);
            DigestText.summaryLines(digest).forEach(line -> paragraph(doc, line, false));

            for (ThemeSection section : digest.sections()) {
                heading(doc, section.label(), 2);
                if (section.documents().isEmpty()) {
                    paragraph(doc, "No new documents on this theme.", false);
                }
                for (DocumentEntry entry : section.documents()) {
                    heading(doc, entry.title(), 3);
                    paragraph(doc, DigestText.documentLine(entry), true);
                    paragraph(doc, Formats.text(entry.summary()), false);
                    paragraph(doc, "Source: " + entry.source(), false);
                }
            }

            heading(doc, DigestText.FUNDING, 2);
            table(doc, DigestText.FUNDING_HEADER, digest.funding().lines().stream()
                .map(l -> new String[] { Formats.pounds(l.amount()), Formats.text(l.purpose()),
                        String.join("; ", l.sources()) })
                .toList());
            paragraph(doc, DigestText.fundingTotal(digest), true);

            heading(doc, DigestText.TIMELINE, 2);
            table(doc, DigestText.TIMELINE_HEADER, digest.timeline().stream()
                .map(e -> new String[] { e.when(), e.event(), e.source() }).toList());
            doc.write(out);
        }
    }

    private static void heading(XWPFDocument doc, String text, int level) {
        XWPFParagraph paragraph = doc.createParagraph();
        paragraph.setStyle("Heading" + level);
        paragraph.createRun().setText(text);
    }

    private static void paragraph(XWPFDocument doc, String text, boolean italic) {
        XWPFRun run = doc.createParagraph().createRun();
        run.setText(text);
        run.setItalic(italic);
    }

    private static void table(XWPFDocument doc, String[] header, List<String[]> rows) {
        XWPFTable table = doc.createTable(rows.size() + 1, header.length);
        table.setWidth("100%");
        XWPFTableRow headerRow = table.getRow(0);
        headerRow.setRepeatHeader(true);
        for (int c = 0; c < header.length; c++) {
            XWPFRun run = headerRow.getCell(c).getParagraphs().get(0).createRun();
            run.setText(header[c]);
            run.setBold(true);
        }
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < header.length; c++) {
                table.getRow(r + 1).getCell(c).setText(rows.get(r)[c]);
            }
        }
    }

    /** Word's built-in heading styles, so the navigation pane and a table of contents work. */
    private static void addHeadingStyles(XWPFDocument doc) {
        XWPFStyles styles = doc.createStyles();
        int[] sizes = { 32, 26, 22 };
        for (int level = 1; level <= sizes.length; level++) {
            CTStyle style = CTStyle.Factory.newInstance();
            style.setStyleId("Heading" + level);
            CTString name = CTString.Factory.newInstance();
            name.setVal("heading " + level);
            style.setName(name);
            style.addNewQFormat();
            CTPPrGeneral paragraph = CTPPrGeneral.Factory.newInstance();
            CTDecimalNumber outline = CTDecimalNumber.Factory.newInstance();
            outline.setVal(BigInteger.valueOf(level - 1));
            paragraph.setOutlineLvl(outline);
            paragraph.addNewKeepNext();
            style.setPPr(paragraph);
            CTRPr run = style.addNewRPr();
            run.addNewB(); // w:b without a value means bold
            CTHpsMeasure size = run.addNewSz();
            size.setVal(BigInteger.valueOf(sizes[level - 1]));
            XWPFStyle xwpfStyle = new XWPFStyle(style);
            xwpfStyle.setType(STStyleType.PARAGRAPH);
            styles.addStyle(xwpfStyle);
        }
    }
}
