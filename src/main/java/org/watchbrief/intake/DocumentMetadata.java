package org.watchbrief.intake;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a document's layout says about it. A field the layout does not carry is {@code null},
 * never guessed.
 *
 * @param type the kind of document (never {@code null}; {@link DocumentType#OTHER} when unknown)
 * @param title the headline or question title
 * @param department the answering department or publishing organisation
 * @param uin a written question's unique identification number
 * @param asked the date a question was tabled
 * @param answered the date a question was answered
 * @param answeredBy the person (or body) who answered
 * @param published the document's own date: the answered date, or the publication date
 * @param sourceUrl where the document was published, when known
 */
public record DocumentMetadata(DocumentType type, String title, String department, String uin, LocalDate asked,
        LocalDate answered, String answeredBy, LocalDate published, String sourceUrl) {

    public DocumentMetadata {
        Objects.requireNonNull(type, "type");
    }
}
