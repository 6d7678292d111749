package org.watchbrief.digest;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A short extractive summary of a document for one theme: the sentences in which the theme's
 * evidence (the words the analysis matched, as they appear) is densest, in the order the
 * document has them. A question's own wording ("To ask the Secretary of State...") gives way to
 * the answer's sentences when those carry the theme too.
 */
final class ThemeSummaries {

    static final int MAX_SENTENCES = 3;

    static final int MAX_CHARACTERS = 480;

    /** A sentence longer than this is cut at a word, so one run-on sentence cannot fill the page. */
    static final int LONGEST_SENTENCE = 320;

    private static final int SHORTEST_SENTENCE = 25;

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern LINE_BREAK = Pattern.compile("\\R");

    private ThemeSummaries() {
    }

    /**
     * @param body the document's text
     * @param evidence the theme's words found in it, as they appear
     * @param fallback what to say when no sentence carries the evidence (the stored summary);
     *     may be {@code null}
     */
    static String summarize(String body, List<String> evidence, String fallback) {
        List<Pattern> patterns = evidence.stream().filter(p -> !p.isBlank()).distinct()
            .map(p -> Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(p.strip()) + "(?![\\p{L}\\p{N}])",
                    Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE))
            .toList();
        List<String> sentences = sentences(body == null ? "" : body);
        List<Scored> carrying = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String sentence = sentences.get(i);
            int hits = 0;
            for (Pattern pattern : patterns) {
                Matcher matcher = pattern.matcher(sentence);
                while (matcher.find()) {
                    hits++;
                }
            }
            if (hits > 0 && sentence.length() >= SHORTEST_SENTENCE) {
                carrying.add(new Scored(i, sentence, hits, isQuestion(sentence)));
            }
        }
        if (carrying.stream().anyMatch(s -> !s.question())) {
            carrying.removeIf(Scored::question);
        }
        carrying.sort(Comparator.comparingInt(Scored::hits).reversed().thenComparingInt(Scored::index));
        List<Scored> chosen = new ArrayList<>();
        int length = 0;
        for (Scored candidate : carrying) {
            String text = cut(candidate.text());
            if (chosen.size() == MAX_SENTENCES || (!chosen.isEmpty() && length + text.length() > MAX_CHARACTERS)) {
                break;
            }
            chosen.add(new Scored(candidate.index(), text, candidate.hits(), candidate.question()));
            length += text.length() + 1;
        }
        if (chosen.isEmpty()) {
            if (fallback != null && !fallback.isBlank()) {
                return fallback.strip();
            }
            return sentences.isEmpty() ? "" : cut(sentences.get(0));
        }
        chosen.sort(Comparator.comparingInt(Scored::index));
        return String.join(" ", chosen.stream().map(Scored::text).toList());
    }

    private static boolean isQuestion(String sentence) {
        return sentence.startsWith("To ask ") || sentence.endsWith("?");
    }

    private static String cut(String sentence) {
        if (sentence.length() <= LONGEST_SENTENCE) {
            return sentence;
        }
        int space = sentence.lastIndexOf(' ', LONGEST_SENTENCE - 1);
        return sentence.substring(0, space > 0 ? space : LONGEST_SENTENCE - 1).strip() + "…";
    }

    /** Sentences by the JDK's sentence iterator; a line break ends one too (headings carry no full stop). */
    static List<String> sentences(String text) {
        List<String> sentences = new ArrayList<>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.UK);
        for (String paragraph : LINE_BREAK.split(text)) {
            iterator.setText(paragraph);
            int start = iterator.first();
            for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
                String sentence = WHITESPACE.matcher(paragraph.substring(start, end)).replaceAll(" ").strip();
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }

    private record Scored(int index, String text, int hits, boolean question) {
    }
}
