package dev.vidgen.cli;

import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code vidgen download TASK_ID --output PATH}: saves a completed task's video. */
@Command(name = "download", description = {
    "Download a completed task's result video to PATH (result URLs are valid for 24 hours).",
    "Exit 4 when the task failed, 5 when it is not finished yet (use 'wait --output' instead)."
})
final class DownloadCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @Parameters(paramLabel = "TASK_ID", description = "The task id")
    String taskId;

    @Option(names = "--output", required = true, paramLabel = "PATH", description = "Where to save the video; "
            + "an existing file is kept unless --force; only a new or regular file is written")
    String outputText;

    @Option(names = "--force", description = "Replace an existing regular file")
    boolean force;

    @Option(names = "--index", paramLabel = "N", defaultValue = "0", description = "Which result, from 0 (default 0)")
    int index;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class, defaultValue = "90s",
            description = "The whole download, the status query included, takes at most DURATION (default 90s)")
    Duration timeout;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() {
        TaskId id = StatusCommand.parseId(taskId);
        Path output = Inputs.checkOutput(outputText, force);
        Deadline deadline = Deadline.in(timeout, "--timeout");
        try (Session s = Session.open(root, api)) {
            VideoTask task = StatusCommand.current(s, id, deadline);
            TaskState state = task.status().state();
            if (state == TaskState.FAILED || state == TaskState.CANCELLED) {
                throw new TaskFailedException(task);
            }
            if (state != TaskState.COMPLETED) {
                throw new CliException(ExitCode.TIMEOUT, "task " + id + " is not finished yet (" + Printable.text(task.status().raw())
                        + (task.progress() == null ? "" : " " + task.progress() + "%") + "); wait for it with 'vidgen wait "
                        + id + " --output " + output + "'");
            }
            if (task.results().isEmpty()) {
                throw new CliException(ExitCode.API_ERROR, "task " + id + " completed but listed no result URL; nothing to download");
            }
            if (index < 0 || index >= task.results().size()) {
                throw CliException.usage("--index " + index + " is out of range: task " + id + " has "
                        + task.results().size() + (task.results().size() == 1 ? " result (index 0)" : " results (0.." + (task.results().size() - 1) + ")"));
            }
            TaskFlow.download(root, s, task, index, output, deadline);
            root.out().println(output);
            return ExitCode.OK;
        }
    }
}
