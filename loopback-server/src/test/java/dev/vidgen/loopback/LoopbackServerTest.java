package dev.vidgen.loopback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The accept loop and the connection faults, over real loopback sockets. */
class LoopbackServerTest {

    private static Socket connect(LoopbackServer server) throws IOException {
        Socket s = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), server.port());
        s.setSoTimeout(10_000); // a bound so that a broken server fails the test instead of hanging it
        return s;
    }

    private static boolean within10s(BooleanSupplier condition) throws InterruptedException {
        for (int i = 0; i < 500; i++) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }

    @Test
    void aResetIsSeenByTheClientAsConnectionReset() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(0, 50, "loopback-reset-test-", (socket, n) -> {
                socket.getInputStream().read(); // wait for the client's byte, then reset instead of answering
                ConnectionFaults.reset(socket);
            });
             Socket client = connect(server)) {
            client.getOutputStream().write('x');
            client.getOutputStream().flush();
            assertThatThrownBy(() -> client.getInputStream().read())
                    .isInstanceOf(SocketException.class)
                    .hasMessageContaining("Connection reset");
        }
    }

    @Test
    void aHalfCloseEndsTheServersSideButStillReadsTheClients() throws Exception {
        BlockingQueue<String> heard = new LinkedBlockingQueue<>();
        try (LoopbackServer server = LoopbackServer.start(0, 50, "loopback-half-test-", (socket, n) -> {
                socket.getOutputStream().write("bye".getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                ConnectionFaults.halfClose(socket);
                heard.add(new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII));
            });
             Socket client = connect(server)) {
            assertThat(client.getInputStream().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("bye");
            client.getOutputStream().write("still here".getBytes(StandardCharsets.US_ASCII));
            client.shutdownOutput();
            assertThat(heard.poll(10, TimeUnit.SECONDS)).isEqualTo("still here");
        }
    }

    @Test
    void aTrickleWritesAtLeastWhatTheClientReadInOrderAndEndsWhenTheClientLeaves() throws Exception {
        BlockingQueue<Long> written = new LinkedBlockingQueue<>();
        byte[] piece = "abc".getBytes(StandardCharsets.US_ASCII);
        try (LoopbackServer server = LoopbackServer.start(0, 50, "loopback-trickle-test-", (socket, n) ->
                written.add(ConnectionFaults.trickle(socket.getOutputStream(), piece, 5, () -> false)))) {
            byte[] got;
            try (Socket client = connect(server)) {
                got = client.getInputStream().readNBytes(30);
            }
            assertThat(got).asString(StandardCharsets.US_ASCII).isEqualTo("abc".repeat(10));
            Long n = written.poll(10, TimeUnit.SECONDS);
            assertThat(n).isNotNull().isGreaterThanOrEqualTo(30L);
            assertThat(n % 3).isZero();
        }
    }

    @Test
    void trickleBytesSendsTheBytesInOrder() throws Exception {
        try (LoopbackServer server = LoopbackServer.start(0, 50, "loopback-bytes-test-", (socket, n) -> {
                ConnectionFaults.trickleBytes(socket.getOutputStream(), "hello".getBytes(StandardCharsets.US_ASCII), 1);
                ConnectionFaults.halfClose(socket);
                ConnectionFaults.hang(socket.getInputStream());
            });
             Socket client = connect(server)) {
            assertThat(client.getInputStream().readAllBytes()).asString(StandardCharsets.US_ASCII).isEqualTo("hello");
        }
    }

    @Test
    void closeEndsEveryConnectionAndEveryNamedThread() throws Exception {
        String prefix = "loopback-close-test-";
        LoopbackServer server = LoopbackServer.start(0, 50, prefix, (socket, n) -> ConnectionFaults.hang(socket.getInputStream()));
        List<Socket> clients = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            clients.add(connect(server));
        }
        assertThat(within10s(() -> server.openConnections() == 3)).as("three hanging connections").isTrue();
        assertThat(server.acceptedConnections()).isEqualTo(3);
        assertThat(liveThreads(prefix)).isGreaterThanOrEqualTo(4); // the accept loop and one per connection

        server.close();

        assertThat(server.isClosed()).isTrue();
        assertThat(within10s(() -> server.openConnections() == 0)).as("open connections after close").isTrue();
        assertThat(within10s(() -> liveThreads(prefix) == 0)).as("threads named " + prefix + " after close").isTrue();
        for (Socket c : clients) {
            try (c; InputStream in = c.getInputStream()) {
                assertThat(readOrFail(in)).as("the server's side is closed").isEqualTo(-1);
            }
        }
        assertThatThrownBy(() -> connect(server)).isInstanceOf(IOException.class);
    }

    @Test
    void aTrackedSocketIsClosedWithTheServer() throws Exception {
        Socket other = new Socket();
        try (LoopbackServer server = LoopbackServer.start(0, 50, "loopback-track-test-", (socket, n) -> { })) {
            server.track(other);
            assertThat(other.isClosed()).isFalse();
        }
        assertThat(other.isClosed()).isTrue();
    }

    @Test
    void aResponseHeadCarriesTheLengthAndTheConnectionChoice() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpResponseWriter.write(out, 200, java.util.Map.of("X-A", "b"), "hi".getBytes(StandardCharsets.US_ASCII), false);
        assertThat(out.toString(StandardCharsets.US_ASCII))
                .isEqualTo("HTTP/1.1 200 OK\r\nX-A: b\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi");
        ByteArrayOutputStream empty = new ByteArrayOutputStream();
        HttpResponseWriter.write(empty, 204, java.util.Map.of(), "ignored".getBytes(StandardCharsets.US_ASCII), true);
        assertThat(empty.toString(StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 204 No Content\r\n\r\n");
    }

    /** -1 at an orderly end; an aborted connection counts as ended too, -2 would mean data arrived. */
    private static int readOrFail(InputStream in) {
        try {
            int b = in.read();
            return b == -1 ? -1 : -2;
        } catch (IOException e) {
            return -1;
        }
    }

    private static long liveThreads(String prefix) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().startsWith(prefix)).count();
    }
}
