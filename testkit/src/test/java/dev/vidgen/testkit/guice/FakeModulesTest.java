package dev.vidgen.testkit.guice;

import static dev.vidgen.testkit.assertj.VidgenAssertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Inject;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.multibindings.OptionalBinder;
import com.google.inject.util.Modules;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.guice.VideoClientModule;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.adapter.jdk.JdkHttpTransportProvider;
import dev.vidgen.fake.time.VirtualTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** An application's Guice wiring, swapped onto the fakes. */
class FakeModulesTest {

    /** What an application's production module looks like: the client module, a transport, its own services. */
    static final class AppModule extends AbstractModule {
        @Override
        protected void configure() {
            install(new VideoClientModule(ClientConfig.builder().apiKey("sk-production-key")
                    .callTimeout(Duration.ofSeconds(20)).build()));
            OptionalBinder.newOptionalBinder(binder(), HttpTransportProvider.class).setBinding().toInstance(new JdkHttpTransportProvider());
            bind(Storyboard.class);
        }
    }

    /** An application service that uses the client. */
    static final class Storyboard {
        private final VideoClient client;

        @Inject
        Storyboard(VideoClient client) {
            this.client = client;
        }

        CompletableFuture<VideoTask> shoot(String scene) {
            return client.submitAndAwaitAsync(KlingReferenceRequest.builder().prompt(scene).build(),
                    AwaitOptions.builder().timeout(Duration.ofMinutes(30)).minInterval(Duration.ofMillis(20))
                            .maxInterval(Duration.ofSeconds(30)).build());
        }
    }

    @Test
    void fakeTaskPortModuleOverridesTheAppsPortAndTime() throws Exception {
        VirtualTime time = new VirtualTime();
        FakeTaskPort port = FakeTaskPort.builder().clock(time).defaultLifecycle(Lifecycle.typical(Duration.ofMinutes(8))).build();
        Injector injector = Guice.createInjector(Modules.override(new AppModule()).with(new FakeTaskPortModule(port, time)));

        try (VideoClient client = injector.getInstance(VideoClient.class)) {
            CompletableFuture<VideoTask> done = injector.getInstance(Storyboard.class).shoot("opening scene");
            injector.getInstance(VirtualTime.class).advanceUntil(done::isDone, Duration.ofMinutes(30));

            assertThat(done.get()).isCompleted().hasResultUrl();
            assertThat(injector.getInstance(FakeTaskPort.class)).isSameAs(port).receivedSubmits(1)
                    .submittedRequest(0).isValid();
        }
    }

    @Test
    void fakeTaskPortModuleAlsoWorksBesideTheAppModule() {
        FakeTaskPort port = new FakeTaskPort();
        Module both = Modules.combine(new AppModule(), new FakeTaskPortModule(port));

        try (VideoClient client = Guice.createInjector(both).getInstance(VideoClient.class)) {
            client.submit(KlingReferenceRequest.builder().prompt("x").build());
        }
        assertThat(port).receivedSubmits(1);
    }

    @Test
    void fakeVideoApiModulePointsTheAppsClientAtTheFakeOverHttp() throws Exception {
        try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(200)).start()) {
            Injector injector = Guice.createInjector(Modules.override(new AppModule()).with(new FakeVideoApiModule(api)));

            try (VideoClient client = injector.getInstance(VideoClient.class)) {
                VideoTask task = injector.getInstance(Storyboard.class).shoot("closing scene").get();
                assertThat(task).isCompleted().hasResultUrl();
            }
            assertThat(injector.getInstance(FakeVideoApi.class)).isSameAs(api);
            assertThat(api).receivedSubmits(1).createdTasks(1).receivedOnlyAuthorizedRequests();
        }
    }
}
