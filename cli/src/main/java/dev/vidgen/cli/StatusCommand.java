package dev.vidgen.cli;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.client.CallOptions;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vidgen status TASK_ID}: a task's current state. */
@Command(name = "status", description = {
    "Show a task's status, progress, error and result URLs.",
    "Exit 0 whenever the status could be read, whatever it is (see 'wait' for an exit code that follows the task)."
})
final class StatusCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @Parameters(paramLabel = "TASK_ID", description = "The task id, for example task-unified-1757165031-uyujaw3d")
    String taskId;

    @Option(names = "--json", description = "Print the task as JSON")
    boolean json;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "30s",
            description = "Give up when the API has not answered within DURATION (default 30s)")
    Duration timeout;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        TaskId id = parseId(taskId);
        Deadline deadline = Deadline.in(timeout, "--timeout");
        try (Session s = Session.open(root, api)) {
            VideoTask task = current(s, id, deadline);
            if (json) {
                root.out().println(TaskOutput.json(task));
            } else {
                TaskOutput.details(task).forEach(root.out()::println);
            }
            return ExitCode.OK;
        }
    }

    /**
     * The task as fresh as the server can tell: asks it to refresh a running task from upstream,
     * and asks once more without that when such an answer says completed but lists no results (a
     * known quirk of {@code sync_upstream}).
     */
    static VideoTask current(Session s, TaskId id, Deadline deadline) {
        VideoTask task = s.get(id, CallOptions.builder().syncUpstream(true).build(), deadline);
        if (task.status().state() == TaskState.COMPLETED && task.results().isEmpty()) {
            task = s.get(id, CallOptions.defaults(), deadline);
        }
        return task;
    }

    static TaskId parseId(String text) {
        try {
            return TaskId.of(text.strip());
        } catch (IllegalArgumentException e) {
            throw CliException.usage(Printable.text("'" + text + "' is not a task id: " + e.getMessage()));
        }
    }
}
