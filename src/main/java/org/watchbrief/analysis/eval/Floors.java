package org.watchbrief.analysis.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The least the analysis must achieve on a labelled set: the acceptance floors of issue 4.
 *
 * @param themesMacroF1 the least mean F1 over the themes
 * @param themeF1 the least F1 of any one theme
 * @param moneyF1 the least F1 of sums found
 * @param kindAccuracy the least share of paired sums with the right kind
 * @param fundingError the largest relative error of the de-duplicated funding total
 * @param eventF1 the least F1 of event dates
 */
public record Floors(double themesMacroF1, double themeF1, double moneyF1, double kindAccuracy, double fundingError,
        double eventF1) {

    /** The floors the project holds itself to. */
    public static final Floors STANDARD = new Floors(0.90, 0.85, 0.95, 0.95, 0.02, 0.85);

    /** One line per floor the report misses; empty when it meets them all. */
    public List<String> missed(EvalReport report) {
        List<String> missed = new ArrayList<>();
        check(missed, "themes macro-F1", report.themesMacroF1(), themesMacroF1);
        report.themes().forEach(t -> check(missed, "theme " + t.theme() + " F1", t.score().f1(), themeF1));
        check(missed, "money F1", report.money().f1(), moneyF1);
        check(missed, "kind accuracy", report.kinds().accuracy(), kindAccuracy);
        double error = Math.abs(report.funding().relativeError());
        if (error > fundingError) {
            missed.add(String.format(Locale.ROOT, "funding total error %.1f%% is above %.1f%%", error * 100,
                    fundingError * 100));
        }
        check(missed, "event date F1", report.events().f1(), eventF1);
        return missed;
    }

    private static void check(List<String> missed, String what, double value, double floor) {
        if (value < floor) {
            missed.add(String.format(Locale.ROOT, "%s %.3f is below %.2f", what, value, floor));
        }
    }
}
