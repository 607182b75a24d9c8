package dev.vidgen.cli;

import dev.vidgen.fake.server.FakeVideoApi;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;

/**
 * Everything the {@code vidgen} command takes from its process: environment, streams, whether
 * output is a terminal, how the embedded fake API is started and how {@code fake-server} learns to
 * stop. {@link #system()} is the real process; tests build their own with {@link #builder()} and
 * run the whole command in-process.
 *
 * @param env                  environment variables ({@code FOXAPI_API_KEY}, {@code FOXAPI_BASE_URL})
 * @param in                   standard input (for {@code -} as a file)
 * @param out                  standard output
 * @param err                  standard error
 * @param terminal             whether the output is a terminal: a redrawn progress bar instead of progress lines
 * @param embeddedTaskDuration how long tasks take on the embedded fake API that commands start without a key
 * @param fakeApis             starts fake APIs (the embedded one and {@code fake-server}'s)
 * @param stopSignal           blocks {@code fake-server} until it should stop
 */
public record CliContext(Map<String, String> env, InputStream in, OutputStream out, OutputStream err, boolean terminal,
                         Duration embeddedTaskDuration, FakeApiStarter fakeApis, StopSignal stopSignal) {

    /** How long tasks take on the embedded fake API unless told otherwise: short enough for a first try. */
    public static final Duration DEFAULT_EMBEDDED_TASK_DURATION = Duration.ofSeconds(4);

    public CliContext {
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(out, "out");
        Objects.requireNonNull(err, "err");
        Objects.requireNonNull(embeddedTaskDuration, "embeddedTaskDuration");
        Objects.requireNonNull(fakeApis, "fakeApis");
        Objects.requireNonNull(stopSignal, "stopSignal");
    }

    /** The real process: {@link System#getenv()}, the standard streams, a terminal when {@link System#console()} exists. */
    public static CliContext system() {
        return builder().env(System.getenv()).in(System.in).out(System.out).err(System.err)
                .terminal(System.console() != null).build();
    }

    /** A builder; defaults: empty environment, no input, output discarded, not a terminal, fakes started normally, never told to stop. */
    public static Builder builder() {
        return new Builder();
    }

    /** The value of an environment variable; an empty or blank one counts as unset ({@code null}). */
    public String envValue(String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** Starts a fake API; tests replace it to script lifecycles or faults. */
    @FunctionalInterface
    public interface FakeApiStarter {

        /** The normal way: {@link FakeVideoApi#builder()} with this port (0 for a free one) and task duration. */
        FakeApiStarter DEFAULT = (port, taskDuration, anyKey) -> {
            FakeVideoApi.Builder b = FakeVideoApi.builder().port(port).taskDuration(taskDuration);
            if (anyKey) {
                b.acceptAnyApiKey();
            }
            return b.start();
        };

        /**
         * Starts a fake API on 127.0.0.1.
         *
         * @param port         the port, 0 for a free one
         * @param taskDuration how long its tasks take
         * @param acceptAnyKey whether any non-blank key is accepted (for {@code fake-server}, so a user's own settings work)
         */
        FakeVideoApi start(int port, Duration taskDuration, boolean acceptAnyKey);
    }

    /** Blocks {@code fake-server} until it should stop. */
    @FunctionalInterface
    public interface StopSignal {

        /** Never returns by itself: the process ends with Ctrl-C (a shutdown hook closes the fake). */
        StopSignal FOREVER = () -> new CountDownLatch(1).await();

        /** Returns when the server should stop. */
        void await() throws InterruptedException;
    }

    /** Builds a {@link CliContext}. */
    public static final class Builder {
        private Map<String, String> env = Map.of();
        private InputStream in = InputStream.nullInputStream();
        private OutputStream out = OutputStream.nullOutputStream();
        private OutputStream err = OutputStream.nullOutputStream();
        private boolean terminal;
        private Duration embeddedTaskDuration = DEFAULT_EMBEDDED_TASK_DURATION;
        private FakeApiStarter fakeApis = FakeApiStarter.DEFAULT;
        private StopSignal stopSignal = StopSignal.FOREVER;

        private Builder() {
        }

        /** The environment variables. */
        public Builder env(Map<String, String> env) { this.env = env; return this; }

        /** Standard input. */
        public Builder in(InputStream in) { this.in = in; return this; }

        /** Standard output. */
        public Builder out(OutputStream out) { this.out = out; return this; }

        /** Standard error. */
        public Builder err(OutputStream err) { this.err = err; return this; }

        /** Whether output is a terminal (a live progress bar) or not (progress lines). */
        public Builder terminal(boolean terminal) { this.terminal = terminal; return this; }

        /** How long tasks take on the embedded fake API. */
        public Builder embeddedTaskDuration(Duration d) { this.embeddedTaskDuration = d; return this; }

        /** How fake APIs are started. */
        public Builder fakeApis(FakeApiStarter starter) { this.fakeApis = starter; return this; }

        /** When {@code fake-server} stops. */
        public Builder stopSignal(StopSignal signal) { this.stopSignal = signal; return this; }

        /** Builds the context. */
        public CliContext build() {
            return new CliContext(env, in, out, err, terminal, embeddedTaskDuration, fakeApis, stopSignal);
        }
    }
}
