package org.watchbrief.analysis.eval;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.watchbrief.analysis.MoneyKind;

/**
 * A document's labels, as {@code LABELS.md} defines them.
 *
 * @param name the document's name ({@code wq-001})
 * @param published the document's own date, {@code null} when not labelled
 * @param themes each theme's grade: 2 belongs in the theme's section, 1 might be seen in passing,
 *     0 does not belong there
 * @param money every sum of money, in text order
 * @param events every dated event
 */
public record Labels(String name, LocalDate published, Map<String, Integer> themes, List<Money> money,
        List<Event> events) {

    public Labels {
        Objects.requireNonNull(name, "name");
        themes = Map.copyOf(themes);
        money = List.copyOf(money);
        events = List.copyOf(events);
    }

    /**
     * A labelled sum.
     *
     * @param text the sum as written ({@code "£21.5m"}, {@code "$2 million"})
     * @param amountGbp the amount in pounds; {@code null} for a sum in another currency
     * @param kind what the sum is
     * @param announcement for funding, the key of the decision behind it; may be {@code null}
     */
    public record Money(String text, BigDecimal amountGbp, MoneyKind kind, String announcement) {

        public Money {
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(kind, "kind");
        }
    }

    /**
     * A labelled event.
     *
     * @param date the date at its precision, in the corpus's form ({@code 2018-09-03},
     *     {@code 2020-03}, {@code 2018-WINTER}, {@code 2019-Q1}, {@code 2018})
     * @param text the words that date it
     */
    public record Event(String date, String text) {

        public Event {
            Objects.requireNonNull(date, "date");
        }
    }
}
