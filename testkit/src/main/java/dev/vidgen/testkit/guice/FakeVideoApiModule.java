package dev.vidgen.testkit.guice;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.VideoClientBuilder;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.time.Scheduler;
import dev.vidgen.fake.server.FakeVideoApi;
import java.util.Objects;
import java.util.Optional;

/**
 * Points an application's {@code VideoClient} at a running {@link FakeVideoApi}, over the real HTTP
 * transport the application installed, so a test covers everything down to the socket:
 * <pre>{@code
 * Injector injector = Guice.createInjector(Modules.override(appModule).with(new FakeVideoApiModule(fakeApi)));
 * }</pre>
 *
 * <p>It must be used through {@code Modules.override}: it replaces the {@code VideoClient} binding
 * of the client's {@code VideoClientModule} with a client built the same way (the application's
 * {@code ClientConfig}, model catalog, transport provider and scheduler) but whose base URL and API
 * key are the fake's. Timeouts, retry and validation policies stay the application's. It also binds
 * the {@link FakeVideoApi} so tests can inject it. The application still closes its client; the
 * test closes the fake.
 */
public final class FakeVideoApiModule extends AbstractModule {

    private final FakeVideoApi api;

    /** The client on {@code api}. */
    public FakeVideoApiModule(FakeVideoApi api) {
        this.api = Objects.requireNonNull(api, "api");
    }

    @Override
    protected void configure() {
        bind(FakeVideoApi.class).toInstance(api);
    }

    @Provides
    @Singleton
    VideoClient client(ClientConfig config, ModelCatalog catalog, Optional<HttpTransportProvider> provider,
                       Optional<Scheduler> scheduler) {
        ClientConfig onFake = config.toBuilder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build();
        VideoClientBuilder builder = VideoClient.builder().config(onFake).catalog(catalog);
        provider.ifPresent(builder::transportProvider);
        scheduler.ifPresent(builder::scheduler);
        return builder.build();
    }
}
