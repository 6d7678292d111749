package org.watchbrief.digest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.analysis.MoneyKind;

/**
 * One briefing: the tree that the Word and PDF renderers and the email all read, so that every
 * format says the same. Amounts are exact pounds and dates are dates with their precision;
 * formatting is the renderers' business. Lists are never {@code null}; a field documented as
 * nullable is {@code null} when the documents do not say, never guessed.
 *
 * @param scheduleName the schedule it was made for
 * @param title the briefing's name
 * @param window the days it covers
 * @param createdAt when it was composed
 * @param zone the zone in which {@code createdAt} is shown (the schedule's)
 * @param audience for whom it is made (the schedule's recipients); may be empty
 * @param scope what the schedule's filters keep ("from Home Office; mentioning encryption"),
 *     {@code null} when it has none
 * @param summary the executive summary: what a manager reads in one minute
 * @param sections one per theme covered, in the schedule's order, including themes with no documents
 * @param funding funding announcements, totals, and fines and costs kept apart
 * @param timeline dated events in date order, each event once with all its sources
 * @param history documents per theme in this window and the ones before it, oldest first
 * @param sources every document the digest cites, numbered from 1 in date order
 */
public record Digest(String scheduleName, String title, Window window, Instant createdAt, ZoneId zone,
        List<String> audience, String scope, Summary summary, List<ThemeSection> sections, Funding funding,
        List<TimelineEntry> timeline, List<WindowCounts> history, List<Source> sources) {

    public Digest {
        Objects.requireNonNull(scheduleName, "scheduleName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(zone, "zone");
        audience = List.copyOf(audience);
        Objects.requireNonNull(summary, "summary");
        sections = List.copyOf(sections);
        Objects.requireNonNull(funding, "funding");
        timeline = List.copyOf(timeline);
        history = List.copyOf(history);
        sources = List.copyOf(sources);
    }

    /** True when no relevant document on the covered themes came in during the window. */
    public boolean hasNoDocuments() {
        return summary.documents() == 0;
    }

    /**
     * A document as other parts of the digest point at it: its number in {@link #sources()}.
     *
     * @param number the source's number, from 1
     * @param title the document's title
     * @param address its web address when known, else where it came from (an inbox file name)
     */
    public record Ref(int number, String title, String address) {

        public Ref {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(address, "address");
        }
    }

    /**
     * The executive summary.
     *
     * @param documents relevant documents in the window on the covered themes (a document under
     *     two themes counts once)
     * @param themes what is new per theme, in the order of the sections
     * @param fundingTotal funding first reported in the window, in pounds, each announcement once
     * @param previousFundingTotal the same for the window of the same length just before
     * @param announcements how many announcements make up {@code fundingTotal}
     * @param ahead the next dated events after the window, at most a handful, soonest first
     */
    public record Summary(int documents, List<ThemeNews> themes, BigDecimal fundingTotal,
            BigDecimal previousFundingTotal, int announcements, List<TimelineEntry> ahead) {

        public Summary {
            themes = List.copyOf(themes);
            Objects.requireNonNull(fundingTotal, "fundingTotal");
            Objects.requireNonNull(previousFundingTotal, "previousFundingTotal");
            ahead = List.copyOf(ahead);
        }
    }

    /**
     * What is new on one theme.
     *
     * @param documents how many documents the window brought on it
     * @param top the most important of them, most important first: those reporting new funding,
     *     then by how strongly they carry the theme, then the newest
     */
    public record ThemeNews(String theme, String label, int documents, List<DocumentEntry> top) {

        public ThemeNews {
            top = List.copyOf(top);
        }
    }

    /** A theme's section: its documents, newest first. */
    public record ThemeSection(String theme, String label, List<DocumentEntry> documents) {

        public ThemeSection {
            documents = List.copyOf(documents);
        }
    }

    /**
     * A document as a theme's section lists it.
     *
     * @param document the document and its number among the sources
     * @param type what kind of document it is ("Written question")
     * @param date its own date (published or answered), {@code null} when it gives none
     * @param department the answering department or publisher, {@code null} when unknown
     * @param answeredBy who answered a question, {@code null} otherwise
     * @param answeredByRole the answerer's role at the time, {@code null} when not given
     * @param corrected the date the answer was corrected, {@code null} when it was not
     * @param holding whether the answer is a holding answer, a substantive one to follow
     * @param summary the sentences of the document that carry the theme, in text order
     * @param evidence the theme's words found in it, as they appear; may be empty
     * @param evidenceSentence the sentence where the theme shows most, {@code null} when none is stored
     */
    public record DocumentEntry(Ref document, String type, LocalDate date, String department, String answeredBy,
            String answeredByRole, LocalDate corrected, boolean holding, String summary, List<String> evidence,
            String evidenceSentence) {

        public DocumentEntry {
            Objects.requireNonNull(document, "document");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(summary, "summary");
            evidence = List.copyOf(evidence);
        }

        /** The document's title. */
        public String title() {
            return document.title();
        }
    }

    /**
     * Money in the window's documents.
     *
     * @param lines one per funding announcement reported in the window: those counted first,
     *     largest first
     * @param themeTotals funding first reported in the window per theme, each announcement once per
     *     theme; an announcement under two themes counts in both, so these may add up to more
     *     than {@code total}
     * @param total funding first reported in the window, each announcement once
     * @param previousTotal the same for the window before
     * @param finesAndCosts fines and costs, never added to funding, largest first
     */
    public record Funding(List<FundingLine> lines, List<ThemeTotal> themeTotals, BigDecimal total,
            BigDecimal previousTotal, List<OtherSum> finesAndCosts) {

        public Funding {
            lines = List.copyOf(lines);
            themeTotals = List.copyOf(themeTotals);
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(previousTotal, "previousTotal");
            finesAndCosts = List.copyOf(finesAndCosts);
        }
    }

    /**
     * A funding announcement, however many documents report it.
     *
     * @param amount in pounds
     * @param text the amount as its first report in the window words it
     * @param purpose what it funds, {@code null} when no report says
     * @param who the department or publisher behind it, {@code null} when no report says
     * @param firstReported the earliest date any stored document reports it
     * @param counted true when first reported in this window, so it counts in the totals; an
     *     announcement reported again is listed but was counted in its own window
     * @param themes the keys of the covered themes of the documents reporting it
     * @param reportedBy the documents of the window that report it
     */
    public record FundingLine(BigDecimal amount, String text, String purpose, String who, LocalDate firstReported,
            boolean counted, List<String> themes, List<Ref> reportedBy) {

        public FundingLine {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(text, "text");
            Objects.requireNonNull(firstReported, "firstReported");
            themes = List.copyOf(themes);
            reportedBy = List.copyOf(reportedBy);
        }

        /** The titles of the documents reporting it. */
        public List<String> sources() {
            return reportedBy.stream().map(Ref::title).toList();
        }
    }

    /** Funding first reported in this window and in the one before, on one theme, in pounds. */
    public record ThemeTotal(String theme, String label, BigDecimal total, BigDecimal previousTotal) {

        public ThemeTotal {
            Objects.requireNonNull(total, "total");
            Objects.requireNonNull(previousTotal, "previousTotal");
        }
    }

    /**
     * A fine or a cost: listed, never added to funding.
     *
     * @param kind {@link MoneyKind#FINE} or {@link MoneyKind#COST}
     * @param amount in units of {@code currency}
     * @param currency ISO 4217 code
     * @param text the amount as the text words it
     * @param context what it is for or about, {@code null} when the text does not say
     * @param reportedBy the documents of the window that report it
     */
    public record OtherSum(MoneyKind kind, BigDecimal amount, String currency, String text, String context,
            List<Ref> reportedBy) {

        public OtherSum {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            Objects.requireNonNull(text, "text");
            reportedBy = List.copyOf(reportedBy);
        }
    }

    /**
     * A dated event, once however many documents report it.
     *
     * @param date the first day of the period named
     * @param precision how precisely the date is known
     * @param event what happened, in the words of one report
     * @param themes the keys of the covered themes of the documents reporting it
     * @param sources the documents that report it
     */
    public record TimelineEntry(LocalDate date, DatePrecision precision, String event, List<String> themes,
            List<Ref> sources) {

        public TimelineEntry {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(precision, "precision");
            Objects.requireNonNull(event, "event");
            themes = List.copyOf(themes);
            sources = List.copyOf(sources);
        }
    }

    /** Documents per theme in one window. */
    public record WindowCounts(Window window, List<ThemeCount> counts) {

        public WindowCounts {
            Objects.requireNonNull(window, "window");
            counts = List.copyOf(counts);
        }
    }

    public record ThemeCount(String theme, String label, int documents) {
    }

    /**
     * A document the digest cites, as the appendix lists it.
     *
     * @param number from 1, in date order
     * @param date its own date, {@code null} when it gives none
     * @param publisher the department or publisher, {@code null} when unknown
     * @param address its web address when known, else where it came from
     */
    public record Source(int number, String title, String type, LocalDate date, String publisher, String address) {

        public Source {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(address, "address");
        }

        public Ref ref() {
            return new Ref(number, title, address);
        }
    }
}
