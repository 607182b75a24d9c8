package dev.vidgen.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.error.UnusableResultException;
import dev.vidgen.client.support.LoopbackApi;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Task answers of every shape and quality, over real HTTP on 127.0.0.1 (issues 16.1, 12.3, 12.9, 11.9). */
@Timeout(60)
class AnswersOverHttpTest {

    static final String ID = LoopbackApi.TASK_ID;
    static final AwaitOptions FAST = AwaitOptions.builder().minInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(50))
            .timeout(Duration.ofSeconds(30)).build();

    @TempDir
    Path dir;

    private <T> T withClient(Function<Integer, String> answers, java.util.function.BiFunction<VideoClient, LoopbackApi, T> body) {
        try (LoopbackApi api = LoopbackApi.start(answers);
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey("sk-loopback")
                     .installedProviders(() -> List.of(LoopbackApi.provider())).build()) {
            return body.apply(client, api);
        }
    }

    @Test
    void aTaskInTheOutputShapeIsAwaitedAndDownloaded() throws Exception {
        String output = "{\"id\":\"" + ID + "\",\"status\":\"completed\",\"progress\":100,\"type\":\"video\",\"output\":{"
                + "\"url\":\"BASE/video/a.mp4\",\"urls\":[\"BASE/video/a.mp4\",\"BASE/video/b.mp4\"],\"duration\":5,\"width\":1280,\"height\":720}}";
        Path saved = withClient(n -> n == 1 ? "{\"id\":\"" + ID + "\",\"status\":\"processing\",\"progress\":50}" : output, (client, api) -> {
            VideoTask done = client.submitAndAwait(Seeds.veo(), FAST);
            assertThat(done.results()).hasSize(2);
            assertThat(done.results().get(1).extra()).containsEntry("duration", 5).containsEntry("width", 1280).containsEntry("height", 720);
            return client.download(done, 1, dir.resolve("b.mp4"));
        });
        assertThat(Files.readString(saved)).isEqualTo("MP4-BYTES");
    }

    @Test
    void aCompletedTaskWhoseOnlyResultHasANullUrlEndsAtOnce() {
        int[] queries = new int[1];
        assertThatThrownBy(() -> withClient(n -> {
            queries[0] = n;
            return "{\"id\":\"" + ID + "\",\"status\":\"completed\",\"results\":[{\"url\":null}]}";
        }, (client, api) -> client.await(TaskId.of(ID), FAST.toBuilder().timeout(Duration.ofMinutes(30)).build())))
                .isInstanceOf(UnusableResultException.class)
                .hasMessageContaining("result 0: the url is null");
        // the first look and the bounded re-query, then the end: not polls until the 30-minute timeout
        assertThat(queries[0]).isEqualTo(1 + FAST.emptyResultRetries());
    }

    @Test
    void aFailedTaskWithABadResultEntryIsATaskFailure() {
        assertThatThrownBy(() -> withClient(n -> "{\"id\":\"" + ID + "\",\"status\":\"failed\",\"results\":[{\"url\":\"\\r\\n\"}],"
                + "\"error\":{\"code\":\"generation_failed\",\"message\":\"no\"}}", (client, api) -> client.await(TaskId.of(ID), FAST)))
                .isInstanceOf(TaskFailedException.class).hasMessageContaining("generation_failed");
    }

    @Test
    void someBadEntriesAreNamedAndTheGoodOnesUsed() {
        VideoTask done = withClient(n -> "{\"id\":\"" + ID + "\",\"status\":\"completed\",\"results\":[{\"url\":\" \"},{\"url\":\"BASE/video/a.mp4\"}]}",
                (client, api) -> client.await(TaskId.of(ID), FAST));
        assertThat(done.results()).hasSize(1);
        assertThat(done.resultProblems()).containsExactly("result 0: the url is empty");
    }

    @Test
    void anAnswerForAnotherTaskIsRefusedAfterOneQuery() {
        int[] queries = new int[1];
        assertThatThrownBy(() -> withClient(n -> {
            queries[0] = n;
            return "{\"id\":\"task-unified-1757165031-impostor\",\"status\":\"completed\",\"results\":[{\"url\":\"BASE/video/a.mp4\"}]}";
        }, (client, api) -> client.get(TaskId.of(ID)))).isInstanceOf(MalformedResponseException.class).hasMessageContaining("impostor");
        assertThat(queries[0]).isEqualTo(1);
    }

    @Test
    void aLoneStatusSaysCompletedAtOrBeforeNow() {
        Instant before = Instant.now();
        VideoTask t = withClient(n -> LoopbackApi.completedWithResults(), (client, api) -> client.get(TaskId.of(ID)));
        assertThat(t.completedBy()).isEqualTo(t.observedAt()).isAfterOrEqualTo(before);
        assertThat(t.resultsExpireAt()).contains(t.completedBy().plus(Duration.ofHours(24)));
    }
}
