package org.watchbrief.batch;

import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.watchbrief.digest.Digest;
import org.watchbrief.digest.DigestComposer;
import org.watchbrief.digest.Window;
import org.watchbrief.store.DocumentRepository;
import org.watchbrief.store.DocumentRepository.Ingested;
import org.watchbrief.store.StoredDocument;
import org.watchbrief.store.WatermarkRepository;
import org.watchbrief.support.BothDatabases;
import org.watchbrief.support.LocalServer.Answer;
import org.watchbrief.support.LocalServer;
import org.watchbrief.support.TestWorkspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.watchbrief.support.ApiPayloads.aQuestion;
import static org.watchbrief.support.ApiPayloads.page;

/**
 * Intake from the Parliament Written Questions API served on 127.0.0.1, end to end on H2: a
 * holding answer replaced, a correction stored as a new version and briefed once, a failing source
 * retried and its watermark kept, a vanished question quarantined once.
 */
@SpringBootTest
@BothDatabases
class WebIntakeIT {

    private static final String QUESTIONS = "/api/writtenquestions/questions";

    private static final String SOURCE = "parliament-questions";

    @TempDir
    static Path work;

    static final LocalServer api = new LocalServer();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws IOException {
        Files.createDirectories(work.resolve("inbox"));
        TestWorkspace.register(registry, work);
        registry.add("watchbrief.intake.sources.parliament-questions.enabled", () -> "true");
        registry.add("watchbrief.intake.sources.parliament-questions.base-url", () -> api.baseUrl().toString());
        registry.add("watchbrief.intake.http.max-attempts", () -> "3");
        registry.add("watchbrief.intake.http.initial-backoff", () -> "10ms");
        registry.add("watchbrief.intake.http.max-backoff", () -> "50ms");
        registry.add("watchbrief.intake.http.timeout", () -> "1s");
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    @Autowired
    IngestLauncher ingest;

    @Autowired
    DocumentRepository documents;

    @Autowired
    DigestComposer composer;

    @Autowired
    WatermarkRepository watermarks;

    @Autowired
    JdbcTemplate jdbc;

    private static boolean answeredPass(URI uri) {
        return URLDecoder.decode(uri.getRawQuery(), StandardCharsets.UTF_8).contains("answeredWhenFrom");
    }

    /** The API lists {@code answered} in the answered pass and {@code corrected} in the corrected pass. */
    private static void lists(List<ApiQuestion> answered, List<ApiQuestion> corrected) {
        api.on(QUESTIONS, uri -> {
            List<ApiQuestion> listed = answeredPass(uri) ? answered : corrected;
            return Answer.json(page(listed.size(), listed.stream().map(q -> q.question().listed()).toList()));
        });
        for (ApiQuestion q : answered) {
            api.on(QUESTIONS + "/" + q.id(), uri -> Answer.json(q.question().json()));
        }
        for (ApiQuestion q : corrected) {
            api.on(QUESTIONS + "/" + q.id(), uri -> Answer.json(q.question().json()));
        }
    }

    private record ApiQuestion(long id, org.watchbrief.support.ApiPayloads.Question question) {
    }

    private static final String HEADING = "Online Safety: Undercover Officers";

    @Test
    void aHoldingAnswerIsReplacedAndACorrectionIsANewVersionBriefedOnce() {
        // given: a holding answer
        String key = "parliament/written-question/501";
        lists(List.of(new ApiQuestion(501, aQuestion(501).heading(HEADING).answered("2026-11-05").holding().answeredBy("Jo Minister"))),
                List.of());
        // when
        IngestResult holding = ingest.ingest(List.of());
        // then
        assertThat(holding.stored()).singleElement().satisfies(i -> {
            assertThat(i.sourceKey()).isEqualTo(key);
            assertThat(i.holding()).isTrue();
        });
        // given: the substantive answer follows
        lists(List.of(new ApiQuestion(501, aQuestion(501).heading(HEADING).answered("2026-11-16").afterHolding("2026-11-05")
            .answeredBy("Jo Minister"))), List.of());
        // when
        IngestResult substantive = ingest.ingest(List.of());
        // then
        assertThat(substantive.stored()).singleElement().satisfies(i -> {
            assertThat(i.version()).isEqualTo(2);
            assertThat(i.holding()).isFalse();
        });
        // given: then a correction, listed by correction date only
        lists(List.of(), List.of(new ApiQuestion(501, aQuestion(501).heading(HEADING).answered("2026-11-16").afterHolding("2026-11-05")
            .corrected("2026-11-18", "<p>The Home Office is funding a £15 million team of undercover officers to find "
                    + "adults who groom children online.</p>")
            .answeredBy("Jo Minister"))));
        // when
        IngestResult correction = ingest.ingest(List.of());
        int fetches = api.requests(QUESTIONS + "/501").size();
        IngestResult nothingNew = ingest.ingest(List.of());
        // then
        assertThat(correction.stored()).singleElement().extracting(Ingested::version).isEqualTo(3);
        assertThat(jdbc.queryForList("SELECT version FROM document WHERE source_key = ? ORDER BY version",
                Integer.class, key)).containsExactly(1, 2, 3);
        assertThat(jdbc.queryForList("SELECT version FROM document WHERE source_key = ? AND latest", Integer.class,
                key)).containsExactly(3);
        List<StoredDocument> inWindow = documents.findRelevantBetween(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30));
        assertThat(inWindow).filteredOn(d -> d.sourceKey().equals(key)).singleElement().satisfies(d -> {
            assertThat(d.metadata().corrected()).isEqualTo(LocalDate.of(2026, 11, 18));
            assertThat(d.briefDate()).as("a correction is news when it is made").isEqualTo(LocalDate.of(2026, 11, 18));
            assertThat(d.metadata().answeredBy()).isEqualTo("Jo Minister");
            assertThat(d.money()).extracting(m -> m.text()).contains("£15 million");
        });
        Digest digest = composer.compose("weekly", "Briefing", new Window(LocalDate.of(2026, 11, 1),
                LocalDate.of(2026, 11, 30)), List.of());
        assertThat(digest.sections()).allSatisfy(section -> assertThat(section.documents())
            .filteredOn(e -> e.title().equals(HEADING)).hasSizeLessThanOrEqualTo(1));
        assertThat(digest.sections().stream().flatMap(s -> s.documents().stream())
            .filter(e -> e.title().equals(HEADING)).map(e -> e.summary()).distinct())
            .as("listed once, as corrected").singleElement().satisfies(s -> assertThat(s).contains("£15 million"));
        assertThat(nothingNew.stored()).isEmpty();
        assertThat(nothingNew.passedOver()).isEqualTo(1);
        assertThat(api.requests(QUESTIONS + "/501")).as("a revision seen is not fetched again").hasSize(fetches);
    }

    @Test
    void aFailingSourceFailsTheRunAfterItsRetriesSkipsNothingAndKeepsItsWatermark() {
        // given
        Optional<String> before = watermarks.find(SOURCE);
        api.on(QUESTIONS, uri -> Answer.status(503));
        int requests = api.requests(QUESTIONS).size();
        // when
        IngestResult failed = ingest.ingest(List.of());
        // then
        assertThat(failed.completed()).isFalse();
        assertThat(failed.message()).contains("parliament-questions: GET", "failed 3 time(s)", "HTTP 503");
        assertThat(api.requests(QUESTIONS)).hasSize(requests + 3);
        assertThat(failed.quarantined()).isEmpty();
        assertThat(failed.stored()).isEmpty();
        assertThat(watermarks.find(SOURCE)).isEqualTo(before);
        // given: the API is back
        lists(List.of(new ApiQuestion(601, aQuestion(601).answered("2026-11-12"))), List.of());
        // when
        IngestResult recovered = ingest.ingest(List.of());
        // then
        assertThat(recovered.completed()).isTrue();
        assertThat(recovered.stored()).extracting(Ingested::sourceKey).contains("parliament/written-question/601");
        assertThat(watermarks.find(SOURCE)).contains(LocalDate.now().minusDays(2).toString());
    }

    @Test
    void aQuestionTheApiNoLongerHasIsQuarantinedOnceAndNotFetchedAgain() {
        // given: listed, but its own address answers 404
        api.on(QUESTIONS, uri -> Answer.json(answeredPass(uri) ? page(1, List.of(aQuestion(701).listed()))
                : page(0, List.of())));
        // when
        IngestResult first = ingest.ingest(List.of());
        IngestResult second = ingest.ingest(List.of());
        // then
        assertThat(first.completed()).isTrue();
        assertThat(first.quarantined()).singleElement().satisfies(e -> {
            assertThat(e.sourceKey()).isEqualTo("parliament/written-question/701");
            assertThat(e.reason()).contains("the source no longer has it", "HTTP 404");
            assertThat(e.storedPath()).isNull();
        });
        assertThat(second.quarantined()).isEmpty();
        assertThat(api.requests(QUESTIONS + "/701")).hasSize(1);
    }

    @Test
    void aBadRequestIsNotRetriedAndFailsTheRunSayingWhatTheServerAnswered() {
        // given
        api.on(QUESTIONS, uri -> Answer.status(400));
        int requests = api.requests(QUESTIONS).size();
        // when
        IngestResult failed = ingest.ingest(List.of());
        // then
        assertThat(failed.completed()).isFalse();
        assertThat(failed.message()).contains("parliament-questions: GET", "answered HTTP 400");
        assertThat(api.requests(QUESTIONS)).as("asked once, not again").hasSize(requests + 1);
    }

    @Test
    void aServerThatNeverAnswersFailsTheRunWithinItsTimeLimitsInsteadOfHangingIt() {
        // given: every request held for a minute
        api.on(QUESTIONS, uri -> Answer.silence(60_000));
        long start = System.nanoTime();
        // when
        IngestResult failed = ingest.ingest(List.of());
        // then
        assertThat(failed.completed()).isFalse();
        assertThat(failed.message()).contains("failed 3 time(s)", "no complete answer within 1 s");
        assertThat(java.time.Duration.ofNanos(System.nanoTime() - start)).isLessThan(java.time.Duration.ofSeconds(30));
    }
}
