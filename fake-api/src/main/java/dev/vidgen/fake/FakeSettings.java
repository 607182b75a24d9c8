package dev.vidgen.fake;

import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.fake.internal.TaskModel;
import dev.vidgen.ports.time.Scheduler;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The settings both fakes share ({@code FakeTaskPort.Builder} and {@code FakeVideoApi.Builder}
 * extend it): the clock, the lifecycles, the model families, the rules in force and the seed of
 * task ids. Every setting has a default.
 *
 * @param <B> the concrete builder, returned by every setter so that calls chain
 */
public abstract class FakeSettings<B extends FakeSettings<B>> {

    private Supplier<Instant> clock = Clock.systemUTC()::instant;
    private Lifecycle defaultLifecycle;
    private final Map<String, Lifecycle> perModel = new LinkedHashMap<>();
    private ModelCatalog catalog;
    private ValidationPolicy policy = ValidationPolicy.defaults();
    private Long seed;

    /** Settings whose tasks follow {@code defaultLifecycle} unless told otherwise. */
    protected FakeSettings(Lifecycle defaultLifecycle) {
        this.defaultLifecycle = Objects.requireNonNull(defaultLifecycle, "defaultLifecycle");
    }

    /** This builder, as its concrete type. */
    protected abstract B self();

    /** The fake's clock, for time-driven lifecycles, timestamps and result expiry: for example a {@code VirtualTime}. */
    public B clock(Scheduler scheduler) {
        Objects.requireNonNull(scheduler, "scheduler");
        this.clock = scheduler::now;
        return self();
    }

    /** The fake's clock, for time-driven lifecycles, timestamps and result expiry. */
    public B clock(Clock clock) {
        Objects.requireNonNull(clock, "clock");
        this.clock = clock::instant;
        return self();
    }

    /** The lifecycle of tasks without a more specific script. */
    public B defaultLifecycle(Lifecycle lifecycle) {
        this.defaultLifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
        return self();
    }

    /** The lifecycle of tasks of one model. */
    public B lifecycle(String modelId, Lifecycle lifecycle) {
        perModel.put(Objects.requireNonNull(modelId, "modelId"), Objects.requireNonNull(lifecycle, "lifecycle"));
        return self();
    }

    /** The model families the fake knows; default the installed ones ({@link ModelCatalog#loadInstalled()}). */
    public B catalog(ModelCatalog catalog) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        return self();
    }

    /** Which rules the fake enforces; default all. */
    public B validationPolicy(ValidationPolicy policy) {
        this.policy = Objects.requireNonNull(policy, "policy");
        return self();
    }

    /** Seeds the random part of task ids, for reproducible ids. */
    public B seed(long seed) {
        this.seed = seed;
        return self();
    }

    /** A new task model with these settings, for the fake being built. */
    protected final TaskModel newTaskModel() {
        return new TaskModel(clock, defaultLifecycle, perModel, catalog != null ? catalog : ModelCatalog.loadInstalled(), policy, seed);
    }
}
