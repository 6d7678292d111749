package org.watchbrief.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.watchbrief.analysis.Sentences.Sentence;

/**
 * The analysis of one document's text: relevance, themes, money and events. Thread-safe and
 * stateless after construction, so one instance serves every document of a run.
 */
public final class Analyzer {

    private final Taxonomy taxonomy;

    private final ThemeClassifier themes;

    private final MoneyExtractor money = new MoneyExtractor();

    private final EventExtractor events = new EventExtractor();

    public Analyzer(Taxonomy taxonomy) {
        this.taxonomy = Objects.requireNonNull(taxonomy, "taxonomy");
        this.themes = new ThemeClassifier(taxonomy);
    }

    public Taxonomy taxonomy() {
        return taxonomy;
    }

    /**
     * Analyses a document's text.
     *
     * @param text the document's headline and body, without the layout's metadata lines
     * @param referenceDate the document's own date, against which relative dates ("earlier this
     *     month") are resolved
     */
    public Analysis analyze(String text, LocalDate referenceDate) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(referenceDate, "referenceDate");
        Sentences sentences = Sentences.of(text);
        Tokens tokens = Tokens.of(text);
        ThemeClassifier.Classification classification = themes.classify(tokens, sentences);
        List<EventExtractor.Found> dates = events.find(text, tokens, sentences, referenceDate);
        return new Analysis(classification.relevant(), classification.themes(),
                money.extract(text, tokens, sentences, dates, referenceDate),
                dates.stream().map(EventExtractor.Found::event).toList());
    }

    /**
     * An extractive summary: the first sentences that carry an assigned theme, else the first
     * sentences of the text; at most {@code count} sentences.
     */
    public String summarize(String text, Analysis analysis, int count) {
        List<String> carrying = analysis.themes().stream().filter(ThemeScore::assigned)
            .flatMap(t -> t.evidence().stream()).map(Evidence::sentence).distinct().toList();
        List<String> chosen = Sentences.split(text).stream().map(Sentence::text)
            .filter(s -> s.length() > 30 && !s.startsWith("To ask"))
            .filter(s -> carrying.isEmpty() || carrying.contains(s)).limit(count).toList();
        if (chosen.isEmpty()) {
            chosen = Sentences.split(text).stream().map(Sentence::text).limit(count).toList();
        }
        return String.join(" ", chosen);
    }
}
