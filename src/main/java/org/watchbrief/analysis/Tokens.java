package org.watchbrief.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
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

    /** Lucene's tokenizer chain; Lucene reuses its components per thread, so one instance serves all. */
    private static final Analyzer WORDS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new EnglishPossessiveFilter(source));
        }
    };

    /**
     * Stems already computed: documents share most of their words, and the stemmer is the dearest
     * step. Bounded, so an endless stream of new words cannot fill the memory.
     */
    private static final Map<String, String> STEMS = new ConcurrentHashMap<>();

    private static final int STEM_CACHE_LIMIT = 200_000;

    private static final ThreadLocal<EnglishStemmer> STEMMER = ThreadLocal.withInitial(EnglishStemmer::new);

    private final String text;

    private final int size;

    private final int[] starts;

    private final int[] ends;

    private final String[] lower;

    private final String[] stems;

    private final boolean[] sentenceStarts;

    private Tokens(String text, int size, int[] starts, int[] ends, String[] lower) {
        this.text = text;
        this.size = size;
        this.starts = starts;
        this.ends = ends;
        this.lower = lower;
        this.stems = new String[size];
        this.sentenceStarts = new boolean[size];
        for (int i = 0; i < size; i++) {
            stems[i] = stem(lower[i]);
            sentenceStarts[i] = i == 0 || sentenceEndBetween(text, ends[i - 1], starts[i]);
        }
    }

    static Tokens of(String text) {
        int capacity = Math.max(16, text.length() / 5);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        String[] lower = new String[capacity];
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
                }
                starts[size] = offset.startOffset();
                ends[size] = offset.endOffset();
                lower[size] = lowerCase(term.buffer(), term.length());
                size++;
            }
            stream.end();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a String reader does not fail
        }
        return new Tokens(text, size, starts, ends, lower);
    }

    /** The stems of a phrase's words, in order: how a taxonomy term is compared with a text. */
    static List<String> stems(String phrase) {
        return new ArrayList<>(Arrays.asList(of(phrase).stems));
    }

    /** The word in lower case; most words need no change, and then only one String is made. */
    private static String lowerCase(char[] buffer, int length) {
        for (int i = 0; i < length; i++) {
            if (Character.isUpperCase(buffer[i])) {
                return new String(buffer, 0, length).toLowerCase(Locale.ROOT);
            }
        }
        return new String(buffer, 0, length);
    }

    /** The Snowball English stem of a lower-case word. */
    private static String stem(String word) {
        String stem = STEMS.get(word);
        if (stem == null) {
            EnglishStemmer stemmer = STEMMER.get();
            stemmer.setCurrent(word);
            stemmer.stem();
            stem = stemmer.getCurrent();
            if (STEMS.size() < STEM_CACHE_LIMIT) {
                STEMS.put(word, stem);
            }
        }
        return stem;
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
