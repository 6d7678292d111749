package org.watchbrief.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metadata that each published layout carries, and separates the body from the
 * layout's furniture. Layouts recognised:
 * <ul>
 * <li>parallelparliament-style written questions ("(asked on 15th March 2021)", "Question to the
 * Home Office:", "Answered by", "This question was answered on ...");</li>
 * <li>questions-statements.parliament.uk-style written questions ("Question for Home Office",
 * "UIN 184990, tabled on 29 October 2018", "Answered on");</li>
 * <li>GOV.UK pages ("Press release" or "News story" first, "From: ...", "Published ...");</li>
 * <li>Markdown and plain articles: a headline first, an optional "Published ..." line.</li>
 * </ul>
 * A field a layout does not carry is {@code null}, never guessed.
 */
public final class MetadataParser {

    private static final String DATE = "(\\d{1,2}(?:st|nd|rd|th)?\\s+[A-Z][a-z]+\\s+\\d{4})";

    private static final Pattern ASKED_ON = Pattern.compile("^\\(asked on " + DATE + "\\)");

    private static final Pattern QUESTION_TO = Pattern.compile("^Question to the (.+?):?$");

    private static final Pattern ANSWERED_ON = Pattern.compile("^This question was answered on " + DATE);

    private static final Pattern QUESTION_FOR = Pattern.compile("^Question for (.+)$");

    private static final Pattern UIN_TABLED = Pattern.compile("^UIN (\\w+), tabled on " + DATE);

    private static final Pattern FROM = Pattern.compile("^From:\\s*(.+)$");

    private static final Pattern PUBLISHED = Pattern.compile("^\\*?Published(?: on)?:?\\s+" + DATE + "\\*?$");

    private static final Pattern DATE_ONLY = Pattern.compile("^" + DATE + "$");

    private static final List<String> FURNITURE = List.of("Skip to main content", "- Advertisement -",
            "Reticulating Splines", "Read Full Story Click here to comment", "Latest Stories", "UK News");

    private static final DateTimeFormatter DAY_MONTH_YEAR = new DateTimeFormatterBuilder().parseCaseInsensitive()
        .appendPattern("d MMMM uuuu").toFormatter(Locale.UK);

    public ParsedDocument parse(String text) {
        List<String> lines = Arrays.stream(text.split("\n", -1)).map(String::strip).toList();
        if (lines.stream().anyMatch(l -> ASKED_ON.matcher(l).find())) {
            return parallelParliament(lines);
        }
        if (lines.stream().anyMatch(l -> UIN_TABLED.matcher(l).find())) {
            return questionsStatements(lines);
        }
        return article(lines);
    }

    /** parallelparliament.co.uk: title, (asked on ...), Question to the X:, question, Answered by, answer. */
    private ParsedDocument parallelParliament(List<String> lines) {
        String title = firstContentLine(lines, 0);
        LocalDate asked = null;
        LocalDate answered = null;
        String department = null;
        String answeredBy = null;
        int answerStart = -1;
        int questionStart = -1;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if ((m = ASKED_ON.matcher(line)).find()) {
                asked = date(m.group(1));
            }
            else if (department == null && (m = QUESTION_TO.matcher(line)).find()) {
                department = m.group(1);
                questionStart = i + 1;
            }
            else if (line.equals("Answered by") && answeredBy == null) {
                answeredBy = firstContentLine(lines, i + 1);
                if (answeredBy != null && answeredBy.endsWith(" Portrait")) {
                    answeredBy = answeredBy.substring(0, answeredBy.length() - " Portrait".length());
                }
            }
            else if ((m = ANSWERED_ON.matcher(line)).find()) {
                answered = date(m.group(1));
                answerStart = i + 1;
            }
        }
        String question = questionStart < 0 ? "" : firstContentLine(lines, questionStart);
        String answer = answerStart < 0 ? "" : body(lines.subList(answerStart, lines.size()));
        return new ParsedDocument(new DocumentMetadata(DocumentType.WRITTEN_QUESTION, title, department, null, asked,
                answered, answeredBy, answered, null), join(question, answer));
    }

    /** questions-statements.parliament.uk: title, Question for X, UIN n, tabled on ..., Answered on, answer. */
    private ParsedDocument questionsStatements(List<String> lines) {
        String title = null;
        String department = null;
        String uin = null;
        LocalDate asked = null;
        LocalDate answered = null;
        String answeredBy = null;
        int questionStart = -1;
        int answerStart = -1;
        int answerEnd = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            Matcher m;
            if (title == null && !line.isEmpty() && !FURNITURE.contains(line)) {
                title = line;
            }
            else if (department == null && (m = QUESTION_FOR.matcher(line)).find()) {
                department = m.group(1);
            }
            else if ((m = UIN_TABLED.matcher(line)).find()) {
                uin = m.group(1);
                asked = date(m.group(2));
                questionStart = i + 1;
            }
            else if (line.equals("Answered on") && answered == null) {
                int dateLine = nextContentIndex(lines, i + 1);
                if (dateLine >= 0 && DATE_ONLY.matcher(lines.get(dateLine)).find()) {
                    answered = date(lines.get(dateLine));
                    answerStart = dateLine + 1;
                }
            }
            else if (line.equals("Answered by") && answerStart >= 0) {
                answeredBy = firstContentLine(lines, i + 1);
                answerEnd = i;
            }
        }
        String question = questionStart < 0 ? "" : firstContentLine(lines, questionStart);
        String answer = answerStart < 0 ? "" : body(lines.subList(answerStart, answerEnd));
        return new ParsedDocument(new DocumentMetadata(DocumentType.WRITTEN_QUESTION, title, department, uin, asked,
                answered, answeredBy, answered, null), join(question, answer));
    }

    /** GOV.UK pages, Markdown and news articles: a headline, optional type, organisation and date lines. */
    private ParsedDocument article(List<String> lines) {
        DocumentType type = DocumentType.OTHER;
        String title = null;
        String department = null;
        LocalDate published = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if (FURNITURE.contains(line)) {
                continue;
            }
            boolean headerLines = body.stream().allMatch(String::isEmpty);
            if (headerLines && type == DocumentType.OTHER && (line.equalsIgnoreCase("Press release")
                    || line.equalsIgnoreCase("News story"))) {
                type = line.equalsIgnoreCase("Press release") ? DocumentType.PRESS_RELEASE : DocumentType.NEWS_STORY;
            }
            else if (title == null && !line.isEmpty()) {
                title = line.replaceFirst("^#+\\s*", "");
            }
            else if (headerLines && department == null && (m = FROM.matcher(line)).find()) {
                department = m.group(1);
            }
            else if (headerLines && published == null && (m = PUBLISHED.matcher(line)).find()) {
                published = date(m.group(1));
            }
            else if (title != null) {
                body.add(line.replaceFirst("^#+\\s*", ""));
            }
        }
        return new ParsedDocument(new DocumentMetadata(type, title, department, null, null, null, null, published,
                null), body(body));
    }

    /** Parses "15th March 2021", "6 November 2018"; {@code null} when it is no date. */
    static LocalDate date(String text) {
        String plain = text.strip().replaceAll("(?<=\\d)(st|nd|rd|th)\\b", "").replaceAll("\\s+", " ");
        try {
            return LocalDate.parse(plain, DAY_MONTH_YEAR);
        }
        catch (DateTimeException ex) {
            return null;
        }
    }

    /** The lines without furniture, paragraphs separated by one blank line. */
    private static String body(List<String> lines) {
        List<String> paragraphs = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (FURNITURE.contains(line)) {
                continue;
            }
            if (line.isEmpty()) {
                if (paragraph.length() > 0) {
                    paragraphs.add(paragraph.toString());
                    paragraph.setLength(0);
                }
            }
            else {
                paragraph.append(paragraph.length() > 0 ? "\n" : "").append(line);
            }
        }
        if (paragraph.length() > 0) {
            paragraphs.add(paragraph.toString());
        }
        return String.join("\n\n", paragraphs);
    }

    private static String join(String question, String answer) {
        return (question.isEmpty() ? answer : question + "\n\n" + answer).strip();
    }

    private static String firstContentLine(List<String> lines, int from) {
        int index = nextContentIndex(lines, from);
        return index < 0 ? null : lines.get(index);
    }

    private static int nextContentIndex(List<String> lines, int from) {
        for (int i = from; i < lines.size(); i++) {
            if (!lines.get(i).isEmpty() && !FURNITURE.contains(lines.get(i))) {
                return i;
            }
        }
        return -1;
    }
}
