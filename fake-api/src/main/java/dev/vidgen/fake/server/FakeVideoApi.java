package dev.vidgen.fake.server;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.FakeSettings;
import dev.vidgen.fake.FakeTasks;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.internal.FakeTask;
import dev.vidgen.fake.internal.TaskModel;
import dev.vidgen.loopback.LoopbackServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * An embedded fake of the whole foxapi video task API, on a loopback port (127.0.0.1 only): HTTP/1.1
 * with keep-alive, a thread per connection. It answers as the API does (docs/api.md): auth, validation with the
 * domain's own rules (422 naming rule id and field), task ids of the documented form, tasks that
 * move through pending and processing to completed (with a small real MP4 it serves itself) or
 * failed; plus a {@link FaultPlan} for everything a real network and server do wrong, and counters
 * of every request.
 *
 * <pre>{@code
 * try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(300)).start()) {
 *     VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).allowInsecureHttp(true).build();
 *     ...
 *     assertThat(api.count(Route.SUBMIT, "POST")).isEqualTo(1);
 * }
 * }</pre>
 *
 * <p>Routes: {@code POST /v1/videos/generations}, {@code GET /v1/tasks/{id}} (optional
 * {@code sync_upstream=true}), and {@code GET /files/{id}/{n}.mp4} for results (no key needed, as
 * with a CDN; {@code 410} once 24 hours have passed on the fake's clock since completion).
 *
 * <p>Thread-safe. {@link #close()} stops the server and every thread it started (all named
 * {@code vidgen-fake-api-*}).
 */
public final class FakeVideoApi extends FakeTasks<FakeVideoApi> implements AutoCloseable {

    /** The key the fake accepts unless told otherwise. */
    public static final String DEFAULT_API_KEY = "sk-vidgen-fake-key";
    /** How long tasks take unless told otherwise. */
    public static final Duration DEFAULT_TASK_DURATION = Duration.ofSeconds(3);

    /** The name prefix of the threads of every fake (one accepts, one per connection). */
    private static final String THREAD_PREFIX = "vidgen-fake-api-http-";

    private final List<String> apiKeys;
    private final LoopbackServer server;
    private final URI baseUrl;
    private final FaultPlan faults = new FaultPlan();
    private final RequestLog log = new RequestLog();
    private volatile boolean closed;

    private FakeVideoApi(Builder b, TaskModel model) throws IOException {
        super(model);
        this.apiKeys = b.apiKeys.isEmpty() ? List.of(DEFAULT_API_KEY) : List.copyOf(b.apiKeys);
        WireWriter writer = new WireWriter(faults, model::now);
        ApiHandler handler = new ApiHandler(new TaskRoutes(model, faults, b.shape), faults, log, writer, model::now,
                apiKeys, b.acceptAnyKey, new Semaphore(b.threads, true));
        this.server = LoopbackServer.start(b.port, 128, THREAD_PREFIX, new ApiConnection(handler, writer));
        this.baseUrl = URI.create("http://127.0.0.1:" + server.port());
    }

    /** A builder with the defaults: a free port, key {@link #DEFAULT_API_KEY}, tasks of {@link #DEFAULT_TASK_DURATION} in real time. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a fake with the defaults on a free port. */
    public static FakeVideoApi start() {
        return builder().start();
    }

    /** Starts a fake with the defaults on {@code port} (0 for a free one). */
    public static FakeVideoApi start(int port) {
        return builder().port(port).start();
    }

    @Override
    protected FakeVideoApi self() {
        return this;
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port. */
    public int port() {
        return server.port();
    }

    /** A key the fake accepts (the first one configured). */
    public String apiKey() {
        return apiKeys.get(0);
    }

    /** The fault plan: program what goes wrong next. */
    public FaultPlan faults() {
        return faults;
    }

    // ---- counters and records ----

    /** How many requests of {@code route} arrived, any method. */
    public int count(Route route) {
        return log.count(route);
    }

    /** How many {@code method} requests of {@code route} arrived (faulted ones included). */
    public int count(Route route, String method) {
        return log.count(route, method);
    }

    /** Every counter, keyed {@code "ROUTE METHOD"}, for example {@code "SUBMIT POST"}. */
    public Map<String, Integer> counters() {
        return log.counters();
    }

    /** {@code POST /v1/videos/generations} requests, faulted and rejected ones included. */
    public int submitCount() {
        return count(Route.SUBMIT, "POST");
    }

    /** {@code GET /v1/tasks/{id}} requests, any id. */
    public int queryCount() {
        return count(Route.QUERY, "GET");
    }

    /** How many queries the fake answered for one task (faulted-before-processing ones do not reach the task). */
    public int queryCount(TaskId id) {
        return tasks.find(id.value()).map(FakeTask::queries).orElse(0);
    }

    /** A created task, if the id is known. */
    public Optional<SubmittedTask> task(TaskId id) {
        return tasks.find(id.value()).map(t -> new SubmittedTask(t.id(), t.request().modelId(), t.request(), t.body(),
                t.createdAt(), t.lifecycle(), t.queries()));
    }

    /** Every request received (the first {@value RequestLog#MAX_RECORDED}), in order of arrival. */
    public List<RecordedRequest> requests() {
        return log.requests();
    }

    /** The requests of one route, in order of arrival. */
    public List<RecordedRequest> requests(Route route) {
        return requests().stream().filter(r -> r.route() == route).toList();
    }

    /**
     * Back to the state right after start: no tasks, no counters, no recorded requests, no faults,
     * the lifecycles the builder configured. The port and key stay.
     */
    public void reset() {
        faults.clear();
        log.clear();
        tasks.reset();
    }

    /** Stops the server, closes every connection and stops every thread it started. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.close(); // closes every connection, interrupts delays, waits (bounded) for the threads
    }

    @Override
    public String toString() {
        return "FakeVideoApi[" + baseUrl + ", tasks=" + tasks.size() + ", counters=" + counters() + "]";
    }

    /**
     * Configures and starts a {@link FakeVideoApi}: the shared settings of {@link FakeSettings}
     * (clock, lifecycles, catalog, rules, id seed) plus the server's own. Every setting has a
     * default; {@link #start()} may be called more than once for several fakes.
     */
    public static final class Builder extends FakeSettings<Builder> {
        private int port;
        private final List<String> apiKeys = new ArrayList<>();
        private boolean acceptAnyKey;
        private int threads = 4;
        private ResultShape shape = ResultShape.RESULTS;

        private Builder() {
            super(Lifecycle.typical(DEFAULT_TASK_DURATION));
        }

        @Override
        protected Builder self() {
            return this;
        }

        /** The port to listen on, on 127.0.0.1; 0 (the default) picks a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be within 0..65535, got " + port);
            }
            this.port = port;
            return this;
        }

        /** The keys accepted as {@code Authorization: Bearer KEY}; default {@link #DEFAULT_API_KEY}. */
        public Builder apiKeys(String... keys) {
            for (String k : keys) {
                if (k == null || k.isBlank()) {
                    throw new IllegalArgumentException("an API key must not be blank");
                }
                apiKeys.add(k);
            }
            return this;
        }

        /** Accepts any non-blank bearer key (a missing one still gets 401). */
        public Builder acceptAnyApiKey() {
            this.acceptAnyKey = true;
            return this;
        }

        /** Tasks take {@code d} (pending, then processing in 10% steps, then completed): {@link Lifecycle#typical}. */
        public Builder taskDuration(Duration d) {
            return defaultLifecycle(Lifecycle.typical(d));
        }

        /** How completed tasks list their videos; default {@link ResultShape#RESULTS}. */
        public Builder resultShape(ResultShape shape) {
            this.shape = Objects.requireNonNull(shape, "shape");
            return this;
        }

        /**
         * How many requests the fake works on at once (default 4); more wait their turn, as on a
         * server with that many request threads. Each connection has its own thread, and a delay
         * fault's wait takes no turn.
         */
        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1, got " + threads);
            }
            this.threads = threads;
            return this;
        }

        /** Starts a fake with these settings. */
        public FakeVideoApi start() {
            try {
                return new FakeVideoApi(this, newTaskModel());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake API on 127.0.0.1:" + port, e);
            }
        }
    }
}
