package org.watchbrief.render;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.springframework.stereotype.Component;
import org.watchbrief.digest.Digest;

/**
 * The digest as a Word document (Apache POI XWPF): Word's heading styles and a table of contents,
 * repeating table headers, page numbers, document properties, links that click, charts as
 * images. The branding folder is read on each render, so a changed logo or template needs no restart.
 */
@Component
public class DocxDigestRenderer implements DigestRenderer {

    private final RenderProperties properties;

    public DocxDigestRenderer(RenderProperties properties) {
        this.properties = properties;
    }

    @Override
    public String format() {
        return "docx";
    }

    @Override
    public Path render(Digest digest, Path directory) {
        Branding branding = Branding.load(properties.templates());
        return AtomicFiles.write(directory.resolve("briefing.docx"), out -> write(digest, branding, out));
    }

    private static void write(Digest digest, Branding branding, OutputStream out) throws IOException {
        try (XWPFDocument doc = WordWriter.newDocument(branding)) {
            WordWriter.write(doc, digest, branding, DigestLayout.of(digest, branding));
            doc.write(out);
        }
    }
}
