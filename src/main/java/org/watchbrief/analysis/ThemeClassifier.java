package org.watchbrief.analysis;

import java.util.ArrayList;
import java.util.List;

import org.watchbrief.analysis.Sentences.Sentence;
import org.watchbrief.analysis.TermIndex.Hit;

/**
 * Decides relevance and scores a document against each theme of a {@link Taxonomy}, on the
 * document's normalised words, matching every term in one pass. A theme's score grows with the
 * summed weight of its terms' occurrences and saturates towards 1; where two terms of a theme
 * cover the same words, only the heavier counts. A theme is assigned only to a relevant document
 * whose score reaches the theme's threshold, with evidence in at least the theme's minimum number
 * of sentences. Thread-safe: the compiled terms are read-only.
 */
final class ThemeClassifier {

    /** The summed weight at which a theme's score reaches about 0.63. */
    private static final double SATURATION = 2.0;

    private final Taxonomy taxonomy;

    /** Group 0 is the relevance terms, group 1 + n the terms of theme n. */
    private final TermIndex terms;

    /** Whether the document is on the subject, and its score for each theme. */
    record Classification(boolean relevant, List<ThemeScore> themes) {
    }

    ThemeClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        List<List<Taxonomy.Term>> groups = new ArrayList<>();
        groups.add(taxonomy.relevanceTerms());
        taxonomy.themes().forEach(t -> groups.add(t.terms()));
        this.terms = new TermIndex(groups);
    }

    Classification classify(Tokens tokens, Sentences sentences) {
        List<List<Hit>> hits = terms.match(tokens);
        boolean relevant = weight(hits.get(0)) >= taxonomy.relevanceMinimum();
        List<ThemeScore> scores = new ArrayList<>(taxonomy.themes().size());
        for (int t = 0; t < taxonomy.themes().size(); t++) {
            Taxonomy.Theme theme = taxonomy.themes().get(t);
            List<Hit> themeHits = hits.get(t + 1);
            List<Evidence> evidence = new ArrayList<>();
            Sentence last = null;
            for (Hit hit : themeHits) {
                // hits come in text order, so a sentence's hits are side by side
                Sentence sentence = sentences.at(tokens.start(hit.first()));
                if (sentence != last) {
                    last = sentence;
                    evidence.add(new Evidence(Sentences.collapse(tokens.text().substring(tokens.start(hit.first()),
                            tokens.end(hit.last()))), sentence.text()));
                }
            }
            double score = round(1 - Math.exp(-weight(themeHits) / SATURATION));
            boolean assigned = relevant && score >= theme.threshold() && evidence.size() >= theme.minimumSentences();
            scores.add(new ThemeScore(theme.key(), score, assigned, evidence));
        }
        return new Classification(relevant, scores);
    }

    private static double weight(List<Hit> hits) {
        return hits.stream().mapToDouble(Hit::weight).sum();
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
