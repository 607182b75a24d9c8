package dev.vidgen.testkit.fake;

import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.Usage;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.ports.CallOptions;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.time.Scheduler;
import dev.vidgen.testkit.Lifecycle;
import dev.vidgen.testkit.internal.RequestRules;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An in-memory {@link TaskSubmissionPort}: no HTTP, no threads. Every submitted request is checked
 * with the domain's rules (a bad one fails with {@link RequestValidationException}, as the real
 * client would, and creates no task); tasks follow scripted {@link Lifecycle}s per model or per
 * request; tests read back what was submitted and how often each task was fetched.
 *
 * <p>Futures complete before the call returns, on the calling thread, so a client driven by a
 * {@code VirtualTime} runs entirely on the thread that advances the time.
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
public final class FakeTaskPort implements TaskSubmissionPort {

    /** The default lifecycle: pending, processing 30%, processing 70%, completed at the fourth fetch. */
    public static final Lifecycle DEFAULT_LIFECYCLE = Lifecycle.builder().pending().processing(30).processing(70).completed();

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final RequestRules rules;
    private final Supplier<Instant> clock;
    private final URI resultBaseUrl;
    private final Random ids;
    private final Lifecycle configuredDefault;
    private final Map<String, Lifecycle> configuredPerModel;

    private final Map<TaskId, Task> tasks = new ConcurrentHashMap<>();
    private final List<TaskId> created = Collections.synchronizedList(new ArrayList<>());
    private final List<VideoRequest> submitted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger submits = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private final ConcurrentLinkedQueue<Lifecycle> nextSubmits = new ConcurrentLinkedQueue<>();
    private final List<Map.Entry<Predicate<VideoRequest>, Lifecycle>> conditional = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Lifecycle> perModel = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<RuntimeException> submitFailures = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<RuntimeException> fetchFailures = new ConcurrentLinkedQueue<>();
    private volatile Lifecycle defaultLifecycle;

    /** A port with the defaults: the installed model families, every rule on, the system clock, {@link #DEFAULT_LIFECYCLE}. */
    public FakeTaskPort() {
        this(builder());
    }

    private FakeTaskPort(Builder b) {
        this.rules = new RequestRules(b.catalog != null ? b.catalog : ModelCatalog.loadInstalled(), b.policy);
        this.clock = b.clock;
        this.resultBaseUrl = b.resultBaseUrl;
        this.ids = b.seed == null ? new Random() : new Random(b.seed);
        this.configuredDefault = b.defaultLifecycle;
        this.configuredPerModel = Map.copyOf(b.perModel);
        this.defaultLifecycle = configuredDefault;
        this.perModel.putAll(configuredPerModel);
    }

    /** A builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    // ---- the port ----

    @Override
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallOptions options) {
        submits.incrementAndGet();
        RuntimeException scripted = submitFailures.poll();
        if (scripted != null) {
            return CompletableFuture.failedFuture(scripted);
        }
        List<Violation> violations = rules.validate(request);
        if (!violations.isEmpty()) {
            return CompletableFuture.failedFuture(new RequestValidationException(violations));
        }
        if (rules.catalog().familyOf(request.modelId()).isEmpty()) {
            return CompletableFuture.failedFuture(rules.codec().decodeError(422, errorBody("model '" + request.modelId()
                    + "' is not supported", "invalid_request_error", "model_not_supported"), false));
        }
        Task task = create(request);
        return CompletableFuture.completedFuture(task.submitAnswer());
    }

    @Override
    public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallOptions options) {
        Objects.requireNonNull(id, "id");
        fetches.incrementAndGet();
        RuntimeException scripted = fetchFailures.poll();
        if (scripted != null) {
            return CompletableFuture.failedFuture(scripted);
        }
        Task task = tasks.get(id);
        if (task == null) {
            return CompletableFuture.failedFuture(rules.codec().decodeError(404,
                    errorBody("task " + id + " does not exist", "not_found", null), false));
        }
        return CompletableFuture.completedFuture(task.fetch(clock.get()));
    }

    // ---- scripting ----

    /** Tasks without a more specific script follow {@code lifecycle}. */
    public FakeTaskPort defaultLifecycle(Lifecycle lifecycle) {
        this.defaultLifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        return this;
    }

    /** Tasks of {@code modelId} follow {@code lifecycle} (unless a per-request script applies). */
    public FakeTaskPort lifecycle(String modelId, Lifecycle lifecycle) {
        perModel.put(Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(lifecycle, "lifecycle"));
        return this;
    }

    /** Tasks whose request matches {@code condition} follow {@code lifecycle}; earlier conditions win. */
    public FakeTaskPort lifecycleWhen(Predicate<VideoRequest> condition, Lifecycle lifecycle) {
        conditional.add(Map.entry(Objects.requireNonNull(condition, "condition"), Objects.requireNonNull(lifecycle, "lifecycle")));
        return this;
    }

    /** The next accepted submit (after those already scripted) follows {@code lifecycle}. */
    public FakeTaskPort lifecycleForNextSubmit(Lifecycle lifecycle) {
        nextSubmits.add(Objects.requireNonNull(lifecycle, "lifecycle"));
        return this;
    }

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

    /** Every accepted request, in order. */
    public List<VideoRequest> submittedRequests() {
        synchronized (submitted) {
            return List.copyOf(submitted);
        }
    }

    /** The ids of every created task, in order. */
    public List<TaskId> createdTaskIds() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    /** Submit calls, rejected and failed ones included. */
    public int submitCount() {
        return submits.get();
    }

    /** Fetch calls, any id, failed ones included. */
    public int fetchCount() {
        return fetches.get();
    }

    /** Fetches that reached the task {@code id}. */
    public int fetchCount(TaskId id) {
        Task t = tasks.get(id);
        return t == null ? 0 : t.fetches.get();
    }

    /** The request that created task {@code id}. */
    public Optional<VideoRequest> requestOf(TaskId id) {
        return Optional.ofNullable(tasks.get(id)).map(t -> t.request);
    }

    /** Forgets every task, request, count and scripted failure, and restores the lifecycles the builder set. */
    public void reset() {
        tasks.clear();
        created.clear();
        submitted.clear();
        submits.set(0);
        fetches.set(0);
        nextSubmits.clear();
        conditional.clear();
        perModel.clear();
        perModel.putAll(configuredPerModel);
        submitFailures.clear();
        fetchFailures.clear();
        defaultLifecycle = configuredDefault;
    }

    @Override
    public String toString() {
        return "FakeTaskPort[tasks=" + tasks.size() + ", submits=" + submits.get() + ", fetches=" + fetches.get() + "]";
    }

    private Task create(VideoRequest request) {
        Instant now = clock.get();
        Lifecycle lifecycle = nextSubmits.poll();
        if (lifecycle == null) {
            synchronized (conditional) {
                lifecycle = conditional.stream().filter(e -> e.getKey().test(request)).map(Map.Entry::getValue).findFirst().orElse(null);
            }
        }
        if (lifecycle == null) {
            lifecycle = perModel.getOrDefault(request.modelId(), defaultLifecycle);
        }
        synchronized (ids) {
            TaskId id;
            do {
                StringBuilder suffix = new StringBuilder(8);
                for (int i = 0; i < 8; i++) {
                    suffix.append(ALNUM.charAt(ids.nextInt(ALNUM.length())));
                }
                id = TaskId.of("task-unified-" + now.getEpochSecond() + "-" + suffix);
            } while (tasks.containsKey(id));
            Task task = new Task(id, request, now, lifecycle);
            tasks.put(id, task);
            created.add(id);
            submitted.add(request);
            return task;
        }
    }

    private static byte[] errorBody(String message, String type, String code) {
        String json = "{\"error\":{\"message\":" + quote(message) + ",\"type\":" + quote(type)
                + (code == null ? "" : ",\"code\":" + quote(code)) + "}}";
        return json.getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private final class Task {
        final TaskId id;
        final VideoRequest request;
        final Instant createdAt;
        final Lifecycle lifecycle;
        final AtomicInteger fetches = new AtomicInteger();

        Task(TaskId id, VideoRequest request, Instant createdAt, Lifecycle lifecycle) {
            this.id = id;
            this.request = request;
            this.createdAt = createdAt;
            this.lifecycle = lifecycle;
        }

        VideoTask submitAnswer() {
            return new VideoTask(id, request.modelId(), TaskStatus.PENDING, 0, lifecycle.estimatedTime(), List.of(), null,
                    null, createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), clock.get());
        }

        VideoTask fetch(Instant now) {
            Lifecycle.Snapshot s = lifecycle.at(fetches.incrementAndGet(), Duration.between(createdAt, now));
            List<TaskResult> results = new ArrayList<>();
            if (s.outcome() == Lifecycle.Outcome.COMPLETED) {
                for (int i = 0; i < lifecycle.resultCount(); i++) {
                    Map<String, Object> extra = new LinkedHashMap<>();
                    extra.put("width", 1280);
                    extra.put("height", 720);
                    results.add(new TaskResult(resultBaseUrl.resolve(id.value() + "/" + i + ".mp4"), extra));
                }
            }
            return new VideoTask(id, request.modelId(), TaskStatus.parse(s.status()), s.progress(), lifecycle.estimatedTime(),
                    results, s.error(), new Usage(5L, "default", null), createdAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS), now);
        }
    }

    /** Configures a {@link FakeTaskPort}. */
    public static final class Builder {
        private Supplier<Instant> clock = Clock.systemUTC()::instant;
        private Lifecycle defaultLifecycle = DEFAULT_LIFECYCLE;
        private final Map<String, Lifecycle> perModel = new LinkedHashMap<>();
        private ModelCatalog catalog;
        private ValidationPolicy policy = ValidationPolicy.defaults();
        private URI resultBaseUrl = URI.create("https://results.vidgen.invalid/");
        private Long seed;

        private Builder() {
        }

        /** The port's clock, for time-driven lifecycles and timestamps: for example a {@code VirtualTime}. */
        public Builder clock(Scheduler scheduler) {
            Objects.requireNonNull(scheduler, "scheduler");
            this.clock = scheduler::now;
            return this;
        }

        /** The port's clock, for time-driven lifecycles and timestamps. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            this.clock = clock::instant;
            return this;
        }

        /** The lifecycle of tasks without a more specific script; default {@link #DEFAULT_LIFECYCLE}. */
        public Builder defaultLifecycle(Lifecycle lifecycle) {
            this.defaultLifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /** The lifecycle of tasks of one model. */
        public Builder lifecycle(String modelId, Lifecycle lifecycle) {
            perModel.put(Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(lifecycle, "lifecycle"));
            return this;
        }

        /** The model families the port knows; default the installed ones. */
        public Builder catalog(ModelCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Which rules the port enforces; default all. */
        public Builder validationPolicy(ValidationPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
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

        /** Seeds the random part of task ids, for reproducible ids. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Builds the port. */
        public FakeTaskPort build() {
            return new FakeTaskPort(this);
        }
    }
}
