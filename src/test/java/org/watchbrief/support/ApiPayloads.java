package org.watchbrief.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * JSON payloads in the shapes the public APIs document (field names as in the UK Parliament
 * Written Questions Service API's QuestionsViewModel and StatementsViewModel, GOV.UK's search API
 * results and Content API items), written for Watchbrief's tests. Builders, so a test states only
 * what it is about.
 */
public final class ApiPayloads {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ApiPayloads() {
    }

    /** A written question (QuestionsViewModel), answered, not corrected, not a holding answer. */
    public static Question aQuestion(long id) {
        return new Question(id);
    }

    public static final class Question {

        private final Map<String, Object> value = new LinkedHashMap<>();

        Question(long id) {
            value.put("id", id);
            value.put("askingMemberId", 4000);
            value.put("askingMember", null);
            value.put("house", "Commons");
            value.put("memberHasInterest", false);
            value.put("dateTabled", "2026-11-02T00:00:00");
            value.put("dateForAnswer", "2026-11-09T00:00:00");
            value.put("uin", String.valueOf(100000 + id % 100000));
            value.put("questionText", "To ask the Secretary of State for the Home Department, what steps she is "
                    + "taking to tackle the grooming of children on gaming platforms.");
            value.put("answeringBodyId", 1);
            value.put("answeringBodyName", "Home Office");
            value.put("isWithdrawn", false);
            value.put("isNamedDay", false);
            value.put("groupedQuestions", List.of());
            value.put("answerIsHolding", false);
            value.put("answerIsCorrection", false);
            value.put("answeringMemberId", 5000);
            value.put("answeringMember", null);
            value.put("correctingMemberId", null);
            value.put("correctingMember", null);
            value.put("dateAnswered", "2026-11-10T00:00:00");
            value.put("answerText", "<p>The Home Office is funding a £12.5 million team of undercover officers to "
                    + "find adults who groom children online.</p>");
            value.put("originalAnswerText", "");
            value.put("comparableAnswerText", "");
            value.put("dateAnswerCorrected", null);
            value.put("dateHoldingAnswer", null);
            value.put("attachmentCount", 0);
            value.put("heading", "Offences against Children: Internet");
            value.put("attachments", List.of());
            value.put("groupedQuestionsDates", List.of());
        }

        public Question heading(String heading) {
            value.put("heading", heading);
            return this;
        }

        public Question answered(String date) {
            value.put("dateAnswered", date + "T00:00:00");
            return this;
        }

        public Question answer(String html) {
            value.put("answerText", html);
            return this;
        }

        /** A holding answer, given on the answered date. */
        public Question holding() {
            value.put("answerIsHolding", true);
            value.put("dateHoldingAnswer", value.get("dateAnswered"));
            value.put("answerText", "<p>I will reply to the hon. Member as soon as possible.</p>");
            return this;
        }

        /** The substantive answer that followed a holding answer given on {@code holdingDate}. */
        public Question afterHolding(String holdingDate) {
            value.put("dateHoldingAnswer", holdingDate + "T00:00:00");
            return this;
        }

        /** A corrected answer: the original kept in originalAnswerText. */
        public Question corrected(String date, String correctedHtml) {
            value.put("answerIsCorrection", true);
            value.put("dateAnswerCorrected", date + "T00:00:00");
            value.put("originalAnswerText", value.get("answerText"));
            value.put("answerText", correctedHtml);
            return this;
        }

        /** With the answering member expanded (expandMember=true). */
        public Question answeredBy(String name) {
            value.put("answeringMember", Map.of("id", 5000, "listAs", name, "name", name, "party", "Labour",
                    "partyColour", "d50000", "partyAbbreviation", "Lab", "memberFrom", "Northtown",
                    "thumbnailUrl", "https://members-api.parliament.uk/api/Members/5000/Thumbnail"));
            return this;
        }

        /** As a list page shows it: the answer cut short. */
        public Map<String, Object> listed() {
            Map<String, Object> listed = new LinkedHashMap<>(value);
            String answer = String.valueOf(value.get("answerText"));
            listed.put("answerText", answer.length() > 60 ? answer.substring(0, 60) + "..." : answer);
            return item(listed, "/Questions/" + value.get("id"));
        }

        /** As GET /api/writtenquestions/questions/{id} gives it. */
        public String json() {
            return ApiPayloads.json(item(value, "/Questions/" + value.get("id")));
        }
    }

    /** A list page (QuestionsViewModelSearchResult or StatementsViewModelSearchResult). */
    public static String page(int totalResults, List<Map<String, Object>> results) {
        return json(Map.of("totalResults", totalResults, "results", results));
    }

    /** A written statement (StatementsViewModel). */
    public static Statement aStatement(long id) {
        return new Statement(id);
    }

    public static final class Statement {

        private final Map<String, Object> value = new LinkedHashMap<>();

        Statement(long id) {
            value.put("id", id);
            value.put("memberId", 5001);
            value.put("memberRole", "The Parliamentary Under-Secretary of State for the Home Department");
            value.put("member", Map.of("id", 5001, "listAs", "Minister, Jo", "name", "Jo Minister", "party", "Labour",
                    "partyColour", "d50000", "partyAbbreviation", "Lab", "memberFrom", "Southtown", "thumbnailUrl",
                    "https://members-api.parliament.uk/api/Members/5001/Thumbnail"));
            value.put("uin", "HCWS" + id % 1000);
            value.put("dateMade", "2026-11-12T00:00:00");
            value.put("answeringBodyId", 1);
            value.put("answeringBodyName", "Home Office");
            value.put("title", "Tackling Child Sexual Abuse: Progress Update");
            value.put("text", "<p>Today I am publishing the progress report on tackling online grooming.</p>");
            value.put("house", "Commons");
            value.put("noticeNumber", 1);
            value.put("hasAttachments", false);
            value.put("hasLinkedStatements", false);
            value.put("linkedStatements", List.of());
            value.put("attachments", List.of());
        }

        public Statement made(String date) {
            value.put("dateMade", date + "T00:00:00");
            return this;
        }

        public Statement text(String html) {
            value.put("text", html);
            return this;
        }

        /** A statement correcting an earlier one. */
        public Statement correcting(long earlierId) {
            value.put("hasLinkedStatements", true);
            value.put("linkedStatements", List.of(Map.of("linkedStatementId", earlierId, "linkType",
                    "CorrectedStatement", "linkDate", value.get("dateMade"))));
            return this;
        }

        public Map<String, Object> listed() {
            return item(value, "/WrittenStatements/" + value.get("id"));
        }

        public String json() {
            return ApiPayloads.json(listed());
        }
    }

    /** A GOV.UK search API response. */
    public static String search(int total, List<Map<String, Object>> results) {
        return json(Map.of("results", results, "total", total, "start", 0, "facets", Map.of(), "suggested_queries",
                List.of()));
    }

    /** A GOV.UK search result. */
    public static Map<String, Object> searchResult(String link, String title, String publicTimestamp) {
        return Map.of("link", link, "title", title, "public_timestamp", publicTimestamp,
                "content_store_document_type", "press_release");
    }

    /** A GOV.UK Content API item. */
    public static String content(String basePath, String documentType, String title, String firstPublished,
            String bodyHtml) {
        Map<String, Object> organisation = Map.of("title", "Home Office", "base_path",
                "/government/organisations/home-office", "content_id", "b6e35fa8-8d1c-4a0a-9b7b-8c6d6bd0b3e3");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("base_path", basePath);
        item.put("content_id", "d0c2b3a1-0000-4000-8000-000000000001");
        item.put("document_type", documentType);
        item.put("schema_name", "news_article");
        item.put("title", title);
        item.put("description", "The Home Office announced new funding today.");
        item.put("locale", "en");
        item.put("first_published_at", firstPublished);
        item.put("public_updated_at", firstPublished);
        item.put("details", bodyHtml == null ? Map.of() : Map.of("body", bodyHtml));
        item.put("links", Map.of("organisations", List.of(organisation), "primary_publishing_organisation",
                List.of(organisation)));
        return json(item);
    }

    private static Map<String, Object> item(Map<String, Object> value, String self) {
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("value", value);
        item.put("links", new ArrayList<>(List.of(Map.of("rel", "self", "href", self, "method", "GET"))));
        return item;
    }

    private static String json(Object value) {
        return JSON.writeValueAsString(value);
    }
}
