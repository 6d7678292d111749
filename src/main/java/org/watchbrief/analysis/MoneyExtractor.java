package org.watchbrief.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.watchbrief.analysis.Sentences.Sentence;

/**
 * Finds sums of money in pounds, dollars and euros ("£21.5m", "£250,000", "up to £18 million"),
 * with their exact amount, kind, purpose and, for funding, an announcement key.
 */
final class MoneyExtractor {

    private static final Pattern MONEY = Pattern.compile(
            "(?:\\b(up to|around|about|over|more than|nearly|almost|an extra|a further)\\s+)?"
                    + "([£$€])\\s?(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?"
                    + "(?:\\s?(bn|billion|m|million|k|thousand)(?![\\p{L}]))?",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern FINE = Pattern.compile("\\b(fine[ds]?|penalt(y|ies)|fined)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern COST = Pattern.compile(
            "\\b(cost(s|ing)?|spent|spend(ing)?|loss(es)?|lost|turnover|revenue|price[sd]?|worth)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern FUNDING = Pattern.compile(
            "\\b(fund(s|ed|ing)?|invest(s|ed|ing|ment)?|grants?|granted|made available|making .{0,40}available|"
                    + "commit(s|ted|ment)?|allocat(e|ed|ion)|award(s|ed)?|package|boost|backed|offer(s|ed|ing)?|"
                    + "provid(e|es|ed|ing)|announced|programme)\\b",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern PURPOSE = Pattern.compile(
            "^(?:[^.;]{0,40}?\\b)?(?:for|to|towards|on|in)\\s+([^.;:]{6,200}?)(?=[.;:]|,\\s(?:and|but|which|while)\\b|$)",
            Pattern.CASE_INSENSITIVE);

    List<MoneyMention> extract(String text, List<Sentence> sentences) {
        List<MoneyMention> mentions = new ArrayList<>();
        Matcher matcher = MONEY.matcher(text);
        while (matcher.find()) {
            BigDecimal amount = amount(matcher.group(3), matcher.group(4), matcher.group(5));
            String currency = switch (matcher.group(2)) {
                case "£" -> "GBP";
                case "$" -> "USD";
                default -> "EUR";
            };
            Sentence sentence = Sentences.at(sentences, matcher.start());
            MoneyKind kind = kind(sentence.text());
            String purpose = purpose(text.substring(matcher.end(), Math.min(text.length(), matcher.end() + 240)));
            String announcement = kind == MoneyKind.FUNDING ? AnnouncementKeys.key(currency, amount) : null;
            mentions.add(new MoneyMention(Sentences.collapse(matcher.group()), amount, currency, kind, purpose,
                    announcement));
        }
        return mentions;
    }

    static BigDecimal amount(String whole, String fraction, String multiplier) {
        BigDecimal amount = new BigDecimal(whole.replace(",", "") + (fraction == null ? "" : "." + fraction));
        if (multiplier != null) {
            amount = amount.multiply(switch (multiplier.toLowerCase(Locale.ROOT)) {
                case "bn", "billion" -> BigDecimal.valueOf(1_000_000_000);
                case "m", "million" -> BigDecimal.valueOf(1_000_000);
                default -> BigDecimal.valueOf(1_000);
            });
        }
        return amount.stripTrailingZeros().setScale(Math.max(0, amount.stripTrailingZeros().scale()));
    }

    private static MoneyKind kind(String sentence) {
        if (FINE.matcher(sentence).find()) {
            return MoneyKind.FINE;
        }
        if (FUNDING.matcher(sentence).find()) {
            return MoneyKind.FUNDING;
        }
        if (COST.matcher(sentence).find()) {
            return MoneyKind.COST;
        }
        return MoneyKind.OTHER;
    }

    private static String purpose(String after) {
        Matcher matcher = PURPOSE.matcher(after.replaceAll("\\s+", " "));
        return matcher.find() ? matcher.group(1).strip() : null;
    }
}
