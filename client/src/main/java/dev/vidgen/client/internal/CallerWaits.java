package dev.vidgen.client.internal;

import java.util.function.Supplier;

/**
 * Marks a thread that will block on the call it is starting (the blocking {@code submit} and
 * {@code get}). The call's first attempt then runs as a blocking {@code HttpTransport.send} on that
 * very thread: the I/O thread wakes the caller directly, one hand-off instead of a detour through the
 * transport's callback threads. No stage of the caller's runs in between, so nothing of the caller's
 * can land on an I/O thread. The mark is taken once: a call started later on the same thread (from
 * an observer, say) is async again.
 */
public final class CallerWaits {

    private static final ThreadLocal<Boolean> MARK = new ThreadLocal<>();

    private CallerWaits() {
    }

    /** Starts a call with the current thread marked as waiting for it. */
    public static <T> T start(Supplier<T> call) {
        MARK.set(Boolean.TRUE);
        try {
            return call.get();
        } finally {
            MARK.remove();
        }
    }

    /** Whether the current thread waits for the call being started; clears the mark. */
    public static boolean take() {
        if (MARK.get() == null) {
            return false;
        }
        MARK.remove();
        return true;
    }
}
