package org.watchbrief.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.watchbrief.analysis.Sentences.Sentence;

/**
 * Finds sums of money in pounds, dollars and euros, in the forms announcements use ("£21.5m",
 * "£250,000", "£2.6 million", "£1.2bn", "up to £18 million", "between £1m and £2m", "£10m a year
 * for three years", "5 million euros"), each with its exact amount, its kind, the clause it pays
 * for and, for funding, an announcement key ({@link AnnouncementKeys}).
 *
 * <p>The kind comes from the words nearest the sum in its sentence: "fine" or "penalty" make it a
 * fine, "cost", "spent" or "loss" a cost, "turnover", "price" or "worth" something else, and
 * "funding", "invest", "committed", "awarded", "made available" (or a funded thing named right
 * after the sum: "a £100 million scheme") funding. A cap ("up to £60,000") is never a measured
 * cost, so a cap next to "cost" is funding. A sum whose sentence says nothing shares the kind of
 * the sum before it in its paragraph ("This includes £9.86 million …"), else it is "other".
 */
final class MoneyExtractor {

    private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";

    private static final String MULTIPLIER = "(?:\\s?(?:bn|billion|trillion|tn|mn|m|million|k|thousand)(?![\\p{L}\\d]))";

    private static final String CURRENCY = "(?:US\\$|\\$|£|€)";

    private static final String WORD_CURRENCY = "(?:pounds?(?:\\s+sterling)?|dollars?|euros?)";

    private static final String COUNT = "\\d+|two|three|four|five|six|seven|eight|nine|ten";

    private static final Pattern MONEY = Pattern.compile(
            "(?:\\b(?<lead>up\\s+to|as\\s+much\\s+as|more\\s+than|over|at\\s+least|around|about|nearly|almost"
                    + "|approximately|some|just\\s+over|just\\s+under|less\\s+than|under|in\\s+excess\\s+of|between"
                    + "|from)\\s+)?"
                    + "(?:(?<cur>" + CURRENCY + ")\\s?(?<num>" + NUMBER + ")(?<mult>" + MULTIPLIER + ")?"
                    + "|(?<wnum>" + NUMBER + ")(?<wmult>" + MULTIPLIER + ")?\\s+(?<word>" + WORD_CURRENCY + ")\\b)"
                    + "(?:\\s*(?<sep>-|–|to|and)\\s*(?<cur2>" + CURRENCY + ")?\\s?(?<num2>" + NUMBER + ")(?<mult2>"
                    + MULTIPLIER + ")?(?:\\s+" + WORD_CURRENCY + "\\b)?)?"
                    + "(?<annual>\\s+(?:a|per|each)\\s+year(?:\\s+(?:for|over)\\s+(?:the\\s+next\\s+)?(?<years>" + COUNT
                    + ")\\s+years)?)?"
                    + "(?![\\p{L}\\d])",
            Pattern.CASE_INSENSITIVE);

    private static final Map<String, Integer> COUNTS = Map.of("two", 2, "three", 3, "four", 4, "five", 5, "six", 6,
            "seven", 7, "eight", 8, "nine", 9, "ten", 10);

    /** How far before and after a currency sign or word its sum's words may reach. */
    private static final int MARKER_BEFORE = 40;

    private static final int MARKER_AFTER = 160;

    /** How many words either side of a sum its kind is looked for. */
    private static final int CUE_WINDOW = 12;

    /** Stems (Snowball English) of the words that say what a sum is. */
    private static final Map<String, MoneyKind> CUES = cues();

    /** Nouns that, right after a sum, name the thing it funds ("a £100 million scheme"). */
    private static final Set<String> FUNDED_THINGS = Set.copyOf(Tokens.stems(
            "centre centres unit team hub project projects initiative service facility network call competition "
                    + "campaign partnership plan pot prize package scheme programme fund bail-out bailout investment grant "
                    + "grants contract contracts"));

    /** Words that, right before a sum, mark new money ("an extra £20 million"). */
    private static final Set<String> NEW_MONEY = Set.copyOf(Tokens.stems("extra additional new further"));

    private static final Pattern PURPOSE_LEAD = Pattern.compile(
            "^(?:(?:of|in)\\s+(?:(?:new|extra|additional|further|emergency|government|home\\s+office)\\s+)*"
                    + "(?:funding|investment|money|grants?)\\s*|extra\\s+|(?:over|across)\\s+(?:the\\s+next\\s+)?(?:"
                    + COUNT + ")\\s+(?:years|months)\\s*|,\\s*)*",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PURPOSE_CLAUSE = Pattern.compile(
            "\\b(?:to|for|towards|on|in\\s+order\\s+to)\\s+(?!be\\b|the\\s+(?:next|last)\\b|\\d)(.{6,}?)"
                    + "(?=\\s*(?:[.;:!?]|,\\s+(?:and|but|which|while|who|whereas)\\b|\\s[–—]\\s|$)"
                    + "|\\s+(?:and|or|but)\\s+(?:the\\s+|a\\s+|an\\s+)?(?:[£$€]|US\\$)"
                    + "|\\s+(?:will|would|is|are|was|were|has|have|had)\\s)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern NOT_A_NOUN = Pattern.compile(
            "^(?:is|was|were|are|be|been|will|would|could|should|can|may|has|have|had|already|which|that|and|or|"
                    + "a|an|the|this|from|by|of|in|at|per|each|with|as|so|it|for|to|towards|on|\\p{L}+ed)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PHRASE_END = Pattern.compile("(?=\\s*(?:[.;:!?]|,\\s|\\s[–—]\\s|$))");

    private static final int PURPOSE_MAX = 200;

    private static Map<String, MoneyKind> cues() {
        Map<String, MoneyKind> cues = new java.util.HashMap<>();
        put(cues, MoneyKind.FUNDING, "fund funding funded invest invested investment investing grant granted award "
                + "awarded commit committed commitment allocate allocated allocation available provide provided "
                + "providing package bail-out scheme programme boost backed backing pledge pledged donate donated "
                + "contracts competition given give giving receive receiving receives spend bailout bail-outs announce "
                + "announced announcing bid bids prize offer offered offering");
        put(cues, MoneyKind.FINE, "fine fines fined penalty penalties");
        put(cues, MoneyKind.COST, "cost costs costing spent spending loss losses lost expenditure damage damages "
                + "estimate estimated");
        put(cues, MoneyKind.OTHER, "turnover revenue revenues price prices priced worth value valued salary salaries "
                + "profit profits sale sales sold earn earned earnings raised market industry fee fees charge charged "
                + "paid pay tax taxes income");
        return Map.copyOf(cues);
    }

    private static void put(Map<String, MoneyKind> cues, MoneyKind kind, String words) {
        for (String word : words.split(" ")) {
            for (String stem : Tokens.stems(word)) {
                cues.putIfAbsent(stem, kind);
            }
        }
    }

    List<MoneyMention> extract(String text, Tokens tokens, Sentences sentences, List<EventExtractor.Found> dates,
            LocalDate reference) {
        List<MoneyMention> mentions = new ArrayList<>();
        MoneyMention previous = null;
        int consumed = 0;
        Matcher m = MONEY.matcher(text).useTransparentBounds(true);
        // The pattern is tried only around a currency sign or word, never over the whole text.
        for (int marker : markers(text)) {
            if (marker < consumed) {
                continue;
            }
            m.region(Math.max(consumed, marker - MARKER_BEFORE), Math.min(text.length(), marker + MARKER_AFTER));
            boolean found = false;
            while (!found && m.find() && m.start() <= marker) {
                found = m.end() > marker;
            }
            if (!found) {
                continue;
            }
            Sum sum = sum(m);
            Sentence sentence = sentences.at(m.start());
            MoneyKind kind = cueKind(tokens, sentence, m.start(), sum.end(), m.group("lead"));
            if (kind == null) {
                // "This includes £9.86 million …": a sum listed after another in its paragraph shares its kind
                kind = previous != null && !text.substring(consumed, m.start()).contains("\n\n") ? previous.kind()
                        : MoneyKind.OTHER;
            }
            String purpose = purpose(text.substring(sum.end(), Math.max(sum.end(), sentence.end())));
            String announcement = kind == MoneyKind.FUNDING
                    ? AnnouncementKeys.key(sum.currency(), sum.amount(), year(dates, sentence, reference))
                    : null;
            previous = new MoneyMention(Sentences.collapse(text.substring(m.start(), sum.end())), sum.amount(),
                    sum.currency(), kind, purpose, announcement);
            consumed = sum.end();
            mentions.add(previous);
        }
        return mentions;
    }

    /** Where a currency sign or word ("pounds", "dollars", "euros") stands, in text order. */
    private static List<Integer> markers(String text) {
        List<Integer> markers = new ArrayList<>();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '£' || c == '$' || c == '€') {
                markers.add(i);
            }
            else if (i + 4 <= text.length() && (i == 0 || !Character.isLetter(text.charAt(i - 1)))
                    && currencyWordAt(text, i, Character.toLowerCase(c))) {
                markers.add(i);
            }
        }
        return markers;
    }

    private static boolean currencyWordAt(String text, int i, char first) {
        char second = Character.toLowerCase(text.charAt(i + 1));
        return switch (first) {
            case 'p' -> second == 'o' && text.regionMatches(true, i, "pound", 0, 5);
            case 'd' -> second == 'o' && text.regionMatches(true, i, "dollar", 0, 6);
            case 'e' -> second == 'u' && text.regionMatches(true, i, "euro", 0, 4);
            default -> false;
        };
    }

    /** A sum found, and where its words end. */
    private record Sum(String currency, BigDecimal amount, int end) {
    }

    /**
     * The sum a match writes: a range's upper end, a yearly sum times its years. "£5m and £10m"
     * without "between" is two sums: the first is taken, the second found next.
     */
    private static Sum sum(Matcher m) {
        boolean worded = m.group("cur") == null;
        String currency = currency(worded ? m.group("word") : m.group("cur"));
        String multiplier = worded ? m.group("wmult") : m.group("mult");
        String number = worded ? m.group("wnum") : m.group("num");
        if (m.group("num2") != null && m.group("sep").equalsIgnoreCase("and")
                && !"between".equalsIgnoreCase(m.group("lead"))) {
            int end = worded ? m.end("word") : m.group("mult") != null ? m.end("mult") : m.end("num");
            return new Sum(currency, amount(number, multiplier), end);
        }
        BigDecimal amount = m.group("num2") == null ? amount(number, multiplier)
                : amount(m.group("num2"), m.group("mult2") != null ? m.group("mult2") : multiplier);
        if (m.group("years") != null) {
            String years = m.group("years").toLowerCase(Locale.ROOT);
            amount = amount.multiply(BigDecimal.valueOf(COUNTS.containsKey(years) ? COUNTS.get(years)
                    : Integer.parseInt(years)));
        }
        return new Sum(currency, amount, m.end());
    }

    private static String currency(String symbolOrWord) {
        String lower = symbolOrWord.toLowerCase(Locale.ROOT);
        if (lower.startsWith("£") || lower.startsWith("pound")) {
            return "GBP";
        }
        if (lower.startsWith("€") || lower.startsWith("euro")) {
            return "EUR";
        }
        return "USD";
    }

    /** The exact amount of "21.5" and "m": 21500000. */
    static BigDecimal amount(String number, String multiplier) {
        BigDecimal amount = new BigDecimal(number.replace(",", ""));
        if (multiplier != null) {
            amount = amount.multiply(switch (multiplier.strip().toLowerCase(Locale.ROOT)) {
                case "tn", "trillion" -> BigDecimal.valueOf(1_000_000_000_000L);
                case "bn", "billion" -> BigDecimal.valueOf(1_000_000_000);
                case "m", "mn", "million" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(1_000);
            });
        }
        BigDecimal plain = amount.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    /**
     * The kind the nearest cue word in the sentence gives. A word for "something else" (price,
     * turnover) counts at twice its distance: in "a fine of up to £18 million or 10% of turnover"
     * the turnover is the cap's measure, not the sum's kind. A funded thing named right after the
     * sum, or "to" right after it ("£9.86 million to the National Crime Agency"), says funding.
     *
     * @return the kind, or {@code null} when the sentence has no cue
     */
    private static MoneyKind cueKind(Tokens tokens, Sentence sentence, int start, int end, String lead) {
        int first = tokens.atOrAfter(start);
        int last = tokens.atOrAfter(end) - 1;
        MoneyKind best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = Math.max(0, first - CUE_WINDOW); i < Math.min(tokens.size(), last + 1 + CUE_WINDOW); i++) {
            if ((i >= first && i <= last) || !sentence.contains(tokens.start(i))) {
                continue;
            }
            int distance = i < first ? first - i : i - last;
            MoneyKind cue = CUES.get(tokens.stem(i));
            if (cue == MoneyKind.OTHER) {
                distance *= 2;
                if (i > 0 && tokens.lower(i - 1).matches("\\d+")) {
                    cue = null; // "in 2018/19 prices": a price base, not a price
                }
                else if (tokens.lower(i).equals("worth") && fundedThingBefore(tokens, i)) {
                    cue = MoneyKind.FUNDING; // "contracts worth £70,000", unlike "an industry worth £5bn"
                }
            }
            if (i > last && distance <= 3 && FUNDED_THINGS.contains(tokens.stem(i))) {
                cue = MoneyKind.FUNDING;
                distance = 0;
            }
            if (i < first && distance <= 2 && NEW_MONEY.contains(tokens.stem(i))) {
                cue = MoneyKind.FUNDING;
            }
            if (i == last + 1 && tokens.lower(i).equals("to") && cue == null) {
                cue = MoneyKind.FUNDING;
                distance = 3;
            }
            if (cue != null && distance < bestDistance) {
                best = cue;
                bestDistance = distance;
            }
        }
        if (best == MoneyKind.COST && lead != null && lead.toLowerCase(Locale.ROOT).startsWith("up")) {
            return MoneyKind.FUNDING; // a cap is not a measured cost
        }
        return best;
    }

    private static boolean fundedThingBefore(Tokens tokens, int i) {
        for (int k = Math.max(0, i - 3); k < i; k++) {
            if (FUNDED_THINGS.contains(tokens.stem(k))) {
                return true;
            }
        }
        return false;
    }

    /** The clause a sum pays for: "to …" or "for …" after it, else the thing named right after it. */
    static String purpose(String after) {
        String rest = Sentences.collapse(after);
        Matcher lead = PURPOSE_LEAD.matcher(rest);
        if (lead.find()) {
            rest = rest.substring(lead.end());
        }
        Matcher clause = PURPOSE_CLAUSE.matcher(rest);
        String purpose = null;
        if (!NOT_A_NOUN.matcher(rest).find() && !rest.isEmpty() && Character.isLetter(rest.charAt(0))) {
            Matcher end = PHRASE_END.matcher(rest);
            purpose = end.find() ? rest.substring(0, end.start()) : rest;
        }
        else if (clause.find() && clause.start() <= 60) {
            purpose = clause.group(1);
        }
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        purpose = purpose.strip();
        return purpose.length() <= PURPOSE_MAX ? purpose : purpose.substring(0, purpose.lastIndexOf(' ', PURPOSE_MAX))
                + "…";
    }

    /**
     * The year the sum was announced: that of the latest date in its sentence not after the
     * document's own date ("In September 2018 the Home Secretary announced £21.5m"), else the
     * document's own year.
     */
    private static int year(List<EventExtractor.Found> dates, Sentence sentence, LocalDate reference) {
        int year = reference.getYear();
        LocalDate latest = null;
        for (EventExtractor.Found date : dates) {
            LocalDate day = date.event().date();
            if (sentence.contains(date.start()) && !day.isAfter(reference) && (latest == null || day.isAfter(latest))) {
                latest = day;
            }
        }
        return latest == null ? year : latest.getYear();
    }
}
