package dev.vidgen.client.download;

import dev.vidgen.client.error.ResultExpiredException;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.internal.Hosts;
import dev.vidgen.client.retry.RetryClassifier;
import dev.vidgen.client.retry.RetryEngine;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.time.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Downloads a completed task's result video to a file: the one place of the download policy
 * (the transport only does the exchange). Thread-safe.
 *
 * <ul>
 *   <li>The body streams into a hidden part file beside the target ({@code PartFiles}), which is
 *       then moved over the target atomically: the target is either the whole video or untouched.
 *       No part file is left behind on any failure; a JVM ending mid-download deletes its part files
 *       in a shutdown hook.</li>
 *   <li>Only nothing or a regular file at the target is replaced; a symbolic link, directory, FIFO,
 *       socket or device is refused naming what is there ({@link IllegalArgumentException}).</li>
 *   <li>Limits ({@link DownloadOptions}): a total deadline (every attempt, redirect and wait) and a
 *       size cap (default 30 minutes, 4 GiB); either ends the download with
 *       {@link DownloadLimitException}, saying which and how many bytes had arrived.</li>
 *   <li>An HTML page is not a video: a {@code text/html} 2xx answer, or a body that starts like an
 *       HTML document, is refused ({@link VidgenException}) and nothing is saved.</li>
 *   <li>https only; plain http only to a loopback host ({@code localhost}, 127.0.0.0/8, {@code ::1})
 *       and only when allowed (the embedded fake API).</li>
 *   <li>Sends no {@code Authorization} header: result URLs are pre-signed and may live on another
 *       host, so the API key must never go there. Follows up to {@value #MAX_REDIRECTS} redirects
 *       itself, refusing one to plain http.</li>
 *   <li>Retries run on the client's one {@link RetryEngine} under the {@link RetryPolicy}, decided by
 *       {@link RetryClassifier}: transport I/O errors and 429/500/502/503/504 are retried, each time
 *       from the original URL, honouring a {@code Retry-After} of up to a minute, measured on the
 *       injected {@link Scheduler}'s clock.</li>
 *   <li>403, 404 and 410 mean the URL expired (results live 24 hours) or is gone:
 *       {@link ResultExpiredException} naming the task.</li>
 * </ul>
 * Messages name the host of a result URL, never its query, which holds the signature.
 */
public final class ResultDownloader {

    /** How many redirects one attempt follows. */
    public static final int MAX_REDIRECTS = 5;

    private final HttpTransport transport;
    private final Scheduler scheduler;
    private final RetryEngine engine;
    private final DownloadEvents events;

    /**
     * A downloader whose retries and deadline run on {@code scheduler}.
     *
     * @param transport the HTTP transport (it does not follow redirects)
     * @param retry     attempts and backoff
     * @param scheduler the clock of the deadline and of the waits between attempts
     */
    public ResultDownloader(HttpTransport transport, RetryPolicy retry, Scheduler scheduler) {
        this(transport, retry, scheduler, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** As the three-argument constructor, with the source of the backoff jitter (uniform in [0, 1); tests pass a constant). */
    public ResultDownloader(HttpTransport transport, RetryPolicy retry, Scheduler scheduler, DoubleSupplier random) {
        this(transport, scheduler, new RetryEngine(scheduler, Objects.requireNonNull(retry, "retry policy must not be null"),
                Objects.requireNonNull(random, "random must not be null")), ClientObserver.NOOP);
    }

    private ResultDownloader(HttpTransport transport, Scheduler scheduler, RetryEngine engine, ClientObserver observer) {
        this.transport = Objects.requireNonNull(transport, "transport must not be null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
        this.engine = engine;
        this.events = new DownloadEvents(ClientObserver.safe(observer));
    }

    /** This downloader telling {@code observer} of every attempt and every download's end. */
    public ResultDownloader observedBy(ClientObserver observer) {
        return new ResultDownloader(transport, scheduler, engine, observer);
    }

    /** {@link #download(VideoTask, int, Path, DownloadOptions)} with {@link DownloadOptions#defaults()}. */
    public Path download(VideoTask task, int index, Path target) {
        return download(task, index, target, DownloadOptions.defaults());
    }

    /**
     * Downloads result {@code index} of {@code task} to {@code target}, creating its directory if
     * needed and replacing a regular file that is there.
     *
     * @return {@code target}
     * @throws IllegalArgumentException the task is not completed, has no result {@code index}, or
     *                                  {@code target} exists and is not a regular file
     * @throws DownloadLimitException   the deadline passed or the video is larger than the cap
     * @throws ResultExpiredException   the URL answered 403, 404 or 410
     * @throws TransportIoException     I/O errors persisted through every attempt
     * @throws VidgenException          the URL is not https (or allowed loopback http), a redirect
     *                                  leads to one or there were too many, the answer is an HTML
     *                                  page, or another status (persisting, for 429 and 5xx)
     * @throws UncheckedIOException     the target's directory cannot be written
     * @throws CancellationException    the thread was interrupted (the interrupt flag is kept)
     */
    public Path download(VideoTask task, int index, Path target, DownloadOptions options) {
        CompletableFuture<Path> f = downloadAsync(task, index, target, options);
        try {
            return f.get();
        } catch (InterruptedException e) {
            f.cancel(true);
            Thread.currentThread().interrupt();
            CancellationException cancelled = new CancellationException("download of result " + index + " of task "
                    + task.id() + " interrupted");
            cancelled.initCause(e);
            throw cancelled;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new VidgenException("download failed: " + e.getCause(), e.getCause(), false);
        }
    }

    /**
     * The download without blocking the caller: nothing waits on a thread (the transport streams
     * the body, the retries wait on the scheduler). Cancelling the future stops the transfer and
     * deletes its part file. Argument errors are thrown at once.
     */
    public CompletableFuture<Path> downloadAsync(VideoTask task, int index, Path target, DownloadOptions options) {
        URI url = resultUrl(task, index);
        Objects.requireNonNull(target, "target path must not be null");
        Objects.requireNonNull(options, "options must not be null");
        Path file = target.toAbsolutePath();
        TargetPath.requireReplaceable(file);
        String what = "result " + index + " of task " + task.id();
        requireAllowed(url, what, "URL");
        try {
            Files.createDirectories(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the directory " + file.getParent() + " for " + file.getFileName()
                    + ": " + e.getMessage(), e);
        }
        long started = System.nanoTime();
        CompletableFuture<Path> run = new DownloadRun(transport, scheduler, task.id(), url, file, what, options,
                next -> requireAllowed(next, what, "redirect target"), events, engine.policy().maxAttempts()).start(engine);
        // the event is told before the caller's future completes, so a caller that returns has been observed
        CompletableFuture<Path> out = run.whenComplete((p, e) -> events.downloaded(task, e == null ? events.size(file) : -1, started))
                .thenApply(p -> target);
        out.whenComplete((p, e) -> {
            if (out.isCancelled()) {
                run.cancel(true);
            }
        });
        return out;
    }

    /**
     * {@link #downloadAsync(VideoTask, int, Path, DownloadOptions)} with the default options,
     * completing on {@code executor}; cancelling the future stops the transfer.
     */
    public CompletableFuture<Path> downloadAsync(VideoTask task, int index, Path target, Executor executor) {
        Objects.requireNonNull(executor, "executor must not be null");
        CompletableFuture<Path> inner;
        try {
            inner = downloadAsync(task, index, target, DownloadOptions.defaults());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<Path> outer = inner.thenApplyAsync(p -> p, executor);
        outer.whenComplete((p, e) -> {
            if (outer.isCancelled()) {
                inner.cancel(true);
            }
        });
        return outer;
    }

    private static URI resultUrl(VideoTask task, int index) {
        Objects.requireNonNull(task, "task must not be null");
        if (task.status().state() != TaskState.COMPLETED) {
            throw new IllegalArgumentException("task " + task.id() + " is " + task.status().raw()
                    + "; only a completed task has results to download");
        }
        int count = task.results().size();
        if (index < 0 || index >= count) {
            throw new IllegalArgumentException("task " + task.id() + " has " + count + (count == 1 ? " result" : " results")
                    + "; result index " + index + " is out of range" + (count == 0 ? "" : " (0 to " + (count - 1) + ")"));
        }
        return task.results().get(index).url();
    }

    private void requireAllowed(URI url, String what, String kind) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        boolean ok = scheme.equals("https") && url.getHost() != null
                || scheme.equals("http") && Hosts.isLoopback(url.getHost());
        if (!ok) {
            throw new VidgenException("refusing to download " + what + ": the " + kind + " " + describe(url)
                    + " is not https (plain http is allowed only to a loopback host)", null, false);
        }
    }

    /** Scheme, host and port only: the query of a pre-signed URL is a credential. */
    static String describe(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme() + "://";
        String host = url.getHost() == null ? "(no host)" : url.getHost();
        return scheme + host + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return "ResultDownloader[transport=" + transport.name() + ", attempts=" + engine.policy().maxAttempts()
                + ", loopback http allowed]";
    }
}
