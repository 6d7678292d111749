package org.watchbrief.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A text's words, normalised with Lucene: Unicode word breaks (UAX #29, so "live-streamed" is two
 * words), possessives dropped, lower case, and the Snowball English (Porter2) stem, so that
 * "groomers" and "groomer", "streamed" and "streaming" compare equal. Each word keeps its offsets
 * in the text. Immutable; one instance per text.
 */
final class Tokens {

    /** Lucene's tokenizer; Lucene reuses its components per thread, so one instance serves all. */
    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            return new TokenStreamComponents(new StandardTokenizer());
        }
    };

    /** Each thread's words already seen, with their stems (see {@link Words}). */
    private static final ThreadLocal<Words> SEEN = ThreadLocal.withInitial(Words::new);

    private final String text;

    private final int size;

    private final int[] starts;

    private final int[] ends;

    private final String[] lower;

    private final String[] stems;

    private final boolean[] sentenceStarts;

    private final byte[] marks;

    /** Each word's slot in the thread's {@link Words}, -1 when it did not fit there. */
    private final int[] slots;

    private final Words words;

    /** The table's generation these slots belong to. */
    private final int generation;

    private Tokens(String text, int size, int[] starts, int[] ends, String[] lower, String[] stems, byte[] marks,
            int[] slots, Words words) {
        this.slots = slots;
        this.words = words;
        this.generation = words.generation;
        this.text = text;
        this.size = size;
        this.starts = starts;
        this.ends = ends;
        this.lower = lower;
        this.stems = stems;
        this.marks = marks;
        this.sentenceStarts = new boolean[size];
        for (int i = 0; i < size; i++) {
            sentenceStarts[i] = i == 0 || sentenceEndBetween(text, ends[i - 1], starts[i]);
        }
    }

    static Tokens of(String text) {
        int capacity = Math.max(16, text.length() / 5);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        String[] lower = new String[capacity];
        String[] stems = new String[capacity];
        byte[] marks = new byte[capacity];
        int[] slots = new int[capacity];
        Words words = SEEN.get();
        int generation = words.generation;
        int size = 0;
        try (TokenStream stream = WORDS.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (size == starts.length) {
                    starts = Arrays.copyOf(starts, size * 2);
                    ends = Arrays.copyOf(ends, size * 2);
                    lower = Arrays.copyOf(lower, size * 2);
                    stems = Arrays.copyOf(stems, size * 2);
                    marks = Arrays.copyOf(marks, size * 2);
                    slots = Arrays.copyOf(slots, size * 2);
                }
                starts[size] = offset.startOffset();
                ends[size] = offset.endOffset();
                int word = words.find(term.buffer(), term.length());
                lower[size] = words.lower(word);
                stems[size] = words.stem(word);
                marks[size] = words.mark(word);
                slots[size] = word;
                size++;
            }
            stream.end();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a String reader does not fail
        }
        if (words.generation != generation) {
            // the table grew while this text was read, moving the slots: find where each word ended up
            for (int i = 0; i < size; i++) {
                slots[i] = slots[i] < 0 ? -1 : words.slotOf(lower[i]);
            }
        }
        return new Tokens(text, size, starts, ends, lower, stems, marks, slots, words);
    }

    /** The stems of a phrase's words, in order: how a taxonomy term is compared with a text. */
    static List<String> stems(String phrase) {
        Tokens tokens = of(phrase);
        return new ArrayList<>(Arrays.asList(tokens.stems).subList(0, tokens.size));
    }

    /**
     * The words one thread has seen: each word in lower case, without a possessive "'s", and its
     * Snowball English stem, and what the date rules make of it ({@link EventExtractor#mark}).
     * Documents share most of their words, and stemming is the dearest step of the analysis, so
     * each word is stemmed and marked once and its strings are shared; the words are
     * looked up by their characters, so a word already seen costs no new string. Bounded: past
     * {@code LIMIT} words, new ones are stemmed each time instead of kept.
     */
    private static final class Words {

        private static final int LIMIT = 1 << 17;

        private final EnglishStemmer stemmer = new EnglishStemmer();

        private char[] scratch = new char[64];

        /** The hash of the word in the scratch buffer, as {@link String#hashCode} gives it. */
        private int scratchHash;

        private String[] lowers = new String[1 << 12];

        private String[] stems = new String[1 << 12];

        /** Each slot's hash, so that a probe compares characters only when the hashes agree. */
        private int[] hashes = new int[1 << 12];

        private byte[] marks = new byte[1 << 12];

        private byte overflowMark;

        /** What one reader (a {@link TermIndex}) worked out for each word, and which reader it was. */
        private Object[] owners = new Object[1 << 12];

        private Object[] remembered = new Object[1 << 12];

        /** Counts the times the table grew, moving every slot. */
        private int generation;

        private int size;

        /** The transient slot used for a word that no longer fits. */
        private String overflowLower;

        private String overflowStem;

        /** The slot of a word, {@code -1} for the overflow slot. */
        int find(char[] buffer, int length) {
            int n = normalise(buffer, length);
            int hash = scratchHash;
            int mask = lowers.length - 1;
            int slot = mix(hash) & mask;
            while (lowers[slot] != null) {
                if (hashes[slot] == hash && same(lowers[slot], n)) {
                    return slot;
                }
                slot = (slot + 1) & mask;
            }
            String word = new String(scratch, 0, n);
            stemmer.setCurrent(word);
            stemmer.stem();
            String stem = stemmer.getCurrent();
            byte mark = EventExtractor.mark(word);
            if (size >= LIMIT) {
                overflowLower = word;
                overflowStem = stem;
                overflowMark = mark;
                return -1;
            }
            lowers[slot] = word;
            hashes[slot] = hash;
            marks[slot] = mark;
            stems[slot] = stem.equals(word) ? word : stem;
            if (++size * 2 > lowers.length) {
                grow();
                return find(buffer, length);
            }
            return slot;
        }

        String lower(int slot) {
            return slot < 0 ? overflowLower : lowers[slot];
        }

        String stem(int slot) {
            return slot < 0 ? overflowStem : stems[slot];
        }

        byte mark(int slot) {
            return slot < 0 ? overflowMark : marks[slot];
        }

        /** The slot of a word already kept, found by its string. */
        int slotOf(String lower) {
            int mask = lowers.length - 1;
            int slot = mix(lower.hashCode()) & mask;
            while (lowers[slot] != lower) {
                slot = (slot + 1) & mask;
            }
            return slot;
        }

        /** Lower case into the scratch buffer, dropping a possessive "'s"; the new length. */
        private int normalise(char[] buffer, int length) {
            int n = length;
            boolean possessive = n > 2 && (buffer[n - 1] == 's' || buffer[n - 1] == 'S')
                    && (buffer[n - 2] == '\'' || buffer[n - 2] == '’');
            if (possessive) {
                n -= 2;
            }
            if (scratch.length < n) {
                scratch = new char[n * 2];
            }
            int hash = 0;
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                // ASCII, most words, without Character's tables
                char lower = c < 128 ? (c >= 'A' && c <= 'Z' ? (char) (c + 32) : c) : Character.toLowerCase(c);
                scratch[i] = lower;
                hash = 31 * hash + lower;
            }
            scratchHash = hash;
            return n;
        }

        private boolean same(String word, int n) {
            if (word.length() != n) {
                return false;
            }
            for (int i = 0; i < n; i++) {
                if (word.charAt(i) != scratch[i]) {
                    return false;
                }
            }
            return true;
        }

        private void grow() {
            String[] oldLowers = lowers;
            String[] oldStems = stems;
            int[] oldHashes = hashes;
            byte[] oldMarks = marks;
            Object[] oldOwners = owners;
            Object[] oldRemembered = remembered;
            generation++;
            lowers = new String[oldLowers.length * 2];
            stems = new String[oldLowers.length * 2];
            hashes = new int[oldLowers.length * 2];
            marks = new byte[oldLowers.length * 2];
            owners = new Object[oldLowers.length * 2];
            remembered = new Object[oldLowers.length * 2];
            int mask = lowers.length - 1;
            for (int i = 0; i < oldLowers.length; i++) {
                if (oldLowers[i] != null) {
                    int slot = mix(oldHashes[i]) & mask;
                    while (lowers[slot] != null) {
                        slot = (slot + 1) & mask;
                    }
                    lowers[slot] = oldLowers[i];
                    stems[slot] = oldStems[i];
                    hashes[slot] = oldHashes[i];
                    marks[slot] = oldMarks[i];
                    owners[slot] = oldOwners[i];
                    remembered[slot] = oldRemembered[i];
                }
            }
        }

        private static int mix(int hash) {
            return hash ^ (hash >>> 16);
        }
    }

    /** A full stop, "!", "?", ";", ":" or a blank line; a single line break may only wrap a sentence. */
    private static boolean sentenceEndBetween(String text, int from, int to) {
        boolean newline = false;
        for (int c = from; c < to; c++) {
            char ch = text.charAt(c);
            if (ch == '.' || ch == '!' || ch == '?' || ch == ';' || ch == ':' || (ch == '\n' && newline)) {
                return true;
            }
            newline |= ch == '\n';
        }
        return false;
    }

    String text() {
        return text;
    }

    int size() {
        return size;
    }

    int start(int token) {
        return starts[token];
    }

    int end(int token) {
        return ends[token];
    }

    String stem(int token) {
        return stems[token];
    }

    /**
     * What {@code owner} remembered about this word, the same in every text this thread reads
     * (so it may depend only on the word in lower case and its stem); {@code null} when nothing.
     */
    Object remembered(int token, Object owner) {
        int slot = slots[token];
        return slot >= 0 && words.generation == generation && words.owners[slot] == owner ? words.remembered[slot]
                : null;
    }

    /** Remembers something about this word for {@code owner}, replacing what another owner kept. */
    void remember(int token, Object owner, Object value) {
        int slot = slots[token];
        if (slot >= 0 && words.generation == generation) {
            words.owners[slot] = owner;
            words.remembered[slot] = value;
        }
    }

    /** What the date rules make of the word: {@link EventExtractor#mark}. */
    int mark(int token) {
        return marks[token];
    }

    /** The word as written, in lower case, without a possessive "'s". */
    String lower(int token) {
        return lower[token];
    }

    /** Whether a sentence, a clause before ";" or ":", or a paragraph ends between this word and the one before. */
    boolean sentenceStartsAt(int token) {
        return sentenceStarts[token];
    }

    /** The word at or after a character offset: its index, or {@link #size()} when none is. */
    int atOrAfter(int offset) {
        int low = 0;
        int high = size;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (ends[mid] <= offset) {
                low = mid + 1;
            }
            else {
                high = mid;
            }
        }
        return low;
    }
}
