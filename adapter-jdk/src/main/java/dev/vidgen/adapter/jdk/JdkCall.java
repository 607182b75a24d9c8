package dev.vidgen.adapter.jdk;

import dev.vidgen.adapter.support.BlockingWait;
import dev.vidgen.adapter.support.BodyPump;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportException.Kind;
import dev.vidgen.ports.http.TransportSettings;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLHandshakeException;

/**
 * One exchange: waits for a permit, sends on a sender thread, and settles its future exactly
 * once, with the response, the mapped failure, the deadline's TIMEOUT, or the caller's
 * cancellation. Aborting a send interrupts its sender: JDK 16+'s {@code send} then cancels
 * the exchange and closes its connection.
 */
final class JdkCall<T> {

    /** What every call of one transport shares: its settings, threads, permits and the calls in flight. */
    record Shared(TransportSettings settings, ThreadPoolExecutor senders, Executor callerExecutor,
                  ScheduledThreadPoolExecutor timer, Permits permits, Set<JdkCall<?>> calls) {
    }

    /** How old a send must be before it is interrupted (see {@link #abort(boolean)}). */
    private static final long MIN_SEND_AGE_BEFORE_INTERRUPT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private final Shared shared;
    final CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
    private final HttpRequest original;
    private final java.net.http.HttpRequest request;
    private final Duration timeout;
    private final BodyPump<T> pump;
    private final SinkFeeder<T> feeder;
    private final AtomicBoolean settled = new AtomicBoolean();
    private CompletableFuture<Void> permit; // guarded by this
    private boolean sent; // guarded by this: a sender has started the exchange
    private Thread sender; // guarded by this: set while the sender is inside HttpClient.send
    private long sendStarted; // guarded by this: System.nanoTime() when the sender entered send
    private boolean abortInterrupted; // guarded by this: abort() interrupted the sender
    private boolean callerSends; // the blocking form: the caller's own thread sends and gets the result
    private ScheduledFuture<?> deadline;

    JdkCall(Shared shared, HttpRequest original, java.net.http.HttpRequest request, Duration timeout, BodyPump<T> pump) {
        this.shared = shared;
        this.original = original;
        this.request = request;
        this.timeout = timeout;
        this.pump = pump;
        this.feeder = new SinkFeeder<>(pump, this::abort);
    }

    /** The async form: a sender thread sends once a permit is free. */
    void start(HttpClient c) {
        CompletableFuture<Void> p = arm();
        p.thenRun(() -> shared.senders().execute(() -> send(c)));
    }

    /**
     * The blocking form: the caller's thread waits for a permit and sends itself, so the exchange
     * crosses no sender thread; the result completes on the caller's thread (or, at the deadline,
     * on the timer's, which no callback of the caller's waits on).
     */
    HttpResponse<T> sendHere(HttpClient c) {
        callerSends = true;
        CompletableFuture<Void> p = arm();
        try {
            p.get(); // expire() and closing() cancel it
            send(c);
        } catch (CancellationException | ExecutionException settledMeanwhile) {
            // the deadline passed or the transport closed while queued: result holds why
        } catch (InterruptedException e) {
            settle(null, new TransportException(Kind.IO, describe() + ": interrupted while waiting for a free connection", e), false);
            Thread.currentThread().interrupt();
        }
        return BlockingWait.await(result, timeout, () -> { }, this::abort);
    }

    private CompletableFuture<Void> arm() {
        shared.calls().add(this);
        deadline = shared.timer().schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
        // however the result ends (including the caller's cancel), stop the exchange and the clock
        result.whenComplete((r, e) -> {
            shared.calls().remove(this);
            deadline.cancel(false);
            abort();
        });
        CompletableFuture<Void> p = shared.permits().acquire();
        synchronized (this) {
            permit = p;
        }
        return p;
    }

    private void send(HttpClient c) {
        synchronized (this) {
            if (settled.get() || result.isDone()) {
                shared.permits().release();
                return;
            }
            sent = true;
            sender = Thread.currentThread();
            sendStarted = System.nanoTime();
        }
        java.net.http.HttpResponse<Void> response = null;
        Throwable error = null;
        try {
            response = c.send(request, info -> {
                try {
                    pump.open(info.statusCode(), info.headers().map());
                } catch (RuntimeException refused) {
                    // kept by the pump; the subscriber cancels at once and the call fails with it
                }
                return java.net.http.HttpResponse.BodySubscribers.ofByteArrayConsumer(feeder);
            });
        } catch (InterruptedException e) {
            error = new CancellationException("aborted"); // abort() interrupted, or the blocking caller was
        } catch (IOException | RuntimeException e) {
            error = e;
        } finally {
            boolean ours;
            synchronized (this) {
                sender = null;
                ours = abortInterrupted;
            }
            if (!callerSends || ours) {
                Thread.interrupted(); // an abort racing with the end of send must not reach the next task
            } else if (error instanceof CancellationException) {
                // the caller of a blocking send was interrupted: it keeps the flag, the exchange ends
                Thread.currentThread().interrupt();
                error = new TransportException(Kind.IO, describe() + ": interrupted while waiting for the response", null);
            }
            shared.permits().release();
        }
        if (error != null) {
            pump.abandon(error);
            HttpResponse<T> kept = feeder.stoppedWith();
            RuntimeException own = pump.ownFailure();
            if (kept != null) {
                settle(kept, null, true); // the sink stopped reading: the send was aborted to close the connection
            } else {
                settle(null, own != null ? own : map(error), true);
            }
            return;
        }
        HttpResponse<T> done;
        try {
            done = feeder.result();
        } catch (RuntimeException e) {
            settle(null, e, true);
            return;
        }
        settle(done, null, true);
    }

    private void expire() {
        boolean queued;
        synchronized (this) {
            queued = !sent;
        }
        if (feeder.stoppedWith() != null) { // the sink had what it wanted; only the rest was late
            settle(feeder.stoppedWith(), null, false);
            abort();
            return;
        }
        settle(null, queued
                ? new TransportException(Kind.CONNECT, describe() + ": no free connection within " + timeout
                        + " (maxConnections=" + shared.settings().maxConnections() + ")", null)
                : new TransportException(Kind.TIMEOUT, describe() + ": no complete response within " + timeout, null), false);
        abort();
    }

    void closing() {
        boolean queued;
        synchronized (this) {
            queued = !sent;
        }
        settle(null, new TransportException(queued ? Kind.CONNECT : Kind.IO, describe() + ": the transport was closed", null), false);
        abort(true);
    }

    private void abort() {
        abort(false);
    }

    /**
     * Stops the exchange. JDK 17's {@code send} interrupted in its first moments can leave the
     * client's selector thread running for good, so a young send is interrupted a little later
     * (the call is already settled; only the connection is freed later), unless the transport
     * is closing and everything must stop now.
     */
    private void abort(boolean now) {
        synchronized (this) {
            if (sender != null) {
                long tooEarly = MIN_SEND_AGE_BEFORE_INTERRUPT_NANOS - (System.nanoTime() - sendStarted);
                if (!now && tooEarly > 0 && deferInterrupt(tooEarly)) {
                    return;
                }
                abortInterrupted = true;
                sender.interrupt(); // under the lock: never after the sender has left send
            } else if (!sent && permit != null) {
                permit.cancel(false);
            }
        }
    }

    private boolean deferInterrupt(long nanos) {
        try {
            shared.timer().schedule(() -> abort(false), nanos, TimeUnit.NANOSECONDS);
            return true;
        } catch (java.util.concurrent.RejectedExecutionException closing) {
            return false;
        }
    }

    private void settle(HttpResponse<T> response, Throwable failure, boolean onSender) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        deadline.cancel(false);
        Runnable deliver = () -> {
            if (failure == null) {
                result.complete(response);
            } else {
                result.completeExceptionally(failure);
            }
        };
        // The caller's callbacks run on the settings' executor, else on a sender: never on the JDK's
        // selector thread nor on the timer. A sender settling its own exchange completes in place.
        // A blocking caller has no callbacks: its result completes where it settles.
        Executor target = callerSends ? null : shared.callerExecutor() != null ? shared.callerExecutor()
                : onSender ? null : shared.senders();
        if (target == null) {
            deliver.run();
            return;
        }
        try {
            target.execute(deliver);
        } catch (RejectedExecutionException e) {
            deliver.run();
        }
    }

    private TransportException map(Throwable error) {
        if (error instanceof TransportException te) {
            return te;
        }
        // HttpClient.send re-throws the exchange's failure wrapped (IOException, IllegalArgumentException
        // around UnresolvedAddressException, ...): the kind comes from the first cause that tells it
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof HttpConnectTimeoutException) {
                return new TransportException(Kind.CONNECT, describe() + ": connect timed out after " + shared.settings().connectTimeout(), error);
            }
            if (t instanceof HttpTimeoutException) {
                return new TransportException(Kind.TIMEOUT, describe() + ": no response within " + timeout, error);
            }
            // the JDK reports these before a byte of the request is written
            if (t instanceof ConnectException || t instanceof UnresolvedAddressException || t instanceof UnknownHostException
                    || t instanceof NoRouteToHostException || t instanceof SSLHandshakeException) {
                return new TransportException(Kind.CONNECT, describe() + ": cannot connect: " + t, error);
            }
            if (t instanceof CancellationException) {
                return new TransportException(Kind.IO, describe() + ": exchange aborted", error);
            }
        }
        return new TransportException(Kind.IO, describe() + ": " + error, error);
    }

    private String describe() {
        return original.method() + " " + original.uri();
    }
}
