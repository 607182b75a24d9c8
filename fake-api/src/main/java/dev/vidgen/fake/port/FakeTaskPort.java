package dev.vidgen.fake.port;

import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.Usage;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.fake.FakeSettings;
import dev.vidgen.fake.FakeTasks;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.internal.ApiErrors;
import dev.vidgen.fake.internal.FakeTask;
import dev.vidgen.fake.internal.TaskModel;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory {@link TaskSubmissionPort}: no HTTP, no threads. Every submitted request is checked
 * with the domain's rules (a bad one fails with {@link RequestValidationException}, as the real
 * client would, and creates no task); tasks follow scripted {@link Lifecycle}s per model or per
 * request; tests read back what was submitted and how often each task was fetched.
 *
 * <p>Futures complete before the call returns, on the calling thread, so a client driven by a
 * {@code VirtualTime} runs entirely on the thread that advances the time. The lifecycles' default
 * estimates are short, so a client in real time polls again at once (see {@link Lifecycle#QUICK_ESTIMATE}).
 *
 * <pre>{@code
 * FakeTaskPort port = FakeTaskPort.builder().clock(virtualTime)
 *         .defaultLifecycle(Lifecycle.builder().pending().processing(30).processing(70).completedAfterPolls(4))
 *         .build();
 * port.lifecycle(KlingReferenceRequest.MODEL_ID, Lifecycle.builder().processing(10).failed("generation_failed"));
 * }</pre>
 *
 * <p>Thread-safe.
 */
public final class FakeTaskPort extends FakeTasks<FakeTaskPort> implements TaskSubmissionPort {

    /** The fetch log keeps at most this many fetches (the counters keep counting), so long simulations stay bounded. */
    public static final int MAX_RECORDED_FETCHES = 100_000;

    /**
     * One fetch as the port saw it.
     *
     * @param id      the task id asked for
     * @param number  the how-many-th fetch of this id it was, from 1
     * @param at      when, on the port's clock
     * @param options the call options given
     * @param future  the answer the port returned (completed at once, unless a responder returned another)
     */
    public record Fetch(TaskId id, int number, Instant at, CallSettings options, CompletableFuture<VideoTask> future) {
    }

    /**
     * Answers fetches in place of the lifecycles, for tests of a client's polling that need exact
     * snapshots (any status, progress or estimate), failures, or an answer that never comes.
     */
    @FunctionalInterface
    public interface FetchResponder {
        /** The answer to fetch number {@code number} (from 1) of {@code id}, made at {@code at}. */
        CompletableFuture<VideoTask> answer(TaskId id, int number, Instant at, CallSettings options);
    }

    /** The default lifecycle: pending, processing 30%, processing 70%, completed at the fourth fetch. */
    public static final Lifecycle DEFAULT_LIFECYCLE = Lifecycle.builder().pending().processing(30).processing(70).completed();

    private final URI resultBaseUrl;
    private final FetchResponder responder;
    private final List<Fetch> fetchLog = new ArrayList<>();
    private final Map<TaskId, AtomicInteger> fetchNumbers = new ConcurrentHashMap<>();
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private final ConcurrentLinkedQueue<RuntimeException> submitFailures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RuntimeException> fetchFailures = new ConcurrentLinkedQueue<>();

    /** A port with the defaults: the installed model families, every rule on, the system clock, {@link #DEFAULT_LIFECYCLE}. */
    public FakeTaskPort() {
        this(builder());
    }

    private FakeTaskPort(Builder b) {
        super(b.model());
        this.resultBaseUrl = b.resultBaseUrl;
        this.responder = b.responder;
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    protected FakeTaskPort self() {
        return this;
    }

    // ---- the port ----

    @Override
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallSettings options) {
        submits.incrementAndGet();
        RuntimeException scripted = submitFailures.poll();
        if (scripted != null) {
            return CompletableFuture.failedFuture(scripted);
        }
        List<Violation> violations = tasks.rules().validate(request);
        if (!violations.isEmpty()) {
            return CompletableFuture.failedFuture(new RequestValidationException(violations));
        }
        if (tasks.rules().catalog().familyOf(request.modelId()).isEmpty()) {
            return CompletableFuture.failedFuture(tasks.rules().codec().decodeError(422, ApiErrors.bytes("invalid_request_error",
                    "model_not_supported", "model '" + request.modelId() + "' is not supported"), false));
        }
        FakeTask task = tasks.create(request, null);
        return CompletableFuture.completedFuture(new VideoTask(task.id(), request.modelId(), TaskStatus.PENDING, 0,
                task.lifecycle().estimatedTime(), List.of(), null, null, created(task), tasks.now()));
    }

    @Override
    public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
        Objects.requireNonNull(id, "id");
        fetches.incrementAndGet();
        int number = fetchNumbers.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        Instant at = tasks.now();
        CompletableFuture<VideoTask> answer = answer(id, number, at, options);
        synchronized (fetchLog) {
            if (fetchLog.size() < MAX_RECORDED_FETCHES) {
                fetchLog.add(new Fetch(id, number, at, options, answer));
            }
        }
        return answer;
    }

    private CompletableFuture<VideoTask> answer(TaskId id, int number, Instant at, CallSettings options) {
        RuntimeException scripted = fetchFailures.poll();
        if (scripted != null) {
            return CompletableFuture.failedFuture(scripted);
        }
        if (responder != null) {
            return Objects.requireNonNull(responder.answer(id, number, at, options), "the responder answered null");
        }
        Optional<FakeTask> task = tasks.find(id.value());
        if (task.isEmpty()) {
            return CompletableFuture.failedFuture(tasks.rules().codec().decodeError(404,
                    ApiErrors.bytes("not_found", null, "task " + id + " does not exist"), false));
        }
        return CompletableFuture.completedFuture(fetch(task.get()));
    }

    private VideoTask fetch(FakeTask task) {
        Instant now = tasks.now();
        Lifecycle.Snapshot s = task.query(now);
        List<TaskResult> results = new ArrayList<>();
        if (s.outcome() == Lifecycle.Outcome.COMPLETED) {
            for (int i = 0; i < task.lifecycle().resultCount(); i++) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("width", 1280);
                extra.put("height", 720);
                results.add(new TaskResult(resultBaseUrl.resolve(task.id().value() + "/" + i + ".mp4"), extra));
            }
        }
        return new VideoTask(task.id(), task.request().modelId(), TaskStatus.parse(s.status()), s.progress(),
                task.lifecycle().estimatedTime(), results, s.error(), new Usage(5L, "default", null), created(task), now);
    }

    /** The API reports {@code created} in whole seconds. */
    private static Instant created(FakeTask task) {
        return task.createdAt().truncatedTo(ChronoUnit.SECONDS);
    }

    // ---- scripting failures ----

    /**
     * The next submit (after those already scripted) fails with {@code failure} and creates no
     * task, for example a {@code RateLimitException} or a {@code ServerException} with
     * {@code taskMayHaveBeenCreated()}.
     */
    public FakeTaskPort failNextSubmit(RuntimeException failure) {
        submitFailures.add(Objects.requireNonNull(failure, "failure"));
        return this;
    }

    /** The next fetch (after those already scripted) fails with {@code failure}; the task's query count does not move. */
    public FakeTaskPort failNextFetch(RuntimeException failure) {
        fetchFailures.add(Objects.requireNonNull(failure, "failure"));
        return this;
    }

    // ---- reading back ----

    /** Submit calls, rejected and failed ones included. */
    public int submitCount() {
        return submits.get();
    }

    /** Fetch calls, any id, failed ones included. */
    public int fetchCount() {
        return fetches.get();
    }

    /** Every fetch so far (the first {@value #MAX_RECORDED_FETCHES}), in order. */
    public List<Fetch> fetches() {
        synchronized (fetchLog) {
            return List.copyOf(fetchLog);
        }
    }

    /** The fetches of one task id, in order. */
    public List<Fetch> fetchesOf(TaskId id) {
        return fetches().stream().filter(f -> f.id().equals(id)).toList();
    }

    /** Fetches that reached the task {@code id}. */
    public int fetchCount(TaskId id) {
        return tasks.find(id.value()).map(FakeTask::queries).orElse(0);
    }

    /** The request that created task {@code id}. */
    public Optional<VideoRequest> requestOf(TaskId id) {
        return tasks.find(id.value()).map(FakeTask::request);
    }

    /** Forgets every task, request, count and scripted failure, and restores the lifecycles the builder set. */
    public void reset() {
        tasks.reset();
        synchronized (fetchLog) {
            fetchLog.clear();
        }
        fetchNumbers.clear();
        submits.set(0);
        fetches.set(0);
        submitFailures.clear();
        fetchFailures.clear();
    }

    @Override
    public String toString() {
        return "FakeTaskPort[tasks=" + tasks.size() + ", submits=" + submits.get() + ", fetches=" + fetches.get() + "]";
    }

    /** Configures a {@link FakeTaskPort}: the shared settings of {@link FakeSettings}, plus where result URLs point. */
    public static final class Builder extends FakeSettings<Builder> {
        private URI resultBaseUrl = URI.create("https://results.vidgen.invalid/");
        private FetchResponder responder;

        private Builder() {
            super(DEFAULT_LIFECYCLE);
        }

        @Override
        protected Builder self() {
            return this;
        }

        /**
         * Where result URLs point: {@code {base}{task id}/{n}.mp4}. Default
         * {@code https://results.vidgen.invalid/} (a name that never resolves: this fake serves no
         * files; use the {@code FakeVideoApi} to test downloads).
         */
        public Builder resultBaseUrl(URI base) {
            String s = Objects.requireNonNull(base, "base").toString();
            this.resultBaseUrl = URI.create(s.endsWith("/") ? s : s + "/");
            return this;
        }

        /**
         * Fetches are answered by {@code responder} instead of the lifecycles (ids need not have
         * been submitted); scripted fetch failures still come first, and every fetch is recorded.
         */
        public Builder answerFetches(FetchResponder responder) {
            this.responder = Objects.requireNonNull(responder, "responder");
            return this;
        }

        private TaskModel model() {
            return newTaskModel();
        }

        /** Builds the port. */
        public FakeTaskPort build() {
            return new FakeTaskPort(this);
        }
    }
}
