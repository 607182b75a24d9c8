package dev.vidgen.client.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.client.support.RecordingTransport;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.client.support.ServiceRegisteredFamily;
import dev.vidgen.client.support.TestFamilies;
import dev.vidgen.client.support.TestFamilies.MotionStyle;
import dev.vidgen.client.support.TestFamilies.PikaRequest;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.ports.time.Scheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class VideoClientModuleTest {

    static final String SUBMITTED = "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"pending\"}";

    final VirtualTime clock = new VirtualTime();
    final StubTransportModule adapter = new StubTransportModule(clock);
    final ClientConfig config = ClientConfig.builder().apiKey("sk-guice-KEY")
            .retryPolicy(RetryPolicy.builder().maxAttempts(2).build()).build();

    /** Stands in for an adapter module: binds a provider, never a transport. */
    static final class StubTransportModule extends AbstractModule {
        final List<RecordingTransport> created = new ArrayList<>();
        final VirtualTime clock;

        StubTransportModule(VirtualTime clock) {
            this.clock = clock;
        }

        @Override
        protected void configure() {
            bind(HttpTransportProvider.class).toInstance(new HttpTransportProvider() {
                @Override public String name() { return "stub"; }
                @Override public int priority() { return 1; }
                @Override public HttpTransport create(TransportSettings settings) {
                    RecordingTransport t = new RecordingTransport(clock).otherwiseRespond(200, SUBMITTED);
                    created.add(t);
                    return t;
                }
            });
        }
    }

    /** Virtual time for the client, as a test would bind it. */
    final AbstractModule virtualTime = new AbstractModule() {
        @Override
        protected void configure() {
            bind(Scheduler.class).toInstance(clock);
        }
    };

    @Test
    void bindsASingletonClientOverTheAdaptersTransportAndClosesItWithTheClient() {
        Injector injector = Guice.createInjector(new VideoClientModule(config), adapter, virtualTime);
        assertThat(adapter.created).as("no transport while configuring").isEmpty();

        VideoClient client = injector.getInstance(VideoClient.class);
        assertThat(injector.getInstance(VideoClient.class)).isSameAs(client);
        assertThat(adapter.created).hasSize(1);

        client.submit(Seeds.veo());
        RecordingTransport t = adapter.created.get(0);
        assertThat(t.last().request().header("Authorization")).contains("Bearer sk-guice-KEY");
        assertThat(t.last().request().uri()).hasToString("https://api.foxapi.cc/v1/videos/generations");

        client.close();
        assertThat(t.isClosed()).isTrue();
    }

    @Test
    void bindsTheCatalogCodecAndPolicies() {
        Injector injector = Guice.createInjector(new VideoClientModule(config), adapter);
        ModelCatalog catalog = injector.getInstance(ModelCatalog.class);
        assertThat(catalog.modelIds()).containsExactlyInAnyOrder("veo-3.1-reference-to-video", "veo-3.1-fast-reference-to-video", "kling-o3-ref",
                ServiceRegisteredFamily.MODEL_ID);
        assertThat(injector.getInstance(FoxApiCodec.class).catalog()).isSameAs(catalog);
        assertThat(injector.getInstance(RetryPolicy.class).maxAttempts()).isEqualTo(2);
        assertThat(injector.getInstance(ValidationPolicy.class)).isEqualTo(ValidationPolicy.defaults());
        assertThat(adapter.created).isEmpty();
    }

    @Test
    void aUsersModuleAddsAFamily() {
        AbstractModule pikaModule = new AbstractModule() {
            @Override
            protected void configure() {
                VideoClientModule.families(binder()).addBinding().to(TestFamilies.Pika.class);
            }
        };
        Injector injector = Guice.createInjector(new VideoClientModule(config), adapter, virtualTime, pikaModule);
        try (VideoClient client = injector.getInstance(VideoClient.class)) {
            assertThat(client.models().modelIds()).contains("pika-2.2", "kling-o3-ref");
            client.submit(new PikaRequest("waves", MotionStyle.WILD, null, null));
        }
        assertThat(adapter.created.get(0).last().body()).isEqualTo("{\"model\":\"pika-2.2\",\"prompt\":\"waves\",\"motion_style\":\"wild\"}");
    }

    @Test
    void guiceMadeAndBuilderMadeClientsSeeTheSameFamilies() {
        AbstractModule pikaModule = new AbstractModule() {
            @Override
            protected void configure() {
                VideoClientModule.families(binder()).addBinding().to(TestFamilies.Pika.class);
            }
        };
        List<String> guiceMade;
        try (VideoClient client = Guice.createInjector(new VideoClientModule(config), adapter, virtualTime, pikaModule)
                .getInstance(VideoClient.class)) {
            guiceMade = client.models().modelIds();
        }
        List<String> builderMade;
        try (VideoClient client = VideoClient.builder().config(config).transport(new RecordingTransport(clock)).scheduler(clock)
                .addFamily(new TestFamilies.Pika()).build()) {
            builderMade = client.models().modelIds();
        }
        // the family registered only in META-INF/services reaches both
        assertThat(guiceMade).contains(ServiceRegisteredFamily.MODEL_ID, "pika-2.2", "kling-o3-ref").isEqualTo(builderMade);
    }

    @Test
    void theConfigMayBeBoundByTheApplication() {
        AbstractModule app = new AbstractModule() {
            @Override
            protected void configure() {
                bind(ClientConfig.class).toInstance(config.toBuilder().baseUrl("http://127.0.0.1:8080").build());
            }
        };
        try (VideoClient client = Guice.createInjector(new VideoClientModule(), app, adapter, virtualTime).getInstance(VideoClient.class)) {
            client.get(TaskId.of("task-unified-1757165031-uyujaw3d"));
        }
        assertThat(adapter.created.get(0).last().request().uri()).hasToString("http://127.0.0.1:8080/v1/tasks/task-unified-1757165031-uyujaw3d");
    }

    @Test
    void aBoundTaskPortReplacesHttp() {
        List<TaskId> fetched = new ArrayList<>();
        FoxApiCodec codec = new FoxApiCodec(TestFamilies.catalog());
        TaskSubmissionPort fake = new TaskSubmissionPort() {
            @Override
            public CompletableFuture<VideoTask> submitAsync(dev.vidgen.domain.VideoRequest request, CallSettings options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
                fetched.add(id);
                return CompletableFuture.completedFuture(codec.decodeTask(SUBMITTED.getBytes(java.nio.charset.StandardCharsets.UTF_8), clock.now()));
            }
        };
        AbstractModule fakeModule = new AbstractModule() {
            @Override
            protected void configure() {
                bind(TaskSubmissionPort.class).toInstance(fake);
            }
        };
        ClientConfig noKey = ClientConfig.builder().build();
        try (VideoClient client = Guice.createInjector(new VideoClientModule(noKey), fakeModule, virtualTime).getInstance(VideoClient.class)) {
            client.get(TaskId.of("task-unified-1757165031-uyujaw3d"));
        }
        assertThat(fetched).containsExactly(TaskId.of("task-unified-1757165031-uyujaw3d"));
    }

    @Test
    void aBoundObserverHearsTheClientsCalls() {
        FoxApiCodec codec = new FoxApiCodec(TestFamilies.catalog());
        TaskSubmissionPort fake = new TaskSubmissionPort() {
            @Override
            public CompletableFuture<VideoTask> submitAsync(dev.vidgen.domain.VideoRequest request, CallSettings options) {
                throw new UnsupportedOperationException();
            }

            @Override
            public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
                return CompletableFuture.completedFuture(codec.decodeTask(SUBMITTED.getBytes(java.nio.charset.StandardCharsets.UTF_8), clock.now()));
            }
        };
        List<String> calls = new ArrayList<>();
        dev.vidgen.client.observe.ClientObserver observer = new dev.vidgen.client.observe.ClientObserver() {
            @Override
            public dev.vidgen.client.observe.CallSpan callStarted(dev.vidgen.client.observe.ClientCall call) {
                calls.add(call.name() + " " + call.taskId().value());
                return dev.vidgen.client.observe.CallSpan.NOOP;
            }
        };
        AbstractModule bindings = new AbstractModule() {
            @Override
            protected void configure() {
                bind(TaskSubmissionPort.class).toInstance(fake);
                bind(dev.vidgen.client.observe.ClientObserver.class).toInstance(observer);
            }
        };
        try (VideoClient client = Guice.createInjector(new VideoClientModule(ClientConfig.builder().build()), bindings, virtualTime)
                .getInstance(VideoClient.class)) {
            client.get(TaskId.of("task-unified-1757165031-uyujaw3d"));
        }
        assertThat(calls).containsExactly("get task-unified-1757165031-uyujaw3d");
    }

    @Test
    void theModuleValidatesInToolStageWithoutCreatingAnything() {
        Guice.createInjector(Stage.TOOL, new VideoClientModule(config), adapter);
        assertThat(adapter.created).isEmpty();
    }

    @Test
    void aMissingConfigIsAConfigurationError() {
        assertThatThrownBy(() -> Guice.createInjector(new VideoClientModule(), adapter))
                .hasMessageContaining("ClientConfig");
    }

    @Test
    void aBadConfigFailsWhenTheClientIsProvided() {
        Injector injector = Guice.createInjector(new VideoClientModule(config.toBuilder().transportName("none").build()));
        assertThatThrownBy(() -> injector.getInstance(VideoClient.class)).isInstanceOf(ProvisionException.class)
                .hasMessageContaining("no HTTP transport");
    }
}
