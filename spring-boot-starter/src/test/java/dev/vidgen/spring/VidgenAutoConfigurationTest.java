package dev.vidgen.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import dev.vidgen.client.support.TestFamilies;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.validation.RuleIds;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.micrometer.MicrometerObserver;
import dev.vidgen.ports.TaskSubmissionPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Every property, every condition and every overridable bean of the auto-configuration. */
class VidgenAutoConfigurationTest {

    static final String KEY = "sk-spring-test-key";

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(VidgenMicrometerAutoConfiguration.class, VidgenAutoConfiguration.class));

    @BeforeAll
    static void noKeyInTheMachinesEnvironment() {
        assumeThat(System.getenv("FOXAPI_API_KEY")).as("FOXAPI_API_KEY unset for these tests").isNull();
        assumeThat(System.getenv("FOXAPI_BASE_URL")).as("FOXAPI_BASE_URL unset for these tests").isNull();
    }

    @Nested
    class Properties {

        @Test
        void theKeyAndBaseUrlComeFromTheProperties() {
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.base-url=https://proxy.example.com/fox").run(ctx -> {
                ClientConfig config = ctx.getBean(ClientConfig.class);
                assertThat(config.apiKey()).hasValueSatisfying(k -> assertThat(k.reveal()).isEqualTo(KEY));
                assertThat(config.baseUrl()).isEqualTo(URI.create("https://proxy.example.com/fox"));
                assertThat(ctx).hasSingleBean(VideoClient.class);
            });
        }

        @Test
        void theKeyAndBaseUrlFallBackToTheFoxapiVariables() {
            runner.withPropertyValues("FOXAPI_API_KEY=" + KEY, "FOXAPI_BASE_URL=https://env.example.com").run(ctx -> {
                ClientConfig config = ctx.getBean(ClientConfig.class);
                assertThat(config.apiKey()).hasValueSatisfying(k -> assertThat(k.reveal()).isEqualTo(KEY));
                assertThat(config.baseUrl()).isEqualTo(URI.create("https://env.example.com"));
            });
        }

        @Test
        void thePropertyWinsOverTheVariable() {
            runner.withPropertyValues("vidgen.api-key=" + KEY, "FOXAPI_API_KEY=sk-other").run(ctx ->
                    assertThat(ctx.getBean(ClientConfig.class).apiKey().orElseThrow().reveal()).isEqualTo(KEY));
        }

        @Test
        void unsetValuesTakeTheClientsDefaults() {
            runner.withPropertyValues("vidgen.api-key=" + KEY).run(ctx -> {
                ClientConfig config = ctx.getBean(ClientConfig.class);
                ClientConfig defaults = ClientConfig.builder().apiKey(KEY).build();
                assertThat(config.baseUrl()).isEqualTo(ClientConfig.DEFAULT_BASE_URL);
                assertThat(config.retryPolicy()).isEqualTo(RetryPolicy.defaults());
                assertThat(config.attemptTimeout()).isEqualTo(defaults.attemptTimeout());
                assertThat(config.callTimeout()).isEqualTo(defaults.callTimeout());
                assertThat(config.transportSettings()).isEqualTo(defaults.transportSettings());
                assertThat(config.transportName()).isEmpty();
                assertThat(config.allowInsecureHttp()).isFalse();
                assertThat(ctx.getBean(AwaitOptions.class)).isEqualTo(AwaitOptions.defaults());
            });
        }

        @Test
        void timeoutsTransportAndInsecureHttp() {
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.connect-timeout=3s", "vidgen.attempt-timeout=20s",
                    "vidgen.call-timeout=2m", "vidgen.transport=jdk", "vidgen.allow-insecure-http=true",
                    "vidgen.base-url=http://gateway.internal:8080").run(ctx -> {
                ClientConfig config = ctx.getBean(ClientConfig.class);
                assertThat(config.transportSettings().connectTimeout()).isEqualTo(Duration.ofSeconds(3));
                assertThat(config.attemptTimeout()).isEqualTo(Duration.ofSeconds(20));
                assertThat(config.callTimeout()).isEqualTo(Duration.ofMinutes(2));
                assertThat(config.transportName()).contains("jdk");
                assertThat(config.allowInsecureHttp()).isTrue();
                assertThat(config.baseUrl()).isEqualTo(URI.create("http://gateway.internal:8080"));
                assertThat(ctx).hasSingleBean(VideoClient.class);
            });
        }

        @Test
        void theApacheTransportCanBeChosenAndAnUnknownOneFailsNamingThoseFound() {
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.transport=apache").run(ctx -> {
                assertThat(ctx).hasNotFailed();
                assertThat(ctx.getBean(ClientConfig.class).transportName()).contains("apache");
            });
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.transport=carrier-pigeon").run(ctx ->
                    assertThat(ctx).getFailure().rootCause().hasMessageContaining("carrier-pigeon")
                            .hasMessageContaining("apache").hasMessageContaining("jdk"));
        }

        @Test
        void retrySettings() {
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.retry.max-attempts=6", "vidgen.retry.initial-backoff=200ms",
                    "vidgen.retry.max-backoff=3s", "vidgen.retry.multiplier=1.5", "vidgen.retry.jitter=0.1",
                    "vidgen.retry.retry-submit-when-task-may-exist=true").run(ctx ->
                    assertThat(ctx.getBean(ClientConfig.class).retryPolicy()).isEqualTo(
                            RetryPolicy.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(200))
                                    .maxBackoff(Duration.ofSeconds(3)).multiplier(1.5).jitter(0.1).retrySubmitWhenTaskMayExist(true).build()));
        }

        @Test
        void pollingBounds() {
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.polling.min-interval=2s", "vidgen.polling.max-interval=10s",
                    "vidgen.polling.timeout=15m").run(ctx -> {
                AwaitOptions options = ctx.getBean(AwaitOptions.class);
                assertThat(options.minInterval()).isEqualTo(Duration.ofSeconds(2));
                assertThat(options.maxInterval()).isEqualTo(Duration.ofSeconds(10));
                assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(15));
            });
        }

        @Test
        void validationRulesAreSwitchedOffByIdAndAnUnknownIdFails() {
            String rule = RuleIds.UPSTREAM.iterator().next();
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.validation.disabled-rules=" + rule).run(ctx ->
                    assertThat(ctx.getBean(ClientConfig.class).validationPolicy().disabledRuleIds()).containsExactly(rule));
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.validation.disabled-rules=no.such.rule").run(ctx ->
                    assertThat(ctx).getFailure().rootCause().hasMessageContaining("no.such.rule"));
        }
    }

    @Nested
    class Conditions {

        @Test
        void withoutAKeyARealClientFailsWithAClearAnalysis() {
            runner.run(ctx -> {
                assertThat(ctx).hasFailed();
                assertThat(ctx).getFailure().rootCause().isInstanceOf(MissingApiKeyException.class);
                FailureAnalysis analysis = new MissingApiKeyFailureAnalyzer().analyze(ctx.getStartupFailure());
                assertThat(analysis).isNotNull();
                assertThat(analysis.getDescription()).contains("no API key");
                assertThat(analysis.getAction()).contains("vidgen.api-key").contains("FOXAPI_API_KEY");
            });
        }

        @Test
        void theFailureAnalyzerIsRegisteredForSpringBoot() throws Exception {
            java.util.List<String> registered = new java.util.ArrayList<>();
            var urls = getClass().getClassLoader().getResources("META-INF/spring.factories");
            while (urls.hasMoreElements()) {
                try (var in = urls.nextElement().openStream()) {
                    java.util.Properties factories = new java.util.Properties();
                    factories.load(in);
                    registered.addAll(java.util.Arrays.asList(factories.getProperty(
                            org.springframework.boot.diagnostics.FailureAnalyzer.class.getName(), "").split("\\s*,\\s*")));
                }
            }
            assertThat(registered).contains(MissingApiKeyFailureAnalyzer.class.getName());
        }

        @Test
        void aTaskPortBeanNeedsNoKeyAndIsUsed() {
            runner.withUserConfiguration(FakePortConfig.class).run(ctx -> {
                assertThat(ctx).hasNotFailed();
                VideoClient client = ctx.getBean(VideoClient.class);
                assertThat(client.submit(dev.vidgen.client.support.Seeds.kling()).id()).isNotNull();
                assertThat(ctx.getBean(FakeTaskPort.class).submittedRequests()).hasSize(1);
            });
        }

        @Test
        void theClientIsClosedWithTheContext() {
            VideoClient[] client = new VideoClient[1];
            runner.withPropertyValues("vidgen.api-key=" + KEY).run(ctx -> client[0] = ctx.getBean(VideoClient.class));
            assertThatThrownBy(() -> client[0].get(TaskId.of("task-unified-1757165031-closed")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        }

        @Test
        void aMeterRegistryWiresTheMicrometerObserver() {
            runner.withPropertyValues("vidgen.api-key=" + KEY).withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
                assertThat(ctx).hasSingleBean(MicrometerObserver.class);
                assertThat(ctx.getBean(ClientConfig.class).observer()).hasToString("safe(" + ctx.getBean(MicrometerObserver.class) + ")");
                assertThat(ctx.getBean(MeterRegistry.class).find(MicrometerObserver.WAITS_ACTIVE).gauge()).isNotNull();
            });
        }

        @Test
        void anObservationRegistryAloneWiresItToo() {
            runner.withPropertyValues("vidgen.api-key=" + KEY).withBean(ObservationRegistry.class, ObservationRegistry::create)
                    .run(ctx -> assertThat(ctx).hasSingleBean(MicrometerObserver.class));
        }

        @Test
        void withoutARegistryThereIsNoObserver() {
            runner.withPropertyValues("vidgen.api-key=" + KEY).run(ctx -> {
                assertThat(ctx).doesNotHaveBean(ClientObserver.class);
                assertThat(ctx.getBean(ClientConfig.class).observer()).isSameAs(ClientObserver.NOOP);
            });
        }

        @Test
        void withoutVidgenMicrometerOnTheClasspathThereIsNoObserver() {
            runner.withPropertyValues("vidgen.api-key=" + KEY).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                    .withClassLoader(new FilteredClassLoader(MicrometerObserver.class))
                    .run(ctx -> assertThat(ctx).doesNotHaveBean(ClientObserver.class).hasSingleBean(VideoClient.class));
        }

        @Test
        void withoutTheClientOnTheClasspathNothingIsConfigured() {
            runner.withPropertyValues("vidgen.api-key=" + KEY).withClassLoader(new FilteredClassLoader(VideoClient.class))
                    .run(ctx -> assertThat(ctx).doesNotHaveBean(VideoClient.class).doesNotHaveBean(ClientConfig.class));
        }
    }

    @Nested
    class OverridingBeans {

        @Test
        void modelFamilyBeansJoinTheInstalledOnes() {
            runner.withPropertyValues("vidgen.api-key=" + KEY).withBean(TestFamilies.Pika.class, TestFamilies.Pika::new).run(ctx -> {
                ModelCatalog catalog = ctx.getBean(ModelCatalog.class);
                assertThat(catalog.families()).extracting(f -> (Class) f.getClass()).contains(TestFamilies.Pika.class)
                        .containsAll(ModelCatalog.loadInstalled().families().stream().map(f -> (Class) f.getClass()).toList());
                assertThat(ctx.getBean(VideoClient.class).models().families()).hasSameSizeAs(catalog.families());
            });
        }

        @Test
        void theApplicationsOwnBeansWin() {
            ClientConfig own = ClientConfig.builder().apiKey("sk-own").callTimeout(Duration.ofSeconds(42)).build();
            ModelCatalog catalog = ModelCatalog.of(java.util.List.<ModelFamily<?>>of(new TestFamilies.Pika()));
            AwaitOptions await = AwaitOptions.builder().timeout(Duration.ofMinutes(1)).build();
            ClientObserver observer = new ClientObserver() { };
            runner.withPropertyValues("vidgen.api-key=" + KEY, "vidgen.call-timeout=1m")
                    .withBean(ClientConfig.class, () -> own).withBean(ModelCatalog.class, () -> catalog)
                    .withBean(AwaitOptions.class, () -> await).withBean(ClientObserver.class, () -> observer)
                    .withBean(MeterRegistry.class, SimpleMeterRegistry::new).run(ctx -> {
                        assertThat(ctx.getBean(ClientConfig.class)).isSameAs(own);
                        assertThat(ctx.getBean(ModelCatalog.class)).isSameAs(catalog);
                        assertThat(ctx.getBean(AwaitOptions.class)).isSameAs(await);
                        assertThat(ctx).doesNotHaveBean(MicrometerObserver.class);
                        assertThat(ctx.getBean(VideoClient.class).models().modelIds()).isEqualTo(catalog.modelIds());
                    });
        }

        @Test
        void anApplicationsClientObserverIsAttached() {
            ClientObserver observer = new ClientObserver() { };
            runner.withPropertyValues("vidgen.api-key=" + KEY).withBean(ClientObserver.class, () -> observer)
                    .run(ctx -> assertThat(ctx.getBean(ClientConfig.class).observer()).hasToString("safe(" + observer + ")"));
        }

        @Test
        void anApplicationsClientWins() {
            VideoClient own = VideoClient.builder().apiKey("sk-own").taskPort(new FakeTaskPort()).build();
            runner.withBean(VideoClient.class, () -> own).run(ctx -> {
                assertThat(ctx).hasNotFailed();
                assertThat(ctx.getBean(VideoClient.class)).isSameAs(own);
            });
        }
    }

    /** A fake task port: no HTTP, no key. */
    @Configuration(proxyBeanMethods = false)
    static class FakePortConfig {
        @Bean
        FakeTaskPort fakeTaskPort() {
            return new FakeTaskPort();
        }
    }
}
