package org.watchbrief.delivery;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.FundingLine;
import org.watchbrief.digest.Digest.ThemeSection;
import org.watchbrief.render.DigestText;
import org.watchbrief.render.Formats;

/**
 * The body of a digest's email, as HTML and as plain text saying the same: the summary a manager
 * reads without opening an attachment (the figures, the largest sums, what is new per theme),
 * in the words the Word and PDF files use ({@link DigestText}). The HTML is built as a jsoup
 * document, so every text from a document is escaped.
 */
final class EmailBody {

    /** Items listed per theme in the email; the attachments list them all. */
    static final int ITEMS_PER_THEME = 5;

    static final int FUNDING_LINES = 3;

    private EmailBody() {
    }

    /**
     * @param scope what the schedule's filters keep ("from Home Office; mentioning ..."), {@code null} for none
     */
    static String text(Digest digest, String scope) {
        List<String> lines = new ArrayList<>(DigestText.emailLines(digest));
        if (scope != null) {
            lines.add(2, "Covers only documents " + scope + ".");
        }
        return String.join("\n", lines) + "\n";
    }

    static String html(Digest digest, String subject, String scope) {
        Document html = Document.createShell("");
        html.title(subject);
        html.head().prependElement("meta").attr("charset", "utf-8");
        Element body = html.body()
            .attr("style", "font-family: Arial, Helvetica, sans-serif; color: #1f2933; max-width: 680px");
        body.appendElement("h1").attr("style", "font-size: 20px; margin-bottom: 4px").text(digest.title());
        body.appendElement("p").attr("style", "color: #52606d; margin-top: 0").text(DigestText.subtitle(digest));
        if (scope != null) {
            body.appendElement("p").text("Covers only documents " + scope + ".");
        }

        body.appendElement("h2").attr("style", "font-size: 16px").text("Summary");
        Element summary = body.appendElement("ul");
        DigestText.summaryLines(digest).forEach(line -> summary.appendElement("li").text(line));

        List<FundingLine> largest = digest.funding().lines().stream().limit(FUNDING_LINES).toList();
        if (!largest.isEmpty()) {
            body.appendElement("h2").attr("style", "font-size: 16px").text("Largest sums committed");
            Element table = body.appendElement("table").attr("cellpadding", "4").attr("style", "border-collapse: collapse");
            Element header = table.appendElement("tr");
            header.appendElement("th").attr("align", "left").text("Sum");
            header.appendElement("th").attr("align", "left").text("Purpose");
            for (FundingLine line : largest) {
                Element row = table.appendElement("tr");
                row.appendElement("td").attr("style", "white-space: nowrap").text(Formats.pounds(line.amount()));
                row.appendElement("td").text(line.purpose() != null ? line.purpose() : String.join("; ", line.sources()));
            }
        }

        for (ThemeSection section : digest.sections()) {
            if (section.documents().isEmpty()) {
                continue;
            }
            body.appendElement("h2").attr("style", "font-size: 16px").text(section.label());
            Element items = body.appendElement("ul");
            for (DocumentEntry entry : section.documents().stream().limit(ITEMS_PER_THEME).toList()) {
                items.appendElement("li")
                    .text(entry.title() + (entry.date() == null ? "" : " (" + Formats.date(entry.date()) + ")"));
            }
            int more = section.documents().size() - ITEMS_PER_THEME;
            if (more > 0) {
                items.appendElement("li").text("and " + more + " more in the attached briefing");
            }
        }
        body.appendElement("p").text("The full briefing is attached as Word and PDF.");
        return html.outerHtml();
    }
}
