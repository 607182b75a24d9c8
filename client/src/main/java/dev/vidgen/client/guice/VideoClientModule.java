package dev.vidgen.client.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.OptionalBinder;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.VideoClientBuilder;
import dev.vidgen.client.internal.Families;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.time.Scheduler;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Binds vidgen for Guice: the {@link VideoClient} (singleton), the {@link FoxApiCodec}, the
 * {@link RetryPolicy} and {@link ValidationPolicy} of the configuration, and the model catalogue.
 * The catalogue holds the same families as a client from {@code VideoClient.builder()}: those
 * registered through {@link java.util.ServiceLoader} ({@code META-INF/services}: the two seed
 * families and any model module's), plus those a user's module adds with
 * {@link #families(com.google.inject.Binder)}{@code .addBinding().to(MyFamily.class)}.
 *
 * <p>The transport comes from another module: install one adapter's module (it binds an
 * {@link HttpTransportProvider}; a transport is a {@code Closeable} and is not bound itself).
 * The client creates its transport from that provider, owns it and closes it in
 * {@link VideoClient#close()}; close the client when the application stops. Optional bindings a
 * test may set: a {@link ClientObserver} (metrics, traces), a {@link TaskSubmissionPort} (the testkit's fake: then no HTTP is used for tasks)
 * and a {@link Scheduler} (virtual time); both stay owned by whoever bound them.
 *
 * <pre>{@code
 * Injector injector = Guice.createInjector(
 *         new VideoClientModule(ClientConfig.builder().apiKey("sk-...").build()),
 *         new ApacheHttpTransportModule()); // or new JdkHttpTransportModule()
 * VideoClient client = injector.getInstance(VideoClient.class);
 * }</pre>
 *
 * <p>The module makes no decision and does no I/O while configuring: everything happens when the
 * injector first asks for the client.
 */
public final class VideoClientModule extends AbstractModule {

    private final Module configBinding;

    /** A module whose {@link ClientConfig} is this one. */
    public VideoClientModule(ClientConfig config) {
        Objects.requireNonNull(config, "config");
        this.configBinding = binder -> binder.bind(ClientConfig.class).toInstance(config);
    }

    /** A module that expects the application to bind {@link ClientConfig} itself. */
    public VideoClientModule() {
        this.configBinding = binder -> { };
    }

    /** The set of model families: add a {@link ModelFamily} binding to it from any module. */
    public static Multibinder<ModelFamily<?>> families(com.google.inject.Binder binder) {
        return Multibinder.newSetBinder(binder, new TypeLiteral<ModelFamily<?>>() { });
    }

    @Override
    protected void configure() {
        install(configBinding);
        families(binder()); // declared, so that a set with no additions is bound too
        OptionalBinder.newOptionalBinder(binder(), HttpTransportProvider.class);
        OptionalBinder.newOptionalBinder(binder(), TaskSubmissionPort.class);
        OptionalBinder.newOptionalBinder(binder(), Scheduler.class);
        OptionalBinder.newOptionalBinder(binder(), ClientObserver.class);
    }

    @Provides
    @Singleton
    ModelCatalog catalog(Set<ModelFamily<?>> added) {
        return Families.installedWith(added);
    }

    @Provides
    @Singleton
    FoxApiCodec codec(ModelCatalog catalog) {
        return new FoxApiCodec(catalog);
    }

    @Provides
    RetryPolicy retryPolicy(ClientConfig config) {
        return config.retryPolicy();
    }

    @Provides
    ValidationPolicy validationPolicy(ClientConfig config) {
        return config.validationPolicy();
    }

    /**
     * The client: over the bound task port if there is one, else over a transport created by the
     * bound {@link HttpTransportProvider}.
     */
    @Provides
    @Singleton
    VideoClient client(ClientConfig config, ModelCatalog catalog, Optional<HttpTransportProvider> provider,
                       Optional<TaskSubmissionPort> taskPort, Optional<Scheduler> scheduler, Optional<ClientObserver> observer) {
        VideoClientBuilder builder = VideoClient.builder().config(config).catalog(catalog);
        provider.ifPresent(builder::transportProvider);
        taskPort.ifPresent(builder::taskPort);
        scheduler.ifPresent(builder::scheduler);
        observer.ifPresent(builder::observer);
        return builder.build();
    }
}
