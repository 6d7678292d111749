package org.watchbrief.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;

/** Reopens digest files the way a reader's software would, and gives back what a manager reads. */
public final class Digests {

    private Digests() {
    }

    /** A Word digest read back with POI: its headings by level, its paragraphs and its tables. */
    public record WordDigest(List<Heading> headings, List<String> paragraphs, List<List<List<String>>> tables) {

        public List<String> headingTexts(int level) {
            return headings.stream().filter(h -> h.level() == level).map(Heading::text).toList();
        }

        /** The titles of the documents listed under a theme's heading. */
        public List<String> documentsUnder(String theme) {
            List<String> titles = new ArrayList<>();
            boolean inside = false;
            for (Heading heading : headings) {
                if (heading.level() == 2) {
                    inside = heading.text().equals(theme);
                }
                else if (inside && heading.level() == 3) {
                    titles.add(heading.text());
                }
            }
            return titles;
        }

        public String text() {
            return String.join("\n", paragraphs);
        }
    }

    public record Heading(int level, String text) {
    }

    public static WordDigest readWord(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file); XWPFDocument doc = new XWPFDocument(in)) {
            List<Heading> headings = new ArrayList<>();
            List<String> paragraphs = new ArrayList<>();
            for (XWPFParagraph paragraph : doc.getParagraphs()) {
                String style = paragraph.getStyle();
                if (style != null && style.startsWith("Heading")) {
                    headings.add(new Heading(Integer.parseInt(style.substring("Heading".length())),
                            paragraph.getText()));
                }
                paragraphs.add(paragraph.getText());
            }
            List<List<List<String>>> tables = new ArrayList<>();
            for (XWPFTable table : doc.getTables()) {
                tables.add(table.getRows().stream()
                    .map(row -> row.getTableCells().stream().map(cell -> cell.getText()).toList())
                    .toList());
            }
            return new WordDigest(headings, paragraphs, tables);
        }
    }

    /** The text of a PDF digest, read back with PDFBox. */
    public static String readPdfText(Path file) throws IOException {
        try (PDDocument pdf = Loader.loadPDF(file.toFile())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
