package org.watchbrief.analysis;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The themes Watchbrief sorts documents into, and the terms that show a document is about online
 * child sexual exploitation and abuse at all. Read from {@code themes.yml}; a user's own file
 * can replace it and add themes without a code change.
 *
 * <p>Terms are matched on normalised words (Lucene's tokenizer and the Snowball English stemmer),
 * so case, plurals and inflections do not matter; see {@link Term} for the syntax.
 *
 * @param relevanceTerms terms that only a document on the subject uses
 * @param relevanceMinimum the summed weight of relevance term occurrences that makes a document
 *     relevant
 * @param themes the themes, in the order digests list them
 */
public record Taxonomy(List<Term> relevanceTerms, double relevanceMinimum, List<Theme> themes) {

    public Taxonomy {
        relevanceTerms = List.copyOf(relevanceTerms);
        themes = List.copyOf(themes);
        if (!(relevanceMinimum > 0)) {
            throw new TaxonomyException("relevance.minimum must be above 0, was " + relevanceMinimum);
        }
        if (themes.isEmpty()) {
            throw new TaxonomyException("the taxonomy defines no themes");
        }
    }

    /**
     * A theme and its terms.
     *
     * @param key the name used in schedules, JSON and the database ({@code data_sharing})
     * @param label the heading digests show ("Data sharing")
     * @param terms the terms whose presence shows the theme
     * @param threshold the score from which a relevant document is assigned the theme
     * @param minimumSentences in how many sentences the theme's terms must occur before it is
     *     assigned: above 1 for a theme whose words are common in passing
     */
    public record Theme(String key, String label, List<Term> terms, double threshold, int minimumSentences) {

        public Theme {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(label, "label");
            terms = List.copyOf(terms);
            if (!key.matches("[a-z][a-z0-9_]*")) {
                throw new TaxonomyException("theme key '" + key + "' must be lower-case letters, digits and _");
            }
            if (terms.isEmpty()) {
                throw new TaxonomyException("theme '" + key + "' has no terms");
            }
            if (!(threshold > 0 && threshold < 1)) {
                throw new TaxonomyException("themes." + key + ".threshold must be between 0 and 1, was " + threshold);
            }
            if (minimumSentences < 1) {
                throw new TaxonomyException("themes." + key + ".minimum-sentences must be at least 1, was "
                        + minimumSentences);
            }
        }

        public Theme(String key, String label, List<Term> terms, double threshold) {
            this(key, label, terms, threshold, 1);
        }
    }

    /**
     * A term and the weight one occurrence adds to its theme's score. The term's syntax is
     * described in {@code themes.yml}: words compared by their stem, {@code *} for any ending,
     * {@code a|b} for alternatives, {@code ~N} for up to N words between two.
     */
    public record Term(String term, double weight) {

        public Term {
            if (term == null || term.isBlank()) {
                throw new TaxonomyException("a term must not be blank");
            }
            if (!(weight > 0)) {
                throw new TaxonomyException("term '" + term + "' needs a positive weight, was " + weight);
            }
            pattern(term);
        }

        public static Term of(String term, double weight) {
            return new Term(term, weight);
        }

        TermPattern pattern() {
            return pattern(term);
        }

        private static TermPattern pattern(String term) {
            try {
                return TermPattern.compile(term);
            }
            catch (IllegalArgumentException ex) {
                throw new TaxonomyException(ex.getMessage());
            }
        }
    }

    /** Thrown when a taxonomy file is malformed; the message names the field. */
    public static final class TaxonomyException extends RuntimeException {

        public TaxonomyException(String message) {
            super(message);
        }
    }

    /** The theme with the given key. */
    public Theme theme(String key) {
        return themes.stream().filter(t -> t.key().equals(key)).findFirst()
            .orElseThrow(() -> new TaxonomyException("no theme '" + key + "' in the taxonomy"));
    }

    public List<String> keys() {
        return themes.stream().map(Theme::key).toList();
    }

    /**
     * Parses a taxonomy in the {@code themes.yml} form. Parsing only: the caller opens the file.
     *
     * @throws TaxonomyException naming the field at fault
     */
    public static Taxonomy parse(Reader yaml) {
        Object root = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        Map<String, Object> map = asMap(root, "the taxonomy");
        Map<String, Object> relevance = asMap(map.get("relevance"), "relevance");
        List<Theme> themes = new ArrayList<>();
        for (Map.Entry<String, Object> entry : asMap(map.get("themes"), "themes").entrySet()) {
            Map<String, Object> theme = asMap(entry.getValue(), "themes." + entry.getKey());
            themes.add(new Theme(entry.getKey(), String.valueOf(theme.getOrDefault("label", entry.getKey())),
                    terms(theme.get("terms"), "themes." + entry.getKey() + ".terms"),
                    number(theme.getOrDefault("threshold", 0.5), "themes." + entry.getKey() + ".threshold"),
                    (int) number(theme.getOrDefault("minimum-sentences", 1),
                            "themes." + entry.getKey() + ".minimum-sentences")));
        }
        return new Taxonomy(terms(relevance.get("terms"), "relevance.terms"),
                number(relevance.getOrDefault("minimum", 1), "relevance.minimum"), themes);
    }

    private static List<Term> terms(Object value, String field) {
        if (!(value instanceof List<?> list) || list.isEmpty()) {
            throw new TaxonomyException(field + " must be a non-empty list of terms");
        }
        List<Term> terms = new ArrayList<>();
        for (Object item : list) {
            try {
                if (item instanceof String term) {
                    terms.add(Term.of(term, 1));
                }
                else if (item instanceof Map<?, ?> weighted && weighted.size() == 1) {
                    Map.Entry<?, ?> entry = weighted.entrySet().iterator().next();
                    terms.add(Term.of(String.valueOf(entry.getKey()), number(entry.getValue(), field)));
                }
                else {
                    throw new TaxonomyException("'" + item + "' is neither a term nor {term: weight}");
                }
            }
            catch (TaxonomyException ex) {
                throw new TaxonomyException(field + ": " + ex.getMessage());
            }
        }
        return terms;
    }

    private static double number(Object value, String field) {
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        throw new TaxonomyException(field + " must be a number, was '" + value + "'");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value, String field) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new TaxonomyException(field + " must be a mapping");
    }
}
