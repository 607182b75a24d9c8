package dev.vidgen.testkit.assertj;

import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import org.assertj.core.api.AbstractObjectAssert;

/** Assertions on a {@link VideoTask} snapshot; start with {@link VidgenAssertions#assertThat(VideoTask)}. */
public final class VideoTaskAssert extends AbstractObjectAssert<VideoTaskAssert, VideoTask> {

    VideoTaskAssert(VideoTask actual) {
        super(actual, VideoTaskAssert.class);
    }

    /** The task is {@code completed}. */
    public VideoTaskAssert isCompleted() {
        return hasStatus(TaskState.COMPLETED);
    }

    /** The task is {@code failed}. */
    public VideoTaskAssert isFailed() {
        return hasStatus(TaskState.FAILED);
    }

    /** The task is {@code failed} with error code {@code code}. */
    public VideoTaskAssert isFailedWithCode(String code) {
        isFailed();
        String actualCode = actual.error() == null ? null : actual.error().code();
        if (!java.util.Objects.equals(actualCode, code)) {
            failWithMessage("Expected task %s to fail with code <%s> but its error code was <%s> (error: %s)",
                    actual.id(), code, actualCode, actual.error());
        }
        return this;
    }

    /** The task is in {@code state}. */
    public VideoTaskAssert hasStatus(TaskState state) {
        isNotNull();
        if (actual.status().state() != state) {
            failWithMessage("Expected task %s to be <%s> but it was <%s> (progress %s, error %s)",
                    actual.id(), state, actual.status().raw(), actual.progress(), actual.error());
        }
        return this;
    }

    /** The task's raw status text is {@code rawStatus} (for example an unknown {@code queued}). */
    public VideoTaskAssert hasStatus(String rawStatus) {
        isNotNull();
        if (!actual.status().raw().equals(rawStatus)) {
            failWithMessage("Expected task %s to have status <%s> but it was <%s>", actual.id(), rawStatus, actual.status().raw());
        }
        return this;
    }

    /** The task has at least one result URL. */
    public VideoTaskAssert hasResultUrl() {
        isNotNull();
        if (actual.results().isEmpty()) {
            failWithMessage("Expected task %s to have a result URL but it has no results (status <%s>)", actual.id(), actual.status().raw());
        }
        return this;
    }

    /** The task has exactly {@code count} results. */
    public VideoTaskAssert hasResultCount(int count) {
        isNotNull();
        if (actual.results().size() != count) {
            failWithMessage("Expected task %s to have %s results but it has %s: %s", actual.id(), count, actual.results().size(), actual.results());
        }
        return this;
    }

    /** The task reports {@code percent} progress. */
    public VideoTaskAssert hasProgress(int percent) {
        isNotNull();
        if (actual.progress() == null || actual.progress() != percent) {
            failWithMessage("Expected task %s to be at %s%% but it reports <%s>", actual.id(), percent, actual.progress());
        }
        return this;
    }

    /** The task will not change any more. */
    public VideoTaskAssert isTerminal() {
        isNotNull();
        if (!actual.isTerminal()) {
            failWithMessage("Expected task %s to have ended but it is <%s>", actual.id(), actual.status().raw());
        }
        return this;
    }

    /** The task is still running. */
    public VideoTaskAssert isNotTerminal() {
        isNotNull();
        if (actual.isTerminal()) {
            failWithMessage("Expected task %s to be running but it ended <%s>", actual.id(), actual.status().raw());
        }
        return this;
    }

    /** The task's id has the documented form {@code task-unified-{unix seconds}-{8 lowercase alphanumerics}}. */
    public VideoTaskAssert hasWellFormedId() {
        isNotNull();
        if (!actual.id().isWellFormed()) {
            failWithMessage("Expected a task id of the form task-unified-{unix seconds}-{8 lowercase alphanumerics} but it was <%s>", actual.id());
        }
        return this;
    }
}
