package dev.vidgen.fake.server;

import static dev.vidgen.fake.server.Http.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.time.VirtualTime;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every kind of fault the plan can inject, observed by a real HTTP client (and a raw socket where the bytes matter). */
class FaultPlanTest {

    private final VirtualTime time = new VirtualTime();
    private FakeVideoApi api;
    private Http http;

    @BeforeEach
    void start() {
        api = FakeVideoApi.builder().clock(time).defaultLifecycle(Lifecycle.builder().pending().completed()).start();
        http = new Http(api);
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void rateLimitedTwiceWithRetryAfterSecondsThenAccepted() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.rateLimited(Duration.ofMillis(1500)), 2);

        HttpResponse<byte[]> first = http.submit(Bodies.KLING);
        HttpResponse<byte[]> second = http.submit(Bodies.KLING);
        HttpResponse<byte[]> third = http.submit(Bodies.KLING);

        assertThat(first.statusCode()).isEqualTo(429);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("2");
        assertThat(json(first).at("/error/type").asText()).isEqualTo("rate_limit_error");
        assertThat(second.statusCode()).isEqualTo(429);
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(api.submitCount()).isEqualTo(3);
        assertThat(api.createdTaskIds()).hasSize(1);
        assertThat(api.requests(Route.SUBMIT)).extracting(RecordedRequest::fault)
                .containsExactly(Fault.rateLimited(Duration.ofMillis(1500)), Fault.rateLimited(Duration.ofMillis(1500)), null);
        assertThat(api.faults().pending()).isEmpty();
    }

    @Test
    void retryAfterAsHttpDateOnTheFakesClock() throws Exception {
        api.faults().next(Route.QUERY, Fault.rateLimitedUntilDate(Duration.ofSeconds(30)));
        String id = http.createTask(Bodies.KLING);

        HttpResponse<byte[]> r = http.query(id);

        assertThat(r.statusCode()).isEqualTo(429);
        ZonedDateTime when = ZonedDateTime.parse(r.headers().firstValue("Retry-After").orElseThrow(), DateTimeFormatter.RFC_1123_DATE_TIME);
        assertThat(when.toInstant()).isEqualTo(time.now().plusSeconds(30));
    }

    @Test
    void serverErrorsOnSubmitCreateNoTaskByDefault() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.status(500)).next(Route.SUBMIT, Fault.status(503)).next(Route.SUBMIT, Fault.status(402));

        assertThat(json(http.submit(Bodies.KLING)).at("/error/type").asText()).isEqualTo("server_error");
        assertThat(json(http.submit(Bodies.KLING)).at("/error/type").asText()).isEqualTo("service_unavailable_error");
        assertThat(json(http.submit(Bodies.KLING)).at("/error/type").asText()).isEqualTo("insufficient_quota");
        assertThat(api.createdTaskIds()).isEmpty();
    }

    @Test
    void serverErrorAfterProcessingCreatesTheTaskAnyway() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.status(500).afterProcessing());

        HttpResponse<byte[]> r = http.submit(Bodies.KLING);

        assertThat(r.statusCode()).isEqualTo(500);
        assertThat(api.createdTaskIds()).hasSize(1);
    }

    @Test
    void badGatewayIsAnHtmlPage() throws Exception {
        api.faults().next(Route.QUERY, Fault.status(502));
        String id = http.createTask(Bodies.KLING);

        HttpResponse<byte[]> r = http.query(id);

        assertThat(r.statusCode()).isEqualTo(502);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("502 Bad Gateway");
        assertThat(api.queryCount(dev.vidgen.domain.task.TaskId.of(id))).isZero(); // the fault hit before the task
    }

    @Test
    void unavailableWithRetryAfterOnQuery() throws Exception {
        api.faults().next(Route.QUERY, Fault.unavailable(Duration.ofSeconds(4)));
        String id = http.createTask(Bodies.KLING);

        HttpResponse<byte[]> r = http.query(id);

        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("Retry-After")).hasValue("4");
        assertThat(http.query(id).statusCode()).isEqualTo(200);
    }

    @Test
    void delayLongerThanTheClientTimeoutTimesOutButTheTaskExists() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.delay(Duration.ofSeconds(2)));

        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(http.uri("/v1/videos/generations"))
                .header("Authorization", "Bearer " + api.apiKey()).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Bodies.KLING)).timeout(Duration.ofMillis(300))))
                .isInstanceOf(HttpTimeoutException.class);
        assertThat(api.createdTaskIds()).hasSize(1);
    }

    @Test
    void delayedAnswerArrivesWhenTheClientWaits() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.delay(Duration.ofMillis(300)));

        long start = System.nanoTime();
        HttpResponse<byte[]> r = http.submit(Bodies.KLING);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }

    @Test
    void resetIsARealTcpReset() throws Exception {
        api.faults().next(Route.QUERY, Fault.reset());

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /v1/tasks/task-unified-1-abcdefgh HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + api.apiKey()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void resetReachesAnHttpClientAsAnIoErrorAndTheNextRequestWorks() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.reset());

        assertThatThrownBy(() -> http.submit(Bodies.KLING)).isInstanceOf(IOException.class);
        assertThat(api.createdTaskIds()).isEmpty();
        assertThat(http.submit(Bodies.KLING).statusCode()).isEqualTo(200);
    }

    @Test
    void resetAfterProcessingLeavesATask() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.reset().afterProcessing());

        assertThatThrownBy(() -> http.submit(Bodies.KLING)).isInstanceOf(IOException.class);
        assertThat(api.createdTaskIds()).hasSize(1);
    }

    @Test
    void disconnectClosesWithoutAnyByte() throws Exception {
        api.faults().next(Route.QUERY, Fault.disconnect());

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("GET /v1/tasks/x HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void truncatedBodyEndsBeforeItsContentLength() throws Exception {
        String id = http.createTask(Bodies.KLING);
        api.faults().next(Route.QUERY, Fault.truncatedBody());

        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), api.port())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET /v1/tasks/" + id + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + api.apiKey()
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String raw = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int headerEnd = raw.indexOf("\r\n\r\n");
            int declared = Integer.parseInt(raw.lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                    .findFirst().orElseThrow().substring(15).trim());
            assertThat(raw).startsWith("HTTP/1.1 200");
            assertThat(raw.length() - headerEnd - 4).isPositive().isLessThan(declared);
        }
        assertThatThrownBy(() -> {
            api.faults().next(Route.QUERY, Fault.truncatedBody());
            http.query(id);
        }).isInstanceOf(IOException.class);
    }

    @Test
    void malformedJsonIsACompleteAnswerThatDoesNotParse() throws Exception {
        api.faults().next(Route.SUBMIT, Fault.malformedJson());

        HttpResponse<byte[]> r = http.submit(Bodies.KLING);

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(new String(r.body(), StandardCharsets.UTF_8)).startsWith("{\"created\"");
        assertThatThrownBy(() -> Http.JSON.readTree(r.body())).isInstanceOf(JsonProcessingException.class);
        assertThat(api.createdTaskIds()).hasSize(1);
    }

    @Test
    void unknownFieldsEverywhere() throws Exception {
        api.faults().unknownFields(true);
        String id = http.createTask(Bodies.KLING);
        http.query(id);

        JsonNode done = json(http.query(id));

        assertThat(done.has("x_fake_unknown")).isTrue();
        assertThat(done.at("/usage/x_fake_unknown").asInt()).isEqualTo(42);
        assertThat(done.at("/results/0/x_fake_thumbnail_url").isTextual()).isTrue();
        assertThat(done.at("/results/0/url").asText()).contains("/files/" + id);
    }

    @Test
    void unknownStatusOnce() throws Exception {
        String id = http.createTask(Bodies.KLING);
        api.faults().next(Route.QUERY, Fault.unknownStatus("queued"));

        assertThat(json(http.query(id)).get("status").asText()).isEqualTo("queued");
        assertThat(json(http.query(id)).get("status").asText()).isEqualTo("completed");
    }

    @Test
    void completedWithEmptyResultsOnce() throws Exception {
        api.faults().completedWithoutResults(1);
        String id = http.createTask(Bodies.KLING);

        assertThat(json(http.query(id)).get("status").asText()).isEqualTo("pending"); // not used up by a running task
        JsonNode empty = json(http.query(id));
        JsonNode full = json(http.query(id));

        assertThat(empty.get("status").asText()).isEqualTo("completed");
        assertThat(empty.get("results")).isEmpty();
        assertThat(full.get("results")).hasSize(1);
        assertThat(api.faults().pendingEmptyResults()).isZero();
    }

    @Test
    void faultsOnTheResultDownload() throws Exception {
        api.defaultLifecycle(Lifecycle.completedAtFirstPoll());
        String id = http.createTask(Bodies.KLING);
        java.net.URI url = java.net.URI.create(json(http.query(id)).at("/results/0/url").asText());
        api.faults().next(Route.RESULT, Fault.status(503)).next(Route.RESULT, Fault.truncatedBody());

        assertThat(http.get(url).statusCode()).isEqualTo(503);
        assertThatThrownBy(() -> http.get(url)).isInstanceOf(IOException.class);
        assertThat(http.get(url).body()).isEqualTo(SampleVideo.bytes());
    }

    @Test
    void randomFaultsHitAtTheirRateAndReplayWithTheSameSeed() throws Exception {
        String id = http.createTask(Bodies.KLING);
        RandomFaults faults = RandomFaults.seeded(42).rate(Route.QUERY, Fault.status(503), 0.3);

        List<Integer> first = statuses(id, faults, 200);
        List<Integer> second = statuses(id, faults, 200);

        long unavailable = first.stream().filter(s -> s == 503).count();
        assertThat(unavailable).isBetween(35L, 85L); // 0.3 x 200 = 60; far outside this band the rate is not applied
        assertThat(first).containsOnly(200, 503);
        assertThat(second).isEqualTo(first);
    }

    @Test
    void randomFaultsOnlyHitTheirRoute() throws Exception {
        api.faults().random(RandomFaults.seeded(1).rate(Route.QUERY, Fault.status(500), 1.0));

        assertThat(http.submit(Bodies.KLING).statusCode()).isEqualTo(200);
        assertThat(http.query("task-unified-1-abcdefgh").statusCode()).isEqualTo(500);
    }

    @Test
    void scriptedFaultsComeBeforeRandomOnesAndClearForgetsAll() throws Exception {
        api.faults().random(RandomFaults.seeded(1).rate(Route.SUBMIT, Fault.status(503), 1.0))
                .next(Route.SUBMIT, Fault.status(429));

        assertThat(http.submit(Bodies.KLING).statusCode()).isEqualTo(429);
        assertThat(http.submit(Bodies.KLING).statusCode()).isEqualTo(503);
        api.faults().clear();
        assertThat(http.submit(Bodies.KLING).statusCode()).isEqualTo(200);
    }

    private List<Integer> statuses(String id, RandomFaults faults, int n) throws Exception {
        api.faults().random(faults);
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            statuses.add(http.query(id).statusCode());
        }
        return statuses;
    }

    @Test
    void closeStopsEveryThreadItStarted() throws Exception {
        FakeVideoApi other = FakeVideoApi.builder().start();
        Http client = new Http(other);
        other.faults().next(Route.SUBMIT, Fault.delay(Duration.ofSeconds(30)));
        Thread waiting = new Thread(() -> {
            try {
                client.submit(Bodies.KLING);
            } catch (Exception expected) {
                // the server goes away under it
            }
        });
        waiting.start();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (other.submitCount() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10); // until the delayed submit is in, so the next one is not the delayed one
        }
        client.createTask(Bodies.KLING);
        api.close();

        other.close();
        waiting.join(10_000);

        assertThat(waiting.isAlive()).isFalse();
        // a pool reports termination a moment before its threads have returned: allow them a bounded moment
        java.util.function.Supplier<java.util.List<String>> left = () -> Thread.getAllStackTraces().keySet().stream()
                .map(Thread::getName).filter(name -> name.startsWith("vidgen-fake-api") || name.equals("HTTP-Dispatcher")).toList();
        long until = System.nanoTime() + 2_000_000_000L;
        while (!left.get().isEmpty() && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertThat(left.get()).isEmpty();
    }
}
