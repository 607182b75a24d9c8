package dev.vidgen.loopback;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.util.function.BooleanSupplier;

/** Connection-level misbehaviours a test server shows on purpose, and quiet closing. */
public final class ConnectionFaults {

    private ConnectionFaults() {
    }

    /** Closes {@code socket} with a TCP reset (RST) instead of an orderly FIN. */
    public static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close() now sends RST instead of FIN
        } catch (SocketException e) {
            // already closed: nothing to reset
        }
        closeQuietly(socket);
    }

    /** Ends the server's sending side (FIN) while still reading what the peer sends. */
    public static void halfClose(Socket socket) throws IOException {
        socket.shutdownOutput();
    }

    /** Reads and discards until the peer closes: the server hangs without answering. */
    public static void hang(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        while (in.read(sink) != -1) {
            // discard whatever comes until the peer closes
        }
    }

    /**
     * Writes {@code piece} over and over, {@code pauseMillis} apart, until the peer hangs up or
     * {@code stop} says so.
     *
     * @return the bytes written before that
     */
    public static long trickle(OutputStream out, byte[] piece, long pauseMillis, BooleanSupplier stop) {
        long written = 0;
        try {
            while (!stop.getAsBoolean()) {
                out.write(piece);
                out.flush();
                written += piece.length;
                if (pauseMillis > 0) {
                    sleep(pauseMillis);
                }
            }
        } catch (IOException hungUp) {
            // the peer closed the connection (or the server is closing): the end of a trickle
        }
        return written;
    }

    /** Writes {@code bytes} one at a time, {@code pauseMillis} apart. */
    public static void trickleBytes(OutputStream out, byte[] bytes, long pauseMillis) throws IOException {
        for (byte b : bytes) {
            out.write(b);
            out.flush();
            sleep(pauseMillis);
        }
    }

    /** Sleeps; an interrupt (the server closing) becomes an {@link InterruptedIOException}. */
    public static void sleep(long millis) throws InterruptedIOException {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("server closing");
        }
    }

    /** Closes {@code c}, ignoring failures and {@code null}. */
    public static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            // closing after a failure: nothing more to do
        }
    }
}
