package org.watchbrief.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.watchbrief.analysis.TermPattern.CasedAtom;
import org.watchbrief.analysis.TermPattern.PrefixAtom;
import org.watchbrief.analysis.TermPattern.Start;
import org.watchbrief.analysis.TermPattern.StemAtom;

/**
 * Groups of weighted terms (the relevance terms, then each theme's) compiled into one index keyed
 * by each term's first word, so a text is matched against every term in a single pass over its
 * words. Immutable and thread-safe once built.
 */
final class TermIndex {

    /** Prefixes are indexed by their first letter (a-z); others are tried on every word. */
    private static final int LETTERS = 26;

    /** One occurrence of a term of a group: its first and last word and its weight. */
    record Hit(int group, int first, int last, double weight) {

        boolean overlaps(Hit other) {
            return first <= other.last && other.first <= last;
        }
    }

    /** A way a term can begin; {@code cased} is its first word when that must be written with its capitals. */
    private record Entry(int group, int term, double weight, Start start, CasedAtom cased) {

        Entry(int group, int term, double weight, Start start) {
            this(group, term, weight, start, start.atom() instanceof CasedAtom c ? c : null);
        }
    }

    private final int groups;

    private final Map<String, List<Entry>> byStem = new HashMap<>();

    private final List<List<Entry>> byInitial = new ArrayList<>();

    private final List<Entry> otherPrefixes = new ArrayList<>();

    TermIndex(List<List<Taxonomy.Term>> groups) {
        this.groups = groups.size();
        for (int c = 0; c < LETTERS; c++) {
            byInitial.add(new ArrayList<>());
        }
        int term = 0;
        for (int g = 0; g < groups.size(); g++) {
            for (Taxonomy.Term t : groups.get(g)) {
                for (Start start : t.pattern().starts()) {
                    Entry entry = new Entry(g, term, t.weight(), start);
                    if (start.atom() instanceof StemAtom stem) {
                        byStem.computeIfAbsent(stem.stem(), k -> new ArrayList<>()).add(entry);
                    }
                    else if (start.atom() instanceof CasedAtom cased) {
                        byStem.computeIfAbsent(cased.stem(), k -> new ArrayList<>()).add(entry);
                    }
                    else {
                        int initial = initial(((PrefixAtom) start.atom()).prefix());
                        (initial < 0 ? otherPrefixes : byInitial.get(initial)).add(entry);
                    }
                }
                term++;
            }
        }
    }

    /**
     * Every occurrence of every term, per group, in text order; where occurrences of a group
     * overlap, only the heaviest counts ("online safety act" over "act").
     */
    List<List<Hit>> match(Tokens tokens) {
        List<List<Hit>> all = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            all.add(new ArrayList<>());
        }
        List<long[]> seen = new ArrayList<>(); // (term, first, last) already counted
        for (int i = 0; i < tokens.size(); i++) {
            Entry[] entries = (Entry[]) tokens.remembered(i, this);
            if (entries == null) {
                entries = entriesFor(tokens, i);
                tokens.remember(i, this, entries);
            }
            if (entries.length > 0) {
                tryAt(i, entries, tokens, all, seen);
            }
        }
        List<List<Hit>> kept = new ArrayList<>(groups);
        for (List<Hit> hits : all) {
            kept.add(heaviest(hits));
        }
        return kept;
    }

    private static int initial(String word) {
        char c = word.isEmpty() ? ' ' : word.charAt(0);
        return c >= 'a' && c <= 'z' ? c - 'a' : -1;
    }

    /**
     * The entries whose first word may be word {@code i}: those of its stem, and the prefixes it
     * starts with. They depend on the word alone, so each word's are worked out once per thread
     * ({@link Tokens#remembered}) rather than looked up at each of its occurrences.
     */
    private Entry[] entriesFor(Tokens tokens, int i) {
        List<Entry> entries = new ArrayList<>(byStem.getOrDefault(tokens.stem(i), List.of()));
        int initial = initial(tokens.lower(i));
        for (Entry entry : initial >= 0 ? byInitial.get(initial) : List.<Entry>of()) {
            if (entry.start().atom().matches(tokens, i)) {
                entries.add(entry);
            }
        }
        for (Entry entry : otherPrefixes) {
            if (entry.start().atom().matches(tokens, i)) {
                entries.add(entry);
            }
        }
        return entries.isEmpty() ? NONE : entries.toArray(NONE);
    }

    private static final Entry[] NONE = new Entry[0];

    /** Tries the entries that may start at word {@code i}; a word with capitals is checked as written. */
    private static void tryAt(int i, Entry[] entries, Tokens tokens, List<List<Hit>> all, List<long[]> seen) {
        for (Entry entry : entries) {
            if (entry.cased() != null && !entry.cased().matches(tokens, i)) {
                continue;
            }
            int last = entry.start().matchAt(tokens, i);
            if (last >= 0 && firstTime(seen, entry.term(), i, last)) {
                all.get(entry.group()).add(new Hit(entry.group(), i, last, entry.weight()));
            }
        }
    }

    /** A term written two ways ("livestream", split or whole) that matches the same words counts once. */
    private static boolean firstTime(List<long[]> seen, int term, int first, int last) {
        for (int k = seen.size() - 1; k >= 0 && seen.get(k)[1] == first; k--) {
            long[] s = seen.get(k);
            if (s[0] == term && s[2] == last) {
                return false;
            }
        }
        seen.add(new long[] { term, first, last });
        return true;
    }

    private static List<Hit> heaviest(List<Hit> hits) {
        if (hits.size() < 2) {
            return hits;
        }
        List<Hit> byWeight = new ArrayList<>(hits);
        byWeight.sort(Comparator.comparingDouble(Hit::weight).reversed().thenComparingInt(Hit::first));
        List<Hit> kept = new ArrayList<>();
        for (Hit hit : byWeight) {
            boolean free = true;
            for (int k = 0; k < kept.size() && free; k++) {
                free = !hit.overlaps(kept.get(k));
            }
            if (free) {
                kept.add(hit);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::first));
        return kept;
    }
}
