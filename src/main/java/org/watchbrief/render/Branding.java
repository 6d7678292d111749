package org.watchbrief.render;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import javax.imageio.ImageIO;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * How an organisation's digests look, read from the branding folder ({@code reports/templates/}
 * by default) so that no code changes for it:
 *
 * <pre>
 * branding.yml     organisation: Example Trust
 *                  colours: {primary: "#1D3D6B", accent: "#C8102E", palette: ["#0072B2", ...]}
 *                  logo: logo.png                (default: logo.png when present)
 *                  word-template: digest.dotx    (default: digest.dotx when present)
 * </pre>
 *
 * @param organisation the name on the cover and in the file properties
 * @param primary headings, table headers and this window's bars
 * @param accent the rule under the title and the previous window's bars
 * @param palette one colour per theme in the charts, in theme order (repeated when there are more themes)
 * @param logo the logo's bytes (PNG or JPEG), {@code null} for none
 * @param logoWidth the logo's width in pixels, 0 for none
 * @param logoHeight the logo's height in pixels, 0 for none
 * @param wordTemplate a Word template whose styles, theme and page set-up the Word digest takes,
 *     {@code null} for none
 */
public record Branding(String organisation, Color primary, Color accent, List<Color> palette, byte[] logo,
        int logoWidth, int logoHeight, Path wordTemplate) {

    public static final String FILE = "branding.yml";

    static final String DEFAULT_LOGO = "logo.png";

    static final String DEFAULT_WORD_TEMPLATE = "digest.dotx";

    /** Okabe and Ito's palette, told apart by people with any common colour blindness. */
    static final List<Color> DEFAULT_PALETTE = List.of(new Color(0x0072B2), new Color(0xE69F00),
            new Color(0x009E73), new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00),
            new Color(0xF0E442), new Color(0x000000));

    private static final Set<String> KEYS = Set.of("organisation", "colours", "logo", "word-template");

    private static final Set<String> COLOUR_KEYS = Set.of("primary", "accent", "palette");

    private static final long LARGEST_LOGO = 5L * 1024 * 1024;

    public Branding {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(primary, "primary");
        Objects.requireNonNull(accent, "accent");
        palette = List.copyOf(palette);
        if (palette.isEmpty()) {
            throw new IllegalArgumentException("the palette needs at least one colour");
        }
    }

    /** Watchbrief's own look: no logo, no template. */
    public static Branding defaults() {
        return new Branding("Watchbrief", new Color(0x1D3D6B), new Color(0xC8102E), DEFAULT_PALETTE, null, 0, 0,
                null);
    }

    /** The colour of the theme at this index in the charts. */
    public Color themeColour(int index) {
        return palette.get(index % palette.size());
    }

    /**
     * Reads the branding folder; a folder or file that is absent gives the defaults for what it
     * would have said.
     *
     * @throws BrandingException naming the file and the field to fix
     */
    public static Branding load(Path directory) {
        Branding defaults = defaults();
        Path file = directory.resolve(FILE);
        Map<String, Object> yaml = Files.isRegularFile(file) ? read(file) : Map.of();
        for (String key : yaml.keySet()) {
            if (!KEYS.contains(key)) {
                throw new BrandingException(file, key, "is not a branding setting; the settings are " + KEYS);
            }
        }
        String organisation = yaml.containsKey("organisation") ? string(file, "organisation", yaml.get("organisation"))
                : defaults.organisation();
        Color primary = defaults.primary();
        Color accent = defaults.accent();
        List<Color> palette = defaults.palette();
        if (yaml.get("colours") != null) {
            if (!(yaml.get("colours") instanceof Map<?, ?> colours)) {
                throw new BrandingException(file, "colours", "must be a mapping of primary, accent and palette");
            }
            for (Object key : colours.keySet()) {
                if (!COLOUR_KEYS.contains(String.valueOf(key))) {
                    throw new BrandingException(file, "colours." + key, "is not a colour setting; they are "
                            + COLOUR_KEYS);
                }
            }
            if (colours.get("primary") != null) {
                primary = colour(file, "colours.primary", colours.get("primary"));
            }
            if (colours.get("accent") != null) {
                accent = colour(file, "colours.accent", colours.get("accent"));
            }
            if (colours.get("palette") != null) {
                if (!(colours.get("palette") instanceof List<?> list) || list.isEmpty()) {
                    throw new BrandingException(file, "colours.palette", "must be a list of colours like \"#0072B2\"");
                }
                List<Color> read = new ArrayList<>();
                for (int i = 0; i < list.size(); i++) {
                    read.add(colour(file, "colours.palette[" + i + "]", list.get(i)));
                }
                palette = read;
            }
        }
        Path logoFile = optionalFile(directory, file, yaml, "logo", DEFAULT_LOGO);
        byte[] logo = null;
        int width = 0;
        int height = 0;
        if (logoFile != null) {
            logo = logo(logoFile);
            BufferedImage image = image(logoFile, logo);
            width = image.getWidth();
            height = image.getHeight();
        }
        Path template = optionalFile(directory, file, yaml, "word-template", DEFAULT_WORD_TEMPLATE);
        if (template != null && !template.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".dotx")
                && !template.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".docx")) {
            throw new BrandingException(file, "word-template", "must name a .dotx (or .docx) file, was " + template);
        }
        return new Branding(organisation, primary, accent, palette, logo, width, height, template);
    }

    private static Map<String, Object> read(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            if (root == null) {
                return Map.of();
            }
            if (!(root instanceof Map<?, ?> map)) {
                throw new BrandingException(file, "(top level)", "must be a mapping such as \"organisation: Example Trust\"");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> settings = (Map<String, Object>) map;
            return settings;
        }
        catch (IOException | YAMLException ex) {
            throw new BrandingException(file, "(file)", "cannot be read: " + ex.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The file a setting names (relative to the folder), or the default file when present, or null. */
    private static Path optionalFile(Path directory, Path file, Map<String, Object> yaml, String key,
            String defaultName) {
        if (yaml.get(key) != null) {
            Path named = directory.resolve(string(file, key, yaml.get(key))).normalize();
            if (!Files.isRegularFile(named)) {
                throw new BrandingException(file, key, "names " + named + ", which does not exist");
            }
            return named;
        }
        Path fallback = directory.resolve(defaultName);
        return Files.isRegularFile(fallback) ? fallback : null;
    }

    private static byte[] logo(Path logoFile) {
        try {
            if (Files.size(logoFile) > LARGEST_LOGO) {
                throw new BrandingException(logoFile, "logo", "is larger than 5 MB; a logo of a few hundred "
                        + "pixels is plenty");
            }
            return Files.readAllBytes(logoFile);
        }
        catch (IOException ex) {
            throw new BrandingException(logoFile, "logo", "cannot be read: " + ex.getMessage());
        }
    }

    private static BufferedImage image(Path logoFile, byte[] bytes) {
        String name = logoFile.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".jpg") && !name.endsWith(".jpeg")) {
            throw new BrandingException(logoFile, "logo", "must be a PNG or JPEG file");
        }
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            if (image == null) {
                throw new BrandingException(logoFile, "logo", "is not a PNG or JPEG image");
            }
            return image;
        }
        catch (IOException ex) {
            throw new BrandingException(logoFile, "logo", "is not a readable image: " + ex.getMessage());
        }
    }

    private static String string(Path file, String key, Object value) {
        if (!(value instanceof String text) || text.isBlank()) {
            throw new BrandingException(file, key, "must be a non-empty text");
        }
        return text.strip();
    }

    private static Color colour(Path file, String key, Object value) {
        if (value instanceof String text && text.strip().matches("#[0-9A-Fa-f]{6}")) {
            return new Color(Integer.parseInt(text.strip().substring(1), 16));
        }
        throw new BrandingException(file, key, "must be a colour like \"#1D3D6B\" (in quotes), was " + value);
    }

    /** "1D3D6B", as Word writes colours. */
    static String hex(Color colour) {
        return String.format("%02X%02X%02X", colour.getRed(), colour.getGreen(), colour.getBlue());
    }

    /** The colour mixed with white: a tint for shading. */
    static Color tint(Color colour, double white) {
        return new Color((int) Math.round(colour.getRed() + (255 - colour.getRed()) * white),
                (int) Math.round(colour.getGreen() + (255 - colour.getGreen()) * white),
                (int) Math.round(colour.getBlue() + (255 - colour.getBlue()) * white));
    }

    /** A branding setting that cannot be used; the message names the file and the field. */
    public static class BrandingException extends RenderException {

        public BrandingException(Path file, String field, String problem) {
            super(file + ": " + field + " " + problem);
        }
    }
}
