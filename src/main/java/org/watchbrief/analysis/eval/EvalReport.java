package org.watchbrief.analysis.eval;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What {@link Evaluation} measured on a labelled set.
 *
 * @param documents how many documents were compared
 * @param themes one score per theme, in taxonomy order
 * @param money sums paired by currency and amount
 * @param kinds of the paired sums, how many carry the labelled kind
 * @param funding the funding totals after de-duplication
 * @param events events paired by date at its precision
 * @param findings every disagreement, document by document, for people to read
 */
public record EvalReport(int documents, List<ThemeResult> themes, Score money, KindAccuracy kinds,
        FundingTotals funding, Score events, List<Finding> findings) {

    public EvalReport {
        themes = List.copyOf(themes);
        Objects.requireNonNull(money, "money");
        Objects.requireNonNull(kinds, "kinds");
        Objects.requireNonNull(funding, "funding");
        Objects.requireNonNull(events, "events");
        findings = List.copyOf(findings);
    }

    /** The mean of the themes' F1. */
    public double themesMacroF1() {
        return themes.stream().mapToDouble(t -> t.score().f1()).average().orElse(0);
    }

    /** The lowest F1 of any theme. */
    public double themesMinimumF1() {
        return themes.stream().mapToDouble(t -> t.score().f1()).min().orElse(0);
    }

    /** A theme's score: grade 2 documents must be assigned, grade 0 must not; grade 1 is not counted. */
    public record ThemeResult(String theme, Score score) {
    }

    /** Of the paired sums, how many carry the labelled kind. */
    public record KindAccuracy(int paired, int sameKind) {

        public double accuracy() {
            return paired == 0 ? 1 : (double) sameKind / paired;
        }
    }

    /**
     * The funding totals after de-duplication: each announcement key counted once, at the largest
     * sum in pounds reported under it.
     *
     * @param labelled the labelled total
     * @param predicted the analysis's total
     * @param labelledAnnouncements how many distinct labelled announcements make it up
     * @param predictedAnnouncements how many distinct predicted announcements make it up
     */
    public record FundingTotals(BigDecimal labelled, BigDecimal predicted, int labelledAnnouncements,
            int predictedAnnouncements) {

        /** (predicted − labelled) / labelled; 0 when both are 0. */
        public double relativeError() {
            if (labelled.signum() == 0) {
                return predicted.signum() == 0 ? 0 : 1;
            }
            return predicted.subtract(labelled).doubleValue() / labelled.doubleValue();
        }
    }

    /**
     * One disagreement.
     *
     * @param document the document's name
     * @param area {@code theme}, {@code money}, {@code kind} or {@code event}
     * @param message what was expected and what was found
     */
    public record Finding(String document, String area, String message) {
    }
}
