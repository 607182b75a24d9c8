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

/** What submit, generate and wait share: submitting, waiting with progress, printing results, downloading. */
final class TaskFlow {

    private TaskFlow() {
    }

    /**
     * Submits {@code request}; prints the task id (or the task as JSON); with {@code --wait}, {@code --output}
     * or {@code --timeout} waits for it, prints its results and downloads the first one, all within
     * {@code --timeout}.
     */
    static int submit(VidgenCli root, ApiOptions api, VideoRequest request, WaitOptions w) {
        Path output = Inputs.checkOutput(w.output, w.force);
        boolean waiting = w.waiting();
        Deadline deadline = waiting ? Deadline.forWait(w.timeout) : null; // --timeout alone implies waiting
        PrintWriter out = root.out();
        try (Session s = Session.open(root, api)) {
            VideoTask task = s.submit(request, deadline);
            String id = Printable.text(task.id().value());
            if (!waiting) {
                out.println(w.json ? TaskOutput.json(task) : id);
                return ExitCode.OK;
            }
            if (w.json) {
                root.err().println("submitted task " + id);
            } else {
                out.println(id);
            }
            out.flush();
            return await(root, s, task.id(), deadline, output, w.json);
        }
    }

    /** Waits for a task with progress on standard error until {@code deadline}, then prints and downloads its results. */
    static int await(VidgenCli root, Session s, TaskId id, Deadline deadline, Path output, boolean json) {
        PrintWriter out = root.out();
        PrintWriter err = root.err();
        ProgressPrinter progress = new ProgressPrinter(err, root.context().terminal());
        VideoTask done;
        try {
            done = s.await(id, deadline, progress);
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
                out.println(Printable.text(r.url().toString()));
            }
        }
        out.flush();
        String shownId = Printable.text(id.value());
        if (done.results().isEmpty()) {
            if (output != null) {
                throw new CliException(ExitCode.API_ERROR, "task " + shownId + " completed but listed no result URL; nothing to download");
            }
            err.println("note: task " + shownId + " completed but listed no result URL");
            return ExitCode.OK;
        }
        if (output != null) {
            download(root, s, done, 0, output, deadline);
        }
        return ExitCode.OK;
    }

    /** Downloads result {@code index} of a completed task within {@code deadline} and says where it went. */
    static void download(VidgenCli root, Session s, VideoTask task, int index, Path output, Deadline deadline) {
        Path saved = s.download(task, index, output, deadline);
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
