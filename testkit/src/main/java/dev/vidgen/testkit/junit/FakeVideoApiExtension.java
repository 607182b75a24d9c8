package dev.vidgen.testkit.junit;

import dev.vidgen.fake.server.FakeVideoApi;

import java.net.URI;
import java.util.Objects;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Runs a {@link FakeVideoApi} for a JUnit 5 test class, on a free loopback port.
 *
 * <pre>{@code
 * @RegisterExtension
 * static FakeVideoApiExtension fake = FakeVideoApiExtension.create(b -> b.taskDuration(Duration.ofMillis(200)));
 *
 * @Test
 * void submits(FakeVideoApi api) { ... api.baseUrl() ... }
 * }</pre>
 *
 * <p>In a {@code static} field the fake starts before the first test and stops after the last,
 * and is {@link FakeVideoApi#reset() reset} before each test (no tasks, counters or faults carry
 * over). In an instance field it starts before each test and stops after it. Test methods and
 * constructors may declare a {@link FakeVideoApi} parameter.
 */
public final class FakeVideoApiExtension
        implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback, AfterAllCallback, ParameterResolver {

    private final Consumer<FakeVideoApi.Builder> configuration;
    private FakeVideoApi api;
    private boolean perClass;

    private FakeVideoApiExtension(Consumer<FakeVideoApi.Builder> configuration) {
        this.configuration = Objects.requireNonNull(configuration, "configuration");
    }

    /** An extension running a fake with the defaults. */
    public static FakeVideoApiExtension create() {
        return new FakeVideoApiExtension(b -> { });
    }

    /** An extension running a fake configured by {@code configuration} (the port is always a free one). */
    public static FakeVideoApiExtension create(Consumer<FakeVideoApi.Builder> configuration) {
        return new FakeVideoApiExtension(configuration);
    }

    /** The running fake. */
    public FakeVideoApi api() {
        if (api == null) {
            throw new IllegalStateException("the fake API is not running: it runs only while a test of its class runs");
        }
        return api;
    }

    /** The running fake's base URL. */
    public URI baseUrl() {
        return api().baseUrl();
    }

    /** A key the running fake accepts. */
    public String apiKey() {
        return api().apiKey();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        perClass = true;
        api = startNew();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (perClass) {
            api.reset();
        } else {
            api = startNew();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (!perClass) {
            stop();
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == FakeVideoApi.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return api();
    }

    private FakeVideoApi startNew() {
        FakeVideoApi.Builder b = FakeVideoApi.builder();
        configuration.accept(b);
        return b.port(0).start();
    }

    private void stop() {
        if (api != null) {
            api.close();
            api = null;
        }
    }
}
