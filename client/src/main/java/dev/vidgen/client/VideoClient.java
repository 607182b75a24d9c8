package dev.vidgen.client;

import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.ports.CallOptions;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The facade users call: validate, submit, get, await and download video generation tasks.
 * Thread-safe; close it to release its transport and scheduler (unless they were given from
 * outside, in which case their owner closes them).
 *
 * <p>SKELETON: signatures are the contract; the client helper implements them.
 */
public final class VideoClient implements AutoCloseable {

    /** Validates locally, without I/O; returns every violation of the rules in force. */
    public List<Violation> validate(VideoRequest request) { throw new UnsupportedOperationException("TODO"); }

    /** Validates, then submits; returns the new task. */
    public VideoTask submit(VideoRequest request) { throw new UnsupportedOperationException("TODO"); }

    /** {@link #submit(VideoRequest)} with per-call options. */
    public VideoTask submit(VideoRequest request, CallOptions options) { throw new UnsupportedOperationException("TODO"); }

    /** Async {@link #submit(VideoRequest)}; validation failures complete the future exceptionally. */
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request) { throw new UnsupportedOperationException("TODO"); }

    /** Fetches a task's current state. */
    public VideoTask get(TaskId id) { throw new UnsupportedOperationException("TODO"); }

    /** Async {@link #get(TaskId)}. */
    public CompletableFuture<VideoTask> getAsync(TaskId id) { throw new UnsupportedOperationException("TODO"); }

    /** Waits for the task to complete; throws TaskFailedException or AwaitTimeoutException. */
    public VideoTask await(TaskId id, AwaitOptions options) { throw new UnsupportedOperationException("TODO"); }

    /** Async {@link #await(TaskId, AwaitOptions)}; cancelling the future stops polling. */
    public CompletableFuture<VideoTask> awaitAsync(TaskId id, AwaitOptions options) { throw new UnsupportedOperationException("TODO"); }

    /** Submits, then awaits. */
    public VideoTask submitAndAwait(VideoRequest request, AwaitOptions options) { throw new UnsupportedOperationException("TODO"); }

    /** Async {@link #submitAndAwait}. */
    public CompletableFuture<VideoTask> submitAndAwaitAsync(VideoRequest request, AwaitOptions options) { throw new UnsupportedOperationException("TODO"); }

    /** Downloads result {@code index} of a completed task to {@code target} (atomically). */
    public Path download(VideoTask task, int index, Path target) { throw new UnsupportedOperationException("TODO"); }

    /** The model families and their capability tables. */
    public ModelCatalog models() { throw new UnsupportedOperationException("TODO"); }

    /** A builder for use without Guice. */
    public static VideoClientBuilder builder() { return new VideoClientBuilder(); }

    @Override
    public void close() { throw new UnsupportedOperationException("TODO"); }
}
