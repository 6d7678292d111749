package org.watchbrief.intake;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What a document's layout (or its source's record) says about it. A field that is not given is
 * {@code null}, never guessed.
 *
 * @param type the kind of document (never {@code null}; {@link DocumentType#OTHER} when unknown)
 * @param title the headline or question title
 * @param department the answering department or publishing organisation
 * @param uin a written question's (or statement's) unique identification number
 * @param asked the date a question was tabled
 * @param answered the date a question was answered
 * @param answeredBy the person (or body) who answered, or the minister who made a statement
 * @param published the document's own date: the answered date, or the publication date
 * @param sourceUrl where the document was published, when known
 * @param answeredByRole the answering member's role as the source gave it at the time of the
 *     answer ("Minister of State (Home Office)"); {@code null} when the source gives none or gives
 *     only a later role
 * @param corrected the date the answer (or statement) was corrected, {@code null} when it was not
 * @param holding whether the answer is a holding answer, to be replaced by a substantive one
 */
public record DocumentMetadata(DocumentType type, String title, String department, String uin, LocalDate asked,
        LocalDate answered, String answeredBy, LocalDate published, String sourceUrl, String answeredByRole,
        LocalDate corrected, boolean holding) {

    public DocumentMetadata {
        Objects.requireNonNull(type, "type");
    }

    /** Metadata without a role, a correction or a holding answer: what text layouts mostly carry. */
    public DocumentMetadata(DocumentType type, String title, String department, String uin, LocalDate asked,
            LocalDate answered, String answeredBy, LocalDate published, String sourceUrl) {
        this(type, title, department, uin, asked, answered, answeredBy, published, sourceUrl, null, null, false);
    }

    /**
     * The date a briefing window is applied to: the correction's date for a corrected answer (a
     * correction is news when it is made), else the document's own date; {@code null} when neither
     * is known.
     */
    public LocalDate briefDate() {
        return corrected != null ? corrected : published;
    }
}
