package dev.vidgen.client.http;

import dev.vidgen.client.ApiKey;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.client.retry.RetryAfter;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.CallOptions;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.time.Scheduler;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The foxapi wire protocol as a {@link TaskSubmissionPort}: {@code POST /v1/videos/generations} and
 * {@code GET /v1/tasks/{id}} over an {@link HttpTransport}, with authentication, timeouts, retries
 * and one debug log line per attempt. Thread-safe; does not own (or close) the transport.
 *
 * <h2>Retries</h2>
 * <ul>
 *   <li>A task query is retried on 429, 500, 502, 503, 504 and transport I/O errors of any kind.</li>
 *   <li>A submit is retried only when no task can exist: the connection was never made
 *       ({@link TransportException.Kind#CONNECT}), or the answer was 429 or 503. After a 500, 502,
 *       504, a malformed 2xx, a timeout or a broken connection it is not retried, and its exception
 *       reports {@code taskMayHaveBeenCreated() == true}, unless
 *       {@link RetryPolicy#retrySubmitWhenTaskMayExist()} is on (which may create a second, paid task).
 *       Once an attempt may have created a task, every later failure of the call says so too.</li>
 *   <li>At most {@link RetryPolicy#maxAttempts()} attempts, {@link RetryPolicy#backoff} apart
 *       (exponential, with jitter); a {@code Retry-After} (seconds or HTTP date) replaces the
 *       backoff. A retry that would start after the call's deadline is not made: the last error is
 *       thrown at once instead.</li>
 *   <li>Redirects (3xx) are never followed, so the key never travels to another host: they end the
 *       call with an {@link ApiException}.</li>
 * </ul>
 *
 * <h2>Timeouts</h2>
 * The per-attempt timeout is {@link CallOptions#attemptTimeout()} if set, else
 * {@link ClientConfig#attemptTimeout()}; the whole-call timeout is {@link CallOptions#callTimeout()}
 * if set, else {@link ClientConfig#callTimeout()}. Each attempt is given the smaller of its timeout
 * and the time the call has left (as {@link HttpRequest#timeout()}); when the call's time is up the
 * attempt in flight is cancelled and the call fails with {@link TransportIoException}. The connect
 * timeout belongs to the transport ({@code TransportSettings}). All waiting is done through the
 * {@link Scheduler} (never by sleeping), so tests run in virtual time.
 */
public final class FoxApiTaskPort implements TaskSubmissionPort {

    /** The submit endpoint. */
    public static final String SUBMIT_PATH = "/v1/videos/generations";
    /** The task query endpoint's prefix. */
    public static final String TASKS_PATH = "/v1/tasks/";

    /** Response headers that may appear in logs; everything else (cookies, auth) never does. */
    static final Set<String> LOGGED_HEADERS = Set.of("content-type", "content-length", "retry-after", "date",
            "x-request-id", "request-id", "location", "server");

    private static final Set<Integer> QUERY_RETRY_STATUSES = Set.of(429, 500, 502, 503, 504);
    private static final Set<Integer> SUBMIT_SAFE_RETRY_STATUSES = Set.of(429, 503);
    private static final Set<Integer> SUBMIT_RISKY_RETRY_STATUSES = Set.of(500, 502, 504);

    private static final Logger LOG = LoggerFactory.getLogger(FoxApiTaskPort.class);

    private final HttpTransport transport;
    private final FoxApiCodec codec;
    private final Scheduler scheduler;
    private final ClientConfig config;
    private final ApiKey apiKey;
    private final DoubleSupplier random;

    /**
     * A port speaking to {@link ClientConfig#baseUrl()} with {@link ClientConfig#apiKey()}.
     *
     * @throws IllegalStateException when the configuration has no API key
     */
    public FoxApiTaskPort(HttpTransport transport, FoxApiCodec codec, Scheduler scheduler, ClientConfig config) {
        this(transport, codec, scheduler, config, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** As the four-argument constructor, with the source of the backoff jitter (uniform in [0, 1)). */
    public FoxApiTaskPort(HttpTransport transport, FoxApiCodec codec, Scheduler scheduler, ClientConfig config,
                          DoubleSupplier random) {
        this.transport = Objects.requireNonNull(transport, "transport");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.config = Objects.requireNonNull(config, "config");
        this.random = Objects.requireNonNull(random, "random");
        this.apiKey = config.apiKey().orElseThrow(() -> new IllegalStateException(
                "no API key: set one with apiKey(...) or in the environment variable " + ApiKey.ENV_VAR));
    }

    @Override
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallOptions options) {
        Objects.requireNonNull(request, "request");
        byte[] body;
        try {
            body = codec.encodeRequest(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest http = baseRequest("POST", endpoint(SUBMIT_PATH, null), body)
                .withHeader("Content-Type", "application/json");
        return new Call(true, http, options).start();
    }

    @Override
    public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallOptions options) {
        Objects.requireNonNull(id, "id");
        CallOptions o = options == null ? CallOptions.DEFAULTS : options;
        HttpRequest http = baseRequest("GET", endpoint(TASKS_PATH + id.value(), o.syncUpstream() ? "sync_upstream=true" : null), null);
        return new Call(false, http, o).start();
    }

    private HttpRequest baseRequest(String method, URI uri, byte[] body) {
        return new HttpRequest(method, uri, Map.of(
                "Authorization", List.of("Bearer " + apiKey.reveal()),
                "Accept", List.of("application/json"),
                "User-Agent", List.of(config.userAgent())), body, null);
    }

    private URI endpoint(String path, String query) {
        URI base = config.baseUrl();
        try {
            // the multi-argument constructor quotes what a task id might hold that a path may not
            return new URI(base.getScheme(), base.getRawAuthority(), (base.getPath() == null ? "" : base.getPath()) + path, query, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("cannot build the URL for " + path + ": " + e.getMessage(), e);
        }
    }

    /** One call: its attempts, its deadline, its outcome. */
    private final class Call {
        private final boolean submit;
        private final HttpRequest request;
        private final Duration attemptTimeout;
        private final Duration callTimeout;
        private final RetryPolicy policy = config.retryPolicy();
        private final CompletableFuture<VideoTask> result = new CompletableFuture<>();

        private Instant deadline;
        private int attempts;
        private volatile boolean taskMayExist;
        private volatile RuntimeException lastError;
        private CompletableFuture<HttpResponse> inFlight;
        private Scheduler.Cancellable retryTimer;
        private Scheduler.Cancellable deadlineTimer;

        Call(boolean submit, HttpRequest request, CallOptions options) {
            CallOptions o = options == null ? CallOptions.DEFAULTS : options;
            this.submit = submit;
            this.request = request;
            this.attemptTimeout = positiveOr(o.attemptTimeout(), config.attemptTimeout(), "attemptTimeout");
            this.callTimeout = positiveOr(o.callTimeout(), config.callTimeout(), "callTimeout");
        }

        CompletableFuture<VideoTask> start() {
            deadline = scheduler.now().plus(callTimeout);
            result.whenComplete((task, error) -> cleanUp());
            Scheduler.Cancellable timer = scheduler.schedule(callTimeout, this::deadlinePassed);
            synchronized (this) {
                deadlineTimer = timer;
            }
            if (result.isDone()) {
                timer.cancel();
            }
            attempt();
            return result;
        }

        private void attempt() {
            int attempt;
            Instant started = scheduler.now();
            Duration left = Duration.between(started, deadline);
            synchronized (this) {
                retryTimer = null;
                if (result.isDone()) {
                    return;
                }
                attempt = ++attempts;
            }
            if (left.isNegative() || left.isZero()) {
                deadlinePassed();
                return;
            }
            HttpRequest r = request.withTimeout(attemptTimeout.compareTo(left) < 0 ? attemptTimeout : left);
            CompletableFuture<HttpResponse> f;
            try {
                f = transport.executeAsync(r);
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            synchronized (this) {
                inFlight = f;
            }
            if (result.isDone()) {
                f.cancel(true);
                return;
            }
            f.whenComplete((response, error) -> answered(attempt, started, response, error));
        }

        private void answered(int attempt, Instant started, HttpResponse response, Throwable error) {
            if (result.isDone()) {
                return;
            }
            long millis = Duration.between(started, scheduler.now()).toMillis();
            if (error != null) {
                transportFailed(attempt, millis, unwrap(error));
                return;
            }
            int status = response.status();
            if (status >= 200 && status <= 299) {
                try {
                    VideoTask task = codec.decodeTask(response.body(), scheduler.now());
                    log(attempt, millis, String.valueOf(status), response, "");
                    result.complete(task);
                } catch (RuntimeException e) {
                    if (submit) {
                        taskMayExist = true;
                    }
                    // a malformed answer is retried as a query, but never as a submit (it may have created a task)
                    boolean retryable = submit ? policy.retrySubmitWhenTaskMayExist() : true;
                    retryOrFail(attempt, millis, status + " malformed", response, malformed(response.body(), e), retryable, null);
                }
                return;
            }
            if (status >= 300 && status <= 399) {
                String location = response.header("Location").orElse("nowhere");
                ApiException e = new ApiException(status, null, null, "unexpected redirect to " + location
                        + "; vidgen does not follow redirects (the API key must not travel to another host): check the base URL "
                        + config.baseUrl(), codec.parseErrorBody(redact(response.body())).raw(),
                        submit && taskMayExist);
                retryOrFail(attempt, millis, String.valueOf(status), response, e, false, null);
                return;
            }
            Duration retryAfter = response.header("Retry-After").flatMap(h -> RetryAfter.parse(h, scheduler.now())).orElse(null);
            boolean retryable;
            if (submit) {
                boolean risky = status >= 500 && status != 503;
                if (risky) {
                    taskMayExist = true;
                }
                retryable = SUBMIT_SAFE_RETRY_STATUSES.contains(status)
                        || (SUBMIT_RISKY_RETRY_STATUSES.contains(status) && policy.retrySubmitWhenTaskMayExist());
            } else {
                retryable = QUERY_RETRY_STATUSES.contains(status);
            }
            byte[] body = redact(response.body());
            ApiException e = submit && status == 404
                    // a 404 to a submit is a wrong base URL, not a missing task
                    ? new ApiException(status, null, null, "no such endpoint " + SUBMIT_PATH + " at " + config.baseUrl() + ": check the base URL",
                            codec.parseErrorBody(body).raw(), taskMayExist)
                    : codec.decodeError(status, body, submit && taskMayExist, retryAfter);
            retryOrFail(attempt, millis, String.valueOf(status), response, e, retryable, retryAfter);
        }

        private void transportFailed(int attempt, long millis, Throwable cause) {
            if (cause instanceof CancellationException) {
                return; // the call was cancelled or timed out; the result is already settled
            }
            if (cause instanceof TransportException te) {
                boolean sent = te.requestMayHaveBeenSent();
                if (submit && sent) {
                    taskMayExist = true;
                }
                boolean retryable = !submit || !sent || policy.retrySubmitWhenTaskMayExist();
                String what = switch (te.kind()) {
                    case CONNECT -> "could not connect";
                    case TIMEOUT -> "no answer in time";
                    case IO -> "connection broke";
                };
                TransportIoException e = new TransportIoException(operation() + " failed: " + what + " (" + te.getMessage() + ")"
                        + (submit && sent ? "; the request may have reached the server, so a task may have been created" : ""),
                        te, submit && taskMayExist);
                retryOrFail(attempt, millis, "I/O " + te.kind(), null, e, retryable, null);
                return;
            }
            // not the transport's typed error: a bug or a closed transport; retrying will not help
            if (submit) {
                taskMayExist = true;
            }
            retryOrFail(attempt, millis, "error " + cause.getClass().getSimpleName(), null,
                    new TransportIoException(operation() + " failed in the transport: " + cause, cause, submit), false, null);
        }

        /**
         * The typed error for a 2xx answer that could not be decoded. Its message and cause come from
         * decoding the body again with the key blanked out, since they quote the body (an echoing
         * proxy at a wrong base URL would otherwise put the key into an exception).
         */
        private MalformedResponseException malformed(byte[] body, RuntimeException first) {
            RuntimeException described = first;
            byte[] redacted = redact(body);
            if (redacted != body) {
                try {
                    codec.decodeTask(redacted, scheduler.now());
                } catch (RuntimeException again) {
                    described = again;
                }
            }
            if (described instanceof MalformedResponseException m) {
                return new MalformedResponseException(m.getMessage(), m.getCause(), submit);
            }
            return new MalformedResponseException("the " + operation() + " answer could not be read: "
                    + described.getClass().getSimpleName(), redacted == body ? described : null, submit);
        }

        private void retryOrFail(int attempt, long millis, String outcome, HttpResponse response, RuntimeException error,
                                 boolean retryable, Duration retryAfter) {
            lastError = error;
            if (!retryable || attempt >= policy.maxAttempts()) {
                log(attempt, millis, outcome, response, retryable ? "; no attempts left" : "");
                result.completeExceptionally(error);
                return;
            }
            Duration delay = retryAfter != null ? retryAfter : policy.backoff(attempt, random.getAsDouble());
            if (delay.compareTo(Duration.between(scheduler.now(), deadline)) >= 0) {
                log(attempt, millis, outcome, response, "; a retry in " + delay + " would pass the call's deadline");
                result.completeExceptionally(error);
                return;
            }
            log(attempt, millis, outcome, response, "; retry in " + delay.toMillis() + " ms");
            Scheduler.Cancellable timer = scheduler.schedule(delay, this::attempt);
            synchronized (this) {
                retryTimer = timer;
            }
            if (result.isDone()) {
                timer.cancel();
            }
        }

        private void deadlinePassed() {
            if (result.isDone()) {
                return;
            }
            boolean inFlightNow;
            int made;
            synchronized (this) {
                inFlightNow = inFlight != null && !inFlight.isDone();
                made = attempts;
            }
            boolean mayExist = submit && (taskMayExist || inFlightNow);
            TransportIoException e = new TransportIoException(operation() + " did not finish within the call timeout of " + callTimeout
                    + " (" + made + (made == 1 ? " attempt)" : " attempts)")
                    + (mayExist ? "; a task may have been created" : ""), lastError, mayExist);
            result.completeExceptionally(e);
        }

        private void cleanUp() {
            CompletableFuture<HttpResponse> f;
            Scheduler.Cancellable t1;
            Scheduler.Cancellable t2;
            synchronized (this) {
                f = inFlight;
                t1 = retryTimer;
                t2 = deadlineTimer;
            }
            if (t1 != null) {
                t1.cancel();
            }
            if (t2 != null) {
                t2.cancel();
            }
            if (f != null && !f.isDone()) {
                f.cancel(true);
            }
        }

        private String operation() {
            return submit ? "submit" : "task query";
        }

        private void log(int attempt, long millis, String outcome, HttpResponse response, String decision) {
            if (!LOG.isDebugEnabled()) {
                return;
            }
            String path = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
            LOG.debug("{} {} -> {} (attempt {}/{}, {} ms){}{}", request.method(), path, outcome, attempt, policy.maxAttempts(), millis,
                    allowedHeaders(response), decision);
        }
    }

    private static String allowedHeaders(HttpResponse response) {
        if (response == null) {
            return "";
        }
        String shown = response.headers().entrySet().stream()
                .filter(e -> e.getKey() != null && LOGGED_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(", "));
        return shown.isEmpty() ? "" : " [" + shown + "]";
    }

    /** The error body without the key, should a server echo it back. */
    private byte[] redact(byte[] body) {
        String key = apiKey.reveal();
        String text = new String(body, StandardCharsets.UTF_8);
        return text.contains(key) ? text.replace(key, "***").getBytes(StandardCharsets.UTF_8) : body;
    }

    private static Duration positiveOr(Duration override, Duration fallback, String what) {
        if (override == null) {
            return fallback;
        }
        if (override.isNegative() || override.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + override);
        }
        return override;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
