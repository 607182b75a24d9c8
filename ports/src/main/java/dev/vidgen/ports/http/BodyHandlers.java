package dev.vidgen.ports.http;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/** The common {@link BodyHandler}s: bodies kept in memory, always with a bound. */
public final class BodyHandlers {

    /** The default most bytes of an answer kept in memory: 8 MiB. */
    public static final int DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

    private BodyHandlers() {
    }

    /**
     * The whole body in memory, or {@link BodyTooLargeException} as soon as it passes {@code max}
     * bytes (reading stops there).
     */
    public static BodyHandler<byte[]> limited(int max) {
        requirePositive(max);
        return head -> new Buffer(max, true);
    }

    /** The first {@code n} bytes of the body; reading stops there (the rest is never read). */
    public static BodyHandler<byte[]> firstBytes(int n) {
        requirePositive(n);
        return head -> new Buffer(n, false);
    }

    /** {@link #limited} for a 2xx answer, {@link #firstBytes} for any other status. */
    public static BodyHandler<byte[]> answer(int maxAnswer, int keptOfError) {
        BodyHandler<byte[]> ok = limited(maxAnswer);
        BodyHandler<byte[]> error = firstBytes(keptOfError);
        return head -> head.isSuccess() ? ok.open(head) : error.open(head);
    }

    private static void requirePositive(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("a byte limit must not be negative, got " + n);
        }
    }

    /** Bytes in memory up to a bound. */
    private static final class Buffer implements BodySink<byte[]> {
        private final int max;
        private final boolean failOver;
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();

        Buffer(int max, boolean failOver) {
            this.max = max;
            this.failOver = failOver;
        }

        @Override
        public boolean write(ByteBuffer data) {
            int room = max - kept.size();
            if (data.remaining() > room && failOver) {
                throw new BodyTooLargeException(max);
            }
            int n = Math.min(room, data.remaining());
            byte[] chunk = new byte[n];
            data.get(chunk);
            kept.write(chunk, 0, n);
            // a capped answer reads on to see whether more comes; a kept prefix stops once full
            return failOver || kept.size() < max;
        }

        @Override
        public byte[] finish() {
            return kept.toByteArray();
        }
    }
}
