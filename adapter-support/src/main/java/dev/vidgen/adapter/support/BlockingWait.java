package dev.vidgen.adapter.support;

import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportException.Kind;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The wait of a blocking {@code HttpTransport.send} whose caller is its own deadline: the caller's
 * timed wait replaces a timer thread, so the exchange's only hand-off is the I/O thread waking the caller.
 */
public final class BlockingWait {

    private BlockingWait() {
    }

    /**
     * Waits for {@code exchange}. When {@code timeout} passes, runs {@code expire} (which must settle
     * the future, normally with a timeout failure) and returns what it settled on. An interrupt runs
     * {@code cancel}, keeps the flag and throws a {@link TransportException} of kind IO.
     *
     * @return the response
     * @throws RuntimeException the failure the exchange settled on, as is
     */
    public static <T> T await(CompletableFuture<T> exchange, Duration timeout, Runnable expire, Runnable cancel) {
        try {
            try {
                return exchange.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            } catch (TimeoutException late) {
                expire.run();
                return exchange.get(); // settled by expire (or a completion that won the race)
            }
        } catch (InterruptedException e) {
            cancel.run();
            Thread.currentThread().interrupt();
            throw new TransportException(Kind.IO, "interrupted while waiting for the response", e);
        } catch (ExecutionException e) {
            throw TransportException.unchecked(e.getCause());
        }
    }
}
