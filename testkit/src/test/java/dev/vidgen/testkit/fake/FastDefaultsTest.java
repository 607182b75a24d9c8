package dev.vidgen.testkit.fake;

import static dev.vidgen.testkit.assertj.VidgenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.fake.time.VirtualTime;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

/**
 * The fakes are fast by default: a poll-driven lifecycle estimates a short run, so the client polls
 * again at once and a test in real time ends in milliseconds; realistic timings are asked for.
 * Timed on a {@link VirtualTime} (the wait a real-time test would sit through, measured exactly,
 * without a timed test).
 */
class FastDefaultsTest {

    private static final AwaitOptions QUICK_POLLS = AwaitOptions.builder().minInterval(Duration.ofMillis(10)).build();

    /** How long the client waits, on the clock, for {@code lifecycle} to fail. */
    private static Duration waitFor(Lifecycle lifecycle) {
        VirtualTime time = new VirtualTime();
        FakeTaskPort port = FakeTaskPort.builder().clock(time).defaultLifecycle(lifecycle).build();
        try (VideoClient client = VideoClient.builder().taskPort(port).scheduler(time).build()) {
            CompletableFuture<VideoTask> done = client.submitAndAwaitAsync(
                    KlingReferenceRequest.builder().prompt("a rainy street").build(), QUICK_POLLS);
            Duration waited = time.advanceUntil(done::isDone, Duration.ofMinutes(10));
            assertThatThrownBy(done::get).isInstanceOf(ExecutionException.class).cause().isInstanceOf(TaskFailedException.class);
            return waited;
        }
    }

    @Test
    void pendingThenFailedTakesWellUnderASecondByDefault() {
        Lifecycle lifecycle = Lifecycle.builder().pending().failed("generation_failed");

        assertThat(lifecycle.estimatedTime()).isEqualTo(Lifecycle.QUICK_ESTIMATE);
        assertThat(waitFor(lifecycle)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void theDefaultLifecycleOfTheFakePortIsFastToo() {
        assertThat(FakeTaskPort.DEFAULT_LIFECYCLE.estimatedTime()).isLessThanOrEqualTo(Lifecycle.QUICK_ESTIMATE);
    }

    @Test
    void realisticTimingsAreAskedFor() {
        Lifecycle lifecycle = Lifecycle.builder().realistic().pending().failed("generation_failed");

        assertThat(lifecycle.estimatedTime()).isEqualTo(Duration.ofSeconds(45));
        assertThat(waitFor(lifecycle)).isGreaterThan(Duration.ofSeconds(10)); // what a real-time test used to sit through
    }

    @Test
    void aTimeDrivenLifecycleEstimatesItsOwnEnd() {
        assertThat(Lifecycle.builder().pending().completedAfter(Duration.ofMinutes(2)).estimatedTime()).isEqualTo(Duration.ofMinutes(2));
    }
}
