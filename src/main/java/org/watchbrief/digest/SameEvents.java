package org.watchbrief.digest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.analysis.DatedEvent;

/**
 * Finds the reports of one event among the dated events of a digest's documents, so that the
 * timeline shows an event once with all its sources (a speech cited by a written answer and by a
 * press release).
 *
 * <p>Two reports are of the same event when they name the same date at the same precision and
 * their descriptions share enough of their distinctive words. Words are weighed by how rare they
 * are among all the descriptions at hand (an inverse document frequency), so that words every
 * report uses ("children", "online") count for little and a shared name ("speech", "NSPCC")
 * for much. The bar is lower for a named day than for a month or a year, since far fewer
 * different things share a day; two reports of the same day in one document are always taken to
 * be one event, since a document that names a day twice is nearly always returning to it.
 */
final class SameEvents {

    /** The share of the shorter description's weight that must be shared, for a named day. */
    static final double DAY_SIMILARITY = 0.12;

    /** The same, for a month, season, quarter or year. */
    static final double PERIOD_SIMILARITY = 0.35;

    private static final Set<String> STOPWORDS = Set.of("the", "and", "for", "that", "this", "with", "from", "was",
            "were", "are", "has", "have", "had", "been", "being", "its", "his", "her", "their", "our", "your", "they",
            "them", "she", "him", "who", "whom", "which", "what", "when", "where", "will", "would", "shall", "should",
            "can", "could", "may", "might", "must", "not", "but", "all", "any", "each", "other", "such", "than",
            "then", "there", "these", "those", "into", "onto", "over", "under", "out", "about", "also", "after",
            "before", "since", "until", "during", "while", "more", "most", "some", "one", "two", "three", "first",
            "last", "next", "new", "year", "years", "month", "months", "week", "weeks", "day", "days", "earlier",
            "later", "january", "february", "march", "april", "june", "july", "august", "september",
            "october", "november", "december", "spring", "summer", "autumn", "winter", "said", "says", "how", "why",
            "did", "does", "per", "via", "upon", "between", "within", "against", "ask", "asked");

    private SameEvents() {
    }

    /** A dated event and which report it came from. */
    record Report<T>(DatedEvent event, T source) {
    }

    /** Groups the reports by event, keeping the order in which each event is first met. */
    static <T> List<List<Report<T>>> group(List<Report<T>> reports) {
        Map<String, Double> weights = weights(reports);
        Map<String, List<Cluster<T>>> byDate = new LinkedHashMap<>();
        List<Cluster<T>> clusters = new ArrayList<>();
        for (Report<T> report : reports) {
            DatedEvent event = report.event();
            Set<String> words = words(event.event());
            List<Cluster<T>> sameDate = byDate.computeIfAbsent(event.precision() + "|" + event.isoDate(),
                    k -> new ArrayList<>());
            Cluster<T> match = null;
            for (Cluster<T> cluster : sameDate) {
                if (same(cluster, report, words, weights)) {
                    match = cluster;
                    break;
                }
            }
            if (match == null) {
                match = new Cluster<>(new ArrayList<>(), new HashSet<>());
                sameDate.add(match);
                clusters.add(match);
            }
            match.reports().add(report);
            match.words().addAll(words);
        }
        return clusters.stream().map(Cluster::reports).map(List::copyOf).toList();
    }

    private static <T> boolean same(Cluster<T> cluster, Report<T> report, Set<String> words,
            Map<String, Double> weights) {
        boolean day = report.event().precision() == DatePrecision.DAY;
        if (day && cluster.reports().stream().anyMatch(r -> r.source().equals(report.source()))) {
            return true;
        }
        return similarity(cluster.words(), words, weights) >= (day ? DAY_SIMILARITY : PERIOD_SIMILARITY);
    }

    /** The weight of the shared words over the weight of the lighter of the two descriptions. */
    static double similarity(Set<String> a, Set<String> b, Map<String, Double> weights) {
        double shared = 0;
        for (String word : a) {
            if (b.contains(word)) {
                shared += weights.getOrDefault(word, 1.0);
            }
        }
        double lighter = Math.min(weight(a, weights), weight(b, weights));
        return lighter == 0 ? 0 : shared / lighter;
    }

    private static double weight(Set<String> words, Map<String, Double> weights) {
        return words.stream().mapToDouble(w -> weights.getOrDefault(w, 1.0)).sum();
    }

    /** ln(1 + N / df) over the distinct descriptions: rare words weigh more. */
    private static <T> Map<String, Double> weights(List<Report<T>> reports) {
        Set<String> descriptions = new HashSet<>();
        reports.forEach(r -> descriptions.add(r.event().event()));
        Map<String, Integer> frequency = new HashMap<>();
        for (String description : descriptions) {
            words(description).forEach(w -> frequency.merge(w, 1, Integer::sum));
        }
        Map<String, Double> weights = new HashMap<>();
        frequency.forEach((word, df) -> weights.put(word, Math.log(1 + (double) descriptions.size() / df)));
        return weights;
    }

    /** The distinctive words of a description: lower case, no stop words, no numbers, plural s dropped. */
    static Set<String> words(String description) {
        Set<String> words = new HashSet<>();
        for (String token : description.toLowerCase(Locale.UK).split("[^\\p{L}]+")) {
            if (token.length() < 3 || STOPWORDS.contains(token)) {
                continue;
            }
            words.add(token.length() > 4 && token.endsWith("s") && !token.endsWith("ss")
                    ? token.substring(0, token.length() - 1) : token);
        }
        return words;
    }

    private record Cluster<T>(List<Report<T>> reports, Set<String> words) {
    }
}
