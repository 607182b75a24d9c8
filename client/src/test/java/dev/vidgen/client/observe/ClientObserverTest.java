package dev.vidgen.client.observe;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.support.LoopbackApi;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.domain.task.VideoTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The observation hook: what a submit-await-download run tells it, over real HTTP; a throwing observer breaks nothing. */
@Timeout(60)
class ClientObserverTest {

    static final AwaitOptions FAST = AwaitOptions.builder().minInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(50))
            .timeout(Duration.ofSeconds(30)).build();

    @TempDir
    Path dir;

    /** Records everything, in order. */
    static final class Recording implements ClientObserver {
        final List<Object> events = new CopyOnWriteArrayList<>();

        @Override
        public void httpAttempt(HttpAttempt attempt) {
            events.add(attempt);
        }

        @Override
        public void taskEvent(TaskEvent event) {
            events.add(event);
        }

        @Override
        public CallSpan callStarted(ClientCall call) {
            events.add(call);
            return new CallSpan() {
                @Override
                public void identify(dev.vidgen.domain.task.TaskId id, String model) {
                }

                @Override
                public void end(Throwable error) {
                    events.add("end " + call.name() + (error == null ? "" : " " + error.getClass().getSimpleName()));
                }
            };
        }

        List<TaskEvent.Kind> kinds() {
            return events.stream().filter(TaskEvent.class::isInstance).map(e -> ((TaskEvent) e).kind()).toList();
        }
    }

    private static final Function<Integer, String> PROCESSING_THEN_DONE = n -> n == 1
            ? "{\"id\":\"" + LoopbackApi.TASK_ID + "\",\"status\":\"processing\",\"progress\":50}"
            : LoopbackApi.completedWithResults();

    @Test
    void aSubmitAwaitDownloadRunIsHeardInFull() throws Exception {
        Recording seen = new Recording();
        try (LoopbackApi api = LoopbackApi.start(PROCESSING_THEN_DONE);
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey("sk-loopback").observer(seen)
                     .transportProvider(LoopbackApi.provider()).build()) {
            VideoTask done = client.submitAndAwait(Seeds.veo(), FAST);
            client.download(done, 0, dir.resolve("a.mp4"));
        }
        assertThat(seen.kinds()).containsExactly(TaskEvent.Kind.SUBMITTED, TaskEvent.Kind.WAIT_STARTED, TaskEvent.Kind.POLLED,
                TaskEvent.Kind.POLLED, TaskEvent.Kind.COMPLETED, TaskEvent.Kind.WAIT_ENDED, TaskEvent.Kind.DOWNLOADED);
        List<HttpAttempt> attempts = seen.events.stream().filter(HttpAttempt.class::isInstance).map(HttpAttempt.class::cast).toList();
        assertThat(attempts).extracting(HttpAttempt::operation).containsExactly(HttpOperation.SUBMIT, HttpOperation.QUERY,
                HttpOperation.QUERY, HttpOperation.DOWNLOAD);
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.outcome()).isEqualTo(HttpAttempt.Outcome.SUCCESS);
            assertThat(a.retry()).isFalse();
        });
        TaskEvent ended = event(seen, TaskEvent.Kind.WAIT_ENDED);
        assertThat(ended.count()).isEqualTo(2);
        assertThat(ended.outcome()).isEqualTo(TaskEvent.COMPLETED);
        TaskEvent downloaded = event(seen, TaskEvent.Kind.DOWNLOADED);
        assertThat(downloaded.bytes()).isEqualTo(Files.size(dir.resolve("a.mp4")));
        assertThat(downloaded.outcome()).isEqualTo(TaskEvent.SUCCESS);
        // the submit-and-await span is the parent of its submit and its await
        List<ClientCall> calls = seen.events.stream().filter(ClientCall.class::isInstance).map(ClientCall.class::cast).toList();
        assertThat(calls).extracting(ClientCall::name).containsExactly(ClientCall.SUBMIT_AND_AWAIT, ClientCall.SUBMIT,
                ClientCall.AWAIT, ClientCall.DOWNLOAD);
        assertThat(calls.get(1).parent()).isNotNull();
        assertThat(calls.get(2).parent()).isSameAs(calls.get(1).parent());
        assertThat(calls.get(2).taskId().value()).isEqualTo(LoopbackApi.TASK_ID);
        assertThat(seen.events).contains("end submit", "end await", "end submit-and-await", "end download");
    }

    @Test
    void aThrowingObserverBreaksNoCallAndIsLoggedOnce() {
        Logger logger = (Logger) LoggerFactory.getLogger(SafeObserver.class);
        ListAppender<ILoggingEvent> logged = new ListAppender<>();
        logged.start();
        logger.addAppender(logged);
        ClientObserver throwing = new ClientObserver() {
            @Override
            public void httpAttempt(HttpAttempt attempt) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public void taskEvent(TaskEvent event) {
                throw new IllegalStateException("observer bug");
            }

            @Override
            public CallSpan callStarted(ClientCall call) {
                throw new IllegalStateException("observer bug");
            }
        };
        try (LoopbackApi api = LoopbackApi.start(PROCESSING_THEN_DONE);
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey("sk-loopback").observer(throwing)
                     .transportProvider(LoopbackApi.provider()).build()) {
            VideoTask done = client.submitAndAwait(Seeds.veo(), FAST);
            assertThat(client.download(done, 0, dir.resolve("b.mp4"))).exists();
        } finally {
            logger.detachAppender(logged);
        }
        assertThat(logged.list).filteredOn(e -> e.getLevel() == Level.WARN).hasSize(1);
        assertThat(logged.list.size()).isGreaterThan(5);
    }

    @Test
    void theDefaultIsTheNoOpAndSafeKeepsItAsItIs() {
        assertThat(ClientObserver.safe(null)).isSameAs(ClientObserver.NOOP);
        assertThat(ClientObserver.safe(ClientObserver.NOOP)).isSameAs(ClientObserver.NOOP);
        ClientObserver guarded = ClientObserver.safe(new Recording());
        assertThat(ClientObserver.safe(guarded)).isSameAs(guarded);
        assertThat(dev.vidgen.client.ClientConfig.builder().apiKey("sk-x").build().observer()).isSameAs(ClientObserver.NOOP);
    }

    private static TaskEvent event(Recording seen, TaskEvent.Kind kind) {
        return seen.events.stream().filter(TaskEvent.class::isInstance).map(TaskEvent.class::cast)
                .filter(e -> e.kind() == kind).findFirst().orElseThrow();
    }
}
