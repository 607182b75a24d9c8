package dev.vidgen.cli;

import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--output", required = true, paramLabel = "PATH", description = "Where to save the video")
    Path output;

    @Option(names = "--index", paramLabel = "N", defaultValue = "0", description = "Which result, from 0 (default 0)")
    int index;

    @Override
    public Integer call() {
        TaskId id = StatusCommand.parseId(taskId);
        Inputs.checkOutput(output);
        try (Session s = Session.open(root, root.err())) {
            VideoTask task = StatusCommand.current(s.client(), id);
            TaskState state = task.status().state();
            if (state == TaskState.FAILED || state == TaskState.CANCELLED) {
                throw new TaskFailedException(task);
            }
            if (state != TaskState.COMPLETED) {
                throw new CliException(ExitCode.TIMEOUT, "task " + id + " is not finished yet (" + task.status().raw()
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
            TaskFlow.download(root, s, task, index, output);
            root.out().println(output);
            return ExitCode.OK;
        }
    }
}
