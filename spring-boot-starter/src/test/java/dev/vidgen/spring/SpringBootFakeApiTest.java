package dev.vidgen.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import dev.vidgen.micrometer.MicrometerObserver;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A real Spring Boot application (auto-configuration only, Micrometer's included) that submits,
 * awaits and downloads against the embedded fake API over loopback HTTP, then reads the metrics
 * from the context's {@link MeterRegistry}.
 */
@SpringBootTest(classes = SpringBootFakeApiTest.App.class, properties = {
        "vidgen.polling.min-interval=50ms", "vidgen.polling.max-interval=100ms", "vidgen.polling.timeout=30s",
        "vidgen.retry.initial-backoff=10ms", "vidgen.retry.max-backoff=50ms"})
@Timeout(60)
class SpringBootFakeApiTest {

    static final FakeVideoApi API = FakeVideoApi.builder().taskDuration(Duration.ofMillis(300)).start();

    /** The application: nothing but auto-configuration. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
    }

    @DynamicPropertySource
    static void fakeApi(DynamicPropertyRegistry registry) {
        registry.add("vidgen.base-url", () -> API.baseUrl().toString());
        registry.add("vidgen.api-key", API::apiKey);
    }

    @AfterAll
    static void stopFake() {
        API.close();
    }

    @Autowired
    VideoClient client;
    @Autowired
    AwaitOptions await;
    @Autowired
    MeterRegistry meters;

    @Test
    void submitsAwaitsAndDownloadsAndTheMetricsAreInTheContextsRegistry(@TempDir Path dir) throws Exception {
        VideoRequest request = Seeds.kling();
        API.faults().next(Route.SUBMIT, Fault.status(503));

        VideoTask done = client.submitAndAwait(request, await);
        Path video = client.download(done, 0, dir.resolve("fox.mp4"));

        assertThat(Files.size(video)).isPositive();
        assertThat(API.submitCount()).isEqualTo(2); // the 503, then the retry
        String model = request.modelId();
        assertThat(meters.get(MicrometerObserver.HTTP_RETRIES).tag("operation", "submit").counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.HTTP_REQUESTS).tags("operation", "submit", "status", "503").timer().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.TASKS_SUBMITTED).tag("model", model).counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.TASKS_COMPLETED).tag("model", model).counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.TASKS_DURATION).tag("model", model).timer().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.TASKS_POLLS).tag("model", model).summary().totalAmount())
                .isEqualTo(API.queryCount(done.id()));
        assertThat(meters.get(MicrometerObserver.DOWNLOAD_BYTES).tag("model", model).summary().totalAmount()).isEqualTo(Files.size(video));
        assertThat(meters.get(MicrometerObserver.WAITS_ACTIVE).gauge().value()).isZero();
        // Boot's DefaultMeterObservationHandler turns the calls' observations into timers
        assertThat(meters.get(MicrometerObserver.CALLS).tags("operation", "submit-and-await", "model", model).timer().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.CALLS).tags("operation", "download").timer().count()).isEqualTo(1);
    }
}
