package org.watchbrief.digest;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

import org.watchbrief.analysis.DatePrecision;

/**
 * One briefing: the tree that the Word and PDF renderers and the email all read, so that every
 * format says the same. Amounts are exact pounds; formatting is the renderers' business.
 *
 * @param scheduleName the schedule it was made for
 * @param title the briefing's title
 * @param window the days it covers
 * @param createdAt when it was composed
 * @param summary counts and totals at a glance
 * @param sections one per theme, in taxonomy order, including themes with no documents
 * @param funding the funding table
 * @param timeline dated events in date order
 */
public record Digest(String scheduleName, String title, Window window, Instant createdAt, Summary summary,
        List<ThemeSection> sections, FundingTable funding, List<TimelineEntry> timeline) {

    public Digest {
        Objects.requireNonNull(scheduleName, "scheduleName");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(summary, "summary");
        sections = List.copyOf(sections);
        Objects.requireNonNull(funding, "funding");
        timeline = List.copyOf(timeline);
    }

    /** True when no relevant document came in during the window. */
    public boolean hasNoDocuments() {
        return summary.documents() == 0;
    }

    /**
     * @param documents relevant documents in the window
     * @param themeCounts documents per theme, in taxonomy order
     * @param fundingTotal funding committed in the window, in pounds, each announcement once
     */
    public record Summary(int documents, List<ThemeCount> themeCounts, BigDecimal fundingTotal) {

        public Summary {
            themeCounts = List.copyOf(themeCounts);
            Objects.requireNonNull(fundingTotal, "fundingTotal");
        }
    }

    public record ThemeCount(String theme, String label, int documents) {
    }

    public record ThemeSection(String theme, String label, List<DocumentEntry> documents) {

        public ThemeSection {
            documents = List.copyOf(documents);
        }
    }

    /**
     * A document as a digest lists it.
     *
     * @param date its own date (published or answered), {@code null} when it gives none
     * @param department the answering department or publisher, {@code null} when unknown
     * @param answeredBy who answered a question, {@code null} otherwise
     * @param source its address, or where it came from
     * @param evidence the sentence that shows the theme, {@code null} when none is stored
     */
    public record DocumentEntry(String title, String type, LocalDate date, String department, String answeredBy,
            String summary, String source, String evidence) {
    }

    /**
     * @param lines one per funding announcement, largest first
     * @param total the sum of the lines' amounts in pounds: each announcement once
     */
    public record FundingTable(List<FundingLine> lines, BigDecimal total) {

        public FundingTable {
            lines = List.copyOf(lines);
            Objects.requireNonNull(total, "total");
        }
    }

    /**
     * A funding announcement, however many documents report it.
     *
     * @param amount in pounds
     * @param text the amount as the first report words it
     * @param purpose what it funds, {@code null} when no report says
     * @param sources the documents that report it
     */
    public record FundingLine(BigDecimal amount, String text, String purpose, List<String> sources) {

        public FundingLine {
            Objects.requireNonNull(amount, "amount");
            sources = List.copyOf(sources);
        }
    }

    /**
     * A dated event.
     *
     * @param date the first day of the period named
     * @param precision how precisely the date is known
     * @param when the date at its precision, for display ("2020-03", "2018-WINTER")
     * @param event what happened
     * @param source the document that reports it
     */
    public record TimelineEntry(LocalDate date, DatePrecision precision, String when, String event, String source) {
    }
}
