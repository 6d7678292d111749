package org.watchbrief.analysis;

import java.util.List;
import java.util.Objects;

/**
 * What the analysis found in one document.
 *
 * @param relevant whether the document is about online child sexual exploitation and abuse at
 *     all; when {@code false}, no theme is assigned
 * @param themes one score per theme of the taxonomy, in taxonomy order (never {@code null})
 * @param money every sum of money, in text order
 * @param events every dated event, in text order
 */
public record Analysis(boolean relevant, List<ThemeScore> themes, List<MoneyMention> money,
        List<DatedEvent> events) {

    public Analysis {
        themes = List.copyOf(Objects.requireNonNull(themes, "themes"));
        money = List.copyOf(Objects.requireNonNull(money, "money"));
        events = List.copyOf(Objects.requireNonNull(events, "events"));
    }

    /** The names of the themes assigned to the document, in taxonomy order. */
    public List<String> assignedThemes() {
        return themes.stream().filter(ThemeScore::assigned).map(ThemeScore::theme).toList();
    }

    /** The score of the named theme, 0 when the taxonomy has no such theme. */
    public double score(String theme) {
        return themes.stream().filter(t -> t.theme().equals(theme)).mapToDouble(ThemeScore::score).findFirst()
            .orElse(0);
    }
}
