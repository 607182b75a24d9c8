package dev.vidgen.adapter.httpclient;

import com.google.inject.AbstractModule;
import dev.vidgen.ports.http.HttpTransportProvider;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Guice: binds {@link HttpTransportProvider} to the Apache HttpClient 5 transport. The transport
 * itself is not bound, because it is a closeable resource; the client's module creates it from
 * the provider and closes it with the client.
 */
public final class ApacheHttpTransportModule extends AbstractModule {

    private final Consumer<ApacheHttpTransport.Builder> options;

    /** The Apache transport with its defaults. */
    public ApacheHttpTransportModule() {
        this(b -> { });
    }

    /** The Apache transport with adapter options, for example {@code b -> b.ioThreads(1)}. */
    public ApacheHttpTransportModule(Consumer<ApacheHttpTransport.Builder> options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    protected void configure() {
        bind(HttpTransportProvider.class).toInstance(new ApacheHttpTransportProvider(options));
    }
}
