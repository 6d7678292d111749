package org.watchbrief.support;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A real HTTP server on 127.0.0.1 (the JDK's), serving answers a test scripts per path; it records
 * every request. Tests of the web sources talk to it over real sockets and never reach the
 * internet.
 */
public final class LocalServer implements AutoCloseable {

    /** An answer: status, headers, body; or a wait that never answers within a test's time limits. */
    public record Answer(int status, Map<String, String> headers, byte[] body, long delayMillis) {

        public static Answer json(String body) {
            return new Answer(200, Map.of("Content-Type", "application/json"), body.getBytes(StandardCharsets.UTF_8),
                    0);
        }

        public static Answer json(Path file) {
            try {
                return new Answer(200, Map.of("Content-Type", "application/json"), Files.readAllBytes(file), 0);
            }
            catch (IOException ex) {
                throw new UncheckedIOException(ex);
            }
        }

        public static Answer status(int status) {
            return new Answer(status, Map.of(), ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8), 0);
        }

        public static Answer status(int status, String retryAfter) {
            return new Answer(status, Map.of("Retry-After", retryAfter), new byte[0], 0);
        }

        public static Answer silence(long millis) {
            return new Answer(200, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), millis);
        }
    }

    private final HttpServer server;

    private final ExecutorService executor = Executors.newCachedThreadPool();

    private final Map<String, Function<URI, Answer>> routes = new ConcurrentHashMap<>();

    private final List<URI> requests = new CopyOnWriteArrayList<>();

    public LocalServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** The server's address, {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Answers requests for {@code path} (query aside) with what {@code answer} gives for the full request URI. */
    public LocalServer on(String path, Function<URI, Answer> answer) {
        routes.put(path, answer);
        return this;
    }

    /** Answers requests for {@code path} with the given answers in turn, the last one thereafter. */
    public LocalServer onInTurn(String path, Answer... answers) {
        List<Answer> queue = new ArrayList<>(List.of(answers));
        return on(path, uri -> queue.size() > 1 ? queue.remove(0) : queue.get(0));
    }

    /** Every request so far, in order. */
    public List<URI> requests() {
        return List.copyOf(requests);
    }

    /** The requests so far for one path. */
    public List<URI> requests(String path) {
        return requests.stream().filter(u -> u.getPath().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = exchange.getRequestURI();
        requests.add(uri);
        Function<URI, Answer> route = routes.get(uri.getPath());
        Answer answer = route == null ? Answer.status(404) : route.apply(uri);
        if (answer.delayMillis() > 0) {
            try {
                Thread.sleep(answer.delayMillis());
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                exchange.close();
                return;
            }
        }
        answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(answer.body());
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
