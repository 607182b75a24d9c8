package dev.vidgen.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.VideoClientTest.StubProvider;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.client.support.RecordingTransport;
import dev.vidgen.client.support.TestFamilies;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.TransportSettings;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every combination of builder settings either means something, whatever the order, or is refused naming both settings. */
class VideoClientBuilderTest {

    static final String KEY = "sk-live-9fQ2SECRETSECRET";
    static final ClientConfig CONFIG = ClientConfig.builder().environment(n -> null).apiKey("sk-from-config-1")
            .baseUrl("https://gw.example/foxapi").callTimeout(Duration.ofSeconds(40)).retryPolicy(RetryPolicy.none()).build();

    static final TaskSubmissionPort UNUSED_PORT = new TaskSubmissionPort() {
        @Override public CompletableFuture<VideoTask> submitAsync(VideoRequest r, CallSettings o) { throw new UnsupportedOperationException(); }
        @Override public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings o) { throw new UnsupportedOperationException(); }
    };

    final VirtualTime clock = new VirtualTime();
    final RecordingTransport transport = new RecordingTransport(clock);

    VideoClientBuilder builder() {
        return VideoClient.builder().scheduler(clock).environment(n -> null);
    }

    @Nested
    class ConfigAndSettings {
        @Test
        void aSettingWinsOverConfigBeforeOrAfterIt() {
            ClientConfig after = builder().config(CONFIG).apiKey(KEY).callTimeout(Duration.ofSeconds(5)).resolvedConfig();
            ClientConfig before = builder().apiKey(KEY).callTimeout(Duration.ofSeconds(5)).config(CONFIG).resolvedConfig();
            assertThat(after).isEqualTo(before);
            assertThat(after.apiKey()).contains(ApiKey.of(KEY));
            assertThat(after.callTimeout()).isEqualTo(Duration.ofSeconds(5));
            // what the builder does not set comes from the config
            assertThat(after.baseUrl()).isEqualTo(URI.create("https://gw.example/foxapi"));
            assertThat(after.retryPolicy()).isEqualTo(RetryPolicy.none());
        }

        @Test
        void aSecondConfigReplacesTheFirstButNotTheSettings() {
            ClientConfig other = ClientConfig.builder().environment(n -> null).userAgent("other/1").build();
            ClientConfig c = builder().config(CONFIG).attemptTimeout(Duration.ofSeconds(9)).config(other).resolvedConfig();
            assertThat(c.userAgent()).isEqualTo("other/1");
            assertThat(c.apiKey()).isEmpty();
            assertThat(c.attemptTimeout()).isEqualTo(Duration.ofSeconds(9));
        }

        @Test
        void aConfigIsNotResolvedAgainFromTheEnvironment() {
            UnaryOperator<String> env = n -> n.equals(ClientConfig.BASE_URL_ENV_VAR) ? "https://env.example" : null;
            ClientConfig c = builder().config(CONFIG).environment(env).resolvedConfig();
            assertThat(c.baseUrl()).isEqualTo(CONFIG.baseUrl());
            assertThat(c.baseUrlSource()).isEqualTo("set");
        }

        @Test
        void toBuilderKeepsEverySettingItDoesNotMake() {
            assertThat(CONFIG.toBuilder().build()).isEqualTo(CONFIG);
            ClientConfig changed = CONFIG.toBuilder().userAgent("mine/2").build();
            assertThat(changed.userAgent()).isEqualTo("mine/2");
            assertThat(changed.toBuilder().userAgent(CONFIG.userAgent()).build()).isEqualTo(CONFIG);
        }

        @Test
        void connectTimeoutAndTransportSettingsOnOneBuilderAreRefused() {
            TransportSettings pool = TransportSettings.defaults().withMaxConnections(4);
            assertThatThrownBy(() -> builder().apiKey(KEY).connectTimeout(Duration.ofSeconds(2)).transportSettings(pool).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("connectTimeout(...)").hasMessageContaining("transportSettings(...)");
            assertThatThrownBy(() -> ClientConfig.builder().transportSettings(pool).connectTimeout(Duration.ofSeconds(2)).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("connectTimeout(...)").hasMessageContaining("transportSettings(...)");
        }

        @Test
        void connectTimeoutOverAConfigsTransportSettingsChangesOnlyTheConnectTimeout() {
            ClientConfig pooled = CONFIG.toBuilder().transportSettings(TransportSettings.defaults().withMaxConnections(4)).build();
            ClientConfig c = builder().connectTimeout(Duration.ofSeconds(2)).config(pooled).resolvedConfig();
            assertThat(c.transportSettings().maxConnections()).isEqualTo(4);
            assertThat(c.transportSettings().connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(pooled.toBuilder().connectTimeout(Duration.ofSeconds(2)).build().transportSettings())
                    .isEqualTo(c.transportSettings());
        }
    }

    @Nested
    class Transports {
        @Test
        void aGivenTransportAndAProviderAreRefused() {
            assertThatThrownBy(() -> builder().apiKey(KEY).transport(transport).transportProvider(new StubProvider("jdk", 1, clock)).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transport(...) and transportProvider(...) are both set");
        }

        @Test
        void aGivenTransportAndANameAreRefused() {
            assertThatThrownBy(() -> builder().apiKey(KEY).transportName("jdk").transport(transport).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("transport(...) and transportName(...)");
            ClientConfig named = CONFIG.toBuilder().transportName("jdk").build();
            assertThatThrownBy(() -> builder().config(named).transport(transport).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("transport(...) and transportName (in config(...))");
        }

        @Test
        void aGivenTransportAndTransportSettingsAreRefused() {
            assertThatThrownBy(() -> builder().apiKey(KEY).transport(transport).connectTimeout(Duration.ofSeconds(1)).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("transport(...) and connectTimeout(...)");
            assertThatThrownBy(() -> builder().apiKey(KEY).transportSettings(TransportSettings.defaults()).transport(transport).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("transport(...) and transportSettings(...)");
            ClientConfig pooled = CONFIG.toBuilder().transportSettings(TransportSettings.defaults().withMaxConnections(4)).build();
            assertThatThrownBy(() -> builder().config(pooled).transport(transport).build())
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("transport(...) and transportSettings (in config(...))");
            assertThat(transport.count()).isZero();
        }

        @Test
        void aProviderAndANameAreRefused() {
            assertThatThrownBy(() -> builder().apiKey(KEY).transportName("jdk").transportProvider(new StubProvider("jdk", 1, clock)).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("transportProvider(...) and transportName(...) are both set");
        }

        @Test
        void aProviderGetsTheTransportSettings() {
            StubProvider jdk = new StubProvider("jdk", 1, clock);
            builder().apiKey(KEY).connectTimeout(Duration.ofSeconds(3)).transportProvider(jdk).installedProviders(List::of).build().close();
            assertThat(jdk.created).hasSize(1);
            assertThat(jdk.settings.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
            assertThat(jdk.created.get(0).isClosed()).isTrue();
        }

        @Test
        void aTaskPortWithATransportNameIsMeaningfulForDownloads() {
            StubProvider jdk = new StubProvider("jdk", 1, clock);
            StubProvider apache = new StubProvider("apache", 2, clock);
            VideoClient client = builder().taskPort(UNUSED_PORT).transportName("jdk")
                    .installedProviders(() -> List.of(jdk, apache)).build();
            // nothing is created until a download needs it
            assertThat(jdk.created).isEmpty();
            assertThat(apache.created).isEmpty();
            client.close();
        }
    }

    @Nested
    class Families {
        @Test
        void aCatalogAndAnAddedFamilyAreRefused() {
            ModelCatalog catalog = TestFamilies.catalog();
            assertThatThrownBy(() -> builder().apiKey(KEY).transport(transport).addFamily(new TestFamilies.Pika()).catalog(catalog).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("catalog(...) and addFamily(...) are both set");
        }

        @Test
        void anAddedFamilyJoinsTheInstalledOnes() {
            try (VideoClient client = builder().apiKey(KEY).transport(transport).addFamily(new TestFamilies.Pika()).build()) {
                assertThat(client.models().families()).extracting(f -> f.getClass().getSimpleName())
                        .contains("Pika", "VeoFamily", "KlingFamily");
            }
        }
    }
}
