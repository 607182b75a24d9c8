package dev.vidgen.client.await;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.internal.CallGate;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.client.testsupport.Snapshots;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The bound on task queries in flight: excess polls queue in the awaiter, none is lost, cancels give permits back. */
class AwaiterGateTest {

    private final VirtualTime time = new VirtualTime();
    private final HeldPort port = new HeldPort();

    /** A port whose fetches stay open until the test answers them. */
    private static final class HeldPort implements TaskSubmissionPort {
        final Map<TaskId, CompletableFuture<VideoTask>> open = new ConcurrentHashMap<>();
        final List<TaskId> fetched = new ArrayList<>();

        @Override
        public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallSettings options) {
            throw new UnsupportedOperationException("not submitted here");
        }

        @Override
        public synchronized CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
            CompletableFuture<VideoTask> f = new CompletableFuture<>();
            open.put(id, f);
            fetched.add(id);
            return f;
        }

        void answerAll(VirtualTime time) {
            for (TaskId id : List.copyOf(open.keySet())) {
                open.remove(id).complete(Snapshots.of(id).status("completed").result("https://cdn.example/" + id.value() + ".mp4")
                        .at(time.now()).build());
            }
        }
    }

    private List<CompletableFuture<VideoTask>> await(TaskAwaiter awaiter, int n) {
        List<CompletableFuture<VideoTask>> waits = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            waits.add(awaiter.await(TaskId.of("task-unified-1757165031-gate" + i), AwaitOptions.defaults()));
        }
        time.advance(Duration.ZERO);
        return waits;
    }

    @Test
    void pollsBeyondTheLimitWaitInTheAwaiterAndAllEndWithTheirTask() {
        TaskAwaiter awaiter = new TaskAwaiter(port, time, e -> Optional.empty(), () -> 0.5, 3);
        List<CompletableFuture<VideoTask>> waits = await(awaiter, 10);

        for (int round = 0; round < 4; round++) {
            assertThat(port.open).as("round %d", round).hasSizeLessThanOrEqualTo(3).isNotEmpty();
            port.answerAll(time);
            time.advance(Duration.ZERO);
        }

        assertThat(waits).allSatisfy(w -> assertThat(w).isCompleted());
        assertThat(port.fetched).hasSize(10).doesNotHaveDuplicates();
        for (CompletableFuture<VideoTask> w : waits) {
            assertThat(w.join().results()).hasSize(1);
        }
    }

    @Test
    void cancelledWaitsGiveTheirPermitBackWhetherQueuedOrInFlight() {
        TaskAwaiter awaiter = new TaskAwaiter(port, time, e -> Optional.empty(), () -> 0.5, 2);
        List<CompletableFuture<VideoTask>> waits = await(awaiter, 5);
        assertThat(port.fetched).hasSize(2);

        waits.get(0).cancel(true); // in flight
        waits.get(3).cancel(true); // queued
        time.advance(Duration.ZERO);
        assertThat(port.fetched).hasSize(3); // the freed permit went to the next queued wait

        for (int round = 0; round < 3 && !port.open.isEmpty(); round++) {
            port.answerAll(time);
            time.advance(Duration.ZERO);
        }

        assertThat(port.fetched).extracting(TaskId::value)
                .containsExactly("task-unified-1757165031-gate0", "task-unified-1757165031-gate1",
                        "task-unified-1757165031-gate2", "task-unified-1757165031-gate4");
        assertThat(List.of(waits.get(1), waits.get(2), waits.get(4))).allSatisfy(w -> assertThat(w).isCompleted());
    }

    @Test
    void aPermitIsNeverHandedOutTwiceAndComesBackOnRelease() {
        CallGate gate = new CallGate(1);
        List<String> ran = new ArrayList<>();
        CallGate.Permit a = gate.permit();
        CallGate.Permit b = gate.permit();
        a.acquire(() -> ran.add("a now"), () -> ran.add("a later"));
        b.acquire(() -> ran.add("b now"), () -> ran.add("b later"));
        assertThat(ran).containsExactly("a now");
        assertThat(gate.inFlight()).isEqualTo(1);

        a.release();
        a.release(); // idempotent: b's permit must not be given back by a
        assertThat(ran).containsExactly("a now", "b later");
        assertThat(gate.inFlight()).isEqualTo(1);

        b.release();
        assertThat(gate.inFlight()).isZero();
    }
}
