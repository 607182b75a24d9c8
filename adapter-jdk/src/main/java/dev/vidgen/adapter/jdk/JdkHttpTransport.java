package dev.vidgen.adapter.jdk;

import dev.vidgen.adapter.support.BodyPump;
import dev.vidgen.adapter.support.BoundedPool;
import dev.vidgen.adapter.support.TransportSupport;
import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException.Kind;
import dev.vidgen.ports.http.TransportSettings;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

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
 *   <li>Threads: each async exchange is a blocking {@code HttpClient.send} on one of the transport's
 *       daemon threads ({@code vidgen-jdk-N-sender-M}, at most {@code maxConnections + 2}), a blocking
 *       {@link #send} runs on its caller's own thread; the JDK
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
    private final Set<JdkCall<?>> calls = ConcurrentHashMap.newKeySet();
    private final JdkCall.Shared shared;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile HttpClient client;

    private JdkHttpTransport(Builder b) {
        this.settings = b.settings;
        int id = IDS.incrementAndGet();
        callerExecutor = settings.executor();
        // Each async exchange is a blocking HttpClient.send on one of these threads (a blocking send runs on
        // its caller's own thread: JdkCall.sendHere). The public sendAsync
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
        shared = new JdkCall.Shared(settings, senders, callerExecutor, timer, permits, calls);

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
        HttpClient c = openClient();
        JdkCall<T> call = newCall(request, handler);
        try {
            call.start(c);
        } catch (RejectedExecutionException e) { // close() ran concurrently and stopped the timer
            throw new IllegalStateException("the jdk transport is closed", e);
        }
        return call.result;
    }

    /**
     * Runs the exchange on the caller's thread (no sender thread): the JDK's selector and its
     * executor hand the answer to the caller, which settles it. The permits still cap the sends.
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler) {
        HttpClient c = openClient();
        JdkCall<T> call = newCall(request, handler);
        try {
            return call.sendHere(c);
        } catch (RejectedExecutionException e) { // close() ran concurrently and stopped the timer
            throw new IllegalStateException("the jdk transport is closed", e);
        }
    }

    private HttpClient openClient() {
        HttpClient c = client;
        if (c == null || closed.get()) {
            throw new IllegalStateException("the jdk transport is closed");
        }
        return c;
    }

    private <T> JdkCall<T> newCall(HttpRequest request, BodyHandler<T> handler) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(handler, "handler");
        Duration timeout = TransportSupport.timeoutOf(request, settings.defaultTimeout());
        return new JdkCall<>(shared, request, toJdk(request), timeout, new BodyPump<>(handler));
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
        for (JdkCall<?> call : calls) {
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
