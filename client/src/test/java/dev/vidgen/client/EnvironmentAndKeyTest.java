package dev.vidgen.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.guice.VideoClientModule;
import dev.vidgen.client.support.LoopbackApi;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.client.testsupport.Scripts;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.client.testsupport.Snapshots;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.http.HttpTransportProvider;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Issue 11.1 and 11.2: FOXAPI_BASE_URL is read as the CLI reads it; a null key means "not set here". */
@Timeout(60)
class EnvironmentAndKeyTest {

    static final String KEY = "sk-env-test-KEY0123";

    @TempDir
    Path dir;

    @Nested
    class BaseUrlFromTheEnvironment {
        @Test
        void theReadmeBuilderExampleWithTheVariableReachesTheFake() throws Exception {
            Logger logger = (Logger) LoggerFactory.getLogger(VideoClientBuilder.class);
            ListAppender<ILoggingEvent> appender = new ListAppender<>();
            appender.start();
            logger.addAppender(appender);
            logger.setLevel(Level.DEBUG);
            try (LoopbackApi api = LoopbackApi.start(n -> LoopbackApi.completedWithResults())) {
                Map<String, String> env = Map.of(ClientConfig.BASE_URL_ENV_VAR, api.baseUrl().toString(), ApiKey.ENV_VAR, KEY);
                // README: VideoClient.builder().build(), in a shell with FOXAPI_BASE_URL and FOXAPI_API_KEY exported
                try (VideoClient client = VideoClient.builder().environment(env::get)
                        .installedProviders(() -> List.of(LoopbackApi.provider())).build()) {
                    VideoTask done = client.submitAndAwait(Seeds.veo(), AwaitOptions.builder().minInterval(Duration.ofMillis(20)).build());
                    client.download(done, 0, dir.resolve("garden.mp4"));
                }
                assertThat(api.received()).extracting(LoopbackApi.Received::path).startsWith("/v1/videos/generations");
                assertThat(api.received()).allSatisfy(r -> assertThat(r.path().startsWith("/video/") || ("Bearer " + KEY).equals(r.authorization())).isTrue());
                assertThat(Files.readString(dir.resolve("garden.mp4"))).isEqualTo("MP4-BYTES");
                assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
                        .anySatisfy(line -> assertThat(line).contains(api.baseUrl().toString(), ClientConfig.BASE_URL_ENV_VAR)
                                .doesNotContain(KEY));
            } finally {
                logger.detachAppender(appender);
                logger.setLevel(null);
            }
        }

        @Test
        void anOptionWinsOverTheVariableAndToStringShowsTheUrlInUse() {
            Map<String, String> env = Map.of(ClientConfig.BASE_URL_ENV_VAR, "http://127.0.0.1:9");
            ClientConfig set = ClientConfig.builder().environment(env::get).baseUrl("https://proxy.example.com/api").build();
            assertThat(set.baseUrl()).isEqualTo(URI.create("https://proxy.example.com/api"));
            assertThat(set.toString()).contains("baseUrl=https://proxy.example.com/api (set)");

            ClientConfig fromEnv = ClientConfig.builder().environment(env::get).build();
            assertThat(fromEnv.baseUrl()).isEqualTo(URI.create("http://127.0.0.1:9"));
            assertThat(fromEnv.toString()).contains("baseUrl=http://127.0.0.1:9 (FOXAPI_BASE_URL)");
            assertThat(ClientConfig.builder().environment(env::get).baseUrl((String) null).build().baseUrl())
                    .isEqualTo(URI.create("http://127.0.0.1:9"));
        }

        @Test
        void anEmptyVariableIsUnset() {
            for (String empty : new String[] {"", "   "}) {
                ClientConfig c = ClientConfig.builder().environment(Map.of(ClientConfig.BASE_URL_ENV_VAR, empty)::get).build();
                assertThat(c.baseUrl()).isEqualTo(ClientConfig.DEFAULT_BASE_URL);
                assertThat(c.baseUrlSource()).isEqualTo("default");
            }
        }

        @Test
        void anUnusableVariableIsNamed() {
            assertThatThrownBy(() -> ClientConfig.builder().environment(Map.of(ClientConfig.BASE_URL_ENV_VAR, "http://api.example.com")::get).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("FOXAPI_BASE_URL").hasMessageContaining("plain http");
            assertThatThrownBy(() -> ClientConfig.builder().environment(Map.of(ClientConfig.BASE_URL_ENV_VAR, "ftp://x")::get).build())
                    .hasMessageContaining("FOXAPI_BASE_URL");
        }

        @Test
        void theGuiceModulesConfigReadsTheVariableToo() throws Exception {
            try (LoopbackApi api = LoopbackApi.start(n -> LoopbackApi.completedWithResults())) {
                Map<String, String> env = Map.of(ClientConfig.BASE_URL_ENV_VAR, api.baseUrl().toString(), ApiKey.ENV_VAR, KEY);
                ClientConfig config = ClientConfig.builder().environment(env::get).build();
                Injector injector = Guice.createInjector(new VideoClientModule(config),
                        binder -> binder.bind(HttpTransportProvider.class).toInstance(LoopbackApi.provider()));
                try (VideoClient client = injector.getInstance(VideoClient.class)) {
                    client.submit(Seeds.veo());
                }
                assertThat(api.received()).extracting(LoopbackApi.Received::path).containsExactly("/v1/videos/generations");
            }
        }
    }

    @Nested
    class ApiKeys {
        @Test
        void aNullKeyMeansNotSetHereAndFallsBackToTheEnvironment() {
            assertThat(ClientConfig.builder().environment(Map.of(ApiKey.ENV_VAR, KEY)::get).apiKey((String) null).build().apiKey())
                    .contains(ApiKey.of(KEY));
            assertThat(ClientConfig.builder().environment(n -> null).apiKey((String) null).build().apiKey()).isEmpty();
            assertThat(ClientConfig.builder().environment(n -> null).apiKey((ApiKey) null).build().apiKey()).isEmpty();
        }

        @Test
        void theReadmeGuiceExampleWithoutTheVariableWorksWithAFakeTaskPort() {
            // README: new VideoClientModule(ClientConfig.builder().apiKey(System.getenv("FOXAPI_API_KEY")).build()), in CI without the variable
            VirtualTime time = new VirtualTime();
            FakeTaskPort port = Scripts.scripted(time, Snapshots.of("task-unified-1757165031-uyujaw3d").status("completed")
                    .result("https://cdn.example.com/a.mp4").build());
            Map<String, String> env = Map.of();
            ClientConfig config = ClientConfig.builder().environment(env::get).apiKey(env.get(ApiKey.ENV_VAR)).build();
            Injector injector = Guice.createInjector(Modules.override(new VideoClientModule(config))
                    .with(binder -> binder.bind(TaskSubmissionPort.class).toInstance(port)));
            try (VideoClient client = injector.getInstance(VideoClient.class)) {
                assertThat(client.get(dev.vidgen.domain.task.TaskId.of("task-unified-1757165031-uyujaw3d")).status().state())
                        .isEqualTo(TaskState.COMPLETED);
            }
        }

        @Test
        void aRealCallWithoutAKeySaysHowToSetOne() {
            assertThatThrownBy(() -> VideoClient.builder().environment(n -> null).apiKey((String) null)
                    .installedProviders(() -> List.of(LoopbackApi.provider())).build())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("apiKey(...)").hasMessageContaining(ApiKey.ENV_VAR);
        }

        @Test
        void anEmptyKeyIsRefusedAndOnlyThenTheMessageSaysEmpty() {
            assertThatThrownBy(() -> ClientConfig.builder().apiKey("")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the API key is empty");
            assertThatThrownBy(() -> ClientConfig.builder().apiKey("   ")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageNotContaining("empty").hasMessageContaining("whitespace");
            assertThatThrownBy(() -> ClientConfig.builder().apiKey("sk-a b")).hasMessageNotContaining("empty").hasMessageNotContaining("sk-a");
        }
    }
}
