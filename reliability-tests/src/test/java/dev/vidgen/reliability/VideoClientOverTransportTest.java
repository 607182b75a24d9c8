package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.vidgen.adapter.httpclient.ApacheHttpTransportModule;
import dev.vidgen.adapter.jdk.JdkHttpTransportModule;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.guice.VideoClientModule;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import dev.vidgen.fake.server.SampleVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The whole path (submit, await, download) through the real {@code VideoClient} on each transport,
 * against the fake API, the transport found through ServiceLoader by name and wired by the
 * adapter's Guice module. It lives here, not in the testkit, because it needs both adapters.
 */
@Timeout(60)
class VideoClientOverTransportTest {

    /** Each transport: its ServiceLoader name and its adapter's Guice module (binding its {@code HttpTransportProvider}). */
    static Stream<Arguments> transports() {
        return Stream.of(
                Arguments.of("jdk", (Supplier<Module>) JdkHttpTransportModule::new),
                Arguments.of("apache", (Supplier<Module>) ApacheHttpTransportModule::new));
    }

    private static final AwaitOptions QUICK = AwaitOptions.builder().timeout(Duration.ofSeconds(20))
            .minInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(100)).build();
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).multiplier(2.0).jitter(0).build();

    private FakeVideoApi api;

    @TempDir
    Path dir;

    @BeforeEach
    void startFakeApi() {
        api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(300)).start();
    }

    @AfterEach
    void stopFakeApi() {
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void theBuilderFindsThisTransportByNameAndTheWholePathWorks(String transportName, Supplier<Module> transportModule) throws Exception {
        try (VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).allowInsecureHttp(true)
                .transportName(transportName).retryPolicy(FAST_RETRIES).build()) {
            VideoTask task = client.submitAndAwait(KlingReferenceRequest.builder().prompt("一只在雨夜街头奔跑的柴犬").build(), QUICK);
            assertThat(task.firstResultUrl()).isPresent();
            Path file = client.download(task, 0, dir.resolve("out.mp4"));
            assertThat(Files.readAllBytes(file)).isEqualTo(SampleVideo.bytes());
        }
        assertThat(api.count(Route.SUBMIT, "POST")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void guiceWiresThisTransportAndTransportFaultsAreRiddenOut(String transportName, Supplier<Module> transportModule) throws Exception {
        api.faults().next(Route.QUERY, Fault.reset()).next(Route.QUERY, Fault.status(503)).next(Route.QUERY, Fault.truncatedBody());
        ClientConfig config = ClientConfig.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).allowInsecureHttp(true)
                .retryPolicy(FAST_RETRIES).build();
        try (VideoClient client = Guice.createInjector(new VideoClientModule(config), transportModule.get()).getInstance(VideoClient.class)) {
            VideoTask task = client.submitAndAwait(KlingReferenceRequest.builder().prompt("a rainy street at night").build(), QUICK);
            Path file = client.download(task, 0, dir.resolve("guice.mp4"));
            assertThat(Files.readAllBytes(file)).isEqualTo(SampleVideo.bytes());
        }
        assertThat(api.count(Route.SUBMIT, "POST")).as("faults on queries never repeat the paid submit").isEqualTo(1);
        assertThat(api.faults().pending().values()).as("scripted faults not yet used").allMatch(java.util.List::isEmpty);
    }
}
