package dev.vidgen.client.download;

import dev.vidgen.client.error.ResultExpiredException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.internal.Hosts;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.retry.RetryAfter;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.time.Scheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads a completed task's result video to a file. Thread-safe.
 *
 * <ul>
 *   <li>Streams through {@link HttpTransport#download} into a temporary file next to the target,
 *       then moves it into place atomically (or, where the file system cannot, replacing the
 *       target): the target is either the whole video or untouched, and no partial file is left
 *       behind on any failure.</li>
 *   <li>https only; plain http only to a loopback host ({@code localhost}, 127.0.0.0/8, {@code ::1})
 *       and only when allowed (the testkit's embedded server).</li>
 *   <li>Sends no {@code Authorization} header: result URLs are pre-signed and may live on another
 *       host, so the API key must never go there. Follows up to {@value #MAX_REDIRECTS} redirects
 *       itself, refusing one to plain http.</li>
 *   <li>Retries transport I/O errors and 429/500/502/503/504 under the {@link RetryPolicy},
 *       honouring a {@code Retry-After} of up to a minute, each time from the original URL.</li>
 *   <li>403, 404 and 410 mean the URL expired (results live 24 hours) or is gone:
 *       {@link ResultExpiredException} naming the task.</li>
 * </ul>
 * Messages name the host of a result URL, never its query, which holds the signature.
 */
public final class ResultDownloader {

    private static final Logger LOG = LoggerFactory.getLogger(ResultDownloader.class);

    /** How many redirects one attempt follows. */
    public static final int MAX_REDIRECTS = 5;

    private static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(1);
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final Set<Integer> GONE = Set.of(403, 404, 410);
    private static final Set<Integer> RETRIED = Set.of(429, 500, 502, 503, 504);

    /** Waits between attempts. Replaceable so that tests run in virtual time. */
    @FunctionalInterface
    public interface Sleeper {

        /** Blocks for {@code duration}; throws when the thread is interrupted. */
        void sleep(Duration duration) throws InterruptedException;

        /**
         * Blocks until {@code scheduler} has run a task scheduled {@code duration} ahead: real time
         * for the client's scheduler, virtual time in tests (which must then advance it from
         * another thread).
         */
        static Sleeper on(Scheduler scheduler) {
            Objects.requireNonNull(scheduler, "scheduler must not be null");
            return d -> {
                CompletableFuture<Void> woken = new CompletableFuture<>();
                Scheduler.Cancellable alarm = scheduler.schedule(d, () -> woken.complete(null));
                try {
                    woken.get();
                } catch (InterruptedException e) {
                    alarm.cancel();
                    throw e;
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IllegalStateException("unreachable: the alarm never fails", e);
                }
            };
        }
    }

    private final HttpTransport transport;
    private final RetryPolicy retry;
    private final Sleeper sleeper;
    private final DownloadEvents events;

    /**
     * A downloader waiting between attempts on {@code scheduler}.
     *
     * @param transport             the HTTP transport (it does not follow redirects)
     * @param retry                 attempts and backoff
     * @param scheduler             the clock of the waits between attempts
     */
    public ResultDownloader(HttpTransport transport, RetryPolicy retry, Scheduler scheduler) {
        this(transport, retry, Sleeper.on(scheduler));
    }

    /**
     * A downloader waiting between attempts with {@code sleeper}.
     *
     * @param transport             the HTTP transport (it does not follow redirects)
     * @param retry                 attempts and backoff
     * @param sleeper               waits between attempts
     */
    public ResultDownloader(HttpTransport transport, RetryPolicy retry, Sleeper sleeper) {
        this(transport, retry, sleeper, ClientObserver.NOOP);
    }

    private ResultDownloader(HttpTransport transport, RetryPolicy retry, Sleeper sleeper, ClientObserver observer) {
        this.events = new DownloadEvents(ClientObserver.safe(observer));
        this.transport = Objects.requireNonNull(transport, "transport must not be null");
        this.retry = Objects.requireNonNull(retry, "retry policy must not be null");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper must not be null");
    }

    /** This downloader telling {@code observer} of every attempt and every download's end. */
    public ResultDownloader observedBy(ClientObserver observer) {
        return new ResultDownloader(transport, retry, sleeper, observer);
    }

    /**
     * Downloads result {@code index} of {@code task} to {@code target}, creating its directory if
     * needed and replacing an existing file.
     *
     * @return {@code target}
     * @throws IllegalArgumentException the task is not completed, has no result {@code index}, or
     *                                  {@code target} is a directory
     * @throws ResultExpiredException   the URL answered 403, 404 or 410
     * @throws TransportIoException     I/O errors persisted through every attempt
     * @throws VidgenException          the URL is not https (or allowed loopback http), a redirect
     *                                  leads to one or there were too many, or another status
     *                                  (persisting, for 429 and 5xx)
     * @throws UncheckedIOException     the target's directory cannot be written
     * @throws CancellationException    the thread was interrupted while waiting to retry (the
     *                                  interrupt flag is kept)
     */
    public Path download(VideoTask task, int index, Path target) {
        URI url = resultUrl(task, index);
        Objects.requireNonNull(target, "target path must not be null");
        Path file = target.toAbsolutePath();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("target " + file + " is a directory; give the path of the video file to write");
        }
        String what = "result " + index + " of task " + task.id();
        requireAllowed(url, what, "URL");
        Path temp = createTemp(file);
        boolean moved = false;
        long started = System.nanoTime();
        try {
            fetchWithRetries(url, temp, what, task);
            long bytes = events.size(temp);
            moveIntoPlace(temp, file);
            moved = true;
            events.downloaded(task, bytes, started);
            return target;
        } finally {
            if (!moved) {
                events.downloaded(task, -1, started);
                deleteQuietly(temp);
            }
        }
    }

    /**
     * {@link #download} on {@code executor} (downloads block, so never on the client's scheduler).
     * Cancelling the future does not stop a transfer already under way.
     */
    public CompletableFuture<Path> downloadAsync(VideoTask task, int index, Path target, Executor executor) {
        Objects.requireNonNull(executor, "executor must not be null");
        return CompletableFuture.supplyAsync(() -> download(task, index, target), executor);
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

    private void fetchWithRetries(URI url, Path temp, String what, VideoTask task) {
        for (int attempt = 1; ; attempt++) {
            String problem;
            Duration retryAfter = null;
            RuntimeException cause = null;
            long started = System.nanoTime();
            try {
                HttpResponse response = fetchFollowingRedirects(url, temp, what);
                int status = response.status();
                events.attempt(attempt, retry.maxAttempts(), status, started);
                if (status >= 200 && status < 300) {
                    return;
                }
                if (GONE.contains(status)) {
                    throw new ResultExpiredException(task.id(), status);
                }
                if (!RETRIED.contains(status)) {
                    throw new VidgenException("download of " + what + " from " + describe(url) + " failed: HTTP " + status, null, false);
                }
                problem = "HTTP " + status;
                retryAfter = RetryAfter.parse(response.header("Retry-After").orElse(null), Instant.now()).orElse(null);
            } catch (TransportException e) {
                events.attempt(attempt, retry.maxAttempts(), 0, started);
                problem = e.getMessage();
                cause = e;
            }
            if (attempt >= retry.maxAttempts()) {
                String message = "download of " + what + " from " + describe(url) + " failed after " + attempt
                        + (attempt == 1 ? " attempt: " : " attempts: ") + problem;
                throw cause != null ? new TransportIoException(message, cause, false) : new VidgenException(message, null, false);
            }
            Duration wait = retry.backoff(attempt, ThreadLocalRandom.current().nextDouble());
            if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
                wait = retryAfter.compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : retryAfter;
            }
            LOG.debug("download of {} failed ({}); attempt {} of {} in {}", what, problem, attempt + 1, retry.maxAttempts(), wait);
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                CancellationException cancelled = new CancellationException("download of " + what + " interrupted");
                cancelled.initCause(e);
                throw cancelled;
            }
        }
    }

    /** One attempt: the body goes to {@code temp} on 2xx; redirects are followed without any credentials. */
    private HttpResponse fetchFollowingRedirects(URI url, Path temp, String what) {
        URI current = url;
        for (int redirects = 0; ; redirects++) {
            HttpResponse response = transport.download(HttpRequest.get(current), temp);
            if (!REDIRECTS.contains(response.status())) {
                return response;
            }
            if (redirects == MAX_REDIRECTS) {
                throw new VidgenException("download of " + what + " failed: more than " + MAX_REDIRECTS + " redirects, starting at "
                        + describe(url), null, false);
            }
            String location = response.header("Location").orElseThrow(() -> new VidgenException("download of " + what
                    + " failed: HTTP " + response.status() + " from " + describe(url) + " without a Location header", null, false));
            URI next;
            try {
                next = current.resolve(location.strip());
            } catch (IllegalArgumentException e) {
                throw new VidgenException("download of " + what + " failed: redirect to an invalid URL", e, false);
            }
            requireAllowed(next, what, "redirect target");
            current = next;
        }
    }

    private static Path createTemp(Path file) {
        Path dir = file.getParent();
        try {
            Files.createDirectories(dir);
            return Files.createTempFile(dir, "." + file.getFileName() + ".", ".part");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file in " + dir + " for " + file.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private static void moveIntoPlace(Path temp, Path target) {
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | java.nio.file.FileAlreadyExistsException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move the downloaded video into " + target + ": " + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            LOG.warn("could not delete the partial download {}: {}", temp, e.getMessage());
        }
    }

    /** Scheme, host and port only: the query of a pre-signed URL is a credential. */
    private static String describe(URI url) {
        String scheme = url.getScheme() == null ? "" : url.getScheme() + "://";
        String host = url.getHost() == null ? "(no host)" : url.getHost();
        return scheme + host + (url.getPort() == -1 ? "" : ":" + url.getPort());
    }

    @Override
    public String toString() {
        return "ResultDownloader[transport=" + transport.name() + ", attempts=" + retry.maxAttempts() + ", loopback http allowed]";
    }
}
