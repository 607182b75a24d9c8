package dev.vidgen.adapter.httpclient;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportSettings;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Finds the Apache HttpClient 5 transport for {@code VideoClient.builder()} (registered with
 * {@link java.util.ServiceLoader}) and for Guice ({@link ApacheHttpTransportModule}).
 * Name {@code apache}, priority 200: preferred over the JDK transport (100) when both are present.
 */
public final class ApacheHttpTransportProvider implements HttpTransportProvider {

    private final Consumer<ApacheHttpTransport.Builder> options;

    /** The transport with its defaults. */
    public ApacheHttpTransportProvider() {
        this(b -> { });
    }

    /** The transport with adapter options, for example {@code b -> b.ioThreads(1)}. */
    public ApacheHttpTransportProvider(Consumer<ApacheHttpTransport.Builder> options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "apache";
    }

    @Override
    public int priority() {
        return 200;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        ApacheHttpTransport.Builder b = ApacheHttpTransport.builder();
        options.accept(b);
        return b.settings(settings).build();
    }
}
