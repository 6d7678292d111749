package org.watchbrief.analysis;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
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
 * "funding", "invest", "committed", "awarded", "backed", "gave", "made available" (or a funded
 * thing named right after the sum: "a £100 million scheme") funding. Words that describe rather
 * than name ("available") count at twice their distance, so "the maximum penalty available is
 * £18m" is a fine; "goes" says funding only after the sum; "will be spent" is an allocation
 * (funding), "spent" a cost; "cost him £20" is a price. A cap ("up to £60,000") is never a
 * measured cost, so a cap next to "cost" is funding; nor is a range ("between £100 and £300"),
 * which is a band of prices. A sum whose sentence says nothing takes the kind of the same sum
 * named elsewhere in the document ("£14.75 million over three years for a hub" in a summary,
 * "backed by £14.75 million of funding" in the body), else of the sum before it in its paragraph
 * ("This includes £9.86 million …"), else it is "other".
 */
final class MoneyExtractor {

    private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";

    private static final String MULTIPLIER = "(?:\\s?(?:bn|billion|trillion|tn|mn|m|million|k|thousand)"
            + "(?![\\p{L}\\d]))";

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

    private static final char[] CURRENCY_SIGNS = { '£', '$', '€' };

    /** How far before and after a currency sign or word its sum's words may reach. */
    private static final int MARKER_BEFORE = 40;

    private static final int MARKER_AFTER = 160;

    /** How far apart in the text (characters) the sums of one announcement may stand. */
    private static final int PARTS_DISTANCE = 600;

    private static final Pattern INCLUSION = Pattern.compile(
            "\\b(?:includ(?:es|ing)|of\\s+which|(?:a\\s+)?share\\s+of|compris(?:es|ing)|made\\s+up\\s+of"
                    + "|part\\s+of|of\\s+(?:the|this|that)\\s+(?:total|sum|funding|money|amount)"
                    + "|of\\s+(?:this|that|it),"
                    + "|(?:the\\s+)?(?:remainder|rest)\\s+(?:will|is|of)\\b)",
            Pattern.CASE_INSENSITIVE);

    /** Words anywhere in a sentence that say a pot is being divided ("with the remainder covering …"). */
    private static final Pattern DIVISION = Pattern.compile(
            "\\b(?:the\\s+remainder|the\\s+rest\\s+of\\s+(?:the|it))\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern TOTAL = Pattern.compile("\\btotal\\b", Pattern.CASE_INSENSITIVE);

    private static final Pattern PER_ITEM = Pattern.compile(
            "\\b(?:each|individual|per\\s+(?:project|contract|organisation|bid|award|grant|company|team|force))\\b",
            Pattern.CASE_INSENSITIVE);

    /** How many words either side of a sum its kind is looked for. */
    private static final int CUE_WINDOW = 12;

    /** Stems (Snowball English) of the words that say what a sum is. */
    private static final Map<String, MoneyKind> CUES = cues();

    /** Nouns that, right after a sum, name the thing it funds ("a £100 million scheme"). */
    private static final Set<String> FUNDED_THINGS = Set.copyOf(Tokens.stems(
            "centre centres unit team hub project projects initiative service facility network call competition "
                    + "campaign partnership plan pot prize package scheme programme fund bail-out bailout "
                    + "investment grant grants contract contracts"));

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

    /** A phrase that starts with a date: a purpose is never one ("September 2026", "the 2026/27 financial year"). */
    private static final Pattern DATE_START = Pattern.compile(
            "(?:the\\s+)?(?:(?:early|late|mid|end\\s+of|start\\s+of)\\s+)?(?:\\d|(?:January|February|March|April"
                    + "|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday"
                    + "|Sunday|spring|summer|autumn|winter|(?:this|next|last|each|every)\\s+(?:year|month|week)|today"
                    + "|tomorrow)\\b)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PHRASE_END = Pattern.compile("(?=\\s*(?:[.;:!?]|,\\s|\\s[–—]\\s|$))");

    private static final int PURPOSE_MAX = 200;

    /** Leads that put the real sum just below the figure written ("nearly £15 million"). */
    private static final Set<String> BELOW = Set.of("nearly", "almost", "just under", "under", "less than");

    private static final BigDecimal JUST_BELOW = new BigDecimal("0.99");

    private static final Pattern SPACES = Pattern.compile("\\s+");

    /** Verbs that say funding only with the sum as their subject: "£5m will go to charities", not "goes to court". */
    private static final Set<String> GOING = Set.copyOf(Tokens.stems("go goes went going"));

    /** Cues that describe rather than name ("the maximum penalty available is £18m"): at twice their distance. */
    private static final Set<String> WEAK = Set.copyOf(Tokens.stems("available"));

    /** After "cost", a person who pays: "cost him £20" is a price, not a cost measured. */
    private static final Set<String> PAYERS = Set.of("him", "her", "them", "me", "you", "us", "each", "per", "users",
            "customers", "consumers", "families", "parents", "households");

    /** Words before "spent" that make it money to be spent, not spent: "will be spent on recruitment". */
    private static final Set<String> TO_COME = Set.of("will", "shall", "would", "to", "can", "could", "should");

    private static Map<String, MoneyKind> cues() {
        Map<String, MoneyKind> cues = new HashMap<>();
        put(cues, MoneyKind.FUNDING, "fund funding funded invest invested investment investing grant granted award "
                + "awarded commit committed commitment allocate allocated allocation available provide provided "
                + "providing package bail-out scheme programme boost backed backing pledge pledged donate donated "
                + "donation donations gave "
                + "contracts competition given give giving receive receiving receives spend bailout bail-outs announce "
                + "announced announcing bid bids prize offer offered offering support supported supporting go goes "
                + "went");
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
        List<Raw> found = new ArrayList<>();
        int consumed = 0;
        Matcher m = MONEY.matcher(text).useTransparentBounds(true);
        // The pattern is tried only around a currency sign or word, never over the whole text.
        for (int marker : markers(text, tokens)) {
            if (marker < consumed) {
                continue;
            }
            m.region(Math.max(consumed, marker - MARKER_BEFORE), Math.min(text.length(), marker + MARKER_AFTER));
            boolean matched = false;
            while (!matched && m.find() && m.start() <= marker) {
                matched = m.end() > marker;
            }
            if (!matched) {
                continue;
            }
            Sum sum = sum(m);
            Sentence sentence = sentences.at(m.start());
            String lead = m.group("lead") == null ? "" : m.group("lead").toLowerCase(Locale.ROOT);
            MoneyKind cue = cueKind(tokens, sentence, m.start(), sum.end(), lead, sum.range());
            found.add(new Raw(sum, m.start(), sentence, cue, BELOW.contains(SPACES.matcher(lead).replaceAll(" ")),
                    found.isEmpty() || text.substring(consumed, m.start()).contains("\n\n")));
            consumed = sum.end();
        }
        List<Placed> placed = new ArrayList<>(found.size());
        MoneyKind previous = null;
        for (int i = 0; i < found.size(); i++) {
            Raw raw = found.get(i);
            Sum sum = raw.sum();
            MoneyKind kind = raw.cue() != null ? raw.cue() : sameSumsKind(found, i);
            if (kind == null) {
                // "This includes £9.86 million …": a sum listed after another in its paragraph shares its kind
                kind = previous != null && !raw.paragraphStart() ? previous : MoneyKind.OTHER;
            }
            previous = kind;
            Sentence sentence = raw.sentence();
            String purpose = purpose(text.substring(sum.end(), Math.max(sum.end(), sentence.end())));
            Integer year = sentenceYear(dates, sentence, raw.start(), reference);
            // "nearly £15 million" reports a sum below 15 million ("£14.75 million"): keyed as such
            BigDecimal keyed = raw.below() ? sum.amount().multiply(JUST_BELOW) : sum.amount();
            String announcement = kind == MoneyKind.FUNDING
                    ? AnnouncementKeys.key(sum.currency(), keyed, year != null ? year : reference.getYear())
                    : null;
            MoneyMention mention = new MoneyMention(Sentences.collapse(text.substring(raw.start(), sum.end())),
                    sum.amount(), sum.currency(), kind, purpose, announcement);
            // only funding is a part of a pot: other sums are not read for it
            int from = Math.min(sentence.start(), raw.start());
            boolean funding = kind == MoneyKind.FUNDING;
            boolean included = funding && (INCLUSION.matcher(text).region(from, raw.start()).find()
                    || DIVISION.matcher(sentence.text()).find());
            boolean perItem = funding && PER_ITEM.matcher(text).region(from, sentence.end()).find();
            placed.add(new Placed(mention, raw.start(), sentence, year != null, included, perItem));
        }
        return partWherever(sameSumSameKey(placed));
    }

    /**
     * Parts take their total's key (see {@link #partsShareTheirTotalsKey}), and a sum found to be
     * a part is that part wherever the document names it again: a summary's bullet "£1.5 million
     * to expand CEOP's programme" is the "Of the total, £1.5 million" of the body.
     */
    private static List<MoneyMention> partWherever(List<Placed> keyed) {
        List<Placed> parted = partsShareTheirTotalsKey(keyed);
        Map<String, String> partKeys = new HashMap<>();
        for (int i = 0; i < parted.size(); i++) {
            if (parted.get(i).funding() && !parted.get(i).key().equals(keyed.get(i).key())) {
                partKeys.putIfAbsent(parted.get(i).sumId(), parted.get(i).key());
            }
        }
        List<MoneyMention> mentions = new ArrayList<>(parted.size());
        for (Placed p : parted) {
            String partKey = p.funding() ? partKeys.get(p.sumId()) : null;
            mentions.add((partKey != null ? p.withKey(partKey) : p).mention());
        }
        return mentions;
    }

    /**
     * A sum found before its kind is settled: the sum, where it starts, its sentence, the kind its
     * own words give ({@code null}: none), whether its lead says it is just below the figure
     * written ("nearly £15 million"), and whether it opens a paragraph.
     */
    private record Raw(Sum sum, int start, Sentence sentence, MoneyKind cue, boolean below, boolean paragraphStart) {
    }

    /**
     * The kind the words around the same sum give where the document names it again: a summary's
     * bullet "£14.75 million over three years for a hub" and its body's "backed by £14.75 million
     * of funding" are one sum. {@code null} when no other mention of the sum has a cue.
     */
    private static MoneyKind sameSumsKind(List<Raw> found, int i) {
        Sum sum = found.get(i).sum();
        for (Raw other : found) {
            if (other.cue() != null && other.sum().currency().equals(sum.currency())
                    && other.sum().amount().compareTo(sum.amount()) == 0) {
                return other.cue();
            }
        }
        return null;
    }

    /**
     * A sum, where it starts, its sentence, whether its sentence dates the announcement, whether
     * its sentence says before it that it is part of something ("This includes £9.86m"), and
     * whether it is a sum per item ("£85,000 each", "individual contracts worth £70,000").
     */
    private record Placed(MoneyMention mention, int start, Sentence sentence, boolean dated, boolean included,
            boolean perItem) {

        Placed withKey(String key) {
            MoneyMention m = mention;
            return new Placed(new MoneyMention(m.text(), m.amount(), m.currency(), m.kind(), m.purpose(), key), start,
                    sentence, dated, included, perItem);
        }

        boolean funding() {
            return mention.kind() == MoneyKind.FUNDING;
        }

        String key() {
            return mention.announcement();
        }

        /** The sum as a second report would round it: currency and two significant figures. */
        String sumId() {
            return mention.currency() + AnnouncementKeys.coarse(mention.amount());
        }

        boolean smallerThan(Placed other) {
            return mention.currency().equals(other.mention.currency())
                    && mention.amount().compareTo(other.mention.amount()) < 0;
        }
    }

    /**
     * One document naming the same funding sum twice ("the £10 million" in a question, "an
     * additional £10m" in its answer) names one decision: every mention takes the key of the one
     * whose sentence dates it, else of the first.
     */
    private static List<Placed> sameSumSameKey(List<Placed> placed) {
        Map<String, String> keys = new HashMap<>();
        for (Placed p : placed) {
            if (p.funding()) {
                String sum = p.sumId();
                if (p.dated() || !keys.containsKey(sum)) {
                    keys.merge(sum, p.mention().announcement(), (first, dated) -> p.dated() ? dated : first);
                }
            }
        }
        List<Placed> keyed = new ArrayList<>(placed.size());
        for (Placed p : placed) {
            keyed.add(p.funding() && !keys.get(p.sumId()).equals(p.key()) ? p.withKey(keys.get(p.sumId())) : p);
        }
        return keyed;
    }

    /**
     * Parts of an announced total are counted in the total, so they take its key: a sum listed
     * after "includes", "of which" or "a share of" under a larger funding sum ("£30 million … This
     * includes £9.86 million"), a sum per item under the pot it is drawn from ("up to £350,000 …
     * individual contracts worth no more than £70,000"), sums that add up to the funding sum before them ("£2.6 million …
     * £2 million … another £600,000"), and sums that a later one totals ("taking the total to
     * £555k").
     */
    private static List<Placed> partsShareTheirTotalsKey(List<Placed> placed) {
        int n = placed.size();
        String[] keys = new String[n];
        for (int i = 0; i < n; i++) {
            keys[i] = placed.get(i).mention().announcement();
        }
        for (int i = 1; i < n; i++) {
            Placed part = placed.get(i);
            if (part.funding() && (part.included() || part.perItem())) {
                // a sum per item is drawn from a pot the document named before, however far back
                for (int j = i - 1; j >= 0 && (part.perItem() || near(placed.get(j), placed.get(j + 1))); j--) {
                    if (placed.get(j).funding() && part.smallerThan(placed.get(j))) {
                        keys[i] = keys[j];
                        break;
                    }
                }
            }
        }
        for (int j = 0; j < n; j++) {
            BigDecimal parts = BigDecimal.ZERO;
            int k = j + 1;
            while (k < n && placed.get(k).funding() && placed.get(k).smallerThan(placed.get(j))
                    && near(placed.get(k - 1), placed.get(k))) {
                parts = parts.add(placed.get(k).mention().amount());
                k++;
            }
            if (placed.get(j).funding() && k - j > 2 && addsUpTo(parts, placed.get(j).mention().amount())) {
                for (int p = j + 1; p < k; p++) {
                    keys[p] = keys[j];
                }
            }
        }
        for (int t = 1; t < n; t++) {
            Placed total = placed.get(t);
            if (total.funding() && TOTAL.matcher(total.sentence().text()).find()) {
                for (int p = t - 1; p >= 0 && near(placed.get(p), placed.get(p + 1)) && placed.get(p).funding()
                        && placed.get(p).smallerThan(total); p--) {
                    keys[p] = keys[t];
                }
            }
        }
        List<Placed> parted = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Placed p = placed.get(i);
            parted.add(Objects.equals(keys[i], p.key()) ? p : p.withKey(keys[i]));
        }
        return parted;
    }

    /** Whether two sums are close enough in the text to be one announcement's parts. */
    private static boolean near(Placed earlier, Placed later) {
        return later.start() - earlier.start() <= PARTS_DISTANCE;
    }

    private static boolean addsUpTo(BigDecimal parts, BigDecimal total) {
        return parts.subtract(total).abs().compareTo(total.multiply(new BigDecimal("0.01"))) <= 0;
    }

    /** Where a currency sign or word ("pounds", "dollars", "euros") stands, in text order. */
    private static int[] markers(String text, Tokens tokens) {
        int[] markers = new int[8];
        int count = 0;
        for (char sign : CURRENCY_SIGNS) {
            for (int at = text.indexOf(sign); at >= 0; at = text.indexOf(sign, at + 1)) {
                markers = count == markers.length ? Arrays.copyOf(markers, count * 2) : markers;
                markers[count++] = at;
            }
        }
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.lower(i);
            char first = word.charAt(0);
            if ((first == 'p' || first == 'd' || first == 'e')
                    && (word.startsWith("pound") || word.startsWith("dollar") || word.startsWith("euro"))) {
                markers = count == markers.length ? Arrays.copyOf(markers, count * 2) : markers;
                markers[count++] = tokens.start(i);
            }
        }
        int[] sorted = Arrays.copyOf(markers, count);
        Arrays.sort(sorted);
        return sorted;
    }

    /** A sum found, and where its words end. */
    private record Sum(String currency, BigDecimal amount, int end, boolean range) {
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
            return new Sum(currency, amount(number, multiplier), end, false);
        }
        BigDecimal amount = m.group("num2") == null ? amount(number, multiplier)
                : amount(m.group("num2"), m.group("mult2") != null ? m.group("mult2") : multiplier);
        if (m.group("years") != null) {
            String years = m.group("years").toLowerCase(Locale.ROOT);
            amount = amount.multiply(BigDecimal.valueOf(COUNTS.containsKey(years) ? COUNTS.get(years)
                    : Integer.parseInt(years)));
        }
        return new Sum(currency, amount, m.end(), m.group("num2") != null);
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
    private static MoneyKind cueKind(Tokens tokens, Sentence sentence, int start, int end, String lead, boolean range) {
        int first = tokens.atOrAfter(start);
        int last = tokens.atOrAfter(end) - 1;
        MoneyKind best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (int i = Math.max(0, first - CUE_WINDOW); i < Math.min(tokens.size(), last + 1 + CUE_WINDOW); i++) {
            if ((i >= first && i <= last) || !sentence.contains(tokens.start(i))) {
                continue;
            }
            int distance = i < first ? first - i : i - last;
            String stem = tokens.stem(i);
            MoneyKind cue = CUES.get(stem);
            if (cue == MoneyKind.OTHER) {
                distance *= 2;
                if (i > 0 && Character.isDigit(tokens.lower(i - 1).charAt(0))) {
                    cue = null; // "in 2018/19 prices": a price base, not a price
                }
                else if (tokens.lower(i).equals("worth") && fundedThingBefore(tokens, i)) {
                    cue = MoneyKind.FUNDING; // "contracts worth £70,000", unlike "an industry worth £5bn"
                }
            }
            else if (cue == MoneyKind.FUNDING && GOING.contains(stem) && i < first) {
                cue = null; // "if the case goes to court, up to £2,500"
            }
            else if (cue == MoneyKind.FUNDING && WEAK.contains(stem)) {
                distance *= 2;
            }
            else if (cue == MoneyKind.COST && tokens.lower(i).equals("spent") && toCome(tokens, i)) {
                cue = MoneyKind.FUNDING; // "£4.9 million will be spent on recruitment": an allocation
            }
            else if (cue == MoneyKind.COST && i + 1 < tokens.size() && PAYERS.contains(tokens.lower(i + 1))) {
                cue = MoneyKind.OTHER; // "it cost him less than £20": a price
            }
            if (i > last && distance <= 3 && FUNDED_THINGS.contains(stem)) {
                cue = MoneyKind.FUNDING;
                distance = 0;
            }
            if (i < first && distance <= 2 && NEW_MONEY.contains(stem)) {
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
        if (best == MoneyKind.COST && lead.startsWith("up")) {
            return MoneyKind.FUNDING; // a cap is not a measured cost
        }
        if (best == MoneyKind.COST && range) {
            return MoneyKind.OTHER; // "between £100 and £300": a band of prices, not a cost measured
        }
        return best;
    }

    /** Whether "spent" is still to come: "will be spent", "to be spent". */
    private static boolean toCome(Tokens tokens, int spent) {
        for (int k = Math.max(0, spent - 3); k < spent; k++) {
            if (TO_COME.contains(tokens.lower(k)) && !tokens.sentenceStartsAt(k + 1)) {
                return true;
            }
        }
        return false;
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
        Matcher bullet = EventExtractor.BULLET.matcher(rest);
        if (bullet.lookingAt()) {
            rest = rest.substring(bullet.end());
        }
        String purpose = null;
        if (!NOT_A_NOUN.matcher(rest).find() && !rest.isEmpty() && Character.isLetter(rest.charAt(0))
                && !DATE_START.matcher(rest).lookingAt()) {
            Matcher end = PHRASE_END.matcher(rest);
            purpose = end.find() ? rest.substring(0, end.start()) : rest;
        }
        else {
            // the first "to …" or "for …" clause that names a thing, not a date ("to September 2026")
            Matcher clause = PURPOSE_CLAUSE.matcher(rest);
            for (int from = 0; purpose == null && clause.find(from) && clause.start() <= 60; from = clause.start(1)) {
                purpose = DATE_START.matcher(clause.group(1)).lookingAt() ? null : clause.group(1);
            }
        }
        if (purpose == null || purpose.isBlank()) {
            return null;
        }
        purpose = purpose.strip();
        return purpose.length() <= PURPOSE_MAX ? purpose : purpose.substring(0, purpose.lastIndexOf(' ', PURPOSE_MAX))
                + "…";
    }

    /**
     * The year the sum was announced: that of the last date before it in its sentence, not after
     * the document's own date ("In September 2018 the Home Secretary announced £21.5m"), else
     * {@code null}. A date after the sum is more often when it is spent ("£10m in 2015/16").
     */
    private static Integer sentenceYear(List<EventExtractor.Found> dates, Sentence sentence, int offset,
            LocalDate reference) {
        Integer year = null;
        for (EventExtractor.Found date : dates) {
            if (sentence.contains(date.start()) && date.start() < offset && !date.event().date().isAfter(reference)) {
                year = date.event().date().getYear();
            }
        }
        return year;
    }
}
