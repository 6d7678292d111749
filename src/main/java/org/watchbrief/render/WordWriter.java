package org.watchbrief.render;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.apache.poi.common.usermodel.PictureType;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.util.Units;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.UnderlinePatterns;
import org.apache.poi.xwpf.usermodel.XWPFAbstractNum;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFHyperlinkRun;
import org.apache.poi.xwpf.usermodel.XWPFNumbering;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFPicture;
import org.apache.poi.xwpf.usermodel.XWPFRelation;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyle;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.apache.xmlbeans.XmlException;
import org.apache.xmlbeans.XmlOptions;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTAbstractNum;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTBookmark;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTHyperlink;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTR;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTSectPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyles;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STTblLayoutType;
import org.watchbrief.digest.Digest;
import org.watchbrief.render.Layout.Block;
import org.watchbrief.render.Layout.Bullets;
import org.watchbrief.render.Layout.Contents;
import org.watchbrief.render.Layout.Heading;
import org.watchbrief.render.Layout.Para;
import org.watchbrief.render.Layout.Picture;
import org.watchbrief.render.Layout.Span;
import org.watchbrief.render.Layout.Table;

/**
 * Writes a layout into a Word document with POI: Word's own heading styles (so the navigation
 * pane and the table of contents field work), bookmarks and internal links, repeating table
 * headers, page numbers in the footer, document properties. With a Word template in the
 * branding folder, the document starts from it and takes its styles, theme and page set-up.
 */
final class WordWriter {

    private static final String W = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    /** Parses an element's attributes and content into the type itself, not into a child of it. */
    private static final XmlOptions FRAGMENT = new XmlOptions().setLoadReplaceDocumentElement(null);

    private static final String FONT = "Arial";

    private static final String LINK_COLOUR = "0563C1";

    private static final String GREY = "595959";

    private static final String RULE = "BFBFBF";

    private final XWPFDocument doc;

    private final Branding branding;

    private final String primary;

    private final Styles styles;

    private BigInteger bulletNumbering;

    private long bookmarks;

    private WordWriter(XWPFDocument doc, Branding branding, boolean fromTemplate) {
        this.doc = doc;
        this.branding = branding;
        this.primary = Branding.hex(branding.primary());
        this.styles = new Styles(doc, primary, fromTemplate);
    }

    /** A new document, from the branding's Word template when it has one. */
    static XWPFDocument newDocument(Branding branding) {
        if (branding.wordTemplate() == null) {
            return new XWPFDocument();
        }
        try (InputStream in = Files.newInputStream(branding.wordTemplate())) {
            OPCPackage pkg = OPCPackage.open(in);
            // A template's main part has its own content type; as a document it needs the document's.
            pkg.replaceContentType(XWPFRelation.TEMPLATE.getContentType(), XWPFRelation.DOCUMENT.getContentType());
            XWPFDocument doc = new XWPFDocument(pkg);
            while (!doc.getBodyElements().isEmpty()) {
                doc.removeBodyElement(0);
            }
            return doc;
        }
        catch (IOException | InvalidFormatException | RuntimeException ex) {
            throw new Branding.BrandingException(branding.wordTemplate(), "word-template",
                    "cannot be used as a Word template: " + ex.getMessage());
        }
    }

    static void write(XWPFDocument doc, Digest digest, Branding branding, List<Block> blocks) {
        WordWriter writer = new WordWriter(doc, branding, branding.wordTemplate() != null);
        writer.properties(digest);
        writer.pageSetUp();
        writer.footer(digest);
        for (int i = 0; i < blocks.size(); i++) {
            writer.block(blocks.get(i), blocks.subList(i + 1, blocks.size()));
        }
        // Word refreshes the table of contents and page fields when the document opens.
        doc.enforceUpdateFields();
    }

    private void properties(Digest digest) {
        POIXMLProperties.CoreProperties core = doc.getProperties().getCoreProperties();
        core.setTitle(digest.title());
        core.setSubjectProperty("Online child-safety policy briefing, " + digest.window().describe());
        core.setCreator(branding.organisation());
        core.setCreated(Optional.of(Date.from(digest.createdAt())));
        core.setModified(Optional.of(Date.from(digest.createdAt())));
        core.setKeywords(String.join(", ", digest.sections().stream().map(Digest.ThemeSection::label).toList()));
        core.setDescription(DigestText.lead(digest));
        doc.getProperties().getExtendedProperties().getUnderlyingProperties().setCompany(branding.organisation());
        doc.getProperties().getExtendedProperties().getUnderlyingProperties().setApplication("Watchbrief");
    }

    /** A4 with 2 cm margins, unless a template set the page up. */
    private void pageSetUp() {
        CTSectPr section = doc.getDocument().getBody().isSetSectPr() ? doc.getDocument().getBody().getSectPr()
                : doc.getDocument().getBody().addNewSectPr();
        if (!section.isSetPgSz()) {
            section.addNewPgSz().setW(BigInteger.valueOf(11906));
            section.getPgSz().setH(BigInteger.valueOf(16838));
        }
        if (!section.isSetPgMar()) {
            var margins = section.addNewPgMar();
            BigInteger twoCentimetres = BigInteger.valueOf(1134);
            margins.setTop(twoCentimetres);
            margins.setBottom(twoCentimetres);
            margins.setLeft(twoCentimetres);
            margins.setRight(twoCentimetres);
            margins.setHeader(BigInteger.valueOf(567));
            margins.setFooter(BigInteger.valueOf(567));
        }
    }

    /** "Organisation · Title · Page N of M"; a template's own footer is kept instead. */
    private void footer(Digest digest) {
        if (doc.getHeaderFooterPolicy() != null && doc.getHeaderFooterPolicy().getDefaultFooter() != null) {
            return;
        }
        XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
        XWPFParagraph p = footer.getParagraphs().isEmpty() ? footer.createParagraph() : footer.getParagraphs().get(0);
        p.setAlignment(ParagraphAlignment.CENTER);
        footerRun(p, branding.organisation() + " · " + digest.title() + " · Page ");
        field(p, "PAGE", "1");
        footerRun(p, " of ");
        field(p, "NUMPAGES", "1");
    }

    private static XWPFRun footerRun(XWPFParagraph p, String text) {
        XWPFRun run = p.createRun();
        run.setFontSize(8.5);
        run.setColor(GREY);
        if (text != null) {
            run.setText(text);
        }
        return run;
    }

    /** A complex field (begin, instruction, separate, cached result, end), as Word writes them. */
    private static void field(XWPFParagraph p, String instruction, String cached) {
        // every run of the field carries the footer's look: an updated result takes the first run's
        footerRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        footerRun(p, null).getCTR().addNewInstrText().setStringValue(" " + instruction + " ");
        footerRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        footerRun(p, cached);
        footerRun(p, null).getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private void block(Block block, List<Block> following) {
        if (block instanceof Heading heading) {
            heading(heading);
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

    private void heading(Heading heading) {
        XWPFParagraph p = doc.createParagraph();
        p.setStyle(styles.heading(heading.level()));
        if (heading.newPage()) {
            p.setPageBreak(true);
        }
        bookmarked(p, heading.anchor(), () -> p.createRun().setText(heading.text()));
    }

    private void bookmarked(XWPFParagraph p, String anchor, Runnable content) {
        if (anchor == null) {
            content.run();
            return;
        }
        BigInteger id = BigInteger.valueOf(++bookmarks);
        CTBookmark start = p.getCTP().addNewBookmarkStart();
        start.setName(anchor);
        start.setId(id);
        content.run();
        p.getCTP().addNewBookmarkEnd().setId(id);
    }

    private void para(Para para) {
        XWPFParagraph p = doc.createParagraph();
        Format format = switch (para.kind()) {
            case COVER_ORGANISATION -> new Format(13, Branding.hex(branding.accent()), true, false);
            case COVER_TITLE -> null;
            case COVER_LINE -> new Format(12, "404040", false, false);
            case LEAD -> new Format(11.5, null, false, false);
            case BODY -> new Format(10.5, null, false, false);
            case META -> new Format(9.5, GREY, false, true);
            case SMALL -> new Format(9, GREY, false, false);
            case NOTE -> new Format(9, GREY, false, true);
        };
        if (para.kind() == Layout.ParaKind.COVER_TITLE) {
            p.setStyle(styles.title());
            p.setSpacingAfter(240);
        }
        if (para.kind() == Layout.ParaKind.COVER_ORGANISATION) {
            p.setSpacingBefore(480);
        }
        if (para.kind() == Layout.ParaKind.LEAD) {
            keepWithNext(p); // a section's opening line stays with what it introduces
        }
        bookmarked(p, para.anchor(), () -> spans(p, para.spans(), format));
    }

    private void bullets(Bullets bullets) {
        BigInteger numbering = bulletNumbering();
        for (List<Span> item : bullets.items()) {
            XWPFParagraph p = doc.createParagraph();
            p.setNumID(numbering);
            p.setSpacingAfter(60);
            spans(p, item, new Format(10.5, null, false, false));
        }
    }

    private void table(Table table) {
        int columns = table.header().size();
        XWPFTable t = doc.createTable(table.rows().size() + 1, columns);
        int[] widths = columnWidths(table.widths());
        t.setWidth(Integer.toString(IntStream.of(widths).sum()));
        t.getCTTbl().getTblPr().addNewTblLayout().setType(STTblLayoutType.FIXED);
        CTTblGrid grid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid() : t.getCTTbl().addNewTblGrid();
        while (grid.sizeOfGridColArray() > 0) {
            grid.removeGridCol(0);
        }
        for (int width : widths) {
            grid.addNewGridCol().setW(BigInteger.valueOf(width));
        }
        t.setCellMargins(50, 90, 50, 90);
        t.setTopBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
        t.setBottomBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
        t.setInsideHBorder(XWPFTable.XWPFBorderType.SINGLE, 4, 0, RULE);
        t.setLeftBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        t.setRightBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        t.setInsideVBorder(XWPFTable.XWPFBorderType.NONE, 0, 0, "auto");
        XWPFTableRow header = t.getRow(0);
        header.setRepeatHeader(true);
        header.setCantSplitRow(true);
        for (int c = 0; c < columns; c++) {
            XWPFTableCell cell = header.getCell(c);
            cell.setWidth(Integer.toString(widths[c]));
            cell.setColor(primary);
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setSpacingAfter(0);
            // keep the header with the first row: a header never sits alone at a page's foot
            keepWithNext(p);
            XWPFRun run = p.createRun();
            run.setText(table.header().get(c));
            run.setBold(true);
            run.setColor("FFFFFF");
            run.setFontSize(9);
        }
        String stripe = Branding.hex(Branding.tint(branding.primary(), 0.92));
        for (int r = 0; r < table.rows().size(); r++) {
            XWPFTableRow row = t.getRow(r + 1);
            row.setCantSplitRow(true);
            boolean total = r >= table.rows().size() - table.totalRows();
            for (int c = 0; c < columns; c++) {
                XWPFTableCell cell = row.getCell(c);
                cell.setWidth(Integer.toString(widths[c]));
                if (total) {
                    cell.setColor(Branding.hex(Branding.tint(branding.primary(), 0.8)));
                }
                else if (r % 2 == 1) {
                    cell.setColor(stripe);
                }
                XWPFParagraph p = cell.getParagraphs().get(0);
                p.setSpacingAfter(0);
                spans(p, table.rows().get(r).get(c), new Format(9, null, false, false));
            }
        }
        XWPFParagraph after = doc.createParagraph();
        after.setSpacingAfter(60);
    }

    /** POI's own setter fails on a paragraph without properties yet. */
    private static void keepWithNext(XWPFParagraph p) {
        if (!p.getCTP().isSetPPr()) {
            p.getCTP().addNewPPr();
        }
        p.setKeepNext(true);
    }

    /** The columns' widths in twips, shared out of the page's text width by their relative widths. */
    private int[] columnWidths(List<Integer> relative) {
        int total = relative.stream().mapToInt(Integer::intValue).sum();
        int text = textWidth();
        return relative.stream().mapToInt(w -> (int) Math.round((double) text * w / total)).toArray();
    }

    /** The page's width less its margins, in twips; A4 with 2 cm margins when the section does not say. */
    private int textWidth() {
        CTSectPr section = doc.getDocument().getBody().getSectPr();
        try {
            int page = Integer.parseInt(String.valueOf(section.getPgSz().getW()));
            int left = Integer.parseInt(String.valueOf(section.getPgMar().getLeft()));
            int right = Integer.parseInt(String.valueOf(section.getPgMar().getRight()));
            return page - left - right;
        }
        catch (RuntimeException unreadable) {
            return 11906 - 2 * 1134;
        }
    }

    private void picture(Picture picture) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(picture.name().equals("logo") ? ParagraphAlignment.LEFT : ParagraphAlignment.CENTER);
        keepWithNext(p);
        XWPFRun run = p.createRun();
        try {
            PictureType type = picture.png().length > 3 && (picture.png()[0] & 0xFF) == 0xFF ? PictureType.JPEG
                    : PictureType.PNG;
            XWPFPicture embedded = run.addPicture(new ByteArrayInputStream(picture.png()), type, picture.name(),
                    Units.toEMU(picture.widthPoints()), Units.toEMU(picture.heightPoints()));
            // the alternative text Word shows and reads aloud
            embedded.getCTPicture().getNvPicPr().getCNvPr().setDescr(picture.description());
            run.getCTR().getDrawingArray(0).getInlineArray(0).getDocPr().setDescr(picture.description());
        }
        catch (IOException | InvalidFormatException ex) {
            throw new RenderException("cannot embed the " + picture.name() + " image: " + ex.getMessage(), ex);
        }
    }

    /**
     * A table of contents field over the level-1 headings, with their entries already in it as
     * links, so it reads right before Word updates it (page numbers come with the update).
     */
    private void contents(Contents contents, List<Block> following) {
        XWPFParagraph title = doc.createParagraph();
        title.setSpacingBefore(480);
        XWPFRun run = title.createRun();
        run.setText(contents.title());
        run.setBold(true);
        run.setFontSize(13);
        run.setColor(primary);
        List<Heading> headings = following.stream().filter(b -> b instanceof Heading h && h.level() == 1)
            .map(b -> (Heading) b).toList();
        List<XWPFParagraph> entries = new ArrayList<>();
        for (Heading heading : headings) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(styles.toc());
            entries.add(p);
        }
        if (entries.isEmpty()) {
            entries.add(doc.createParagraph());
        }
        XWPFParagraph first = entries.get(0);
        first.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        first.createRun().getCTR().addNewInstrText().setStringValue(" TOC \\o \"1-1\" \\h \\z \\u ");
        first.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        for (int i = 0; i < headings.size(); i++) {
            jump(entries.get(i), headings.get(i).text(), headings.get(i).anchor(), new Format(10.5, null, false, false),
                    false);
        }
        entries.get(entries.size() - 1).createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    // runs

    private record Format(double size, String colour, boolean bold, boolean italic) {
    }

    private void spans(XWPFParagraph p, List<Span> spans, Format format) {
        for (Span span : spans) {
            if (span.link() != null) {
                XWPFHyperlinkRun run = p.createHyperlinkRun(span.link());
                run.setText(span.text());
                style(run, format, span);
                run.setColor(LINK_COLOUR);
                run.setUnderline(UnderlinePatterns.SINGLE);
            }
            else if (span.jump() != null) {
                jump(p, span.text(), span.jump(), format, span.bold());
            }
            else {
                XWPFRun run = p.createRun();
                run.setText(span.text());
                style(run, format, span);
            }
        }
    }

    private static void style(XWPFRun run, Format format, Span span) {
        if (format == null) {
            run.setBold(span.bold());
            run.setItalic(span.italic());
            return;
        }
        run.setFontSize(format.size());
        if (format.colour() != null) {
            run.setColor(format.colour());
        }
        run.setBold(format.bold() || span.bold());
        run.setItalic(format.italic() || span.italic());
    }

    /** A link to a bookmark in this document. */
    private void jump(XWPFParagraph p, String text, String anchor, Format format, boolean bold) {
        CTHyperlink link = p.getCTP().addNewHyperlink();
        link.setAnchor(anchor);
        CTR r = link.addNewR();
        XWPFHyperlinkRun run = new XWPFHyperlinkRun(link, r, p);
        run.setText(text);
        if (format != null) {
            run.setFontSize(format.size());
        }
        run.setBold(bold);
        run.setColor(LINK_COLOUR);
    }

    private BigInteger bulletNumbering() {
        if (bulletNumbering == null) {
            XWPFNumbering numbering = doc.getNumbering() != null ? doc.getNumbering() : doc.createNumbering();
            BigInteger abstractId = BigInteger.valueOf(9000 + numbering.getAbstractNums().size());
            try {
                CTAbstractNum bullet = CTAbstractNum.Factory.parse("<w:abstractNum " + W + " w:abstractNumId=\""
                        + abstractId + "\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl w:ilvl=\"0\">"
                        + "<w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"•\"/>"
                        + "<w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"360\" w:hanging=\"270\"/></w:pPr>"
                        + "</w:lvl></w:abstractNum>", FRAGMENT);
                bulletNumbering = numbering.addNum(numbering.addAbstractNum(new XWPFAbstractNum(bullet, numbering)));
            }
            catch (XmlException ex) {
                throw new IllegalStateException("the bullet list definition is not valid WordprocessingML", ex);
            }
        }
        return bulletNumbering;
    }

    /**
     * The styles the digest uses, found by their names in a template (so a localised template
     * works) or added when missing: Title, heading 1, heading 2, toc 1.
     */
    private static final class Styles {

        private final XWPFStyles styles;

        private final String primary;

        private final String title;

        private final String heading1;

        private final String heading2;

        private final String toc;

        Styles(XWPFDocument doc, String primary, boolean fromTemplate) {
            this.styles = doc.getStyles() != null ? doc.getStyles() : doc.createStyles();
            this.primary = primary;
            if (!fromTemplate) {
                defaults();
            }
            this.title = ensure("Title", "Title", "<w:pPr><w:spacing w:after=\"120\"/></w:pPr>"
                    + "<w:rPr><w:b/><w:color w:val=\"" + primary + "\"/><w:sz w:val=\"52\"/></w:rPr>");
            this.heading1 = ensure("heading 1", "Heading1", "<w:pPr><w:keepNext/><w:keepLines/>"
                    + "<w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
                    + "<w:rPr><w:b/><w:color w:val=\"" + primary + "\"/><w:sz w:val=\"32\"/></w:rPr>");
            this.heading2 = ensure("heading 2", "Heading2", "<w:pPr><w:keepNext/><w:keepLines/>"
                    + "<w:spacing w:before=\"240\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
                    + "<w:rPr><w:b/><w:color w:val=\"" + primary + "\"/><w:sz w:val=\"24\"/></w:rPr>");
            this.toc = ensure("toc 1", "TOC1", "<w:pPr><w:spacing w:after=\"60\"/></w:pPr>");
        }

        String title() {
            return title;
        }

        String heading(int level) {
            return level == 1 ? heading1 : heading2;
        }

        String toc() {
            return toc;
        }

        /** The id of the style with this name, adding it when the document has none. */
        private String ensure(String name, String id, String properties) {
            XWPFStyle existing = styles.getStyleWithName(name);
            if (existing != null) {
                return existing.getStyleId();
            }
            CTStyle style = parse("<w:style " + W + " w:type=\"paragraph\" w:styleId=\"" + id + "\">"
                    + "<w:name w:val=\"" + name + "\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
                    + "<w:uiPriority w:val=\"9\"/><w:qFormat/>" + properties + "</w:style>");
            styles.addStyle(new XWPFStyle(style, styles));
            return id;
        }

        /** Arial 10.5 pt with a little space after each paragraph, and a Normal style to base on. */
        private void defaults() {
            try {
                CTStyles ct = styles.getCtStyles();
                if (!ct.isSetDocDefaults()) {
                    ct.setDocDefaults(org.openxmlformats.schemas.wordprocessingml.x2006.main.CTDocDefaults.Factory
                        .parse("<w:docDefaults " + W + "><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"" + FONT
                                + "\" w:hAnsi=\"" + FONT + "\" w:cs=\"" + FONT + "\" w:eastAsia=\"" + FONT
                                + "\"/><w:sz w:val=\"21\"/><w:szCs w:val=\"21\"/><w:lang w:val=\"en-GB\"/></w:rPr>"
                                + "</w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" "
                                + "w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>", FRAGMENT));
                }
            }
            catch (XmlException ex) {
                throw new IllegalStateException("the default style is not valid WordprocessingML", ex);
            }
            if (styles.getStyleWithName("Normal") == null) {
                styles.addStyle(new XWPFStyle(parse("<w:style " + W + " w:type=\"paragraph\" w:default=\"1\" "
                        + "w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"), styles));
            }
        }

        private static CTStyle parse(String xml) {
            try {
                return CTStyle.Factory.parse(xml, FRAGMENT);
            }
            catch (XmlException ex) {
                throw new IllegalStateException("a style definition is not valid WordprocessingML: " + xml, ex);
            }
        }
    }
}
