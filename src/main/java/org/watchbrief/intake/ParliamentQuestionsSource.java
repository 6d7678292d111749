package org.watchbrief.intake;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import tools.jackson.databind.JsonNode;

/**
 * The UK Parliament Written Questions API ({@code /api/writtenquestions/questions}). Each run lists
 * the questions answered since the watermark and those corrected since it ({@code answeredWhenFrom},
 * {@code correctedWhenFrom}), so late answers and corrections are caught, then fetches each new one
 * in full by id (list pages cut long answers short). A question is known by its id; its revision is
 * its answered date, its correction date and whether the answer is a holding answer, so a
 * substantive answer or a correction comes in as a new version of the same document. The
 * answering member is the one the API names for the answer (a snapshot of that day); the API gives
 * no role for written questions, and a member's current role would be wrong for past answers, so
 * none is recorded.
 */
public final class ParliamentQuestionsSource extends WebSource {

    static final String KEY_PREFIX = "parliament/written-question/";

    private final WebSourceSettings.Parliament settings;

    public ParliamentQuestionsSource(WebSourceSettings.Parliament settings, HttpFetcher http) {
        super("parliament-questions", http);
        this.settings = settings;
    }

    @Override
    public Harvest harvest(String watermark, LocalDate today) {
        LocalDate from = from(watermark, today, settings.firstHarvest());
        List<IntFunction<URI>> passes = List.of(skip -> listUri("answeredWhenFrom", from, skip),
                skip -> listUri("correctedWhenFrom", from, skip));
        return paged(passes, page -> page.path("results"), page -> page.path("totalResults").asInt(),
                this::candidate, nextWatermark(from, today, settings.overlap()));
    }

    private URI listUri(String dateFilter, LocalDate from, int skip) {
        List<String> query = new ArrayList<>(Arrays.asList(dateFilter, from.toString(), "house", settings.house(),
                "searchTerm", settings.searchTerm(), "skip", String.valueOf(skip), "take",
                String.valueOf(settings.pageSize())));
        settings.answeringBodies().forEach(body -> query.addAll(List.of("answeringBodies", String.valueOf(body))));
        return uri(settings.baseUrl(), "/api/writtenquestions/questions", query);
    }

    private Candidate candidate(JsonNode result) {
        JsonNode question = result.path("value");
        long id = question.path("id").asLong();
        String key = KEY_PREFIX + id;
        String revision = revision(question);
        return new Candidate(key, revision, null, null, () -> fetch(key, revision, id));
    }

    /** What makes a new version: a (later) answer, a correction, a holding answer replaced. */
    static String revision(JsonNode question) {
        return "answered=" + date(question, "dateAnswered") + ";corrected=" + date(question, "dateAnswerCorrected")
                + ";holding=" + question.path("answerIsHolding").asBoolean(false);
    }

    private SourceDocument fetch(String key, String listedRevision, long id) {
        Item item = item(key, listedRevision,
                uri(settings.baseUrl(), "/api/writtenquestions/questions/" + id, List.of("expandMember", "true")));
        JsonNode question = item.json().path("value");
        String revision = revision(question);
        String hash = Hashes.sha256(item.bytes());
        String answer = text(question, "answerText");
        if (answer == null) {
            throw new UnreadableDocumentException(key, "the question has no answer text", null, null, revision, hash);
        }
        String uin = text(question, "uin");
        LocalDate tabled = date(question, "dateTabled");
        LocalDate answered = date(question, "dateAnswered");
        String answeredBy = text(question.path("answeringMember"), "name");
        DocumentMetadata metadata = new DocumentMetadata(DocumentType.WRITTEN_QUESTION, text(question, "heading"),
                text(question, "answeringBodyName"), uin, tabled, answered, answeredBy, answered,
                tabled == null || uin == null ? null
                        : "https://questions-statements.parliament.uk/written-questions/detail/" + tabled + "/" + uin,
                null, date(question, "dateAnswerCorrected"), question.path("answerIsHolding").asBoolean(false));
        return new SourceDocument(key, "parliament-question-" + id + ".html", hash,
                page(text(question, "questionText"), answer), revision, null, metadata);
    }
}
