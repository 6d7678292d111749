package org.watchbrief.intake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.watchbrief.support.LocalServer;
import org.watchbrief.support.LocalServer.Answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real HTTP on 127.0.0.1: retries, Retry-After, statuses not retried, silent servers, huge answers. */
class HttpFetcherTests {

    private final LocalServer server = new LocalServer();

    /** Quick backoff, so the tests wait for what servers ask, not for the defaults. */
    private static HttpSettings settings(int attempts, Duration timeout) {
        return new HttpSettings(Duration.ofSeconds(2), timeout, attempts, Duration.ofMillis(20),
                Duration.ofMillis(200), Duration.ofSeconds(5), DataSize.ofKilobytes(64), "Watchbrief tests");
    }

    private final HttpFetcher fetcher = new HttpFetcher(settings(4, Duration.ofSeconds(5)));

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void retriesAServiceUnavailableAnswerAndGetsTheBody() {
        // given
        server.onInTurn("/api/items", Answer.status(503), Answer.status(502), Answer.json("{\"ok\":true}"));
        // when
        byte[] body = fetcher.get(server.baseUrl().resolve("/api/items"));
        // then
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
        assertThat(server.requests("/api/items")).hasSize(3);
    }

    @Test
    void waitsAtLeastWhatRetryAfterAsks() {
        // given: the backoff alone would wait 20 ms
        server.onInTurn("/api/items", Answer.status(429, "1"), Answer.json("{}"));
        long start = System.nanoTime();
        // when
        fetcher.get(server.baseUrl().resolve("/api/items"));
        // then
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
        assertThat(server.requests("/api/items")).hasSize(2);
    }

    @Test
    void givesUpAtOnceWhenTheServerAsksForALongerWaitThanAllowed() {
        // given
        server.on("/api/items", uri -> Answer.status(503, "3600"));
        // when, then
        assertThatThrownBy(() -> fetcher.get(server.baseUrl().resolve("/api/items")))
            .isInstanceOf(HttpFailureException.class)
            .hasMessageContaining("asked to retry after 3600 s")
            .hasMessageContaining("max-retry-after");
        assertThat(server.requests("/api/items")).hasSize(1);
    }

    @Test
    void doesNotRetryABadRequest() {
        // given
        server.on("/api/items", uri -> Answer.status(400));
        // when, then
        assertThatThrownBy(() -> fetcher.get(server.baseUrl().resolve("/api/items?house=Nowhere")))
            .isInstanceOf(HttpFailureException.class)
            .hasMessageContaining("answered HTTP 400")
            .satisfies(ex -> assertThat(((HttpFailureException) ex).status()).isEqualTo(400));
        assertThat(server.requests("/api/items")).hasSize(1);
    }

    @Test
    void givesUpAfterTheConfiguredAttemptsSayingHowOftenItTried() {
        // given
        server.on("/api/items", uri -> Answer.status(500));
        // when, then
        assertThatThrownBy(() -> fetcher.get(server.baseUrl().resolve("/api/items")))
            .isInstanceOf(HttpFailureException.class)
            .hasMessageContaining("failed 4 time(s)")
            .hasMessageContaining("HTTP 500");
        assertThat(server.requests("/api/items")).hasSize(4);
    }

    @Test
    void aSilentServerCannotHangTheRun() {
        // given: a server that holds every request for a minute
        server.on("/api/items", uri -> Answer.silence(60_000));
        HttpFetcher impatient = new HttpFetcher(settings(2, Duration.ofMillis(300)));
        long start = System.nanoTime();
        // when, then
        assertThatThrownBy(() -> impatient.get(server.baseUrl().resolve("/api/items")))
            .isInstanceOf(HttpFailureException.class)
            .hasMessageContaining("no complete answer within");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void refusesAnAnswerLargerThanTheLimit() {
        // given: 100 kB against a 64 kB limit
        server.on("/api/items", uri -> Answer.json("[" + "1,".repeat(50_000) + "1]"));
        // when, then
        assertThatThrownBy(() -> fetcher.get(server.baseUrl().resolve("/api/items")))
            .isInstanceOf(HttpFailureException.class)
            .hasMessageContaining("larger than 65536 bytes");
        assertThat(server.requests("/api/items")).hasSize(1);
    }

    @Test
    void retriesARefusedConnection() {
        // given: nothing listens there any more
        URI gone = server.baseUrl().resolve("/api/items");
        server.close();
        HttpFetcher fetcher2 = new HttpFetcher(settings(2, Duration.ofSeconds(2)));
        // when, then
        assertThatThrownBy(() -> fetcher2.get(gone)).isInstanceOf(HttpFailureException.class)
            .hasMessageContaining("failed 2 time(s)");
    }

    @Test
    void retriesTwoServiceUnavailableAnswersWaitingWhatEachRetryAfterAsksThenGetsTheBody() {
        // given: 503, 503, 200, each 503 asking for a second; the backoff alone would wait 20 and 40 ms
        server.onInTurn("/api/items", Answer.status(503, "1"), Answer.status(503, "1"), Answer.json("{\"ok\":1}"));
        long start = System.nanoTime();
        // when
        byte[] body = fetcher.get(server.baseUrl().resolve("/api/items"));
        // then
        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"ok\":1}");
        assertThat(server.requests("/api/items")).hasSize(3);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void aServerThatAcceptsTheConnectionAndNeverAnswersTimesOut() throws Exception {
        // given: a socket that takes connections and then says nothing, ever
        try (ServerSocket mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            List<Socket> held = new CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(mute.accept());
                    }
                }
                catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            HttpFetcher impatient = new HttpFetcher(settings(2, Duration.ofMillis(500)));
            long start = System.nanoTime();
            // when, then
            assertThatThrownBy(() -> impatient.get(URI.create("http://127.0.0.1:" + mute.getLocalPort()
                    + "/api/items"))).isInstanceOf(HttpFailureException.class)
                .hasMessageContaining("failed 2 time(s)")
                .hasMessageContaining("no complete answer within");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            assertThat(held).as("each attempt was let in, and left waiting").hasSizeGreaterThanOrEqualTo(2);
            for (Socket socket : held) {
                socket.close();
            }
        }
    }
}
