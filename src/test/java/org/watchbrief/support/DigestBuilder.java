package org.watchbrief.support;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.watchbrief.analysis.DatePrecision;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.FundingLine;
import org.watchbrief.digest.Digest.OtherSum;
import org.watchbrief.digest.Digest.Ref;
import org.watchbrief.digest.Digest.Source;
import org.watchbrief.digest.Digest.ThemeCount;
import org.watchbrief.digest.Digest.ThemeNews;
import org.watchbrief.digest.Digest.ThemeSection;
import org.watchbrief.digest.Digest.ThemeTotal;
import org.watchbrief.digest.Digest.TimelineEntry;
import org.watchbrief.digest.Digest.WindowCounts;
import org.watchbrief.digest.Window;

/**
 * Builds Digest models for tests the way the composer would: documents are numbered as sources
 * by date, sections and the summary follow from the documents' themes, totals from the funding
 * lines that count. Documents are named by their titles.
 */
public final class DigestBuilder {

    /** The four themes of the built-in taxonomy, in its order. */
    public static final Map<String, String> THEMES = themes();

    private String title = "Weekly briefing for managers";

    private Window window = new Window(LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 8));

    private Instant createdAt = Instant.parse("2026-11-09T07:00:00Z");

    private List<String> audience = List.of("managers@example.org");

    private String scope;

    private final Map<String, Doc> documents = new LinkedHashMap<>();

    private final List<Funding> funding = new ArrayList<>();

    private final List<Other> others = new ArrayList<>();

    private final List<Event> events = new ArrayList<>();

    private BigDecimal previousTotal = BigDecimal.ZERO;

    private final Map<String, BigDecimal> previousByTheme = new LinkedHashMap<>();

    private final List<int[]> history = new ArrayList<>();

    /** A digest of nothing, for the window of 2 to 8 November 2026; add what the test needs. */
    public DigestBuilder() {
    }

    private static Map<String, String> themes() {
        Map<String, String> themes = new LinkedHashMap<>();
        themes.put("grooming", "Grooming");
        themes.put("livestreaming", "Livestreaming");
        themes.put("data_sharing", "Data sharing");
        themes.put("legislation", "Legislation");
        return themes;
    }

    public DigestBuilder titled(String title) {
        this.title = title;
        return this;
    }

    public DigestBuilder window(LocalDate start, LocalDate end) {
        this.window = new Window(start, end);
        return this;
    }

    public DigestBuilder madeAt(Instant createdAt) {
        this.createdAt = createdAt;
        return this;
    }

    /** What the schedule's filters keep, as {@code DocumentFilter.describe()} says it. */
    public DigestBuilder scope(String scope) {
        this.scope = scope;
        return this;
    }

    public DigestBuilder forAudience(String... audience) {
        this.audience = List.of(audience);
        return this;
    }

    /**
     * A document in the window.
     *
     * @param themes the theme keys it is assigned
     */
    public DigestBuilder document(String title, String type, LocalDate date, String department, String answeredBy,
            String address, String summary, List<String> evidence, String... themes) {
        documents.put(title, new Doc(title, type, date, department, answeredBy, address, summary, evidence,
                List.of(themes)));
        return this;
    }

    /** A funding announcement reported by the named documents; counted when first reported in the window. */
    public DigestBuilder funding(String amount, String text, String purpose, String who, LocalDate firstReported,
            String... reportedBy) {
        funding.add(new Funding(new BigDecimal(amount), text, purpose, who, firstReported, List.of(reportedBy)));
        return this;
    }

    public DigestBuilder fine(String amount, String text, String about, String... reportedBy) {
        others.add(new Other(MoneyKind.FINE, new BigDecimal(amount), text, about, List.of(reportedBy)));
        return this;
    }

    public DigestBuilder cost(String amount, String text, String about, String... reportedBy) {
        others.add(new Other(MoneyKind.COST, new BigDecimal(amount), text, about, List.of(reportedBy)));
        return this;
    }

    public DigestBuilder event(LocalDate date, DatePrecision precision, String event, String... reportedBy) {
        events.add(new Event(date, precision, event, List.of(reportedBy)));
        return this;
    }

    /** Funding first reported in the previous window, per theme (each announcement once overall). */
    public DigestBuilder previousFunding(String total, String... themeAndAmount) {
        previousTotal = new BigDecimal(total);
        for (int i = 0; i + 1 < themeAndAmount.length; i += 2) {
            previousByTheme.put(themeAndAmount[i], new BigDecimal(themeAndAmount[i + 1]));
        }
        return this;
    }

    /** Documents per theme (in theme order) for one earlier window; call oldest first. */
    public DigestBuilder earlierWindow(int... perTheme) {
        history.add(perTheme);
        return this;
    }

    public Digest build() {
        List<Doc> ordered = documents.values().stream()
            .sorted(Comparator.comparing(Doc::date).thenComparing(Doc::title)).toList();
        Map<String, Source> sources = new LinkedHashMap<>();
        for (Doc d : ordered) {
            sources.put(d.title(), new Source(sources.size() + 1, d.title(), d.type(), d.date(), d.department(),
                    d.address()));
        }
        List<FundingLine> lines = funding.stream()
            .map(f -> new FundingLine(f.amount(), f.text(), f.purpose(), f.who(), f.firstReported(),
                    window.contains(f.firstReported()), themesOf(f.reportedBy()), refs(f.reportedBy(), sources)))
            .sorted(Comparator.comparing((FundingLine l) -> !l.counted())
                .thenComparing(Comparator.comparing(FundingLine::amount).reversed()))
            .toList();
        List<FundingLine> counted = lines.stream().filter(FundingLine::counted).toList();
        BigDecimal total = counted.stream().map(FundingLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<ThemeTotal> themeTotals = THEMES.entrySet().stream()
            .map(t -> new ThemeTotal(t.getKey(), t.getValue(),
                    counted.stream().filter(l -> l.themes().contains(t.getKey())).map(FundingLine::amount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add),
                    previousByTheme.getOrDefault(t.getKey(), BigDecimal.ZERO)))
            .toList();
        List<OtherSum> otherSums = others.stream()
            .map(o -> new OtherSum(o.kind(), o.amount(), "GBP", o.text(), o.about(), refs(o.reportedBy(), sources)))
            .toList();
        List<TimelineEntry> timeline = events.stream()
            .map(e -> new TimelineEntry(e.date(), e.precision(), e.event(), themesOf(e.reportedBy()),
                    refs(e.reportedBy(), sources)))
            .sorted(Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::precision))
            .toList();

        List<ThemeSection> sections = new ArrayList<>();
        List<ThemeNews> news = new ArrayList<>();
        for (Map.Entry<String, String> theme : THEMES.entrySet()) {
            List<DocumentEntry> entries = ordered.stream().filter(d -> d.themes().contains(theme.getKey()))
                .sorted(Comparator.comparing(Doc::date).reversed())
                .map(d -> new DocumentEntry(sources.get(d.title()).ref(), d.type(), d.date(), d.department(),
                        d.answeredBy(), null, null, false, d.summary(), d.evidence(), null))
                .toList();
            sections.add(new ThemeSection(theme.getKey(), theme.getValue(), entries));
            news.add(new ThemeNews(theme.getKey(), theme.getValue(), entries.size(),
                    entries.stream().limit(3).toList()));
        }
        List<WindowCounts> counts = new ArrayList<>();
        Window w = window;
        for (int i = 0; i < history.size(); i++) {
            w = w.previous();
        }
        for (int[] perTheme : history) {
            counts.add(counts(w, perTheme));
            w = new Window(w.end().plusDays(1), w.end().plusDays(w.days()));
        }
        counts.add(new WindowCounts(window, sections.stream()
            .map(s -> new ThemeCount(s.theme(), s.label(), s.documents().size())).toList()));
        Digest.Summary summary = new Digest.Summary(documents.size(), news, total, previousTotal, counted.size(),
                timeline.stream().filter(e -> e.date().isAfter(window.end())).limit(5).toList());
        return new Digest("weekly", title, window, createdAt, ZoneId.of("Europe/London"), audience, scope, summary,
                sections,
                new Digest.Funding(lines, themeTotals, total, previousTotal, otherSums), timeline, counts,
                List.copyOf(sources.values()));
    }

    private static WindowCounts counts(Window window, int[] perTheme) {
        List<ThemeCount> counts = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, String> theme : THEMES.entrySet()) {
            counts.add(new ThemeCount(theme.getKey(), theme.getValue(), i < perTheme.length ? perTheme[i] : 0));
            i++;
        }
        return new WindowCounts(window, counts);
    }

    private List<String> themesOf(List<String> titles) {
        return THEMES.keySet().stream()
            .filter(t -> titles.stream().anyMatch(title -> doc(title).themes().contains(t))).toList();
    }

    private List<Ref> refs(List<String> titles, Map<String, Source> sources) {
        return titles.stream().map(this::doc).map(d -> sources.get(d.title()).ref())
            .sorted(Comparator.comparingInt(Ref::number)).toList();
    }

    private Doc doc(String title) {
        Doc doc = documents.get(title);
        if (doc == null) {
            throw new IllegalArgumentException("no document titled '" + title + "' in this digest; add it first");
        }
        return doc;
    }

    private record Doc(String title, String type, LocalDate date, String department, String answeredBy,
            String address, String summary, List<String> evidence, List<String> themes) {
    }

    private record Funding(BigDecimal amount, String text, String purpose, String who, LocalDate firstReported,
            List<String> reportedBy) {
    }

    private record Other(MoneyKind kind, BigDecimal amount, String text, String about, List<String> reportedBy) {
    }

    private record Event(LocalDate date, DatePrecision precision, String event, List<String> reportedBy) {
    }
}
