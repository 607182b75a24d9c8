package dev.vidgen.domain.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class TaskTest {

    @ParameterizedTest
    @CsvSource({
        "pending, PENDING, false",
        "processing, PROCESSING, false",
        "completed, COMPLETED, true",
        "failed, FAILED, true",
        "cancelled, CANCELLED, true",
        "canceled, CANCELLED, true",
        "' Completed ', COMPLETED, true",
    })
    void knownStatuses(String raw, TaskState state, boolean terminal) {
        TaskStatus status = TaskStatus.parse(raw);
        assertThat(status.state()).isEqualTo(state);
        assertThat(status.isTerminal()).isEqualTo(terminal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"queued", "succeeded", "PAUSED", ""})
    void anUnknownStatusKeepsItsTextAndIsNotTerminal(String raw) {
        TaskStatus status = TaskStatus.parse(raw);
        assertThat(status.state()).isEqualTo(TaskState.UNKNOWN);
        assertThat(status.raw()).isEqualTo(raw);
        assertThat(status.isTerminal()).isFalse();
        assertThat(status).hasToString(raw);
    }

    @Test
    void aMissingStatusIsUnknown() {
        assertThat(TaskStatus.parse(null).state()).isEqualTo(TaskState.UNKNOWN);
    }

    @Test
    void documentedTaskIdShape() {
        assertThat(TaskId.of("task-unified-1757165031-uyujaw3d").isWellFormed()).isTrue();
        assertThat(TaskId.of("task-unified-1757165031-UYUJAW3D").isWellFormed()).isFalse();
        assertThat(TaskId.of("task-unified-1757165031-uyujaw3").isWellFormed()).isFalse();
        assertThat(TaskId.of("task-other-1757165031-uyujaw3d").isWellFormed()).isFalse();
        // the server is the authority: an unexpected shape is still a usable id
        assertThat(TaskId.of("custom-42").value()).isEqualTo("custom-42");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a/b", "a?b", "a#b", "a b", "a\nb"})
    void anIdThatCannotBeAPathSegmentIsRefused(String bad) {
        assertThatThrownBy(() -> TaskId.of(bad)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("task id");
    }

    @Test
    void aNullIdIsRefusedWithAClearMessage() {
        assertThatThrownBy(() -> TaskId.of(null)).isInstanceOf(IllegalArgumentException.class).hasMessage("task id must not be null");
    }

    static VideoTask task(TaskStatus status, List<TaskResult> results, Instant observedAt) {
        return new VideoTask(TaskId.of("task-unified-1757165031-uyujaw3d"), "kling-o3-ref", status, 100, Duration.ofSeconds(45),
                results, null, null, Instant.ofEpochSecond(1757165031), observedAt);
    }

    @Test
    void resultsExpire24HoursAfterCompletionWasObserved() {
        Instant seen = Instant.parse("2025-09-06T13:30:00Z");
        TaskResult result = new TaskResult(URI.create("https://cdn.example.com/video.mp4"), Map.of("width", 1920));
        VideoTask done = task(TaskStatus.COMPLETED, List.of(result), seen);
        assertThat(done.resultsExpireAt()).contains(Instant.parse("2025-09-07T13:30:00Z"));
        assertThat(done.isTerminal()).isTrue();
        assertThat(done.firstResultUrl()).contains(URI.create("https://cdn.example.com/video.mp4"));
        assertThat(done.results().get(0).extra()).containsEntry("width", 1920);
    }

    @Test
    void unfinishedOrFailedTasksHaveNoResultExpiry() {
        Instant seen = Instant.parse("2025-09-06T13:30:00Z");
        assertThat(task(TaskStatus.PROCESSING, null, seen).resultsExpireAt()).isEmpty();
        assertThat(task(TaskStatus.FAILED, null, seen).resultsExpireAt()).isEmpty();
        assertThat(task(TaskStatus.parse("weird"), null, seen).isTerminal()).isFalse();
        assertThat(task(TaskStatus.PROCESSING, null, seen).results()).isEmpty();
        assertThat(task(TaskStatus.PROCESSING, null, seen).firstResultUrl()).isEmpty();
    }

    @Test
    void resultsExpireFromTheEarliestEvidenceOfCompletionNeverLater() {
        Instant first = Instant.parse("2025-09-06T13:30:00Z");
        Instant later = first.plusSeconds(90);
        VideoTask requeried = task(TaskStatus.COMPLETED, List.of(), later);
        assertThat(requeried.completedBy()).isEqualTo(later);
        VideoTask carried = requeried.withCompletedBy(first);
        assertThat(carried.completedNoLaterThan()).contains(first);
        assertThat(carried.resultsExpireAt()).contains(first.plus(VideoTask.RESULT_LIFETIME));
        // evidence later than the snapshot, or for a task not completed, changes nothing
        assertThat(requeried.withCompletedBy(later.plusSeconds(5)).completedBy()).isEqualTo(later);
        assertThat(task(TaskStatus.PROCESSING, null, later).withCompletedBy(first).completedBy()).isNull();
    }
}
