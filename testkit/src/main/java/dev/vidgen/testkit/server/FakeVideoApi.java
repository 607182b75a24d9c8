package dev.vidgen.testkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.ports.time.Scheduler;
import dev.vidgen.testkit.Lifecycle;
import dev.vidgen.testkit.internal.RequestRules;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * An embedded fake of the whole foxapi video task API, on a loopback port (127.0.0.1 only), on the
 * JDK's built-in HTTP server. It answers as {@code API.md} describes: auth, validation with the
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
 * <p>Thread-safe. {@link #close()} stops the server and every thread it started.
 */
public final class FakeVideoApi implements AutoCloseable {

    /** The key the fake accepts unless told otherwise. */
    public static final String DEFAULT_API_KEY = "sk-vidgen-fake-key";
    /** How long tasks take unless told otherwise. */
    public static final Duration DEFAULT_TASK_DURATION = Duration.ofSeconds(3);

    static final String SUBMIT_PATH = "/v1/videos/generations";
    static final String TASKS_PATH = "/v1/tasks/";
    static final String FILES_PATH = "/files/";
    /** The request log keeps at most this many requests (counters keep counting), so soak tests stay bounded in memory. */
    static final int MAX_RECORDED = 10_000;

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    static {
        // The JDK server writes headers and body separately; without TCP_NODELAY, Nagle's algorithm and
        // delayed ACKs add ~40 ms to every answer (measured: 45 ms vs 1 ms per request). The JDK reads
        // this property once, when the first HttpServer of the JVM starts; a value set by the user wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final Builder config;
    private final RequestRules rules;
    private final Supplier<Instant> clock;
    private final HttpServer server;
    private final TcpFront front;
    private final ExecutorService httpThreads;
    private final ScheduledExecutorService timer;
    private final URI baseUrl;
    private final Random ids;

    private final FaultPlan faults = new FaultPlan();
    private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
    private final List<RecordedRequest> recorded = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Task> tasks = new ConcurrentHashMap<>();
    private final Set<TaskId> created = Collections.synchronizedSet(new LinkedHashSet<>());
    private final ConcurrentLinkedQueue<Lifecycle> nextSubmits = new ConcurrentLinkedQueue<>();
    private final List<Map.Entry<Predicate<VideoRequest>, Lifecycle>> conditional = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Lifecycle> perModel = new ConcurrentHashMap<>();
    private volatile Lifecycle defaultLifecycle;
    private volatile boolean closed;

    private FakeVideoApi(Builder b) throws IOException {
        this.config = b.copy();
        this.rules = new RequestRules(b.catalog != null ? b.catalog : ModelCatalog.loadInstalled(), b.policy);
        this.clock = b.clock;
        this.ids = b.seed == null ? new Random() : new Random(b.seed);
        this.defaultLifecycle = b.defaultLifecycle;
        this.perModel.putAll(b.perModel);
        this.httpThreads = Executors.newFixedThreadPool(b.threads, TcpFront.daemonThreads("vidgen-fake-api-http-"));
        this.timer = Executors.newSingleThreadScheduledExecutor(TcpFront.daemonThreads("vidgen-fake-api-timer-"));
        HttpServer s = null;
        TcpFront f = null;
        try {
            s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            s.setExecutor(httpThreads);
            s.createContext("/", this::handle);
            s.start();
            f = new TcpFront(b.port, s.getAddress());
        } catch (IOException | RuntimeException e) {
            if (s != null) {
                s.stop(0);
            }
            httpThreads.shutdownNow();
            timer.shutdownNow();
            throw e;
        }
        this.server = s;
        this.front = f;
        this.baseUrl = URI.create("http://127.0.0.1:" + front.port());
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

    /**
     * Runs a fake until the process is stopped: {@code [port [task-seconds]]}, defaults 8080 and 3.
     * Prints the base URL and the key.
     */
    public static void main(String[] args) throws InterruptedException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
        Duration taskDuration = args.length > 1 ? Duration.ofMillis((long) (Double.parseDouble(args[1]) * 1000)) : DEFAULT_TASK_DURATION;
        FakeVideoApi api = builder().port(port).taskDuration(taskDuration).start();
        Runtime.getRuntime().addShutdownHook(new Thread(api::close, "vidgen-fake-api-shutdown"));
        System.out.println("vidgen fake API listening on " + api.baseUrl() + " (key: " + api.apiKey() + ")");
        Thread.currentThread().join();
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return baseUrl;
    }

    /** The port. */
    public int port() {
        return front.port();
    }

    /** A key the fake accepts (the first one configured). */
    public String apiKey() {
        return config.apiKeys.isEmpty() ? DEFAULT_API_KEY : config.apiKeys.get(0);
    }

    /** The fault plan: program what goes wrong next. */
    public FaultPlan faults() {
        return faults;
    }

    // ---- scripting lifecycles ----

    /** Tasks without a more specific script follow {@code lifecycle}. */
    public FakeVideoApi defaultLifecycle(Lifecycle lifecycle) {
        this.defaultLifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        return this;
    }

    /** Tasks of {@code modelId} follow {@code lifecycle} (unless a per-request script applies). */
    public FakeVideoApi lifecycle(String modelId, Lifecycle lifecycle) {
        perModel.put(Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(lifecycle, "lifecycle"));
        return this;
    }

    /** Tasks whose request matches {@code condition} follow {@code lifecycle}; earlier conditions win. */
    public FakeVideoApi lifecycleWhen(Predicate<VideoRequest> condition, Lifecycle lifecycle) {
        conditional.add(Map.entry(Objects.requireNonNull(condition, "condition"), Objects.requireNonNull(lifecycle, "lifecycle")));
        return this;
    }

    /** The next accepted submit (after those already scripted) follows {@code lifecycle}, whatever its model. */
    public FakeVideoApi lifecycleForNextSubmit(Lifecycle lifecycle) {
        nextSubmits.add(Objects.requireNonNull(lifecycle, "lifecycle"));
        return this;
    }

    // ---- counters and records ----

    /** How many requests of {@code route} arrived, any method. */
    public int count(Route route) {
        return counters.entrySet().stream().filter(e -> e.getKey().startsWith(route.name() + " "))
                .mapToInt(e -> e.getValue().get()).sum();
    }

    /** How many {@code method} requests of {@code route} arrived (faulted ones included). */
    public int count(Route route, String method) {
        AtomicInteger n = counters.get(route.name() + " " + method.toUpperCase(Locale.ROOT));
        return n == null ? 0 : n.get();
    }

    /** Every counter, keyed {@code "ROUTE METHOD"}, for example {@code "SUBMIT POST"}. */
    public Map<String, Integer> counters() {
        Map<String, Integer> copy = new java.util.TreeMap<>();
        counters.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
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
        Task t = tasks.get(id.value());
        return t == null ? 0 : t.queries.get();
    }

    /** The ids of every task created, in order of creation. */
    public List<TaskId> createdTaskIds() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    /** A created task, if the id is known. */
    public Optional<SubmittedTask> task(TaskId id) {
        return Optional.ofNullable(tasks.get(id.value())).map(Task::snapshot);
    }

    /** The requests of every created task, in order of creation. */
    public List<VideoRequest> submittedRequests() {
        return createdTaskIds().stream().map(id -> tasks.get(id.value())).filter(Objects::nonNull).map(t -> t.request).toList();
    }

    /** Every request received (the first {@value #MAX_RECORDED}), in order of arrival. */
    public List<RecordedRequest> requests() {
        synchronized (recorded) {
            return List.copyOf(recorded);
        }
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
        counters.clear();
        recorded.clear();
        tasks.clear();
        created.clear();
        nextSubmits.clear();
        conditional.clear();
        perModel.clear();
        perModel.putAll(config.perModel);
        defaultLifecycle = config.defaultLifecycle;
    }

    /** Stops the server, closes every connection and stops every thread it started. Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        front.close();
        server.stop(0);
        timer.shutdownNow();
        httpThreads.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
            httpThreads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "FakeVideoApi[" + baseUrl + ", tasks=" + tasks.size() + ", counters=" + counters() + "]";
    }

    // ---- HTTP handling ----

    private void handle(HttpExchange ex) {
        try {
            String method = ex.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = ex.getRequestURI().getPath();
            Route route = Route.of(path);
            byte[] body = ex.getRequestBody().readAllBytes();
            boolean authorized = authorized(ex.getRequestHeaders());
            counters.computeIfAbsent(route.name() + " " + method, k -> new AtomicInteger()).incrementAndGet();
            Fault fault = faults.take(route);
            record(ex, method, route, path, body, authorized, fault);

            if (fault != null && !fault.isAfterProcessing()) {
                hit(ex, fault, null);
                return;
            }
            Answer answer = switch (route) {
                case SUBMIT -> submit(method, ex.getRequestHeaders(), body, authorized);
                case QUERY -> query(method, path, authorized, fault);
                case RESULT -> result(method, path);
                case OTHER -> error(404, "not_found", null, "no such route: " + method + " " + path);
            };
            if (fault != null) {
                hit(ex, fault, answer);
            } else {
                send(ex, answer);
            }
        } catch (IOException e) {
            ex.close(); // the client went away
        } catch (RuntimeException e) {
            // a bug in the fake itself: answer 500 so the test sees it, not a hang
            trySend(ex, error(500, "server_error", null, "fake API failure: " + e));
        }
    }

    private void record(HttpExchange ex, String method, Route route, String path, byte[] body, boolean authorized, Fault fault) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k, k.equalsIgnoreCase("Authorization") ? List.of("Bearer ***") : List.copyOf(v)));
        RecordedRequest r = new RecordedRequest(clock.get(), method, route, path, ex.getRequestURI().getRawQuery(),
                Collections.unmodifiableMap(headers), body, authorized, fault);
        synchronized (recorded) {
            if (recorded.size() < MAX_RECORDED) {
                recorded.add(r);
            }
        }
    }

    private boolean authorized(Headers headers) {
        String value = headers.getFirst("Authorization");
        if (value == null || value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        String key = value.substring(7).trim();
        if (key.isEmpty()) {
            return false;
        }
        return config.acceptAnyKey || (config.apiKeys.isEmpty() ? DEFAULT_API_KEY.equals(key) : config.apiKeys.contains(key));
    }

    private Answer submit(String method, Headers headers, byte[] body, boolean authorized) {
        if (!method.equals("POST")) {
            return error(405, "invalid_request_error", null, method + " is not allowed here; use POST").header("Allow", "POST");
        }
        if (!authorized) {
            return unauthorized();
        }
        String contentType = headers.getFirst("Content-Type");
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return error(400, "invalid_request_error", null,
                    "Content-Type must be application/json, got " + (contentType == null ? "none" : contentType));
        }
        VideoRequest request;
        try {
            request = rules.codec().decodeRequest(body);
        } catch (RequestValidationException e) {
            return rejected(e.violations(), body);
        }
        List<Violation> violations = rules.validate(request);
        if (!violations.isEmpty()) {
            return rejected(violations, body);
        }
        Task task = create(request, new String(body, StandardCharsets.UTF_8));
        ObjectNode json = JSON.createObjectNode();
        json.put("created", task.createdAt.getEpochSecond());
        json.put("id", task.id.value());
        json.put("model", task.model);
        json.put("object", "video.generation.task");
        json.put("progress", 0);
        json.put("status", "pending");
        ObjectNode info = json.putObject("task_info");
        info.put("can_cancel", true);
        info.put("estimated_time", Math.max(1, task.lifecycle.estimatedTime().toSeconds()));
        json.put("type", "video");
        return new Answer(200, json);
    }

    private Answer rejected(List<Violation> violations, byte[] body) {
        Violation first = violations.get(0);
        if (violations.stream().anyMatch(v -> v.ruleId().equals(FoxApiCodec.RULE_SYNTAX))
                || (first.ruleId().equals(FoxApiCodec.RULE_TYPE) && (first.path() == null || first.path().isEmpty()))) {
            return error(400, "invalid_request_error", null, "invalid JSON body: " + first.message());
        }
        if (first.ruleId().equals(FoxApiCodec.RULE_MODEL) && modelGiven(body)) {
            return error(422, "invalid_request_error", "model_not_supported", first.message()).param("model");
        }
        ObjectNode json = JSON.createObjectNode();
        ObjectNode err = json.putObject("error");
        StringBuilder message = new StringBuilder();
        ArrayNode list = JSON.createArrayNode();
        for (Violation v : violations) {
            String field = RequestRules.jsonPath(v.path());
            message.append(message.length() == 0 ? "" : "; ").append(field.isEmpty() ? "request" : field).append(": ")
                    .append(v.message()).append(" [").append(v.ruleId()).append(']');
            ObjectNode item = list.addObject();
            item.put("rule", v.ruleId());
            item.put("field", field);
            item.put("message", v.message());
        }
        err.put("message", message.toString());
        err.put("type", "invalid_request_error");
        err.put("code", first.ruleId());
        err.put("param", RequestRules.jsonPath(first.path()));
        err.set("violations", list);
        return new Answer(422, json);
    }

    private static boolean modelGiven(byte[] body) {
        try {
            JsonNode model = JSON.readTree(body).get("model");
            return model != null && model.isTextual() && !model.asText().isBlank();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private Task create(VideoRequest request, String body) {
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
        Task task;
        synchronized (ids) {
            TaskId id;
            do {
                StringBuilder suffix = new StringBuilder(8);
                for (int i = 0; i < 8; i++) {
                    suffix.append(ALNUM.charAt(ids.nextInt(ALNUM.length())));
                }
                id = TaskId.of("task-unified-" + now.getEpochSecond() + "-" + suffix);
            } while (tasks.containsKey(id.value()));
            task = new Task(id, request.modelId(), request, body, now, lifecycle);
            tasks.put(id.value(), task);
            created.add(id);
        }
        return task;
    }

    private Answer query(String method, String path, boolean authorized, Fault fault) {
        if (!method.equals("GET")) {
            return error(405, "invalid_request_error", null, method + " is not allowed here; use GET").header("Allow", "GET");
        }
        if (!authorized) {
            return unauthorized();
        }
        String id = path.substring(TASKS_PATH.length());
        Task task = tasks.get(id);
        if (task == null) {
            return error(404, "not_found", null, "task " + (id.isEmpty() ? "(no id)" : id) + " does not exist");
        }
        Instant now = clock.get();
        int n = task.queries.incrementAndGet();
        Lifecycle.Snapshot s = task.lifecycle.at(n, Duration.between(task.createdAt, now));
        ObjectNode json = JSON.createObjectNode();
        json.put("id", task.id.value());
        json.put("object", "video.generation.task");
        json.put("type", "video");
        json.put("model", task.model);
        json.put("status", s.status());
        json.put("progress", s.progress());
        json.put("created", task.createdAt.getEpochSecond());
        if (s.outcome() == Lifecycle.Outcome.COMPLETED) {
            task.completedOnce(now);
            ArrayNode results = json.putArray("results");
            boolean spoilt = (fault == null || fault.kind() != Fault.Kind.UNKNOWN_STATUS) && faults.takeEmptyResults();
            if (!spoilt) {
                for (int i = 0; i < task.lifecycle.resultCount(); i++) {
                    ObjectNode r = results.addObject();
                    r.put("url", baseUrl + FILES_PATH + task.id.value() + "/" + i + ".mp4");
                    r.put("width", SampleVideo.SIZE_PX);
                    r.put("height", SampleVideo.SIZE_PX);
                    r.put("duration", 1);
                }
            }
        } else {
            json.putNull("results");
        }
        if (s.error() != null) {
            ObjectNode err = json.putObject("error");
            err.put("code", s.error().code());
            err.put("message", s.error().message());
            err.put("type", s.error().type());
        } else {
            json.putNull("error");
        }
        ObjectNode usage = json.putObject("usage");
        usage.put("credits_reserved", 5);
        usage.put("user_group", "default");
        return new Answer(200, json);
    }

    private Answer result(String method, String path) {
        if (!method.equals("GET") && !method.equals("HEAD")) {
            return error(405, "invalid_request_error", null, method + " is not allowed here; use GET").header("Allow", "GET, HEAD");
        }
        String rest = path.substring(FILES_PATH.length());
        int slash = rest.indexOf('/');
        Task task = slash < 0 ? null : tasks.get(rest.substring(0, slash));
        String file = slash < 0 ? "" : rest.substring(slash + 1);
        int index = -1;
        if (file.endsWith(".mp4")) {
            try {
                index = Integer.parseInt(file.substring(0, file.length() - 4));
            } catch (NumberFormatException e) {
                index = -1;
            }
        }
        if (task == null || task.completedAt == null || index < 0 || index >= task.lifecycle.resultCount()) {
            return error(404, "not_found", null, "no such file");
        }
        if (clock.get().isAfter(task.completedAt.plus(Duration.ofHours(24)))) {
            return error(410, "not_found", null, "this result expired 24 hours after the task completed");
        }
        return new Answer(200, "video/mp4", SampleVideo.bytes(), method.equals("HEAD"));
    }

    private Answer unauthorized() {
        return error(401, "authentication_error", null, "Invalid API key: provide a valid key as 'Authorization: Bearer sk-...'");
    }

    private static Answer error(int status, String type, String code, String message) {
        ObjectNode json = JSON.createObjectNode();
        ObjectNode err = json.putObject("error");
        err.put("message", message);
        err.put("type", type);
        if (code != null) {
            err.put("code", code);
        }
        return new Answer(status, json);
    }

    private Answer faultAnswer(Fault fault) {
        int status = fault.status();
        Answer a;
        if (status == 502 || status == 504) {
            String title = status == 502 ? "502 Bad Gateway" : "504 Gateway Time-out";
            String html = "<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                    + "</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";
            a = new Answer(status, "text/html", html.getBytes(StandardCharsets.UTF_8), false);
        } else {
            String type = switch (status) {
                case 400, 422 -> "invalid_request_error";
                case 401 -> "authentication_error";
                case 402 -> "insufficient_quota";
                case 404 -> "not_found";
                case 429 -> "rate_limit_error";
                case 503 -> "service_unavailable_error";
                default -> status >= 500 ? "server_error" : "invalid_request_error";
            };
            a = error(status, type, null, "fault injected by the test: HTTP " + status);
        }
        if (fault.retryAfter() != null) {
            long seconds = (fault.retryAfter().toMillis() + 999) / 1000;
            String value = fault.retryAfterAsDate()
                    ? DateTimeFormatter.RFC_1123_DATE_TIME.format(clock.get().plus(fault.retryAfter()).atOffset(ZoneOffset.UTC))
                    : Long.toString(seconds);
            a.header("Retry-After", value);
        }
        return a;
    }

    /** Applies a fault; {@code answer} is the real answer when the request was processed, else {@code null}. */
    private void hit(HttpExchange ex, Fault fault, Answer answer) throws IOException {
        switch (fault.kind()) {
            case STATUS -> send(ex, faultAnswer(fault));
            case RESET -> {
                front.reset(ex.getRemoteAddress());
                ex.close();
            }
            case DISCONNECT -> ex.close(); // verified: the JDK server closes the connection (FIN) before any byte
            case DELAY -> timer.schedule(() -> trySend(ex, answer), fault.delay().toNanos(), TimeUnit.NANOSECONDS);
            case TRUNCATED_BODY -> {
                byte[] bytes = answer.bytes(faults.unknownFields());
                ex.getResponseHeaders().set("Content-Type", answer.contentType);
                ex.sendResponseHeaders(answer.status, bytes.length);
                OutputStream out = ex.getResponseBody();
                out.write(bytes, 0, bytes.length / 2);
                out.flush();
                ex.close(); // fewer bytes than Content-Length, then the connection closes
            }
            case MALFORMED_JSON -> {
                byte[] bytes = answer.bytes(faults.unknownFields());
                byte[] cut = java.util.Arrays.copyOf(bytes, Math.max(1, bytes.length / 2));
                send(ex, new Answer(answer.status, "application/json", cut, false));
            }
            case UNKNOWN_STATUS -> {
                if (answer.json != null && answer.json.has("status")) {
                    answer.json.put("status", fault.rawStatus());
                }
                send(ex, answer);
            }
        }
    }

    private void trySend(HttpExchange ex, Answer answer) {
        try {
            send(ex, answer);
        } catch (IOException | RuntimeException e) {
            ex.close();
        }
    }

    private void send(HttpExchange ex, Answer answer) throws IOException {
        byte[] bytes = answer.bytes(faults.unknownFields());
        Headers h = ex.getResponseHeaders();
        h.set("Content-Type", answer.contentType);
        answer.headers.forEach(h::set);
        if (answer.headOnly) {
            h.set("Content-Length", Integer.toString(bytes.length));
            ex.sendResponseHeaders(answer.status, -1);
        } else {
            ex.sendResponseHeaders(answer.status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    /** One answer before it is written, so that a fault can still spoil it. */
    private static final class Answer {
        final int status;
        final String contentType;
        final ObjectNode json;
        final byte[] raw;
        final boolean headOnly;
        final Map<String, String> headers = new LinkedHashMap<>();

        Answer(int status, ObjectNode json) {
            this.status = status;
            this.contentType = "application/json";
            this.json = json;
            this.raw = null;
            this.headOnly = false;
        }

        Answer(int status, String contentType, byte[] raw, boolean headOnly) {
            this.status = status;
            this.contentType = contentType;
            this.json = null;
            this.raw = raw;
            this.headOnly = headOnly;
        }

        Answer header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Answer param(String name) {
            ((ObjectNode) json.get("error")).put("param", name);
            return this;
        }

        byte[] bytes(boolean unknownFields) {
            if (json == null) {
                return raw;
            }
            try {
                return JSON.writeValueAsBytes(unknownFields ? withUnknownFields(json.deepCopy()) : json);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** Adds undocumented fields at every level a client reads, so a strict parser breaks. */
        private static ObjectNode withUnknownFields(ObjectNode node) {
            node.put("x_fake_unknown", "ignore me");
            node.putObject("x_fake_object").put("nested", true).putArray("list").add(1).add("two");
            for (String nested : List.of("task_info", "error", "usage")) {
                if (node.get(nested) instanceof ObjectNode o) {
                    o.put("x_fake_unknown", 42);
                }
            }
            if (node.get("results") instanceof ArrayNode results) {
                results.forEach(r -> ((ObjectNode) r).put("x_fake_thumbnail_url", "http://127.0.0.1/thumb.jpg"));
            }
            return node;
        }
    }

    /** A task as the fake keeps it. */
    private static final class Task {
        final TaskId id;
        final String model;
        final VideoRequest request;
        final String body;
        final Instant createdAt;
        final Lifecycle lifecycle;
        final AtomicInteger queries = new AtomicInteger();
        volatile Instant completedAt;

        Task(TaskId id, String model, VideoRequest request, String body, Instant createdAt, Lifecycle lifecycle) {
            this.id = id;
            this.model = model;
            this.request = request;
            this.body = body;
            this.createdAt = createdAt;
            this.lifecycle = lifecycle;
        }

        synchronized void completedOnce(Instant now) {
            if (completedAt == null) {
                completedAt = now;
            }
        }

        SubmittedTask snapshot() {
            return new SubmittedTask(id, model, request, body, createdAt, lifecycle, queries.get());
        }
    }

    /**
     * Configures and starts a {@link FakeVideoApi}. Every setting has a default; {@link #start()}
     * may be called more than once for several fakes.
     */
    public static final class Builder {
        private int port;
        private final List<String> apiKeys = new ArrayList<>();
        private boolean acceptAnyKey;
        private Supplier<Instant> clock = Clock.systemUTC()::instant;
        private Lifecycle defaultLifecycle = Lifecycle.typical(DEFAULT_TASK_DURATION);
        private final Map<String, Lifecycle> perModel = new LinkedHashMap<>();
        private ModelCatalog catalog;
        private ValidationPolicy policy = ValidationPolicy.defaults();
        private Long seed;
        private int threads = 4;

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.port = port;
            b.apiKeys.addAll(apiKeys);
            b.acceptAnyKey = acceptAnyKey;
            b.clock = clock;
            b.defaultLifecycle = defaultLifecycle;
            b.perModel.putAll(perModel);
            b.catalog = catalog;
            b.policy = policy;
            b.seed = seed;
            b.threads = threads;
            return b;
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

        /** The fake's clock, for task timing, {@code created} and result expiry: for example a {@code VirtualTime}. */
        public Builder clock(Scheduler scheduler) {
            Objects.requireNonNull(scheduler, "scheduler");
            this.clock = scheduler::now;
            return this;
        }

        /** The fake's clock, for task timing, {@code created} and result expiry. */
        public Builder clock(Clock clock) {
            Objects.requireNonNull(clock, "clock");
            this.clock = clock::instant;
            return this;
        }

        /** Tasks take {@code d} (pending, then processing in 10% steps, then completed): {@link Lifecycle#typical}. */
        public Builder taskDuration(Duration d) {
            this.defaultLifecycle = Lifecycle.typical(d);
            return this;
        }

        /** The lifecycle of tasks without a more specific script. */
        public Builder defaultLifecycle(Lifecycle lifecycle) {
            this.defaultLifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
            return this;
        }

        /** The lifecycle of tasks of one model. */
        public Builder lifecycle(String modelId, Lifecycle lifecycle) {
            perModel.put(Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(lifecycle, "lifecycle"));
            return this;
        }

        /** The model families the fake knows; default the installed ones ({@link ModelCatalog#loadInstalled()}). */
        public Builder catalog(ModelCatalog catalog) {
            this.catalog = Objects.requireNonNull(catalog, "catalog");
            return this;
        }

        /** Which rules the fake enforces; default all. */
        public Builder validationPolicy(ValidationPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Seeds the random part of task ids, for reproducible ids. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Threads handling requests (default 4; delays do not hold one). */
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
                return new FakeVideoApi(this);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the fake API on 127.0.0.1:" + port, e);
            }
        }
    }
}
