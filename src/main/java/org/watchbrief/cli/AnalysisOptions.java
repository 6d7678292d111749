package org.watchbrief.cli;

import java.nio.file.Path;

import org.watchbrief.analysis.Analyzer;
import org.watchbrief.intake.DocumentReader;
import org.watchbrief.intake.Taxonomies;
import org.watchbrief.intake.TextExtractor;
import picocli.CommandLine.Option;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What {@code analyze} and {@code eval} share, as a picocli mixin: the taxonomy option, how files
 * are read (as intake reads them, with its limits) and the JSON writer of their output.
 */
class AnalysisOptions {

    /** The largest file read, as intake's default. */
    static final long MAX_FILE_BYTES = 20L * 1024 * 1024;

    private static final int MAX_CHARACTERS = 2_000_000;

    /** Amounts written as plain numbers (21500000, not 2.15E+7). */
    static final JsonMapper JSON = JsonMapper.builder().enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN).build();

    @Option(names = "--themes-file", paramLabel = "FILE", defaultValue = "${env:WATCHBRIEF_THEMES_FILE}",
            description = "A taxonomy replacing the built-in themes.yml (env WATCHBRIEF_THEMES_FILE).")
    Path themesFile;

    /** The analyser of the chosen taxonomy; a bad taxonomy file is a configuration error (exit 2). */
    Analyzer analyzer() {
        return new Analyzer(Taxonomies.load(themesFile));
    }

    /** Reads and analyses files as intake does. */
    static DocumentReader reader(Analyzer analyzer) {
        return new DocumentReader(new TextExtractor(MAX_CHARACTERS), analyzer);
    }
}
