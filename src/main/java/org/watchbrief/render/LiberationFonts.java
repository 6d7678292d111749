package org.watchbrief.render;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Liberation Sans, from the {@code openpdf-fonts-extra} artifact (SIL Open Font License 1.1):
 * embedded in every PDF and drawn in the charts, so £, –, ’ and “ ” look the same everywhere,
 * whatever fonts the machine has.
 */
final class LiberationFonts {

    static final String REGULAR = "LiberationSans-Regular.ttf";

    static final String BOLD = "LiberationSans-Bold.ttf";

    static final String ITALIC = "LiberationSans-Italic.ttf";

    static final String BOLD_ITALIC = "LiberationSans-BoldItalic.ttf";

    private LiberationFonts() {
    }

    /** The TrueType file's bytes. */
    static byte[] bytes(String name) {
        try (InputStream in = LiberationFonts.class.getResourceAsStream("/liberation/" + name)) {
            if (in == null) {
                throw new RenderException("the font " + name + " is missing from the class path: the "
                        + "com.github.librepdf:openpdf-fonts-extra jar carries it");
            }
            return in.readAllBytes();
        }
        catch (IOException ex) {
            throw new RenderException("cannot read the font " + name + ": " + ex.getMessage(), ex);
        }
    }

    /** The font for Java 2D (the charts), at one point; derive the size wanted. */
    static Font awt(String name) {
        try {
            return Font.createFont(Font.TRUETYPE_FONT, new ByteArrayInputStream(bytes(name)));
        }
        catch (FontFormatException | IOException ex) {
            throw new RenderException("cannot load the font " + name + ": " + ex.getMessage(), ex);
        }
    }
}
