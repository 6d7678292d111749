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
        this.styles = new Styles(doc, primary, Branding.hex(branding.accent()), fromTemplate);
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
        p.setStyle(styles.footer());
        p.createRun().setText(branding.organisation() + " · " + digest.title() + " · Page ");
        field(p, "PAGE", "1");
        p.createRun().setText(" of ");
        field(p, "NUMPAGES", "1");
    }

    /** A complex field (begin, instruction, separate, cached result, end), as Word writes them. */
    private static void field(XWPFParagraph p, String instruction, String cached) {
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        p.createRun().getCTR().addNewInstrText().setStringValue(" " + instruction + " ");
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        p.createRun().setText(cached);
        p.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
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
        String style = styles.paragraph(para.kind());
        if (style != null) {
            p.setStyle(style);
        }
        bookmarked(p, para.anchor(), () -> spans(p, para.spans()));
    }

    private void bullets(Bullets bullets) {
        BigInteger numbering = bulletNumbering();
        for (List<Span> item : bullets.items()) {
            XWPFParagraph p = doc.createParagraph();
            p.setStyle(styles.bullet());
            p.setNumID(numbering);
            spans(p, item);
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
            // its style keeps the header with the first row: never alone at a page's foot
            XWPFParagraph p = cell.getParagraphs().get(0);
            p.setStyle(styles.tableHeader());
            p.createRun().setText(table.header().get(c));
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
                p.setStyle(styles.tableText());
                spans(p, table.rows().get(r).get(c));
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
        title.setStyle(styles.contentsTitle());
        title.createRun().setText(contents.title());
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
            jump(entries.get(i), Span.jump(headings.get(i).text(), headings.get(i).anchor()));
        }
        entries.get(entries.size() - 1).createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    // runs: the look is in the styles; a run says only what its span adds

    private void spans(XWPFParagraph p, List<Span> spans) {
        for (Span span : spans) {
            if (span.link() != null) {
                XWPFHyperlinkRun run = p.createHyperlinkRun(span.link());
                run.setText(span.text());
                run.setStyle(styles.hyperlink());
                emphasis(run, span);
            }
            else if (span.jump() != null) {
                jump(p, span);
            }
            else {
                XWPFRun run = p.createRun();
                run.setText(span.text());
                emphasis(run, span);
            }
        }
    }

    private static void emphasis(XWPFRun run, Span span) {
        if (span.bold()) {
            run.setBold(true);
        }
        if (span.italic()) {
            run.setItalic(true);
        }
    }

    /** A link to a bookmark in this document. */
    private void jump(XWPFParagraph p, Span span) {
        CTHyperlink link = p.getCTP().addNewHyperlink();
        link.setAnchor(span.jump());
        XWPFHyperlinkRun run = new XWPFHyperlinkRun(link, link.addNewR(), p);
        run.setText(span.text());
        run.setStyle(styles.hyperlink());
        emphasis(run, span);
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
     * The styles the digest uses, found by their names in a template (so a localised template,
     * or one that restyles "Briefing Note", works) or added when missing. The look lives in them,
     * not in each run, so a template can change it and Word's style pane shows what is what.
     */
    private static final class Styles {

        private static final String GREY_TEXT = "<w:color w:val=\"" + GREY + "\"/>";

        private final XWPFStyles styles;

        private final String title;

        private final String heading1;

        private final String heading2;

        private final String toc;

        private final String contentsTitle;

        private final String organisation;

        private final String coverLine;

        private final String lead;

        private final String documentLine;

        private final String small;

        private final String note;

        private final String bullet;

        private final String tableHeader;

        private final String tableText;

        private final String footer;

        private final String hyperlink;

        Styles(XWPFDocument doc, String primary, String accent, boolean fromTemplate) {
            this.styles = doc.getStyles() != null ? doc.getStyles() : doc.createStyles();
            if (!fromTemplate) {
                defaults();
            }
            String colour = "<w:color w:val=\"" + primary + "\"/>";
            this.title = ensure("Title", "Title", "<w:pPr><w:spacing w:after=\"240\"/></w:pPr>"
                    + "<w:rPr><w:b/>" + colour + "<w:sz w:val=\"52\"/></w:rPr>");
            this.heading1 = ensure("heading 1", "Heading1", "<w:pPr><w:keepNext/><w:keepLines/>"
                    + "<w:spacing w:before=\"360\" w:after=\"120\"/><w:outlineLvl w:val=\"0\"/></w:pPr>"
                    + "<w:rPr><w:b/>" + colour + "<w:sz w:val=\"32\"/></w:rPr>");
            this.heading2 = ensure("heading 2", "Heading2", "<w:pPr><w:keepNext/><w:keepLines/>"
                    + "<w:spacing w:before=\"240\" w:after=\"60\"/><w:outlineLvl w:val=\"1\"/></w:pPr>"
                    + "<w:rPr><w:b/>" + colour + "<w:sz w:val=\"24\"/></w:rPr>");
            this.toc = ensure("toc 1", "TOC1", "<w:pPr><w:spacing w:after=\"60\"/></w:pPr>");
            this.contentsTitle = ensure("TOC Heading", "TOCHeading", "<w:pPr><w:keepNext/>"
                    + "<w:spacing w:before=\"480\" w:after=\"120\"/></w:pPr><w:rPr><w:b/>" + colour
                    + "<w:sz w:val=\"26\"/></w:rPr>");
            this.organisation = ensure("Briefing Organisation", "BriefingOrganisation",
                    "<w:pPr><w:spacing w:before=\"480\" w:after=\"60\"/></w:pPr><w:rPr><w:b/><w:color w:val=\""
                            + accent + "\"/><w:sz w:val=\"26\"/></w:rPr>");
            this.coverLine = ensure("Briefing Cover Line", "BriefingCoverLine",
                    "<w:pPr><w:spacing w:after=\"80\"/></w:pPr><w:rPr><w:color w:val=\"404040\"/>"
                            + "<w:sz w:val=\"24\"/></w:rPr>");
            // a section's opening line stays with what it introduces
            this.lead = ensure("Briefing Lead", "BriefingLead",
                    "<w:pPr><w:keepNext/></w:pPr><w:rPr><w:sz w:val=\"23\"/></w:rPr>");
            this.documentLine = ensure("Briefing Document Line", "BriefingDocumentLine",
                    "<w:pPr><w:keepNext/><w:spacing w:after=\"60\"/></w:pPr><w:rPr><w:i/>" + GREY_TEXT
                            + "<w:sz w:val=\"19\"/></w:rPr>");
            this.small = ensure("Briefing Small", "BriefingSmall",
                    "<w:pPr><w:spacing w:after=\"60\"/></w:pPr><w:rPr>" + GREY_TEXT + "<w:sz w:val=\"18\"/></w:rPr>");
            this.note = ensure("Briefing Note", "BriefingNote", "<w:pPr><w:spacing w:before=\"40\" "
                    + "w:after=\"160\"/></w:pPr><w:rPr><w:i/>" + GREY_TEXT + "<w:sz w:val=\"18\"/></w:rPr>");
            this.bullet = ensure("Briefing Bullet", "BriefingBullet", "<w:pPr><w:spacing w:after=\"60\"/></w:pPr>");
            this.tableHeader = ensure("Briefing Table Header", "BriefingTableHeader", "<w:pPr><w:keepNext/>"
                    + "<w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:b/><w:color w:val=\"FFFFFF\"/>"
                    + "<w:sz w:val=\"18\"/></w:rPr>");
            this.tableText = ensure("Briefing Table Text", "BriefingTableText",
                    "<w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr>");
            this.footer = ensure("footer", "Footer", "<w:pPr><w:jc w:val=\"center\"/></w:pPr><w:rPr>"
                    + GREY_TEXT + "<w:sz w:val=\"17\"/></w:rPr>");
            this.hyperlink = ensureCharacter("Hyperlink", "Hyperlink", "<w:rPr><w:color w:val=\"" + LINK_COLOUR
                    + "\"/><w:u w:val=\"single\"/></w:rPr>");
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

        String contentsTitle() {
            return contentsTitle;
        }

        /** The style of a kind of paragraph; {@code null} for the body's own (Normal). */
        String paragraph(Layout.ParaKind kind) {
            return switch (kind) {
                case COVER_ORGANISATION -> organisation;
                case COVER_TITLE -> title;
                case COVER_LINE -> coverLine;
                case LEAD -> lead;
                case BODY -> null;
                case META -> documentLine;
                case SMALL -> small;
                case NOTE -> note;
            };
        }

        String bullet() {
            return bullet;
        }

        String tableHeader() {
            return tableHeader;
        }

        String tableText() {
            return tableText;
        }

        String footer() {
            return footer;
        }

        String hyperlink() {
            return hyperlink;
        }

        /** The id of the paragraph style with this name, adding it when the document has none. */
        private String ensure(String name, String id, String properties) {
            return ensure("paragraph", name, id, "<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/>"
                    + "<w:uiPriority w:val=\"9\"/><w:qFormat/>" + properties);
        }

        private String ensureCharacter(String name, String id, String properties) {
            return ensure("character", name, id, "<w:uiPriority w:val=\"99\"/>" + properties);
        }

        private String ensure(String type, String name, String id, String content) {
            XWPFStyle existing = styles.getStyleWithName(name);
            if (existing != null) {
                return existing.getStyleId();
            }
            styles.addStyle(new XWPFStyle(parse("<w:style " + W + " w:type=\"" + type + "\" w:styleId=\"" + id
                    + "\"><w:name w:val=\"" + name + "\"/>" + content + "</w:style>"), styles));
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
