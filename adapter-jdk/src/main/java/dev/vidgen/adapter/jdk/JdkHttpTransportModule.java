package dev.vidgen.adapter.jdk;

import com.google.inject.AbstractModule;
import dev.vidgen.ports.http.HttpTransportProvider;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Guice: binds {@link HttpTransportProvider} to the JDK transport. The transport itself is not
 * bound, because it is a closeable resource; the client's module creates it from the provider
 * and closes it with the client.
 */
public final class JdkHttpTransportModule extends AbstractModule {

    private final Consumer<JdkHttpTransport.Builder> options;

    /** The JDK transport with its defaults. */
    public JdkHttpTransportModule() {
        this(b -> { });
    }

    /** The JDK transport with adapter options, for example {@code b -> b.version(HttpClient.Version.HTTP_2)}. */
    public JdkHttpTransportModule(Consumer<JdkHttpTransport.Builder> options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    protected void configure() {
        bind(HttpTransportProvider.class).toInstance(new JdkHttpTransportProvider(options));
    }
}
