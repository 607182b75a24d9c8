package dev.vidgen.adapter.jdk;

import dev.vidgen.adapter.support.BodyPump;
import dev.vidgen.adapter.support.BoundedPool;
import dev.vidgen.adapter.support.TransportSupport;
import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportException.Kind;
import dev.vidgen.ports.http.TransportSettings;
import java.io.IOException;
import java.net.Authenticator;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.PasswordAuthentication;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;

/**
 * The transport SPI on the JDK's own {@code java.net.http.HttpClient}: no dependency beyond the JDK.
 *
 * <p>Behaviour, beyond the {@link HttpTransport} contract:
 * <ul>
 *   <li>HTTP/1.1 by default ({@link Builder#version}): the API is plain request/response, and
 *       over cleartext {@code http://} the JDK's HTTP/2 mode adds an {@code Upgrade: h2c}
 *       handshake to requests. HTTP/2 is one builder call away (negotiated by ALPN over TLS).</li>
 *   <li>{@link TransportSettings#maxConnections()} caps the exchanges in flight (the JDK client
 *       has no pool limit; over HTTP/1.1 this caps the connections). A call that finds no free
 *       slot within its timeout fails with {@link Kind#CONNECT}: it was never sent.</li>
 *   <li>The request timeout bounds the whole exchange, body included (the JDK's own request
 *       timeout stops at the response head, so a server going silent or trickling mid-body would
 *       hang): one deadline per call, from the moment it is started.</li>
 *   <li>The body goes to the caller's sink one buffer list at a time ({@link SinkFeeder}); when
 *       the sink stops or throws, the subscription is cancelled and the connection closed.</li>
 *   <li>Redirects are never followed. Proxy: {@link TransportSettings#proxy()} if set (its
 *       credentials answer proxy challenges only), else the JVM's default {@code ProxySelector}
 *       ({@code http.proxyHost} and friends).</li>
 *   <li>Threads: each exchange is a blocking {@code HttpClient.send} on one of the transport's
 *       daemon threads ({@code vidgen-jdk-N-sender-M}, at most {@code maxConnections + 2}); the JDK
 *       client's own work runs on at most 2 more ({@code vidgen-jdk-N-io-M}) and deadlines on one
 *       timer thread. {@link #close()} shuts all of them down. Futures complete, and callbacks run,
 *       on the settings' executor if given, else on the sender thread of the exchange; never on the
 *       JDK client's selector thread.</li>
 *   <li>Headers the transport computes itself ({@code Host}, {@code Content-Length},
 *       {@code Transfer-Encoding}, {@code Connection}, {@code Expect}, {@code Upgrade} and the other
 *       hop-by-hop ones) are not copied from the request. A header name that is not an HTTP token,
 *       or a value with a control character (CR, LF, ...), is refused with
 *       {@link IllegalArgumentException} before anything is sent; the message never shows the value.</li>
 * </ul>
 *
 * <p>{@code close()} fails the calls in flight, shuts down the threads this transport started
 * and drops its client. JDK 17's {@code HttpClient} has no {@code close()}: its selector thread
 * ({@code HttpClient-N-SelectorManager}) and its idle keep-alive connections end once the client
 * is unreachable, that is at the next garbage collection.
 */
public final class JdkHttpTransport implements HttpTransport {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final TransportSettings settings;
    private final ThreadPoolExecutor senders;
    private final ThreadPoolExecutor clientPool;
    private final Executor callerExecutor; // the settings' executor, or null: results complete on the sender
    private final ScheduledThreadPoolExecutor timer;
    private final Permits permits;
    private final Set<Call<?>> calls = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HttpClient client;

    private JdkHttpTransport(Builder b) {
        this.settings = b.settings;
        int id = IDS.incrementAndGet();
        callerExecutor = settings.executor();
        // Each exchange is a blocking HttpClient.send on one of these threads. The public sendAsync
        // would hand every completion to CompletableFuture's default executor, which on a machine
        // with 1-2 cores starts a new thread per response. Permits cap the sends at maxConnections;
        // a few more threads let a finishing sender run its caller's callbacks while the next starts.
        senders = BoundedPool.create("vidgen-jdk-" + id + "-sender-", settings.maxConnections() + 2);
        // the JDK client hands work off its selector thread to this pool; those tasks never block
        clientPool = BoundedPool.create("vidgen-jdk-" + id + "-io-", 2);
        timer = new ScheduledThreadPoolExecutor(1, BoundedPool.daemonThreads("vidgen-jdk-" + id + "-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        permits = new Permits(settings.maxConnections());

        HttpClient.Builder hb = HttpClient.newBuilder()
                .version(b.version)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                .executor(clientPool);
        if (b.sslContext != null) {
            hb.sslContext(b.sslContext);
        }
        TransportSettings.ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            hb.proxy(proxy.toSelector());
            if (proxy.username() != null && proxy.password() != null) {
                hb.authenticator(new ProxyAuthenticator(proxy.username(), proxy.password()));
            }
        }
        client = hb.build();
    }

    /** A builder, starting from {@link TransportSettings#defaults()} and HTTP/1.1. */
    public static Builder builder() {
        return new Builder();
    }

    /** A transport with these settings and the builder's defaults for the rest. */
    public static JdkHttpTransport create(TransportSettings settings) {
        return builder().settings(settings).build();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> exchange(HttpRequest request, BodyHandler<T> handler) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        HttpClient c = client;
        if (c == null || closed.get()) {
            throw new IllegalStateException("the jdk transport is closed");
        }
        Duration timeout = TransportSupport.timeoutOf(request, settings.defaultTimeout());
        Call<T> call = new Call<>(request, toJdk(request), timeout, new BodyPump<>(handler));
        try {
            call.start(c);
        } catch (RejectedExecutionException e) { // close() ran concurrently and stopped the timer
            throw new IllegalStateException("the jdk transport is closed", e);
        }
        return call.result;
    }

    @Override
    public String name() {
        return "jdk";
    }

    /** Fails the calls in flight, stops this transport's threads and drops the JDK client. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        for (Call<?> call : calls) {
            call.closing();
        }
        timer.shutdownNow();
        senders.shutdown(); // the calls are settled and their sends interrupted: the senders end at once
        clientPool.shutdown();
        client = null; // the JDK's selector thread ends once its client is unreachable
    }

    /** Permits in use (exchanges in flight), for tests. */
    int exchangesInFlight() {
        return permits.inUse();
    }

    private static java.net.http.HttpRequest toJdk(HttpRequest request) {
        // No JDK request timeout: the call's own deadline covers the whole exchange, and on JDK 17 a send
        // interrupted while the JDK's timeout fires can leave the client's selector thread running forever.
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(request.uri());
        TransportSupport.checkAndForEachHeader(request, b::header);
        byte[] body = request.body();
        b.method(request.method(), body.length == 0
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        return b.build();
    }

    /** How old a send must be before it is interrupted (see {@code Call.abort}). */
    private static final long MIN_SEND_AGE_BEFORE_INTERRUPT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    /**
     * One exchange: waits for a permit, sends on a sender thread, and settles its future exactly
     * once, with the response, the mapped failure, the deadline's TIMEOUT, or the caller's
     * cancellation. Aborting a send interrupts its sender: JDK 16+'s {@code send} then cancels
     * the exchange and closes its connection.
     */
    private final class Call<T> {
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
        private ScheduledFuture<?> deadline;

        Call(HttpRequest original, java.net.http.HttpRequest request, Duration timeout, BodyPump<T> pump) {
            this.original = original;
            this.request = request;
            this.timeout = timeout;
            this.pump = pump;
            this.feeder = new SinkFeeder<>(pump, this::abort);
        }

        void start(HttpClient c) {
            calls.add(this);
            deadline = timer.schedule(this::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
            // however the result ends (including the caller's cancel), stop the exchange and the clock
            result.whenComplete((r, e) -> {
                calls.remove(this);
                deadline.cancel(false);
                abort();
            });
            CompletableFuture<Void> p = permits.acquire();
            synchronized (this) {
                permit = p;
            }
            p.thenRun(() -> senders.execute(() -> send(c)));
        }

        private void send(HttpClient c) {
            synchronized (this) {
                if (settled.get() || result.isDone()) {
                    permits.release();
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
                error = new CancellationException("aborted"); // only abort() interrupts a sender; the call is settled
            } catch (IOException | RuntimeException e) {
                error = e;
            } finally {
                synchronized (this) {
                    sender = null;
                }
                Thread.interrupted(); // an abort racing with the end of send must not reach the next task
                permits.release();
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
                            + " (maxConnections=" + settings.maxConnections() + ")", null)
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
                    sender.interrupt(); // under the lock: never after the sender has left send
                } else if (!sent && permit != null) {
                    permit.cancel(false);
                }
            }
        }

        private boolean deferInterrupt(long nanos) {
            try {
                timer.schedule(() -> abort(false), nanos, TimeUnit.NANOSECONDS);
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
            Executor target = callerExecutor != null ? callerExecutor : onSender ? null : senders;
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
                    return new TransportException(Kind.CONNECT, describe() + ": connect timed out after " + settings.connectTimeout(), error);
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

    /** Answers proxy challenges only: the server's own 401 goes back to the caller untouched. */
    private static final class ProxyAuthenticator extends Authenticator {
        private final String username;
        private final char[] password;

        ProxyAuthenticator(String username, char[] password) {
            this.username = username;
            this.password = password.clone();
        }

        @Override
        protected PasswordAuthentication getPasswordAuthentication() {
            return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(username, password.clone()) : null;
        }
    }

    /** Options of the JDK transport; {@link TransportSettings} carries the common ones. */
    public static final class Builder {
        private TransportSettings settings = TransportSettings.defaults();
        private HttpClient.Version version = HttpClient.Version.HTTP_1_1;
        private SSLContext sslContext;

        private Builder() {
        }

        /** Timeouts, pool size, proxy and executor; default {@link TransportSettings#defaults()}. */
        public Builder settings(TransportSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** {@code HTTP_1_1} (default) or {@code HTTP_2} (ALPN over TLS, {@code h2c} upgrade over cleartext, falls back to 1.1). */
        public Builder version(HttpClient.Version version) {
            this.version = Objects.requireNonNull(version, "version");
            return this;
        }

        /** The TLS context, for example to trust a private CA; default the JVM's. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /** Builds the transport; the caller owns it and closes it. */
        public JdkHttpTransport build() {
            return new JdkHttpTransport(this);
        }
    }
}
