package org.watchbrief.analysis;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

import org.watchbrief.analysis.Sentences.Sentence;

/**
 * Scores a document against each theme of a {@link Taxonomy} and decides relevance. A theme's
 * score grows with the weight of its terms' occurrences and saturates towards 1; a theme is
 * assigned only to a relevant document whose score reaches the theme's threshold.
 */
final class ThemeClassifier {

    /** The summed weight at which a theme's score reaches about 0.63. */
    private static final double SATURATION = 2.0;

    private final Taxonomy taxonomy;

    ThemeClassifier(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    boolean relevant(String text) {
        int occurrences = 0;
        for (Taxonomy.Term term : taxonomy.relevanceTerms()) {
            Matcher matcher = term.pattern().matcher(text);
            while (matcher.find()) {
                if (++occurrences >= taxonomy.relevanceMinimum()) {
                    return true;
                }
            }
        }
        return false;
    }

    List<ThemeScore> classify(String text, List<Sentence> sentences, boolean relevant) {
        List<ThemeScore> scores = new ArrayList<>();
        for (Taxonomy.Theme theme : taxonomy.themes()) {
            double weight = 0;
            List<Evidence> evidence = new ArrayList<>();
            Set<String> seenSentences = new LinkedHashSet<>();
            for (Taxonomy.Term term : theme.terms()) {
                Matcher matcher = term.pattern().matcher(text);
                while (matcher.find()) {
                    weight += term.weight();
                    Sentence sentence = Sentences.at(sentences, matcher.start());
                    if (seenSentences.add(sentence.text())) {
                        evidence.add(new Evidence(Sentences.collapse(matcher.group()), sentence.text()));
                    }
                }
            }
            double score = round(1 - Math.exp(-weight / SATURATION));
            scores.add(new ThemeScore(theme.key(), score, relevant && score >= theme.threshold(), evidence));
        }
        return scores;
    }

    private static double round(double score) {
        return Math.round(score * 100) / 100.0;
    }
}
