package dev.vidgen.fake.internal;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.fake.Lifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The task model both fakes share: the rules a submit must pass, the clock, which lifecycle a new
 * task follows (next-submit scripts, then conditions, then per model, then the default), task ids
 * of the API's form, and the tasks created. Thread-safe. Internal to the fakes.
 */
public final class TaskModel {

    private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final Supplier<Instant> clock;
    private final RequestRules rules;
    private final Random ids;
    private final Lifecycle configuredDefault;
    private final Map<String, Lifecycle> configuredPerModel;

    private final Map<String, FakeTask> tasks = new ConcurrentHashMap<>();
    private final List<FakeTask> created = new ArrayList<>();
    private final ConcurrentLinkedQueue<Lifecycle> nextSubmits = new ConcurrentLinkedQueue<>();
    private final List<Map.Entry<Predicate<VideoRequest>, Lifecycle>> conditional = new CopyOnWriteArrayList<>();
    private final Map<String, Lifecycle> perModel = new ConcurrentHashMap<>();
    private volatile Lifecycle defaultLifecycle;

    /** A model with these settings (see {@code FakeSettings}). */
    public TaskModel(Supplier<Instant> clock, Lifecycle defaultLifecycle, Map<String, Lifecycle> perModel, ModelCatalog catalog,
                     ValidationPolicy policy, Long seed) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rules = new RequestRules(catalog, policy);
        this.ids = seed == null ? new Random() : new Random(seed);
        this.configuredDefault = Objects.requireNonNull(defaultLifecycle, "defaultLifecycle");
        this.configuredPerModel = Map.copyOf(perModel);
        reset();
    }

    /** The rules every submit is checked against. */
    public RequestRules rules() {
        return rules;
    }

    /** Now, on the fake's clock. */
    public Instant now() {
        return clock.get();
    }

    // ---- which lifecycle a new task follows ----

    /** Tasks without a more specific script follow {@code lifecycle}. */
    public void defaultLifecycle(Lifecycle lifecycle) {
        this.defaultLifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    /** Tasks of {@code modelId} follow {@code lifecycle}. */
    public void lifecycle(String modelId, Lifecycle lifecycle) {
        perModel.put(Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(lifecycle, "lifecycle"));
    }

    /** Tasks whose request matches {@code condition} follow {@code lifecycle}; earlier conditions win. */
    public void lifecycleWhen(Predicate<VideoRequest> condition, Lifecycle lifecycle) {
        conditional.add(Map.entry(Objects.requireNonNull(condition, "condition"), Objects.requireNonNull(lifecycle, "lifecycle")));
    }

    /** The next created task (after those already scripted) follows {@code lifecycle}. */
    public void lifecycleForNextSubmit(Lifecycle lifecycle) {
        nextSubmits.add(Objects.requireNonNull(lifecycle, "lifecycle"));
    }

    private Lifecycle lifecycleFor(VideoRequest request) {
        Lifecycle next = nextSubmits.poll();
        if (next != null) {
            return next;
        }
        for (Map.Entry<Predicate<VideoRequest>, Lifecycle> e : conditional) {
            if (e.getKey().test(request)) {
                return e.getValue();
            }
        }
        return perModel.getOrDefault(request.modelId(), defaultLifecycle);
    }

    // ---- the tasks ----

    /** Creates a task for an accepted request; {@code body} is the JSON received, or {@code null}. */
    public FakeTask create(VideoRequest request, String body) {
        Instant now = clock.get();
        Lifecycle lifecycle = lifecycleFor(request);
        synchronized (created) {
            TaskId id;
            do {
                StringBuilder suffix = new StringBuilder(8);
                for (int i = 0; i < 8; i++) {
                    suffix.append(ALNUM.charAt(ids.nextInt(ALNUM.length())));
                }
                id = TaskId.of("task-unified-" + now.getEpochSecond() + "-" + suffix);
            } while (tasks.containsKey(id.value()));
            FakeTask task = new FakeTask(id, request, body, now, lifecycle);
            tasks.put(id.value(), task);
            created.add(task);
            return task;
        }
    }

    /** The task with this id, if created. */
    public Optional<FakeTask> find(String id) {
        return Optional.ofNullable(tasks.get(id));
    }

    /** How many tasks exist. */
    public int size() {
        return tasks.size();
    }

    /** The ids of every created task, in order of creation. */
    public List<TaskId> createdTaskIds() {
        synchronized (created) {
            return created.stream().map(FakeTask::id).toList();
        }
    }

    /** The requests of every created task, in order of creation. */
    public List<VideoRequest> submittedRequests() {
        synchronized (created) {
            return created.stream().map(FakeTask::request).toList();
        }
    }

    /** Forgets every task and script, back to the lifecycles configured at build time. */
    public void reset() {
        synchronized (created) {
            tasks.clear();
            created.clear();
        }
        nextSubmits.clear();
        conditional.clear();
        perModel.clear();
        perModel.putAll(configuredPerModel);
        defaultLifecycle = configuredDefault;
    }
}
