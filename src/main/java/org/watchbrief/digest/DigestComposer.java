package org.watchbrief.digest;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.analysis.Evidence;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.analysis.MoneyMention;
import org.watchbrief.analysis.Taxonomy;
import org.watchbrief.analysis.ThemeScore;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.Funding;
import org.watchbrief.digest.Digest.FundingLine;
import org.watchbrief.digest.Digest.OtherSum;
import org.watchbrief.digest.Digest.Ref;
import org.watchbrief.digest.Digest.Source;
import org.watchbrief.digest.Digest.Summary;
import org.watchbrief.digest.Digest.ThemeCount;
import org.watchbrief.digest.Digest.ThemeNews;
import org.watchbrief.digest.Digest.ThemeSection;
import org.watchbrief.digest.Digest.ThemeTotal;
import org.watchbrief.digest.Digest.TimelineEntry;
import org.watchbrief.digest.Digest.WindowCounts;
import org.watchbrief.store.DigestQueries;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.store.StoredDocument;

/** Builds the Digest for a window from the store. */
@Component
public class DigestComposer {

    private static final Logger log = LoggerFactory.getLogger(DigestComposer.class);

    /** The items per theme the executive summary names. */
    static final int TOP_ITEMS = 3;

    /** The dated events ahead the executive summary names. */
    static final int EVENTS_AHEAD = 5;

    /** The windows, this one included, whose documents per theme the trend chart shows. */
    static final int HISTORY_WINDOWS = 6;

    private final DocumentRepository documents;

    private final DigestQueries queries;

    private final Taxonomy taxonomy;

    private final Clock clock;

    public DigestComposer(DocumentRepository documents, DigestQueries queries, Taxonomy taxonomy, Clock clock) {
        this.documents = documents;
        this.queries = queries;
        this.taxonomy = taxonomy;
        this.clock = clock;
    }

    /**
     * What to compose.
     *
     * @param scheduleName the schedule it is for
     * @param title the briefing's name
     * @param window the days it covers
     * @param themes the theme keys it covers, in the order wanted; empty for all of the taxonomy's
     * @param filter the schedule's filters (departments, sources, keywords), applied to this window
     *     and to the earlier ones it is compared with; {@link DocumentFilter#NONE} for none
     * @param audience for whom it is made; may be empty
     * @param zone the zone in which its time of making is shown
     */
    public record Request(String scheduleName, String title, Window window, List<String> themes,
            DocumentFilter filter, List<String> audience, ZoneId zone) {

        public Request {
            Objects.requireNonNull(scheduleName, "scheduleName");
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(window, "window");
            themes = List.copyOf(themes);
            Objects.requireNonNull(filter, "filter");
            audience = List.copyOf(audience);
            Objects.requireNonNull(zone, "zone");
        }
    }

    /**
     * @param themes the themes the briefing covers, in the order wanted; empty for all of the taxonomy's
     */
    public Digest compose(String scheduleName, String title, Window window, List<String> themes) {
        return compose(scheduleName, title, window, themes, DocumentFilter.NONE);
    }

    /**
     * @param themes the themes the briefing covers, in the order wanted; empty for all of the taxonomy's
     * @param filter the schedule's filters (departments, sources, keywords); {@link DocumentFilter#NONE} for none
     */
    public Digest compose(String scheduleName, String title, Window window, List<String> themes,
            DocumentFilter filter) {
        return compose(new Request(scheduleName, title, window, themes, filter, List.of(), clock.getZone()));
    }

    public Digest compose(Request request) {
        Window window = request.window();
        List<Taxonomy.Theme> covered = request.themes().isEmpty() ? taxonomy.themes()
                : request.themes().stream().map(taxonomy::theme).toList();
        List<String> coveredKeys = covered.stream().map(Taxonomy.Theme::key).toList();
        List<StoredDocument> inWindow = documentsIn(window, coveredKeys, request.filter());
        Map<Long, String> bodies = documents.bodiesOf(inWindow.stream().map(StoredDocument::id).toList());
        Map<Long, Source> sources = sources(inWindow);
        List<Window> earlier = earlierWindows(window);
        List<StoredDocument> before = documentsIn(new Window(earlier.get(0).start(), window.previous().end()),
                coveredKeys, request.filter());

        Funding funding = funding(inWindow, before, covered, window, sources);
        Set<Long> withNewFunding = new HashSet<>();
        for (StoredDocument d : inWindow) {
            Ref ref = sources.get(d.id()).ref();
            if (funding.lines().stream().anyMatch(l -> l.counted() && l.reportedBy().contains(ref))) {
                withNewFunding.add(d.id());
            }
        }

        List<ThemeSection> sections = new ArrayList<>();
        List<ThemeNews> news = new ArrayList<>();
        for (Taxonomy.Theme theme : covered) {
            List<StoredDocument> onTheme = inWindow.stream().filter(d -> assigned(d, theme.key())).toList();
            Map<Long, DocumentEntry> entries = new LinkedHashMap<>();
            onTheme.forEach(d -> entries.put(d.id(), entry(d, theme.key(), bodies.get(d.id()), sources.get(d.id()))));
            sections.add(new ThemeSection(theme.key(), theme.label(),
                    onTheme.stream().sorted(Comparator.comparing(StoredDocument::briefDate).reversed()
                        .thenComparing(d -> sources.get(d.id()).number())).map(d -> entries.get(d.id())).toList()));
            List<DocumentEntry> top = onTheme.stream()
                .sorted(Comparator.comparing((StoredDocument d) -> !withNewFunding.contains(d.id()))
                    .thenComparing(Comparator.comparingDouble((StoredDocument d) -> score(d, theme.key())).reversed())
                    .thenComparing(Comparator.comparing(StoredDocument::briefDate).reversed()))
                .limit(TOP_ITEMS).map(d -> entries.get(d.id())).toList();
            news.add(new ThemeNews(theme.key(), theme.label(), onTheme.size(), top));
        }

        List<TimelineEntry> timeline = timeline(inWindow, coveredKeys, sources);
        List<TimelineEntry> ahead = timeline.stream().filter(e -> e.date().isAfter(window.end()))
            .limit(EVENTS_AHEAD).toList();
        Summary summary = new Summary(inWindow.size(), news, funding.total(), funding.previousTotal(),
                (int) funding.lines().stream().filter(FundingLine::counted).count(), ahead);
        List<Source> appendix = sources.values().stream().sorted(Comparator.comparingInt(Source::number)).toList();
        log.debug("Composed {} for {}: {} document(s), {} event(s)", request.scheduleName(), window, inWindow.size(),
                timeline.size());
        return new Digest(request.scheduleName(), request.title(), window, clock.instant(), request.zone(),
                request.audience(), request.filter().describe(), summary, sections, funding, timeline,
                history(window, inWindow, earlier, before, covered), appendix);
    }

    /**
     * The relevant documents (latest versions) of a window that the filter lets through and that
     * carry a covered theme, oldest first.
     */
    private List<StoredDocument> documentsIn(Window window, List<String> covered, DocumentFilter filter) {
        return filter.apply(documents.findRelevantBetween(window.start(), window.end()), documents::bodiesOf)
            .stream()
            .filter(d -> !assignedThemes(d, covered).isEmpty())
            .toList();
    }

    /** The windows before this one that the trend covers, oldest first. */
    private static List<Window> earlierWindows(Window window) {
        List<Window> windows = new ArrayList<>();
        Window w = window.previous();
        for (int i = 1; i < HISTORY_WINDOWS; i++) {
            windows.add(0, w);
            w = w.previous();
        }
        return windows;
    }

    private static boolean assigned(StoredDocument document, String theme) {
        return document.themes().stream().anyMatch(t -> t.theme().equals(theme) && t.assigned());
    }

    /** The covered themes assigned to the document, in the order covered. */
    private static List<String> assignedThemes(StoredDocument document, List<String> covered) {
        return covered.stream().filter(theme -> assigned(document, theme)).toList();
    }

    private static double score(StoredDocument document, String theme) {
        return document.themes().stream().filter(t -> t.theme().equals(theme)).mapToDouble(ThemeScore::score)
            .findFirst().orElse(0);
    }

    /** Every document, numbered from 1 by date, then title. */
    private static Map<Long, Source> sources(List<StoredDocument> inWindow) {
        List<StoredDocument> ordered = inWindow.stream()
            .sorted(Comparator.comparing(StoredDocument::briefDate).thenComparing(DigestComposer::title)
                .thenComparingLong(StoredDocument::id))
            .toList();
        Map<Long, Source> sources = new LinkedHashMap<>();
        for (StoredDocument d : ordered) {
            sources.put(d.id(), new Source(sources.size() + 1, title(d), d.metadata().type().displayName(),
                    d.metadata().published(), d.metadata().department(), d.source()));
        }
        return sources;
    }

    private static DocumentEntry entry(StoredDocument d, String theme, String body, Source source) {
        List<Evidence> evidence = d.themes().stream().filter(t -> t.theme().equals(theme))
            .flatMap(t -> t.evidence().stream()).toList();
        Map<String, String> byLowerCase = new LinkedHashMap<>(); // "Groomers" and "groomers" are one piece of evidence
        evidence.stream().flatMap(e -> Arrays.stream(e.phrase().split(";"))).map(String::strip)
            .filter(p -> !p.isEmpty()).forEach(p -> byLowerCase.putIfAbsent(p.toLowerCase(Locale.UK), p));
        List<String> phrases = List.copyOf(byLowerCase.values());
        String sentence = evidence.stream().map(Evidence::sentence).filter(Objects::nonNull).findFirst().orElse(null);
        String summary = ThemeSummaries.summarize(body, phrases, d.summary());
        return new DocumentEntry(source.ref(), d.metadata().type().displayName(), d.metadata().published(),
                d.metadata().department(), d.metadata().answeredBy(), d.metadata().answeredByRole(),
                d.metadata().corrected(), d.metadata().holding(), summary, phrases, sentence);
    }

    private static String title(StoredDocument d) {
        return d.metadata().title() != null ? d.metadata().title() : d.sourceKey();
    }

    // funding

    /**
     * One line per announcement: a sum reported by several documents is one line. A line counts
     * in the totals when the announcement was first reported in this window; one reported again
     * is listed, with the date it was first reported, but was counted in its own window.
     */
    private Funding funding(List<StoredDocument> inWindow, List<StoredDocument> before, List<Taxonomy.Theme> covered,
            Window window, Map<Long, Source> sources) {
        List<String> coveredKeys = covered.stream().map(Taxonomy.Theme::key).toList();
        Map<String, List<Reported>> byKey = new LinkedHashMap<>();
        Map<String, List<Reported>> others = new LinkedHashMap<>();
        for (StoredDocument d : inWindow) {
            for (int position = 0; position < d.money().size(); position++) {
                MoneyMention m = d.money().get(position);
                if (m.kind() == MoneyKind.FUNDING && m.amountGbp() != null) {
                    byKey.computeIfAbsent(DigestQueries.fundingKey(m.announcement(), d.id(), position),
                            k -> new ArrayList<>()).add(new Reported(m, d));
                }
                else if (m.kind() == MoneyKind.FINE || m.kind() == MoneyKind.COST) {
                    others.computeIfAbsent(m.kind() + " " + m.currency() + " " + m.amount().stripTrailingZeros(),
                            k -> new ArrayList<>()).add(new Reported(m, d));
                }
            }
        }
        Map<String, LocalDate> firstReported = queries.firstReported(byKey.values().stream()
            .map(reports -> reports.get(0).mention().announcement()).filter(Objects::nonNull).toList());

        List<FundingLine> lines = new ArrayList<>();
        for (List<Reported> reports : byKey.values()) {
            Reported first = reports.get(0); // the documents come oldest first
            LocalDate earliest = first.document().briefDate();
            String announcement = first.mention().announcement();
            if (announcement != null && firstReported.containsKey(announcement)
                    && firstReported.get(announcement).isBefore(earliest)) {
                earliest = firstReported.get(announcement);
            }
            lines.add(new FundingLine(
                    reports.stream().map(r -> r.mention().amountGbp()).max(BigDecimal::compareTo).orElseThrow(),
                    first.mention().text(),
                    reports.stream().map(r -> r.mention().purpose()).filter(Objects::nonNull).findFirst().orElse(null),
                    reports.stream().map(r -> r.document().metadata().department()).filter(Objects::nonNull)
                        .findFirst().orElse(null),
                    earliest, window.contains(earliest),
                    coveredKeys.stream().filter(t -> reports.stream().anyMatch(r -> assigned(r.document(), t)))
                        .toList(),
                    refs(reports, sources)));
        }
        lines.sort(Comparator.comparing((FundingLine l) -> !l.counted())
            .thenComparing(Comparator.comparing(FundingLine::amount).reversed())
            .thenComparing(FundingLine::firstReported));
        List<FundingLine> counted = lines.stream().filter(FundingLine::counted).toList();

        Previous previous = previous(window.previous(), before, coveredKeys);
        List<ThemeTotal> themeTotals = covered.stream()
            .map(t -> new ThemeTotal(t.key(), t.label(),
                    sum(counted.stream().filter(l -> l.themes().contains(t.key())).map(FundingLine::amount).toList()),
                    previous.byTheme().getOrDefault(t.key(), BigDecimal.ZERO)))
            .toList();
        return new Funding(lines, themeTotals, sum(counted.stream().map(FundingLine::amount).toList()),
                previous.total(), otherSums(others, sources));
    }

    /** Funding first reported in the previous window, on the covered themes, each announcement once. */
    private Previous previous(Window previous, List<StoredDocument> before, List<String> covered) {
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        Map<String, Set<String>> themes = new HashMap<>();
        Set<String> announced = new HashSet<>();
        for (StoredDocument d : before) {
            if (!previous.contains(d.briefDate())) {
                continue;
            }
            for (int position = 0; position < d.money().size(); position++) {
                MoneyMention m = d.money().get(position);
                if (m.kind() == MoneyKind.FUNDING && m.amountGbp() != null) {
                    String key = DigestQueries.fundingKey(m.announcement(), d.id(), position);
                    amounts.merge(key, m.amountGbp(), BigDecimal::max);
                    themes.computeIfAbsent(key, k -> new TreeSet<>()).addAll(assignedThemes(d, covered));
                    if (m.announcement() != null) {
                        announced.add(key);
                    }
                }
            }
        }
        Map<String, LocalDate> firstReported = queries.firstReported(announced);
        BigDecimal total = BigDecimal.ZERO;
        Map<String, BigDecimal> byTheme = new HashMap<>();
        for (Map.Entry<String, BigDecimal> entry : amounts.entrySet()) {
            LocalDate first = firstReported.get(entry.getKey());
            if (first != null && first.isBefore(previous.start())) {
                continue; // counted in an earlier window still
            }
            total = total.add(entry.getValue());
            themes.get(entry.getKey()).forEach(t -> byTheme.merge(t, entry.getValue(), BigDecimal::add));
        }
        return new Previous(total, byTheme);
    }

    private static List<OtherSum> otherSums(Map<String, List<Reported>> others, Map<Long, Source> sources) {
        return others.values().stream().map(reports -> {
            MoneyMention first = reports.get(0).mention();
            return new OtherSum(first.kind(), first.amount(), first.currency(), first.text(),
                    reports.stream().map(r -> r.mention().purpose()).filter(Objects::nonNull).findFirst().orElse(null),
                    refs(reports, sources));
        })
            .sorted(Comparator.comparing(OtherSum::kind)
                .thenComparing(Comparator.comparing(OtherSum::amount).reversed()))
            .toList();
    }

    private static List<Ref> refs(List<Reported> reports, Map<Long, Source> sources) {
        return reports.stream().map(r -> sources.get(r.document().id())).distinct()
            .sorted(Comparator.comparingInt(Source::number)).map(Source::ref).toList();
    }

    private static BigDecimal sum(List<BigDecimal> amounts) {
        return amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    // timeline

    private static List<TimelineEntry> timeline(List<StoredDocument> inWindow, List<String> covered,
            Map<Long, Source> sources) {
        List<SameEvents.Report<StoredDocument>> reports = new ArrayList<>();
        for (StoredDocument d : inWindow) {
            d.events().forEach(e -> reports.add(new SameEvents.Report<>(e, d)));
        }
        List<TimelineEntry> entries = new ArrayList<>();
        for (List<SameEvents.Report<StoredDocument>> same : SameEvents.group(reports)) {
            DatedEvent event = same.get(0).event();
            String description = same.stream().map(r -> r.event().event())
                .min(Comparator.comparingInt(String::length)).orElseThrow();
            List<StoredDocument> documents = same.stream().map(SameEvents.Report::source).distinct().toList();
            Set<String> themes = new LinkedHashSet<>();
            covered.stream().filter(t -> documents.stream().anyMatch(d -> assigned(d, t))).forEach(themes::add);
            entries.add(new TimelineEntry(event.date(), event.precision(), description, List.copyOf(themes),
                    documents.stream().map(d -> sources.get(d.id())).sorted(Comparator.comparingInt(Source::number))
                        .map(Source::ref).toList()));
        }
        entries.sort(Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::precision)
            .thenComparing(TimelineEntry::event));
        return entries;
    }

    // history

    private static List<WindowCounts> history(Window window, List<StoredDocument> inWindow, List<Window> earlier,
            List<StoredDocument> before, List<Taxonomy.Theme> covered) {
        List<WindowCounts> history = new ArrayList<>();
        for (Window w : earlier) {
            history.add(counts(w, before.stream().filter(d -> w.contains(d.briefDate())).toList(), covered));
        }
        history.add(counts(window, inWindow, covered));
        return history;
    }

    private static WindowCounts counts(Window window, List<StoredDocument> documents, List<Taxonomy.Theme> covered) {
        return new WindowCounts(window, covered.stream()
            .map(t -> new ThemeCount(t.key(), t.label(), (int) documents.stream().filter(d -> assigned(d, t.key()))
                .count()))
            .toList());
    }

    private record Reported(MoneyMention mention, StoredDocument document) {
    }

    private record Previous(BigDecimal total, Map<String, BigDecimal> byTheme) {
    }
}
