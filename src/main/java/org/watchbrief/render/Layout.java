package org.watchbrief.render;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A digest laid out as a flat run of blocks (headings, paragraphs, lists, tables, pictures)
 * that the Word and the PDF writer each render their own way. One layout for both is what
 * keeps the two files saying the same things in the same order.
 */
final class Layout {

    private Layout() {
    }

    sealed interface Block permits Heading, Para, Bullets, Table, Picture, Contents {
    }

    /**
     * A heading: level 1 for a section, 2 within one. Word gives it a heading style, the PDF a
     * bookmark.
     *
     * @param anchor a name internal links and bookmarks go to
     * @param newPage true to start it on a new page
     */
    record Heading(int level, String text, String anchor, boolean newPage) implements Block {
    }

    enum ParaKind {
        /** The organisation's name on the cover. */
        COVER_ORGANISATION,
        /** The briefing's name on the cover. */
        COVER_TITLE,
        /** A line of the cover: window, when made, for whom. */
        COVER_LINE,
        /** The first, larger paragraph of a section. */
        LEAD,
        BODY,
        /** The line under a document's title: type, date, department, who answered. */
        META,
        /** Evidence and source lines. */
        SMALL,
        /** A remark under a table or chart. */
        NOTE
    }

    /**
     * A paragraph.
     *
     * @param anchor a name internal links go to, {@code null} for none
     */
    record Para(ParaKind kind, List<Span> spans, String anchor) implements Block {

        Para {
            Objects.requireNonNull(kind, "kind");
            spans = List.copyOf(spans);
        }

        Para(ParaKind kind, String text) {
            this(kind, List.of(Span.text(text)), null);
        }

        Para(ParaKind kind, Span... spans) {
            this(kind, List.of(spans), null);
        }
    }

    /** A bulleted list; each item is a line of spans. */
    record Bullets(List<List<Span>> items) implements Block {

        Bullets {
            items = items.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A table whose first row is a header repeated on each page.
     *
     * @param widths the columns' relative widths
     * @param rows each row a list of cells, each cell a list of spans
     * @param totalRows how many rows at the end are totals (shown bold)
     */
    record Table(List<String> header, List<Integer> widths, List<List<List<Span>>> rows, int totalRows)
            implements Block {

        Table {
            header = List.copyOf(header);
            widths = List.copyOf(widths);
            rows = rows.stream().map(row -> row.stream().map(List::copyOf).toList()).toList();
            if (header.size() != widths.size()) {
                throw new IllegalArgumentException("a width per column: " + header + " " + widths);
            }
        }
    }

    /**
     * An image: a chart or the logo.
     *
     * @param widthPoints the width to show it at; the height follows the image's proportions
     * @param heightPoints the height at that width
     * @param description what it shows, for those who cannot see it
     */
    record Picture(String name, byte[] png, float widthPoints, float heightPoints, String description)
            implements Block {
    }

    /** Where Word puts its table of contents field. */
    record Contents(String title) implements Block {
    }

    /**
     * A run of text: plain, bold or italic; a link to a web address; or a jump to an anchor
     * inside the document.
     */
    record Span(String text, boolean bold, boolean italic, String link, String jump) {

        Span {
            Objects.requireNonNull(text, "text");
        }

        static Span text(String text) {
            return new Span(text, false, false, null, null);
        }

        static Span bold(String text) {
            return new Span(text, true, false, null, null);
        }

        static Span italic(String text) {
            return new Span(text, false, true, null, null);
        }

        /** A link when the address is a web address, else the address as plain text. */
        static Span link(String text, String address) {
            return new Span(text, false, false, Formats.isWebAddress(address) ? address : null, null);
        }

        static Span jump(String text, String anchor) {
            return new Span(text, false, false, null, anchor);
        }

        Span asBold() {
            return new Span(text, true, italic, link, jump);
        }
    }

    /** Spans with "; " between them: the cells that list several documents. */
    static List<Span> joined(List<List<Span>> parts, String separator) {
        List<Span> spans = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            if (i > 0) {
                spans.add(Span.text(separator));
            }
            spans.addAll(parts.get(i));
        }
        return spans;
    }
}
