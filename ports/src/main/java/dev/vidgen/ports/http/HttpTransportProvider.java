package dev.vidgen.ports.http;

/**
 * How {@code VideoClient.builder()} finds a transport without Guice: adapters register one
 * through {@link java.util.ServiceLoader}, and the builder takes the one with the highest
 * {@link #priority()} unless the caller names one.
 */
public interface HttpTransportProvider {

    /** The transport's short name, for example {@code apache} or {@code jdk}. */
    String name();

    /** Higher wins: Apache HttpClient 5 is 200, the JDK client 100. */
    int priority();

    /** Creates a new transport; the caller owns and closes it. */
    HttpTransport create(TransportSettings settings);
}
