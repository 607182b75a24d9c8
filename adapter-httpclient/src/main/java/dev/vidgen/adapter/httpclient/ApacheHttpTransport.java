package dev.vidgen.adapter.httpclient;

import dev.vidgen.adapter.support.BlockingWait;
import dev.vidgen.adapter.support.BodyPump;
import dev.vidgen.adapter.support.BoundedPool;
import dev.vidgen.adapter.support.TransportSupport;
import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException.Kind;
import dev.vidgen.ports.http.TransportSettings;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.client5.http.async.methods.SimpleHttpRequest;
import org.apache.hc.client5.http.async.methods.SimpleRequestProducer;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManager;
import org.apache.hc.client5.http.impl.nio.PoolingAsyncClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.concurrent.DefaultThreadFactory;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.nio.ssl.TlsStrategy;
import org.apache.hc.core5.http2.HttpVersionPolicy;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolStats;
import org.apache.hc.core5.reactor.IOReactorConfig;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transport SPI on Apache HttpClient 5's non-blocking async client
 * ({@link CloseableHttpAsyncClient} with a {@link PoolingAsyncClientConnectionManager}).
 *
 * <p>Both the async and the sync calls run on the one async client: {@code execute} waits for
 * the exchange {@code executeAsync} also starts. HttpClient's docs suggest the classic client for
 * most blocking use, but a second (classic) client would mean a second pool, so
 * {@link TransportSettings#maxConnections()} would no longer be one number, and a second set of
 * timeout, cancellation and error semantics. Bodies go, as they arrive, to the caller's sink
 * through an {@code AbstractBinResponseConsumer} ({@link SinkConsumer}), so the classic client's
 * {@code InputStream} API would add nothing.
 *
 * <p>Behaviour, beyond the {@link HttpTransport} contract:
 * <ul>
 *   <li>Pool of {@code maxConnections} per route and in total. A call waits at most its timeout
 *       for a free connection, then fails with {@link Kind#CONNECT} (it was never sent).</li>
 *   <li>The request timeout bounds the whole exchange, from the call to the last body byte: a
 *       timer of the transport ends it (HttpClient's own response timeout only bounds the silence
 *       between two packets, so a body trickling in would never end).</li>
 *   <li>A response head is limited to 200 header lines of at most 64 KiB each.</li>
 *   <li>CONNECT or not is decided by whether the exchange got past connecting (a marker in the
 *       exec chain, {@link RequestSentMarker}), not by guessing from exception types: a failure
 *       before that point cannot have reached the server.</li>
 *   <li>Cancelling a future (or interrupting a sync call) closes the exchange's connection and
 *       frees its pool slot; before the exchange has a connection, as soon as it gets one.</li>
 *   <li>Redirects and automatic retries are off (the client decides both); cookies are off; TLS is
 *       the JVM's default ({@code javax.net.ssl.*} properties honoured) unless
 *       {@link Builder#tlsStrategy} is set. HTTP/1.1 by default ({@link Builder#versionPolicy}).</li>
 *   <li>Proxy: {@link TransportSettings#proxy()} with its credentials if set, else the JVM's proxy
 *       system properties ({@code http.proxyHost}, {@code https.proxyHost}, {@code http.nonProxyHosts}).</li>
 *   <li>Futures complete, and callbacks run, on the settings' executor or on the transport's own
 *       daemon threads ({@code vidgen-apache-N-callback-M}), never on an I/O reactor thread. A blocking
 *       {@link #send} needs neither: the reactor wakes its caller, whose timed wait is the deadline.</li>
 *   <li>Headers the transport computes itself ({@code Host}, {@code Content-Length},
 *       {@code Transfer-Encoding}, {@code Connection}, {@code Expect}, {@code Upgrade} and the other
 *       hop-by-hop ones) are not copied from the request. A header name that is not an HTTP token,
 *       or a value with a control character (CR, LF, ...), is refused with
 *       {@link IllegalArgumentException} before anything is sent; the message never shows the value.</li>
 * </ul>
 * {@link #close()} shuts the I/O reactor down gracefully for a short grace period
 * ({@link Builder#closeGracePeriod}, default 1 s), then immediately; this closes the pool's
 * connections and ends the reactor's threads.
 *
 * <p>Logging: Apache HttpClient's own loggers {@code org.apache.hc.client5.http.headers} and
 * {@code org.apache.hc.client5.http.wire} print request headers verbatim, the API key in
 * {@code Authorization} included. Keep them below DEBUG outside local debugging; the transport logs a
 * warning when it is created while they are on.
 */
public final class ApacheHttpTransport implements HttpTransport {

    private static final Logger LOG = LoggerFactory.getLogger(ApacheHttpTransport.class);

    /** Apache HttpClient's loggers that print request headers verbatim. */
    static final java.util.List<String> WIRE_LOGGERS =
            java.util.List.of("org.apache.hc.client5.http.headers", "org.apache.hc.client5.http.wire");

    private static final AtomicInteger IDS = new AtomicInteger();

    private final TransportSettings settings;
    private final Duration closeGracePeriod;
    private final PoolingAsyncClientConnectionManager pool;
    private final CloseableHttpAsyncClient client;
    private final ThreadPoolExecutor ownExecutor;
    private final ScheduledThreadPoolExecutor timer;
    private final Executor executor;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final String threadNamePrefix;

    private ApacheHttpTransport(Builder b) {
        warnIfWireLoggingShowsHeaders();
        this.settings = b.settings;
        this.closeGracePeriod = b.closeGracePeriod;
        int id = IDS.incrementAndGet();
        this.threadNamePrefix = "vidgen-apache-" + id + "-";

        ConnectionConfig.Builder connectionConfig = ConnectionConfig.custom()
                .setConnectTimeout(Timeout.of(settings.connectTimeout()))
                // a pooled connection idle for a while is checked before reuse (the server may have dropped it)
                .setValidateAfterInactivity(TimeValue.ofSeconds(2));
        if (b.connectionTimeToLive != null) {
            connectionConfig.setTimeToLive(TimeValue.of(b.connectionTimeToLive));
        }
        PoolingAsyncClientConnectionManagerBuilder poolBuilder = PoolingAsyncClientConnectionManagerBuilder.create()
                .useSystemProperties()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setDefaultConnectionConfig(connectionConfig.build())
                .setDefaultTlsConfig(TlsConfig.custom().setVersionPolicy(b.versionPolicy).build());
        if (b.tlsStrategy != null) {
            poolBuilder.setTlsStrategy(b.tlsStrategy);
        }
        pool = poolBuilder.build();

        Timeout defaultTimeout = Timeout.of(settings.defaultTimeout());
        HttpAsyncClientBuilder cb = HttpAsyncClients.custom()
                .useSystemProperties()
                .setConnectionManager(pool)
                .setIOReactorConfig(IOReactorConfig.custom()
                        .setIoThreadCount(b.ioThreads)
                        .setTcpNoDelay(true)
                        // timeouts are checked once per select interval: 1 s by default, too coarse for short timeouts
                        .setSelectInterval(TimeValue.ofMilliseconds(100))
                        .build())
                .setThreadFactory(new DefaultThreadFactory("vidgen-apache-" + id + "-reactor", true))
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(defaultTimeout)
                        .setConnectionRequestTimeout(defaultTimeout)
                        .setRedirectsEnabled(false)
                        // no "Upgrade: TLS/1.2" offer on plain http requests
                        .setProtocolUpgradeEnabled(false)
                        .build())
                // an endless header line or section must not fill the heap
                .setHttp1Config(Http1Config.custom().setMaxLineLength(64 * 1024).setMaxHeaderCount(200).build())
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), "vidgen-request-sent", new RequestSentMarker());
        TransportSettings.ProxySettings proxy = settings.proxy();
        if (proxy != null) {
            cb.setProxy(new HttpHost(proxy.host(), proxy.port()));
            BasicCredentialsProvider credentials = new BasicCredentialsProvider();
            if (proxy.username() != null && proxy.password() != null) {
                credentials.setCredentials(new AuthScope(proxy.host(), proxy.port()),
                        new UsernamePasswordCredentials(proxy.username(), proxy.password().clone()));
            }
            cb.setDefaultCredentialsProvider(credentials);
        }
        client = cb.build();

        if (settings.executor() == null) {
            // bounded like the pool: callbacks are short, and a burst must not start a thread per response
            // (after close() a late completion runs where it is, rather than being lost)
            ownExecutor = BoundedPool.create("vidgen-apache-" + id + "-callback-", settings.maxConnections());
            executor = ownExecutor;
        } else {
            ownExecutor = null;
            executor = settings.executor();
        }
        timer = new ScheduledThreadPoolExecutor(1, BoundedPool.daemonThreads("vidgen-apache-" + id + "-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        timer.setKeepAliveTime(10, TimeUnit.SECONDS);
        timer.allowCoreThreadTimeOut(true);
        client.start();
    }

    /**
     * Apache HttpClient's own header and wire loggers print every request header, Authorization (the
     * API key) included, and nothing outside the library can redact them. Say so loudly when they are on.
     */
    private static void warnIfWireLoggingShowsHeaders() {
        for (String name : WIRE_LOGGERS) {
            if (LoggerFactory.getLogger(name).isDebugEnabled()) {
                LOG.warn("logger {} is at DEBUG: Apache HttpClient then logs every request header, the API key in "
                        + "Authorization included; keep {} below DEBUG outside local debugging", name, WIRE_LOGGERS);
                return;
            }
        }
    }

    /** A builder, starting from {@link TransportSettings#defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A transport with these settings and the builder's defaults for the rest. */
    public static ApacheHttpTransport create(TransportSettings settings) {
        return builder().settings(settings).build();
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> exchange(HttpRequest request, BodyHandler<T> handler) {
        Objects.requireNonNull(handler, "handler");
        ApacheExchange<T> exchange = start(request, new SinkConsumer<>(new BodyPump<>(handler)), true);
        CompletableFuture<HttpResponse<T>> result = new CompletableFuture<>();
        // the caller's cancel reaches the exchange, which closes its connection
        result.whenComplete((r, e) -> {
            if (result.isCancelled()) {
                exchange.cancel();
            }
        });
        exchange.done.whenComplete((r, e) -> deliver(() -> {
            if (e != null) {
                result.completeExceptionally(e);
            } else {
                result.complete(r);
            }
        }));
        return result;
    }

    /**
     * Runs the exchange for a caller that waits for it: the reactor completes it and the caller
     * wakes, one hand-off and no timer thread (the caller's own timed wait is the deadline). No
     * callback of the caller runs, so nothing of the caller's runs on the reactor.
     */
    @Override
    public <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler) {
        Objects.requireNonNull(handler, "handler");
        ApacheExchange<T> exchange = start(request, new SinkConsumer<>(new BodyPump<>(handler)), false);
        return BlockingWait.await(exchange.done, exchange.timeout(), exchange::expire, exchange::cancel);
    }

    @Override
    public String name() {
        return "apache";
    }

    /**
     * Shuts the I/O reactor down: gracefully for the grace period, then immediately. Closes every
     * pooled connection and ends the reactor's threads; calls in flight fail. Idempotent.
     */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (!closeGracePeriod.isZero()) { // awaitShutdown(0) would wait forever
            client.initiateShutdown();
            try {
                client.awaitShutdown(TimeValue.of(closeGracePeriod));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        client.close(CloseMode.IMMEDIATE);
        timer.shutdownNow();
        if (ownExecutor != null) {
            ownExecutor.shutdown();
        }
    }

    /** What the names of this transport's threads start with, for tests. */
    String threadNamePrefix() {
        return threadNamePrefix;
    }

    /** The pool's counters (leased, available, pending), for tests. */
    PoolStats poolStats() {
        return pool.getTotalStats();
    }

    /** Starts the exchange; {@code timed}: a timer enforces its deadline (the async form, whose caller does not wait). */
    private <T> ApacheExchange<T> start(HttpRequest request, SinkConsumer<T> consumer, boolean timed) {
        Objects.requireNonNull(request, "request");
        if (closed.get()) {
            throw new IllegalStateException("the apache transport is closed");
        }
        Duration timeout = TransportSupport.timeoutOf(request, settings.defaultTimeout());
        SimpleHttpRequest simple = ApacheMessages.toSimple(request);
        simple.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .setRedirectsEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .build());
        ApacheExchange<T> exchange = new ApacheExchange<>(request, timeout, consumer);
        if (timed) {
            ScheduledFuture<?> deadline;
            try {
                deadline = timer.schedule(exchange::expire, timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) { // close() ran concurrently
                throw new IllegalStateException("the apache transport is closed", e);
            }
            exchange.done.whenComplete((r, e) -> deadline.cancel(false));
        }
        HttpClientContext context = HttpClientContext.create();
        context.setAttribute(RequestSentMarker.ATTRIBUTE, exchange.control);
        client.execute(SimpleRequestProducer.create(simple), consumer, null, context, exchange);
        return exchange;
    }

    private void deliver(Runnable completion) {
        try {
            executor.execute(completion);
        } catch (RejectedExecutionException e) {
            completion.run();
        }
    }

    /** Options of the Apache transport; {@link TransportSettings} carries the common ones. */
    public static final class Builder {
        private TransportSettings settings = TransportSettings.defaults();
        private int ioThreads = Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
        private HttpVersionPolicy versionPolicy = HttpVersionPolicy.FORCE_HTTP_1;
        private TlsStrategy tlsStrategy;
        private Duration connectionTimeToLive;
        private Duration closeGracePeriod = Duration.ofSeconds(1);

        private Builder() {
        }

        /** Timeouts, pool size, proxy and executor; default {@link TransportSettings#defaults()}. */
        public Builder settings(TransportSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** I/O reactor threads; default the number of processors, at most 4. */
        public Builder ioThreads(int ioThreads) {
            if (ioThreads < 1) {
                throw new IllegalArgumentException("ioThreads must be at least 1, got " + ioThreads);
            }
            this.ioThreads = ioThreads;
            return this;
        }

        /** {@code FORCE_HTTP_1} (default), {@code NEGOTIATE} (HTTP/2 by ALPN over TLS) or {@code FORCE_HTTP_2}. */
        public Builder versionPolicy(HttpVersionPolicy versionPolicy) {
            this.versionPolicy = Objects.requireNonNull(versionPolicy, "versionPolicy");
            return this;
        }

        /** The TLS setup, for example to trust a private CA; default the JVM's, {@code javax.net.ssl.*} properties honoured. */
        public Builder tlsStrategy(TlsStrategy tlsStrategy) {
            this.tlsStrategy = Objects.requireNonNull(tlsStrategy, "tlsStrategy");
            return this;
        }

        /** Retire pooled connections after this age (for DNS changes behind a load balancer); default never. */
        public Builder connectionTimeToLive(Duration ttl) {
            if (ttl.isZero() || ttl.isNegative()) {
                throw new IllegalArgumentException("connectionTimeToLive must be positive, got " + ttl);
            }
            this.connectionTimeToLive = ttl;
            return this;
        }

        /** How long {@link #close()} lets exchanges in flight finish before cutting them; default 1 s, zero for immediately. */
        public Builder closeGracePeriod(Duration grace) {
            if (grace.isNegative()) {
                throw new IllegalArgumentException("closeGracePeriod must not be negative, got " + grace);
            }
            this.closeGracePeriod = grace;
            return this;
        }

        /** Builds and starts the transport; the caller owns it and closes it. */
        public ApacheHttpTransport build() {
            return new ApacheHttpTransport(this);
        }
    }
}
