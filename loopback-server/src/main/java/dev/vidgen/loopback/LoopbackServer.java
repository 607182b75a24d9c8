package dev.vidgen.loopback;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An accept loop on {@code 127.0.0.1}: each accepted connection is handed to a {@link Handler} on its
 * own daemon thread named {@code prefix + N}. It counts connections and, on {@link #close()}, closes the
 * listener and every connection it knows of and waits (bounded) for its threads to end.
 */
public final class LoopbackServer implements AutoCloseable {

    /** What to do with one accepted connection; the connection is closed when it returns. */
    @FunctionalInterface
    public interface Handler {
        /**
         * Serves {@code socket}; may throw when the peer goes away.
         *
         * @param socket     the accepted connection
         * @param connection its number, 1 for the first accepted
         */
        void handle(Socket socket, int connection) throws IOException;
    }

    private static final AtomicInteger THREAD_IDS = new AtomicInteger();

    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Handler handler;
    private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private volatile boolean closed;

    private LoopbackServer(int port, int backlog, String threadPrefix, Handler handler) throws IOException {
        this.listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), port), backlog);
        this.handler = handler;
        this.threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, threadPrefix + THREAD_IDS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        threads.execute(this::acceptLoop);
    }

    /**
     * Starts listening on {@code 127.0.0.1}.
     *
     * @param port         the port, 0 for a free one
     * @param backlog      the listen backlog
     * @param threadPrefix the name prefix of every thread this server starts
     * @param handler      what each connection gets
     * @throws IOException if the port cannot be bound
     */
    public static LoopbackServer start(int port, int backlog, String threadPrefix, Handler handler) throws IOException {
        return new LoopbackServer(port, backlog, threadPrefix, handler);
    }

    /** The port listened on. */
    public int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted and not yet closed (by either side). */
    public int openConnections() {
        return open.get();
    }

    /** Connections accepted since the start. */
    public int acceptedConnections() {
        return accepted.get();
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Runs {@code task} on one of this server's named threads (for work a handler fans out). */
    public void execute(Runnable task) {
        threads.execute(task);
    }

    /** Adds a socket the server did not accept (a relay's other side) to those closed by {@link #close()}. */
    public void track(Socket socket) {
        sockets.add(socket);
        if (closed) {
            ConnectionFaults.closeQuietly(socket);
        }
    }

    /** Removes a socket added by {@link #track(Socket)} and closes it. */
    public void untrack(Socket socket) {
        sockets.remove(socket);
        ConnectionFaults.closeQuietly(socket);
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                return; // listener closed
            }
            int connection = accepted.incrementAndGet();
            sockets.add(socket);
            open.incrementAndGet();
            try {
                threads.execute(() -> serve(socket, connection));
            } catch (RuntimeException rejected) {
                forget(socket); // closing: the pool takes no more work
            }
        }
    }

    private void serve(Socket socket, int connection) {
        try {
            if (!closed) {
                handler.handle(socket, connection);
            }
        } catch (IOException | RuntimeException e) {
            // the peer went away or the server is closing: nothing more to do on this connection
        } finally {
            forget(socket);
        }
    }

    private void forget(Socket socket) {
        ConnectionFaults.closeQuietly(socket);
        if (sockets.remove(socket)) {
            open.decrementAndGet();
        }
    }

    /** Closes the listener and every connection; waits up to about 5 s for this server's threads to end. */
    @Override
    public void close() {
        closed = true;
        ConnectionFaults.closeQuietly(listener);
        sockets.forEach(ConnectionFaults::closeQuietly);
        threads.shutdownNow(); // socket reads ignore interrupts: handlers end when their sockets close
        try {
            // a connection accepted just before the listener closed can still join: close again until all end
            for (int i = 0; i < 50 && !threads.awaitTermination(100, TimeUnit.MILLISECONDS); i++) {
                sockets.forEach(ConnectionFaults::closeQuietly);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
