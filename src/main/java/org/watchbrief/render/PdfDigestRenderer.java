package org.watchbrief.render;

import java.nio.file.Path;

import org.springframework.stereotype.Component;
import org.watchbrief.digest.Digest;

/**
 * The digest as a PDF (OpenPDF 2.0.x): the same layout as the Word file, Liberation Sans
 * embedded, bookmarks, clickable links, "Page N of M". The branding folder is read on each
 * render, so a changed logo needs no restart.
 */
@Component
public class PdfDigestRenderer implements DigestRenderer {

    private final RenderProperties properties;

    public PdfDigestRenderer(RenderProperties properties) {
        this.properties = properties;
    }

    @Override
    public String format() {
        return "pdf";
    }

    @Override
    public Path render(Digest digest, Path directory) {
        Branding branding = Branding.load(properties.templates());
        return AtomicFiles.write(directory.resolve("briefing.pdf"),
                out -> PdfBlockWriter.write(digest, branding, DigestLayout.of(digest, branding), out));
    }
}
