package org.watchbrief.render;

import java.util.ArrayList;
import java.util.List;

import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.ThemeCount;

/** The words every format shares, so Word, PDF and email say the same thing. */
public final class DigestText {

    static final String SUMMARY = "Summary";

    static final String FUNDING = "Funding committed";

    static final String TIMELINE = "Timeline";

    static final String[] FUNDING_HEADER = { "Sum", "Purpose", "Source" };

    static final String[] TIMELINE_HEADER = { "Date", "Event", "Source" };

    private DigestText() {
    }

    public static String subtitle(Digest digest) {
        return "Window: " + digest.window().describe();
    }

    public static List<String> summaryLines(Digest digest) {
        List<String> lines = new ArrayList<>();
        if (digest.hasNoDocuments()) {
            lines.add("Nothing new came in during this window.");
        }
        else {
            lines.add(digest.summary().documents() + " new document" + (digest.summary().documents() == 1 ? "" : "s")
                    + " in this window.");
        }
        for (ThemeCount count : digest.summary().themeCounts()) {
            lines.add(count.label() + ": " + count.documents() + " document" + (count.documents() == 1 ? "" : "s"));
        }
        lines.add("Total funding committed: " + Formats.pounds(digest.summary().fundingTotal())
                + " (each announcement counted once)");
        return lines;
    }

    /** "Written question · 6 November 2026 · Home Office · answered by Jane Doe". */
    static String documentLine(DocumentEntry entry) {
        StringBuilder line = new StringBuilder(entry.type()).append(" · ")
            .append(entry.date() == null ? "date not given" : Formats.date(entry.date()));
        if (entry.department() != null) {
            line.append(" · ").append(entry.department());
        }
        if (entry.answeredBy() != null) {
            line.append(" · answered by ").append(entry.answeredBy());
        }
        return line.toString();
    }

    /** The plain-text email body: the summary a manager can read without opening an attachment. */
    public static List<String> emailLines(Digest digest) {
        List<String> lines = new ArrayList<>();
        lines.add(digest.title());
        lines.add(subtitle(digest));
        lines.add("");
        lines.addAll(summaryLines(digest));
        for (Digest.ThemeSection section : digest.sections()) {
            if (!section.documents().isEmpty()) {
                lines.add("");
                lines.add(section.label());
                section.documents().forEach(d -> lines.add("- " + d.title()
                        + (d.date() == null ? "" : " (" + Formats.date(d.date()) + ")")));
            }
        }
        lines.add("");
        lines.add("The full briefing is attached as Word and PDF.");
        return lines;
    }

    static String fundingTotal(Digest digest) {
        return "Total: " + Formats.pounds(digest.funding().total());
    }
}
