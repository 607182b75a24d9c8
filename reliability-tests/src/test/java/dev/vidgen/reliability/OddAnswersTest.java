package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.RateLimitException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.reliability.support.RecordingServer;
import dev.vidgen.reliability.support.RecordingServer.Answer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import dev.vidgen.domain.task.VideoTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Odd answers over real HTTP (an extreme {@code Retry-After}, a 200 whose {@code created} is out
 * of range): the call must end at once in the typed exception, and a submit answered 200 must say
 * that a task may exist.
 */
class OddAnswersTest {

    static final String KEY = "sk-odd-answers-1b2c3d4e";
    static final String OUT_OF_RANGE_CREATED = "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"pending\",\"created\":1e300}";

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "31536000000", "Fri, 31 Dec 9999 23:59:59 GMT", "-5", "soon", "1.5"})
    void anyRetryAfterEndsACallPromptlyInTheTypedError(String retryAfter) {
        assertRateLimitedPromptly(retryAfter);
    }

    @org.junit.jupiter.api.Test
    void theLargestRetryAfterEndsACallPromptlyInTheTypedError() {
        assertRateLimitedPromptly("9223372036854775807");
    }

    private static void assertRateLimitedPromptly(String retryAfter) {
        try (RecordingServer api = RecordingServer.start(r -> new Answer(429, Map.of("Retry-After", retryAfter,
                "Content-Type", "application/json"), "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\"}}"
                .getBytes(StandardCharsets.UTF_8)));
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(KEY).transportName("jdk")
                     .retryPolicy(RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(10)).multiplier(1.0).jitter(0).build())
                     .callTimeout(Duration.ofSeconds(3)).build()) {
            long start = System.nanoTime();
            Throwable t = catchThrowable(() -> client.get(TaskId.of("task-unified-1757165031-uyujaw3d")));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(t).isInstanceOf(RateLimitException.class);
            assertThat(millis).as("ms until the call failed").isLessThan(2_000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void anOutOfRangeCreationTimeIsDroppedNotFatal(String transport) {
        // "created" is only reported, never needed: a value no Instant can hold is left out of the snapshot
        try (RecordingServer api = RecordingServer.start(r -> Answer.json(200, OUT_OF_RANGE_CREATED));
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(KEY).transportName(transport)
                     .callTimeout(Duration.ofSeconds(3)).build()) {
            VideoTask submitted = client.submit(VeoReferenceRequest.builder(VeoModel.FAST).prompt("a fox")
                    .referenceImage("https://example.com/fox.png").build());
            assertThat(submitted.id()).isEqualTo(TaskId.of("task-unified-1757165031-uyujaw3d"));
            assertThat(submitted.createdAt()).isNull();
            assertThat(client.get(submitted.id()).createdAt()).isNull();
            assertThat(api.requests()).hasSize(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void aSubmitAnsweredWithoutAnIdFailsAtOnceSayingATaskMayExist(String transport) {
        try (RecordingServer api = RecordingServer.start(r -> Answer.json(200, "{\"status\":\"pending\",\"created\":1e300}"));
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(KEY).transportName(transport)
                     .callTimeout(Duration.ofSeconds(3)).build()) {
            long start = System.nanoTime();
            Throwable t = catchThrowable(() -> client.submit(VeoReferenceRequest.builder(VeoModel.FAST).prompt("a fox")
                    .referenceImage("https://example.com/fox.png").build()));
            long millis = (System.nanoTime() - start) / 1_000_000;
            assertThat(t).isInstanceOf(MalformedResponseException.class);
            assertThat(((VidgenException) t).taskMayHaveBeenCreated()).isTrue();
            assertThat(millis).as("ms until the submit failed").isLessThan(1_000);
            assertThat(api.requests()).as("a submit that may have created a task is not repeated").hasSize(1);
        }
    }
}
