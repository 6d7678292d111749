package org.watchbrief.analysis;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A taxonomy term compiled for matching against a text's {@link Tokens}. The syntax:
 * <ul>
 * <li>words separated by spaces or hyphens match consecutive words of the text, each compared by
 * its Snowball stem ({@code groomer} matches "groomers"), case-insensitively;</li>
 * <li>a word ending in {@code *} matches any word that starts with it ({@code paedophil*});</li>
 * <li>a word with a capital letter matches only words written with that capital ({@code Act}
 * matches "Act" and "Acts", not "act");</li>
 * <li>{@code a|b|c} matches any one of the words;</li>
 * <li>{@code ~N} between two words lets up to N other words stand between them
 * ({@code share ~3 data|information} matches "sharing of relevant information");</li>
 * <li>a word may be written whole or split ({@code livestream} matches "live-streamed" and
 * "live streaming"; {@code live stream} matches "livestreaming").</li>
 * </ul>
 */
final class TermPattern {

    private static final int SPLIT_MINIMUM_LENGTH = 6;

    private final String term;

    private final List<List<Step>> variants;

    private TermPattern(String term, List<List<Step>> variants) {
        this.term = term;
        this.variants = variants;
    }

    /** One word of the text. */
    sealed interface Atom permits StemAtom, PrefixAtom, CasedAtom {

        boolean matches(Tokens tokens, int i);
    }

    record StemAtom(String stem) implements Atom {

        @Override
        public boolean matches(Tokens tokens, int i) {
            return tokens.stem(i).equals(stem);
        }
    }

    record PrefixAtom(String prefix) implements Atom {

        @Override
        public boolean matches(Tokens tokens, int i) {
            return tokens.lower(i).startsWith(prefix);
        }
    }

    record CasedAtom(String word, String stem) implements Atom {

        @Override
        public boolean matches(Tokens tokens, int i) {
            return tokens.stem(i).equals(stem) && tokens.text().startsWith(word, tokens.start(i));
        }
    }

    /**
     * One position of the term: any of its alternatives (each a run of words), after up to
     * maxGap other words. Alternatives are indexed by their first word (its stem, or a prefix's
     * first letter), so a word is compared only with the alternatives that can start there.
     */
    static final class Step {

        private static final List<List<Atom>> NONE = new ArrayList<>(); // never added to

        private final List<List<Atom>> alternatives;

        private final int maxGap;

        private final Map<String, List<List<Atom>>> byStem = new HashMap<>();

        /** Prefix-first alternatives by the prefix's first letter a-z; index 26 for any other start. */
        private final List<List<List<Atom>>> byInitial = new ArrayList<>();

        Step(List<List<Atom>> alternatives, int maxGap) {
            this.alternatives = new ArrayList<>(alternatives);
            this.maxGap = maxGap;
            for (int c = 0; c <= 26; c++) {
                byInitial.add(new ArrayList<>());
            }
            for (List<Atom> alternative : alternatives) {
                if (alternative.get(0) instanceof StemAtom stem) {
                    byStem.computeIfAbsent(stem.stem(), k -> new ArrayList<>()).add(alternative);
                }
                else if (alternative.get(0) instanceof CasedAtom cased) {
                    byStem.computeIfAbsent(cased.stem(), k -> new ArrayList<>()).add(alternative);
                }
                else {
                    byInitial.get(initial(((PrefixAtom) alternative.get(0)).prefix())).add(alternative);
                }
            }
        }

        List<List<Atom>> alternatives() {
            return alternatives;
        }

        int maxGap() {
            return maxGap;
        }

        /** The alternatives whose first word is word {@code i}'s stem. */
        List<List<Atom>> byStem(Tokens tokens, int i) {
            return byStem.getOrDefault(tokens.stem(i), NONE);
        }

        /** The prefix-first alternatives that may start at word {@code i}, and those of any other start. */
        List<List<Atom>> byInitial(Tokens tokens, int i) {
            return byInitial.get(initial(tokens.lower(i)));
        }

        List<List<Atom>> otherInitials() {
            return byInitial.get(26);
        }

        private static int initial(String word) {
            char c = word.isEmpty() ? ' ' : word.charAt(0);
            return c >= 'a' && c <= 'z' ? c - 'a' : 26;
        }
    }

    /** A word of the term as written, before compiling. */
    private record Word(List<String> alternatives, int gapBefore) {
    }

    /**
     * @throws IllegalArgumentException naming what is wrong with the term
     */
    static TermPattern compile(String term) {
        if (term == null || term.isBlank()) {
            throw new IllegalArgumentException("a term must not be blank");
        }
        List<Word> words = new ArrayList<>();
        int gap = 0;
        for (String part : term.strip().split("\\s+")) {
            if (part.matches("~\\d{1,2}")) {
                if (words.isEmpty()) {
                    throw new IllegalArgumentException("'" + term + "' starts with a gap; put ~N between two words");
                }
                gap = Integer.parseInt(part.substring(1));
                continue;
            }
            List<String> alternatives = new ArrayList<>();
            for (String alternative : part.split("\\|")) {
                if (alternative.isEmpty() || alternative.equals("*")) {
                    throw new IllegalArgumentException("'" + term + "' has an empty alternative in '" + part + "'");
                }
                alternatives.add(alternative);
            }
            words.add(new Word(alternatives, gap));
            gap = 0;
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a term must not be blank");
        }
        if (gap > 0) {
            throw new IllegalArgumentException("'" + term + "' ends with a gap; put ~N between two words");
        }
        List<List<Step>> variants = new ArrayList<>();
        // every list walked while matching is an ArrayList: one class behind List.get, which the JIT inlines
        variants.add(new ArrayList<>(words.stream().map(w -> step(w, term)).toList()));
        // "live stream" also matches "livestreaming": join two plain adjacent words into one
        for (int i = 0; i + 1 < words.size(); i++) {
            Word a = words.get(i);
            Word b = words.get(i + 1);
            if (b.gapBefore() == 0 && joinable(a) && !a.alternatives().get(0).endsWith("*") && joinable(b)) {
                List<Step> joined = new ArrayList<>(variants.get(0));
                joined.set(i, step(new Word(List.of(a.alternatives().get(0) + b.alternatives().get(0)), a.gapBefore()),
                        term));
                joined.remove(i + 1);
                variants.add(joined);
            }
        }
        return new TermPattern(term, variants);
    }

    private static boolean joinable(Word word) {
        String only = word.alternatives().get(0);
        return word.alternatives().size() == 1 && only.equals(only.toLowerCase(Locale.ROOT)) && !only.contains("-")
                && !only.substring(0, only.length() - 1).contains("*");
    }

    private static Step step(Word word, String term) {
        List<List<Atom>> alternatives = new ArrayList<>();
        for (String alternative : word.alternatives()) {
            boolean prefix = alternative.endsWith("*");
            String core = prefix ? alternative.substring(0, alternative.length() - 1) : alternative;
            String[] pieces = core.split("-+");
            List<Atom> run = new ArrayList<>();
            for (int i = 0; i < pieces.length; i++) {
                run.add(atom(pieces[i], prefix && i == pieces.length - 1, term));
            }
            alternatives.add(run);
            if (pieces.length > 1) {
                // "co-operation" also matches "cooperation"
                alternatives.add(new ArrayList<>(List.of(atom(String.join("", pieces), prefix, term))));
            }
            // "livestream" also matches "live-streamed": the word split in two
            if (pieces.length == 1 && core.length() >= SPLIT_MINIMUM_LENGTH
                    && core.equals(core.toLowerCase(Locale.ROOT)) && core.chars().allMatch(Character::isLetter)) {
                for (int k = 2; k <= core.length() - 3; k++) {
                    alternatives.add(new ArrayList<>(List.of(atom(core.substring(0, k), false, term),
                            atom(core.substring(k), prefix, term))));
                }
            }
        }
        return new Step(alternatives, word.gapBefore());
    }

    private static Atom atom(String word, boolean prefix, String term) {
        if (word.isEmpty()) {
            throw new IllegalArgumentException("'" + term + "' has an empty word");
        }
        if (prefix) {
            return new PrefixAtom(word.toLowerCase(Locale.ROOT));
        }
        List<String> stems = Tokens.stems(word);
        if (stems.size() != 1) {
            throw new IllegalArgumentException("'" + word + "' in '" + term + "' is not one word");
        }
        boolean cased = !word.equals(word.toLowerCase(Locale.ROOT));
        return cased ? new CasedAtom(word, stems.get(0)) : new StemAtom(stems.get(0));
    }

    String term() {
        return term;
    }

    /**
     * Where a match of the term can begin: one entry per variant and first alternative, keyed by
     * its first word, so that a text's words can be looked up in an index of all terms at once.
     */
    List<Start> starts() {
        List<Start> starts = new ArrayList<>();
        for (List<Step> steps : variants) {
            for (List<Atom> first : steps.get(0).alternatives()) {
                starts.add(new Start(first, steps));
            }
        }
        return starts;
    }

    /** A way the term can begin: its first run of words, then the rest of its steps. */
    record Start(List<Atom> first, List<Step> steps) {

        /** The first word: a stem, a prefix or a word with capitals. */
        Atom atom() {
            return first.get(0);
        }

        /** The last word of a match beginning at word {@code i}, whose first word matches; or -1. */
        int matchAt(Tokens tokens, int i) {
            int end = run(first, 1, tokens, i);
            return end < 0 ? -1 : rest(steps, 1, tokens, end + 1);
        }
    }

    /** Matches a run of atoms from {@code start}; the last word matched, or -1. */
    private static int run(List<Atom> atoms, Tokens tokens, int start) {
        return run(atoms, 0, tokens, start);
    }

    /** Matches a run of atoms from {@code start}, those before {@code from} already matched. */
    private static int run(List<Atom> atoms, int from, Tokens tokens, int start) {
        if (start + atoms.size() > tokens.size()) {
            return -1;
        }
        for (int k = from; k < atoms.size(); k++) {
            if (!atoms.get(k).matches(tokens, start + k) || (k > 0 && tokens.sentenceStartsAt(start + k))) {
                return -1;
            }
        }
        return start + atoms.size() - 1;
    }

    /** Matches steps from {@code index} on, the first word at or after {@code from}; the last word, or -1. */
    private static int rest(List<Step> steps, int index, Tokens tokens, int from) {
        if (index == steps.size()) {
            return from - 1;
        }
        Step step = steps.get(index);
        for (int at = from; at <= from + step.maxGap() && at < tokens.size(); at++) {
            if (tokens.sentenceStartsAt(at)) {
                return -1; // a term never reaches across the end of a sentence
            }
            // the alternatives that can start at this word, looked up without building a list
            int last = restAfter(step.byStem(tokens, at), steps, index, tokens, at);
            if (last < 0) {
                last = restAfter(step.byInitial(tokens, at), steps, index, tokens, at);
            }
            if (last < 0) {
                last = restAfter(step.otherInitials(), steps, index, tokens, at);
            }
            if (last >= 0) {
                return last;
            }
        }
        return -1;
    }

    /** Tries each alternative at word {@code at}, then the steps after it; the last word, or -1. */
    private static int restAfter(List<List<Atom>> alternatives, List<Step> steps, int index, Tokens tokens, int at) {
        for (int a = 0; a < alternatives.size(); a++) {
            int end = run(alternatives.get(a), tokens, at);
            if (end >= 0) {
                int last = rest(steps, index + 1, tokens, end + 1);
                if (last >= 0) {
                    return last;
                }
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return term;
    }
}
