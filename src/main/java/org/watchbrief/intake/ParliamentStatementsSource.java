package org.watchbrief.intake;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * The UK Parliament Written Statements API ({@code /api/writtenstatements/statements}), harvested
 * like the questions: statements made since the watermark, each fetched in full by id. A statement
 * that corrects an earlier one (a {@code CorrectedStatement} link to a statement with a lower id)
 * is a new version of that earlier statement, not a second document. The minister's role is the
 * {@code memberRole} the API gives with the statement: the role held when it was made.
 */
public final class ParliamentStatementsSource extends WebSource {

    static final String KEY_PREFIX = "parliament/written-statement/";

    private final WebSourceSettings.Parliament settings;

    public ParliamentStatementsSource(WebSourceSettings.Parliament settings, HttpFetcher http) {
        super("parliament-statements", http);
        this.settings = settings;
    }

    @Override
    public Harvest harvest(String watermark, LocalDate today) {
        LocalDate from = from(watermark, today, settings.firstHarvest());
        return paged(List.of(skip -> listUri(from, skip)), page -> page.path("results"),
                page -> page.path("totalResults").asInt(), this::candidate,
                nextWatermark(from, today, settings.overlap()));
    }

    private URI listUri(LocalDate from, int skip) {
        List<String> query = new ArrayList<>(Arrays.asList("madeWhenFrom", from.toString(), "house", settings.house(),
                "searchTerm", settings.searchTerm(), "skip", String.valueOf(skip), "take",
                String.valueOf(settings.pageSize())));
        settings.answeringBodies().forEach(body -> query.addAll(List.of("answeringBodies", String.valueOf(body))));
        return uri(settings.baseUrl(), "/api/writtenstatements/statements", query);
    }

    private Candidate candidate(JsonNode result) {
        JsonNode statement = result.path("value");
        long id = statement.path("id").asLong();
        String key = KEY_PREFIX + corrects(statement).orElse(id);
        String revision = revision(statement);
        return new Candidate(key, revision, null, null, () -> fetch(key, revision, id));
    }

    static String revision(JsonNode statement) {
        return "statement=" + statement.path("id").asLong() + ";made=" + date(statement, "dateMade");
    }

    /** The earlier statement this one corrects, if it does. */
    static java.util.Optional<Long> corrects(JsonNode statement) {
        long id = statement.path("id").asLong();
        for (JsonNode link : statement.path("linkedStatements")) {
            long linked = link.path("linkedStatementId").asLong();
            if ("CorrectedStatement".equals(text(link, "linkType")) && linked > 0 && linked < id) {
                return java.util.Optional.of(linked);
            }
        }
        return java.util.Optional.empty();
    }

    private SourceDocument fetch(String key, String listedRevision, long id) {
        Item item = item(key, listedRevision,
                uri(settings.baseUrl(), "/api/writtenstatements/statements/" + id, List.of("expandMember", "true")));
        // the API describes this endpoint as returning a search result; it returns the item itself
        JsonNode root = item.json().has("results") ? item.json().path("results").path(0) : item.json();
        JsonNode statement = root.path("value");
        String revision = revision(statement);
        String hash = Hashes.sha256(item.bytes());
        String text = text(statement, "text");
        if (text == null) {
            throw new UnreadableDocumentException(key, "the statement has no text", null, null, revision, hash);
        }
        LocalDate made = date(statement, "dateMade");
        String uin = text(statement, "uin");
        DocumentMetadata metadata = new DocumentMetadata(DocumentType.STATEMENT, text(statement, "title"),
                text(statement, "answeringBodyName"), uin, null, null, text(statement.path("member"), "name"), made,
                made == null || uin == null ? null
                        : "https://questions-statements.parliament.uk/written-statements/detail/" + made + "/" + uin,
                text(statement, "memberRole"), corrects(statement).isPresent() ? made : null, false);
        return new SourceDocument(key, "parliament-statement-" + id + ".html", hash, page(null, text), revision, null,
                metadata);
    }
}
