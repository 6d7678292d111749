package org.watchbrief.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.snowball.SnowballFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * A text's words, normalised by Lucene: Unicode word breaks (UAX #29, so "live-streamed" is two
 * words), possessives dropped, lower case, and the Snowball English (Porter2) stem, so that
 * "groomers" and "groomer", "streamed" and "streaming" compare equal. Each word keeps its offsets
 * in the text. Immutable once built; one instance per text.
 */
final class Tokens {

    /** Lucene's analysis chain; Lucene reuses its components per thread, so one instance serves all. */
    private static final Analyzer ENGLISH = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            StandardTokenizer source = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(source);
            stream = new LowerCaseFilter(stream);
            stream = new SnowballFilter(stream, new EnglishStemmer());
            return new TokenStreamComponents(source, stream);
        }
    };

    private final String text;

    private final int size;

    private final int[] starts;

    private final int[] ends;

    private final String[] stems;

    private final String[] lower;

    private Map<String, int[]> byStem;

    private Tokens(String text, int size, int[] starts, int[] ends, String[] stems) {
        this.text = text;
        this.size = size;
        this.starts = starts;
        this.ends = ends;
        this.stems = stems;
        this.lower = new String[size];
    }

    static Tokens of(String text) {
        int capacity = Math.max(16, text.length() / 5);
        int[] starts = new int[capacity];
        int[] ends = new int[capacity];
        String[] stems = new String[capacity];
        int size = 0;
        try (TokenStream stream = ENGLISH.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                if (size == starts.length) {
                    starts = Arrays.copyOf(starts, size * 2);
                    ends = Arrays.copyOf(ends, size * 2);
                    stems = Arrays.copyOf(stems, size * 2);
                }
                starts[size] = offset.startOffset();
                ends[size] = offset.endOffset();
                stems[size] = term.toString();
                size++;
            }
            stream.end();
        }
        catch (IOException impossible) {
            throw new UncheckedIOException(impossible); // a String reader does not fail
        }
        return new Tokens(text, size, starts, ends, stems);
    }

    /** The stems of a phrase's words, in order: how a taxonomy term is compared with a text. */
    static List<String> stems(String phrase) {
        Tokens tokens = of(phrase);
        List<String> stems = new ArrayList<>(tokens.size);
        for (int i = 0; i < tokens.size; i++) {
            stems.add(tokens.stems[i]);
        }
        return stems;
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

    /** The word as written. */
    String surface(int token) {
        return text.substring(starts[token], ends[token]);
    }

    /** The word as written, in lower case. */
    String lower(int token) {
        String word = lower[token];
        if (word == null) {
            word = surface(token).toLowerCase(Locale.ROOT);
            lower[token] = word;
        }
        return word;
    }

    /** The positions of the words with this stem, in text order. */
    int[] positions(String stem) {
        if (byStem == null) {
            Map<String, List<Integer>> lists = new HashMap<>();
            for (int i = 0; i < size; i++) {
                lists.computeIfAbsent(stems[i], s -> new ArrayList<>(2)).add(i);
            }
            Map<String, int[]> index = new HashMap<>(lists.size() * 2);
            lists.forEach((s, list) -> index.put(s, list.stream().mapToInt(Integer::intValue).toArray()));
            byStem = index;
        }
        return byStem.getOrDefault(stem, NONE);
    }

    private static final int[] NONE = new int[0];
}
