package dev.vidgen.fake;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.fake.internal.TaskModel;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * What both fakes ({@code FakeTaskPort} and {@code FakeVideoApi}) share: one task model (ids of
 * the API's form, the choice of lifecycle, the created tasks) and the methods that script it and
 * read it back.
 *
 * @param <S> the concrete fake, returned by the scripting methods so that calls chain
 */
public abstract class FakeTasks<S extends FakeTasks<S>> {

    /** The task model of this fake. */
    protected final TaskModel tasks;

    /** A fake over {@code tasks} (made by {@link FakeSettings}). */
    protected FakeTasks(TaskModel tasks) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
    }

    /** This fake, as its concrete type. */
    protected abstract S self();

    /** Tasks without a more specific script follow {@code lifecycle}. */
    public S defaultLifecycle(Lifecycle lifecycle) {
        tasks.defaultLifecycle(lifecycle);
        return self();
    }

    /** Tasks of {@code modelId} follow {@code lifecycle} (unless a per-request script applies). */
    public S lifecycle(String modelId, Lifecycle lifecycle) {
        tasks.lifecycle(modelId, lifecycle);
        return self();
    }

    /** Tasks whose request matches {@code condition} follow {@code lifecycle}; earlier conditions win. */
    public S lifecycleWhen(Predicate<VideoRequest> condition, Lifecycle lifecycle) {
        tasks.lifecycleWhen(condition, lifecycle);
        return self();
    }

    /** The next accepted submit (after those already scripted) follows {@code lifecycle}, whatever its model. */
    public S lifecycleForNextSubmit(Lifecycle lifecycle) {
        tasks.lifecycleForNextSubmit(lifecycle);
        return self();
    }

    /** The ids of every task created, in order of creation. */
    public List<TaskId> createdTaskIds() {
        return tasks.createdTaskIds();
    }

    /** The requests of every created task (accepted submits), in order of creation. */
    public List<VideoRequest> submittedRequests() {
        return tasks.submittedRequests();
    }
}
