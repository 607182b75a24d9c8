package dev.vidgen.jobs;

import dev.vidgen.fake.time.VirtualTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    @RegisterExtension
    final TestApi fixture = new TestApi(Duration.ofMillis(200));
    private final VirtualTime time = new VirtualTime();

    /** A service the test closes itself: the first one stops before the second starts. */
    private VideoJobs jobs(ResultStore store) {
        return fixture.builder(Journal.embedded(dir.resolve("journal"))).resultStore(store).clock(time.clock()).build();
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
            first.enqueue(key, TestApi.request("a fox"));
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
