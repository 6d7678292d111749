package org.watchbrief.intake;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.watchbrief.analysis.Analyzer;
import org.watchbrief.support.LocalServer;
import org.watchbrief.support.LocalServer.Answer;
import org.watchbrief.support.SharedCorpus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.watchbrief.support.ApiPayloads.aQuestion;
import static org.watchbrief.support.ApiPayloads.aStatement;
import static org.watchbrief.support.ApiPayloads.content;
import static org.watchbrief.support.ApiPayloads.page;
import static org.watchbrief.support.ApiPayloads.search;
import static org.watchbrief.support.ApiPayloads.searchResult;

/**
 * The Parliament and GOV.UK sources against payloads served on 127.0.0.1: what they ask for, what
 * they make of the answers, and where their watermarks go. Real payloads from ../shared/fixtures
 * are used where there are some; the project's own, in the APIs' documented shapes, otherwise.
 */
class WebSourcesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 20);

    private static final String QUESTIONS = "/api/writtenquestions/questions";

    private final LocalServer server = new LocalServer();

    private final HttpFetcher http = new HttpFetcher(new HttpSettings(Duration.ofSeconds(2), Duration.ofSeconds(5),
            2, Duration.ofMillis(10), Duration.ofMillis(50), Duration.ofSeconds(5), DataSize.ofMegabytes(5), "tests"));

    private final DocumentReader reader = new DocumentReader(new TextExtractor(100_000),
            new Analyzer(Taxonomies.load(null)));

    @AfterEach
    void stop() {
        server.close();
    }

    private WebSourceSettings.Parliament parliament(int pageSize) {
        return new WebSourceSettings.Parliament(true, server.baseUrl(), List.of(1, 17), "Commons", "grooming",
                pageSize, Period.ofDays(30), Period.ofDays(2));
    }

    /** As the defaults bind: no house, no search term. */
    private WebSourceSettings.Parliament unfiltered() {
        return new WebSourceSettings.Parliament(true, server.baseUrl(), List.of(), null, null, 50, Period.ofDays(30),
                Period.ofDays(2));
    }

    private static List<Candidate> all(DocumentSource.Harvest harvest) {
        List<Candidate> all = new ArrayList<>();
        for (List<Candidate> page = harvest.nextPage(); !page.isEmpty(); page = harvest.nextPage()) {
            all.addAll(page);
        }
        return all;
    }

    private static String query(URI uri) {
        return URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8);
    }

    @Test
    void listsQuestionsAnsweredAndCorrectedSinceTheWatermarkWithTheConfiguredFiltersPageByPage() {
        // given: three answered (two pages of two), one corrected
        server.on(QUESTIONS, uri -> {
            String query = query(uri);
            if (query.contains("correctedWhenFrom")) {
                return Answer.json(page(1, List.of(aQuestion(4).corrected("2026-11-18", "<p>Corrected.</p>").listed())));
            }
            return Answer.json(query.contains("skip=0")
                    ? page(3, List.of(aQuestion(1).listed(), aQuestion(2).listed()))
                    : page(3, List.of(aQuestion(3).listed())));
        });
        ParliamentQuestionsSource source = new ParliamentQuestionsSource(parliament(2), http);
        // when
        DocumentSource.Harvest harvest = source.harvest("2026-11-01", TODAY);
        List<Candidate> candidates = all(harvest);
        // then
        assertThat(candidates).extracting(Candidate::sourceKey).containsExactly("parliament/written-question/1",
                "parliament/written-question/2", "parliament/written-question/3", "parliament/written-question/4");
        assertThat(candidates.get(3).revision()).isEqualTo("answered=2026-11-10;corrected=2026-11-18;holding=false");
        List<String> queries = server.requests(QUESTIONS).stream().map(WebSourcesTests::query).toList();
        assertThat(queries).hasSize(3);
        assertThat(queries.get(0)).contains("answeredWhenFrom=2026-11-01", "house=Commons", "searchTerm=grooming",
                "skip=0", "take=2", "answeringBodies=1", "answeringBodies=17");
        assertThat(queries.get(1)).contains("answeredWhenFrom=2026-11-01", "skip=2");
        assertThat(queries.get(2)).contains("correctedWhenFrom=2026-11-01", "skip=0");
        assertThat(harvest.watermark()).as("two days of overlap back from today").isEqualTo("2026-11-18");
    }

    @Test
    void theFirstHarvestReachesBackTheConfiguredPeriodAndTheWatermarkNeverGoesBack() {
        // given
        server.on(QUESTIONS, uri -> Answer.json(page(0, List.of())));
        ParliamentQuestionsSource source = new ParliamentQuestionsSource(unfiltered(), http);
        // when
        List<Candidate> none = all(source.harvest(null, TODAY));
        DocumentSource.Harvest recent = source.harvest("2026-11-19", TODAY);
        all(recent);
        // then
        assertThat(none).isEmpty();
        assertThat(query(server.requests(QUESTIONS).get(0))).contains("answeredWhenFrom=2026-10-21")
            .doesNotContain("house", "searchTerm", "answeringBodies");
        assertThat(recent.watermark()).isEqualTo("2026-11-19");
    }

    @Test
    void fetchesEachQuestionInFullBecauseListPagesCutAnswersShort() {
        // given
        String fullAnswer = "<p>The Home Office is funding a £12.5 million team of undercover officers to find adults "
                + "who groom children online, and £2 million for the Internet Watch Foundation.</p>";
        server.on(QUESTIONS, uri -> Answer.json(query(uri).contains("answeredWhenFrom")
                ? page(1, List.of(aQuestion(7).answer(fullAnswer).listed())) : page(0, List.of())));
        server.on(QUESTIONS + "/7", uri -> Answer.json(aQuestion(7).answer(fullAnswer).answeredBy("Jo Minister").json()));
        Candidate candidate = all(new ParliamentQuestionsSource(parliament(50), http).harvest(null, TODAY)).get(0);
        // when
        SourceDocument document = candidate.fetch().fetch();
        AnalysedDocument analysed = reader.read(document, TODAY);
        // then
        assertThat(query(server.requests(QUESTIONS + "/7").get(0))).contains("expandMember=true");
        DocumentMetadata m = document.metadata();
        assertThat(m.type()).isEqualTo(DocumentType.WRITTEN_QUESTION);
        assertThat(m.title()).isEqualTo("Offences against Children: Internet");
        assertThat(m.department()).isEqualTo("Home Office");
        assertThat(m.asked()).isEqualTo(LocalDate.of(2026, 11, 2));
        assertThat(m.answered()).isEqualTo(LocalDate.of(2026, 11, 10));
        assertThat(m.published()).isEqualTo(m.answered());
        assertThat(m.answeredBy()).isEqualTo("Jo Minister");
        assertThat(m.answeredByRole()).as("the API gives no role for written questions").isNull();
        assertThat(m.sourceUrl()).isEqualTo(
                "https://questions-statements.parliament.uk/written-questions/detail/2026-11-02/" + m.uin());
        assertThat(analysed.body()).contains("gaming platforms", "£2 million for the Internet Watch Foundation");
        assertThat(analysed.analysis().money()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void marksAHoldingAnswerAndGivesTheSubstantiveAnswerAnotherRevision() {
        // given
        server.on(QUESTIONS + "/8", uri -> Answer.json(aQuestion(8).answered("2026-11-05").holding().json()));
        server.on(QUESTIONS + "/9", uri -> Answer.json(aQuestion(9).answered("2026-11-16").afterHolding("2026-11-05")
            .json()));
        ParliamentQuestionsSource source = new ParliamentQuestionsSource(parliament(50), http);
        server.on(QUESTIONS, uri -> Answer.json(query(uri).contains("answeredWhenFrom")
                ? page(2, List.of(aQuestion(8).answered("2026-11-05").holding().listed(),
                        aQuestion(9).answered("2026-11-16").afterHolding("2026-11-05").listed()))
                : page(0, List.of())));
        List<Candidate> candidates = all(source.harvest(null, TODAY));
        // when
        SourceDocument holding = candidates.get(0).fetch().fetch();
        SourceDocument substantive = candidates.get(1).fetch().fetch();
        // then
        assertThat(holding.metadata().holding()).isTrue();
        assertThat(holding.revision()).endsWith("holding=true");
        assertThat(substantive.metadata().holding()).isFalse();
        assertThat(substantive.revision()).isEqualTo("answered=2026-11-16;corrected=null;holding=false");
    }

    @Test
    void aQuestionGoneFromTheApiIsUnreadableButABadRequestFailsTheSourceWithoutRetrying() {
        // given
        server.on(QUESTIONS, uri -> Answer.json(page(1, List.of(aQuestion(10).listed()))));
        Candidate gone = all(new ParliamentQuestionsSource(parliament(50), http).harvest(null, TODAY)).get(0);
        // when, then: no route for /10 answers 404
        assertThatThrownBy(() -> gone.fetch().fetch()).isInstanceOf(UnreadableDocumentException.class)
            .hasMessageStartingWith("parliament/written-question/10: the source no longer has it")
            .satisfies(ex -> assertThat(((UnreadableDocumentException) ex).revision()).startsWith("answered="));
        // given
        server.on(QUESTIONS, uri -> Answer.status(400));
        int before = server.requests(QUESTIONS).size();
        // when, then
        assertThatThrownBy(() -> new ParliamentQuestionsSource(parliament(50), http).harvest(null, TODAY).nextPage())
            .isInstanceOf(SourceUnavailableException.class)
            .hasMessageStartingWith("parliament-questions: GET ")
            .hasMessageContaining("HTTP 400");
        assertThat(server.requests(QUESTIONS)).hasSize(before + 1);
    }

    @Test
    void readsTheRealListPageOfTheWrittenQuestionsApi() {
        // given
        Path fixture = SharedCorpus.fixtures().resolve("writtenquestions_list_page_2024-01-05.json");
        server.on(QUESTIONS, uri -> query(uri).contains("answeredWhenFrom") ? Answer.json(fixture)
                : Answer.json(page(0, List.of())));
        // when
        List<Candidate> candidates = all(new ParliamentQuestionsSource(parliament(50), http).harvest("2024-01-05",
                LocalDate.of(2024, 3, 31)));
        // then
        assertThat(candidates).hasSize(20);
        assertThat(candidates).filteredOn(c -> c.sourceKey().equals("parliament/written-question/1679590"))
            .singleElement()
            .extracting(Candidate::revision)
            .isEqualTo("answered=2024-01-11;corrected=2024-02-05;holding=false");
    }

    @Test
    void readsTheRealFullQuestionOfTheWrittenQuestionsApi() throws Exception {
        // given
        Path fixture = SharedCorpus.fixtures().resolve("writtenquestions_question_1679416.json");
        @SuppressWarnings("unchecked")
        java.util.Map<String, Object> item = tools.jackson.databind.json.JsonMapper.builder().build()
            .readValue(Files.readString(fixture), java.util.Map.class);
        server.on(QUESTIONS, uri -> Answer.json(query(uri).contains("answeredWhenFrom") ? page(1, List.of(item))
                : page(0, List.of())));
        server.on(QUESTIONS + "/1679416", uri -> Answer.json(fixture));
        Candidate candidate = all(new ParliamentQuestionsSource(parliament(50), http).harvest("2024-01-05",
                LocalDate.of(2024, 1, 31))).get(0);
        // when
        SourceDocument document = candidate.fetch().fetch();
        AnalysedDocument analysed = reader.read(document, LocalDate.of(2024, 1, 31));
        // then
        DocumentMetadata m = document.metadata();
        assertThat(m.title()).isEqualTo("Apprentices: Employment Agencies");
        assertThat(m.department()).isEqualTo("Department for Education");
        assertThat(m.uin()).isEqualTo("7926");
        assertThat(m.asked()).isEqualTo(LocalDate.of(2024, 1, 5));
        assertThat(m.answered()).isEqualTo(LocalDate.of(2024, 1, 10));
        assertThat(analysed.body()).contains("flexi-job apprenticeships", "£7 million fund", "£4.5 million");
        assertThat(document.contentHash()).isEqualTo(Hashes.sha256(Files.readAllBytes(fixture)));
    }

    @Test
    void aCorrectingStatementIsAVersionOfTheStatementItCorrectsWithTheRoleGivenAtTheTime() {
        // given
        String statements = "/api/writtenstatements/statements";
        server.on(statements, uri -> Answer.json(page(2, List.of(aStatement(300).listed(),
                aStatement(301).made("2026-11-16").correcting(300).listed()))));
        server.on(statements + "/301", uri -> Answer.json(aStatement(301).made("2026-11-16").correcting(300)
            .text("<p>Correction: the fund is £3 million, not £2 million.</p>").json()));
        ParliamentStatementsSource source = new ParliamentStatementsSource(parliament(50), http);
        // when
        DocumentSource.Harvest harvest = source.harvest("2026-11-10", TODAY);
        List<Candidate> candidates = all(harvest);
        SourceDocument correction = candidates.get(1).fetch().fetch();
        // then
        assertThat(query(server.requests(statements).get(0))).contains("madeWhenFrom=2026-11-10", "answeringBodies=1");
        assertThat(candidates).extracting(Candidate::sourceKey).containsExactly("parliament/written-statement/300",
                "parliament/written-statement/300");
        assertThat(candidates).extracting(Candidate::revision).doesNotHaveDuplicates();
        DocumentMetadata m = correction.metadata();
        assertThat(m.type()).isEqualTo(DocumentType.STATEMENT);
        assertThat(m.answeredBy()).isEqualTo("Jo Minister");
        assertThat(m.answeredByRole()).isEqualTo("The Parliamentary Under-Secretary of State for the Home Department");
        assertThat(m.corrected()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(m.briefDate()).isEqualTo(LocalDate.of(2026, 11, 16));
        assertThat(reader.read(correction, TODAY).body()).contains("the fund is £3 million");
    }

    @Test
    void searchesGovUkForTheChosenOrganisationsAndTypesThenReadsEachPageFromTheContentApi() {
        // given
        String path = "/government/news/undercover-officers-to-tackle-online-grooming";
        server.on("/api/search.json", uri -> Answer.json(search(1, List.of(searchResult(path,
                "Undercover officers to tackle online grooming", "2026-11-09T23:30:00+00:00")))));
        server.on("/api/content" + path, uri -> Answer.json(content(path, "press_release",
                "Undercover officers to tackle online grooming", "2026-11-09T23:30:00.000+00:00",
                "<p>A £12.5 million team of undercover officers will find adults who groom children.</p>")));
        GovUkSource source = new GovUkSource(new WebSourceSettings.GovUk(true, server.baseUrl(),
                List.of("home-office"), List.of("press_release", "news_story"), 100, Period.ofDays(30),
                Period.ofDays(2)), http);
        // when
        List<Candidate> candidates = all(source.harvest("2026-11-01", TODAY));
        SourceDocument document = candidates.get(0).fetch().fetch();
        // then
        assertThat(query(server.requests("/api/search.json").get(0))).contains(
                "filter_public_timestamp=from:2026-11-01", "filter_organisations=home-office",
                "filter_content_store_document_type=press_release", "filter_content_store_document_type=news_story",
                "order=public_timestamp", "count=100", "start=0");
        assertThat(candidates.get(0).sourceKey()).isEqualTo("gov.uk" + path);
        assertThat(candidates.get(0).revision()).isEqualTo("public_timestamp=2026-11-09T23:30:00+00:00");
        DocumentMetadata m = document.metadata();
        assertThat(m.type()).isEqualTo(DocumentType.PRESS_RELEASE);
        assertThat(m.department()).isEqualTo("Home Office");
        assertThat(m.published()).as("23:30 UTC on 9 November is still 9 November in London")
            .isEqualTo(LocalDate.of(2026, 11, 9));
        assertThat(reader.read(document, TODAY).body()).contains("£12.5 million team of undercover officers");
    }

    @Test
    void aGovUkPageWithoutABodyIsUnreadable() {
        // given
        String path = "/government/speeches/a-speech";
        server.on("/api/search.json", uri -> Answer.json(search(1, List.of(searchResult(path, "A speech",
                "2026-11-09T10:00:00+00:00")))));
        server.on("/api/content" + path, uri -> Answer.json(content(path, "speech", "A speech",
                "2026-11-09T10:00:00+00:00", null)));
        GovUkSource source = new GovUkSource(new WebSourceSettings.GovUk(true, server.baseUrl(), List.of(),
                List.of("speech"), 10, Period.ofDays(30), Period.ofDays(2)), http);
        Candidate candidate = all(source.harvest(null, TODAY)).get(0);
        // when, then
        assertThatThrownBy(() -> candidate.fetch().fetch()).isInstanceOf(UnreadableDocumentException.class)
            .hasMessageContaining("no details.body");
    }

    @Test
    void readsTheRealSearchApiResponseOfGovUk() {
        // given
        server.on("/api/search.json", uri -> Answer.json(SharedCorpus.fixtures().resolve(
                "govuk_search_q-taxes_count-1.json")));
        GovUkSource source = new GovUkSource(new WebSourceSettings.GovUk(true, server.baseUrl(), List.of(),
                List.of(), 1, Period.ofDays(30), Period.ofDays(2)), http);
        // when
        List<Candidate> firstPage = source.harvest(null, TODAY).nextPage();
        // then
        assertThat(firstPage).singleElement().satisfies(c -> {
            assertThat(c.sourceKey()).isEqualTo("gov.uk/vehicle-tax");
            assertThat(c.revision()).isEqualTo("public_timestamp=2014-12-09T16:21:03+00:00");
        });
    }
}
