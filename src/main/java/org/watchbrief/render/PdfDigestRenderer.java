package org.watchbrief.render;

import java.awt.Color;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.ThemeSection;

/** The digest as a PDF (OpenPDF 2.0.x). */
@Component
public class PdfDigestRenderer implements DigestRenderer {

    private static final Color ACCENT = new Color(0x1d, 0x3d, 0x6b);

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public Path render(Digest digest, Path directory) {
        return AtomicFiles.write(directory.resolve("briefing.pdf"), out -> write(digest, out));
    }

    private void write(Digest digest, OutputStream out) {
        Fonts fonts = new Fonts();
        try (Document document = new Document(PageSize.A4, 50, 50, 50, 50)) {
            PdfWriter.getInstance(document, out);
            document.addTitle(digest.title());
            document.addCreator("Watchbrief");
            document.open();
            document.add(new Paragraph(digest.title(), fonts.title));
            document.add(new Paragraph(DigestText.subtitle(digest), fonts.italic));

            heading(document, DigestText.SUMMARY, fonts);
            for (String line : DigestText.summaryLines(digest)) {
                document.add(new Paragraph(line, fonts.body));
            }

            for (ThemeSection section : digest.sections()) {
                heading(document, section.label(), fonts);
                if (section.documents().isEmpty()) {
                    document.add(new Paragraph("No new documents on this theme.", fonts.body));
                }
                for (DocumentEntry entry : section.documents()) {
                    Paragraph title = new Paragraph(entry.title(), fonts.bold);
                    title.setSpacingBefore(6);
                    document.add(title);
                    document.add(new Paragraph(DigestText.documentLine(entry), fonts.italic));
                    document.add(new Paragraph(Formats.text(entry.summary()), fonts.body));
                    document.add(new Paragraph("Source: " + entry.source(), fonts.small));
                }
            }

            heading(document, DigestText.FUNDING, fonts);
            document.add(table(DigestText.FUNDING_HEADER, digest.funding().lines().stream()
                .map(l -> new String[] { Formats.pounds(l.amount()), Formats.text(l.purpose()),
                        String.join("; ", l.sources()) })
                .toList(), new float[] { 1.2f, 3f, 2.5f }, fonts));
            document.add(new Paragraph(DigestText.fundingTotal(digest), fonts.bold));

            heading(document, DigestText.TIMELINE, fonts);
            document.add(table(DigestText.TIMELINE_HEADER, digest.timeline().stream()
                .map(e -> new String[] { e.when(), e.event(), e.source() }).toList(),
                    new float[] { 1.2f, 4f, 2f }, fonts));
        }
    }

    private static void heading(Document document, String text, Fonts fonts) {
        Paragraph heading = new Paragraph(text, fonts.heading);
        heading.setSpacingBefore(14);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    private static PdfPTable table(String[] header, List<String[]> rows, float[] widths, Fonts fonts) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        table.setHeaderRows(1);
        for (String cell : header) {
            PdfPCell headerCell = new PdfPCell(new Phrase(cell, fonts.header));
            headerCell.setBackgroundColor(ACCENT);
            table.addCell(headerCell);
        }
        for (String[] row : rows) {
            for (String cell : row) {
                table.addCell(new PdfPCell(new Phrase(cell, fonts.small)));
            }
        }
        if (rows.isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase("None in this window.", fonts.small));
            none.setColspan(header.length);
            none.setHorizontalAlignment(Element.ALIGN_CENTER);
            table.addCell(none);
        }
        return table;
    }

    /** Helvetica in windows-1252, which has £, – and curly quotes. */
    private static final class Fonts {

        final Font title = font(BaseFont.HELVETICA_BOLD, 20, ACCENT);

        final Font heading = font(BaseFont.HELVETICA_BOLD, 14, ACCENT);

        final Font bold = font(BaseFont.HELVETICA_BOLD, 11, Color.BLACK);

        final Font body = font(BaseFont.HELVETICA, 10, Color.BLACK);

        final Font italic = font(BaseFont.HELVETICA_OBLIQUE, 10, Color.DARK_GRAY);

        final Font small = font(BaseFont.HELVETICA, 9, Color.BLACK);

        final Font header = font(BaseFont.HELVETICA_BOLD, 9, Color.WHITE);

        private static Font font(String name, float size, Color color) {
            try {
                return new Font(BaseFont.createFont(name, BaseFont.CP1252, BaseFont.NOT_EMBEDDED), size, Font.NORMAL,
                        color);
            }
            catch (java.io.IOException ex) {
                throw new RenderException("the PDF font " + name + " is missing", ex);
            }
        }
    }
}
