package org.watchbrief.intake;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the metadata that each published layout carries, and separates the body from the
 * layout's furniture. Layouts recognised, by the lines that give them away:
 * <ul>
 * <li>parallelparliament.co.uk written questions: "(asked on 15th March 2021)", "Question to the
 * Home Office:", "Answered by", "This question was answered on ...". The role printed under the
 * answering member is the member's current one, not the one held when answering, so it is not
 * recorded;</li>
 * <li>questions-statements.parliament.uk written questions: "Question for Home Office", "UIN 184990,
 * tabled on 29 October 2018", "Answered on";</li>
 * <li>TheyWorkForYou written answers: "Home Office written question – answered on 6th November
 * 2018.", the asker and the answerer each as "Photo of NAME NAME ROLE" (the role held then);</li>
 * <li>Hansard: a title, then "Volume 603: debated on Thursday 3 December 2015"; a statement unless
 * the item is a debate ("I beg to move") or questions ("Asked by", "To ask ... (UIN)");</li>
 * <li>historic Hansard written answers: "§ NAMETo ask ... [UIN]", "§ NAMEanswer";</li>
 * <li>GOV.UK pages: a format line ("Press release", "News story", "Policy paper" ...), a title,
 * "From: ORGANISATION", "Published 10 November 2020"; "Updated ..." is not the publication date;</li>
 * <li>news articles, blog posts and Markdown: a headline, an optional date line.</li>
 * </ul>
 * A field the layout does not carry is {@code null}, never guessed; a first line that reads as a
 * sentence rather than a headline is not taken for a title.
 */
public final class MetadataParser {

    private static final String MONTHS = "(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*";

    private static final String DATE = "((?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s+"
            + MONTHS + ",?\\s+\\d{4})";

    private static final Pattern ASKED_ON = Pattern.compile("^\\(asked on " + DATE + "\\)");

    private static final Pattern QUESTION_TO = Pattern.compile("^Question to the (.+?):?$");

    private static final Pattern ANSWERED_ON = Pattern.compile("^This question was answered on " + DATE);

    private static final Pattern QUESTION_FOR = Pattern.compile("^Question for (.+)$");

    private static final Pattern UIN_TABLED = Pattern.compile("^UIN (\\w+), tabled on " + DATE);

    private static final Pattern TWFY_ANSWERED = Pattern
        .compile("^(.+?) written (question|statement) [–-] (?:answered|made) on " + DATE + "\\.?$");

    private static final Pattern PHOTO_OF = Pattern.compile("^Photo of (.+?) \\1(?: (.+))?$");

    private static final Pattern HANSARD_VOLUME = Pattern.compile("^Volume \\d+: debated on " + DATE + "$");

    private static final Pattern HANSARD_UIN = Pattern.compile("\\((\\d{4,7})\\)\\s*$");

    private static final Pattern HISTORIC_SPEAKER = Pattern.compile("^§ (.+?[a-z.])(?=To ask |I |The |My |We |It |This |As |In |On )(.*)$");

    private static final Pattern HISTORIC_UIN = Pattern.compile("\\[(\\d{4,7})]");

    private static final Pattern FROM = Pattern.compile("^From:\\s*(.+)$");

    private static final Pattern PUBLISHED = Pattern.compile("^\\*?Published(?: on)?:?\\s+" + DATE + "\\.?\\*?$");

    private static final Pattern UPDATED = Pattern.compile("^\\*?(?:Last )?[Uu]pdated(?: on)?:?\\s+" + DATE + "\\.?\\*?$");

    private static final Pattern DATE_ONLY = Pattern.compile("^\\*?" + DATE + "\\*?$");

    private static final Pattern TODAY = Pattern.compile("\\btoday \\(" + DATE + "\\)");

    // compiled once: a backfill parses a million documents
    private static final Pattern MARKDOWN_HEADING = Pattern.compile("^#+\\s*");

    private static final Pattern HTML_SUFFIX = Pattern.compile("\\s+\\(HTML\\)$");

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private static final Pattern EMPHASIS = Pattern.compile("^\\*|\\*$");

    private static final Pattern WEEKDAY = Pattern.compile("^[A-Z][a-z]+day,?\\s+");

    private static final Pattern ORDINAL = Pattern.compile("(?<=\\d)(st|nd|rd|th)\\b");

    private static final Pattern SEPT = Pattern.compile("\\bSept\\b");

    /** GOV.UK's format labels, printed above or below a page's title, and the types they mean. */
    private static final Map<String, DocumentType> GOV_UK_FORMATS = Map.ofEntries(
            Map.entry("press release", DocumentType.PRESS_RELEASE), Map.entry("news story", DocumentType.NEWS_STORY),
            Map.entry("world news story", DocumentType.NEWS_STORY),
            Map.entry("written statement to parliament", DocumentType.STATEMENT),
            Map.entry("oral statement to parliament", DocumentType.STATEMENT),
            Map.entry("speech", DocumentType.OTHER), Map.entry("authored article", DocumentType.OTHER),
            Map.entry("policy paper", DocumentType.OTHER), Map.entry("research and analysis", DocumentType.OTHER),
            Map.entry("corporate report", DocumentType.OTHER), Map.entry("guidance", DocumentType.OTHER),
            Map.entry("statutory guidance", DocumentType.OTHER), Map.entry("independent report", DocumentType.OTHER),
            Map.entry("consultation outcome", DocumentType.OTHER), Map.entry("open consultation", DocumentType.OTHER),
            Map.entry("closed consultation", DocumentType.OTHER), Map.entry("government response", DocumentType.OTHER),
            Map.entry("official statistics", DocumentType.OTHER), Map.entry("transparency data", DocumentType.OTHER),
            Map.entry("correspondence", DocumentType.OTHER), Map.entry("notice", DocumentType.OTHER),
            Map.entry("impact assessment", DocumentType.OTHER), Map.entry("case study", DocumentType.OTHER));

    /** How many lines at the top of an article may carry its format, organisation and date. */
    private static final int HEADER_LINES = 8;

    private static final List<String> FURNITURE = List.of("Skip to main content", "- Advertisement -",
            "Reticulating Splines", "Read Full Story Click here to comment", "Latest Stories", "UK News");

    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(formatter("d MMMM uuuu"),
            formatter("d MMM uuuu"));

    public ParsedDocument parse(String text) {
        List<String> lines = Arrays.stream(text.split("\n", -1)).map(String::strip).toList();
        if (lines.stream().anyMatch(l -> ASKED_ON.matcher(l).find())
                || firstContent(lines).map(l -> QUESTION_TO.matcher(l).find()).orElse(false)) {
            return parallelParliament(lines);
        }
        if (lines.stream().anyMatch(l -> UIN_TABLED.matcher(l).find())) {
            return questionsStatements(lines);
        }
        if (lines.stream().limit(10).anyMatch(l -> TWFY_ANSWERED.matcher(l).find())) {
            return theyWorkForYou(lines);
        }
        if (lines.stream().filter(l -> !l.isEmpty()).limit(3).anyMatch(l -> HANSARD_VOLUME.matcher(l).find())) {
            return hansard(lines);
        }
        if (firstContent(lines).map(l -> HISTORIC_SPEAKER.matcher(l).find()).orElse(false)) {
            return historicHansard(lines);
        }
        return article(lines);
    }

    /** parallelparliament.co.uk: title, (asked on ...), Question to the X:, question, Answered by, answer. */
    private ParsedDocument parallelParliament(List<String> lines) {
        String title = firstContent(lines).filter(l -> !QUESTION_TO.matcher(l).find()).filter(MetadataParser::headline)
            .orElse(null);
        LocalDate asked = null;
        LocalDate answered = null;
        String department = null;
        String answeredBy = null;
        int questionStart = -1;
        int questionEnd = lines.size();
        int answerStart = -1;
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
                questionEnd = i;
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
        String question;
        String answer;
        if (answerStart >= 0) {
            question = questionStart < 0 ? "" : firstContentLine(lines, questionStart);
            answer = body(lines.subList(answerStart, lines.size()));
        }
        else {
            // no answer block: the question is its first paragraph, the answer the rest
            question = questionStart < 0 ? "" : body(lines.subList(questionStart, Math.max(questionStart, questionEnd)));
            answer = "";
        }
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

    /**
     * TheyWorkForYou: title, "Home Office written question – answered on DATE.", then speeches,
     * each after a "Photo of NAME NAME ROLE" line; the answer is the last speaker's.
     */
    private ParsedDocument theyWorkForYou(List<String> lines) {
        String title = firstContent(lines).filter(l -> !TWFY_ANSWERED.matcher(l).find())
            .filter(MetadataParser::headline).orElse(null);
        String department = null;
        LocalDate date = null;
        DocumentType type = DocumentType.WRITTEN_QUESTION;
        String speaker = null;
        String role = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if (date == null && (m = TWFY_ANSWERED.matcher(line)).find()) {
                department = m.group(1);
                type = m.group(2).equals("statement") ? DocumentType.STATEMENT : DocumentType.WRITTEN_QUESTION;
                date = date(m.group(3));
            }
            else if ((m = PHOTO_OF.matcher(line)).find()) {
                speaker = m.group(1);
                role = m.group(2);
            }
            else if (date != null) {
                body.add(line);
            }
        }
        boolean question = type == DocumentType.WRITTEN_QUESTION;
        return new ParsedDocument(new DocumentMetadata(type, title, department, null, null, question ? date : null,
                speaker, date, null, role, null, false), body(body));
    }

    /** Hansard: title, "Volume N: debated on DATE", the item. */
    private ParsedDocument hansard(List<String> lines) {
        String title = null;
        LocalDate date = null;
        List<String> body = new ArrayList<>();
        for (String line : lines) {
            Matcher m;
            if (date == null && (m = HANSARD_VOLUME.matcher(line)).find()) {
                date = date(m.group(1));
            }
            else if (date == null && title == null && !line.isEmpty() && headline(line)) {
                title = line;
            }
            else if (date != null && !line.equals("Asked by")) {
                body.add(line);
            }
        }
        String text = body(body);
        List<String> paragraphs = List.of(text.split("\n\n"));
        boolean debate = paragraphs.stream().limit(3).anyMatch(p -> p.startsWith("I beg to move"));
        boolean oralQuestion = lines.contains("Asked by");
        List<String> writtenQuestions = paragraphs.stream().filter(p -> p.startsWith("To ask"))
            .filter(p -> HANSARD_UIN.matcher(p).find()).toList();
        if (!writtenQuestions.isEmpty() && !oralQuestion) {
            Matcher uin = HANSARD_UIN.matcher(writtenQuestions.get(0));
            uin.find();
            return new ParsedDocument(new DocumentMetadata(DocumentType.WRITTEN_QUESTION, title, null, uin.group(1),
                    null, date, null, date, null), text);
        }
        DocumentType type = debate || oralQuestion ? DocumentType.OTHER : DocumentType.STATEMENT;
        return new ParsedDocument(new DocumentMetadata(type, title, null, null, null, oralQuestion ? date : null, null,
                date, null), text);
    }

    /** Historic Hansard written answers: "§ NAMETo ask ... [UIN]", then "§ NAMEanswer". */
    private ParsedDocument historicHansard(List<String> lines) {
        String uin = null;
        String answeredBy = null;
        List<String> body = new ArrayList<>();
        int speakers = 0;
        for (String line : lines) {
            Matcher m = HISTORIC_SPEAKER.matcher(line);
            if (m.find()) {
                speakers++;
                if (speakers == 2) {
                    answeredBy = m.group(1).strip();
                }
                body.add(m.group(2));
            }
            else {
                body.add(line);
            }
            Matcher number = HISTORIC_UIN.matcher(line);
            if (uin == null && number.find()) {
                uin = number.group(1);
            }
        }
        return new ParsedDocument(new DocumentMetadata(DocumentType.WRITTEN_QUESTION, null, null, uin, null, null,
                answeredBy, null, null), body(body));
    }

    /**
     * GOV.UK pages, blogs, Markdown and news articles: optional format, date and organisation
     * lines around a headline, then the body.
     */
    private ParsedDocument article(List<String> lines) {
        DocumentType type = DocumentType.OTHER;
        boolean formatSeen = false;
        String title = null;
        boolean titleDone = false;
        String department = null;
        LocalDate published = null;
        List<String> body = new ArrayList<>();
        int seen = 0;
        for (String raw : lines) {
            String line = MARKDOWN_HEADING.matcher(raw).replaceFirst("");
            Matcher m;
            if (FURNITURE.contains(line)) {
                continue;
            }
            if (line.isEmpty()) {
                body.add(line);
                continue;
            }
            if (++seen <= HEADER_LINES) {
                if (!formatSeen && GOV_UK_FORMATS.containsKey(line.toLowerCase(Locale.ROOT))) {
                    formatSeen = true;
                    type = GOV_UK_FORMATS.get(line.toLowerCase(Locale.ROOT));
                    continue;
                }
                if (department == null && (m = FROM.matcher(line)).find()) {
                    department = m.group(1);
                    continue;
                }
                if (published == null && (m = PUBLISHED.matcher(line)).find()) {
                    published = date(m.group(1));
                    continue;
                }
                if (UPDATED.matcher(line).find()) {
                    continue; // the date of the last change, not of publication
                }
                if (published == null && DATE_ONLY.matcher(line).find()) {
                    published = date(line);
                    continue;
                }
            }
            if (!titleDone) {
                titleDone = true;
                if (headline(line)) {
                    title = HTML_SUFFIX.matcher(line).replaceFirst("");
                    continue;
                }
            }
            body.add(line);
        }
        String text = body(body);
        if (published == null && (type == DocumentType.PRESS_RELEASE || type == DocumentType.NEWS_STORY)) {
            // GOV.UK's house style dates an announcement in its opening: "announced today (3 April 2017)"
            Matcher today = TODAY.matcher(String.join("\n", List.of(text.split("\n\n")).subList(0,
                    Math.min(3, text.split("\n\n").length))));
            if (today.find()) {
                published = date(today.group(1));
            }
        }
        return new ParsedDocument(new DocumentMetadata(type, title, department, null, null, null, null, published,
                null), text);
    }

    /** A line that reads as a headline: short, not a sentence ending in a full stop, not a question to a minister. */
    private static boolean headline(String line) {
        return line.length() <= 200 && !line.endsWith(".") && !line.startsWith("To ask")
                && !line.startsWith("(") && WHITESPACE.split(line).length <= 30 && !DATE_ONLY.matcher(line).find();
    }

    /** Parses "15th March 2021", "6 November 2018", "Thursday 3 December 2015", "04 Aug 2017"; {@code null} when it is no date. */
    static LocalDate date(String text) {
        String plain = EMPHASIS.matcher(text.strip()).replaceAll("");
        plain = WEEKDAY.matcher(plain).replaceAll("");
        plain = ORDINAL.matcher(plain).replaceAll("").replace(",", "");
        plain = SEPT.matcher(plain).replaceAll("Sep");
        plain = WHITESPACE.matcher(plain).replaceAll(" ");
        for (DateTimeFormatter format : DATE_FORMATS) {
            try {
                return LocalDate.parse(plain, format);
            }
            catch (DateTimeException ex) {
                // try the next form
            }
        }
        return null;
    }

    /** Text as paragraphs separated by one blank line, without the furniture of web pages. */
    static String paragraphs(String text) {
        return body(Arrays.stream(text.split("\n", -1)).map(String::strip).toList());
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

    private static java.util.Optional<String> firstContent(List<String> lines) {
        return java.util.Optional.ofNullable(firstContentLine(lines, 0));
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

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(Locale.UK);
    }
}
