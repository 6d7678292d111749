package org.watchbrief.analysis;

import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.watchbrief.analysis.DatedEvent.Season;
import org.watchbrief.analysis.Sentences.Sentence;

/**
 * Finds dated events: full dates ("15th March 2021"), months ("March 2020", "in September"),
 * seasons ("this winter"), years ("in 2017", "2018/19") and relative dates ("earlier this
 * month", "last year"), resolved against the document's own date.
 */
final class EventExtractor {

    private static final String MONTHS = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December";

    private static final String ORDINAL = "(\\d{1,2})(?:st|nd|rd|th)?";

    private final List<Rule> rules = List.of(
            // 3 September 2018, 15th March 2021, 7-8 November 2018, 16 and 17 November 2015
            new Rule("\\b" + ORDINAL + "(?:\\s*(?:-|–|and|to)\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(" + MONTHS
                    + "),?\\s+(\\d{4})\\b",
                    (m, ref) -> day(Integer.parseInt(m.group(3)), m.group(2), m.group(1))),
            // 3 September (year from the document's date)
            new Rule("\\b" + ORDINAL + "(?:\\s*(?:-|–|and|to)\\s*\\d{1,2}(?:st|nd|rd|th)?)?\\s+(" + MONTHS
                    + ")\\b(?!,?\\s+\\d{4})",
                    (m, ref) -> day(nearestYear(month(m.group(2)), ref), m.group(2), m.group(1))),
            // March 2020
            new Rule("\\b(" + MONTHS + ")\\s+(\\d{4})\\b",
                    (m, ref) -> new Resolved(LocalDate.of(Integer.parseInt(m.group(2)), month(m.group(1)), 1),
                            DatePrecision.MONTH)),
            // in September, since March
            new Rule("\\b(?:in|since|during|from|by|until|before|after|early|late|mid-?)\\s+(" + MONTHS
                    + ")\\b(?!\\s+\\d{4})",
                    (m, ref) -> new Resolved(LocalDate.of(nearestYear(month(m.group(1)), ref), month(m.group(1)), 1),
                            DatePrecision.MONTH)),
            // this winter, next spring, last autumn
            new Rule("\\b(this|last|next)\\s+(winter|spring|summer|autumn)\\b",
                    (m, ref) -> season(m.group(2), m.group(1), ref)),
            // the first quarter of 2019, Q1 2019
            new Rule("\\b(?:the\\s+)?(first|second|third|fourth|final|last)\\s+quarter\\s+of\\s+(\\d{4})\\b",
                    (m, ref) -> quarter(Integer.parseInt(m.group(2)),
                            List.of("first", "second", "third", "fourth").indexOf(m.group(1).toLowerCase(Locale.ROOT))
                                    + 1)),
            new Rule("\\bQ([1-4])\\s+(\\d{4})\\b",
                    (m, ref) -> quarter(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(1)))),
            // 2018/19 and 2018-19: a financial or academic year, dated by its first year
            new Rule("\\b((?:19|20)\\d{2})[/–-](\\d{2})\\b",
                    (m, ref) -> year(Integer.parseInt(m.group(1)))),
            // in 2017, since 2013
            new Rule("\\b(?:in|since|during|from|by|until|before|after|throughout)\\s+((?:19|20)\\d{2})\\b(?![/–-]\\d)",
                    (m, ref) -> year(Integer.parseInt(m.group(1)))),
            // relative dates
            new Rule("\\b(?:earlier|later)\\s+this\\s+month\\b|\\bthis\\s+month\\b",
                    (m, ref) -> new Resolved(ref.withDayOfMonth(1), DatePrecision.MONTH)),
            new Rule("\\blast\\s+month\\b",
                    (m, ref) -> new Resolved(ref.minusMonths(1).withDayOfMonth(1), DatePrecision.MONTH)),
            new Rule("\\bnext\\s+month\\b",
                    (m, ref) -> new Resolved(ref.plusMonths(1).withDayOfMonth(1), DatePrecision.MONTH)),
            new Rule("\\b(?:earlier|later)\\s+this\\s+year\\b|\\bthis\\s+year\\b|\\bby\\s+the\\s+end\\s+of\\s+the\\s+year\\b",
                    (m, ref) -> year(ref.getYear())),
            new Rule("\\blast\\s+year\\b", (m, ref) -> year(ref.getYear() - 1)),
            new Rule("\\bnext\\s+year\\b", (m, ref) -> year(ref.getYear() + 1)),
            new Rule("\\blast\\s+week\\b", (m, ref) -> new Resolved(ref.minusWeeks(1), DatePrecision.DAY)));

    List<DatedEvent> extract(String text, List<Sentence> sentences, LocalDate reference) {
        List<Found> found = new ArrayList<>();
        for (Rule rule : rules) {
            Matcher matcher = rule.pattern().matcher(text);
            while (matcher.find()) {
                Resolved resolved = resolve(rule, matcher, reference);
                if (resolved != null) {
                    found.add(new Found(matcher.start(), matcher.end(), resolved));
                }
            }
        }
        found.sort(Comparator.comparingInt(Found::start).thenComparing(Comparator.comparingInt(Found::end).reversed()));
        List<DatedEvent> events = new ArrayList<>();
        int covered = -1;
        for (Found f : found) {
            if (f.start() < covered) {
                continue;
            }
            covered = f.end();
            Sentence sentence = Sentences.at(sentences, f.start());
            events.add(new DatedEvent(f.resolved().date(), f.resolved().precision(),
                    Sentences.collapse(text.substring(f.start(), f.end())), shorten(sentence.text())));
        }
        return events;
    }

    private static Resolved resolve(Rule rule, Matcher matcher, LocalDate reference) {
        try {
            return rule.resolver().apply(matcher, reference);
        }
        catch (java.time.DateTimeException impossible) {
            return null; // "31 February": not a date
        }
    }

    private static String shorten(String sentence) {
        return sentence.length() <= 240 ? sentence : sentence.substring(0, 239).strip() + "…";
    }

    private static Resolved day(int year, String month, String day) {
        return new Resolved(LocalDate.of(year, month(month), Integer.parseInt(day)), DatePrecision.DAY);
    }

    private static Resolved year(int year) {
        return new Resolved(LocalDate.of(year, 1, 1), DatePrecision.YEAR);
    }

    private static Resolved quarter(int year, int quarter) {
        return quarter < 1 ? null : new Resolved(LocalDate.of(year, (quarter - 1) * 3 + 1, 1), DatePrecision.QUARTER);
    }

    /**
     * "this winter": the season under way at the reference date, or else the next one; "next":
     * the first that starts after it; "last": the latest that ended before it.
     */
    private static Resolved season(String name, String which, LocalDate ref) {
        Season season = Season.valueOf(name.toUpperCase(Locale.ROOT));
        List<LocalDate> starts = List.of(ref.getYear() - 2, ref.getYear() - 1, ref.getYear(), ref.getYear() + 1)
            .stream().map(year -> LocalDate.of(year, season.firstMonth(), 1)).toList();
        LocalDate start = switch (which.toLowerCase(Locale.ROOT)) {
            case "last" -> starts.stream().filter(s -> !s.plusMonths(3).isAfter(ref)).reduce((a, b) -> b).orElseThrow();
            case "next" -> starts.stream().filter(s -> s.isAfter(ref)).findFirst().orElseThrow();
            default -> starts.stream().filter(s -> s.plusMonths(3).isAfter(ref)).findFirst().orElseThrow();
        };
        return new Resolved(start, DatePrecision.SEASON);
    }

    /** The year that puts the month nearest the reference date. */
    private static int nearestYear(Month month, LocalDate ref) {
        int diff = month.getValue() - ref.getMonthValue();
        if (diff > 6) {
            return ref.getYear() - 1;
        }
        if (diff < -6) {
            return ref.getYear() + 1;
        }
        return ref.getYear();
    }

    private static Month month(String name) {
        for (Month month : Month.values()) {
            if (month.getDisplayName(TextStyle.FULL, Locale.UK).equalsIgnoreCase(name)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private record Rule(Pattern pattern, BiFunction<Matcher, LocalDate, Resolved> resolver) {

        Rule(String regex, BiFunction<Matcher, LocalDate, Resolved> resolver) {
            this(Pattern.compile(regex, Pattern.CASE_INSENSITIVE), resolver);
        }
    }

    private record Resolved(LocalDate date, DatePrecision precision) {
    }

    private record Found(int start, int end, Resolved resolved) {
    }
}
