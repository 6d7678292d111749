package org.watchbrief.analysis;

import java.util.List;
import java.util.Objects;

/**
 * How strongly a document belongs to one theme, and why.
 *
 * @param theme the theme's key in the taxonomy ({@code grooming}, {@code data_sharing}, ...)
 * @param score from 0 (no sign of the theme) to 1
 * @param assigned whether the document goes under this theme in a digest
 * @param evidence the phrases that matched, each with its sentence; empty when none did
 */
public record ThemeScore(String theme, double score, boolean assigned, List<Evidence> evidence) {

    public ThemeScore {
        Objects.requireNonNull(theme, "theme");
        if (score < 0 || score > 1) {
            throw new IllegalArgumentException("score must be within [0, 1], was " + score);
        }
        evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
    }
}
