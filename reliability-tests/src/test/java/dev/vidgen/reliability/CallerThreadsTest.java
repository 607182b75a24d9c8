package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.observe.TaskEvent;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Where the client's work runs, on each real transport: a blocking call is answered on its
 * caller's own thread (the I/O thread wakes the caller, no callback hop); a stage attached to an
 * async call never runs on an I/O thread, so a stage that blocks stalls no other exchange; and a
 * blocking call interrupted mid-exchange ends as {@code join} promises.
 */
@Timeout(60)
class CallerThreadsTest {

    private FakeVideoApi api;

    @BeforeEach
    void startFakeApi() {
        api = FakeVideoApi.builder().taskDuration(Duration.ofSeconds(30)).start();
    }

    @AfterEach
    void stopFakeApi() {
        api.close();
    }

    private VideoClient client(String transport, ClientObserver observer) {
        return VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).allowInsecureHttp(true)
                .transportName(transport).observer(observer).build();
    }

    private static KlingReferenceRequest request() {
        return KlingReferenceRequest.builder().prompt("一只在雨夜街头奔跑的柴犬").build();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk", "apache"})
    void aBlockingSubmitIsAnsweredOnItsCallersThread(String transport) {
        AtomicReference<Thread> told = new AtomicReference<>();
        ClientObserver observer = new ClientObserver() {
            @Override
            public void taskEvent(TaskEvent event) {
                if (event.kind() == TaskEvent.Kind.SUBMITTED) {
                    told.set(Thread.currentThread());
                }
            }
        };
        try (VideoClient client = client(transport, observer)) {
            client.submit(request());
            assertThat(told.get()).as("the thread that read the submit's answer").isSameAs(Thread.currentThread());
            // the delay makes sure the observer's stage is attached before the answer, so it runs where answers complete
            api.faults().next(Route.SUBMIT, Fault.delay(Duration.ofMillis(200)));
            VideoTask async = client.submitAsync(request()).join();
            assertThat(async.id()).isNotNull();
            assertThat(told.get()).as("an async submit is answered off the caller's thread").isNotSameAs(Thread.currentThread());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk", "apache"})
    void aBlockedStageOfAnAsyncCallStallsNoOtherExchange(String transport) throws Exception {
        try (VideoClient client = client(transport, ClientObserver.NOOP)) {
            VideoTask task = client.submit(request());
            api.faults().next(Route.SUBMIT, Fault.delay(Duration.ofMillis(300))); // the stage is attached before the answer
            CountDownLatch inStage = new CountDownLatch(1);
            CountDownLatch othersDone = new CountDownLatch(1);
            AtomicReference<String> stageThread = new AtomicReference<>();
            CompletableFuture<Boolean> blocked = client.submitAsync(request()).thenApply(t -> {
                stageThread.set(Thread.currentThread().getName());
                inStage.countDown();
                try {
                    return othersDone.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertThat(inStage.await(10, TimeUnit.SECONDS)).as("the async submit's stage started").isTrue();
            List<CompletableFuture<VideoTask>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(client.getAsync(task.id()));
            }
            try {
                for (CompletableFuture<VideoTask> f : others) {
                    assertThat(f.get(10, TimeUnit.SECONDS).id()).as("a query while a stage blocks (stage on %s)", stageThread.get())
                            .isEqualTo(task.id());
                }
            } finally {
                othersDone.countDown();
            }
            assertThat(blocked.get(10, TimeUnit.SECONDS)).isTrue();
            assertThat(stageThread.get()).as("the stage's thread").doesNotContain("reactor").doesNotContain("SelectorManager")
                    .doesNotContain("-io-").isNotEqualTo(Thread.currentThread().getName());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jdk", "apache"})
    void aBlockingGetInterruptedMidExchangeEndsCancelledAndKeepsTheFlag(String transport) throws Exception {
        try (VideoClient client = client(transport, ClientObserver.NOOP)) {
            VideoTask task = client.submit(request());
            api.faults().next(Route.QUERY, Fault.delay(Duration.ofSeconds(30)));
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Thread caller = new Thread(() -> {
                thrown.set(catchThrowable(() -> client.get(task.id())));
                flagKept.set(Thread.currentThread().isInterrupted());
            }, "blocking-get");
            caller.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (api.queryCount() < 1 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(api.queryCount()).as("the query reached the server").isEqualTo(1);
            caller.interrupt();
            caller.join(10_000);
            assertThat(caller.isAlive()).as("the caller is still blocked 10 s after its interrupt").isFalse();
            assertThat(thrown.get()).isInstanceOf(CancellationException.class);
            assertThat(flagKept.get()).as("the caller's interrupt flag").isTrue();
            assertThat(api.queryCount()).as("no retry after the interrupt").isEqualTo(1);
        }
    }
}
