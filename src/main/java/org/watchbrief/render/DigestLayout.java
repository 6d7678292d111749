package org.watchbrief.render;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.FundingLine;
import org.watchbrief.digest.Digest.OtherSum;
import org.watchbrief.digest.Digest.Ref;
import org.watchbrief.digest.Digest.Source;
import org.watchbrief.digest.Digest.ThemeNews;
import org.watchbrief.digest.Digest.ThemeSection;
import org.watchbrief.digest.Digest.ThemeTotal;
import org.watchbrief.digest.Digest.TimelineEntry;
import org.watchbrief.digest.Digest.WindowCounts;
import org.watchbrief.render.Layout.Block;
import org.watchbrief.render.Layout.Bullets;
import org.watchbrief.render.Layout.Contents;
import org.watchbrief.render.Layout.Heading;
import org.watchbrief.render.Layout.Para;
import org.watchbrief.render.Layout.ParaKind;
import org.watchbrief.render.Layout.Picture;
import org.watchbrief.render.Layout.Span;
import org.watchbrief.render.Layout.Table;

/**
 * What a digest says, in the order it says it: the cover, the executive summary, a section per
 * theme, funding, the timeline, trends and the sources. Both writers render this one layout.
 * A digest of an empty window stops after the summary, which says nothing new came in.
 */
final class DigestLayout {

    /** The logo's largest size on the cover, in points. */
    private static final float LOGO_WIDTH = 150;

    private static final float LOGO_HEIGHT = 60;

    private final Digest digest;

    private final Branding branding;

    private final List<Block> blocks = new ArrayList<>();

    private int anchors;

    private DigestLayout(Digest digest, Branding branding) {
        this.digest = digest;
        this.branding = branding;
    }

    static List<Block> of(Digest digest, Branding branding) {
        DigestLayout layout = new DigestLayout(digest, branding);
        layout.cover();
        layout.summary();
        if (!digest.hasNoDocuments()) {
            ChartRenderer charts = new ChartRenderer(branding);
            digest.sections().forEach(layout::themeSection);
            layout.funding(charts);
            layout.timeline(charts);
            layout.trends(charts);
            layout.sources();
        }
        return List.copyOf(layout.blocks);
    }

    /** The anchor a source's entry in the appendix carries. */
    static String sourceAnchor(int number) {
        return "wb_source_" + number;
    }

    private String nextAnchor() {
        return "wb_section_" + (++anchors);
    }

    private void heading(int level, String text) {
        blocks.add(new Heading(level, text, nextAnchor(), false));
    }

    private void add(Block block) {
        blocks.add(block);
    }

    // cover

    private void cover() {
        if (branding.logo() != null) {
            float scale = Math.min(LOGO_WIDTH / branding.logoWidth(), LOGO_HEIGHT / branding.logoHeight());
            add(new Picture("logo", branding.logo(), branding.logoWidth() * scale, branding.logoHeight() * scale,
                    branding.organisation() + " logo"));
        }
        add(new Para(ParaKind.COVER_ORGANISATION, branding.organisation()));
        add(new Para(ParaKind.COVER_TITLE, digest.title()));
        add(new Para(ParaKind.COVER_LINE, DigestText.subtitle(digest)));
        add(new Para(ParaKind.COVER_LINE, DigestText.made(digest)));
        if (DigestText.preparedFor(digest) != null) {
            add(new Para(ParaKind.COVER_LINE, DigestText.preparedFor(digest)));
        }
        add(new Para(ParaKind.COVER_LINE, DigestText.themes(digest)));
        if (DigestText.scope(digest) != null) {
            add(new Para(ParaKind.COVER_LINE, DigestText.scope(digest)));
        }
        if (!digest.hasNoDocuments()) {
            add(new Para(ParaKind.COVER_LINE, Span.bold(String.join(" · ",
                    Formats.count(digest.summary().documents(), "document", "documents"),
                    Formats.pounds(digest.summary().fundingTotal()) + " new funding",
                    Formats.count(digest.timeline().size(), "dated event", "dated events")))));
            add(new Contents(DigestText.CONTENTS));
        }
    }

    // executive summary

    private void summary() {
        blocks.add(new Heading(1, DigestText.SUMMARY, nextAnchor(), !digest.hasNoDocuments()));
        add(new Para(ParaKind.LEAD, DigestText.lead(digest)));
        if (!digest.hasNoDocuments()) {
            heading(2, DigestText.WHAT_IS_NEW);
            for (ThemeNews news : digest.summary().themes()) {
                add(new Para(ParaKind.BODY, Span.bold(DigestText.themeNews(news))));
                if (!news.top().isEmpty()) {
                    add(new Bullets(news.top().stream().map(this::itemLine).toList()));
                }
            }
            heading(2, DigestText.FUNDING_IN_BRIEF);
        }
        add(new Para(ParaKind.BODY, DigestText.fundingSentence(digest)));
        if (!digest.hasNoDocuments()) {
            heading(2, DigestText.COMING_UP);
            if (digest.summary().ahead().isEmpty()) {
                add(new Para(ParaKind.BODY, "No dated event after this window is named in its documents."));
            }
            else {
                add(new Bullets(digest.summary().ahead().stream().map(this::eventLine).toList()));
            }
        }
    }

    private List<Span> itemLine(DocumentEntry entry) {
        List<Span> line = new ArrayList<>();
        line.add(Span.link(entry.document().title(), entry.document().address()));
        line.add(Span.text(DigestText.itemLine(entry).substring(entry.document().title().length()) + " "));
        line.add(ref(entry.document()));
        return line;
    }

    private List<Span> eventLine(TimelineEntry entry) {
        List<Span> line = new ArrayList<>();
        line.add(Span.bold(Formats.when(entry.date(), entry.precision())));
        line.add(Span.text(": " + entry.event() + " "));
        line.addAll(Layout.joined(entry.sources().stream().map(r -> List.of(ref(r))).toList(), " "));
        return line;
    }

    /** "[3]", jumping to the source in the appendix. */
    private static Span ref(Ref ref) {
        return Span.jump("[" + ref.number() + "]", sourceAnchor(ref.number()));
    }

    /** "[3] Title", the title a link to the document itself. */
    private static List<Span> refWithTitle(Ref ref) {
        return List.of(ref(ref), Span.text(" "), Span.link(ref.title(), ref.address()));
    }

    // a theme's section

    private void themeSection(ThemeSection section) {
        heading(1, section.label());
        if (section.documents().isEmpty()) {
            add(new Para(ParaKind.LEAD, "Nothing new on this theme in this window."));
            return;
        }
        add(new Para(ParaKind.LEAD, Formats.count(section.documents().size(), "document", "documents")
                + " in this window, newest first."));
        for (DocumentEntry entry : section.documents()) {
            heading(2, entry.document().title());
            add(new Para(ParaKind.META, Span.italic(DigestText.documentLine(entry))));
            add(new Para(ParaKind.BODY, entry.summary()));
            if (!entry.evidence().isEmpty()) {
                add(new Para(ParaKind.SMALL, DigestText.evidence(entry)));
            }
            add(new Para(ParaKind.SMALL, List.of(Span.text("Source "), ref(entry.document()), Span.text(": "),
                    Span.link(entry.document().address(), entry.document().address())), null));
        }
    }

    // funding

    private void funding(ChartRenderer charts) {
        heading(1, DigestText.FUNDING);
        add(new Para(ParaKind.LEAD, DigestText.fundingSentence(digest)));
        picture(charts.fundingByTheme(digest));

        heading(2, DigestText.ANNOUNCEMENTS);
        List<FundingLine> lines = digest.funding().lines();
        if (lines.isEmpty()) {
            add(new Para(ParaKind.BODY, "No funding announcement is reported in this window's documents."));
        }
        else {
            List<List<List<Span>>> rows = new ArrayList<>();
            for (FundingLine line : lines) {
                rows.add(List.of(List.of(Span.bold(Formats.pounds(line.amount()))),
                        List.of(Span.text(Formats.text(line.purpose()))), List.of(Span.text(Formats.text(line.who()))),
                        List.of(Span.text(Formats.shortDate(line.firstReported())
                                + (line.counted() ? "" : " (earlier; not counted again)"))),
                        Layout.joined(line.reportedBy().stream().map(DigestLayout::refWithTitle).toList(), "; ")));
            }
            add(new Table(DigestText.FUNDING_HEADER, List.of(12, 30, 16, 14, 28), rows, 0));
            add(new Para(ParaKind.NOTE, "Each announcement is one line however many documents report it, and "
                    + "counts once." + (lines.stream().anyMatch(l -> !l.counted())
                            ? " An announcement first reported before this window is listed, but it counted in its "
                                    + "own window's totals, not in these."
                            : "")));
        }

        heading(2, DigestText.TOTALS);
        List<List<List<Span>>> rows = new ArrayList<>();
        BigDecimal themesSum = BigDecimal.ZERO;
        for (ThemeTotal total : digest.funding().themeTotals()) {
            rows.add(totalRow(total.label(), total.total(), total.previousTotal(), false));
            themesSum = themesSum.add(total.total());
        }
        rows.add(totalRow(DigestText.ALL_THEMES, digest.funding().total(), digest.funding().previousTotal(), true));
        add(new Table(DigestText.TOTALS_HEADER, List.of(40, 20, 20, 20), rows, 1));
        add(new Para(ParaKind.NOTE, DigestText.fundingTotal(digest) + " of new funding."
                + (themesSum.compareTo(digest.funding().total()) > 0
                        ? " An announcement under two themes counts in each theme's total but once in the overall total."
                        : "")));

        List<OtherSum> others = digest.funding().finesAndCosts();
        if (!others.isEmpty()) {
            heading(2, DigestText.FINES_AND_COSTS);
            List<List<List<Span>>> otherRows = new ArrayList<>();
            for (OtherSum sum : others) {
                otherRows.add(List.of(List.of(Span.text(sum.kind() == MoneyKind.FINE ? "Fine" : "Cost")),
                        List.of(Span.text(Formats.money(sum.amount(), sum.currency()))),
                        List.of(Span.text(Formats.text(sum.context()))),
                        Layout.joined(sum.reportedBy().stream().map(DigestLayout::refWithTitle).toList(), "; ")));
            }
            add(new Table(DigestText.OTHER_SUMS_HEADER, List.of(10, 14, 40, 36), otherRows, 0));
            add(new Para(ParaKind.NOTE, "Fines and costs are listed for context and never added to funding."));
        }
    }

    private static List<List<Span>> totalRow(String label, BigDecimal now, BigDecimal before, boolean total) {
        List<List<Span>> row = List.of(List.of(Span.text(label)), List.of(Span.text(Formats.pounds(now))),
                List.of(Span.text(Formats.pounds(before))), List.of(Span.text(Formats.difference(now, before))));
        return total ? row.stream().map(cell -> cell.stream().map(Span::asBold).toList()).toList() : row;
    }

    // timeline

    private void timeline(ChartRenderer charts) {
        heading(1, DigestText.TIMELINE);
        if (digest.timeline().isEmpty()) {
            add(new Para(ParaKind.LEAD, "No dated events are named in this window's documents."));
            return;
        }
        add(new Para(ParaKind.LEAD, Formats.count(digest.timeline().size(), "dated event", "dated events")
                + " named in this window's documents, in date order. An event several documents report is shown "
                + "once, with all of them."));
        picture(charts.timeline(digest));
        List<List<List<Span>>> rows = new ArrayList<>();
        for (TimelineEntry entry : digest.timeline()) {
            rows.add(List.of(List.of(Span.text(Formats.when(entry.date(), entry.precision()))),
                    List.of(Span.text(entry.event())),
                    Layout.joined(entry.sources().stream().map(DigestLayout::refWithTitle).toList(), "; ")));
        }
        add(new Table(DigestText.TIMELINE_HEADER, List.of(16, 54, 30), rows, 0));
    }

    // trends

    private void trends(ChartRenderer charts) {
        heading(1, DigestText.TRENDS);
        add(new Para(ParaKind.LEAD, "Documents per theme in this window and the "
                + Formats.count(digest.history().size() - 1, "window", "windows") + " before it."));
        picture(charts.documentsPerTheme(digest));
        List<String> header = new ArrayList<>();
        header.add("Window");
        List<Integer> widths = new ArrayList<>();
        widths.add(28);
        digest.sections().forEach(s -> {
            header.add(s.label());
            widths.add(72 / Math.max(1, digest.sections().size()));
        });
        List<List<List<Span>>> rows = new ArrayList<>();
        for (WindowCounts window : digest.history()) {
            List<List<Span>> row = new ArrayList<>();
            row.add(List.of(Span.text(Formats.shortDate(window.window().start()) + " – "
                    + Formats.shortDate(window.window().end()))));
            window.counts().forEach(c -> row.add(List.of(Span.text(Integer.toString(c.documents())))));
            rows.add(row);
        }
        add(new Table(header, widths, rows, 0));
    }

    // the appendix

    private void sources() {
        blocks.add(new Heading(1, DigestText.SOURCES, nextAnchor(), true));
        add(new Para(ParaKind.LEAD, "Every document this briefing cites, in date order."));
        for (Source source : digest.sources()) {
            List<String> about = new ArrayList<>();
            about.add(source.type());
            if (source.publisher() != null) {
                about.add(source.publisher());
            }
            if (source.date() != null) {
                about.add(Formats.date(source.date()));
            }
            add(new Para(ParaKind.SMALL, List.of(Span.bold("[" + source.number() + "] "),
                    Span.text(source.title() + ". " + String.join(", ", about) + ". "),
                    Span.link(source.address(), source.address())), sourceAnchor(source.number())));
        }
    }

    private void picture(ChartRenderer.Chart chart) {
        if (chart == null) {
            return;
        }
        Picture picture = new Picture(chart.name(), chart.png(), chart.widthPoints(), chart.heightPoints(),
                chart.description());
        add(picture);
        if (chart.caption() != null) {
            add(new Para(ParaKind.NOTE, chart.caption()));
        }
    }
}
