package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.testkit.junit.FakeVideoApiExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs {@code vidgen} in-process with an injected environment and captured streams, and checks on
 * every run that neither stream contains the test's API key in any form a server may echo it
 * ({@link KeyForms}), nor a raw escape character.
 */
final class CliHarness {

    /** A key distinctive enough that finding it anywhere in the output can only mean a leak. */
    static final String KEY = "sk-cli-test-Zq7Hx2PvL9mK4wTr";

    /** The embedded fake's tasks in tests: short, so that waits take a second at most. */
    static final Duration EMBEDDED_TASK = Duration.ofMillis(500);

    /** Every fake API the context started (embedded and fake-server ones), for inspection. */
    final List<FakeVideoApi> started = new ArrayList<>();

    private final Map<String, String> env = new HashMap<>();
    private boolean terminal;
    private byte[] stdin = new byte[0];
    private CliContext.StopSignal stopSignal = CliContext.StopSignal.FOREVER;
    private Consumer<FakeVideoApi> onFakeStart = api -> { };

    /**
     * One fake API for a whole test class (in a {@code static @RegisterExtension} field) that knows
     * {@link #KEY}; it is reset before each test, so no task, counter or fault carries over.
     */
    static FakeVideoApiExtension sharedFake(Duration taskDuration) {
        return FakeVideoApiExtension.create(b -> b.apiKeys(KEY).taskDuration(taskDuration));
    }

    /** An environment pointing at {@code api} with {@link #KEY}. */
    static CliHarness against(FakeVideoApi api) {
        return new CliHarness().env("FOXAPI_BASE_URL", api.baseUrl().toString()).env("FOXAPI_API_KEY", KEY);
    }

    CliHarness env(String name, String value) {
        env.put(name, value);
        return this;
    }

    CliHarness terminal(boolean terminal) {
        this.terminal = terminal;
        return this;
    }

    CliHarness stdin(String text) {
        this.stdin = text.getBytes(StandardCharsets.UTF_8);
        return this;
    }

    CliHarness stopSignal(CliContext.StopSignal signal) {
        this.stopSignal = signal;
        return this;
    }

    /** Scripts every fake API the command starts (the embedded one, fake-server's) as soon as it runs. */
    CliHarness onFakeStart(Consumer<FakeVideoApi> script) {
        this.onFakeStart = script;
        return this;
    }

    /** Runs {@code vidgen args}; asserts the key appears in neither stream. */
    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CliContext ctx = CliContext.builder().env(env).in(new ByteArrayInputStream(stdin)).out(out).err(err)
                .terminal(terminal).embeddedTaskDuration(EMBEDDED_TASK).stopSignal(stopSignal)
                .fakeApis((port, d, any) -> {
                    FakeVideoApi api = CliContext.FakeApiStarter.DEFAULT.start(port, d, any);
                    onFakeStart.accept(api);
                    synchronized (started) {
                        started.add(api);
                    }
                    return api;
                })
                .build();
        int code = VidgenCli.execute(ctx, args);
        Result r = new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        for (String form : KeyForms.of(KEY)) {
            assertThat(r.out() + r.err()).as("output of vidgen %s shows the key as %s", String.join(" ", args), form)
                    .doesNotContain(form);
        }
        assertThat(r.out() + r.err()).as("no raw escape character").doesNotContain("\u001b");
        assertThat(r.err()).as("no stack trace").doesNotContain("\tat ").doesNotContain("Exception in thread");
        return r;
    }

    /**
     * One run's exit code and output.
     *
     * @param code the exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Result(int code, String out, String err) {

        /** Standard output's lines. */
        List<String> outLines() {
            return out.lines().toList();
        }

        /** Standard error's lines. */
        List<String> errLines() {
            return err.lines().toList();
        }

        @Override
        public String toString() {
            return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }
}
