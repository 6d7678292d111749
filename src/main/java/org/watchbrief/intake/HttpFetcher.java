package org.watchbrief.intake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * GETs JSON from the web sources, with the manners of a good client and the caution of a wary
 * one: every request has a time limit (a silent server cannot hang a run) and a size limit;
 * transient failures (429, 500, 502, 503, 504, timeouts, refused connections) are retried with
 * exponential backoff by Spring's {@link RetryTemplate}, waiting at least what a {@code Retry-After}
 * header asks; other statuses (400, 404, 422) are not retried. Thread-safe.
 */
public final class HttpFetcher {

    private static final Logger log = LoggerFactory.getLogger(HttpFetcher.class);

    private static final Set<Integer> TRANSIENT = Set.of(429, 500, 502, 503, 504);

    private final HttpSettings settings;

    private final HttpClient client;

    private final Clock clock;

    public HttpFetcher(HttpSettings settings) {
        this(settings, Clock.systemUTC());
    }

    HttpFetcher(HttpSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.client = HttpClient.newBuilder()
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    }

    /**
     * The body of a 200 answer.
     *
     * @throws HttpFailureException when the request fails for good
     */
    public byte[] get(URI uri) {
        AtomicReference<Duration> retryAfter = new AtomicReference<>();
        RetryPolicy policy = RetryPolicy.builder()
            .backOff(new RetryAfterBackOff(settings, retryAfter))
            .predicate(TransientFailure.class::isInstance)
            .build();
        try {
            return new RetryTemplate(policy).execute(() -> attempt(uri, retryAfter));
        }
        catch (RetryException ex) {
            Throwable last = ex.getCause();
            if (last instanceof HttpFailureException failure) {
                throw failure;
            }
            int status = last instanceof TransientFailure transientFailure ? transientFailure.status : -1;
            throw new HttpFailureException(uri, status, "GET " + uri + " failed " + (ex.getRetryCount() + 1)
                    + " time(s); the last time: " + (last == null ? ex.getMessage() : last.getMessage()), last);
        }
    }

    private byte[] attempt(URI uri, AtomicReference<Duration> retryAfter) {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .GET()
            .timeout(settings.timeout())
            .header("Accept", "application/json")
            .header("User-Agent", settings.userAgent())
            .build();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(request,
                info -> new LimitedBody(settings.maxResponseSize().toBytes()));
        HttpResponse<byte[]> response;
        try {
            // the whole exchange, body included, runs against the time limit
            response = exchange.get(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        }
        catch (TimeoutException ex) {
            exchange.cancel(true);
            throw new TransientFailure(-1, "no complete answer within " + settings.timeout().toSeconds()
                    + " s (watchbrief.intake.http.timeout)");
        }
        catch (InterruptedException ex) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new HttpFailureException(uri, -1, "interrupted while fetching " + uri, ex);
        }
        catch (ExecutionException ex) {
            Throwable cause = ex.getCause();
            if (cause instanceof TooLarge tooLarge) {
                throw new HttpFailureException(uri, 200, "the answer of " + uri + " is larger than "
                        + settings.maxResponseSize().toBytes() + " bytes (watchbrief.intake.http.max-response-size)", tooLarge);
            }
            if (cause instanceof java.net.http.HttpTimeoutException) {
                // the request's own timeout can fire a moment before the wait above: the same event
                throw new TransientFailure(-1, "no complete answer within " + settings.timeout().toSeconds()
                        + " s (watchbrief.intake.http.timeout)");
            }
            throw new TransientFailure(-1, cause instanceof IOException ? describe(cause) : String.valueOf(cause));
        }
        int status = response.statusCode();
        if (status == 200) {
            return response.body();
        }
        String excerpt = excerpt(response.body());
        if (TRANSIENT.contains(status)) {
            Duration wait = retryAfter(response);
            if (wait != null && wait.compareTo(settings.maxRetryAfter()) > 0) {
                throw new HttpFailureException(uri, status, "GET " + uri + " answered " + status + " and asked to retry "
                        + "after " + wait.toSeconds() + " s, longer than watchbrief.intake.http.max-retry-after ("
                        + settings.maxRetryAfter().toSeconds() + " s)", null);
            }
            retryAfter.set(wait);
            log.info("GET {} answered {}{}; retrying", uri, status,
                    wait == null ? "" : " (Retry-After " + wait.toSeconds() + " s)");
            throw new TransientFailure(status, "HTTP " + status + excerpt);
        }
        throw new HttpFailureException(uri, status, "GET " + uri + " answered HTTP " + status + excerpt, null);
    }

    /** Retry-After in seconds or as an HTTP date; {@code null} when absent or unreadable. */
    private Duration retryAfter(HttpResponse<?> response) {
        String value = response.headers().firstValue("Retry-After").orElse(null);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip())));
        }
        catch (NumberFormatException notSeconds) {
            try {
                ZonedDateTime at = ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
                Duration wait = Duration.between(clock.instant(), at.toInstant());
                return wait.isNegative() ? Duration.ZERO : wait;
            }
            catch (DateTimeParseException notADate) {
                return null;
            }
        }
    }

    private static String describe(Throwable cause) {
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private static String excerpt(byte[] body) {
        if (body == null || body.length == 0) {
            return "";
        }
        String text = new String(body, 0, Math.min(body.length, 300), StandardCharsets.UTF_8).replaceAll("\\s+", " ")
            .strip();
        return text.isEmpty() ? "" : " (" + text + ")";
    }

    /** A failure worth another attempt. */
    private static final class TransientFailure extends RuntimeException {

        private final int status;

        TransientFailure(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }
    }

    private static final class TooLarge extends IOException {

        TooLarge() {
            super("answer too large");
        }
    }

    /**
     * Exponential backoff that waits at least what the server asked for in its last Retry-After.
     * One per request: the hint belongs to that request's attempts.
     */
    private static final class RetryAfterBackOff implements BackOff {

        private final HttpSettings settings;

        private final AtomicReference<Duration> retryAfter;

        RetryAfterBackOff(HttpSettings settings, AtomicReference<Duration> retryAfter) {
            this.settings = settings;
            this.retryAfter = retryAfter;
        }

        @Override
        public BackOffExecution start() {
            ExponentialBackOff exponential = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
            exponential.setMaxInterval(settings.maxBackoff().toMillis());
            exponential.setMaxAttempts(settings.maxAttempts() - 1);
            BackOffExecution execution = exponential.start();
            return () -> {
                long wait = execution.nextBackOff();
                Duration asked = retryAfter.getAndSet(null);
                if (wait == BackOffExecution.STOP || asked == null) {
                    return wait;
                }
                return Math.max(wait, asked.toMillis());
            };
        }
    }

    /** Collects a body, refusing one larger than the limit without reading the rest. */
    private static final class LimitedBody implements BodySubscriber<byte[]> {

        private final BodySubscriber<byte[]> bytes = BodySubscribers.ofByteArray();

        private final long limit;

        private long received;

        private boolean refused;

        private Flow.Subscription subscription;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return bytes.getBody();
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            bytes.onSubscribe(subscription);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (refused) {
                return;
            }
            received += buffers.stream().mapToLong(ByteBuffer::remaining).sum();
            if (received > limit) {
                refused = true;
                subscription.cancel();
                bytes.onError(new TooLarge());
                return;
            }
            bytes.onNext(buffers);
        }

        @Override
        public void onError(Throwable throwable) {
            if (!refused) {
                bytes.onError(throwable);
            }
        }

        @Override
        public void onComplete() {
            if (!refused) {
                bytes.onComplete();
            }
        }
    }
}
