package dev.vidgen.cli;

import dev.vidgen.client.ApiKey;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.VideoClientBuilder;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.await.ProgressListener;
import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.client.CallOptions;
import dev.vidgen.fake.server.FakeVideoApi;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * One run's connection to the API: a {@link VideoClient} on the configured API, or on the embedded
 * fake API when neither a key nor a base URL is configured. Closing it closes both. Its calls take
 * a {@link Deadline}: each gets the time left as its call timeout and is abandoned, whatever the
 * library does, shortly after the deadline.
 */
final class Session implements AutoCloseable {

    /** The environment variable holding the base URL. */
    static final String BASE_URL_ENV = "FOXAPI_BASE_URL";

    /** How long after its deadline a call is abandoned: the library's own timeout, with its better message, ends it first. */
    private static final Duration GRACE = Duration.ofSeconds(1);

    private final VideoClient client;
    private final FakeVideoApi fake;

    private Session(VideoClient client, FakeVideoApi fake) {
        this.client = client;
        this.fake = fake;
    }

    /**
     * Opens a session as the options and environment say; starts the embedded fake (and says so in
     * one line on {@code err}) when neither a key nor a base URL is given.
     */
    static Session open(VidgenCli root, ApiOptions api) {
        CliContext ctx = root.context();
        PrintWriter err = root.err();
        String key = firstNonBlank(firstNonBlank(api.apiKey, root.apiKey), ctx.envValue(ApiKey.ENV_VAR));
        String baseUrl = firstNonBlank(firstNonBlank(api.baseUrl, root.baseUrl), ctx.envValue(BASE_URL_ENV));
        VidgenCli.Transport transport = api.transport != null ? api.transport : root.transport;
        if (key == null && baseUrl == null) {
            FakeVideoApi fake = ctx.fakeApis().start(0, ctx.embeddedTaskDuration(), false);
            err.println("note: no FOXAPI_API_KEY or FOXAPI_BASE_URL set: using the embedded fake API at " + fake.baseUrl()
                    + " (nothing is sent to foxapi)");
            err.flush();
            root.onEmbeddedFake = true;
            return onFake(transport, fake);
        }
        if (key == null) {
            throw CliException.usage("a base URL is set but no API key: set FOXAPI_API_KEY or --api-key"
                    + " (vidgen fake-server accepts any key)");
        }
        VideoClientBuilder b = builder(transport).apiKey(key);
        if (baseUrl != null) {
            b.baseUrl(baseUrl);
        }
        return new Session(b.build(), null);
    }

    /** A session on a fake API started by the caller; the session closes the fake. */
    static Session onFake(VidgenCli.Transport transport, FakeVideoApi fake) {
        try {
            // the fake answers at once: a stuck answer should fail in seconds, not after the real API's minute
            VideoClient client = builder(transport).baseUrl(fake.baseUrl()).apiKey(fake.apiKey())
                    .attemptTimeout(Duration.ofSeconds(10)).callTimeout(Duration.ofSeconds(30)).build();
            return new Session(client, fake);
        } catch (RuntimeException e) {
            fake.close();
            throw e;
        }
    }

    private static VideoClientBuilder builder(VidgenCli.Transport transport) {
        VideoClientBuilder b = VideoClient.builder();
        if (transport != null) {
            b.transportName(transport.providerName());
        }
        return b;
    }

    /**
     * Submits within {@code deadline} ({@code null}: the client's own timeouts only).
     *
     * @throws CliException (exit 3) when the deadline passes first, saying that a task may have been created
     */
    VideoTask submit(VideoRequest request, Deadline deadline) {
        if (deadline == null) {
            return client.submit(request);
        }
        CallOptions options = CallOptions.builder().callTimeout(deadline.remainingForCall()).build();
        return bounded(client.submitAsync(request, options), deadline, cause -> new CliException(ExitCode.API_ERROR,
                "no answer to the submit within " + deadline.describe() + "; a task may have been created anyway:"
                        + " check before submitting again", cause));
    }

    /** Reads a task within {@code deadline}; a CLI error (exit 3) when the deadline passes first. */
    VideoTask get(TaskId id, CallOptions options, Deadline deadline) {
        Duration left = deadline.remainingForCall();
        CallOptions.Builder bounded = options.toBuilder().callTimeout(left);
        if (options.attemptTimeout().map(a -> a.compareTo(left) > 0).orElse(true)) {
            bounded.attemptTimeout(left);
        }
        return bounded(client.getAsync(id, bounded.build()), deadline, cause -> new CliException(ExitCode.API_ERROR,
                "no answer from the API about task " + Printable.text(id.value()) + " within " + deadline.describe()
                        + "; try again, or give a longer --timeout", cause));
    }

    /** Waits for a task until {@code deadline}; then {@link AwaitTimeoutException} as the client throws it. */
    VideoTask await(TaskId id, Deadline deadline, ProgressListener listener) {
        AwaitOptions options = awaitOptions(deadline.remainingForCall(), listener);
        Duration allowance = options.minInterval().compareTo(GRACE) > 0 ? options.minInterval() : GRACE;
        // the client's own AwaitTimeoutException (with the last status seen) is kept as it is
        return bounded(client.awaitAsync(id, options), deadline, allowance, false,
                cause -> new AwaitTimeoutException(id, null, deadline.budget()));
    }

    /**
     * Downloads result {@code index} to {@code target} within {@code deadline}, on a thread of its
     * own that is interrupted when the deadline passes.
     */
    Path download(VideoTask task, int index, Path target, Deadline deadline) {
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vidgen-download");
            t.setDaemon(true);
            return t;
        });
        try {
            return bounded(client.downloadAsync(task, index, target, thread), deadline, cause -> new CliException(ExitCode.API_ERROR,
                    "the download of task " + Printable.text(task.id().value()) + " did not finish within " + deadline.describe()
                            + "; nothing was saved to " + target + "; try again with a longer --timeout", cause));
        } finally {
            thread.shutdownNow();
            try {
                // let the interrupted download remove its part file before the process ends
                thread.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static <T> T bounded(CompletableFuture<T> call, Deadline deadline,
                                 Function<Throwable, ? extends RuntimeException> onTimeout) {
        return bounded(call, deadline, GRACE, true, onTimeout);
    }

    /**
     * The call's result, or {@code onTimeout}'s exception when the deadline (plus {@code allowance})
     * passes first, or, with {@code failureAfterDeadlineIsTimeout}, when the call failed because
     * the deadline had passed (the library's own timeout, given the time left, ended it: the user
     * should hear about {@code --timeout}, with the library's error as the cause).
     */
    private static <T> T bounded(CompletableFuture<T> call, Deadline deadline, Duration allowance, boolean failureAfterDeadlineIsTimeout,
                                 Function<Throwable, ? extends RuntimeException> onTimeout) {
        try {
            return call.get(deadline.remaining().plus(allowance).toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw onTimeout.apply(null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (failureAfterDeadlineIsTimeout && deadline.remaining().isZero()
                    && !(cause instanceof dev.vidgen.client.error.ApiException)) {
                throw onTimeout.apply(cause);
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
    }

    /** The client. */
    VideoClient client() {
        return client;
    }

    /** Whether this session runs on the embedded fake API. */
    boolean embedded() {
        return fake != null;
    }

    /**
     * How to wait: the deadline, the progress listener, and polls suited to the API: the embedded
     * fake's short tasks are polled often so that the progress is visible.
     */
    AwaitOptions awaitOptions(Duration timeout, ProgressListener listener) {
        AwaitOptions.Builder b = AwaitOptions.builder().listener(listener);
        if (timeout != null) {
            b.timeout(timeout);
        }
        if (fake != null) {
            b.minInterval(Duration.ofMillis(200)).maxInterval(Duration.ofSeconds(1));
        } else {
            b.maxInterval(Duration.ofSeconds(10));
        }
        AwaitOptions o = b.build();
        if (o.minInterval().compareTo(o.timeout()) > 0) {
            // a deadline shorter than the shortest poll interval: still poll before it
            o = o.toBuilder().minInterval(o.timeout()).build();
        }
        return o;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            if (fake != null) {
                fake.close();
            }
        }
    }

    static String firstNonBlank(String a, String b) {
        if (a != null && !a.isBlank()) {
            return a.strip();
        }
        return b == null || b.isBlank() ? null : b.strip();
    }
}
