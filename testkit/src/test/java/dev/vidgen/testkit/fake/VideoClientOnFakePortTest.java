package dev.vidgen.testkit.fake;

import dev.vidgen.fake.port.FakeTaskPort;

import static dev.vidgen.testkit.assertj.VidgenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.time.VirtualTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The real VideoClient on the fake port and virtual time: long waits in milliseconds, on the test's thread. */
class VideoClientOnFakePortTest {

    private final VirtualTime time = new VirtualTime();
    private final FakeTaskPort port = FakeTaskPort.builder().clock(time).build();
    private final VideoClient client = VideoClient.builder().taskPort(port).scheduler(time).build();

    @AfterEach
    void close() {
        client.close();
    }

    private static KlingReferenceRequest request() {
        return KlingReferenceRequest.builder().prompt("a rainy street at night").build();
    }

    @Test
    void aTenMinuteTaskIsAwaitedInVirtualTime() throws Exception {
        port.defaultLifecycle(Lifecycle.typical(Duration.ofMinutes(10)));

        CompletableFuture<VideoTask> done = client.submitAndAwaitAsync(request(),
                AwaitOptions.builder().timeout(Duration.ofMinutes(30)).build());
        Duration moved = time.advanceUntil(done::isDone, Duration.ofMinutes(30)); // throws if it gives up

        assertThat(done).isDone();
        assertThat(moved).isBetween(Duration.ofMinutes(10), Duration.ofMinutes(11));
        assertThat(done.get()).isCompleted().hasResultUrl();
        assertThat(time.now()).isBetween(VirtualTime.DEFAULT_START.plus(Duration.ofMinutes(10)),
                VirtualTime.DEFAULT_START.plus(Duration.ofMinutes(11)));
        assertThat(port).receivedSubmits(1).createdTasks(1);
        assertThat(port.fetchCount()).isBetween(2, 120); // polled, but not in a busy loop
    }

    @Test
    void aFailedTaskEndsTheWaitWithItsCode() {
        port.defaultLifecycle(Lifecycle.builder().pending().processing(20).failedAfter("generation_failed", Duration.ofMinutes(2)));

        CompletableFuture<VideoTask> done = client.submitAndAwaitAsync(request(), AwaitOptions.defaults());
        time.advanceUntil(done::isDone, Duration.ofMinutes(10));

        assertThatThrownBy(done::get).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(TaskFailedException.class,
                        e -> assertThat(e.errorCode()).isEqualTo("generation_failed"));
    }

    @Test
    void aTaskThatNeverEndsTimesOutAtTheDeadline() {
        port.defaultLifecycle(Lifecycle.builder().pending().processing(42).runsForever());

        CompletableFuture<VideoTask> done = client.submitAndAwaitAsync(request(),
                AwaitOptions.builder().timeout(Duration.ofMinutes(5)).build());
        time.advanceUntil(done::isDone, Duration.ofHours(1));

        assertThatThrownBy(done::get).cause().isInstanceOf(AwaitTimeoutException.class);
        assertThat(time.now()).isBefore(VirtualTime.DEFAULT_START.plus(Duration.ofMinutes(6)));
    }

    @Test
    void anInvalidRequestNeverReachesThePort() {
        assertThatThrownBy(() -> client.submit(KlingReferenceRequest.builder().prompt("x").duration(99).build()))
                .isInstanceOf(RequestValidationException.class);
        assertThat(port).receivedSubmits(0);
    }
}
