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
        return analyze(text, Sentences.of(text), referenceDate);
    }

    private Analysis analyze(String text, Sentences sentences, LocalDate referenceDate) {
        Objects.requireNonNull(referenceDate, "referenceDate");
        Tokens tokens = Tokens.of(text);
        ThemeClassifier.Classification classification = themes.classify(tokens, sentences);
        List<EventExtractor.Found> dates = events.find(text, tokens, sentences, referenceDate);
        return new Analysis(classification.relevant(), classification.themes(),
                money.extract(text, tokens, sentences, dates, referenceDate),
                dates.stream().map(EventExtractor.Found::event).toList());
    }

    /**
     * A document's analysis and the extractive summary of its body.
     *
     * @param summary the first sentences of the body that carry an assigned theme, else its first
     *     sentences
     */
    public record Summarized(Analysis analysis, String summary) {
    }

    /**
     * Analyses a document, its headline and body read as one text, and summarises its body from
     * the same sentences: the text is split once.
     *
     * @param headline the document's headline, {@code null} when it has none
     * @param count how many sentences the summary holds at most
     */
    public Summarized analyze(String headline, String body, LocalDate referenceDate, int count) {
        Objects.requireNonNull(body, "body");
        String text = headline == null ? body : headline + "\n\n" + body;
        Sentences sentences = Sentences.of(text);
        Analysis analysis = analyze(text, sentences, referenceDate);
        // a line break ends a sentence: the body's sentences are the text's from where the body starts
        int bodyStart = text.length() - body.length();
        return new Summarized(analysis, summarize(sentences, bodyStart, analysis, count));
    }

    /**
     * An extractive summary of the text from {@code from} on: the first sentences that carry an
     * assigned theme, else the first sentences; at most {@code count} sentences.
     */
    private static String summarize(Sentences sentences, int from, Analysis analysis, int count) {
        List<String> carrying = analysis.themes().stream().filter(ThemeScore::assigned)
            .flatMap(t -> t.evidence().stream()).map(Evidence::sentence).distinct().toList();
        List<String> chosen = sentences.from(from).map(Sentence::text)
            .filter(s -> s.length() > 30 && !s.startsWith("To ask"))
            .filter(s -> carrying.isEmpty() || carrying.contains(s)).limit(count).toList();
        if (chosen.isEmpty()) {
            chosen = sentences.from(from).map(Sentence::text).limit(count).toList();
        }
        return String.join(" ", chosen);
    }
}
