package dev.vidgen.fake.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake's own HTTP/1.1 connections, seen byte by byte from a raw socket: keep-alive, bounds, faults that break the connection, close. */
class ConnectionTest {

    private FakeVideoApi api;

    @BeforeEach
    void start() {
        api = FakeVideoApi.builder().start();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void oneConnectionCarriesRequestsUntilOneSaysClose() throws Exception {
        try (Socket socket = connect()) {
            send(socket, submit(Bodies.KLING, ""));
            Response submitted = Response.read(socket.getInputStream());
            String id = Http.JSON.readTree(submitted.body).get("id").asText();
            send(socket, query(id, ""));
            Response queried = Response.read(socket.getInputStream());
            send(socket, query(id, "Connection: close\r\n"));
            Response last = Response.read(socket.getInputStream());

            assertThat(submitted.status).isEqualTo(200);
            assertThat(submitted.header("connection")).isNull();
            assertThat(queried.status).isEqualTo(200);
            assertThat(Http.JSON.readTree(queried.body).get("id").asText()).isEqualTo(id);
            assertThat(last.status).isEqualTo(200);
            assertThat(last.header("connection")).isEqualTo("close");
            assertThat(socket.getInputStream().read()).as("end of stream after the closing answer").isEqualTo(-1);
        }
        assertThat(api.counters()).containsEntry("SUBMIT POST", 1).containsEntry("QUERY GET", 2);
    }

    @Test
    void aHeadAnswerHasNoBodySoTheNextAnswerFollowsAtOnce() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "HEAD /files/nope/0.mp4 HTTP/1.1\r\nHost: x\r\n\r\n");
            Response head = Response.readHead(socket.getInputStream());
            send(socket, "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
            Response next = Response.read(socket.getInputStream());

            assertThat(head.status).isEqualTo(404);
            assertThat(Long.parseLong(head.header("content-length"))).isPositive();
            assertThat(next.status).isEqualTo(404);
            assertThat(new String(next.body, StandardCharsets.UTF_8)).contains("no such route: GET /nowhere");
        }
    }

    @Test
    void headersAreRecordedWithTheNamesTheFakeHasAlwaysShown() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "GET /nowhere?a=b%20c HTTP/1.1\r\nHost: x\r\nX-CUSTOM-thing: one\r\nx-custom-THING: two\r\n\r\n");
            Response.read(socket.getInputStream());
        }
        RecordedRequest r = api.requests().get(0);
        assertThat(r.headers()).containsEntry("X-custom-thing", List.of("one", "two")).containsEntry("Host", List.of("x"));
        assertThat(r.path()).isEqualTo("/nowhere");
        assertThat(r.query()).isEqualTo("a=b%20c");
    }

    @Test
    void aBodyOverTheBoundIsRefusedWith413BeforeItIsReadAndNothingIsRecorded() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "POST /v1/videos/generations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + api.apiKey()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + (ApiConnection.MAX_BODY_BYTES + 1) + "\r\n\r\n{");
            Response refused = Response.read(socket.getInputStream());

            assertThat(refused.status).isEqualTo(413);
            assertThat(refused.header("connection")).isEqualTo("close");
            assertThat(new String(refused.body, StandardCharsets.UTF_8)).contains("larger than " + ApiConnection.MAX_BODY_BYTES + " bytes");
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(api.submitCount()).isZero();
    }

    @Test
    void aLargeBodyWithinTheBoundReachesTheApi() throws Exception {
        String body = "{\"model\":\"kling-o3-ref\",\"prompt\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        try (Socket socket = connect()) {
            send(socket, submit(body, ""));
            Response answer = Response.read(socket.getInputStream());

            assertThat(answer.status).isEqualTo(422); // the prompt is too long for the model, not the request for the fake
        }
        assertThat(api.requests(Route.SUBMIT)).singleElement().satisfies(r -> assertThat(r.body()).hasSize(body.length()));
    }

    @Test
    void aMalformedRequestGets400AndTheConnectionCloses() throws Exception {
        try (Socket socket = connect()) {
            send(socket, "NONSENSE\r\n\r\n");
            Response answer = Response.read(socket.getInputStream());

            assertThat(answer.status).isEqualTo(400);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void resetBreaksTheConnectionItCameOnAfterEarlierAnswers() throws Exception {
        api.faults().next(Route.QUERY, Fault.reset());
        try (Socket socket = connect()) {
            send(socket, "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(Response.read(socket.getInputStream()).status).isEqualTo(404);
            send(socket, query("task-unified-1-abcdefgh", ""));

            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
    }

    @Test
    void disconnectEndsAKeptAliveConnectionBeforeAnyByteOfItsAnswer() throws Exception {
        api.faults().next(Route.QUERY, Fault.disconnect());
        try (Socket socket = connect()) {
            send(socket, "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(Response.read(socket.getInputStream()).status).isEqualTo(404);
            send(socket, query("task-unified-1-abcdefgh", ""));

            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aDelayedAnswerTakesNoTurnFromOtherRequests() throws Exception {
        try (FakeVideoApi one = FakeVideoApi.builder().threads(1).start()) {
            one.faults().next(Route.SUBMIT, Fault.delay(Duration.ofSeconds(30)));
            Http http = new Http(one);
            CompletableFuture<Integer> delayed = CompletableFuture.supplyAsync(() -> {
                try {
                    return http.submit(Bodies.KLING).statusCode();
                } catch (IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitTrue(() -> one.submitCount() == 1);

            assertThat(http.query("task-unified-1-abcdefgh").statusCode()).isEqualTo(404);
            assertThat(delayed).isNotDone();
            one.close();
            assertThatThrownBy(() -> delayed.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
        }
    }

    @Test
    void closeEndsIdleAndDelayedConnectionsAndEveryThread() throws Exception {
        FakeVideoApi other = FakeVideoApi.builder().start();
        other.faults().next(Route.QUERY, Fault.delay(Duration.ofSeconds(30)));
        try (Socket idle = connect(other); Socket waiting = connect(other)) {
            send(idle, "GET /nowhere HTTP/1.1\r\nHost: x\r\n\r\n");
            assertThat(Response.read(idle.getInputStream()).status).isEqualTo(404);
            send(waiting, query("task-unified-1-abcdefgh", ""));
            awaitTrue(() -> other.queryCount() == 1);

            other.close();
            api.close();

            assertThat(idle.getInputStream().read()).isEqualTo(-1);
            assertThat(waiting.getInputStream().read()).isEqualTo(-1);
        }
        assertThatThrownBy(() -> connect(other)).isInstanceOf(ConnectException.class);
        // a pool reports termination a moment before its threads have returned: allow them a bounded moment
        Supplier<List<String>> left = () -> Thread.getAllStackTraces().keySet().stream()
                .filter(Thread::isAlive).map(Thread::getName).filter(n -> n.startsWith("vidgen-fake-api-")).toList();
        awaitTrue(() -> left.get().isEmpty());
        assertThat(left.get()).isEmpty();
    }

    private Socket connect() throws IOException {
        return connect(api);
    }

    private static Socket connect(FakeVideoApi fake) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), fake.port());
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static void send(Socket socket, String request) throws IOException {
        socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private String submit(String body, String extraHeaders) {
        return "POST /v1/videos/generations HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + api.apiKey()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n"
                + extraHeaders + "\r\n" + body;
    }

    private String query(String id, String extraHeaders) {
        return "GET /v1/tasks/" + id + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + api.apiKey() + "\r\n" + extraHeaders + "\r\n";
    }

    /** Waits for {@code condition}, at most 5 s: an ordering guard, not a timing assertion. */
    private static void awaitTrue(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
    }

    /** One answer as read off the socket: exactly its head and its Content-Length of body, nothing of what follows. */
    private record Response(int status, List<String> headerLines, byte[] body) {

        static Response readHead(InputStream in) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("end of stream inside the head: " + head.toString(StandardCharsets.ISO_8859_1));
                }
                head.write(b);
            }
            List<String> lines = head.toString(StandardCharsets.ISO_8859_1).lines().toList();
            return new Response(Integer.parseInt(lines.get(0).split(" ")[1]), lines.subList(1, lines.size()), new byte[0]);
        }

        static Response read(InputStream in) throws IOException {
            Response head = readHead(in);
            String length = head.header("content-length");
            byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
            return new Response(head.status, head.headerLines, body);
        }

        String header(String name) {
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                    .map(l -> l.substring(name.length() + 1).trim()).findFirst().orElse(null);
        }
    }
}
