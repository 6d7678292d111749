package org.watchbrief.intake;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.watchbrief.analysis.Taxonomy;
import org.watchbrief.analysis.Taxonomy.TaxonomyException;

/** Opens the taxonomy: the user's own file when one is set, else the built-in {@code themes.yml}. */
public final class Taxonomies {

    private Taxonomies() {
    }

    /**
     * @param file the user's taxonomy file, {@code null} for the built-in one
     * @throws TaxonomyException naming the file and the field at fault
     */
    public static Taxonomy load(Path file) {
        if (file == null) {
            try (InputStream in = Taxonomies.class.getResourceAsStream("/themes.yml")) {
                if (in == null) {
                    throw new IllegalStateException("themes.yml is missing from the application");
                }
                return Taxonomy.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }
        try (Reader reader = Files.newBufferedReader(file)) {
            return Taxonomy.parse(reader);
        }
        catch (IOException ex) {
            throw new TaxonomyException(file + ": cannot be read (" + ex.getMessage()
                    + "); fix watchbrief.themes-file");
        }
        catch (TaxonomyException ex) {
            throw new TaxonomyException(file + ": " + ex.getMessage());
        }
        catch (RuntimeException ex) {
            throw new TaxonomyException(file + ": is not a valid taxonomy (" + ex.getMessage() + ")");
        }
    }
}
