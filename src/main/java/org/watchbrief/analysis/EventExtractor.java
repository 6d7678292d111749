package org.watchbrief.analysis;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.watchbrief.analysis.DatedEvent.Season;
import org.watchbrief.analysis.Sentences.Sentence;

/**
 * Finds dated events, trying its precompiled forms only where a date can start: full dates
 * ("15th March 2021", "7-8 November 2018", "March 15, 2021"), partial ones ("March 2020", "in
 * September", "February of this year", "the summer of 2019", "Q1 2019", "2018/19", "since
 * 2014", "the end of 2027"), seasons ("this winter", "by summer") and relative dates ("today",
 * "yesterday", "earlier this month", "last week", "last year", "the next 18 months", "two years
 * ago"), each resolved against the document's own date.
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

    private static final String SEASON = "(?i:spring|summer|autumn|winter)";

    private static final String NUMBER_WORDS = "one two three four five six seven eight nine ten eleven twelve "
            + "eighteen twenty-four thirty-six";

    private static final String NUMBER_WORD = "\\d{1,2}|" + NUMBER_WORDS.replace(' ', '|');

    /** Words before a month without its year: "in September", "late September", "this March". */
    private static final String MONTH_LEADS = "in since during from by until till before after early late mid "
            + "last next this throughout around on of";

    /** Words before a year that make it a date: "in 2017", "since 2013". */
    private static final String YEAR_LEADS = "in since during from by until till before after throughout early late "
            + "mid";

    /** The facts a date is resolved against. */
    private record Context(String text, Sentences sentences, LocalDate reference) {
    }

    @FunctionalInterface
    private interface Resolver {

        /** The date the match names; {@code null} when it names none ("2010 to 2015"). */
        Resolved resolve(Matcher m, Context c);
    }

    /**
     * One form of date: its pattern (tried only at the start of a word, so it needs no leading
     * word boundary), the words it can start with ({@code "#"} for a number), whether it states
     * its year, and how it resolves.
     */
    private record Form(Pattern pattern, Set<String> firstWords, boolean explicit, Resolver resolver) {

        Form(String regex, String firstWords, boolean explicit, Resolver resolver) {
            this(Pattern.compile(regex), Set.of(firstWords.split(" ")), explicit, resolver);
        }
    }

    private static final String MONTH_WORDS = "january february march april may june july august september october "
            + "november december";

    private static final String SHORT_MONTH_WORDS = MONTH_WORDS + " jan feb mar apr jun jul aug sept sep oct nov dec";

    /** From April to July 2019: two months, one year (see find). */
    private static final Form MONTH_RANGE = new Form("(?<a>" + MONTH + ")\\s+(?:to|and|until|-|–)\\s+(?<b>" + MONTH
            + "),?\\s+(?<y>" + YEAR + ")\\b", MONTH_WORDS, true,
            (m, c) -> month(year(m.group("y")), month(m.group("b"))));

    /** Today, yesterday, tomorrow (see isDay). */
    private static final Form DAY_WORD = new Form("(?<w>(?i:today|yesterday|tomorrow))\\b(?!['’]s)",
            "today yesterday tomorrow", false, (m, c) -> new Resolved(switch (m.group("w").toLowerCase(Locale.ROOT)) {
                case "yesterday" -> c.reference().minusDays(1);
                case "tomorrow" -> c.reference().plusDays(1);
                default -> c.reference();
            }, DatePrecision.DAY));

    /** This morning, last night, tonight: the document's day, or the day before. */
    private static final Form PART_OF_DAY = new Form("(?:(?<p>(?i:this|last))\\s+(?i:morning|afternoon|evening|night)"
            + "|(?i:tonight))\\b", "this last tonight", false,
            (m, c) -> new Resolved("last".equalsIgnoreCase(m.group("p")) ? c.reference().minusDays(1) : c.reference(),
                    DatePrecision.DAY));

    /** In the new year: the next calendar year when said in its second half, else this one. */
    private static final Form NEW_YEAR = new Form("(?i:(?:early\\s+)?in|by|from|after)\\s+the\\s+(?i:new)\\s+"
            + "(?i:year)\\b(?!['’]s)", "in by from after early", false,
            (m, c) -> year(c.reference().getYear() + (c.reference().getMonthValue() >= 7 ? 1 : 0)));

    /** The forms, in the order they are tried at one word: the first that matches there wins. */
    private static final List<Form> FORMS = List.of(
            // 3 September 2018, 16 and 17 November 2015, 04 Aug 2017
            new Form("(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|–|and|to)\\s*" + DAY + ")?\\s+(?:of\\s+)?(?<m>"
                    + MONTH_SHORT + ")\\.?,?\\s+(?<y>" + YEAR + ")\\b", "#", true,
                    (m, c) -> day(year(m.group("y")), month(m.group("m")), m.group("d"))),
            // March 15, 2021
            new Form("(?<m>" + MONTH + ")\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>" + YEAR + ")\\b", MONTH_WORDS,
                    true, (m, c) -> day(year(m.group("y")), month(m.group("m")), m.group("d"))),
            // 3 September, on 7-8 November: the year the tense points to
            new Form("(?<d>\\d{1,2})(?:st|nd|rd|th)?(?:\\s*(?:-|–|and|to)\\s*" + DAY + ")?\\s+(?:of\\s+)?(?<m>"
                    + MONTH_SHORT + ")\\b", "#", false, (m, c) -> {
                        Month month = month(m.group("m"));
                        return day(yearFor(month, tense(m, c), c.reference()), month, m.group("d"));
                    }),
            // the summer of 2019, winter 2018/19
            new Form("(?i:the\\s+)?(?<s>" + SEASON + ")\\s+(?:of\\s+)?(?<y>" + YEAR + ")(?:[/–-]\\d{2,4})?\\b",
                    "the spring summer autumn winter", true,
                    (m, c) -> season(Season.valueOf(m.group("s").toUpperCase(Locale.ROOT)), year(m.group("y")))),
            // Q1 2019
            new Form("Q(?<q>[1-4])\\s+(?<y>" + YEAR + ")\\b", "q1 q2 q3 q4", true,
                    (m, c) -> quarter(year(m.group("y")), Integer.parseInt(m.group("q")))),
            // the first quarter of 2019, the last quarter of this year
            new Form("(?i:the\\s+)?(?<o>(?i:first|second|third|fourth|final|last))\\s+(?i:quarter)\\s+(?i:of)\\s+"
                    + "(?:(?<y>" + YEAR + ")|(?i:(?<r>this|last|next|the)\\s+year))\\b",
                    "the first second third fourth final last", true, (m, c) -> {
                        int year = m.group("y") != null ? year(m.group("y"))
                                : relativeYear(m.group("r"), c.reference());
                        int ordinal = List.of("first", "second", "third", "fourth").indexOf(m.group("o")
                            .toLowerCase(Locale.ROOT)) + 1;
                        return quarter(year, ordinal == 0 ? 4 : ordinal);
                    }),
            // the end of 2027, the start of this year, the end of March
            new Form("(?i:the\\s+)?(?<w>(?i:start|beginning|end|middle))\\s+(?i:of)\\s+(?i:the\\s+)?(?:(?<y>" + YEAR
                    + ")\\b(?![/–-]\\d)|(?<r>(?i:this|last|next|the))\\s+(?i:year)\\b|(?<m>" + MONTH
                    + ")(?:\\s+(?<my>" + YEAR + "))?\\b)", "the start beginning end middle", true,
                    EventExtractor::periodEdge),
            // February of this year
            new Form("(?<m>" + MONTH + ")\\s+(?i:of\\s+)?(?<r>(?i:this|last|next))\\s+(?i:year)\\b", MONTH_WORDS, true,
                    (m, c) -> month(relativeYear(m.group("r"), c.reference()), month(m.group("m")))),
            MONTH_RANGE,
            // March 2020
            new Form("(?<m>" + MONTH_SHORT + ")\\.?,?\\s+(?<y>" + YEAR + ")\\b", SHORT_MONTH_WORDS, true,
                    (m, c) -> month(year(m.group("y")), month(m.group("m")))),
            // 2018/19, 2018-19, 2018 to 2019 (not "in 2018/19 prices", a price base)
            new Form("(?<a>" + YEAR + ")\\s*(?:/|–|-|\\s+to\\s+)\\s*(?<b>\\d{4}|\\d{2})\\b(?![/–-]\\d)"
                    + "(?!\\s+prices)", "#", true, (m, c) -> financialYear(m.group("a"), m.group("b"))),
            // in September, late September, this March
            new Form("(?<p>(?i:" + MONTH_LEADS.replace(' ', '|') + "))\\s+(?<m>" + MONTH + ")\\b", MONTH_LEADS, false,
                    EventExtractor::monthWithoutYear),
            // this winter, by summer, in the spring
            new Form("(?<p>(?i:this|last|next|the|by|during|in\\s+the|over\\s+the|until|until\\s+the|from|early|late))"
                    + "\\s+(?<s>" + SEASON + ")\\b", "this last next the by during in over until from early late",
                    false, EventExtractor::relativeSeason),
            // in 2017, since 2013 (a bare year is no date: "the Sexual Offences Act 2003")
            new Form("(?i:" + YEAR_LEADS.replace(' ', '|') + ")\\s+(?<y>" + YEAR + ")\\b(?![/–-]\\d)(?!\\s+prices)",
                    YEAR_LEADS, true, (m, c) -> year(year(m.group("y")))),
            // this financial year
            new Form("(?<r>(?i:this|last|next|the\\s+current|the\\s+previous|the\\s+next))\\s+(?<k>(?i:financial"
                    + "|fiscal|academic|school))\\s+(?i:year)\\b", "this last next the", false,
                    (m, c) -> relativeSchoolOrFinancialYear(m.group("r"), m.group("k"), c.reference())),
            // on Wednesday, last Friday
            new Form("(?<p>(?i:on|last|next|this))\\s+(?<w>" + WEEKDAYS + ")\\b(?!,?\\s+\\d)", "on last next this",
                    false, EventExtractor::weekday),
            DAY_WORD,
            PART_OF_DAY,
            NEW_YEAR,
            // earlier this month, last week, next year
            new Form("(?<r>(?i:(?:earlier|later)\\s+this|last|next|this))\\s+(?<u>(?i:week|month|year))\\b",
                    "earlier later last next this", false, EventExtractor::relative),
            // two years ago
            new Form("(?<n>(?i:" + NUMBER_WORD + "))\\s+(?<u>(?i:weeks?|months?|years?))\\s+(?i:ago)\\b",
                    "# twenty thirty " + NUMBER_WORDS, false, (m, c) -> {
                        int n = number(m.group("n"));
                        String unit = m.group("u").toLowerCase(Locale.ROOT);
                        LocalDate ref = c.reference();
                        return unit.startsWith("year") ? year(ref.getYear() - n)
                                : month(unit.startsWith("week") ? ref.minusWeeks(n) : ref.minusMonths(n));
                    }),
            // the next 18 months, within 12 months, will have three months
            new Form("(?i:(?:in|within|over|for)\\s+the\\s+next|the\\s+next|next|within|in|have|has)\\s+(?<n>(?i:"
                    + NUMBER_WORD + "))\\s+(?<u>(?i:months|weeks))\\b(?!['’]?\\s+(?i:of|worth))",
                    "in within over for the next have has", false, (m, c) -> {
                        int n = number(m.group("n"));
                        LocalDate ref = c.reference();
                        return month(m.group("u").toLowerCase(Locale.ROOT).startsWith("week") ? ref.plusWeeks(n)
                                : ref.plusMonths(n));
                    }));

    /** Each thread's matchers, one per form, reset for each text rather than made anew. */
    private static final ThreadLocal<Map<Form, Matcher>> MATCHERS = ThreadLocal
        .withInitial(IdentityHashMap::new);

    /** For each word a date can start with, the forms that can start there, in order. */
    private static final Map<String, List<Form>> FORMS_BY_FIRST_WORD = formsByFirstWord();

    private static Map<String, List<Form>> formsByFirstWord() {
        Map<String, List<Form>> byWord = new HashMap<>();
        for (Form form : FORMS) {
            for (String word : form.firstWords()) {
                byWord.computeIfAbsent(word, w -> new ArrayList<>()).add(form);
            }
        }
        byWord.replaceAll((w, forms) -> List.copyOf(forms));
        return byWord; // read-only once built
    }

    /**
     * Words a date expression is built round, each mapped to whether it anchors one only when
     * written with its capital ("May", not "may").
     */
    private static final Map<String, Boolean> ANCHORS = anchors();

    private static Map<String, Boolean> anchors() {
        Map<String, Boolean> anchors = new HashMap<>();
        for (String calendar : (SHORT_MONTH_WORDS + " monday tuesday wednesday thursday friday saturday sunday q1 q2 "
                + "q3 q4").split(" ")) {
            anchors.put(calendar, true);
        }
        for (String word : ("spring summer autumn winter today yesterday tomorrow tonight new earlier later last next "
                + "this start beginning end middle first second third fourth final current previous twenty thirty "
                + NUMBER_WORDS).split(" ")) {
            anchors.put(word, false);
        }
        return anchors; // a HashMap, read-only once built: faster to look up than Map.copyOf's

    }

    /** Words that may open a date expression before its anchor ("in", "the", "until"). */
    private static final Set<String> FIRST_WORDS = Set.of(("in since during from by until till before after early "
            + "late mid throughout around on of the over within for have has this last next earlier later").split(" "));

    /** How many words before an anchor a date expression may start ("over the next 18 months"). */
    private static final int LEAD_WORDS = 2;

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
                    + "|asked|answered|tabled|released|dated|issued|first\\s+published)(?:\\s+on)?:?)?"
                    + "[\\s\\p{Punct}*_]*$",
            Pattern.CASE_INSENSITIVE);

    /**
     * A dateline's verb just before its full date: "Home Office written question – answered on",
     * not a sentence's "the report was published on".
     */
    private static final Pattern DATELINE_VERB = Pattern.compile(
            "(?<!\\b(?:was|were|is|are|be|been|being|will|has|have|had)\\s)"
                    + "\\b(?:debated|published|updated|posted|asked|answered|tabled|released|issued)(?:\\s+on)?:?\\s*$",
            Pattern.CASE_INSENSITIVE);

    /** Relative words whose repetitions are each their own event ("last month", "this morning"). */
    private static final Pattern DAY_WORDS = Pattern.compile(
            "(?i:today|yesterday|tomorrow|tonight|this|last|next|earlier|later|the|in|on|from|by)\\b");

    /** A speaker's words about the speech itself: "Today I want to focus on …", "let me". */
    private static final Pattern INTRODUCTION = Pattern.compile(
            "\\b(?:I|we)\\s+(?:want|wish|would\\s+like|['’]d\\s+like|am\\s+going)\\s+to\\s+"
                    + "(?:focus|talk|speak|turn|say|set\\s+out|discuss|look)\\b|\\blet\\s+me\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern COMPARISON = Pattern.compile("\\bthan\\b", Pattern.CASE_INSENSITIVE);

    /** What may stand between two date expressions side by side: "this year, in May", "today (3 April". */
    private static final Pattern SIDE_BY_SIDE = Pattern.compile("[\\s,(–-]*(?:in|on|of)?[\\s(]*");

    /** A line that ends as a sentence does, not as a heading. */
    private static final Pattern SENTENCE_CLOSE = Pattern.compile("[.!?:;][\"”’)]*\\s*$");

    /** A list item's mark at the start of a line or sentence: "•", "*", "-", "1." or "(a)". */
    static final Pattern BULLET = Pattern.compile("^\\s*(?:[•·▪◦‣*+–—-]+|\\d{1,2}[.)]|\\(?[a-z][)])\\s+");

    /** A written question's address: "To ask the Secretary of State for the Home Department, ". */
    private static final Pattern QUESTION = Pattern.compile("To ask (?:(?:His|Her) Majesty['’]s Government\\s+"
            + "|.{0,120}?,\\s+(?=(?:what|how|whether|if|when|which|why|who|for what|with reference|pursuant)\\b))");

    private static final Pattern LEADING_COMMA = Pattern.compile("^[\\s,]+");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private static final Pattern URL = Pattern.compile("\\bhttps?://\\S+|\\bwww\\.\\S+");

    private static final int HEADING_MAX_WORDS = 12;

    private static final int HEADING_MAX_LENGTH = 160;

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

    List<Found> find(String text, Tokens tokens, Sentences sentences, LocalDate reference) {
        List<Candidate> candidates = new ArrayList<>();
        Context context = new Context(text, sentences, reference);
        List<String> daysSeen = new ArrayList<>();
        Map<Form, Matcher> matchers = MATCHERS.get();
        // Try the forms only where a date can start: at a word that can anchor one (a number, a
        // month, "today", "last") or a word or two before it ("over the next 18 months"). Every
        // start is tried, so "in April" does not hide "April 2017".
        for (int i : starts(tokens)) {
            String word = tokens.lower(i);
            List<Form> forms = FORMS_BY_FIRST_WORD.get(Character.isDigit(word.charAt(0)) ? "#" : word);
            if (forms == null) {
                continue;
            }
            for (Form form : forms) {
                Matcher m = matchers.computeIfAbsent(form, f -> f.pattern().matcher(text).useTransparentBounds(true))
                    .reset(text).region(tokens.start(i), text.length());
                if (!m.lookingAt()) {
                    continue;
                }
                if (form == DAY_WORD) {
                    if (!isDay(m, text, daysSeen)) {
                        break;
                    }
                    daysSeen.add(m.group("w").toLowerCase(Locale.ROOT));
                }
                Resolved resolved = resolve(form, m, context);
                if (resolved != null) {
                    if (form == MONTH_RANGE) {
                        // "from April to July 2019": April 2019 as well as July 2019
                        candidates.add(new Candidate(m.start("a"), m.end("a"),
                                month(resolved.date().getYear(), month(m.group("a"))), true));
                        candidates.add(new Candidate(m.start("b"), m.end(), resolved, true));
                    }
                    else {
                        candidates.add(new Candidate(m.start(), m.end(), resolved, form.explicit()));
                    }
                }
                break;
            }
        }
        List<Candidate> kept = once(text, mergeAdjacent(text, longestFirst(candidates)));
        List<int[]> urls = urls(text);
        List<Found> found = new ArrayList<>();
        for (Candidate c : kept) {
            if (insideUrl(urls, c.start()) || onMetadataLine(text, c, reference)) {
                continue;
            }
            Sentence sentence = sentences.at(c.start());
            found.add(new Found(c.start(), c.end(), new DatedEvent(c.resolved().date(), c.resolved().precision(),
                    Sentences.collapse(text.substring(c.start(), c.end())), describe(sentence, text, c))));
        }
        return found;
    }

    /**
     * The words a date expression may start at: a word one can start with, at an anchor or up to
     * two words before it ("over the next 18 months").
     */
    private static int[] starts(Tokens tokens) {
        int[] starts = new int[tokens.size()];
        int count = 0;
        int nextAnchor = Integer.MAX_VALUE;
        for (int i = tokens.size() - 1; i >= 0; i--) {
            if (anchor(tokens, i)) {
                nextAnchor = i;
            }
            if (nextAnchor - i <= LEAD_WORDS && (nextAnchor == i || (tokens.mark(i) & LEAD) != 0)) {
                starts[count++] = i;
            }
        }
        int[] ordered = new int[count];
        for (int k = 0; k < count; k++) {
            ordered[k] = starts[count - 1 - k];
        }
        return ordered;
    }

    /** A mark: the word anchors a date expression ("today", "next", a number). */
    private static final byte ANCHOR = 1;

    /** A mark: the word anchors a date expression when written with its capital ("May", not "may"). */
    private static final byte CAPITALISED_ANCHOR = 2;

    /** A mark: a date expression may start at the word, before its anchor ("in", "the", "until"). */
    private static final byte LEAD = 4;

    /**
     * What the date rules make of a word in lower case, worked out once per word ({@link Tokens}
     * keeps it), so that finding where dates may start costs no look-up per word of a text.
     */
    static byte mark(String lower) {
        Boolean capital = lower.isEmpty() ? null : Character.isDigit(lower.charAt(0)) ? Boolean.FALSE
                : ANCHORS.get(lower);
        int mark = capital == null ? 0 : capital ? CAPITALISED_ANCHOR : ANCHOR;
        return (byte) (FIRST_WORDS.contains(lower) ? mark | LEAD : mark);
    }

    /** A number, a month or weekday written with its capital, or a word of time ("today", "next"). */
    private static boolean anchor(Tokens tokens, int i) {
        int mark = tokens.mark(i);
        return (mark & ANCHOR) != 0
                || (mark & CAPITALISED_ANCHOR) != 0 && Character.isUpperCase(tokens.text().charAt(tokens.start(i)));
    }

    /**
     * Whether "today", "yesterday" or "tomorrow" dates something: not a name ("the BBC Today
     * programme"), not the start of a span whose end is the event ("from today, services will
     * have three months"), and each once: every "today" of a document is the same day.
     */
    private static boolean isDay(Matcher m, String text, List<String> seen) {
        String word = m.group("w");
        String before = text.substring(Math.max(0, m.start() - 5), m.start());
        String previous = before.strip();
        boolean sentenceStart = previous.isEmpty() || lineStart(text, m.start())
                || ".!?:\"“‘(•*".indexOf(previous.charAt(previous.length() - 1)) >= 0;
        if (Character.isUpperCase(word.charAt(0)) && !sentenceStart) {
            return false;
        }
        if (seen.contains(word.toLowerCase(Locale.ROOT)) || before.toLowerCase(Locale.ROOT).endsWith("from ")) {
            return false;
        }
        int clauseStart = Math.max(text.lastIndexOf(',', m.start()), Math.max(text.lastIndexOf('.', m.start()),
                text.lastIndexOf('\n', m.start())));
        int clauseEnd = m.end();
        while (clauseEnd < text.length() && ",.;:!?\n".indexOf(text.charAt(clauseEnd)) < 0) {
            clauseEnd++;
        }
        // "safer tomorrow than they were yesterday" compares; "Today I want to focus on …" introduces a speech
        String clause = text.substring(clauseStart + 1, clauseEnd);
        return !COMPARISON.matcher(clause).find() && !INTRODUCTION.matcher(clause).find();
    }

    /** Whether only white space stands between the start of a line and {@code offset}. */
    private static boolean lineStart(String text, int offset) {
        int k = offset - 1;
        while (k >= 0 && text.charAt(k) != '\n' && Character.isWhitespace(text.charAt(k))) {
            k--;
        }
        return k < 0 || text.charAt(k) == '\n';
    }

    /**
     * A day written out with its year twice ("introduced today (3 April 2017)" in a summary and
     * again in the body) is one occasion reported twice: kept once; so is a day or a month named
     * twice in the same words ("on 9 November" in a summary's bullet and in the body, "January
     * 2023" likewise). Years, seasons and relative dates are left alone: "in 2019" twice may be
     * two events of that year.
     */
    private static List<Candidate> once(String text, List<Candidate> candidates) {
        List<Candidate> kept = new ArrayList<>();
        for (Candidate c : candidates) {
            DatePrecision precision = c.resolved().precision();
            boolean dayOrMonth = precision == DatePrecision.DAY || precision == DatePrecision.MONTH;
            if (!dayOrMonth || kept.stream().noneMatch(k -> k.resolved().equals(c.resolved())
                    && (k.explicit() && c.explicit() && precision == DatePrecision.DAY
                            || sameWords(text, k, c)))) {
                kept.add(c);
            }
        }
        return kept;
    }

    private static boolean sameWords(String text, Candidate a, Candidate b) {
        return a.end() - a.start() == b.end() - b.start()
                && text.regionMatches(true, a.start(), text, b.start(), a.end() - a.start())
                && Character.isDigit(text.charAt(a.start())) == Character.isDigit(text.charAt(b.start()))
                && !DAY_WORDS.matcher(text).region(a.start(), a.end()).lookingAt();
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
            if (previous != null && SIDE_BY_SIDE.matcher(text).region(previous.end(), c.start()).matches()) {
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

    private static Resolved resolve(Form form, Matcher m, Context context) {
        try {
            return form.resolver().resolve(m, context);
        }
        catch (DateTimeException | IllegalArgumentException notADate) {
            return null; // "31 February"
        }
    }

    private enum Tense {
        PAST, FUTURE, UNKNOWN
    }

    /**
     * The tense of the clause a date stands in: only future markers, only past ones, or neither
     * or both ("In November, I co-hosted": the clause "In November" has no tense of its own).
     */
    private static Tense tense(Matcher m, Context c) {
        String text = c.text();
        Sentence sentence = c.sentences().at(m.start());
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

    private static Resolved monthWithoutYear(Matcher m, Context c) {
        LocalDate ref = c.reference();
        Month month = month(m.group("m"));
        String lead = m.group("p").toLowerCase(Locale.ROOT);
        int year = switch (lead) {
            case "last" -> month.getValue() < ref.getMonthValue() ? ref.getYear() : ref.getYear() - 1;
            case "next" -> month.getValue() > ref.getMonthValue() ? ref.getYear() : ref.getYear() + 1;
            case "this" -> ref.getYear();
            default -> yearFor(month, tense(m, c), ref);
        };
        return month(year, month);
    }

    /**
     * "this winter": the season under way at the reference date, else the next one (the last one
     * when the sentence speaks of the past); "next": the first to start after it; "last": the
     * latest to end before it.
     */
    private static Resolved relativeSeason(Matcher m, Context c) {
        LocalDate ref = c.reference();
        Season season = Season.valueOf(m.group("s").toUpperCase(Locale.ROOT));
        String lead = SPACES.matcher(m.group("p").toLowerCase(Locale.ROOT)).replaceAll(" ");
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
            default -> current != null ? current : tense(m, c) == Tense.PAST ? last : next;
        };
        return new Resolved(start, DatePrecision.SEASON);
    }

    /** The start of a year is its first quarter; the end of a year its December; of a month, the month. */
    private static Resolved periodEdge(Matcher m, Context c) {
        LocalDate ref = c.reference();
        String edge = m.group("w").toLowerCase(Locale.ROOT);
        if (m.group("m") != null) {
            Month month = month(m.group("m"));
            int year = m.group("my") != null ? year(m.group("my")) : yearFor(month, Tense.UNKNOWN, ref);
            return month(year, month);
        }
        int year = m.group("y") != null ? year(m.group("y")) : relativeYear(m.group("r"), ref);
        return switch (edge) {
            case "start", "beginning" -> quarter(year, 1);
            case "end" -> month(year, Month.DECEMBER);
            default -> year(year);
        };
    }

    /** "Last week", "next month": the month they fall in; "last year", "next year"; "this year" only ahead. */
    private static Resolved relative(Matcher m, Context c) {
        String which = SPACES.matcher(m.group("r").toLowerCase(Locale.ROOT)).replaceAll(" ");
        String unit = m.group("u").toLowerCase(Locale.ROOT);
        LocalDate ref = c.reference();
        if (which.equals("this") && unit.equals("year")) {
            // "this year" alone is the document's own year, unless something will happen in it
            return tense(m, c) == Tense.FUTURE ? year(ref.getYear()) : null;
        }
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
    private static Resolved weekday(Matcher m, Context c) {
        LocalDate ref = c.reference();
        DayOfWeek day = DayOfWeek.valueOf(m.group("w").toUpperCase(Locale.ROOT));
        LocalDate before = ref.with(TemporalAdjusters.previousOrSame(day));
        LocalDate after = ref.with(TemporalAdjusters.nextOrSame(day));
        String which = m.group("p").toLowerCase(Locale.ROOT);
        LocalDate date = switch (which) {
            case "last" -> ref.with(TemporalAdjusters.previous(day));
            case "next" -> ref.with(TemporalAdjusters.next(day));
            default -> switch (tense(m, c)) {
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
        return new Resolved(LocalDate.of(year, month, Integer.parseInt(day)), DatePrecision.DAY);
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
        if ((lineEnd < 0 ? text.length() : lineEnd) - lineStart > HEADING_MAX_LENGTH) {
            return false; // a paragraph, not a heading or a dateline
        }
        String line = text.substring(lineStart, lineEnd < 0 ? text.length() : lineEnd);
        String rest = line.substring(0, c.start() - lineStart) + " " + line.substring(c.end() - lineStart);
        boolean fullDate = c.explicit() && c.resolved().precision() == DatePrecision.DAY;
        if (DATELINE.matcher(rest).matches() || (fullDate && DATELINE_VERB.matcher(line.substring(0, c.start()
                - lineStart)).find() && words(line) <= HEADING_MAX_WORDS)) {
            return true;
        }
        // a list item ("• Online Safety Act receives Royal Assent today, 26 October 2023") says what happens
        boolean heading = !SENTENCE_CLOSE.matcher(line).find() && words(line) <= HEADING_MAX_WORDS
                && !BULLET.matcher(line).lookingAt();
        return heading && Math.abs(c.resolved().date().toEpochDay() - reference.toEpochDay()) <= 7;
    }

    private static int words(String line) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < line.length(); i++) {
            boolean space = Character.isWhitespace(line.charAt(i));
            words += !space && !inWord ? 1 : 0;
            inWord = !space;
        }
        return words;
    }

    /**
     * The event: the date's sentence, without a list item's mark, a leading date phrase or a
     * written question's address ("To ask the Secretary of State for the Home Department, what
     * …" becomes "Asked what …"), cut to a readable length that keeps the date in view.
     */
    private static String describe(Sentence sentence, String text, Candidate c) {
        String words = sentence.text();
        Matcher bullet = BULLET.matcher(words);
        if (bullet.lookingAt()) {
            words = words.substring(bullet.end());
        }
        Matcher question = QUESTION.matcher(words);
        if (question.lookingAt()) {
            words = "Asked " + words.substring(question.end());
        }
        String date = Sentences.collapse(text.substring(c.start(), c.end()));
        if (words.startsWith(date) || words.regionMatches(true, 0, "On " + date, 0, date.length() + 3)
                || words.regionMatches(true, 0, "In " + date, 0, date.length() + 3)) {
            String rest = LEADING_COMMA.matcher(words.substring(words.indexOf(date) + date.length())).replaceFirst("");
            if (!rest.isEmpty()) {
                words = Character.toUpperCase(rest.charAt(0)) + rest.substring(1);
            }
        }
        if (words.length() <= EVENT_MAX) {
            return words;
        }
        int at = words.indexOf(date);
        if (at + date.length() > EVENT_MAX - 20) {
            // the date stands past the cut: start at its clause
            int clause = Math.max(words.lastIndexOf(", ", at), words.lastIndexOf("; ", at));
            words = "…" + words.substring(clause > 0 ? clause + 2 : Math.max(0, at - EVENT_MAX / 2));
        }
        if (words.length() <= EVENT_MAX) {
            return words;
        }
        int cut = words.lastIndexOf(' ', EVENT_MAX - 1);
        return words.substring(0, cut > 0 ? cut : EVENT_MAX - 1).strip() + "…";
    }
}
