package dev.vidgen.client.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.ServerException;
import dev.vidgen.client.error.ServiceUnavailableException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.error.UnusableResultException;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaskJsonTest {

    final TaskJson tasks = new TaskJson();
    final Instant now = Instant.parse("2025-09-06T13:30:00Z");

    VideoTask decode(String json) {
        return tasks.decode(json.getBytes(StandardCharsets.UTF_8), now);
    }

    @Nested
    class OutputShape {
        static final String OUTPUT = "{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"completed\",\"progress\":100,\"type\":\"video\","
                + "\"output\":{\"url\":\"https://cdn.example/a.mp4\",\"urls\":[\"https://cdn.example/a.mp4\",\"https://cdn.example/b.mp4\"],"
                + "\"duration\":5,\"width\":1280,\"height\":720}}";

        @Test
        void outputUrlsAreTheResultsAndKeepDurationWidthAndHeight() {
            VideoTask t = decode(OUTPUT);
            assertThat(t.results()).extracting(TaskResult::url)
                    .containsExactly(URI.create("https://cdn.example/a.mp4"), URI.create("https://cdn.example/b.mp4"));
            assertThat(t.results()).allSatisfy(r -> assertThat(r.extra())
                    .containsEntry("duration", 5).containsEntry("width", 1280).containsEntry("height", 720)
                    .doesNotContainKeys("url", "urls"));
            assertThat(t.resultProblems()).isEmpty();
        }

        @Test
        void outputUrlAloneIsTheResult() {
            VideoTask t = decode("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"completed\","
                    + "\"output\":{\"url\":\"https://cdn.example/a.mp4\",\"width\":1280}}");
            assertThat(t.results()).singleElement().satisfies(r -> {
                assertThat(r.url()).isEqualTo(URI.create("https://cdn.example/a.mp4"));
                assertThat(r.extra()).containsEntry("width", 1280);
            });
        }

        @Test
        void resultsWinOverOutput() {
            VideoTask t = decode("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"completed\","
                    + "\"results\":[{\"url\":\"https://cdn.example/r.mp4\"}],\"output\":{\"url\":\"https://cdn.example/o.mp4\"}}");
            assertThat(t.results()).extracting(TaskResult::url).containsExactly(URI.create("https://cdn.example/r.mp4"));
        }

        @Test
        void anEmptyResultsListFallsBackToOutput() {
            VideoTask t = decode("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"completed\","
                    + "\"results\":[],\"output\":{\"urls\":[\"https://cdn.example/o.mp4\"]}}");
            assertThat(t.results()).extracting(TaskResult::url).containsExactly(URI.create("https://cdn.example/o.mp4"));
        }

        @Test
        void cancelledIsTerminal() {
            VideoTask t = decode("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"cancelled\"}");
            assertThat(t.status().state()).isEqualTo(TaskState.CANCELLED);
            assertThat(t.isTerminal()).isTrue();
        }
    }

    @Nested
    class UnusableEntries {
        @ParameterizedTest
        @ValueSource(strings = {"{\"url\":null}", "{\"url\":\"\"}", "{\"url\":\"\\r\\n\"}", "{\"url\":\" \"}", "{\"width\":1}",
                "{\"url\":\"https://cdn.example/a b.mp4\"}", "{\"url\":7}", "null"})
        void anUnusableEntryIsReportedNotFatal(String entry) {
            VideoTask t = decode("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"completed\",\"results\":["
                    + entry + ",{\"url\":\"https://cdn.example/ok.mp4\"}]}");
            assertThat(t.results()).extracting(TaskResult::url).containsExactly(URI.create("https://cdn.example/ok.mp4"));
            assertThat(t.resultProblems()).singleElement().asString().startsWith("result 0: ");
        }

        @Test
        void aFailedTaskWithBadEntriesIsStillAFailedTask() {
            VideoTask t = decode("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"failed\",\"results\":[{\"url\":null}],"
                    + "\"error\":{\"code\":\"boom\",\"message\":\"no\"}}");
            assertThat(t.status().state()).isEqualTo(TaskState.FAILED);
            assertThat(new TaskFailedException(t)).hasMessageContaining("boom");
        }

        @Test
        void noUsableEntryNamesEveryProblem() {
            VideoTask t = decode("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"completed\",\"results\":[{\"url\":null},{\"url\":\"\\u001b[2J\"}]}");
            assertThat(t.results()).isEmpty();
            UnusableResultException e = new UnusableResultException(t);
            assertThat(e.getMessage()).contains("result 0: the url is null", "result 1: ", "\\u001b[2J").doesNotContain("\u001b");
            assertThat(e.retryCanHelp()).isFalse();
        }
    }

    @Nested
    class Malformed {
        @Test
        void aBodyThatIsNotJsonMayBeWorthAskingAgain() {
            MalformedResponseException e = catchThrowableOfType(MalformedResponseException.class,
                    () -> decode("{\"id\":\"task-unified-1-abc"));
            assertThat(e.retryCanHelp()).isTrue();
        }

        @Test
        void wellFormedJsonWithoutTheRequiredFieldsIsNot() {
            for (String json : new String[] {"{\"status\":\"pending\"}", "{\"id\":\"task-unified-1-abcdefgh\"}", "[]"}) {
                MalformedResponseException e = catchThrowableOfType(MalformedResponseException.class, () -> decode(json));
                assertThat(e.retryCanHelp()).as(json).isFalse();
            }
        }

        @Test
        void anUnusableIdIsQuotedEscaped() {
            MalformedResponseException e = catchThrowableOfType(MalformedResponseException.class,
                    () -> decode("{\"id\":\"x\\u001b]0;pwned\\u0007\",\"status\":\"pending\"}"));
            assertThat(e.getMessage()).doesNotContain("\u001b", "\u0007").contains("\\u001b");
        }

        @Test
        void absurdNumbersAreDroppedNotFatal() {
            VideoTask t = decode("{\"id\":\"task-unified-1-abcdefgh\",\"status\":\"pending\",\"created\":1e300,"
                    + "\"task_info\":{\"estimated_time\":1e300}}");
            assertThat(t.createdAt()).isNull();
            assertThat(t.estimatedTime()).isNull();
        }
    }

    @Test
    void a503IsAServerExceptionThatSaysNoTaskWasCreated() {
        var e = new ErrorMapper().toException(503, new byte[0], false, null);
        assertThat(e).isInstanceOf(ServiceUnavailableException.class).isInstanceOf(ServerException.class);
        assertThat(e.taskMayHaveBeenCreated()).isFalse();
    }
}
