package dev.vidgen.micrometer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * One submit-await-download run with a retry on every route, and one task that fails, against the
 * embedded fake API over loopback HTTP with the JDK adapter: the meters, their tags and counts, the
 * observations and their parents, and the README's "Metrics" table.
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MicrometerObserverTest {

    static final VideoRequest VEO = Seeds.veo();
    static final VideoRequest KLING = Seeds.kling();
    static final String FAILURE_CODE = "content_policy_violation";

    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final TestObservationRegistry observations = TestObservationRegistry.create();
    long downloadedBytes;

    @BeforeAll
    void run(@TempDir Path dir) throws Exception {
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        AwaitOptions fast = AwaitOptions.builder().minInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(40))
                .timeout(Duration.ofSeconds(30)).build();
        try (FakeVideoApi api = FakeVideoApi.builder()
                .lifecycle(VEO.modelId(), Lifecycle.builder().pending().estimatedTime(Duration.ofMillis(20)).completedAfterPolls(2))
                .lifecycle(KLING.modelId(), Lifecycle.failedAtFirstPoll(FAILURE_CODE))
                .start();
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey())
                     .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10))
                             .maxBackoff(Duration.ofMillis(40)).multiplier(2.0).jitter(0).build())
                     .observer(new MicrometerObserver(meters, observations)).build()) {
            api.faults().next(Route.SUBMIT, Fault.status(503)).next(Route.QUERY, Fault.status(500)).next(Route.RESULT, Fault.status(503));
            VideoTask done = client.submitAndAwait(VEO, fast);
            Path video = client.download(done, 0, dir.resolve("fox.mp4"));
            downloadedBytes = Files.size(video);
            assertThatThrownBy(() -> client.submitAndAwait(KLING, fast)).isInstanceOf(TaskFailedException.class);
        }
    }

    @Test
    void httpAttemptsAreTimedByOperationStatusAndOutcome() {
        assertThat(httpCount("submit", "503", "SERVER_ERROR")).isEqualTo(1);
        assertThat(httpCount("submit", "200", "SUCCESS")).isEqualTo(2);
        assertThat(httpCount("query", "500", "SERVER_ERROR")).isEqualTo(1);
        assertThat(httpCount("query", "200", "SUCCESS")).isEqualTo(3); // the Veo task's two polls, the Kling task's one
        assertThat(httpCount("download", "503", "SERVER_ERROR")).isEqualTo(1);
        assertThat(httpCount("download", "200", "SUCCESS")).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.HTTP_REQUESTS).timers()).hasSize(6);
        for (String operation : List.of("submit", "query", "download")) {
            assertThat(meters.get(MicrometerObserver.HTTP_RETRIES).tag("operation", operation).counter().count()).as(operation).isEqualTo(1);
        }
    }

    @Test
    void tasksAreCountedByModelAndFailuresByErrorCode() {
        assertThat(meters.get(MicrometerObserver.TASKS_SUBMITTED).tag("model", VEO.modelId()).counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.TASKS_SUBMITTED).tag("model", KLING.modelId()).counter().count()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.TASKS_COMPLETED).counters()).singleElement()
                .satisfies(c -> assertThat(c.getId().getTag("model")).isEqualTo(VEO.modelId()))
                .satisfies(c -> assertThat(c.count()).isEqualTo(1));
        assertThat(meters.get(MicrometerObserver.TASKS_FAILED).counters()).singleElement()
                .satisfies(c -> assertThat(c.getId().getTag("model")).isEqualTo(KLING.modelId()))
                .satisfies(c -> assertThat(c.getId().getTag("error.code")).isEqualTo(FAILURE_CODE))
                .satisfies(c -> assertThat(c.count()).isEqualTo(1));
        assertThat(meters.get(MicrometerObserver.TASKS_DURATION).tag("model", VEO.modelId()).timer().count()).isEqualTo(1);
        assertThat(meters.find(MicrometerObserver.TASKS_DURATION).tag("model", KLING.modelId()).timer()).isNull();
    }

    @Test
    void pollsPerTaskWaitsInProgressAndDownloads() {
        var veoPolls = meters.get(MicrometerObserver.TASKS_POLLS).tags("model", VEO.modelId(), "outcome", "completed").summary();
        assertThat(veoPolls.count()).isEqualTo(1);
        assertThat(veoPolls.totalAmount()).isEqualTo(2);
        var klingPolls = meters.get(MicrometerObserver.TASKS_POLLS).tags("model", KLING.modelId(), "outcome", "failed").summary();
        assertThat(klingPolls.count()).isEqualTo(1);
        assertThat(klingPolls.totalAmount()).isEqualTo(1);
        assertThat(meters.get(MicrometerObserver.WAITS_ACTIVE).gauge().value()).isZero();
        assertThat(meters.get(MicrometerObserver.DOWNLOADS).tags("model", VEO.modelId(), "outcome", "success").timer().count()).isEqualTo(1);
        var bytes = meters.get(MicrometerObserver.DOWNLOAD_BYTES).tag("model", VEO.modelId()).summary();
        assertThat(bytes.count()).isEqualTo(1);
        assertThat(bytes.totalAmount()).isEqualTo(downloadedBytes).isPositive();
    }

    @Test
    void noTagHoldsATaskIdOrAPromptOrTheKey() {
        Set<String> values = meters.getMeters().stream().flatMap(m -> m.getId().getTags().stream()).map(Tag::getValue)
                .collect(Collectors.toSet());
        assertThat(values).noneMatch(v -> v.startsWith("task-") || v.contains(FakeVideoApi.DEFAULT_API_KEY)
                || v.contains(VEO.prompt()) || v.contains(KLING.prompt()));
    }

    @Test
    void everyCallIsAnObservationAndSubmitAndAwaitIsTheParentOfItsSubmitAndAwait() {
        TestObservationRegistryAssert.assertThat(observations)
                .hasNumberOfObservationsWithNameEqualTo(MicrometerObserver.CALLS, 7)
                .hasAnObservation(o -> o.hasNameEqualTo(MicrometerObserver.CALLS).hasContextualNameEqualTo("vidgen download")
                        .hasLowCardinalityKeyValue("operation", "download").hasLowCardinalityKeyValue("model", VEO.modelId())
                        .hasHighCardinalityKeyValueWithKey(MicrometerObserver.SPAN_TASK_ID))
                .hasAnObservation(o -> o.hasLowCardinalityKeyValue("operation", "await").hasLowCardinalityKeyValue("model", KLING.modelId())
                        .hasError())
                .hasHandledContextsThatSatisfy(contexts -> {
                    Map<String, Long> byOperation = new TreeMap<>(contexts.stream().collect(Collectors.groupingBy(
                            c -> c.getLowCardinalityKeyValue("operation").getValue(), Collectors.counting())));
                    assertThat(byOperation).isEqualTo(Map.of("submit-and-await", 2L, "submit", 2L, "await", 2L, "download", 1L));
                    for (Observation.Context c : contexts) {
                        String operation = c.getLowCardinalityKeyValue("operation").getValue();
                        if (operation.equals("submit") || operation.equals("await")) {
                            assertThat(c.getParentObservation()).as(operation).isNotNull();
                            assertThat(c.getParentObservation().getContextView().getLowCardinalityKeyValue("operation").getValue())
                                    .isEqualTo("submit-and-await");
                            assertThat(c.getHighCardinalityKeyValue(MicrometerObserver.SPAN_TASK_ID)).as(operation).isNotNull();
                        } else {
                            assertThat(c.getParentObservation()).as(operation).isNull();
                        }
                    }
                });
        assertThat(meters.get(MicrometerObserver.CALLS).tags("operation", "submit-and-await", "model", KLING.modelId(),
                "error", "TaskFailedException").timer().count()).isEqualTo(1);
    }

    @Test
    void theReadmeMetricsTableListsExactlyTheMetersOfThisRun() throws Exception {
        Map<String, Set<String>> produced = new TreeMap<>();
        for (Meter m : meters.getMeters()) {
            produced.computeIfAbsent(m.getId().getName(), n -> new TreeSet<>())
                    .addAll(m.getId().getTags().stream().map(Tag::getKey).toList());
        }
        assertThat(ReadmeMetrics.table()).isEqualTo(produced);
    }

    private double httpCount(String operation, String status, String outcome) {
        return meters.get(MicrometerObserver.HTTP_REQUESTS).tags("operation", operation, "status", status, "outcome", outcome).timer().count();
    }
}
