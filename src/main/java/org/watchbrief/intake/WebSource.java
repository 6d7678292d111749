package org.watchbrief.intake;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the web sources share: JSON over {@link HttpFetcher}, paged listing, the watermark rule,
 * and the line between a failing source (not skippable: the run fails, the watermark stays) and a
 * failing item (skippable: it is quarantined).
 */
abstract class WebSource implements DocumentSource {

    static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String name;

    private final HttpFetcher http;

    WebSource(String name, HttpFetcher http) {
        this.name = name;
        this.http = http;
    }

    @Override
    public String name() {
        return name;
    }

    /** A record and the bytes it came as (their hash is the record's content hash). */
    record Item(JsonNode json, byte[] bytes) {
    }

    /** A list page: a failure fails the source. */
    JsonNode list(URI uri) {
        try {
            return JSON.readTree(http.get(uri));
        }
        catch (HttpFailureException ex) {
            throw new SourceUnavailableException(name + ": " + ex.getMessage(), ex);
        }
        catch (JacksonException ex) {
            throw new SourceUnavailableException(name + ": the answer of " + uri + " is not the JSON expected ("
                    + ex.getOriginalMessage() + ")", ex);
        }
    }

    /** One item's full record: missing or malformed, the item is unreadable; otherwise the source fails. */
    Item item(String sourceKey, String revision, URI uri) {
        byte[] bytes;
        try {
            bytes = http.get(uri);
        }
        catch (HttpFailureException ex) {
            if (ex.notFound()) {
                throw new UnreadableDocumentException(sourceKey, "the source no longer has it: " + ex.getMessage(),
                        null, null, revision, null);
            }
            throw new SourceUnavailableException(name + ": " + ex.getMessage(), ex);
        }
        try {
            return new Item(JSON.readTree(bytes), bytes);
        }
        catch (JacksonException ex) {
            throw new UnreadableDocumentException(sourceKey, "its record from " + uri + " is not the JSON expected ("
                    + ex.getOriginalMessage() + ")", ex, null, revision, Hashes.sha256(bytes));
        }
    }

    /**
     * Pages through one or more listings in turn (skip/start and take/count), mapping each result
     * to a candidate.
     *
     * @param passes per listing, the URI of the page starting at an offset
     * @param results the results of a page
     * @param total the number of results of the whole listing
     */
    Harvest paged(List<IntFunction<URI>> passes, Function<JsonNode, JsonNode> results,
            Function<JsonNode, Integer> total, Function<JsonNode, Candidate> candidate, String watermark) {
        return new Harvest() {

            private int pass;

            private int offset;

            @Override
            public List<Candidate> nextPage() {
                while (pass < passes.size()) {
                    JsonNode page = list(passes.get(pass).apply(offset));
                    JsonNode items = results.apply(page);
                    List<Candidate> candidates = new ArrayList<>();
                    items.forEach(item -> candidates.add(candidate.apply(item)));
                    offset += candidates.size();
                    if (candidates.isEmpty() || offset >= total.apply(page)) {
                        pass++;
                        offset = 0;
                    }
                    if (!candidates.isEmpty()) {
                        return candidates;
                    }
                }
                return List.of();
            }

            @Override
            public String watermark() {
                return watermark;
            }
        };
    }

    /** The first day to list: the watermark, or {@code firstHarvest} back from today before the first run. */
    static LocalDate from(String watermark, LocalDate today, Period firstHarvest) {
        return watermark == null ? today.minus(firstHarvest) : LocalDate.parse(watermark);
    }

    /** Where the next run starts: {@code overlap} back from today, never before where this one started. */
    static String nextWatermark(LocalDate from, LocalDate today, Period overlap) {
        LocalDate next = today.minus(overlap);
        return (next.isAfter(from) ? next : from).toString();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** The date of "2024-01-10T00:00:00", or of "2014-12-09T16:21:03+00:00" in London; {@code null} when absent. */
    static LocalDate date(JsonNode node, String field) {
        String text = text(node, field);
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text).atZoneSameInstant(LONDON).toLocalDate();
        }
        catch (DateTimeParseException notOffset) {
            return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
        }
    }

    /** A URI: the base, a path, and query parameters given as name, value pairs (null values left out). */
    static URI uri(URI base, String path, List<String> query) {
        StringBuilder uri = new StringBuilder(base.toString().replaceAll("/+$", "")).append(path);
        char separator = '?';
        for (int i = 0; i + 1 < query.size(); i += 2) {
            if (query.get(i + 1) == null || query.get(i + 1).isBlank()) {
                continue;
            }
            uri.append(separator).append(query.get(i)).append('=')
                .append(URLEncoder.encode(query.get(i + 1), StandardCharsets.UTF_8));
            separator = '&';
        }
        return URI.create(uri.toString());
    }

    /** An HTML page of a title, a lead paragraph and a body that is HTML already. */
    static byte[] page(String lead, String bodyHtml) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
        if (lead != null) {
            html.append("<p>").append(org.jsoup.nodes.Entities.escape(lead)).append("</p>");
        }
        html.append(bodyHtml == null ? "" : bodyHtml).append("</body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }
}
