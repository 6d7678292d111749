package org.watchbrief.digest;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import org.watchbrief.analysis.DatedEvent;
import org.watchbrief.analysis.Evidence;
import org.watchbrief.analysis.MoneyKind;
import org.watchbrief.analysis.MoneyMention;
import org.watchbrief.analysis.Taxonomy;
import org.watchbrief.digest.Digest.DocumentEntry;
import org.watchbrief.digest.Digest.FundingLine;
import org.watchbrief.digest.Digest.FundingTable;
import org.watchbrief.digest.Digest.Summary;
import org.watchbrief.digest.Digest.ThemeCount;
import org.watchbrief.digest.Digest.ThemeSection;
import org.watchbrief.digest.Digest.TimelineEntry;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.store.StoredDocument;

/** Builds the Digest for a window from the store. */
@Component
public class DigestComposer {

    private final DocumentRepository documents;

    private final Taxonomy taxonomy;

    private final Clock clock;

    public DigestComposer(DocumentRepository documents, Taxonomy taxonomy, Clock clock) {
        this.documents = documents;
        this.taxonomy = taxonomy;
        this.clock = clock;
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
        List<Taxonomy.Theme> covered = themes.isEmpty() ? taxonomy.themes()
                : themes.stream().map(taxonomy::theme).toList();
        // issue 5: the schedule's filters narrow the window's documents before anything is counted
        List<StoredDocument> inWindow = filter.apply(documents.findRelevantBetween(window.start(), window.end()),
                documents::bodiesOf)
            .stream()
            .filter(d -> covered.stream().anyMatch(t -> assigned(d, t.key())))
            .toList();

        List<ThemeSection> sections = new ArrayList<>();
        List<ThemeCount> counts = new ArrayList<>();
        for (Taxonomy.Theme theme : covered) {
            List<DocumentEntry> entries = inWindow.stream().filter(d -> assigned(d, theme.key()))
                .sorted(Comparator.comparing(StoredDocument::briefDate).reversed())
                .map(d -> entry(d, theme.key()))
                .toList();
            sections.add(new ThemeSection(theme.key(), theme.label(), entries));
            counts.add(new ThemeCount(theme.key(), theme.label(), entries.size()));
        }
        FundingTable funding = funding(inWindow);
        return new Digest(scheduleName, title, window, clock.instant(),
                new Summary(inWindow.size(), counts, funding.total()), sections, funding, timeline(inWindow));
    }

    private static boolean assigned(StoredDocument document, String theme) {
        return document.themes().stream().anyMatch(t -> t.theme().equals(theme) && t.assigned());
    }

    private static DocumentEntry entry(StoredDocument d, String theme) {
        String evidence = d.themes().stream().filter(t -> t.theme().equals(theme))
            .flatMap(t -> t.evidence().stream()).map(Evidence::sentence).findFirst().orElse(null);
        return new DocumentEntry(title(d), d.metadata().type().displayName(), d.metadata().published(),
                d.metadata().department(), d.metadata().answeredBy(), d.summary(), d.source(), evidence);
    }

    private static String title(StoredDocument d) {
        return d.metadata().title() != null ? d.metadata().title() : d.sourceKey();
    }

    /** One line per announcement key: a sum reported by several documents counts once. */
    private static FundingTable funding(List<StoredDocument> inWindow) {
        Map<String, List<Reported>> byAnnouncement = new LinkedHashMap<>();
        for (StoredDocument d : inWindow) {
            for (MoneyMention m : d.money()) {
                if (m.kind() == MoneyKind.FUNDING && m.amountGbp() != null) {
                    String key = m.announcement() != null ? m.announcement() : d.id() + "/" + m.text();
                    byAnnouncement.computeIfAbsent(key, k -> new ArrayList<>()).add(new Reported(m, d));
                }
            }
        }
        List<FundingLine> lines = new ArrayList<>();
        for (List<Reported> reports : byAnnouncement.values()) {
            Reported first = reports.get(0);
            BigDecimal amount = reports.stream().map(r -> r.mention().amountGbp()).max(BigDecimal::compareTo)
                .orElseThrow();
            String purpose = reports.stream().map(r -> r.mention().purpose()).filter(p -> p != null).findFirst()
                .orElse(null);
            Set<String> sources = new LinkedHashSet<>();
            reports.forEach(r -> sources.add(title(r.document())));
            lines.add(new FundingLine(amount, first.mention().text(), purpose, List.copyOf(sources)));
        }
        lines.sort(Comparator.comparing(FundingLine::amount).reversed());
        BigDecimal total = lines.stream().map(FundingLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new FundingTable(lines, total);
    }

    private static List<TimelineEntry> timeline(List<StoredDocument> inWindow) {
        Map<String, TimelineEntry> entries = new LinkedHashMap<>();
        for (StoredDocument d : inWindow) {
            for (DatedEvent e : d.events()) {
                entries.putIfAbsent(e.isoDate() + "|" + e.event(),
                        new TimelineEntry(e.date(), e.precision(), e.isoDate(), e.event(), title(d)));
            }
        }
        return entries.values().stream()
            .sorted(Comparator.comparing(TimelineEntry::date).thenComparing(TimelineEntry::precision))
            .toList();
    }

    private record Reported(MoneyMention mention, StoredDocument document) {
    }
}
