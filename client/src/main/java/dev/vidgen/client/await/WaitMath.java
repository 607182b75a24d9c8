package dev.vidgen.client.await;

import dev.vidgen.client.error.ApiException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Small helpers of {@link TaskAwaiter}'s waits. */
final class WaitMath {

    private WaitMath() {
    }

    /** The cause inside the wrappers futures add. */
    static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    /** The server's {@code Retry-After}, when the error carries one. */
    static Optional<Duration> retryAfterOf(Throwable error) {
        return error instanceof ApiException api ? api.retryAfter() : Optional.empty();
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
