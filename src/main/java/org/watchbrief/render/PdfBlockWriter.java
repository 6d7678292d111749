package org.watchbrief.render;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.GregorianCalendar;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.ListItem;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDestination;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfOutline;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import org.watchbrief.digest.Digest;
import org.watchbrief.render.Layout.Block;
import org.watchbrief.render.Layout.Bullets;
import org.watchbrief.render.Layout.Contents;
import org.watchbrief.render.Layout.Heading;
import org.watchbrief.render.Layout.Para;
import org.watchbrief.render.Layout.ParaKind;
import org.watchbrief.render.Layout.Picture;
import org.watchbrief.render.Layout.Span;
import org.watchbrief.render.Layout.Table;

/**
 * Writes a layout into a PDF with OpenPDF 2.0.x: Liberation Sans embedded (so £, –, ’ and “ ”
 * render on any reader), a bookmark per heading, clickable links and internal jumps, "Page N of
 * M" in the footer, and page breaks that never leave a heading or a table's header row alone at
 * the foot of a page.
 */
final class PdfBlockWriter {

    private static final float MARGIN = 56.7f;

    private static final float FOOTER_ROOM = 70;

    private static final Color LINK = new Color(0x05, 0x63, 0xC1);

    private static final Color GREY = new Color(0x59, 0x59, 0x59);

    private static final Color RULE = new Color(0xBF, 0xBF, 0xBF);

    /** Room a heading needs below it for at least a few lines of what it heads. */
    private static final float LINES_AFTER_HEADING = 48;

    /** A heading never asks for more room than this below it (a tall chart goes to the next page alone). */
    private static final float MOST_KEPT_WITH_HEADING = 330;

    private final Document document;

    private final PdfWriter writer;

    private final Branding branding;

    private final Fonts fonts;

    private final PageEvents pageEvents;

    private PdfBlockWriter(Document document, PdfWriter writer, Branding branding, Fonts fonts, PageEvents pageEvents) {
        this.document = document;
        this.writer = writer;
        this.branding = branding;
        this.fonts = fonts;
        this.pageEvents = pageEvents;
    }

    static void write(Digest digest, Branding branding, List<Block> blocks, OutputStream out) {
        Fonts fonts = new Fonts();
        try (Document document = new Document(PageSize.A4, MARGIN, MARGIN, MARGIN, FOOTER_ROOM)) {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.setPdfVersion(PdfWriter.VERSION_1_7);
            writer.setViewerPreferences(PdfWriter.PageModeUseOutlines | PdfWriter.DisplayDocTitle);
            PageEvents pageEvents = new PageEvents(fonts, branding.organisation() + " · " + digest.title() + " · ");
            writer.setPageEvent(pageEvents);
            document.addTitle(digest.title());
            document.addSubject("Online child-safety policy briefing, " + digest.window().describe());
            document.addAuthor(branding.organisation());
            document.addCreator("Watchbrief");
            document.addKeywords(String.join(", ", digest.sections().stream().map(Digest.ThemeSection::label)
                .toList()));
            document.setDocumentLanguage("en-GB");
            document.open();
            // the digest's own time, so the file says when the briefing was made, not when it was drawn
            PdfDate created = new PdfDate(GregorianCalendar.from(digest.createdAt().atZone(digest.zone())));
            writer.getInfo().put(PdfName.CREATIONDATE, created);
            writer.getInfo().put(PdfName.MODDATE, created);
            PdfBlockWriter pdf = new PdfBlockWriter(document, writer, branding, fonts, pageEvents);
            for (int i = 0; i < blocks.size(); i++) {
                pdf.block(blocks.get(i), blocks.subList(i + 1, blocks.size()));
            }
        }
    }

    private void block(Block block, List<Block> following) {
        if (block instanceof Heading heading) {
            heading(heading, following);
        }
        else if (block instanceof Para para) {
            para(para);
        }
        else if (block instanceof Bullets bullets) {
            bullets(bullets);
        }
        else if (block instanceof Table table) {
            table(table);
        }
        else if (block instanceof Picture picture) {
            picture(picture);
        }
        else if (block instanceof Contents contents) {
            contents(contents, following);
        }
    }

    // headings and bookmarks

    private void heading(Heading heading, List<Block> following) {
        Font font = heading.level() == 1 ? fonts.get(Face.BOLD, 16, branding.primary())
                : fonts.get(Face.BOLD, 12.5f, branding.primary());
        if (heading.newPage()) {
            document.newPage();
        }
        else if (spaceLeft() < heightOf(headingParagraph(heading.level(), new Chunk(heading.text(), font)))
                + room(following)) {
            document.newPage();
        }
        Chunk chunk = new Chunk(heading.text(), font);
        chunk.setLocalDestination(heading.anchor());
        chunk.setGenericTag(pageEvents.bookmark(heading.level(), heading.text()));
        document.add(headingParagraph(heading.level(), chunk));
    }

    private static Paragraph headingParagraph(int level, Chunk chunk) {
        Paragraph p = new Paragraph(chunk);
        p.setFont(chunk.getFont());
        p.setLeading(chunk.getFont().getSize() * 1.25f);
        p.setSpacingBefore(level == 1 ? 14 : 9);
        p.setSpacingAfter(level == 1 ? 4 : 2);
        return p;
    }

    /**
     * How much of what follows a heading must fit under it on the same page: a few lines of
     * text, or a table's header and first row, or a chart, after any short lead paragraph.
     */
    private float room(List<Block> following) {
        float room = 0;
        for (Block next : following) {
            if (next instanceof Table table) {
                return Math.min(room + headerAndFirstRow(table(table, 1)) + 8, MOST_KEPT_WITH_HEADING);
            }
            if (next instanceof Picture picture) {
                return Math.min(room + picture.heightPoints() + 16, MOST_KEPT_WITH_HEADING);
            }
            if (next instanceof Para para && para.kind() == ParaKind.LEAD && room == 0) {
                room += heightOf(paragraph(para, false));
                continue;
            }
            break;
        }
        return room + LINES_AFTER_HEADING;
    }

    private float heightOf(Paragraph p) {
        ColumnText column = new ColumnText(writer.getDirectContent());
        column.setSimpleColumn(0, 0, width(), 10_000);
        column.addElement(p);
        try {
            column.go(true);
        }
        catch (com.lowagie.text.DocumentException ex) {
            return 40;
        }
        return 10_000 - column.getYLine() + p.getSpacingBefore();
    }

    private float spaceLeft() {
        return writer.getVerticalPosition(true) - document.bottom();
    }

    private float width() {
        return document.right() - document.left();
    }

    // paragraphs

    private void para(Para para) {
        document.add(paragraph(para, true));
    }

    /** The paragraph; without its anchor when it is only being measured. */
    private Paragraph paragraph(Para para, boolean anchored) {
        Style style = style(para.kind());
        Paragraph p = new Paragraph();
        p.setFont(fonts.get(Face.REGULAR, style.size(), style.colour()));
        p.setLeading(style.size() * 1.35f);
        p.setSpacingAfter(style.after());
        p.setSpacingBefore(style.before());
        boolean first = true;
        for (Span span : para.spans()) {
            Chunk chunk = chunk(span, style);
            if (first && anchored && para.anchor() != null) {
                chunk.setLocalDestination(para.anchor());
            }
            first = false;
            p.add(chunk);
        }
        return p;
    }

    private record Style(float size, Color colour, boolean bold, boolean italic, float before, float after) {
    }

    private Style style(ParaKind kind) {
        return switch (kind) {
            case COVER_ORGANISATION -> new Style(13, branding.accent(), true, false, 24, 6);
            case COVER_TITLE -> new Style(26, branding.primary(), true, false, 0, 14);
            case COVER_LINE -> new Style(12, new Color(0x40, 0x40, 0x40), false, false, 0, 4);
            case LEAD -> new Style(11.5f, Color.BLACK, false, false, 0, 6);
            case BODY -> new Style(10.5f, Color.BLACK, false, false, 0, 5);
            case META -> new Style(9.5f, GREY, false, true, 0, 3);
            case SMALL -> new Style(9, GREY, false, false, 0, 3);
            case NOTE -> new Style(9, GREY, false, true, 2, 8);
        };
    }

    private Chunk chunk(Span span, Style style) {
        Face face = Face.of(style.bold() || span.bold(), style.italic() || span.italic());
        if (span.link() != null) {
            Chunk chunk = new Chunk(span.text(), fonts.get(face, style.size(), LINK));
            chunk.setUnderline(0.5f, -1.6f);
            chunk.setAnchor(span.link());
            return chunk;
        }
        if (span.jump() != null) {
            Chunk chunk = new Chunk(span.text(), fonts.get(face, style.size(), LINK));
            chunk.setLocalGoto(span.jump());
            return chunk;
        }
        return new Chunk(span.text(), fonts.get(face, style.size(), style.colour()));
    }

    private void bullets(Bullets bullets) {
        Style style = style(ParaKind.BODY);
        com.lowagie.text.List list = new com.lowagie.text.List(false, 12);
        list.setListSymbol(new Chunk("•", fonts.get(Face.REGULAR, style.size(), branding.primary())));
        list.setIndentationLeft(6);
        for (List<Span> item : bullets.items()) {
            ListItem listItem = new ListItem(style.size() * 1.35f, "", fonts.get(Face.REGULAR, style.size(), Color.BLACK));
            listItem.setSpacingAfter(2);
            item.forEach(span -> listItem.add(chunk(span, style)));
            list.add(listItem);
        }
        Paragraph holder = new Paragraph();
        holder.setFont(fonts.get(Face.REGULAR, style.size(), Color.BLACK));
        holder.setSpacingAfter(5);
        holder.add(list);
        document.add(holder);
    }

    // tables

    /**
     * Adds a table, on a new page when its header row and first row do not both fit here. A long
     * table goes to the document a slice at a time (OpenPDF's large-element way), which keeps
     * both the memory and the layout work of a 2,000-row timeline in bounds.
     */
    private void table(Table table) {
        PdfPTable t = table(table, 1);
        if (spaceLeft() < headerAndFirstRow(t) + 6) {
            document.newPage();
        }
        t.setComplete(false);
        for (int r = 1; r < table.rows().size(); r++) {
            row(t, table, r);
            if (r % TABLE_SLICE == 0) {
                document.add(t);
            }
        }
        t.setComplete(true);
        document.add(t);
    }

    /** How many rows of a long table go to the document at a time. */
    private static final int TABLE_SLICE = 50;

    /** The table with its header and at most {@code rows} rows. */
    private PdfPTable table(Table table, int rows) {
        float[] widths = new float[table.widths().size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = table.widths().get(i);
        }
        PdfPTable t = new PdfPTable(widths);
        t.setTotalWidth(width());
        t.setLockedWidth(true);
        t.setHeaderRows(1);
        t.setSpacingBefore(4);
        t.setSpacingAfter(6);
        Font header = fonts.get(Face.BOLD, 8.5f, Color.WHITE);
        for (String text : table.header()) {
            PdfPCell cell = new PdfPCell(new Phrase(text, header));
            cell.setBackgroundColor(branding.primary());
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(4);
            cell.setPaddingBottom(5);
            t.addCell(cell);
        }
        for (int r = 0; r < Math.min(rows, table.rows().size()); r++) {
            row(t, table, r);
        }
        return t;
    }

    private void row(PdfPTable t, Table table, int r) {
        Style style = new Style(8.5f, Color.BLACK, false, false, 0, 0);
        boolean total = r >= table.rows().size() - table.totalRows();
        for (List<Span> content : table.rows().get(r)) {
            Phrase phrase = new Phrase();
            phrase.setLeading(8.5f * 1.3f);
            content.forEach(span -> phrase.add(chunk(span, style)));
            PdfPCell cell = new PdfPCell(phrase);
            cell.setBorder(Rectangle.BOTTOM);
            cell.setBorderColor(RULE);
            cell.setBorderWidth(0.5f);
            cell.setPadding(4);
            cell.setPaddingBottom(5);
            if (total) {
                cell.setBackgroundColor(Branding.tint(branding.primary(), 0.8));
            }
            else if (r % 2 == 1) {
                cell.setBackgroundColor(Branding.tint(branding.primary(), 0.92));
            }
            t.addCell(cell);
        }
    }

    private static float headerAndFirstRow(PdfPTable table) {
        return table.getHeaderHeight() + (table.size() > 1 ? table.getRowHeight(1) : 0) + table.spacingBefore();
    }

    // pictures

    private void picture(Picture picture) {
        try {
            Image image = Image.getInstance(picture.png());
            float scale = Math.min(1, width() / picture.widthPoints());
            image.scaleAbsolute(picture.widthPoints() * scale, picture.heightPoints() * scale);
            image.setAlignment(picture.name().equals("logo") ? Element.ALIGN_LEFT : Element.ALIGN_CENTER);
            image.setAlt(picture.description());
            image.setSpacingBefore(4);
            image.setSpacingAfter(4);
            if (spaceLeft() < image.getScaledHeight() + 10) {
                document.newPage();
            }
            document.add(image);
        }
        catch (IOException ex) {
            throw new RenderException("cannot embed the " + picture.name() + " image: " + ex.getMessage(), ex);
        }
    }

    /** The contents: a line per section, each a link to it. */
    private void contents(Contents contents, List<Block> following) {
        Paragraph title = new Paragraph(new Chunk(contents.title(), fonts.get(Face.BOLD, 13, branding.primary())));
        title.setSpacingBefore(24);
        title.setSpacingAfter(4);
        document.add(title);
        Style style = style(ParaKind.BODY);
        for (Block block : following) {
            if (block instanceof Heading heading && heading.level() == 1) {
                Paragraph entry = new Paragraph(chunk(Span.jump(heading.text(), heading.anchor()), style));
                entry.setSpacingAfter(2);
                document.add(entry);
            }
        }
    }

    // fonts

    enum Face {
        REGULAR(LiberationFonts.REGULAR), BOLD(LiberationFonts.BOLD), ITALIC(LiberationFonts.ITALIC),
        BOLD_ITALIC(LiberationFonts.BOLD_ITALIC);

        private final String file;

        Face(String file) {
            this.file = file;
        }

        static Face of(boolean bold, boolean italic) {
            return bold ? (italic ? BOLD_ITALIC : BOLD) : (italic ? ITALIC : REGULAR);
        }
    }

    /** Liberation Sans, embedded and subset, Unicode (Identity-H); one Font per face, size and colour. */
    private static final class Fonts {

        private final Map<Face, BaseFont> bases = new HashMap<>();

        private final Map<String, Font> fonts = new HashMap<>();

        BaseFont base(Face face) {
            return bases.computeIfAbsent(face, f -> {
                try {
                    return BaseFont.createFont(f.file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                            LiberationFonts.bytes(f.file), null);
                }
                catch (IOException | com.lowagie.text.DocumentException ex) {
                    throw new RenderException("cannot embed the font " + f.file + ": " + ex.getMessage(), ex);
                }
            });
        }

        Font get(Face face, float size, Color colour) {
            return fonts.computeIfAbsent(face + "/" + size + "/" + colour.getRGB(),
                    k -> new Font(base(face), size, Font.NORMAL, colour));
        }
    }

    /**
     * The page events: "Page N of M" at the foot of every page (M is written into a template when
     * the document closes), and a bookmark wherever a heading's chunk lands.
     */
    private static final class PageEvents extends PdfPageEventHelper {

        private final Fonts fonts;

        private final String prefix;

        private final Map<String, String[]> bookmarks = new HashMap<>();

        private final Deque<PdfOutline> parents = new ArrayDeque<>();

        private PdfTemplate total;

        PageEvents(Fonts fonts, String prefix) {
            this.fonts = fonts;
            this.prefix = prefix;
        }

        /** The generic tag a heading's chunk carries, so its bookmark lands where it does. */
        String bookmark(int level, String title) {
            String tag = "bookmark-" + bookmarks.size();
            bookmarks.put(tag, new String[] { Integer.toString(level), title });
            return tag;
        }

        @Override
        public void onOpenDocument(PdfWriter writer, Document document) {
            total = writer.getDirectContent().createTemplate(40, 12);
        }

        @Override
        public void onGenericTag(PdfWriter writer, Document document, Rectangle rect, String text) {
            String[] bookmark = bookmarks.get(text);
            if (bookmark == null) {
                return;
            }
            int level = Integer.parseInt(bookmark[0]);
            while (parents.size() >= level) {
                parents.pop();
            }
            PdfOutline parent = parents.isEmpty() ? writer.getRootOutline() : parents.peek();
            PdfOutline outline = new PdfOutline(parent,
                    new PdfDestination(PdfDestination.XYZ, 0, rect.getTop() + 14, 0), bookmark[1], level == 1);
            parents.push(outline);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            BaseFont font = fonts.base(Face.REGULAR);
            float size = 8.5f;
            String text = prefix + "Page " + writer.getPageNumber() + " of ";
            float width = font.getWidthPoint(text, size) + font.getWidthPoint("000", size);
            float x = (document.right() + document.left() - width) / 2;
            float y = document.bottom() - 30;
            PdfContentByte canvas = writer.getDirectContent();
            canvas.saveState();
            canvas.beginText();
            canvas.setFontAndSize(font, size);
            canvas.setColorFill(GREY);
            canvas.setTextMatrix(x, y);
            canvas.showText(text);
            canvas.endText();
            canvas.addTemplate(total, x + font.getWidthPoint(text, size), y);
            canvas.restoreState();
        }

        @Override
        public void onCloseDocument(PdfWriter writer, Document document) {
            total.beginText();
            total.setFontAndSize(fonts.base(Face.REGULAR), 8.5f);
            total.setColorFill(GREY);
            total.setTextMatrix(0, 0);
            total.showText(Integer.toString(writer.getPageNumber() - 1));
            total.endText();
        }
    }
}
