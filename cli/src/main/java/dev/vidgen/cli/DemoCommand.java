package dev.vidgen.cli;

import dev.vidgen.client.ApiKey;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.fake.server.FakeVideoApi;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code vidgen demo}: a guided run on the embedded fake API, so that a new user sees the whole
 * flow (validate, submit, progress, download) in seconds and without an account.
 */
@Command(name = "demo", description = {
    "A guided run on the embedded fake API: validate a request, submit it, follow its progress, download the video.",
    "Nothing leaves this machine; takes a few seconds."
})
final class DemoCommand implements Callable<Integer> {

    static final String INVALID = """
            {"model": "veo-3.1-fast-reference-to-video",
             "prompt": "A red fox trotting through fresh snow at dawn",
             "reference_image_urls": ["https://example.com/fox-1.png", "https://example.com/fox-2.png",
                                      "https://example.com/fox-3.png", "https://example.com/fox-4.png"],
             "safety_tolerance": 9,
             "enhance_prompt": true}""";

    static final String VALID = """
            {"model": "veo-3.1-fast-reference-to-video",
             "prompt": "A red fox trotting through fresh snow at dawn",
             "reference_image_urls": ["https://example.com/fox-1.png", "https://example.com/fox-2.png"],
             "aspect_ratio": "16:9"}""";

    @ParentCommand
    VidgenCli root;

    @Option(names = "--output", paramLabel = "PATH", description = "Where to save the video (default: a new temporary file); "
            + "an existing file is kept unless --force")
    String outputText;

    @Option(names = "--force", description = "With --output: replace an existing regular file")
    boolean force;

    @Option(names = "--task-duration", paramLabel = "DURATION", defaultValue = "4s", converter = Durations.class,
            description = "How long the fake task takes (default 4s)")
    Duration taskDuration;

    @Override
    public Integer call() throws IOException {
        long started = System.nanoTime();
        PrintWriter out = root.out();
        CliContext ctx = root.context();
        Path output = Inputs.checkOutput(outputText, force);
        if (root.apiKey != null || root.baseUrl != null || ctx.envValue(ApiKey.ENV_VAR) != null
                || ctx.envValue(Session.BASE_URL_ENV) != null) {
            root.err().println("note: the demo always runs on the embedded fake API; your key and base URL are not used");
        }
        out.println("vidgen demo: validate, submit, wait and download, on an embedded fake of the API (nothing leaves this machine).");
        out.println("Models: " + String.join(", ", LocalRules.catalog().modelIds()) + " (details: vidgen models)");

        out.println();
        out.println("1/4 Validate locally, before anything is paid for. This request breaks three rules:");
        indent(out, INVALID);
        try {
            LocalRules.read(INVALID.getBytes(StandardCharsets.UTF_8));
            out.println("    (unexpectedly valid)");
        } catch (RequestValidationException e) {
            for (Violation v : e.violations()) {
                out.println("    " + Errors.violationLine(v));
            }
        }
        out.println("    Fixed (2 images, no advanced fields), it passes:");
        indent(out, VALID);
        VideoRequest request = LocalRules.read(VALID.getBytes(StandardCharsets.UTF_8));
        out.println("    valid (same check as: vidgen validate FILE)");
        out.flush();

        FakeVideoApi fake = ctx.fakeApis().start(0, taskDuration, false);
        try (Session s = Session.onFake(null, fake)) {
            out.println();
            out.println("2/4 Submit to the fake API at " + fake.baseUrl() + " (vidgen submit FILE):");
            VideoTask task = s.client().submit(request);
            out.println("    task " + task.id() + " is " + Printable.text(task.status().raw()) + " (the server estimates "
                    + (task.estimatedTime() == null ? "?" : Durations.format(task.estimatedTime())) + ")");
            out.println();
            out.println("3/4 Wait, polling as the task progresses (vidgen wait " + task.id() + "):");
            out.flush();
            ProgressPrinter progress = new ProgressPrinter(root.err(), ctx.terminal());
            VideoTask done;
            try {
                done = s.client().await(task.id(), s.awaitOptions(Duration.ofMinutes(1), progress));
            } finally {
                progress.finish();
            }
            out.println("    " + Printable.text(done.status().raw() + ": "
                    + done.firstResultUrl().map(Object::toString).orElse("(no result URL)")));
            out.println();
            Path target = output != null ? output : Files.createTempFile("vidgen-demo-", ".mp4");
            out.println("4/4 Download the result (vidgen download " + task.id() + " --output FILE):");
            s.client().download(done, 0, target);
            out.println("    saved " + target.toAbsolutePath() + " (" + Files.size(target) + " bytes)");
        }
        out.println();
        out.println("Done in " + Durations.format(Duration.ofNanos(System.nanoTime() - started))
                + ". Next: 'vidgen generate --help', 'vidgen fake-server', or set FOXAPI_API_KEY to use the real API.");
        return ExitCode.OK;
    }

    private static void indent(PrintWriter out, String text) {
        text.lines().forEach(l -> out.println("    " + l));
    }
}
