package org.watchbrief.analysis;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A text's sentences. A sentence ends at a line break, or at ".", "!" or "?" (and any closing
 * quote or bracket) followed by a space and a capital, a digit, an opening quote or a bullet;
 * a full stop after an abbreviation ("Mr.", "e.g.") or an initial ("J.", "U.S.") ends none. These
 * rules are the JDK's sentence BreakIterator's, plus the abbreviations, in one linear scan: the
 * BreakIterator cost a fifth of the whole analysis. One instance per text, not thread-safe.
 */
final class Sentences {

    private static final Set<String> ABBREVIATIONS = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "no", "nos", "rt",
            "hon", "co", "ltd", "inc", "plc", "jr", "sr", "gen", "gov", "e.g", "i.e", "etc", "vs", "approx", "fig",
            "para", "paras", "cf", "al", "sec", "art", "vol", "ch", "op", "cl", "govt");

    private final String text;

    /** Where each sentence starts, in order; the first is 0. */
    private final int[] starts;

    private final Sentence[] found;

    /** A sentence and where it is in the text; {@code text} has its white space collapsed. */
    record Sentence(int start, int end, String text) {

        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    private Sentences(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
        this.found = new Sentence[starts.length];
    }

    static Sentences of(String text) {
        int[] starts = new int[16];
        int count = 1;
        for (int i = 0; i < text.length(); i++) {
            int next = endAt(text, i);
            if (next > 0 && next < text.length()) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                starts[count++] = next;
                i = next - 1;
            }
        }
        return new Sentences(text, Arrays.copyOf(starts, count));
    }

    /**
     * If a sentence ends at {@code i}, where the next one starts; else -1.
     */
    private static int endAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return i + 1;
        }
        if (c != '.' && c != '!' && c != '?') {
            return -1;
        }
        int after = i + 1;
        while (after < text.length() && "\"'’”)]".indexOf(text.charAt(after)) >= 0) {
            after++;
        }
        if (after < text.length() && !Character.isWhitespace(text.charAt(after))) {
            return -1;
        }
        int next = after;
        while (next < text.length() && text.charAt(next) == ' ') {
            next++;
        }
        if (next < text.length()) {
            char first = text.charAt(next);
            boolean opens = Character.isUpperCase(first) || Character.isDigit(first)
                    || "\"'“‘([•*-–\n".indexOf(first) >= 0;
            if (!opens) {
                return -1;
            }
        }
        return c == '.' && abbreviated(text, i) ? -1 : next;
    }

    /** Whether the full stop at {@code dot} closes an abbreviation or an initial. */
    private static boolean abbreviated(String text, int dot) {
        int start = dot;
        while (start > 0 && (Character.isLetter(text.charAt(start - 1)) || text.charAt(start - 1) == '.')) {
            start--;
        }
        String word = text.substring(start, dot);
        boolean initial = word.length() == 1 && Character.isUpperCase(word.charAt(0));
        boolean initials = word.length() >= 3 && word.charAt(word.length() - 2) == '.'; // "U.S." "e.g."
        return initial || initials || ABBREVIATIONS.contains(word.toLowerCase(Locale.ROOT));
    }

    /** The sentence holding the character at {@code offset}. */
    Sentence at(int offset) {
        int index = Arrays.binarySearch(starts, Math.max(0, offset));
        if (index < 0) {
            index = -index - 2;
        }
        Sentence sentence = found[index];
        if (sentence == null) {
            int end = index + 1 < starts.length ? starts[index + 1] : text.length();
            sentence = new Sentence(starts[index], end, collapse(text.substring(starts[index], end)));
            found[index] = sentence;
        }
        return sentence;
    }

    private static boolean collapsed(String text) {
        int last = text.length() - 1;
        if (last < 0) {
            return true;
        }
        if (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(last))) {
            return false;
        }
        for (int i = 1; i < last; i++) {
            char c = text.charAt(i);
            if (c != ' ' && Character.isWhitespace(c) || c == ' ' && text.charAt(i + 1) == ' ') {
                return false;
            }
        }
        return true;
    }

    /**
     * The sentences with words in them that start at {@code offset} or after, in order; each is
     * cut out of the text only when the stream reaches it.
     */
    Stream<Sentence> from(int offset) {
        int first = Arrays.binarySearch(starts, offset);
        return IntStream.range(first < 0 ? -first - 1 : first, starts.length)
            .mapToObj(i -> at(starts[i]))
            .filter(sentence -> !sentence.text().isEmpty());
    }

    /** The text with each run of white space made one space, and none at either end. */
    static String collapse(String text) {
        if (collapsed(text)) {
            return text;
        }
        StringBuilder collapsed = new StringBuilder(text.length());
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                space = collapsed.length() > 0;
            }
            else {
                if (space) {
                    collapsed.append(' ');
                    space = false;
                }
                collapsed.append(c);
            }
        }
        return collapsed.toString();
    }
}
