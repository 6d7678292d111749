package org.watchbrief.render;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.junit.jupiter.api.Test;
import org.watchbrief.support.Digests;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Renders the first pages of the fixture digest's PDF to PNG under target/digest-preview/, so a
 * person can look at what managers will see (the pages are also checked to be drawn, not blank).
 */
class DigestPreviewTests {

    static final Path PREVIEW = Path.of("target", "digest-preview");

    @Test
    void drawsTheFirstPagesOfThePdfAsImagesSomeoneCanLookAt() throws Exception {
        // given
        Files.createDirectories(PREVIEW);
        Path pdf = new PdfDigestRenderer(new RenderProperties(Path.of("reports", "templates")))
            .render(Digests.aDigest().build(), PREVIEW);
        new DocxDigestRenderer(new RenderProperties(Path.of("reports", "templates")))
            .render(Digests.aDigest().build(), PREVIEW);
        // when
        int drawn = 0;
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            PDFRenderer renderer = new PDFRenderer(document);
            for (int page = 0; page < Math.min(document.getNumberOfPages(), 8); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, 80, ImageType.RGB);
                ImageIO.write(image, "png", PREVIEW.resolve("page-" + (page + 1) + ".png").toFile());
                assertThat(inkedShare(image)).as("page %d has something drawn on it", page + 1).isGreaterThan(0.005);
                drawn++;
            }
        }
        // then
        assertThat(drawn).isGreaterThanOrEqualTo(4);
        assertThat(PREVIEW.resolve("page-1.png")).exists();
    }

    /** The share of pixels that are not white. */
    private static double inkedShare(BufferedImage image) {
        long inked = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                if ((image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                    inked++;
                }
            }
        }
        return inked / (double) ((image.getHeight() / 2) * (image.getWidth() / 2));
    }
}
