package dev.vidgen.cli;

import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vidgen fake-server}: the embedded fake API in the foreground, so that several commands
 * (and a user's own code) can share its tasks. Stops on Ctrl-C (SIGINT/SIGTERM). It deliberately
 * does not stop at the end of standard input: a server started in the background of a script has
 * no input at all and would stop at once.
 */
@Command(name = "fake-server", description = {
    "Run the embedded fake API in the foreground on 127.0.0.1 and print its base URL and key.",
    "Point other commands at it with FOXAPI_BASE_URL; it accepts any non-blank key. Stop it with Ctrl-C.",
    "With --fail-prompt-containing WORD, tasks whose prompt contains WORD fail, to try exit code 4."
})
final class FakeServerCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "Port on 127.0.0.1 (default 8080; 0 picks a free one)")
    int port;

    @Option(names = "--task-duration", paramLabel = "DURATION", defaultValue = "3s", converter = Durations.class,
            description = "How long each task takes (default 3s)")
    Duration taskDuration;

    @Option(names = "--fail-prompt-containing", paramLabel = "WORD",
            description = "Tasks whose prompt contains WORD (any case) fail with error code " + FAILURE_CODE + " (repeatable)")
    List<String> failWords;

    /** The error code of the tasks {@code --fail-prompt-containing} makes fail: the API's own code for a failed generation. */
    static final String FAILURE_CODE = "generation_failed";

    @Override
    public Integer call() {
        if (port < 0 || port > 65535) {
            throw CliException.usage("--port must be 0 to 65535, got " + port);
        }
        List<String> words = failWords == null ? List.of()
                : failWords.stream().map(w -> w.strip().toLowerCase(java.util.Locale.ROOT)).toList();
        if (words.stream().anyMatch(String::isEmpty)) {
            throw CliException.usage("--fail-prompt-containing needs a word, for example --fail-prompt-containing fail");
        }
        FakeVideoApi api;
        try {
            api = root.context().fakeApis().start(port, taskDuration, true);
        } catch (UncheckedIOException e) {
            throw CliException.usage("cannot listen on 127.0.0.1:" + port + " (" + e.getCause().getMessage()
                    + "); choose another port with --port N, or --port 0 for a free one");
        }
        if (!words.isEmpty()) {
            api.lifecycleWhen(request -> request.prompt() != null
                            && words.stream().anyMatch(request.prompt().toLowerCase(java.util.Locale.ROOT)::contains),
                    Lifecycle.builder().pending().processing(30).processing(60).estimatedTime(taskDuration)
                            .failedAfter(FAILURE_CODE, taskDuration));
        }
        Thread hook = new Thread(api::close, "vidgen-fake-server-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = root.out();
        try {
            out.println("vidgen fake API listening on " + api.baseUrl());
            out.println("key: " + api.apiKey() + " (any non-blank key is accepted)");
            out.println("tasks take " + Durations.format(taskDuration) + "; in another shell:");
            out.println("  export FOXAPI_BASE_URL=" + api.baseUrl());
            out.println("  export FOXAPI_API_KEY=" + api.apiKey());
            out.println("  vidgen generate --model kling-o3-ref --prompt 'a fox in the snow' --wait");
            if (!words.isEmpty()) {
                out.println("Tasks whose prompt contains " + String.join(" or ", words.stream().map(w -> "'" + w + "'").toList())
                        + " fail with error code " + FAILURE_CODE + " (vidgen exits 4).");
            }
            out.println("Press Ctrl-C to stop.");
            out.flush();
            root.context().stopSignal().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            api.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook closes the fake anyway
            }
        }
        root.err().println("fake API stopped");
        return ExitCode.OK;
    }
}
