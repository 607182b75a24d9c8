package dev.vidgen.cli;

import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vidgen wait TASK_ID}: waits for a task, as {@code submit --wait} does. */
@Command(name = "wait", description = {
    "Wait for a task with progress, then print its result URL(s).",
    "Exit 4 when the task fails (error code printed), 5 when the timeout passes first (wait again to resume)."
})
final class WaitCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @Parameters(paramLabel = "TASK_ID", description = "The task id")
    String taskId;

    @Option(names = "--output", paramLabel = "PATH", description = "Download the first result to PATH; "
            + "an existing file is kept unless --force; only a new or regular file is written")
    String output;

    @Option(names = "--force", description = "With --output: replace an existing regular file")
    boolean force;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
            description = "Give up after DURATION, the download included (90s, 5m, 1h, PT5M; default 30m); exit 5, the task goes on")
    Duration timeout;

    @Option(names = "--json", description = "Print the final task as JSON instead of its result URLs")
    boolean json;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        var id = StatusCommand.parseId(taskId);
        var path = Inputs.checkOutput(output, force);
        Deadline deadline = Deadline.forWait(timeout);
        try (Session s = Session.open(root, api)) {
            return TaskFlow.await(root, s, id, deadline, path, json);
        }
    }
}
