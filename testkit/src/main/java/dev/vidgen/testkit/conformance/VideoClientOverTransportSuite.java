package dev.vidgen.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Module;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.guice.VideoClientModule;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.testkit.server.FakeVideoApi;
import dev.vidgen.testkit.server.Fault;
import dev.vidgen.testkit.server.Route;
import dev.vidgen.testkit.server.SampleVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole path (submit, await, download) through the real {@code VideoClient} on one transport,
 * against the testkit's fake API, found through ServiceLoader by name and wired by the adapter's
 * Guice module. Each adapter's tests subclass it, as they do {@link HttpTransportConformanceSuite}.
 */
@Timeout(60)
public abstract class VideoClientOverTransportSuite {

    /** The transport's ServiceLoader name, for example {@code jdk}. */
    protected abstract String transportName();

    /** The adapter's Guice module, binding its {@code HttpTransportProvider}. */
    protected abstract Module transportModule();

    private static final AwaitOptions QUICK = AwaitOptions.builder().timeout(Duration.ofSeconds(20))
            .minInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(100)).build();
    private static final RetryPolicy FAST_RETRIES = new RetryPolicy(4, Duration.ofMillis(10), Duration.ofMillis(50), 2.0, 0, false);

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

    @Test
    void theBuilderFindsThisTransportByNameAndTheWholePathWorks() throws Exception {
        try (VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).allowInsecureHttp(true)
                .transportName(transportName()).retryPolicy(FAST_RETRIES).build()) {
            VideoTask task = client.submitAndAwait(KlingReferenceRequest.builder().prompt("一只在雨夜街头奔跑的柴犬").build(), QUICK);
            assertThat(task.firstResultUrl()).isPresent();
            Path file = client.download(task, 0, dir.resolve("out.mp4"));
            assertThat(Files.readAllBytes(file)).isEqualTo(SampleVideo.bytes());
        }
        assertThat(api.count(Route.SUBMIT, "POST")).isEqualTo(1);
    }

    @Test
    void guiceWiresThisTransportAndTransportFaultsAreRiddenOut() throws Exception {
        api.faults().next(Route.QUERY, Fault.reset()).next(Route.QUERY, Fault.status(503)).next(Route.QUERY, Fault.truncatedBody());
        ClientConfig config = ClientConfig.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).allowInsecureHttp(true)
                .retryPolicy(FAST_RETRIES).build();
        try (VideoClient client = Guice.createInjector(new VideoClientModule(config), transportModule()).getInstance(VideoClient.class)) {
            VideoTask task = client.submitAndAwait(KlingReferenceRequest.builder().prompt("a rainy street at night").build(), QUICK);
            Path file = client.download(task, 0, dir.resolve("guice.mp4"));
            assertThat(Files.readAllBytes(file)).isEqualTo(SampleVideo.bytes());
        }
        assertThat(api.count(Route.SUBMIT, "POST")).as("faults on queries never repeat the paid submit").isEqualTo(1);
        assertThat(api.faults().pending().values()).as("scripted faults not yet used").allMatch(java.util.List::isEmpty);
    }
}
