package org.watchbrief.support;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.watchbrief.analysis.Analysis;
import org.watchbrief.analysis.AnnouncementKeys;
import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.analysis.Evidence;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.analysis.MoneyMention;
import org.watchbrief.analysis.ThemeScore;
import org.watchbrief.intake.AnalysedDocument;
import org.watchbrief.intake.DocumentMetadata;
import org.watchbrief.intake.DocumentType;
import org.watchbrief.intake.Hashes;

/** Analysed documents as intake would store them, built for a test's scenario. */
public final class AnalysedDocuments {

    private AnalysedDocuments() {
    }

    public static Builder aPressRelease(String title, LocalDate published) {
        return new Builder(title, DocumentType.PRESS_RELEASE, published);
    }

    public static Builder aWrittenQuestion(String title, LocalDate answered) {
        return new Builder(title, DocumentType.WRITTEN_QUESTION, answered);
    }

    public static Builder aNewsStory(String title, LocalDate published) {
        return new Builder(title, DocumentType.NEWS_STORY, published);
    }

    public static final class Builder {

        private final String title;

        private final DocumentType type;

        private final LocalDate published;

        private String department;

        private String answeredBy;

        private String role;

        private boolean holding;

        private String url;

        private String body = "";

        private boolean relevant = true;

        private final List<ThemeScore> themes = new ArrayList<>();

        private final List<MoneyMention> money = new ArrayList<>();

        private final List<DatedEvent> events = new ArrayList<>();

        Builder(String title, DocumentType type, LocalDate published) {
            this.title = title;
            this.type = type;
            this.published = published;
        }

        public Builder from(String department) {
            this.department = department;
            return this;
        }

        public Builder answeredBy(String answeredBy) {
            this.answeredBy = answeredBy;
            return this;
        }

        /** Who answered, with the role the source gives them. */
        public Builder answeredBy(String answeredBy, String role) {
            this.answeredBy = answeredBy;
            this.role = role;
            return this;
        }

        /** A holding answer: a substantive one is to follow. */
        public Builder holding() {
            this.holding = true;
            return this;
        }

        public Builder at(String url) {
            this.url = url;
            return this;
        }

        public Builder saying(String body) {
            this.body = body;
            return this;
        }

        public Builder notRelevant() {
            this.relevant = false;
            return this;
        }

        /** The theme, assigned, with its evidence: the phrases as they appear, found in {@code sentence}. */
        public Builder about(String theme, double score, String sentence, String... phrases) {
            themes.add(new ThemeScore(theme, score, relevant,
                    List.of(new Evidence(String.join("; ", phrases), sentence))));
            return this;
        }

        /** The theme scored 0 and not assigned, as the analysis gives every theme a document does not touch. */
        public Builder untouched(String theme) {
            themes.add(new ThemeScore(theme, 0.0, false, List.of()));
            return this;
        }

        public Builder funding(String text, String amount, String purpose) {
            money.add(new MoneyMention(text, new BigDecimal(amount), "GBP", MoneyKind.FUNDING, purpose,
                    AnnouncementKeys.key("GBP", new BigDecimal(amount), published.getYear())));
            return this;
        }

        public Builder fine(String text, String amount, String about) {
            money.add(new MoneyMention(text, new BigDecimal(amount), "GBP", MoneyKind.FINE, about, null));
            return this;
        }

        public Builder cost(String text, String amount, String about) {
            money.add(new MoneyMention(text, new BigDecimal(amount), "GBP", MoneyKind.COST, about, null));
            return this;
        }

        public Builder event(LocalDate date, DatePrecision precision, String event) {
            events.add(new DatedEvent(date, precision, date.toString(), event));
            return this;
        }

        public AnalysedDocument build() {
            String text = body.isEmpty() ? title : body;
            DocumentMetadata metadata = new DocumentMetadata(type, title, department, null, null,
                    type == DocumentType.WRITTEN_QUESTION ? published : null, answeredBy, published, url, role, null,
                    holding);
            return new AnalysedDocument(title, title, Hashes.sha256((title + "\n" + text).getBytes(StandardCharsets.UTF_8)), metadata, text,
                    new Analysis(relevant, themes, money, events), text.length() > 200 ? text.substring(0, 200) : text,
                    published);
        }
    }
}
