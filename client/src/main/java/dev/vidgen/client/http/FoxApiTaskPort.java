package dev.vidgen.client.http;

import dev.vidgen.client.ApiKey;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.internal.CallGate;
import dev.vidgen.client.internal.CallerWaits;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.observe.HttpAttempt;
import dev.vidgen.client.observe.HttpOperation;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.client.protocol.Sanitizer;
import dev.vidgen.client.protocol.SecretMask;
import dev.vidgen.client.retry.RetryAfter;
import dev.vidgen.client.retry.RetryClassifier;
import dev.vidgen.client.retry.RetryEngine;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodyHandlers;
import dev.vidgen.ports.http.BodyTooLargeException;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.time.Scheduler;
import java.net.URI;
import java.time.Duration;
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
 *   <li>A task query is retried on 429, 500, 502, 503, 504, transport I/O errors of any kind and a
 *       2xx body that is cut short or not JSON.</li>
 *   <li>A submit is retried only when no task can exist: the connection was never made
 *       ({@link TransportException.Kind#CONNECT}), or the answer was 429 or 503. After a 500, 502,
 *       504, a malformed 2xx, a timeout or a broken connection it is not retried, and its exception
 *       reports {@code taskMayHaveBeenCreated() == true}, unless
 *       {@link RetryPolicy#retrySubmitWhenTaskMayExist()} is on (which may create a second, paid task).
 *       Once an attempt may have created a task, every later failure of the call says so too.</li>
 *   <li>What is retried is decided by {@link RetryClassifier}, and the retries, backoff and
 *       deadline are run by {@link RetryEngine}: at most {@link RetryPolicy#maxAttempts()} attempts,
 *       {@link RetryPolicy#backoff} apart (exponential, with jitter); a {@code Retry-After} (seconds
 *       or HTTP date) replaces the backoff. A retry that would start after the call's deadline is
 *       not made: the last error is thrown at once instead.</li>
 *   <li>An answer that cannot change by asking again is not retried: a well-formed 2xx without a
 *       usable id or status, or an answer about another task than the one asked for (refused with
 *       {@link MalformedResponseException}).</li>
 *   <li>The key is masked out of every body before it is read (in every form a server may echo it:
 *       see {@link SecretMask}), and what exceptions quote from the server is escaped
 *       ({@link Sanitizer}).</li>
 *   <li>Redirects (3xx) are never followed, so the key never travels to another host: they end the
 *       call with an {@link ApiException}.</li>
 * </ul>
 *
 * <h2>Bounded answers</h2>
 * A 2xx answer is read up to {@code TransportSettings.maxAnswerBytes()} (8 MiB by default); a
 * longer one stops being read there and fails with {@link MalformedResponseException} (for a
 * submit saying a task may have been created; not retried: the same question gets the same
 * answer). Of an error answer only the first {@value #ERROR_BODY_KEPT} bytes are read (the error
 * message quotes less than that); the rest is never read.
 *
 * <h2>Timeouts</h2>
 * The per-attempt timeout is {@link CallSettings#attemptTimeout()} if set, else
 * {@link ClientConfig#attemptTimeout()}; the whole-call timeout is {@link CallSettings#callTimeout()}
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

    /** How much of an error answer is read: more than any message quotes. */
    public static final int ERROR_BODY_KEPT = 16 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(FoxApiTaskPort.class);

    private final HttpTransport transport;
    private final FoxApiCodec codec;
    private final Scheduler scheduler;
    private final ClientConfig config;
    private final ApiKey apiKey;
    private final RetryEngine engine;
    private final SecretMask secretMask;
    private final BodyHandler<byte[]> answers;
    private final Map<String, List<String>> headers;
    private final Endpoints endpoints;
    private final GatedStart gate;

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
        this.engine = new RetryEngine(scheduler, config.retryPolicy(), Objects.requireNonNull(random, "random"));
        this.apiKey = config.apiKey().orElseThrow(() -> new IllegalStateException(ApiKey.MISSING));
        this.secretMask = SecretMask.of(apiKey.reveal());
        this.answers = BodyHandlers.answer(config.transportSettings().maxAnswerBytes(), ERROR_BODY_KEPT);
        this.endpoints = new Endpoints(config.baseUrl());
        this.gate = new GatedStart(scheduler, CallGate.DEFAULT_LIMIT);
        this.headers = Map.of(
                "Authorization", List.of("Bearer " + apiKey.reveal()),
                "Accept", List.of("application/json"),
                "User-Agent", List.of(config.userAgent()));
    }

    @Override
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallSettings options) {
        Objects.requireNonNull(request, "request");
        byte[] body;
        try {
            body = codec.encodeRequest(request);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        HttpRequest http = baseRequest("POST", endpoints.submit(), body)
                .withHeader("Content-Type", "application/json");
        return new Call(true, http, null, options).start();
    }

    @Override
    public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
        Objects.requireNonNull(id, "id");
        CallSettings o = options == null ? CallSettings.DEFAULTS : options;
        HttpRequest http = baseRequest("GET", endpoints.query(id, o.syncUpstream()), null);
        return new Call(false, http, id, o).start();
    }

    private HttpRequest baseRequest(String method, URI uri, byte[] body) {
        return new HttpRequest(method, uri, headers, body, null);
    }

    /**
     * One call: the engine runs its attempts; this holds what the wire protocol adds (the request,
     * the sticky "a task may exist" of a submit, the last response for the log line).
     */
    private final class Call {
        private final boolean submit;
        private final HttpRequest request;
        private final TaskId expectedId;
        private final Duration attemptTimeout;
        private final Duration callTimeout;
        private volatile boolean taskMayExist;
        private volatile HttpResponse<byte[]> lastResponse;
        private volatile String lastOutcome = "";

        Call(boolean submit, HttpRequest request, TaskId expectedId, CallSettings options) {
            CallSettings o = options == null ? CallSettings.DEFAULTS : options;
            this.submit = submit;
            this.request = request;
            this.expectedId = expectedId;
            this.attemptTimeout = positiveOr(o.attemptTimeout(), config.attemptTimeout(), "attemptTimeout");
            this.callTimeout = positiveOr(o.callTimeout(), config.callTimeout(), "callTimeout");
        }

        CompletableFuture<VideoTask> start() {
            RetryEngine.Call.Builder<VideoTask> call = submit ? RetryEngine.Call.nonIdempotent("submit")
                    : RetryEngine.Call.idempotent("task query");
            return gate.start(callTimeout, left -> engine.call(call.attemptTimeout(attemptTimeout).callTimeout(left)
                    .attempt(this::attempt).listener(this::ended).deadlineError(this::deadlineError).build()),
                    () -> new TransportIoException(operation() + " did not start within the call timeout of " + callTimeout + ": "
                            + CallGate.DEFAULT_LIMIT + " calls of this client were under way (nothing was sent)", null, false));
        }

        private CompletableFuture<VideoTask> attempt(int number, Duration timeout) {
            lastResponse = null;
            lastOutcome = "";
            CompletableFuture<HttpResponse<byte[]>> exchange;
            try {
                exchange = CallerWaits.take() ? sendHere(request.withTimeout(timeout))
                        : transport.exchange(request.withTimeout(timeout), answers);
            } catch (RuntimeException e) {
                exchange = CompletableFuture.failedFuture(e);
            }
            CompletableFuture<HttpResponse<byte[]>> sent = exchange;
            CompletableFuture<VideoTask> outcome = new CompletableFuture<>();
            // cancelling the attempt (deadline, caller) must abort the exchange
            outcome.whenComplete((t, e) -> {
                if (outcome.isCancelled()) {
                    sent.cancel(true);
                }
            });
            sent.whenComplete((response, error) -> {
                try {
                    outcome.complete(error != null ? failTransport(unwrap(error)) : answered(response));
                } catch (CancellationException e) {
                    outcome.cancel(true);
                } catch (RuntimeException e) {
                    outcome.completeExceptionally(e);
                }
            });
            return outcome;
        }

        /** The blocking exchange on the waiting caller's thread; an interrupt cancels the call, as in {@code join}. */
        private CompletableFuture<HttpResponse<byte[]>> sendHere(HttpRequest http) {
            try {
                return CompletableFuture.completedFuture(transport.send(http, answers));
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    CancellationException interrupted = new CancellationException("interrupted while waiting for the " + operation() + " answer");
                    interrupted.initCause(e);
                    throw interrupted;
                }
                return CompletableFuture.failedFuture(e);
            }
        }

        /** The task an answer holds, or the typed error it means (thrown). */
        private VideoTask answered(HttpResponse<byte[]> response) {
            lastResponse = response;
            int status = response.status();
            lastOutcome = String.valueOf(status);
            byte[] body = mask(response.body());
            if (status >= 200 && status <= 299) {
                VideoTask task;
                try {
                    task = codec.decodeTask(body, scheduler.now());
                } catch (MalformedResponseException e) {
                    lastOutcome = status + " malformed";
                    taskMayExist |= submit;
                    throw new MalformedResponseException(e.getMessage(), e.getCause(), submit, e.retryCanHelp());
                } catch (RuntimeException e) {
                    lastOutcome = status + " malformed";
                    taskMayExist |= submit;
                    throw new MalformedResponseException("the " + operation() + " answer could not be read: "
                            + e.getClass().getSimpleName(), e, submit, false);
                }
                if (expectedId != null && !expectedId.equals(task.id())) {
                    lastOutcome = status + " for another task";
                    throw new MalformedResponseException("asked for task " + expectedId + " but the answer is for task "
                            + Sanitizer.sanitize(task.id().value()) + "; it is not used", null, false, false);
                }
                return task;
            }
            if (submit && RetryClassifier.mayHaveHadEffect(status)) {
                taskMayExist = true;
            }
            if (status >= 300 && status <= 399) {
                throw codec.errors().redirect(status, response.header("Location").map(Sanitizer::sanitize).orElse(null),
                        config.baseUrl().toString(), body, submit && taskMayExist);
            }
            if (submit && status == 404) {
                // a 404 to a submit is a wrong base URL, not a missing task
                throw codec.errors().noSuchEndpoint(status, SUBMIT_PATH, config.baseUrl().toString(), body, taskMayExist);
            }
            Duration retryAfter = response.header("Retry-After").flatMap(h -> RetryAfter.parse(h, scheduler.now())).orElse(null);
            throw codec.errors().toException(status, body, submit && taskMayExist, retryAfter);
        }

        private VideoTask failTransport(Throwable cause) {
            if (cause instanceof CancellationException c) {
                throw c;
            }
            if (cause instanceof BodyTooLargeException big) {
                taskMayExist |= submit;
                lastOutcome = "2xx too large";
                throw new MalformedResponseException("the " + operation() + " answer is larger than " + big.limit()
                        + " bytes (TransportSettings.maxAnswerBytes); reading stopped there"
                        + (submit ? "; a task may have been created" : ""), big, submit, false);
            }
            if (cause instanceof TransportException te) {
                boolean sent = RetryClassifier.mayHaveHadEffect(te);
                if (submit && sent) {
                    taskMayExist = true;
                }
                lastOutcome = "I/O " + te.kind();
                String what = switch (te.kind()) {
                    case CONNECT -> "could not connect";
                    case TIMEOUT -> "no answer in time";
                    case IO -> "connection broke";
                };
                throw new TransportIoException(operation() + " failed: " + what + " (" + Sanitizer.sanitize(mask(te.getMessage())) + ")"
                        + (submit && sent ? "; the request may have reached the server, so a task may have been created" : ""),
                        te, submit && taskMayExist);
            }
            // not the transport's typed error: a bug or a closed transport; retrying will not help
            taskMayExist |= submit;
            lastOutcome = "error " + cause.getClass().getSimpleName();
            throw new TransportIoException(operation() + " failed in the transport: " + Sanitizer.sanitize(mask(String.valueOf(cause))),
                    cause, submit);
        }

        private RuntimeException deadlineError(int attempts, boolean inFlight, boolean mayHaveHadEffect, Throwable lastError) {
            boolean mayExist = submit && (taskMayExist || inFlight);
            return new TransportIoException(operation() + " did not finish within the call timeout of " + callTimeout
                    + " (" + attempts + (attempts == 1 ? " attempt)" : " attempts)")
                    + (mayExist ? "; a task may have been created" : ""), lastError, mayExist);
        }

        private String operation() {
            return submit ? "submit" : "task query";
        }

        /** Every attempt's end: the observer hears it, and it is logged. */
        private void ended(int attempt, int of, Duration took, Throwable error, String decision) {
            ClientObserver observer = config.observer();
            if (observer != ClientObserver.NOOP) {
                HttpResponse response = lastResponse;
                int status = response == null ? 0 : response.status();
                HttpAttempt.Outcome outcome = response != null ? HttpAttempt.Outcome.ofStatus(status, error == null)
                        : error != null && error.getCause() instanceof TransportException ? HttpAttempt.Outcome.IO_ERROR : HttpAttempt.Outcome.UNKNOWN;
                observer.httpAttempt(new HttpAttempt(submit ? HttpOperation.SUBMIT : HttpOperation.QUERY, attempt, of, status, outcome, took));
            }
            log(attempt, of, took, decision);
        }

        private void log(int attempt, int of, Duration took, String decision) {
            if (!LOG.isDebugEnabled()) {
                return;
            }
            String path = request.uri().getRawPath() + (request.uri().getRawQuery() == null ? "" : "?" + request.uri().getRawQuery());
            LOG.debug("{} {} -> {} (attempt {}/{}, {} ms){}{}", request.method(), path, lastOutcome, attempt, of, took.toMillis(),
                    allowedHeaders(lastResponse), decision);
        }
    }

    private static String allowedHeaders(HttpResponse<byte[]> response) {
        if (response == null) {
            return "";
        }
        String shown = response.headers().entrySet().stream()
                .filter(e -> e.getKey() != null && LOGGED_HEADERS.contains(e.getKey().toLowerCase(Locale.ROOT)))
                .map(e -> e.getKey() + "=" + String.join(",", e.getValue()))
                .collect(Collectors.joining(", "));
        return shown.isEmpty() ? "" : " [" + shown + "]";
    }

    /** A body without the key in any form, should a server echo it back (every body: they are quoted in exceptions). */
    private byte[] mask(byte[] body) {
        return secretMask.mask(body);
    }

    private String mask(String text) {
        return secretMask.mask(text);
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
