package dev.vidgen.fake.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A plain TCP relay in front of the JDK HTTP server. It exists for one reason: the JDK server
 * gives a handler no access to its socket, so it cannot send a TCP reset; the relay owns the
 * client's socket and can ({@code SO_LINGER 0}, then close). Each client connection gets its own
 * connection to the HTTP server, found again by that connection's local port, which the HTTP
 * server sees as the exchange's remote port.
 */
final class TcpFront implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService threads;
    private final Map<Integer, Socket> clientsByBackendPort = new ConcurrentHashMap<>();
    private final Map<Socket, Socket> open = new ConcurrentHashMap<>();
    private volatile boolean closed;

    TcpFront(int port, InetSocketAddress backend) throws IOException {
        this.listener = new ServerSocket(port, 128, InetAddress.getLoopbackAddress());
        this.backend = backend;
        this.threads = Executors.newCachedThreadPool(daemonThreads("vidgen-fake-api-tcp-"));
        threads.execute(this::acceptLoop);
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Resets the client connection behind the HTTP server's connection from {@code backendClient}; returns whether it was found. */
    boolean reset(InetSocketAddress backendClient) {
        Socket client = clientsByBackendPort.get(backendClient.getPort());
        if (client == null) {
            return false;
        }
        try {
            client.setSoLinger(true, 0); // close() now sends RST instead of FIN
        } catch (SocketException e) {
            // already closed: nothing to reset
        }
        closeQuietly(client);
        Socket server = open.remove(client);
        closeQuietly(server);
        return true;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // listener closed
            }
            try {
                Socket server = new Socket();
                server.connect(backend, 5_000);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                clientsByBackendPort.put(server.getLocalPort(), client);
                open.put(client, server);
                AtomicInteger halvesOpen = new AtomicInteger(2);
                threads.execute(() -> pump(client, server, server.getLocalPort(), halvesOpen));
                threads.execute(() -> pump(server, client, server.getLocalPort(), halvesOpen));
            } catch (IOException | RuntimeException e) {
                closeQuietly(client);
            }
        }
    }

    /** Copies one direction; at end of stream passes the half-close on; the last direction to end closes both. */
    private void pump(Socket from, Socket to, int backendPort, AtomicInteger halvesOpen) {
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
            to.shutdownOutput();
        } catch (IOException e) {
            // a reset on one side: break the other side too
            closeQuietly(from);
            closeQuietly(to);
        } finally {
            if (halvesOpen.decrementAndGet() == 0) {
                closeQuietly(from);
                closeQuietly(to);
                Socket client = clientsByBackendPort.remove(backendPort);
                if (client != null) {
                    open.remove(client);
                }
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(listener);
        closeOpenConnections();
        threads.shutdownNow(); // socket reads ignore interrupts: pumps end when their sockets close
        try {
            // a connection accepted just before the listener closed can still join `open`: close again until all pumps end
            for (int i = 0; i < 50 && !threads.awaitTermination(100, TimeUnit.MILLISECONDS); i++) {
                closeOpenConnections();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        clientsByBackendPort.clear();
    }

    private void closeOpenConnections() {
        open.forEach((client, server) -> {
            closeQuietly(client);
            closeQuietly(server);
        });
        open.clear();
    }

    private static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing after a failure: nothing more to do
        }
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
