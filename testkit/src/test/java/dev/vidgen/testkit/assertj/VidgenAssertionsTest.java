package dev.vidgen.testkit.assertj;

import static dev.vidgen.testkit.assertj.VidgenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.TaskError;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort.Futures;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each assertion passes when it should and fails, with a useful message, when it should not. */
class VidgenAssertionsTest {

    private static final TaskId ID = TaskId.of("task-unified-1757165031-uyujaw3d");

    private static VideoTask task(TaskStatus status, List<TaskResult> results, TaskError error) {
        return new VideoTask(ID, "kling-o3-ref", status, status == TaskStatus.COMPLETED ? 100 : 40, null, results, error, null,
                null, Instant.EPOCH);
    }

    private static final VideoTask COMPLETED = task(TaskStatus.COMPLETED,
            List.of(new TaskResult(URI.create("https://cdn.example.com/v.mp4"), null)), null);
    private static final VideoTask COMPLETED_EMPTY = task(TaskStatus.COMPLETED, List.of(), null);
    private static final VideoTask FAILED = task(TaskStatus.FAILED, List.of(), new TaskError("generation_failed", "no", "task_error"));
    private static final VideoTask QUEUED = task(TaskStatus.parse("queued"), List.of(), null);

    @Test
    void taskAssertionsPass() {
        assertThat(COMPLETED).isCompleted().hasResultUrl().hasResultCount(1).hasProgress(100).isTerminal().hasWellFormedId()
                .hasStatus(TaskState.COMPLETED).hasStatus("completed");
        assertThat(FAILED).isFailed().isFailedWithCode("generation_failed").isTerminal();
        assertThat(QUEUED).hasStatus(TaskState.UNKNOWN).hasStatus("queued").isNotTerminal();
    }

    @Test
    void taskAssertionsFailWhenTheyShould() {
        assertThatThrownBy(() -> assertThat(FAILED).isCompleted()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to be <COMPLETED> but it was <failed>");
        assertThatThrownBy(() -> assertThat(COMPLETED_EMPTY).hasResultUrl()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("no results");
        assertThatThrownBy(() -> assertThat(FAILED).isFailedWithCode("content_policy")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("<content_policy>").hasMessageContaining("<generation_failed>");
        assertThatThrownBy(() -> assertThat(COMPLETED).isFailedWithCode("x")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(QUEUED).hasStatus("pending")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(QUEUED).isTerminal()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(COMPLETED).isNotTerminal()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(COMPLETED).hasProgress(50)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(COMPLETED).hasResultCount(2)).isInstanceOf(AssertionError.class);
        VideoTask odd = new VideoTask(TaskId.of("job-42"), null, TaskStatus.PENDING, null, null, null, null, null, null, Instant.EPOCH);
        assertThatThrownBy(() -> assertThat(odd).hasWellFormedId()).isInstanceOf(AssertionError.class).hasMessageContaining("job-42");
        assertThatThrownBy(() -> assertThat((VideoTask) null).isCompleted()).isInstanceOf(AssertionError.class);
    }

    @Test
    void requestAssertions() {
        KlingReferenceRequest good = KlingReferenceRequest.builder().prompt("a street").build();
        KlingReferenceRequest bad = KlingReferenceRequest.builder().prompt("a street").duration(16).build();

        assertThat(good).isValid();
        assertThat(bad).isInvalid().hasViolation("kling.duration.range").hasViolation("kling.duration.range", "duration")
                .hasOnlyViolationsOf("kling.duration.range");

        assertThatThrownBy(() -> assertThat(bad).isValid()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("kling.duration.range").hasMessageContaining("duration");
        assertThatThrownBy(() -> assertThat(good).isInvalid()).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(bad).hasViolation("kling.duration.range", "prompt")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("at <prompt>");
        assertThatThrownBy(() -> assertThat(good).hasViolation("kling.mode")).isInstanceOf(AssertionError.class)
                .hasMessageContaining("the request is valid");
        assertThatThrownBy(() -> assertThat(bad).hasOnlyViolationsOf("kling.mode")).isInstanceOf(AssertionError.class);
    }

    @Test
    void requestAssertionsHonourAPolicy() {
        KlingReferenceRequest.Builder b = KlingReferenceRequest.builder().prompt("x".repeat(2600));

        assertThat(b.build()).hasViolation("kling.prompt.length", "prompt");
        assertThat(b.build()).withPolicy(new ValidationPolicy(Set.of("kling.prompt.length"))).isValid();
    }

    @Test
    void fakePortAssertions() {
        FakeTaskPort port = new FakeTaskPort();
        TaskId id = Futures.join(port.submitAsync(KlingReferenceRequest.builder().prompt("x").build(), CallSettings.DEFAULTS)).id();
        Futures.join(port.fetchAsync(id, CallSettings.DEFAULTS));

        assertThat(port).receivedSubmits(1).receivedFetches(1).receivedFetches(id, 1).createdTasks(1).submittedRequest(0).isValid();

        assertThatThrownBy(() -> assertThat(port).receivedSubmits(2)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected 2 submit(s) but the fake port received 1");
        assertThatThrownBy(() -> assertThat(port).receivedFetches(3)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(port).receivedFetches(id, 0)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(port).createdTasks(0)).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> assertThat(port).submittedRequest(1)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("accepted 1");
    }

    @Test
    void fakeApiAssertions() throws Exception {
        try (FakeVideoApi api = FakeVideoApi.start()) {
            api.faults().next(Route.QUERY, Fault.status(503), 2);
            HttpClient http = HttpClient.newHttpClient();
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(api.baseUrl().resolve("/v1/videos/generations"))
                    .header("Authorization", "Bearer " + api.apiKey()).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"kling-o3-ref\",\"prompt\":\"x\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            TaskId id = api.createdTaskIds().get(0);
            http.send(HttpRequest.newBuilder(api.baseUrl().resolve("/v1/tasks/" + id)).header("Authorization", "Bearer " + api.apiKey()).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(submitted.statusCode()).isEqualTo(200); // plain AssertJ through the same import
            assertThat(api).receivedSubmits(1).receivedQueries(1).received(Route.QUERY, "GET", 1).createdTasks(1)
                    .receivedQueries(id, 0) // the 503 hit before the task
                    .receivedOnlyAuthorizedRequests();

            assertThatThrownBy(() -> assertThat(api).receivedSubmits(2)).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("Expected 2 POST request(s) of SUBMIT but the fake received 1");
            assertThatThrownBy(() -> assertThat(api).receivedQueries(id, 1)).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> assertThat(api).createdTasks(2)).isInstanceOf(AssertionError.class);
            assertThatThrownBy(() -> assertThat(api).usedAllScriptedFaults()).isInstanceOf(AssertionError.class)
                    .hasMessageContaining("status 503");

            http.send(HttpRequest.newBuilder(api.baseUrl().resolve("/v1/tasks/" + id)).build(), HttpResponse.BodyHandlers.ofString());
            assertThatThrownBy(() -> assertThat(api).receivedOnlyAuthorizedRequests()).isInstanceOf(AssertionError.class);
        }
    }
}
