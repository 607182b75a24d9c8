package dev.vidgen.fake.server;

import dev.vidgen.loopback.ConnectionFaults;
import dev.vidgen.loopback.LoopbackServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP relay in front of the JDK HTTP server, on the shared {@link LoopbackServer}. It exists
 * for one reason: the JDK server gives a handler no access to its socket, so it cannot send a TCP
 * reset; the relay owns the client's socket and can ({@link ConnectionFaults#reset}). Each client
 * connection gets its own connection to the HTTP server, found again by that connection's local
 * port, which the HTTP server sees as the exchange's remote port.
 */
final class TcpFront implements AutoCloseable {

    private final InetSocketAddress backend;
    private final Map<Integer, Socket> clientsByBackendPort = new ConcurrentHashMap<>();
    private final LoopbackServer server;

    TcpFront(int port, InetSocketAddress backend) throws IOException {
        this.backend = backend;
        this.server = LoopbackServer.start(port, 128, "vidgen-fake-api-tcp-", this::relay);
    }

    int port() {
        return server.port();
    }

    /** Resets the client connection behind the HTTP server's connection from {@code backendClient}; returns whether it was found. */
    boolean reset(InetSocketAddress backendClient) {
        Socket client = clientsByBackendPort.get(backendClient.getPort());
        if (client == null) {
            return false;
        }
        ConnectionFaults.reset(client); // the relay then sees the broken pipe and closes the backend side
        return true;
    }

    /** Runs on the accepted connection's thread: one direction here, the other on a second server thread; returns when both ended. */
    private void relay(Socket client, int connection) throws IOException {
        Socket backendSocket = new Socket();
        server.track(backendSocket);
        int backendPort = -1;
        try {
            backendSocket.connect(backend, 5_000);
            client.setTcpNoDelay(true);
            backendSocket.setTcpNoDelay(true);
            backendPort = backendSocket.getLocalPort();
            clientsByBackendPort.put(backendPort, client);
            CountDownLatch answersDone = new CountDownLatch(1);
            server.execute(() -> {
                try {
                    pump(backendSocket, client);
                } finally {
                    answersDone.countDown();
                }
            });
            pump(client, backendSocket);
            answersDone.await(); // a half-closed client still gets its answer: both directions end before the sockets close
        } catch (InterruptedException closing) {
            Thread.currentThread().interrupt();
        } finally {
            if (backendPort >= 0) {
                clientsByBackendPort.remove(backendPort);
            }
            server.untrack(backendSocket);
        }
    }

    /** Copies one direction; at end of stream passes the half-close on; a failure on either side breaks both. */
    private static void pump(Socket from, Socket to) {
        byte[] buffer = new byte[8192];
        try {
            // not try-with-resources: closing a socket's stream closes the socket, and the other direction still needs it
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
            ConnectionFaults.halfClose(to);
        } catch (IOException e) {
            // a reset on one side: break the other side too
            ConnectionFaults.closeQuietly(from);
            ConnectionFaults.closeQuietly(to);
        }
    }

    @Override
    public void close() {
        server.close();
        clientsByBackendPort.clear();
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
