package org.watchbrief.analysis;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.watchbrief.analysis.DatedEvent.Season;
import org.watchbrief.analysis.Sentences.Sentence;

/**
 * Finds dated events in one pass over the text: full dates ("15th March 2021", "7-8 November
 * 2018", "March 15, 2021"), partial ones ("March 2020", "in September", "February of this year",
 * "the summer of 2019", "Q1 2019", "2018/19", "since 2014", "the end of 2027"), seasons ("this
 * winter", "by summer") and relative dates ("today", "yesterday", "earlier this month", "last
 * week", "last year", "the next 18 months", "two years ago"), each resolved against the
 * document's own date.
 *
 * <p>Rules that keep out what is not an event:
 * <ul>
 * <li>a bare year counts only after a preposition ("in 2017", "since 2013"), so names ("the
 * Sexual Offences Act 2003", "Vision 2025") and figures are not dates;</li>
 * <li>a date on a heading or dateline line ("Published 8 September 2026", "Volume 684: debated on
 * Thursday 19 November 2020", or a short title carrying the document's own date) is the
 * document's metadata;</li>
 * <li>of two date expressions side by side that name the same period ("earlier this year, in May",
 * "today (23 February 2011)"), only the more precise is kept;</li>
 * <li>"this year" alone dates nothing: it is the document's own year.</li>
 * </ul>
 * A month or day without a year takes the year the tense of its clause points to: the next one
 * for "will", the last one for "was", else the one nearest the document's date.
 */
final class EventExtractor {

    private static final String MONTH = "January|February|March|April|May|June|July|August|September|October"
            + "|November|December";

    private static final String MONTH_SHORT = MONTH + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";

    private static final String YEAR = "(?:19|20)\\d{2}";

    private static final String DAY = "\\d{1,2}(?:st|nd|rd|th)?";

    private static final String WEEKDAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

    private static final String WEEKDAY = "(?:(?:" + WEEKDAYS + "),?\\s+)?";

    private static final String NUMBER_WORD = "\\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
            + "|eighteen|twenty-four|thirty-six";

    private static final String SEASON = "(?i:spring|summer|autumn|winter)";

    /** Everything in one pattern, so the text is scanned once; each alternative has its own groups. */
    private static final Pattern DATES = Pattern.compile(String.join("|",
            // 3 September 2018, Thursday 16 and 17 November 2015, 04 Aug 2017
            "\\b" + WEEKDAY + "(?<dmyD>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|–|and|to)\\s*" + DAY + ")?\\s+(?:of\\s+)?(?<dmyM>"
                    + MONTH_SHORT + ")\\.?,?\\s+(?<dmyY>" + YEAR + ")\\b",
            // March 15, 2021
            "\\b(?<mdyM>" + MONTH + ")\\s+(?<mdyD>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<mdyY>" + YEAR + ")\\b",
            // 3 September, on 7-8 November
            "\\b" + WEEKDAY + "(?<dmD>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|–|and|to)\\s*" + DAY
                    + ")?\\s+(?:of\\s+)?(?<dmM>" + MONTH_SHORT + ")\\b",
            // the summer of 2019, winter 2018/19
            "\\b(?<syS>" + SEASON + ")\\s+(?:of\\s+)?(?<syY>" + YEAR + ")(?:[/–-]\\d{2,4})?\\b",
            // Q1 2019, the first quarter of 2019
            "\\bQ(?<qN>[1-4])\\s+(?<qY>" + YEAR + ")\\b",
            "\\b(?i:the\\s+)?(?<qO>(?i:first|second|third|fourth|final|last))\\s+(?i:quarter)\\s+(?i:of)\\s+(?:(?<qoY>"
                    + YEAR + ")|(?i:(?<qoR>this|last|next|the)\\s+year))\\b",
            // the end of 2027, the start of this year, the end of March
            "\\b(?i:the\\s+)?(?<seW>(?i:start|beginning|end|middle))\\s+(?i:of)\\s+(?i:the\\s+)?(?:(?<seY>" + YEAR
                    + ")\\b|(?<seR>(?i:this|last|next|the))\\s+(?i:year)\\b|(?<seM>" + MONTH + ")(?:\\s+(?<seMY>" + YEAR
                    + "))?\\b)",
            // February of this year
            "\\b(?<mrM>" + MONTH + ")\\s+(?i:of\\s+)?(?<mrR>(?i:this|last|next))\\s+(?i:year)\\b",
            // from April to July 2019: two months, one year
            "\\b(?<mmA>" + MONTH + ")\\s+(?:to|and|until|-|–)\\s+(?<mmB>" + MONTH + "),?\\s+(?<mmY>" + YEAR + ")\\b",
            // March 2020
            "\\b(?<myM>" + MONTH_SHORT + ")\\.?,?\\s+(?<myY>" + YEAR + ")\\b",
            // 2018/19, 2018-19, financial year 2018 to 2019
            "\\b(?<fyA>" + YEAR + ")\\s*(?:/|–|-|\\s+to\\s+)\\s*(?<fyB>\\d{4}|\\d{2})\\b(?![/–-]\\d)(?!\\s+prices)",
            // in September, late September, this March
            "\\b(?<pmP>(?i:in|since|during|from|by|until|till|before|after|early|late|mid-?|last|next|this|throughout"
                    + "|around|on|of))\\s+(?<pmM>" + MONTH + ")\\b",
            // this winter, by summer, in the spring
            "\\b(?<srP>(?i:this|last|next|the|by|during|in\\s+the|over\\s+the|until|until\\s+the|from|early|late))\\s+"
                    + "(?<srS>" + SEASON + ")\\b",
            // in 2017, since 2013
            "\\b(?i:in|since|during|from|by|until|till|before|after|throughout|early|late|mid-?)\\s+(?<pyY>" + YEAR
                    + ")\\b(?![/–-]\\d)(?!\\s+prices)",
            // this financial year
            "\\b(?<fyR>(?i:this|last|next|the\\s+current|the\\s+previous|the\\s+next))\\s+(?<fyK>(?i:financial|fiscal"
                    + "|academic|school))\\s+(?i:year)\\b",
            // on Wednesday, last Friday
            "\\b(?<wdP>(?i:on|last|next|this))\\s+(?<wd>" + WEEKDAYS + ")\\b(?!,?\\s+\\d)",
            // today, yesterday, tomorrow
            "\\b(?<dayRel>(?i:today|yesterday|tomorrow))\\b(?!['’]s)",
            // earlier this month, last week, next year
            "\\b(?<rel>(?i:(?:earlier|later)\\s+this|last|next|this))\\s+(?<relU>(?i:week|month|year))\\b",
            // two years ago
            "\\b(?<agoN>(?i:" + NUMBER_WORD + "))\\s+(?<agoU>(?i:weeks?|months?|years?))\\s+(?i:ago)\\b",
            // the next 18 months, within 12 months, will have three months
            "\\b(?i:(?:in|within|over|for)\\s+the\\s+next|the\\s+next|next|within|in|have|has)\\s+(?<hN>(?i:"
                    + NUMBER_WORD + "))\\s+(?<hU>(?i:months|weeks))\\b(?!['’]?\\s+(?i:of|worth))"));

    private static final Map<String, Integer> NUMBERS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2),
            Map.entry("three", 3), Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6),
            Map.entry("seven", 7), Map.entry("eight", 8), Map.entry("nine", 9), Map.entry("ten", 10),
            Map.entry("eleven", 11), Map.entry("twelve", 12), Map.entry("eighteen", 18), Map.entry("twenty-four", 24),
            Map.entry("thirty-six", 36));

    private static final Pattern FUTURE = Pattern.compile(
            "\\b(?:will|shall|going to|plans? to|intends? to|is due|are due|expected to|aims? to|upcoming|forthcoming"
                    + "|deadline|closes)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PAST = Pattern.compile(
            "\\b(?:was|were|had|has been|have been|did|announced|launched|published|held|hosted|took place|came into"
                    + "|ago|began|started|opened|introduced|set up|became)\\b",
            Pattern.CASE_INSENSITIVE);

    /** What a dateline line holds besides its date: "Published", "Volume 684: debated on". */
    private static final Pattern DATELINE = Pattern.compile(
            "^[\\s\\p{Punct}*_#]*(?:(?:volume\\s+\\d+:?\\s*)?(?:debated|published|updated|last\\s+updated|posted"
                    + "|asked|answered|tabled|released|dated|issued|first\\s+published)(?:\\s+on)?:?)?[\\s\\p{Punct}*_]*$",
            Pattern.CASE_INSENSITIVE);

    /** A dateline's verb just before its date: "Home Office written question – answered on". */
    private static final Pattern DATELINE_VERB = Pattern.compile(
            "\\b(?:debated|published|updated|posted|asked|answered|tabled|released|issued)(?:\\s+on)?:?\\s*$",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern URL = Pattern.compile("\\bhttps?://\\S+|\\bwww\\.\\S+");

    private static final int HEADING_MAX_WORDS = 12;

    private static final int EVENT_MAX = 200;

    /** A date found, where it is in the text, and its event. */
    record Found(int start, int end, DatedEvent event) {
    }

    private record Resolved(LocalDate date, DatePrecision precision) {

        /** The first day after the period. */
        LocalDate endExclusive() {
            return switch (precision) {
                case DAY -> date.plusDays(1);
                case MONTH -> date.plusMonths(1);
                case SEASON, QUARTER -> date.plusMonths(3);
                case YEAR -> date.plusYears(1);
            };
        }

        boolean within(Resolved other) {
            return !date.isBefore(other.date) && !endExclusive().isAfter(other.endExclusive());
        }
    }

    /**
     * A date expression found.
     *
     * @param explicit whether the words state the year ("April 2017"), rather than the year being
     *     inferred ("in April"); of overlapping expressions an explicit one wins
     */
    private record Candidate(int start, int end, Resolved resolved, boolean explicit) {
    }

    List<Found> find(String text, List<Sentence> sentences, LocalDate reference) {
        List<Candidate> candidates = new ArrayList<>();
        Matcher m = DATES.matcher(text);
        List<String> daysSeen = new ArrayList<>();
        // resume one character on, not after the match: "in April" must not hide "April 2017"
        for (int from = 0; from < text.length() && m.find(from); from = m.start() + 1) {
            if (m.group("dayRel") != null) {
                if (!isDay(m, text, daysSeen)) {
                    continue;
                }
                daysSeen.add(m.group("dayRel").toLowerCase(Locale.ROOT));
            }
            if (m.group("mmA") != null) {
                // "from April to July 2019": April 2019 and July 2019
                int year = year(m.group("mmY"));
                candidates.add(new Candidate(m.start("mmA"), m.end("mmA"), month(year, month(m.group("mmA"))), true));
                candidates.add(new Candidate(m.start("mmB"), m.end(), month(year, month(m.group("mmB"))), true));
                continue;
            }
            Resolved resolved = resolve(m, text, sentences, reference);
            if (resolved != null) {
                candidates.add(new Candidate(m.start(), m.end(), resolved, explicit(m)));
            }
        }
        List<Candidate> kept = once(mergeAdjacent(text, longestFirst(candidates)));
        List<int[]> urls = urls(text);
        List<Found> found = new ArrayList<>();
        for (Candidate c : kept) {
            if (insideUrl(urls, c.start()) || onMetadataLine(text, c, reference)) {
                continue;
            }
            Sentence sentence = Sentences.at(sentences, c.start());
            found.add(new Found(c.start(), c.end(), new DatedEvent(c.resolved().date(), c.resolved().precision(),
                    Sentences.collapse(text.substring(c.start(), c.end())), describe(sentence, text, c))));
        }
        return found;
    }

    /**
     * Whether "today", "yesterday" or "tomorrow" dates something: not a name ("the BBC Today
     * programme"), not the start of a span whose end is the event ("from today, services will
     * have three months"), and each once: every "today" of a document is the same day.
     */
    private static boolean isDay(Matcher m, String text, List<String> seen) {
        String word = m.group("dayRel");
        String before = text.substring(Math.max(0, m.start() - 5), m.start());
        boolean sentenceStart = before.isBlank() || before.strip().matches(".*[.!?:\"“‘(]$");
        if (Character.isUpperCase(word.charAt(0)) && !sentenceStart) {
            return false;
        }
        return !seen.contains(word.toLowerCase(Locale.ROOT)) && !before.toLowerCase(Locale.ROOT).endsWith("from ");
    }

    /** Whether the words themselves state the year. */
    private static boolean explicit(Matcher m) {
        for (String group : List.of("dmyY", "mdyY", "syY", "qY", "qoY", "seY", "seMY", "mrR", "myY", "fyA", "pyY")) {
            if (m.group(group) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * A day written out with its year twice ("introduced today (3 April 2017)" in a summary and
     * again in the body) is one occasion reported twice: kept once. Months, years and relative
     * dates are left alone: "April 2019" twice may be two events of that month.
     */
    private static List<Candidate> once(List<Candidate> candidates) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            if (!c.explicit() || c.resolved().precision() != DatePrecision.DAY
                    || kept.stream().noneMatch(k -> k.explicit() && k.resolved().equals(c.resolved()))) {
                kept.add(c);
            }
        }
        return kept;
    }

    /**
     * Of overlapping expressions, one that states its year ("September 2018" over "since
     * September"), else the longest ("February of this year" over "in February").
     */
    private static List<Candidate> longestFirst(List<Candidate> candidates) {
        List<Candidate> bySize = new ArrayList<>(candidates);
        bySize.sort(Comparator.comparing(Candidate::explicit).reversed()
            .thenComparing(Comparator.comparingInt((Candidate c) -> c.end() - c.start()).reversed())
            .thenComparingInt(Candidate::start));
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : bySize) {
            if (kept.stream().noneMatch(k -> k.start() < c.end() && c.start() < k.end())) {
                kept.add(c);
            }
        }
        kept.sort(Comparator.comparingInt(Candidate::start));
        return kept;
    }

    /** "Earlier this year, in May": two expressions side by side, one within the other: the precise one. */
    private static List<Candidate> mergeAdjacent(String text, List<Candidate> candidates) {
        List<Candidate> merged = new ArrayList<>();
        for (Candidate c : candidates) {
            Candidate previous = merged.isEmpty() ? null : merged.get(merged.size() - 1);
            if (previous != null && text.substring(previous.end(), c.start()).matches("[\\s,(–-]*(?:in|on|of)?[\\s(]*")) {
                if (c.resolved().within(previous.resolved())) {
                    merged.set(merged.size() - 1, c);
                    continue;
                }
                if (previous.resolved().within(c.resolved())) {
                    continue;
                }
            }
            merged.add(c);
        }
        return merged;
    }

    private static Resolved resolve(Matcher m, String text, List<Sentence> sentences, LocalDate ref) {
        try {
            if (m.group("dmyD") != null) {
                return day(year(m.group("dmyY")), month(m.group("dmyM")), m.group("dmyD"));
            }
            if (m.group("mdyM") != null) {
                return day(year(m.group("mdyY")), month(m.group("mdyM")), m.group("mdyD"));
            }
            if (m.group("dmD") != null) {
                Month month = month(m.group("dmM"));
                return day(yearFor(month, tense(m, text, sentences), ref), month, m.group("dmD"));
            }
            if (m.group("syS") != null) {
                return season(Season.valueOf(m.group("syS").toUpperCase(Locale.ROOT)), year(m.group("syY")));
            }
            if (m.group("qN") != null) {
                return quarter(year(m.group("qY")), Integer.parseInt(m.group("qN")));
            }
            if (m.group("qO") != null) {
                int year = m.group("qoY") != null ? year(m.group("qoY")) : relativeYear(m.group("qoR"), ref);
                return quarter(year, List.of("first", "second", "third", "fourth")
                    .indexOf(m.group("qO").toLowerCase(Locale.ROOT)) + 1);
            }
            if (m.group("seW") != null) {
                return periodEdge(m, ref);
            }
            if (m.group("mrM") != null) {
                return month(relativeYear(m.group("mrR"), ref), month(m.group("mrM")));
            }
            if (m.group("myM") != null) {
                return month(year(m.group("myY")), month(m.group("myM")));
            }
            if (m.group("fyA") != null) {
                return financialYear(m.group("fyA"), m.group("fyB"));
            }
            if (m.group("pmM") != null) {
                return monthWithoutYear(m, text, sentences, ref);
            }
            if (m.group("srS") != null) {
                return relativeSeason(m, text, sentences, ref);
            }
            if (m.group("pyY") != null) {
                return year(year(m.group("pyY")));
            }
            if (m.group("fyR") != null) {
                return relativeSchoolOrFinancialYear(m.group("fyR"), m.group("fyK"), ref);
            }
            if (m.group("wd") != null) {
                return weekday(m, text, sentences, ref);
            }
            if (m.group("dayRel") != null) {
                return new Resolved(switch (m.group("dayRel").toLowerCase(Locale.ROOT)) {
                    case "yesterday" -> ref.minusDays(1);
                    case "tomorrow" -> ref.plusDays(1);
                    default -> ref;
                }, DatePrecision.DAY);
            }
            if (m.group("rel") != null) {
                String which = m.group("rel").toLowerCase(Locale.ROOT);
                String unit = m.group("relU").toLowerCase(Locale.ROOT);
                if (which.equals("this") && unit.equals("year")) {
                    // "this year" alone is the document's own year, unless something will happen in it
                    return tense(m, text, sentences) == Tense.FUTURE ? year(ref.getYear()) : null;
                }
                return relative(which, unit, ref);
            }
            if (m.group("agoN") != null) {
                int n = number(m.group("agoN"));
                String unit = m.group("agoU").toLowerCase(Locale.ROOT);
                return unit.startsWith("year") ? year(ref.getYear() - n)
                        : month(unit.startsWith("week") ? ref.minusWeeks(n) : ref.minusMonths(n));
            }
            if (m.group("hN") != null) {
                int n = number(m.group("hN"));
                return month(m.group("hU").toLowerCase(Locale.ROOT).startsWith("week") ? ref.plusWeeks(n)
                        : ref.plusMonths(n));
            }
            return null;
        }
        catch (DateTimeException | IllegalArgumentException notADate) {
            return null; // "31 February", "2010 to 2015"
        }
    }

    private enum Tense {
        PAST, FUTURE, UNKNOWN
    }

    /**
     * The tense of the clause a date stands in: only future markers, only past ones, or neither
     * or both ("In November, I co-hosted": the clause "In November" has no tense of its own).
     */
    private static Tense tense(Matcher m, String text, List<Sentence> sentences) {
        Sentence sentence = Sentences.at(sentences, m.start());
        int from = Math.min(sentence.start(), m.start());
        int to = Math.max(sentence.end(), m.end());
        int clauseStart = m.start();
        while (clauseStart > from && ",;:(".indexOf(text.charAt(clauseStart - 1)) < 0) {
            clauseStart--;
        }
        int clauseEnd = m.end();
        while (clauseEnd < to && ",;:)".indexOf(text.charAt(clauseEnd)) < 0) {
            clauseEnd++;
        }
        return tense(text.substring(clauseStart, clauseEnd));
    }

    private static Tense tense(String words) {
        boolean future = FUTURE.matcher(words).find();
        boolean past = PAST.matcher(words).find();
        return future == past ? Tense.UNKNOWN : future ? Tense.FUTURE : Tense.PAST;
    }

    /** The year of a month named without one: the next for the future, the last for the past, else the nearest. */
    private static int yearFor(Month month, Tense tense, LocalDate ref) {
        int diff = month.getValue() - ref.getMonthValue();
        return switch (tense) {
            case FUTURE -> diff >= 0 ? ref.getYear() : ref.getYear() + 1;
            case PAST -> diff <= 0 ? ref.getYear() : ref.getYear() - 1;
            case UNKNOWN -> diff > 6 ? ref.getYear() - 1 : diff < -6 ? ref.getYear() + 1 : ref.getYear();
        };
    }

    private static Resolved monthWithoutYear(Matcher m, String text, List<Sentence> sentences, LocalDate ref) {
        Month month = month(m.group("pmM"));
        String lead = m.group("pmP").toLowerCase(Locale.ROOT);
        int year = switch (lead) {
            case "last" -> month.getValue() < ref.getMonthValue() ? ref.getYear() : ref.getYear() - 1;
            case "next" -> month.getValue() > ref.getMonthValue() ? ref.getYear() : ref.getYear() + 1;
            case "this" -> ref.getYear();
            default -> yearFor(month, tense(m, text, sentences), ref);
        };
        return month(year, month);
    }

    /**
     * "this winter": the season under way at the reference date, else the next one (the last one
     * when the sentence speaks of the past); "next": the first to start after it; "last": the
     * latest to end before it.
     */
    private static Resolved relativeSeason(Matcher m, String text, List<Sentence> sentences, LocalDate ref) {
        Season season = Season.valueOf(m.group("srS").toUpperCase(Locale.ROOT));
        String lead = m.group("srP").toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<LocalDate> starts = new ArrayList<>();
        for (int year = ref.getYear() - 2; year <= ref.getYear() + 1; year++) {
            starts.add(LocalDate.of(year, season.firstMonth(), 1));
        }
        LocalDate current = starts.stream().filter(s -> !s.isAfter(ref) && s.plusMonths(3).isAfter(ref)).findFirst()
            .orElse(null);
        LocalDate next = starts.stream().filter(s -> s.isAfter(ref)).findFirst().orElseThrow();
        LocalDate last = starts.stream().filter(s -> !s.plusMonths(3).isAfter(ref)).reduce((a, b) -> b).orElseThrow();
        LocalDate start = switch (lead) {
            case "last" -> last;
            case "next" -> next;
            default -> current != null ? current : tense(m, text, sentences) == Tense.PAST ? last : next;
        };
        return new Resolved(start, DatePrecision.SEASON);
    }

    /** The start of a year is its first quarter; the end of a year its December; of a month, the month. */
    private static Resolved periodEdge(Matcher m, LocalDate ref) {
        String edge = m.group("seW").toLowerCase(Locale.ROOT);
        if (m.group("seM") != null) {
            Month month = month(m.group("seM"));
            int year = m.group("seMY") != null ? year(m.group("seMY")) : yearFor(month, Tense.UNKNOWN, ref);
            return month(year, month);
        }
        int year = m.group("seY") != null ? year(m.group("seY")) : relativeYear(m.group("seR"), ref);
        return switch (edge) {
            case "start", "beginning" -> quarter(year, 1);
            case "end" -> month(year, Month.DECEMBER);
            default -> year(year);
        };
    }

    private static Resolved relative(String which, String unit, LocalDate ref) {
        int step = which.equals("last") ? -1 : which.equals("next") ? 1 : 0;
        return switch (unit) {
            case "week" -> month(ref.plusWeeks(step));
            case "month" -> month(ref.plusMonths(step));
            default -> which.equals("this") ? null : year(ref.getYear() + step);
        };
    }

    /** "This financial year" starts in April, an academic year in September; dated by the year it starts. */
    private static Resolved relativeSchoolOrFinancialYear(String which, String kind, LocalDate ref) {
        Month first = kind.toLowerCase(Locale.ROOT).matches("academic|school") ? Month.SEPTEMBER : Month.APRIL;
        int current = ref.getMonthValue() >= first.getValue() ? ref.getYear() : ref.getYear() - 1;
        String lower = which.toLowerCase(Locale.ROOT);
        int step = lower.endsWith("last") || lower.endsWith("previous") ? -1 : lower.endsWith("next") ? 1 : 0;
        return year(current + step);
    }

    /** "On Wednesday": the nearest Wednesday the tense allows; "last"/"next": the one before or after. */
    private static Resolved weekday(Matcher m, String text, List<Sentence> sentences, LocalDate ref) {
        java.time.DayOfWeek day = java.time.DayOfWeek.valueOf(m.group("wd").toUpperCase(Locale.ROOT));
        LocalDate before = ref.with(java.time.temporal.TemporalAdjusters.previousOrSame(day));
        LocalDate after = ref.with(java.time.temporal.TemporalAdjusters.nextOrSame(day));
        String which = m.group("wdP").toLowerCase(Locale.ROOT);
        LocalDate date = switch (which) {
            case "last" -> ref.with(java.time.temporal.TemporalAdjusters.previous(day));
            case "next" -> ref.with(java.time.temporal.TemporalAdjusters.next(day));
            default -> switch (tense(m, text, sentences)) {
                case FUTURE -> after;
                case PAST -> before;
                case UNKNOWN -> ref.toEpochDay() - before.toEpochDay() <= after.toEpochDay() - ref.toEpochDay() ? before
                        : after;
            };
        };
        return new Resolved(date, DatePrecision.DAY);
    }

    /** 2018/19 is dated by its first year; "2010 to 2015" is no financial year. */
    private static Resolved financialYear(String first, String second) {
        int a = Integer.parseInt(first);
        int b = Integer.parseInt(second);
        boolean next = second.length() == 2 ? b == (a + 1) % 100 : b == a + 1;
        return next ? year(a) : null;
    }

    private static int relativeYear(String which, LocalDate ref) {
        return switch (which.toLowerCase(Locale.ROOT)) {
            case "last" -> ref.getYear() - 1;
            case "next" -> ref.getYear() + 1;
            default -> ref.getYear();
        };
    }

    private static int number(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return NUMBERS.containsKey(lower) ? NUMBERS.get(lower) : Integer.parseInt(lower);
    }

    private static int year(String year) {
        return Integer.parseInt(year);
    }

    private static Resolved day(int year, Month month, String day) {
        return new Resolved(LocalDate.of(year, month, Integer.parseInt(day.replaceAll("\\D", ""))), DatePrecision.DAY);
    }

    private static Resolved month(int year, Month month) {
        return new Resolved(LocalDate.of(year, month, 1), DatePrecision.MONTH);
    }

    private static Resolved month(LocalDate day) {
        return month(day.getYear(), day.getMonth());
    }

    private static Resolved year(int year) {
        return new Resolved(LocalDate.of(year, 1, 1), DatePrecision.YEAR);
    }

    private static Resolved season(Season season, int year) {
        return new Resolved(LocalDate.of(year, season.firstMonth(), 1), DatePrecision.SEASON);
    }

    private static Resolved quarter(int year, int quarter) {
        if (quarter < 1 || quarter > 4) {
            throw new IllegalArgumentException("no quarter " + quarter);
        }
        return new Resolved(LocalDate.of(year, (quarter - 1) * 3 + 1, 1), DatePrecision.QUARTER);
    }

    private static Month month(String name) {
        String prefix = name.substring(0, 3).toLowerCase(Locale.ROOT);
        for (Month month : Month.values()) {
            if (month.name().toLowerCase(Locale.ROOT).startsWith(prefix)) {
                return month;
            }
        }
        throw new IllegalArgumentException("not a month: " + name);
    }

    private static List<int[]> urls(String text) {
        List<int[]> urls = new ArrayList<>();
        if (text.contains("http") || text.contains("www.")) {
            Matcher m = URL.matcher(text);
            while (m.find()) {
                urls.add(new int[] { m.start(), m.end() });
            }
        }
        return urls;
    }

    private static boolean insideUrl(List<int[]> urls, int offset) {
        return urls.stream().anyMatch(u -> offset >= u[0] && offset < u[1]);
    }

    /**
     * Whether a date sits on a dateline ("Published 8 September 2026") or on a short heading that
     * carries the document's own date ("Home Office in the media: 11 August"): metadata, not an event.
     */
    private static boolean onMetadataLine(String text, Candidate c, LocalDate reference) {
        int lineStart = text.lastIndexOf('\n', c.start()) + 1;
        int lineEnd = text.indexOf('\n', c.end());
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        String rest = line.substring(0, c.start() - lineStart) + " " + line.substring(c.end() - lineStart);
        if (DATELINE.matcher(rest).matches() || (DATELINE_VERB.matcher(line.substring(0, c.start() - lineStart)).find()
                && line.strip().split("\\s+").length <= HEADING_MAX_WORDS)) {
            return true;
        }
        boolean heading = !line.strip().matches(".*[.!?:;][\"”’)]*$") && line.strip().split("\\s+").length
                <= HEADING_MAX_WORDS;
        return heading && Math.abs(c.resolved().date().toEpochDay() - reference.toEpochDay()) <= 7;
    }

    /** The event: the date's sentence, without a leading date phrase, cut to a readable length. */
    private static String describe(Sentence sentence, String text, Candidate c) {
        String words = sentence.text();
        String date = Sentences.collapse(text.substring(c.start(), c.end()));
        if (words.startsWith(date) || words.regionMatches(true, 0, "On " + date, 0, date.length() + 3)
                || words.regionMatches(true, 0, "In " + date, 0, date.length() + 3)) {
            String rest = words.substring(words.indexOf(date) + date.length()).replaceFirst("^[\\s,]+", "");
            if (!rest.isEmpty()) {
                words = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        if (words.length() <= EVENT_MAX) {
            return words;
        }
        int cut = words.lastIndexOf(' ', EVENT_MAX - 1);
        return words.substring(0, cut > 0 ? cut : EVENT_MAX - 1).strip() + "…";
    }
}
