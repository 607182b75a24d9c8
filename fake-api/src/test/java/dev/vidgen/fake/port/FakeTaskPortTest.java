package dev.vidgen.fake.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.error.InvalidRequestException;
import dev.vidgen.client.error.RateLimitException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.error.TaskNotFoundException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort.Futures;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.time.VirtualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FakeTaskPortTest {

    private final VirtualTime time = new VirtualTime();
    private final FakeTaskPort port = FakeTaskPort.builder().clock(time).seed(3).build();

    static KlingReferenceRequest kling(String prompt) {
        return KlingReferenceRequest.builder().prompt(prompt).build();
    }

    static VeoReferenceRequest veo() {
        return VeoReferenceRequest.builder(VeoModel.STANDARD).prompt("a garden").referenceImage("https://example.com/1.jpg").build();
    }

    private VideoTask fetch(TaskId id) {
        return Futures.join(port.fetchAsync(id, CallSettings.DEFAULTS));
    }

    @Test
    void submitAnswersPendingWithAWellFormedIdAndTheFakesTime() {
        VideoTask task = Futures.join(port.submitAsync(kling("city at night"), CallSettings.DEFAULTS));

        assertThat(task.status().state()).isEqualTo(TaskState.PENDING);
        assertThat(task.progress()).isZero();
        assertThat(task.id().isWellFormed()).isTrue();
        assertThat(task.id().value()).startsWith("task-unified-" + time.now().getEpochSecond() + "-");
        assertThat(task.model()).isEqualTo("kling-o3-ref");
        assertThat(task.observedAt()).isEqualTo(time.now());
        assertThat(task.estimatedTime()).isPositive();
        assertThat(port.createdTaskIds()).containsExactly(task.id());
        assertThat(port.submittedRequests()).containsExactly(kling("city at night"));
        assertThat(port.requestOf(task.id())).hasValue(kling("city at night"));
    }

    @Test
    void invalidRequestFailsWithEveryViolationAndCreatesNoTask() {
        KlingReferenceRequest bad = KlingReferenceRequest.builder().prompt(" ").duration(20).build();

        assertThatThrownBy(() -> Futures.join(port.submitAsync(bad, CallSettings.DEFAULTS)))
                .isInstanceOfSatisfying(RequestValidationException.class, e -> assertThat(e.violations())
                        .extracting(Violation::ruleId).contains("kling.prompt.required", "kling.duration.range"));
        assertThat(port.createdTaskIds()).isEmpty();
        assertThat(port.submitCount()).isEqualTo(1);
    }

    @Test
    void nullRequestIsAValidationFailureNotAnNpe() {
        assertThatThrownBy(() -> Futures.join(port.submitAsync(null, CallSettings.DEFAULTS))).isInstanceOf(RequestValidationException.class);
    }

    @Test
    void requestOfAnUnknownModelIs422ModelNotSupported() {
        VideoRequest unknown = new VideoRequest() {
            @Override
            public String modelId() {
                return "sora-2";
            }

            @Override
            public String prompt() {
                return "x";
            }
        };

        assertThatThrownBy(() -> Futures.join(port.submitAsync(unknown, CallSettings.DEFAULTS)))
                .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(422);
                    assertThat(e.errorCode()).isEqualTo("model_not_supported");
                });
    }

    @Test
    void defaultLifecycleIsPendingThirtySeventyCompleted() {
        TaskId id = Futures.join(port.submitAsync(kling("a"), CallSettings.DEFAULTS)).id();

        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            VideoTask t = fetch(id);
            seen.add(t.status().raw() + ":" + t.progress());
        }

        assertThat(seen).containsExactly("pending:0", "processing:30", "processing:70", "completed:100");
        VideoTask done = fetch(id);
        assertThat(done.results()).hasSize(1);
        assertThat(done.firstResultUrl().orElseThrow().toString()).isEqualTo("https://results.vidgen.invalid/" + id + "/0.mp4");
        assertThat(done.usage().creditsReserved()).isEqualTo(5L);
        assertThat(port.fetchCount(id)).isEqualTo(5);
    }

    @Test
    void completedAfterNPolls() {
        port.defaultLifecycle(Lifecycle.builder().pending().processing(50).completedAfterPolls(10));
        TaskId id = Futures.join(port.submitAsync(kling("a"), CallSettings.DEFAULTS)).id();

        for (int i = 1; i < 10; i++) {
            assertThat(fetch(id).isTerminal()).as("fetch %d", i).isFalse();
        }
        assertThat(fetch(id).status().state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    void completedAfterAStretchOfVirtualTime() {
        port.defaultLifecycle(Lifecycle.builder().pending().processing(50).completedAfter(Duration.ofMinutes(10)));
        TaskId id = Futures.join(port.submitAsync(kling("a"), CallSettings.DEFAULTS)).id();

        assertThat(fetch(id).status().raw()).isEqualTo("pending");
        time.advance(Duration.ofMinutes(6));
        assertThat(fetch(id).progress()).isEqualTo(50);
        time.advance(Duration.ofMinutes(4));
        VideoTask done = fetch(id);
        assertThat(done.status().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(done.observedAt()).isEqualTo(VirtualTime.DEFAULT_START.plus(Duration.ofMinutes(10)));
    }

    @Test
    void failedWithACode() {
        port.lifecycle(VeoModel.STANDARD.value(), Lifecycle.builder().processing(10).failed("generation_failed"));
        TaskId veo = Futures.join(port.submitAsync(veo(), CallSettings.DEFAULTS)).id();
        TaskId kling = Futures.join(port.submitAsync(kling("a"), CallSettings.DEFAULTS)).id();

        fetch(veo);
        VideoTask failed = fetch(veo);

        assertThat(failed.status().state()).isEqualTo(TaskState.FAILED);
        assertThat(failed.error().code()).isEqualTo("generation_failed");
        assertThat(failed.results()).isEmpty();
        assertThat(fetch(kling).status().raw()).isEqualTo("pending"); // other models keep the default
    }

    @Test
    void perRequestScriptsWinOverConditionsWhichWinOverModels() {
        port.lifecycle("kling-o3-ref", Lifecycle.failedAtFirstPoll("by_model"));
        port.lifecycleWhen(r -> r.prompt().contains("special"), Lifecycle.failedAtFirstPoll("by_condition"));
        port.lifecycleForNextSubmit(Lifecycle.failedAtFirstPoll("by_request"));

        TaskId first = Futures.join(port.submitAsync(kling("special"), CallSettings.DEFAULTS)).id();
        TaskId second = Futures.join(port.submitAsync(kling("special"), CallSettings.DEFAULTS)).id();
        TaskId third = Futures.join(port.submitAsync(kling("plain"), CallSettings.DEFAULTS)).id();

        assertThat(fetch(first).error().code()).isEqualTo("by_request");
        assertThat(fetch(second).error().code()).isEqualTo("by_condition");
        assertThat(fetch(third).error().code()).isEqualTo("by_model");
    }

    @Test
    void unknownTaskIsTaskNotFound() {
        assertThatThrownBy(() -> fetch(TaskId.of("task-unified-1-abcdefgh")))
                .isInstanceOfSatisfying(TaskNotFoundException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    @Test
    void scriptedFailuresHitTheNextCallsOnly() {
        RateLimitException limited = new RateLimitException(429, "rate_limit_error", null, "slow down", "{}", false);
        port.failNextSubmit(limited);
        TaskId id;

        assertThatThrownBy(() -> Futures.join(port.submitAsync(kling("a"), CallSettings.DEFAULTS))).isSameAs(limited);
        id = Futures.join(port.submitAsync(kling("a"), CallSettings.DEFAULTS)).id();
        port.failNextFetch(limited);
        assertThatThrownBy(() -> fetch(id)).isSameAs(limited);
        assertThat(fetch(id).status().raw()).isEqualTo("pending"); // the failed fetch did not move the task on
        assertThat(port.createdTaskIds()).hasSize(1);
        assertThat(port.submitCount()).isEqualTo(2);
        assertThat(port.fetchCount()).isEqualTo(2);
    }

    @Test
    void asyncFormsCompleteBeforeReturning() {
        assertThat(port.submitAsync(kling("a"), CallSettings.DEFAULTS)).isDone();
        assertThat(port.submitAsync(kling(""), CallSettings.DEFAULTS)).isCompletedExceptionally();
    }

    @Test
    void resetForgetsEverythingButTheBuildersConfiguration() {
        FakeTaskPort configured = FakeTaskPort.builder().clock(time)
                .lifecycle("kling-o3-ref", Lifecycle.failedAtFirstPoll("configured")).build();
        configured.lifecycle("kling-o3-ref", Lifecycle.completedAtFirstPoll());
        TaskId old = Futures.join(configured.submitAsync(kling("a"), CallSettings.DEFAULTS)).id();
        configured.failNextSubmit(new IllegalStateException("never thrown"));

        configured.reset();

        assertThat(configured.createdTaskIds()).isEmpty();
        assertThat(configured.submittedRequests()).isEmpty();
        assertThat(configured.submitCount()).isZero();
        assertThatThrownBy(() -> Futures.join(configured.fetchAsync(old, CallSettings.DEFAULTS))).isInstanceOf(TaskNotFoundException.class);
        TaskId fresh = Futures.join(configured.submitAsync(kling("a"), CallSettings.DEFAULTS)).id();
        assertThat(Futures.join(configured.fetchAsync(fresh, CallSettings.DEFAULTS)).error().code()).isEqualTo("configured");
    }

    @Test
    void seededPortsHandOutTheSameIds() {
        FakeTaskPort a = FakeTaskPort.builder().clock(time).seed(11).build();
        FakeTaskPort b = FakeTaskPort.builder().clock(time).seed(11).build();

        assertThat(Futures.join(a.submitAsync(kling("x"), CallSettings.DEFAULTS)).id()).isEqualTo(Futures.join(b.submitAsync(kling("x"), CallSettings.DEFAULTS)).id());
    }

    @Test
    void everyFetchIsRecordedWithItsNumberTimeAndOptions() {
        VideoTask task = Futures.join(port.submitAsync(KlingReferenceRequest.builder().prompt("a rainy street").build(), CallSettings.DEFAULTS));
        CallSettings sync = new CallSettings(null, null, true);

        port.fetchAsync(task.id(), sync).join();
        time.advance(Duration.ofSeconds(5));
        port.fetchAsync(task.id(), CallSettings.DEFAULTS).join();

        assertThat(port.fetches()).extracting(FakeTaskPort.Fetch::number).containsExactly(1, 2);
        assertThat(port.fetchesOf(task.id())).extracting(FakeTaskPort.Fetch::at)
                .containsExactly(VirtualTime.DEFAULT_START, VirtualTime.DEFAULT_START.plusSeconds(5));
        assertThat(port.fetches().get(0).options().syncUpstream()).isTrue();
        assertThat(port.fetches().get(1).future()).isCompletedWithValueMatching(t -> t.id().equals(task.id()));
        port.reset();
        assertThat(port.fetches()).isEmpty();
    }

    @Test
    void aResponderAnswersFetchesOfAnyIdInPlaceOfTheLifecycles() {
        TaskId id = TaskId.of("task-unified-1757165031-uyujaw3d");
        java.util.concurrent.CompletableFuture<VideoTask> never = new java.util.concurrent.CompletableFuture<>();
        FakeTaskPort scripted = FakeTaskPort.builder().clock(time).answerFetches((taskId, n, at, options) -> never).build();

        assertThat(scripted.fetchAsync(id, CallSettings.DEFAULTS)).isSameAs(never);
        assertThat(scripted.fetchesOf(id)).singleElement().satisfies(f -> assertThat(f.future()).isSameAs(never));
        scripted.failNextFetch(new IllegalStateException("scripted first"));
        assertThat(scripted.fetchAsync(id, CallSettings.DEFAULTS)).isCompletedExceptionally();
        assertThat(scripted.fetchCount()).isEqualTo(2);
    }
}
