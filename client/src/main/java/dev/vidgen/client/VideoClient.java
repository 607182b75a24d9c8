package dev.vidgen.client;

import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.internal.CallerWaits;
import dev.vidgen.client.internal.Calls;
import dev.vidgen.client.await.TaskAwaiter;
import dev.vidgen.client.download.ResultDownloader;
import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.observe.CallSpan;
import dev.vidgen.client.observe.ClientCall;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.observe.Observed;
import dev.vidgen.client.observe.TaskEvent;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.RequestValidator;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.time.Scheduler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The facade users call: validate, submit, get, await and download video generation tasks.
 *
 * <pre>{@code
 * try (VideoClient client = VideoClient.builder().apiKey("sk-...").build()) {
 *     VideoTask done = client.submitAndAwait(VeoReferenceRequest.builder(VeoModel.FAST)
 *             .prompt("A fox running through snow").referenceImage("https://example.com/fox.png").build());
 *     client.download(done, 0, Path.of("fox.mp4"));
 * }
 * }</pre>
 *
 * <p>Every request is validated before any I/O: a request that breaks a rule throws one
 * {@link RequestValidationException} listing every violation, and nothing is sent. The async forms
 * report every failure through their future. Timeouts: see {@link ClientConfig} for the
 * precedence of connect, attempt, call and wait timeouts.
 *
 * <p>Thread-safe. Close it to release what it created (its transport, its scheduler thread, its
 * validator factory); a transport, task port or scheduler given to the builder is left open for
 * its owner to close.
 */
public final class VideoClient implements AutoCloseable {

    /** Rule id of a request whose model no family of this client knows. */
    public static final String RULE_MODEL_REGISTERED = "client.model.registered";

    private static final Logger LOG = LoggerFactory.getLogger(VideoClient.class);

    private final ModelCatalog catalog;
    private final RequestValidator validator;
    private final TaskSubmissionPort port;
    private final TaskAwaiter awaiter;
    private final Supplier<ResultDownloader> downloader;
    private final List<AutoCloseable> owned;
    private final ClientObserver observer;
    private volatile boolean closed;

    VideoClient(ModelCatalog catalog, RequestValidator validator, TaskSubmissionPort port, Scheduler scheduler,
                Supplier<ResultDownloader> downloader, List<AutoCloseable> owned, ClientObserver observer) {
        this.catalog = catalog;
        this.validator = validator;
        this.port = port;
        this.downloader = downloader;
        this.owned = List.copyOf(owned);
        this.observer = ClientObserver.safe(observer);
        this.awaiter = new TaskAwaiter(port, scheduler,
                error -> error instanceof ApiException api ? api.retryAfter() : Optional.empty(),
                () -> ThreadLocalRandom.current().nextDouble(), this.observer);
    }

    /** A builder for use without Guice. */
    public static VideoClientBuilder builder() {
        return new VideoClientBuilder();
    }

    /**
     * Validates locally, without I/O; returns every violation of the rules in force (empty when
     * the request may be sent), including a model no registered family knows
     * ({@value #RULE_MODEL_REGISTERED}).
     */
    public List<Violation> validate(VideoRequest request) {
        List<Violation> violations = new ArrayList<>(validator.validate(request));
        if (request != null && !isRegistered(request)) {
            violations.add(new Violation(RULE_MODEL_REGISTERED, "model", request.modelId(), (request.modelId() == null
                    ? "the " + request.getClass().getSimpleName() + " names no model and its type is"
                    : "model '" + request.modelId() + "' is")
                    + " not registered with this client (known: " + String.join(", ", catalog.modelIds())
                    + "); add its family with addFamily(...) or a Guice Multibinder"));
        }
        return violations;
    }

    /**
     * Whether a family of this client owns the request: by its model id, or, when it names none
     * (its own rules then report the missing model), by its request type.
     */
    private boolean isRegistered(VideoRequest request) {
        if (request.modelId() != null) {
            return catalog.familyOf(request.modelId()).isPresent();
        }
        return catalog.families().stream().anyMatch(f -> f.requestType().isInstance(request));
    }

    /**
     * Validates, then submits; returns the new task as the server first described it.
     *
     * @throws RequestValidationException when the request breaks a rule (nothing is sent)
     * @throws dev.vidgen.client.error.VidgenException for any other failure; check
     *         {@link dev.vidgen.client.error.VidgenException#taskMayHaveBeenCreated()} before submitting again
     */
    public VideoTask submit(VideoRequest request) {
        return submit(request, CallOptions.defaults());
    }

    /** {@link #submit(VideoRequest)} with per-call options (they win over the client's defaults). */
    public VideoTask submit(VideoRequest request, CallOptions options) {
        return TaskSubmissionPort.Futures.join(CallerWaits.start(() -> submitAsync(request, options)));
    }

    /** Async {@link #submit(VideoRequest)}; validation failures complete the future exceptionally. */
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request) {
        return submitAsync(request, CallOptions.defaults());
    }

    /** Async {@link #submit(VideoRequest, CallOptions)}. */
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallOptions options) {
        return submitAsync(request, options, null);
    }

    private CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallOptions options, CallSpan parent) {
        String model = request == null ? null : request.modelId();
        return Observed.call(observer, new ClientCall(ClientCall.SUBMIT, model, null, parent), span -> whileOpen(() -> {
            List<Violation> violations = validate(request);
            if (!violations.isEmpty()) {
                throw new RequestValidationException(violations);
            }
            if (LOG.isDebugEnabled()) {
                String prompt = request.prompt() == null ? "" : request.prompt();
                LOG.debug("submitting a {} request, prompt: {}", request.modelId(), prompt.length() > 120 ? prompt.substring(0, 120) + "..." : prompt);
            }
            CompletableFuture<VideoTask> sent = port.submitAsync(request, Calls.toPort(options));
            return observer == ClientObserver.NOOP ? sent
                    : Observed.beforeCompletion(sent, task -> observer.taskEvent(TaskEvent.submitted(task.id(), model)));
        }));
    }

    /** Fetches a task's current state. */
    public VideoTask get(TaskId id) {
        return get(id, CallOptions.defaults());
    }

    /** {@link #get(TaskId)} with per-call options, for example {@code sync_upstream}. */
    public VideoTask get(TaskId id, CallOptions options) {
        return TaskSubmissionPort.Futures.join(CallerWaits.start(() -> getAsync(id, options)));
    }

    /** Async {@link #get(TaskId)}. */
    public CompletableFuture<VideoTask> getAsync(TaskId id) {
        return getAsync(id, CallOptions.defaults());
    }

    /** Async {@link #get(TaskId, CallOptions)}. */
    public CompletableFuture<VideoTask> getAsync(TaskId id, CallOptions options) {
        return Observed.call(observer, new ClientCall(ClientCall.GET, null, id, null), span -> whileOpen(
                () -> port.fetchAsync(Objects.requireNonNull(id, "id"), Calls.toPort(options))));
    }

    /** {@link #await(TaskId, AwaitOptions)} with {@link AwaitOptions#defaults()}. */
    public VideoTask await(TaskId id) {
        return await(id, AwaitOptions.defaults());
    }

    /**
     * Waits for the task to complete and returns its final snapshot.
     *
     * @throws dev.vidgen.client.error.TaskFailedException   the task ended failed or cancelled
     * @throws dev.vidgen.client.error.AwaitTimeoutException the wait's deadline passed (the task goes on; await it again)
     * @throws java.util.concurrent.CancellationException    the thread was interrupted (the flag is kept)
     */
    public VideoTask await(TaskId id, AwaitOptions options) {
        return TaskSubmissionPort.Futures.join(awaitAsync(id, options));
    }

    /** Async {@link #await(TaskId, AwaitOptions)}; cancelling the future stops polling. */
    public CompletableFuture<VideoTask> awaitAsync(TaskId id, AwaitOptions options) {
        return Observed.call(observer, new ClientCall(ClientCall.AWAIT, null, id, null),
                span -> whileOpen(() -> awaiter.await(id, options == null ? AwaitOptions.defaults() : options)));
    }

    /** {@link #submitAndAwait(VideoRequest, AwaitOptions)} with {@link AwaitOptions#defaults()}. */
    public VideoTask submitAndAwait(VideoRequest request) {
        return submitAndAwait(request, AwaitOptions.defaults());
    }

    /** Submits, then awaits: the first poll is timed from the submit answer's {@code estimated_time}. */
    public VideoTask submitAndAwait(VideoRequest request, AwaitOptions options) {
        return TaskSubmissionPort.Futures.join(submitAndAwaitAsync(request, options));
    }

    /** Async {@link #submitAndAwait}; cancelling the future cancels the submit or stops the polling, whichever is under way. */
    public CompletableFuture<VideoTask> submitAndAwaitAsync(VideoRequest request, AwaitOptions options) {
        String model = request == null ? null : request.modelId();
        return Observed.call(observer, new ClientCall(ClientCall.SUBMIT_AND_AWAIT, model, null, null),
                parent -> submitAndAwait(request, options, parent));
    }

    private CompletableFuture<VideoTask> submitAndAwait(VideoRequest request, AwaitOptions options, CallSpan parent) {
        String model = request == null ? null : request.modelId();
        AwaitOptions o = options == null ? AwaitOptions.defaults() : options;
        CompletableFuture<VideoTask> result = new CompletableFuture<>();
        CompletableFuture<VideoTask> submitted = submitAsync(request, CallOptions.defaults(), parent);
        result.whenComplete((t, e) -> submitted.cancel(true));
        submitted.whenComplete((task, error) -> {
            if (error != null) {
                result.completeExceptionally(unwrap(error));
                return;
            }
            CompletableFuture<VideoTask> waiting;
            try {
                ensureOpen();
                parent.identify(task.id(), model);
                waiting = Observed.call(observer, new ClientCall(ClientCall.AWAIT, model, task.id(), parent), span -> awaiter.await(task, o));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
                return;
            }
            result.whenComplete((t, e) -> waiting.cancel(true));
            waiting.whenComplete((done, failure) -> {
                if (failure != null) {
                    result.completeExceptionally(unwrap(failure));
                } else {
                    result.complete(done);
                }
            });
        });
        return result;
    }

    /**
     * Downloads result {@code index} of a completed task to {@code target} through a temporary file
     * and an atomic move, so no partial file is left behind. Result URLs must be https (plain http
     * only to a loopback host).
     *
     * @return {@code target}
     * @throws dev.vidgen.client.error.ResultExpiredException the URL answered 403, 404 or 410 (results live 24 hours)
     */
    public Path download(VideoTask task, int index, Path target) {
        return Observed.run(observer, downloadCall(task), () -> {
            ensureOpen();
            return downloader.get().download(task, index, target);
        });
    }

    /**
     * {@link #download(VideoTask, int, Path)} within these limits (total deadline, size cap).
     *
     * @throws dev.vidgen.client.download.DownloadLimitException a limit ended the download; nothing was saved
     */
    public Path download(VideoTask task, int index, Path target, dev.vidgen.client.download.DownloadOptions options) {
        ensureOpen();
        return downloader.get().download(task, index, target, options);
    }

    /** {@link #download} completing on {@code executor}; cancelling the future stops the transfer. */
    public CompletableFuture<Path> downloadAsync(VideoTask task, int index, Path target, Executor executor) {
        return Observed.call(observer, downloadCall(task), span -> whileOpen(() -> downloader.get().downloadAsync(task, index, target, executor)));
    }

    private static ClientCall downloadCall(VideoTask task) {
        return new ClientCall(ClientCall.DOWNLOAD, task == null ? null : task.model(), task == null ? null : task.id(), null);
    }

    /** {@link #download(VideoTask, int, Path, dev.vidgen.client.download.DownloadOptions)} without blocking; cancelling stops the transfer. */
    public CompletableFuture<Path> downloadAsync(VideoTask task, int index, Path target, dev.vidgen.client.download.DownloadOptions options) {
        return whileOpen(() -> downloader.get().downloadAsync(task, index, target, options));
    }

    /** The model families and their capability tables. */
    public ModelCatalog models() {
        return catalog;
    }

    /** Closes what this client created (transport, scheduler, validator factory), once. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        RuntimeException first = null;
        for (int i = owned.size() - 1; i >= 0; i--) {
            try {
                owned.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = new IllegalStateException("closing the client failed: " + e.getMessage(), e);
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    /** Starts an async call on an open client; any failure to start completes the future instead of throwing. */
    private <T> CompletableFuture<T> whileOpen(Supplier<CompletableFuture<T>> call) {
        try {
            ensureOpen();
            return call.get();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("the VideoClient is closed");
        }
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof java.util.concurrent.CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
