package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client on a port that only counts submits, and the property every request must have:
 * validation ends in the typed exception or passes, and only then is anything sent.
 */
final class ValidationCheck implements AutoCloseable {

    /** Counts what reaches the port: an invalid request must not. */
    static final class CountingPort implements TaskSubmissionPort {
        final AtomicInteger submits = new AtomicInteger();

        @Override
        public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallSettings options) {
            submits.incrementAndGet();
            return CompletableFuture.completedFuture(new VideoTask(TaskId.of("task-unified-1757165031-uyujaw3d"), request.modelId(),
                    TaskStatus.PENDING, 0, null, List.of(), null, null, null, Instant.EPOCH));
        }

        @Override
        public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException("not used"));
        }
    }

    private final CountingPort port = new CountingPort();
    private final VideoClient client = VideoClient.builder().taskPort(port).build();

    VideoClient client() {
        return client;
    }

    /** The property itself: validation ends in the typed exception or passes, and only then is anything sent. */
    void assertValidationIsTyped(VideoRequest request) {
        List<Violation> violations = client.validate(request);
        violations.forEach(Hostile::assertWellFormed);
        int sentBefore = port.submits.get();
        Throwable thrown = catchThrowable(() -> client.submit(request));
        if (violations.isEmpty()) {
            assertThat(thrown).as("a request without violations is sent").isNull();
            assertThat(port.submits.get()).isEqualTo(sentBefore + 1);
        } else {
            assertThat(thrown).isInstanceOf(RequestValidationException.class);
            RequestValidationException rve = (RequestValidationException) thrown;
            assertThat(rve.violations()).containsExactlyElementsOf(violations);
            assertThat(rve.taskMayHaveBeenCreated()).isFalse();
            assertThat(rve.getMessage()).isNotBlank();
            assertThat(port.submits.get()).as("nothing is sent for an invalid request").isEqualTo(sentBefore);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
