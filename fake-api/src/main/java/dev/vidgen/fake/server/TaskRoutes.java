package dev.vidgen.fake.server;

import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.internal.FakeTask;
import dev.vidgen.fake.internal.TaskModel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What each route of the API does with the task model, once routing and auth have let the request
 * through: submit (validate, create), query (the lifecycle's state) and result files (the sample
 * video, 410 once 24 hours have passed on the fake's clock since completion).
 */
final class TaskRoutes {

    static final String SUBMIT_PATH = "/v1/videos/generations";
    static final String TASKS_PATH = "/v1/tasks/";
    static final String FILES_PATH = "/files/";
    static final Duration RESULTS_KEPT = Duration.ofHours(24);

    private final TaskModel tasks;
    private final FaultPlan faults;
    private final ResultShape shape;

    TaskRoutes(TaskModel tasks, FaultPlan faults, ResultShape shape) {
        this.tasks = tasks;
        this.faults = faults;
        this.shape = shape;
    }

    /** A submit with {@code contentType} (or {@code null}) and {@code body}. */
    Answer submit(String contentType, byte[] body) {
        if (contentType == null || !contentType.trim().toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return Answer.error(400, "invalid_request_error", null,
                    "Content-Type must be application/json, got " + (contentType == null ? "none" : contentType));
        }
        VideoRequest request;
        try {
            request = tasks.rules().codec().decodeRequest(body);
        } catch (RequestValidationException e) {
            return Rejections.of(e.violations(), body);
        }
        List<Violation> violations = tasks.rules().validate(request);
        if (!violations.isEmpty()) {
            return Rejections.of(violations, body);
        }
        FakeTask task = tasks.create(request, new String(body, StandardCharsets.UTF_8));
        return new Answer(200, TaskJson.submitted(task));
    }

    /**
     * A query of {@code path}; result links start with {@code baseUrl}; {@code fault} is the fault
     * that will spoil the answer, if any.
     */
    Answer query(URI baseUrl, String path, Fault fault) {
        String id = path.substring(TASKS_PATH.length());
        Optional<FakeTask> found = tasks.find(id);
        if (found.isEmpty()) {
            return Answer.error(404, "not_found", null, "task " + (id.isEmpty() ? "(no id)" : id) + " does not exist");
        }
        FakeTask task = found.get();
        Lifecycle.Snapshot s = task.query(tasks.now());
        List<URI> videos = new ArrayList<>();
        if (s.outcome() == Lifecycle.Outcome.COMPLETED) {
            // an answer whose status a fault replaces does not use up a "completed without results"
            boolean spoilt = (fault == null || fault.kind() != Fault.Kind.UNKNOWN_STATUS) && faults.takeEmptyResults();
            for (int i = 0; !spoilt && i < task.lifecycle().resultCount(); i++) {
                videos.add(URI.create(baseUrl + FILES_PATH + task.id().value() + "/" + i + ".mp4"));
            }
        }
        return new Answer(200, TaskJson.queried(task, s, videos, shape));
    }

    Answer result(String method, String path) {
        String rest = path.substring(FILES_PATH.length());
        int slash = rest.indexOf('/');
        FakeTask task = slash < 0 ? null : tasks.find(rest.substring(0, slash)).orElse(null);
        int index = slash < 0 ? -1 : fileIndex(rest.substring(slash + 1));
        if (task == null || task.completedAt() == null || index < 0 || index >= task.lifecycle().resultCount()) {
            return Answer.error(404, "not_found", null, "no such file");
        }
        if (tasks.now().isAfter(task.completedAt().plus(RESULTS_KEPT))) {
            return Answer.error(410, "not_found", null, "this result expired 24 hours after the task completed");
        }
        return new Answer(200, "video/mp4", SampleVideo.bytes(), method.equals("HEAD"));
    }

    /** {@code N.mp4} to N, else -1. */
    private static int fileIndex(String file) {
        if (!file.endsWith(".mp4")) {
            return -1;
        }
        try {
            return Integer.parseInt(file.substring(0, file.length() - 4));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
