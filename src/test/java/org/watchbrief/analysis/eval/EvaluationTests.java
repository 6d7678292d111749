package org.watchbrief.analysis.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.watchbrief.analysis.Analysis;
import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.analysis.MoneyMention;
import org.watchbrief.analysis.ThemeScore;
import org.watchbrief.analysis.eval.Evaluation.Case;

import static org.assertj.core.api.Assertions.assertThat;

/** How predictions are paired with labels, as the eval command's help states it. */
class EvaluationTests {

    private static final List<String> THEMES = List.of("grooming", "legislation");

    private static Labels labels(String name, Map<String, Integer> themes, List<Labels.Money> money,
            List<Labels.Event> events) {
        return new Labels(name, LocalDate.of(2020, 1, 1), themes, money, events);
    }

    private static Analysis analysis(List<String> assigned, List<MoneyMention> money, List<DatedEvent> events) {
        List<ThemeScore> scores = THEMES.stream()
            .map(t -> new ThemeScore(t, assigned.contains(t) ? 0.9 : 0.1, assigned.contains(t), List.of())).toList();
        return new Analysis(true, scores, money, events);
    }

    private static MoneyMention funding(String text, String amount, String key) {
        return new MoneyMention(text, new BigDecimal(amount), "GBP", MoneyKind.FUNDING, null, key);
    }

    @Test
    void countsGradeTwoAsMustAssignAndGradeZeroAsMustNotAndIgnoresGradeOne() {
        // given
        List<Case> cases = List.of(
                new Case(labels("a", Map.of("grooming", 2, "legislation", 1), List.of(), List.of()),
                        analysis(List.of("grooming", "legislation"), List.of(), List.of())),
                new Case(labels("b", Map.of("grooming", 0, "legislation", 2), List.of(), List.of()),
                        analysis(List.of("grooming"), List.of(), List.of())),
                new Case(labels("c", Map.of("grooming", 1, "legislation", 0), List.of(), List.of()),
                        analysis(List.of("grooming"), List.of(), List.of())));
        // when
        EvalReport report = Evaluation.evaluate(cases, THEMES);
        // then
        assertThat(report.themes().get(0).score()).isEqualTo(new Score(1, 1, 0));
        assertThat(report.themes().get(1).score()).isEqualTo(new Score(0, 0, 1));
        assertThat(report.themesMacroF1()).isEqualTo((2.0 / 3 + 0) / 2);
        assertThat(report.findings()).extracting(EvalReport.Finding::document).containsExactly("b", "b");
    }

    @Test
    void pairsSumsWithinHalfAPercentAndMeasuresKindsOnThePairs() {
        // given
        Labels labels = labels("a", Map.of(), List.of(
                new Labels.Money("£21.5m", new BigDecimal("21500000"), MoneyKind.FUNDING, "k"),
                new Labels.Money("£2 million", new BigDecimal("2000000"), MoneyKind.FINE, null),
                new Labels.Money("$3m", null, MoneyKind.OTHER, null)), List.of());
        Analysis found = analysis(List.of(), List.of(funding("£21.6m", "21600000", "x"),
                funding("£2.1 million", "2100000", "y"),
                new MoneyMention("$3m", new BigDecimal("3000000"), "USD", MoneyKind.FUNDING, null, null)), List.of());
        // when
        EvalReport report = Evaluation.evaluate(List.of(new Case(labels, found)), THEMES);
        // then
        assertThat(report.money()).isEqualTo(new Score(2, 1, 1));
        assertThat(report.kinds().paired()).isEqualTo(2);
        assertThat(report.kinds().sameKind()).isEqualTo(1);
    }

    @Test
    void countsEachAnnouncementOnceAtItsLargestSum() {
        // given
        Labels first = labels("a", Map.of(), List.of(
                new Labels.Money("£21.5m", new BigDecimal("21500000"), MoneyKind.FUNDING, "package"),
                new Labels.Money("£5m", new BigDecimal("5000000"), MoneyKind.FUNDING, "package")), List.of());
        Labels second = labels("b", Map.of(), List.of(
                new Labels.Money("£21 million", new BigDecimal("21000000"), MoneyKind.FUNDING, "package"),
                new Labels.Money("£1m", new BigDecimal("1000000"), MoneyKind.COST, null)), List.of());
        List<Case> cases = List.of(
                new Case(first, analysis(List.of(), List.of(funding("£21.5m", "21500000", "2018 £21m"),
                        funding("£5m", "5000000", "2018 £5m")), List.of())),
                new Case(second, analysis(List.of(), List.of(funding("£21 million", "21000000", "2018 £21m")),
                        List.of())));
        // when
        EvalReport report = Evaluation.evaluate(cases, THEMES);
        // then
        assertThat(report.funding().labelled()).isEqualByComparingTo("21500000");
        assertThat(report.funding().predicted()).isEqualByComparingTo("26500000");
        assertThat(report.funding().relativeError()).isCloseTo(5.0 / 21.5, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void pairsEventsByTheirDateAtItsPrecision() {
        // given
        Labels labels = labels("a", Map.of(), List.of(), List.of(new Labels.Event("2020-SPRING", "in the spring"),
                new Labels.Event("2019-03", "in March 2019"), new Labels.Event("2019-03", "March 2019 again")));
        Analysis found = analysis(List.of(), List.of(), List.of(
                new DatedEvent(LocalDate.of(2020, 3, 1), DatePrecision.SEASON, "in the spring", "x"),
                new DatedEvent(LocalDate.of(2019, 3, 1), DatePrecision.MONTH, "March 2019", "y"),
                new DatedEvent(LocalDate.of(2019, 3, 1), DatePrecision.DAY, "1 March 2019", "z")));
        // when
        EvalReport report = Evaluation.evaluate(List.of(new Case(labels, found)), THEMES);
        // then
        assertThat(report.events()).isEqualTo(new Score(2, 1, 1));
    }

    @Test
    void theFloorsNameWhatIsMissed() {
        // given
        EvalReport report = new EvalReport(1, List.of(new EvalReport.ThemeResult("grooming", new Score(9, 1, 0))),
                new Score(10, 0, 0), new EvalReport.KindAccuracy(10, 9),
                new EvalReport.FundingTotals(new BigDecimal("100"), new BigDecimal("103"), 1, 1), new Score(9, 1, 1),
                List.of());
        // when
        List<String> missed = Floors.STANDARD.missed(report);
        // then
        assertThat(missed).containsExactly("kind accuracy 0.900 is below 0.95",
                "funding total error 3.0% is above 2.0%");
    }
}
