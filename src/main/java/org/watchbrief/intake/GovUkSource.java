package org.watchbrief.intake;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * GOV.UK: the search API ({@code /api/search.json}) lists the pages of the chosen organisations and
 * content types published or updated since the watermark ({@code filter_public_timestamp}), oldest
 * first; the Content API ({@code /api/content/<path>}) gives each page's full text
 * ({@code details.body}). A page is known by its path; its revision is its public timestamp, which
 * GOV.UK moves on a major change, so a changed page comes in as a new version.
 */
public final class GovUkSource extends WebSource {

    static final String KEY_PREFIX = "gov.uk";

    private static final Map<String, DocumentType> TYPES = Map.of("press_release", DocumentType.PRESS_RELEASE,
            "news_story", DocumentType.NEWS_STORY, "world_news_story", DocumentType.NEWS_STORY, "written_statement",
            DocumentType.STATEMENT, "oral_statement", DocumentType.STATEMENT);

    private final WebSourceSettings.GovUk settings;

    public GovUkSource(WebSourceSettings.GovUk settings, HttpFetcher http) {
        super("gov-uk", http);
        this.settings = settings;
    }

    @Override
    public Harvest harvest(String watermark, LocalDate today) {
        LocalDate from = from(watermark, today, settings.firstHarvest());
        return paged(List.of(start -> searchUri(from, start)), page -> page.path("results"),
                page -> page.path("total").asInt(), this::candidate, nextWatermark(from, today, settings.overlap()));
    }

    private URI searchUri(LocalDate from, int start) {
        List<String> query = new ArrayList<>(List.of("filter_public_timestamp", "from:" + from, "order",
                "public_timestamp", "count", String.valueOf(settings.pageSize()), "start", String.valueOf(start)));
        settings.organisations().forEach(o -> query.addAll(List.of("filter_organisations", o)));
        settings.documentTypes().forEach(t -> query.addAll(List.of("filter_content_store_document_type", t)));
        for (String field : List.of("title", "link", "public_timestamp", "content_store_document_type")) {
            query.addAll(List.of("fields", field));
        }
        return uri(settings.baseUrl(), "/api/search.json", query);
    }

    private Candidate candidate(JsonNode result) {
        String path = text(result, "link");
        String key = KEY_PREFIX + path;
        String revision = "public_timestamp=" + text(result, "public_timestamp");
        return new Candidate(key, revision, null, null, () -> fetch(key, revision, path));
    }

    private SourceDocument fetch(String key, String revision, String path) {
        if (path == null || !path.startsWith("/")) {
            throw new UnreadableDocumentException(key, "the search result has no GOV.UK path", null, null, revision,
                    null);
        }
        Item item = item(key, revision, uri(settings.baseUrl(), "/api/content" + path, List.of()));
        JsonNode page = item.json();
        String hash = Hashes.sha256(item.bytes());
        String body = text(page.path("details"), "body");
        if (body == null) {
            throw new UnreadableDocumentException(key, "the Content API gives no details.body for it", null, null,
                    revision, hash);
        }
        JsonNode links = page.path("links");
        JsonNode organisation = links.path("primary_publishing_organisation").path(0);
        if (organisation.isMissingNode()) {
            organisation = links.path("organisations").path(0);
        }
        LocalDate published = date(page, "first_published_at");
        DocumentMetadata metadata = new DocumentMetadata(
                TYPES.getOrDefault(String.valueOf(text(page, "document_type")), DocumentType.OTHER),
                text(page, "title"), text(organisation, "title"), null, null, null, null,
                published != null ? published : date(page, "public_updated_at"),
                uri(settings.baseUrl(), path, List.of()).toString());
        return new SourceDocument(key, "gov.uk-" + path.substring(path.lastIndexOf('/') + 1) + ".html", hash,
                page(text(page, "description"), body), revision, null, metadata);
    }
}
