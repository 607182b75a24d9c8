package dev.vidgen.cli;

import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.VideoTask;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** What submit, generate and wait share: submitting, waiting with progress, printing results, downloading. */
final class TaskFlow {

    private TaskFlow() {
    }

    /**
     * Submits {@code request}; prints the task id (or the task as JSON); with {@code --wait}, {@code --output}
     * or {@code --timeout} waits for it, prints its results and downloads the first one.
     */
    static int submit(VidgenCli root, VideoRequest request, WaitOptions w) {
        Inputs.checkOutput(w.output);
        PrintWriter out = root.out();
        try (Session s = Session.open(root, root.err())) {
            VideoTask task = s.client().submit(request);
            boolean waiting = w.wait || w.output != null || w.timeout != null;
            if (!waiting) {
                out.println(w.json ? TaskOutput.json(task) : task.id().value());
                return ExitCode.OK;
            }
            if (w.json) {
                root.err().println("submitted task " + task.id());
            } else {
                out.println(task.id().value());
            }
            out.flush();
            return await(root, s, task.id(), w.timeout, w.output, w.json);
        }
    }

    /** Waits for a task with progress on standard error, then prints and downloads its results. */
    static int await(VidgenCli root, Session s, TaskId id, Duration timeout, Path output, boolean json) {
        PrintWriter out = root.out();
        PrintWriter err = root.err();
        ProgressPrinter progress = new ProgressPrinter(err, root.context().terminal());
        VideoTask done;
        try {
            done = s.client().await(id, s.awaitOptions(timeout, progress));
        } catch (TaskFailedException e) {
            progress.finish();
            if (json) {
                out.println(TaskOutput.json(e.task()));
            }
            throw e;
        } finally {
            progress.finish();
        }
        if (json) {
            out.println(TaskOutput.json(done));
        } else {
            for (TaskResult r : done.results()) {
                out.println(r.url());
            }
        }
        out.flush();
        if (done.results().isEmpty()) {
            if (output != null) {
                throw new CliException(ExitCode.API_ERROR, "task " + id + " completed but listed no result URL; nothing to download");
            }
            err.println("note: task " + id + " completed but listed no result URL");
            return ExitCode.OK;
        }
        if (output != null) {
            download(root, s, done, 0, output);
        }
        return ExitCode.OK;
    }

    /** Downloads result {@code index} of a completed task and says where it went. */
    static void download(VidgenCli root, Session s, VideoTask task, int index, Path output) {
        Path saved = s.client().download(task, index, output);
        long size;
        try {
            size = Files.size(saved);
        } catch (IOException e) {
            size = -1;
        }
        root.err().println("saved " + saved + (size >= 0 ? " (" + size + " bytes)" : ""));
        root.err().flush();
    }
}
