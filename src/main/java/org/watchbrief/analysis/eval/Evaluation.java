package org.watchbrief.analysis.eval;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.watchbrief.analysis.Analysis;
import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.analysis.MoneyMention;
import org.watchbrief.analysis.ThemeScore;
import org.watchbrief.analysis.eval.EvalReport.Finding;
import org.watchbrief.analysis.eval.EvalReport.FundingTotals;
import org.watchbrief.analysis.eval.EvalReport.KindAccuracy;
import org.watchbrief.analysis.eval.EvalReport.ThemeResult;

/**
 * Compares the analysis of labelled documents with their labels. The pairing rules, which the
 * {@code eval} command's help and the README repeat:
 * <ul>
 * <li>Themes: per theme, a document graded 2 must be assigned (else a false negative), one graded 0
 * must not be (else a false positive); grade 1 is not counted. Macro-F1 is the mean of the
 * themes' F1.</li>
 * <li>Money: within a document, each labelled sum, in text order, is paired with the first
 * unpaired predicted sum in the same currency whose amount is within 0.5% of the labelled amount
 * (the labelled amount in pounds, or for another currency the amount written in its text).
 * Unpaired predicted sums are false positives, unpaired labelled ones false negatives. Kind
 * accuracy is measured on the pairs.</li>
 * <li>Funding total: over the whole set, funding sums in pounds grouped by announcement key (a
 * sum without a key is its own group), each group counted once at its largest sum; the predicted
 * total against the labelled one.</li>
 * <li>Events: within a document, each labelled event is paired with the first unpaired predicted
 * event carrying the same date at the same precision ({@code 2018-09-03}, {@code 2020-03},
 * {@code 2018-WINTER}, {@code 2019-Q1}, {@code 2018}).</li>
 * </ul>
 */
public final class Evaluation {

    /** Amounts within this fraction of the labelled amount are the same sum. */
    static final BigDecimal AMOUNT_TOLERANCE = new BigDecimal("0.005");

    private static final Pattern WRITTEN_SUM = Pattern.compile(
            "(US\\$|\\$|€|£)\\s?(\\d[\\d,]*(?:\\.\\d+)?)\\s*(bn|billion|m|million|k|thousand)?(?![\\p{L}])",
            Pattern.CASE_INSENSITIVE);

    private Evaluation() {
    }

    /** A labelled document and what the analysis made of it. */
    public record Case(Labels labels, Analysis analysis) {

        public Case {
            Objects.requireNonNull(labels, "labels");
            Objects.requireNonNull(analysis, "analysis");
        }
    }

    /**
     * @param themes the theme keys to score, in order; a theme no document is labelled with is left out
     */
    public static EvalReport evaluate(List<Case> cases, List<String> themes) {
        List<Finding> findings = new ArrayList<>();
        List<ThemeResult> themeResults = new ArrayList<>();
        for (String theme : themes) {
            if (cases.stream().anyMatch(c -> c.labels().themes().containsKey(theme))) {
                themeResults.add(new ThemeResult(theme, themeScore(theme, cases, findings)));
            }
        }
        Score money = new Score(0, 0, 0);
        Score events = new Score(0, 0, 0);
        int paired = 0;
        int sameKind = 0;
        Map<String, BigDecimal> labelledFunding = new HashMap<>();
        Map<String, BigDecimal> predictedFunding = new HashMap<>();
        for (Case c : cases) {
            MoneyPairs pairs = pairMoney(c, findings);
            money = money.plus(pairs.score());
            paired += pairs.paired();
            sameKind += pairs.sameKind();
            events = events.plus(pairEvents(c, findings));
            addFunding(c, labelledFunding, predictedFunding);
        }
        FundingTotals funding = new FundingTotals(sum(labelledFunding), sum(predictedFunding),
                labelledFunding.size(), predictedFunding.size());
        return new EvalReport(cases.size(), themeResults, money, new KindAccuracy(paired, sameKind), funding, events,
                findings);
    }

    private static Score themeScore(String theme, List<Case> cases, List<Finding> findings) {
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (Case c : cases) {
            Integer grade = c.labels().themes().get(theme);
            boolean assigned = c.analysis().assignedThemes().contains(theme);
            double score = c.analysis().themes().stream().filter(t -> t.theme().equals(theme))
                .mapToDouble(ThemeScore::score).findFirst().orElse(0);
            if (grade == null || grade == 1) {
                continue;
            }
            if (grade == 2 && assigned) {
                tp++;
            }
            else if (grade == 2) {
                fn++;
                findings.add(new Finding(c.labels().name(), "theme", theme + " graded 2 but not assigned (score "
                        + score + (c.analysis().relevant() ? "" : ", judged not relevant") + ")"));
            }
            else if (assigned) {
                fp++;
                findings.add(new Finding(c.labels().name(), "theme", theme + " graded 0 but assigned (score "
                        + score + ")"));
            }
        }
        return new Score(tp, fp, fn);
    }

    private record MoneyPairs(Score score, int paired, int sameKind) {
    }

    private static MoneyPairs pairMoney(Case c, List<Finding> findings) {
        List<MoneyMention> predicted = c.analysis().money();
        boolean[] used = new boolean[predicted.size()];
        int tp = 0;
        int fn = 0;
        int sameKind = 0;
        for (Labels.Money label : c.labels().money()) {
            Written written = written(label.text());
            String currency = written == null ? "GBP" : written.currency();
            BigDecimal amount = label.amountGbp() != null ? label.amountGbp() : written == null ? null
                    : written.amount();
            int match = -1;
            for (int i = 0; amount != null && i < predicted.size() && match < 0; i++) {
                MoneyMention p = predicted.get(i);
                if (!used[i] && p.currency().equals(currency) && within(p.amount(), amount)) {
                    match = i;
                }
            }
            if (match < 0) {
                fn++;
                findings.add(new Finding(c.labels().name(), "money", "missed " + label.text() + " ("
                        + label.kind().label() + ")"));
                continue;
            }
            used[match] = true;
            tp++;
            MoneyMention p = predicted.get(match);
            if (p.kind() == label.kind()) {
                sameKind++;
            }
            else {
                findings.add(new Finding(c.labels().name(), "kind", label.text() + " is " + label.kind().label()
                        + ", found " + p.kind().label()));
            }
        }
        int fp = 0;
        for (int i = 0; i < predicted.size(); i++) {
            if (!used[i]) {
                fp++;
                findings.add(new Finding(c.labels().name(), "money", "found " + predicted.get(i).text() + " ("
                        + predicted.get(i).kind().label() + "), not labelled"));
            }
        }
        return new MoneyPairs(new Score(tp, fp, fn), tp, sameKind);
    }

    private static Score pairEvents(Case c, List<Finding> findings) {
        List<DatedEvent> predicted = c.analysis().events();
        boolean[] used = new boolean[predicted.size()];
        int tp = 0;
        int fn = 0;
        for (Labels.Event label : c.labels().events()) {
            int match = -1;
            for (int i = 0; i < predicted.size() && match < 0; i++) {
                if (!used[i] && predicted.get(i).isoDate().equalsIgnoreCase(label.date())) {
                    match = i;
                }
            }
            if (match < 0) {
                fn++;
                findings.add(new Finding(c.labels().name(), "event", "missed " + label.date() + " \"" + label.text()
                        + "\""));
            }
            else {
                used[match] = true;
                tp++;
            }
        }
        int fp = 0;
        for (int i = 0; i < predicted.size(); i++) {
            if (!used[i]) {
                fp++;
                findings.add(new Finding(c.labels().name(), "event", "found " + predicted.get(i).isoDate() + " \""
                        + predicted.get(i).text() + "\", not labelled"));
            }
        }
        return new Score(tp, fp, fn);
    }

    private static void addFunding(Case c, Map<String, BigDecimal> labelled, Map<String, BigDecimal> predicted) {
        List<Labels.Money> labels = c.labels().money();
        for (int i = 0; i < labels.size(); i++) {
            Labels.Money m = labels.get(i);
            if (m.kind() == MoneyKind.FUNDING && m.amountGbp() != null) {
                String key = m.announcement() != null ? m.announcement() : c.labels().name() + "#" + i;
                labelled.merge(key, m.amountGbp(), BigDecimal::max);
            }
        }
        List<MoneyMention> found = c.analysis().money();
        for (int i = 0; i < found.size(); i++) {
            MoneyMention m = found.get(i);
            if (m.kind() == MoneyKind.FUNDING && m.amountGbp() != null) {
                String key = m.announcement() != null ? m.announcement() : c.labels().name() + "#" + i;
                predicted.merge(key, m.amountGbp(), BigDecimal::max);
            }
        }
    }

    private static BigDecimal sum(Map<String, BigDecimal> amounts) {
        return amounts.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static boolean within(BigDecimal found, BigDecimal labelled) {
        return found.subtract(labelled).abs().compareTo(labelled.abs().multiply(AMOUNT_TOLERANCE)) <= 0;
    }

    private record Written(String currency, BigDecimal amount) {
    }

    /** The currency and amount a label's text writes ("$2.5 million"), or {@code null}. */
    static Written written(String text) {
        Matcher m = WRITTEN_SUM.matcher(text);
        if (!m.find()) {
            return null;
        }
        String currency = switch (m.group(1)) {
            case "£" -> "GBP";
            case "€" -> "EUR";
            default -> "USD";
        };
        BigDecimal amount = new BigDecimal(m.group(2).replace(",", ""));
        if (m.group(3) != null) {
            amount = amount.multiply(switch (m.group(3).toLowerCase(Locale.ROOT)) {
                case "bn", "billion" -> BigDecimal.valueOf(1_000_000_000);
                case "m", "million" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(1_000);
            });
        }
        return new Written(currency, amount);
    }
}
