package dev.vidgen.jobs;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.time.VirtualTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Results not fetched within 24 hours become expired with a message that says so (virtual time:
 * the application is down for a day between the completion and the store).
 */
class ExpiryTest {

    @TempDir
    Path dir;
    private FakeVideoApi api;
    private VideoClient client;
    private final VirtualTime time = new VirtualTime();

    @BeforeEach
    void start() {
        api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(200)).start();
        client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    private VideoJobs jobs(ResultStore store) {
        return VideoJobs.builder().client(client).journal(Journal.embedded(dir.resolve("journal"))).resultStore(store)
                .clock(time.clock()).pollingInterval(Duration.ofMillis(100))
                .polling(AwaitOptions.builder().minInterval(Duration.ofMillis(50)).maxInterval(Duration.ofMillis(200)).build())
                .build();
    }

    @ParameterizedTest(name = "down for {0} h: {1}")
    @CsvSource({"25, EXPIRED", "23, STORED"})
    void resultsNotFetchedWithin24HoursExpire(int hoursDown, JobState expected) throws Exception {
        JobKey key = JobKey.of("late");
        ResultStore full = new ResultStore() { // a disk that is full until the application is fixed
            @Override
            public Path staging() {
                return dir;
            }

            @Override
            public StoredResult store(JobKey k, int index, int count, Path downloaded) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        try (VideoJobs first = jobs(full).start()) {
            first.enqueue(key, KlingReferenceRequest.builder().prompt("a fox").build());
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (first.job(key).orElseThrow().error().filter(e -> e.contains("No space left")).isEmpty()
                    && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(first.job(key).orElseThrow().state()).isEqualTo(JobState.COMPLETED);
        }

        time.advance(Duration.ofHours(hoursDown));

        try (VideoJobs second = jobs(new DirectoryResultStore(dir.resolve("out"))).start()) {
            assertThat(second.awaitSettled(List.of(key), Duration.ofSeconds(20))).isTrue();
            Job job = second.job(key).orElseThrow();
            assertThat(job.state()).isEqualTo(expected);
            if (expected == JobState.EXPIRED) {
                assertThat(job.errorCode()).isEqualTo("results_expired");
                assertThat(job.lastError()).contains("not fetched within 24 hours of completion")
                        .contains(job.completedAt().toString()).contains("no longer serves them");
            } else {
                assertThat(job.results()).hasSize(1);
            }
        }
    }
}
