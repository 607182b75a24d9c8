package dev.vidgen.client.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.internal.CallGate;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.client.support.RecordingTransport;
import dev.vidgen.client.support.Seeds;
import dev.vidgen.client.support.TestFamilies;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The port's bound on calls under way: beyond {@link CallGate#DEFAULT_LIMIT} a call waits in the
 * port (not in the transport), starts when another ends, never starts once cancelled, and fails
 * with nothing sent when its call timeout passes in the queue; its queue time counts against it.
 */
@Timeout(30)
class PortCallGateTest {

    static final int LIMIT = CallGate.DEFAULT_LIMIT;
    static final TaskId ID = TaskId.of("task-unified-1757165031-uyujaw3d");
    static final String TASK_JSON = "{\"id\":\"task-unified-1757165031-uyujaw3d\",\"status\":\"pending\",\"progress\":0}";

    final VirtualTime clock = new VirtualTime();
    final RecordingTransport transport = new RecordingTransport(clock);
    final FoxApiTaskPort port = new FoxApiTaskPort(transport, new FoxApiCodec(TestFamilies.catalog()), clock,
            ClientConfig.builder().apiKey("sk-test-gate").build(), () -> 0.5);

    private List<CompletableFuture<VideoTask>> queries(int n, CallSettings settings) {
        List<CompletableFuture<VideoTask>> calls = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            transport.thenHang();
        }
        for (int i = 0; i < n; i++) {
            calls.add(port.fetchAsync(ID, settings));
        }
        return calls;
    }

    private void answer(int exchange) {
        transport.exchanges().get(exchange).future()
                .complete(new HttpResponse<>(200, Map.of(), TASK_JSON.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void callsBeyondTheLimitWaitInThePortAndStartAsOthersEnd() {
        List<CompletableFuture<VideoTask>> calls = queries(LIMIT + 44, CallSettings.DEFAULTS);
        assertThat(transport.count()).as("exchanges open in the transport").isEqualTo(LIMIT);

        for (int i = 0; i < 10; i++) {
            answer(i);
        }
        assertThat(calls.subList(0, 10)).allSatisfy(c -> assertThat(c).isCompleted());
        assertThat(transport.count()).as("one queued call started per call ended").isEqualTo(LIMIT + 10);
        for (int i = 10; i < LIMIT + 44; i++) {
            answer(i);
        }
        assertThat(calls).allSatisfy(c -> assertThat(c.join().id()).isEqualTo(ID));
        assertThat(transport.count()).isEqualTo(LIMIT + 44);
    }

    @Test
    void aCallCancelledWhileQueuedNeverStarts() {
        List<CompletableFuture<VideoTask>> calls = queries(LIMIT + 1, CallSettings.DEFAULTS);
        assertThat(calls.get(LIMIT).cancel(true)).isTrue();
        answer(0);
        assertThat(transport.count()).as("the cancelled call took no exchange").isEqualTo(LIMIT);
        port.fetchAsync(ID, CallSettings.DEFAULTS);
        assertThat(transport.count()).as("the permit the cancelled call gave back went to the next call").isEqualTo(LIMIT + 1);
    }

    @Test
    void aSubmitStillQueuedAtItsCallTimeoutFailsSayingNothingWasSent() {
        queries(LIMIT, CallSettings.DEFAULTS);
        CompletableFuture<VideoTask> submit = port.submitAsync(Seeds.veo(), new CallSettings(null, Duration.ofSeconds(10), false));
        clock.advance(Duration.ofSeconds(10));

        assertThat(submit).isCompletedExceptionally();
        Throwable e = catchCause(submit);
        assertThat(e).isInstanceOf(TransportIoException.class).hasMessageContaining("did not start within the call timeout of PT10S");
        assertThat(((TransportIoException) e).taskMayHaveBeenCreated()).isFalse();
        answer(0);
        assertThat(transport.count()).as("the timed-out submit never reaches the transport").isEqualTo(LIMIT);
    }

    @Test
    void theTimeInTheQueueCountsAgainstTheCallTimeout() {
        queries(LIMIT, CallSettings.DEFAULTS);
        transport.thenHang();
        port.fetchAsync(ID, new CallSettings(null, Duration.ofSeconds(10), false));
        clock.advance(Duration.ofSeconds(4));
        answer(0);

        assertThat(transport.count()).isEqualTo(LIMIT + 1);
        assertThat(transport.last().request().timeout()).as("the attempt gets what is left of the call").isEqualTo(Duration.ofSeconds(6));
    }

    private static Throwable catchCause(CompletableFuture<?> f) {
        try {
            f.join();
            throw new AssertionError("not failed");
        } catch (CompletionException e) {
            return e.getCause();
        }
    }
}
