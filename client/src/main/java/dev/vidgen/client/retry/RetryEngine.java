package dev.vidgen.client.retry;

import dev.vidgen.ports.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The one retry and deadline engine: attempts, exponential backoff with jitter, {@code Retry-After}
 * and the call's deadline, all on the {@link Scheduler} (never sleeping a thread), driven by
 * {@link RetryClassifier}. Used by submit and task query; a download can use it the same way (its
 * attempt runs the blocking download on an executor and returns the future). Thread-safe; one
 * engine serves any number of calls.
 *
 * <pre>{@code
 * RetryEngine engine = new RetryEngine(scheduler, config.retryPolicy());
 * CompletableFuture<Path> done = engine.call(RetryEngine.Call.<Path>idempotent("download")
 *         .attemptTimeout(Duration.ofMinutes(5)).callTimeout(Duration.ofMinutes(30))
 *         .attempt((number, timeout) -> CompletableFuture.supplyAsync(() -> fetchOnce(timeout), executor))
 *         .build());
 * }</pre>
 *
 * <p>Rules: at most {@link RetryPolicy#maxAttempts()} attempts; a failure is retried when
 * {@link RetryClassifier#allowsRetry} says so; the wait before a retry is the server's
 * {@code Retry-After} if it gave one, else {@link RetryPolicy#backoff}; a retry that would start
 * at or after the deadline is not made (the last error ends the call at once); each attempt is
 * given the smaller of its own timeout and the time the call has left; at the deadline the attempt
 * in flight is cancelled and the call fails with {@link Call#deadlineError}. Cancelling the
 * returned future cancels the attempt in flight and the pending retry.
 */
public final class RetryEngine {

    /** The longest delay ever handed to the scheduler: longer timeouts are cut to it (no overflow). */
    public static final Duration MAX_DELAY = Duration.ofDays(3650);

    private final Scheduler scheduler;
    private final RetryPolicy policy;
    private final DoubleSupplier random;

    /** An engine with random jitter. */
    public RetryEngine(Scheduler scheduler, RetryPolicy policy) {
        this(scheduler, policy, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** An engine with this source of jitter (uniform in [0, 1); tests pass a constant). */
    public RetryEngine(Scheduler scheduler, RetryPolicy policy, DoubleSupplier random) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The policy of this engine. */
    public RetryPolicy policy() {
        return policy;
    }

    /** Runs a call: its first attempt starts now, on the caller's thread. */
    public <T> CompletableFuture<T> call(Call<T> call) {
        Objects.requireNonNull(call, "call");
        return new Run<>(call).start();
    }

    /** {@code now + d}, saturating instead of overflowing. */
    public static Instant after(Instant now, Duration d) {
        return now.plus(clamp(d));
    }

    /** {@code d} cut to [0, {@link #MAX_DELAY}]. */
    public static Duration clamp(Duration d) {
        return d.isNegative() ? Duration.ZERO : d.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : d;
    }

    /** One attempt: start it with this number (1 for the first) and timeout; the future completes with its outcome. */
    @FunctionalInterface
    public interface Attempt<T> {
        CompletableFuture<T> start(int number, Duration timeout);
    }

    /** Hears the end of every attempt (for a log line). */
    @FunctionalInterface
    public interface AttemptListener {
        /**
         * @param number   the attempt (1 for the first)
         * @param of       the most attempts the call may make
         * @param took     how long it took
         * @param error    its failure, {@code null} when it succeeded
         * @param decision what happens next, for a log line: empty, {@code "; retry in 900 ms"},
         *                 {@code "; no attempts left"} or why no retry is made
         */
        void ended(int number, int of, Duration took, Throwable error, String decision);
    }

    /** Makes the error of a call whose deadline passed. */
    @FunctionalInterface
    public interface DeadlineError {
        /**
         * @param attempts          attempts made
         * @param inFlight          whether one was still under way
         * @param mayHaveHadEffect  whether an attempt (or the one under way) may have had an effect
         * @param lastError         the last attempt's failure, {@code null} for none
         */
        RuntimeException create(int attempts, boolean inFlight, boolean mayHaveHadEffect, Throwable lastError);
    }

    /**
     * What to run and how: build with {@link #idempotent(String)} (queries, downloads: retried after
     * anything {@link RetryClassifier} does not call NEVER) or {@link #nonIdempotent(String)} (a
     * submit: an outcome that may have had an effect is not retried unless the policy opts in).
     */
    public static final class Call<T> {
        final String name;
        final boolean idempotent;
        final Duration attemptTimeout;
        final Duration callTimeout;
        final Attempt<T> attempt;
        final AttemptListener listener;
        final DeadlineError deadlineError;

        private Call(Builder<T> b) {
            this.name = b.name;
            this.idempotent = b.idempotent;
            this.attemptTimeout = positive(b.attemptTimeout, "attemptTimeout");
            this.callTimeout = positive(b.callTimeout, "callTimeout");
            this.attempt = Objects.requireNonNull(b.attempt, "attempt");
            this.listener = b.listener == null ? (n, of, took, error, decision) -> { } : b.listener;
            this.deadlineError = b.deadlineError != null ? b.deadlineError
                    : (attempts, inFlight, effect, last) -> new dev.vidgen.client.error.TransportIoException(name
                            + " did not finish within the call timeout of " + callTimeout + " (" + attempts
                            + (attempts == 1 ? " attempt)" : " attempts)"), last, false);
        }

        /** A call that may be repeated freely. */
        public static <T> Builder<T> idempotent(String name) {
            return new Builder<T>(name, true);
        }

        /** A call that must not be repeated once it may have had an effect. */
        public static <T> Builder<T> nonIdempotent(String name) {
            return new Builder<T>(name, false);
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isNegative() || d.isZero()) {
                throw new IllegalArgumentException(what + " must be positive, got " + d);
            }
            return clamp(d);
        }

        /** Builds a {@link Call}; attempt, attemptTimeout and callTimeout are required. */
        public static final class Builder<T> {
            private final String name;
            private final boolean idempotent;
            private Duration attemptTimeout;
            private Duration callTimeout;
            private Attempt<T> attempt;
            private AttemptListener listener;
            private DeadlineError deadlineError;

            private Builder(String name, boolean idempotent) {
                this.name = Objects.requireNonNull(name, "name");
                this.idempotent = idempotent;
            }

            /** The longest one attempt may take. */
            public Builder<T> attemptTimeout(Duration d) { this.attemptTimeout = d; return this; }

            /** The longest the whole call may take, retries and backoff included. */
            public Builder<T> callTimeout(Duration d) { this.callTimeout = d; return this; }

            /** Starts one attempt. */
            public Builder<T> attempt(Attempt<T> a) { this.attempt = a; return this; }

            /** Hears every attempt's end; default none. */
            public Builder<T> listener(AttemptListener l) { this.listener = l; return this; }

            /** The error at the deadline; default a {@code TransportIoException} naming the call. */
            public Builder<T> deadlineError(DeadlineError e) { this.deadlineError = e; return this; }

            /** Builds the call. */
            public Call<T> build() { return new Call<>(this); }
        }
    }

    /** One run of a call. */
    private final class Run<T> {
        private final Call<T> call;
        private final CompletableFuture<T> result = new CompletableFuture<>();
        private Instant deadline;
        private int attempts;
        private volatile boolean effect;
        private volatile Throwable lastError;
        private CompletableFuture<T> inFlight;
        private Scheduler.Cancellable retryTimer;
        private Scheduler.Cancellable deadlineTimer;

        Run(Call<T> call) {
            this.call = call;
        }

        CompletableFuture<T> start() {
            deadline = after(scheduler.now(), call.callTimeout);
            result.whenComplete((value, error) -> cleanUp());
            attempt();
            return result;
        }

        private void attempt() {
            int number;
            Instant started = scheduler.now();
            Duration left = Duration.between(started, deadline);
            synchronized (this) {
                retryTimer = null;
                if (result.isDone()) {
                    return;
                }
                number = ++attempts;
            }
            if (left.isNegative() || left.isZero()) {
                deadlinePassed();
                return;
            }
            boolean cutToTheDeadline = call.attemptTimeout.compareTo(left) >= 0;
            if (cutToTheDeadline) {
                armDeadline(left);
            }
            CompletableFuture<T> f;
            try {
                f = call.attempt.start(number, cutToTheDeadline ? left : call.attemptTimeout);
                if (f == null) {
                    throw new IllegalStateException("attempt " + number + " of " + call.name + " returned no future");
                }
            } catch (RuntimeException e) {
                f = CompletableFuture.failedFuture(e);
            }
            synchronized (this) {
                inFlight = f;
            }
            if (result.isDone()) {
                f.cancel(true);
                return;
            }
            f.whenComplete((value, error) -> ended(number, started, value, error));
        }

        private void ended(int number, Instant started, T value, Throwable error) {
            if (result.isDone()) {
                return;
            }
            Duration took = Duration.between(started, scheduler.now());
            if (error == null) {
                call.listener.ended(number, policy.maxAttempts(), took, null, "");
                result.complete(value);
                return;
            }
            Throwable cause = RetryClassifier.unwrap(error);
            if (cause instanceof CancellationException) {
                return; // the call was cancelled or timed out; the result is already settled
            }
            RetryClassifier.Verdict verdict = RetryClassifier.classify(cause);
            if (verdict.mayHaveHadEffect()) {
                effect = true;
            }
            lastError = cause;
            boolean retryable = RetryClassifier.allowsRetry(verdict, call.idempotent, policy);
            if (!retryable || number >= policy.maxAttempts()) {
                call.listener.ended(number, policy.maxAttempts(), took, cause, retryable ? "; no attempts left" : "");
                result.completeExceptionally(cause);
                return;
            }
            Duration delay = verdict.retryAfter() != null ? clamp(verdict.retryAfter()) : policy.backoff(number, random.getAsDouble());
            if (delay.compareTo(Duration.between(scheduler.now(), deadline)) >= 0) {
                call.listener.ended(number, policy.maxAttempts(), took, cause, "; a retry in " + delay + " would pass the call's deadline");
                result.completeExceptionally(cause);
                return;
            }
            call.listener.ended(number, policy.maxAttempts(), took, cause, "; retry in " + delay.toMillis() + " ms");
            Scheduler.Cancellable timer = scheduler.schedule(delay, this::attempt);
            synchronized (this) {
                retryTimer = timer;
            }
            if (result.isDone()) {
                timer.cancel();
            }
        }

        /**
         * The call's deadline gets a timer only once an attempt may still be in flight when it
         * passes: an attempt that ends before it is bounded by its own timeout (the transport
         * contract), and a backoff never reaches past it. So a call whose first attempt answers
         * within the attempt timeout arms no timer of its own: one timer per exchange, the transport's.
         */
        private void armDeadline(Duration left) {
            synchronized (this) {
                if (deadlineTimer != null || result.isDone()) {
                    return;
                }
            }
            Scheduler.Cancellable timer = scheduler.schedule(left, this::deadlinePassed);
            synchronized (this) {
                deadlineTimer = timer;
            }
            if (result.isDone()) {
                timer.cancel();
            }
        }

        private void deadlinePassed() {
            if (result.isDone()) {
                return;
            }
            boolean inFlightNow;
            int made;
            synchronized (this) {
                inFlightNow = inFlight != null && !inFlight.isDone();
                made = attempts;
            }
            result.completeExceptionally(call.deadlineError.create(made, inFlightNow, effect || inFlightNow, lastError));
        }

        private void cleanUp() {
            CompletableFuture<T> f;
            Scheduler.Cancellable t1;
            Scheduler.Cancellable t2;
            synchronized (this) {
                f = inFlight;
                t1 = retryTimer;
                t2 = deadlineTimer;
            }
            if (t1 != null) {
                t1.cancel();
            }
            if (t2 != null) {
                t2.cancel();
            }
            if (f != null && !f.isDone()) {
                f.cancel(true);
            }
        }
    }
}
