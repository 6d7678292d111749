package org.watchbrief.analysis;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Splits text into sentences with the JDK's sentence {@link BreakIterator}, keeping offsets. */
final class Sentences {

    private Sentences() {
    }

    /** A sentence and where it starts in the text. */
    record Sentence(int start, int end, String text) {

        boolean contains(int offset) {
            return offset >= start && offset < end;
        }
    }

    static List<Sentence> split(String text) {
        List<Sentence> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.UK);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            // Paragraphs end sentences too: headings and list items carry no full stop.
            int from = start;
            for (int nl = text.indexOf('\n', from); nl >= 0 && nl < end; nl = text.indexOf('\n', from)) {
                add(sentences, text, from, nl);
                from = nl + 1;
            }
            add(sentences, text, from, end);
        }
        return sentences;
    }

    private static void add(List<Sentence> sentences, String text, int start, int end) {
        String sentence = collapse(text.substring(start, end));
        if (!sentence.isEmpty()) {
            sentences.add(new Sentence(start, end, sentence));
        }
    }

    static Sentence at(List<Sentence> sentences, int offset) {
        for (Sentence sentence : sentences) {
            if (sentence.contains(offset)) {
                return sentence;
            }
        }
        return sentences.isEmpty() ? new Sentence(0, 0, "") : sentences.get(sentences.size() - 1);
    }

    static String collapse(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }
}
