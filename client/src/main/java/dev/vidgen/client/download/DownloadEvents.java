package dev.vidgen.client.download;

import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.observe.HttpAttempt;
import dev.vidgen.client.observe.HttpOperation;
import dev.vidgen.client.observe.TaskEvent;
import dev.vidgen.domain.task.VideoTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** Tells the client's observer about download attempts and downloads; builds nothing under {@link ClientObserver#NOOP}. */
final class DownloadEvents {

    private final ClientObserver observer;

    DownloadEvents(ClientObserver observer) {
        this.observer = observer;
    }

    /** One attempt ended with {@code status} ({@code 0}: a transport error); it started at {@code startedNanos}. */
    void attempt(int attempt, int maxAttempts, int status, long startedNanos) {
        if (observer != ClientObserver.NOOP) {
            HttpAttempt.Outcome outcome = status == 0 ? HttpAttempt.Outcome.IO_ERROR : HttpAttempt.Outcome.ofStatus(status, true);
            observer.httpAttempt(new HttpAttempt(HttpOperation.DOWNLOAD, attempt, maxAttempts, status, outcome, since(startedNanos)));
        }
    }

    /** A download ended: with the file's size, or {@code -1} when it failed. */
    void downloaded(VideoTask task, long bytes, long startedNanos) {
        if (observer != ClientObserver.NOOP) {
            observer.taskEvent(TaskEvent.downloaded(task.id(), task.model(), bytes, since(startedNanos),
                    bytes >= 0 ? TaskEvent.SUCCESS : TaskEvent.FAILURE));
        }
    }

    /** The downloaded file's size, read only when someone listens (0 when it cannot be read). */
    long size(Path file) {
        if (observer == ClientObserver.NOOP) {
            return 0;
        }
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static Duration since(long startedNanos) {
        return Duration.ofNanos(Math.max(0, System.nanoTime() - startedNanos));
    }
}
