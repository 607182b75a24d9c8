package dev.vidgen.client.download;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.ResultExpiredException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.retry.RetryAfter;
import dev.vidgen.client.retry.RetryEngine;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodySink;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.ResponseHead;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.time.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One download call on the client's {@link RetryEngine}: each attempt is a GET (following
 * redirects itself, without credentials) whose 2xx body goes into a fresh part file; the winning
 * part file is moved over the target, every other one is deleted, also when an attempt cut off by
 * the deadline or a cancellation delivers its bytes late.
 */
final class DownloadRun {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> GONE = Set.of(403, 404, 410);
    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);
    /** The longest {@code Retry-After} a download honours (a result URL lives 24 hours, a person waits less). */
    static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);

    private final HttpTransport transport;
    private final Scheduler scheduler;
    private final TaskId task;
    private final URI url;
    private final Path target;
    private final String what;
    private final DownloadOptions options;
    private final Consumer<URI> allowed;
    private final DownloadEvents events;
    private final int maxAttempts;
    private final AtomicInteger lastStatus = new AtomicInteger();
    private final List<Path> parts = new ArrayList<>(); // guarded by this
    private final AtomicLong received = new AtomicLong();
    private final AtomicInteger attempts = new AtomicInteger();
    private boolean ended; // guarded by this
    private Instant deadline;

    DownloadRun(HttpTransport transport, Scheduler scheduler, TaskId task, URI url, Path target, String what,
                DownloadOptions options, Consumer<URI> allowed, DownloadEvents events, int maxAttempts) {
        this.transport = transport;
        this.scheduler = scheduler;
        this.task = task;
        this.url = url;
        this.target = target;
        this.what = what;
        this.options = options;
        this.allowed = allowed;
        this.events = events;
        this.maxAttempts = maxAttempts;
    }

    /** Runs the call; the future completes with the target or the error that ended it. */
    CompletableFuture<Path> start(RetryEngine engine) {
        deadline = RetryEngine.after(scheduler.now(), options.timeout());
        CompletableFuture<Path> done = engine.call(RetryEngine.Call.<Path>idempotent("download of " + what)
                .attemptTimeout(options.timeout()).callTimeout(options.timeout())
                .attempt((number, timeout) -> attempt(number, timeout))
                .deadlineError((made, inFlight, effect, last) -> deadlinePassed(last))
                .build());
        CompletableFuture<Path> result = new CompletableFuture<>();
        result.whenComplete((p, e) -> {
            if (result.isCancelled()) {
                done.cancel(true);
            }
        });
        done.whenComplete((part, error) -> {
            RuntimeException failure = null;
            try {
                if (error != null) {
                    throw describe(unwrap(error));
                }
                TargetPath.moveIntoPlace(part, target);
            } catch (RuntimeException e) {
                failure = e;
            }
            end(); // before the caller hears of the outcome: no part file is left when it looks
            if (failure != null) {
                result.completeExceptionally(failure);
            } else {
                result.complete(target);
            }
        });
        return result;
    }

    /** One attempt: the GET and its redirects, within {@code timeout}. */
    private CompletableFuture<Path> attempt(int number, Duration timeout) {
        attempts.set(number);
        lastStatus.set(0);
        long started = System.nanoTime();
        received.set(0);
        Instant attemptEnd = RetryEngine.after(scheduler.now(), timeout);
        CompletableFuture<Path> attempt = fetch(url, 0, attemptEnd);
        attempt.whenComplete((p, e) -> events.attempt(number, maxAttempts, lastStatus.get(), started));
        return attempt;
    }

    private CompletableFuture<Path> fetch(URI current, int redirects, Instant attemptEnd) {
        Duration left = Duration.between(scheduler.now(), attemptEnd);
        if (left.isNegative() || left.isZero()) {
            return CompletableFuture.failedFuture(deadlinePassed(null));
        }
        CompletableFuture<HttpResponse<Path>> exchange;
        try {
            exchange = transport.exchange(HttpRequest.get(current).withTimeout(left), this::open);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Path> outcome = exchange.thenCompose(r -> answered(r, current, redirects, attemptEnd));
        // cancelling the attempt (deadline, caller) aborts the exchange
        outcome.whenComplete((p, e) -> {
            if (outcome.isCancelled()) {
                exchange.cancel(true);
            }
        });
        return outcome;
    }

    private CompletableFuture<Path> answered(HttpResponse<Path> r, URI current, int redirects, Instant attemptEnd) {
        int status = r.status();
        lastStatus.set(status);
        if (status >= 200 && status <= 299) {
            return CompletableFuture.completedFuture(r.body());
        }
        if (REDIRECTS.contains(status)) {
            if (redirects == ResultDownloader.MAX_REDIRECTS) {
                throw new VidgenException("download of " + what + " failed: more than " + ResultDownloader.MAX_REDIRECTS
                        + " redirects, starting at " + ResultDownloader.describe(url), null, false);
            }
            String location = r.header("Location").orElseThrow(() -> new VidgenException("download of " + what
                    + " failed: HTTP " + status + " from " + ResultDownloader.describe(current) + " without a Location header", null, false));
            URI next;
            try {
                next = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new VidgenException("download of " + what + " failed: redirect to an invalid URL", e, false);
            }
            allowed.accept(next);
            return fetch(next, redirects + 1, attemptEnd);
        }
        if (GONE.contains(status)) {
            throw new ResultExpiredException(task, status);
        }
        if (RETRIED.contains(status)) {
            Duration wait = r.header("Retry-After").flatMap(h -> RetryAfter.parse(h, scheduler.now()))
                    .map(d -> d.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : d).orElse(null);
            throw new ApiException(status, null, null, "download of " + what + " from " + ResultDownloader.describe(url),
                    null, false, wait);
        }
        throw new VidgenException("download of " + what + " from " + ResultDownloader.describe(url) + " failed: HTTP " + status, null, false);
    }

    /** The body of one response: a 2xx into a new part file, anything else not read at all. */
    private BodySink<Path> open(ResponseHead head) {
        if (!head.isSuccess()) {
            return new Nothing();
        }
        String type = head.header("Content-Type").orElse("").strip().toLowerCase(Locale.ROOT);
        if (type.startsWith("text/html") || type.startsWith("application/xhtml")) {
            throw new VidgenException("refusing to save " + what + ": the server answered " + head.status()
                    + " with Content-Type text/html (an error page, not a video)", null, false);
        }
        long announced = head.header("Content-Length").map(DownloadRun::parseLength).orElse(-1L);
        if (announced > options.maxBytes()) {
            throw sizeLimit(what, options.maxBytes(), 0);
        }
        Path part;
        synchronized (this) {
            if (ended) { // a late answer of an attempt the call no longer waits for
                throw new java.util.concurrent.CancellationException("the download of " + what + " has ended");
            }
            try {
                part = PartFiles.create(target);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a partial download beside " + target + ": " + e.getMessage(), e);
            }
            parts.add(part);
        }
        return new FileSink(part, options.maxBytes(), what, received::set);
    }

    private static long parseLength(String v) {
        try {
            return Long.parseLong(v.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The call is over: every part file but the one moved into place goes. */
    private void end() {
        List<Path> left;
        synchronized (this) {
            ended = true;
            left = List.copyOf(parts);
        }
        left.forEach(PartFiles::delete); // the moved one is gone already: deleteIfExists finds nothing
    }

    /** The error the caller sees, naming the result, the host, the attempts and which limit ended it. */
    private RuntimeException describe(Throwable e) {
        if (e instanceof DownloadLimitException || e instanceof ResultExpiredException
                || e instanceof java.util.concurrent.CancellationException || e instanceof IllegalArgumentException
                || e instanceof UncheckedIOException) {
            return (RuntimeException) e;
        }
        if (e instanceof TransportException te && te.kind() == TransportException.Kind.TIMEOUT
                && !scheduler.now().isBefore(deadline.minusMillis(100))) {
            return deadlinePassed(te); // the attempt had all the time left: the deadline ended it
        }
        int made = attempts.get();
        String after = " after " + made + (made == 1 ? " attempt: " : " attempts: ");
        if (e instanceof ApiException api) {
            return new VidgenException("download of " + what + " from " + ResultDownloader.describe(url) + " failed" + after
                    + "HTTP " + api.httpStatus(), api, false);
        }
        if (e instanceof TransportException te) {
            return new TransportIoException("download of " + what + " from " + ResultDownloader.describe(url) + " failed" + after
                    + te.getMessage() + " (" + received.get() + " bytes had arrived)", te, false);
        }
        if (e instanceof RuntimeException re) {
            return re;
        }
        return new VidgenException("download of " + what + " failed: " + e, e, false);
    }

    private DownloadLimitException deadlinePassed(Throwable last) {
        long bytes = received.get();
        return new DownloadLimitException("download of " + what + " from " + ResultDownloader.describe(url)
                + " did not finish within its deadline of " + options.timeout() + " (DownloadOptions.timeout); "
                + bytes + " bytes had arrived; nothing was saved", DownloadLimitException.Limit.DEADLINE, bytes, last);
    }

    static DownloadLimitException sizeLimit(String what, long max, long bytes) {
        return new DownloadLimitException("download of " + what + " stopped at the size limit of " + max
                + " bytes (DownloadOptions.maxBytes); " + (bytes == 0 ? "the server announced more" : bytes + " bytes had arrived")
                + "; nothing was saved", DownloadLimitException.Limit.SIZE, bytes, null);
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** The body of an answer that is not a video: not read at all (the connection is closed). */
    private static final class Nothing implements BodySink<Path> {
        @Override
        public boolean write(ByteBuffer data) {
            return false;
        }

        @Override
        public Path finish() {
            return null;
        }
    }
}
