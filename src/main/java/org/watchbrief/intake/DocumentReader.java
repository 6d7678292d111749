package org.watchbrief.intake;

import java.time.LocalDate;
import java.util.Objects;

import org.watchbrief.analysis.Analyzer;

/**
 * Turns a source document into an analysed one: text out, metadata parsed (or taken from the
 * source's record), text analysed. Shared by the briefing job's intake step and the
 * {@code analyze} command, so both see a document the same way. Thread-safe.
 */
public class DocumentReader {

    private static final int SUMMARY_SENTENCES = 2;

    private final TextExtractor extractor;

    private final MetadataParser parser = new MetadataParser();

    private final Analyzer analyzer;

    public DocumentReader(TextExtractor extractor, Analyzer analyzer) {
        this.extractor = Objects.requireNonNull(extractor, "extractor");
        this.analyzer = Objects.requireNonNull(analyzer, "analyzer");
    }

    /**
     * @param today the day the document comes in, the reference date when it carries none of its own
     * @throws UnreadableDocumentException when its text cannot be read
     */
    public AnalysedDocument read(SourceDocument document, LocalDate today) {
        TextExtractor.Extracted extracted = extractor.extractText(document);
        String text = extracted.text();
        ParsedDocument parsed = document.metadata() != null
                ? new ParsedDocument(document.metadata(), MetadataParser.paragraphs(text)) : parser.parse(text);
        if (parsed.body().isBlank()) {
            throw UnreadableDocumentException.of(document, "no body text after the layout's headings", null);
        }
        DocumentMetadata metadata = parsed.metadata();
        LocalDate reference = metadata.published() != null ? metadata.published()
                : metadata.asked() != null ? metadata.asked() : today;
        // the headline is part of what the document says ("£100 million to repair potholes")
        Analyzer.Summarized analysed = analyzer.analyze(metadata.title(), parsed.body(), reference, SUMMARY_SENTENCES);
        return new AnalysedDocument(document.sourceKey(), document.name(), document.contentHash(), metadata,
                parsed.body(), analysed.analysis(), analysed.summary(), reference, document.revision(), extracted.cut());
    }
}
