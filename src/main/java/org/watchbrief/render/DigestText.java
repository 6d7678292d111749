package org.watchbrief.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.ThemeNews;
import org.watchbrief.digest.Digest.TimelineEntry;

/**
 * The words every format shares, so Word, PDF and email say the same thing. The executive
 * summary's sentences are here, one method each, for the email to reuse.
 */
public final class DigestText {

    static final String CONTENTS = "Contents";

    static final String SUMMARY = "Executive summary";

    static final String WHAT_IS_NEW = "What is new";

    static final String FUNDING_IN_BRIEF = "Funding in brief";

    static final String COMING_UP = "Coming up";

    static final String FUNDING = "Funding";

    static final String ANNOUNCEMENTS = "Announcements";

    static final String TOTALS = "Totals by theme";

    static final String FINES_AND_COSTS = "Fines and costs";

    static final String TIMELINE = "Timeline";

    static final String TRENDS = "Trends";

    static final String SOURCES = "Sources";

    static final List<String> FUNDING_HEADER = List.of("Amount", "Purpose", "Who", "First reported", "Reported by");

    static final List<String> TOTALS_HEADER = List.of("Theme", "This window", "Previous window", "Change");

    static final List<String> OTHER_SUMS_HEADER = List.of("Kind", "Amount", "About", "Reported by");

    static final List<String> TIMELINE_HEADER = List.of("When", "Event", "Sources");

    static final String ALL_THEMES = "All themes, each announcement once";

    static final String NOTHING_NEW = "Nothing new came in during this window.";

    private DigestText() {
    }

    /** "Window: 1 November 2026 to 7 November 2026". */
    public static String subtitle(Digest digest) {
        return "Window: " + digest.window().describe();
    }

    /** "Made 21 November 2026 at 07:00 GMT". */
    public static String made(Digest digest) {
        return "Made " + Formats.madeAt(digest.createdAt(), digest.zone());
    }

    /** "Prepared for managers@example.org", or {@code null} when the digest names no audience. */
    public static String preparedFor(Digest digest) {
        return digest.audience().isEmpty() ? null : "Prepared for " + Formats.list(digest.audience());
    }

    /** "Covers only documents from Home Office; mentioning encryption.", or {@code null} with no filters. */
    public static String scope(Digest digest) {
        return digest.scope() == null ? null : "Covers only documents " + digest.scope() + ".";
    }

    /** "Themes: Grooming, Livestreaming, Data sharing and Legislation". */
    public static String themes(Digest digest) {
        return "Themes: " + Formats.list(digest.sections().stream().map(Digest.ThemeSection::label).toList());
    }

    /** The opening sentence of the summary: how much came in, or that nothing did. */
    public static String lead(Digest digest) {
        if (digest.hasNoDocuments()) {
            return NOTHING_NEW + " No document on " + Formats.list(digest.sections().stream()
                .map(s -> s.label().toLowerCase(Locale.UK)).toList()) + " was published between "
                    + digest.window().describe().replace(" to ", " and ") + ".";
        }
        return Formats.count(digest.summary().documents(), "new document", "new documents")
                + " came in during this window.";
    }

    /** "Grooming: 8 new documents" or "Grooming: nothing new". */
    public static String themeNews(ThemeNews news) {
        return news.label() + ": "
                + (news.documents() == 0 ? "nothing new" : Formats.count(news.documents(), "new document", "new documents"));
    }

    /** A document in one line: "Title (Press release, Home Office, 8 September 2026)". */
    public static String itemLine(DocumentEntry entry) {
        List<String> about = new ArrayList<>();
        about.add(entry.type());
        if (entry.department() != null) {
            about.add(entry.department());
        }
        if (entry.date() != null) {
            about.add(Formats.date(entry.date()));
        }
        return entry.document().title() + " (" + String.join(", ", about) + ")";
    }

    /**
     * The funding sentence: "£42.5m of new funding in 3 announcements, up £30m on the previous
     * window (£12.5m)."
     */
    public static String fundingSentence(Digest digest) {
        BigDecimal total = digest.summary().fundingTotal();
        BigDecimal previous = digest.summary().previousFundingTotal();
        if (total.signum() == 0) {
            return "No new funding was reported in this window"
                    + (previous.signum() == 0 ? ", nor in the previous one." : "; the previous window had "
                            + Formats.pounds(previous) + ".");
        }
        return Formats.pounds(total) + " of new funding in "
                + Formats.count(digest.summary().announcements(), "announcement", "announcements") + ", "
                + Formats.change(total, previous) + ".";
    }

    /** An event in one line: "March 2027: what happens". */
    public static String eventLine(TimelineEntry entry) {
        return Formats.when(entry.date(), entry.precision()) + ": " + entry.event();
    }

    /**
     * "Written question · 6 November 2026 · Home Office · answered by Jane Doe (Minister of State)
     * · holding answer · corrected 18 November 2026".
     */
    static String documentLine(DocumentEntry entry) {
        StringBuilder line = new StringBuilder(entry.type()).append(" · ")
            .append(entry.date() == null ? "date not given" : Formats.date(entry.date()));
        if (entry.department() != null) {
            line.append(" · ").append(entry.department());
        }
        if (entry.answeredBy() != null && !entry.answeredBy().equals(entry.department())) {
            line.append(" · answered by ").append(entry.answeredBy());
            if (entry.answeredByRole() != null) {
                line.append(" (").append(entry.answeredByRole()).append(")");
            }
        }
        if (entry.holding()) {
            line.append(" · holding answer, a full answer to follow");
        }
        if (entry.corrected() != null) {
            line.append(" · corrected ").append(Formats.date(entry.corrected()));
        }
        return line.toString();
    }

    /**
     * "Evidence: “grooming”, “groom children”", with the sentence they were found in when the
     * summary does not already show one of them.
     */
    static String evidence(DocumentEntry entry) {
        String evidence = "Evidence: " + String.join(", ", entry.evidence().stream().map(p -> "“" + p + "”").toList());
        String summary = entry.summary().toLowerCase(Locale.UK);
        boolean shown = entry.evidence().stream().anyMatch(p -> summary.contains(p.toLowerCase(Locale.UK)));
        if (!shown && entry.evidenceSentence() != null) {
            evidence += ", in “" + entry.evidenceSentence() + "”";
        }
        return evidence;
    }

    /** The executive summary as plain lines: what a manager reads in one minute. */
    public static List<String> summaryLines(Digest digest) {
        List<String> lines = new ArrayList<>();
        lines.add(lead(digest));
        if (!digest.hasNoDocuments()) {
            for (ThemeNews news : digest.summary().themes()) {
                lines.add(themeNews(news));
                news.top().forEach(entry -> lines.add("- " + itemLine(entry)));
            }
        }
        lines.add(fundingSentence(digest));
        if (!digest.summary().ahead().isEmpty()) {
            lines.add(COMING_UP + ":");
            digest.summary().ahead().forEach(e -> lines.add("- " + eventLine(e)));
        }
        return lines;
    }

    /** The plain-text email body: the summary a manager can read without opening an attachment. */
    public static List<String> emailLines(Digest digest) {
        List<String> lines = new ArrayList<>();
        lines.add(digest.title());
        lines.add(subtitle(digest));
        lines.add("");
        lines.addAll(summaryLines(digest));
        lines.add("");
        lines.add("The full briefing is attached as Word and PDF.");
        return lines;
    }

    /** "Total: £42.5m". */
    static String fundingTotal(Digest digest) {
        return "Total: " + Formats.pounds(digest.funding().total());
    }
}
