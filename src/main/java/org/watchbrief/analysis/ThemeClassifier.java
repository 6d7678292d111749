package org.watchbrief.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.watchbrief.analysis.Sentences.Sentence;

/**
 * Decides relevance and scores a document against each theme of a {@link Taxonomy}, on the
 * document's normalised words. A theme's score grows with the summed weight of its terms'
 * occurrences and saturates towards 1; where two terms of a theme cover the same words, only the
 * heavier counts. A theme is assigned only to a relevant document whose score reaches the
 * theme's threshold. Thread-safe: the compiled terms are read-only.
 */
final class ThemeClassifier {

    /** The summed weight at which a theme's score reaches about 0.63. */
    private static final double SATURATION = 2.0;

    /** A gap in a term never reaches across the end of a sentence. */
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?;:]\\s");

    private final Taxonomy taxonomy;

    private final List<Weighted> relevance;

    private final List<List<Weighted>> themes;

    private record Weighted(TermPattern pattern, double weight) {
    }

    /** One occurrence of a term: its first and last word and its weight. */
    private record Hit(int first, int last, double weight) {
    }

    ThemeClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        this.relevance = compile(taxonomy.relevanceTerms());
        this.themes = taxonomy.themes().stream().map(t -> compile(t.terms())).toList();
    }

    private static List<Weighted> compile(List<Taxonomy.Term> terms) {
        return terms.stream().map(t -> new Weighted(t.pattern(), t.weight())).toList();
    }

    boolean relevant(Tokens tokens) {
        return weight(hits(relevance, tokens)) >= taxonomy.relevanceMinimum();
    }

    List<ThemeScore> classify(Tokens tokens, List<Sentence> sentences, boolean relevant) {
        List<ThemeScore> scores = new ArrayList<>(themes.size());
        for (int t = 0; t < themes.size(); t++) {
            Taxonomy.Theme theme = taxonomy.themes().get(t);
            List<Hit> hits = hits(themes.get(t), tokens);
            List<Evidence> evidence = new ArrayList<>();
            Set<Sentence> seen = new HashSet<>();
            for (Hit hit : hits) {
                Sentence sentence = Sentences.at(sentences, tokens.start(hit.first()));
                if (seen.add(sentence)) {
                    evidence.add(new Evidence(
                            Sentences.collapse(tokens.text().substring(tokens.start(hit.first()), tokens.end(hit.last()))),
                            sentence.text()));
                }
            }
            double score = round(1 - Math.exp(-weight(hits) / SATURATION));
            boolean assigned = relevant && score >= theme.threshold() && evidence.size() >= theme.minimumSentences();
            scores.add(new ThemeScore(theme.key(), score, assigned, evidence));
        }
        return scores;
    }

    /** The occurrences of the terms, in text order; of overlapping ones, only the heaviest. */
    private static List<Hit> hits(List<Weighted> terms, Tokens tokens) {
        List<Hit> all = new ArrayList<>();
        for (Weighted term : terms) {
            for (int[] found : term.pattern().find(tokens)) {
                if (!SENTENCE_END.matcher(tokens.text()).region(tokens.start(found[0]), tokens.end(found[1])).find()) {
                    all.add(new Hit(found[0], found[1], term.weight()));
                }
            }
        }
        all.sort(Comparator.comparingDouble(Hit::weight).reversed().thenComparingInt(Hit::first));
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : all) {
            if (kept.stream().noneMatch(k -> k.first() <= hit.last() && hit.first() <= k.last())) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::first));
        return kept;
    }

    private static double weight(List<Hit> hits) {
        return hits.stream().mapToDouble(Hit::weight).sum();
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
