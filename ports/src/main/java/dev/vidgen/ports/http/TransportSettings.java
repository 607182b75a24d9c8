package dev.vidgen.ports.http;

import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * Settings every transport understands. Adapters may offer more through their own builders.
 *
 * @param connectTimeout   how long to wait for a connection
 * @param defaultTimeout   the response timeout when a request sets none
 * @param maxConnections   the connection pool size (per route and in total)
 * @param proxy            explicit proxy, or {@code null} for the JVM's proxy system properties
 * @param executor         executor for callbacks, or {@code null} for the transport's own
 * @param maxAnswerBytes   the most bytes of an API answer the client reads (a longer one fails
 *                         with {@code MalformedResponseException}); default {@link BodyHandlers#DEFAULT_MAX_BYTES}
 */
public record TransportSettings(Duration connectTimeout, Duration defaultTimeout, int maxConnections,
                                ProxySettings proxy, Executor executor, int maxAnswerBytes) {

    /** Checks the settings. */
    public TransportSettings {
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(defaultTimeout, "defaultTimeout");
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, got " + maxConnections);
        }
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("maxAnswerBytes must be at least 1024, got " + maxAnswerBytes);
        }
    }

    /** Settings with the default {@link #maxAnswerBytes()}. */
    public TransportSettings(Duration connectTimeout, Duration defaultTimeout, int maxConnections, ProxySettings proxy, Executor executor) {
        this(connectTimeout, defaultTimeout, maxConnections, proxy, executor, BodyHandlers.DEFAULT_MAX_BYTES);
    }

    /**
     * 10 s connect, 60 s response, 48 connections, JVM proxy settings, the transport's own executor.
     * 48 exchanges in flight carry thousands of concurrent waits (a poll takes milliseconds to a
     * second), and keep a transport that blocks a thread per exchange (the JDK one) within 64 threads.
     */
    public static TransportSettings defaults() {
        return new TransportSettings(Duration.ofSeconds(10), Duration.ofSeconds(60), 48, null, null, BodyHandlers.DEFAULT_MAX_BYTES);
    }

    /** These settings with another connect timeout. */
    public TransportSettings withConnectTimeout(Duration d) {
        return new TransportSettings(d, defaultTimeout, maxConnections, proxy, executor, maxAnswerBytes);
    }

    /** These settings with another default response timeout. */
    public TransportSettings withDefaultTimeout(Duration d) {
        return new TransportSettings(connectTimeout, d, maxConnections, proxy, executor, maxAnswerBytes);
    }

    /** These settings with another pool size. */
    public TransportSettings withMaxConnections(int n) {
        return new TransportSettings(connectTimeout, defaultTimeout, n, proxy, executor, maxAnswerBytes);
    }

    /** These settings with an explicit proxy. */
    public TransportSettings withProxy(ProxySettings p) {
        return new TransportSettings(connectTimeout, defaultTimeout, maxConnections, p, executor, maxAnswerBytes);
    }

    /** These settings with a callback executor. */
    public TransportSettings withExecutor(Executor e) {
        return new TransportSettings(connectTimeout, defaultTimeout, maxConnections, proxy, e, maxAnswerBytes);
    }

    /** These settings with another cap on API answers. */
    public TransportSettings withMaxAnswerBytes(int n) {
        return new TransportSettings(connectTimeout, defaultTimeout, maxConnections, proxy, executor, n);
    }

    /**
     * An explicit proxy.
     *
     * @param host     the proxy host
     * @param port     the proxy port
     * @param username for proxy authentication, or {@code null}
     * @param password for proxy authentication, or {@code null}; never printed
     */
    public record ProxySettings(String host, int port, String username, char[] password) {

        /** A proxy without authentication. */
        public static ProxySettings of(String host, int port) {
            return new ProxySettings(host, port, null, null);
        }

        /** A {@link ProxySelector} for transports that take one. */
        public ProxySelector toSelector() {
            return ProxySelector.of(new java.net.InetSocketAddress(host, port));
        }

        @Override
        public String toString() {
            return "ProxySettings[" + host + ":" + port + (username == null ? "" : ", user=" + username + ", password=***") + "]";
        }
    }
}
