package dev.vidgen.adapter.jdk;

import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportSettings;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Finds the JDK transport for {@code VideoClient.builder()} (registered with
 * {@link java.util.ServiceLoader}) and for Guice ({@link JdkHttpTransportModule}).
 * Name {@code jdk}, priority 100: chosen when Apache HttpClient 5 (200) is not on the class path.
 */
public final class JdkHttpTransportProvider implements HttpTransportProvider {

    private final Consumer<JdkHttpTransport.Builder> options;

    /** The transport with its defaults (HTTP/1.1, the JVM's TLS). */
    public JdkHttpTransportProvider() {
        this(b -> { });
    }

    /** The transport with adapter options, for example {@code b -> b.version(HttpClient.Version.HTTP_2)}. */
    public JdkHttpTransportProvider(Consumer<JdkHttpTransport.Builder> options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public String name() {
        return "jdk";
    }

    @Override
    public int priority() {
        return 100;
    }

    @Override
    public HttpTransport create(TransportSettings settings) {
        JdkHttpTransport.Builder b = JdkHttpTransport.builder();
        options.accept(b);
        return b.settings(settings).build();
    }
}
