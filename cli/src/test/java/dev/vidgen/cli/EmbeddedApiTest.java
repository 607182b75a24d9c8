package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.cli.CliHarness.Result;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Route;
import dev.vidgen.fake.server.SampleVideo;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration from the environment, the embedded fake API, {@code fake-server} and {@code demo}. */
class EmbeddedApiTest {

    @TempDir
    Path dir;

    private Path validVeo() throws Exception {
        return Files.writeString(dir.resolve("veo.json"), OfflineCommandsTest.VALID_VEO);
    }

    @Test
    void withoutKeyOrBaseUrlTheEmbeddedFakeRunsTheWholeFlowAndSaysSoInOneLine() throws Exception {
        CliHarness cli = new CliHarness();
        Path video = dir.resolve("v.mp4");

        Result r = cli.run("submit", validVeo().toString(), "--output", video.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.errLines()).filteredOn(l -> l.contains("embedded fake API")).singleElement().asString()
                .contains("http://127.0.0.1:");
        assertThat(video).hasBinaryContent(SampleVideo.bytes());
        assertThat(cli.started).singleElement().satisfies(api -> assertThat(api.submitCount()).isEqualTo(1));
    }

    @Test
    void emptyEnvironmentVariablesCountAsUnset() throws Exception {
        CliHarness cli = new CliHarness().env("FOXAPI_API_KEY", "").env("FOXAPI_BASE_URL", "  ");

        Result r = cli.run("submit", validVeo().toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("embedded fake API");
        assertThat(cli.started).hasSize(1);
    }

    @Test
    void anUnknownTaskOnTheEmbeddedFakeExplainsThatItStartsEmpty() {
        Result r = new CliHarness().run("status", "task-unified-1757165031-uyujaw3d");

        assertThat(r.code()).isEqualTo(ExitCode.API_ERROR);
        assertThat(r.err()).contains("no such task", "fake-server", "FOXAPI_BASE_URL");
    }

    @Test
    void aBaseUrlWithoutAKeyIsAUsageError() {
        Result r = new CliHarness().env("FOXAPI_BASE_URL", "https://api.foxapi.cc").run("status", "task-unified-1757165031-uyujaw3d");

        assertThat(r.code()).isEqualTo(ExitCode.USAGE);
        assertThat(r.err()).contains("no API key");
    }

    @Test
    void optionsWinOverTheEnvironment() throws Exception {
        try (FakeVideoApi api = FakeVideoApi.builder().apiKeys(CliHarness.KEY).start()) {
            CliHarness cli = new CliHarness().env("FOXAPI_BASE_URL", "http://127.0.0.1:1").env("FOXAPI_API_KEY", "sk-env-key-not-this-one");

            Result r = cli.run("submit", validVeo().toString(), "--base-url", api.baseUrl().toString(), "--api-key", CliHarness.KEY);

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(api.requests(Route.SUBMIT)).singleElement().satisfies(req -> assertThat(req.authorized()).isTrue());
            assertThat(cli.started).isEmpty();
        }
    }

    @Test
    void onATerminalTheProgressIsOneBarRedrawnInPlace() throws Exception {
        Result r = new CliHarness().terminal(true).run("submit", validVeo().toString(), "--wait");

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.err()).contains("\r").contains("[#").contains("100%").doesNotContain("progress: ");
        String bar = r.err().substring(r.err().lastIndexOf('\r') + 1);
        assertThat(bar).startsWith("completed").contains("[" + "#".repeat(ProgressPrinter.BAR_WIDTH) + "]").endsWith("\n");
    }

    @Test
    void fakeServerRunsInTheForegroundUntilStoppedAndServesOtherCommands() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        CliHarness server = new CliHarness().stopSignal(stop::await);
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(
                () -> server.run("fake-server", "--port", Integer.toString(port), "--task-duration", "300ms"));
        try {
            FakeVideoApi api = awaitStarted(server);
            assertThat(api.baseUrl().toString()).isEqualTo("http://127.0.0.1:" + port);

            // any key works against fake-server, so a user's own settings do
            CliHarness client = new CliHarness().env("FOXAPI_BASE_URL", api.baseUrl().toString()).env("FOXAPI_API_KEY", CliHarness.KEY);
            Result submit = client.run("submit", validVeo().toString(), "--wait");
            assertThat(submit.code()).as(submit.toString()).isZero();
            Result status = client.run("status", submit.outLines().get(0));
            assertThat(status.out()).contains("completed");
        } finally {
            stop.countDown();
        }
        Result r = running.get(10, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.toString()).isZero();
        Matcher m = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)").matcher(r.out());
        assertThat(m.find()).as(r.out()).isTrue();
        assertThat(m.group(1)).isEqualTo("http://127.0.0.1:" + port);
        assertThat(r.out()).contains("key: " + FakeVideoApi.DEFAULT_API_KEY, "export FOXAPI_BASE_URL=" + m.group(1));
        assertThat(r.err()).contains("fake API stopped");
        assertThat(server.started.get(0).submitCount()).isEqualTo(1);
    }

    @Test
    void fakeServerOnAPortInUseIsAUsageError() throws Exception {
        try (FakeVideoApi busy = FakeVideoApi.start()) {
            Result r = new CliHarness().stopSignal(() -> { }).run("fake-server", "--port", Integer.toString(busy.port()));

            assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.USAGE);
            assertThat(r.err()).contains("--port");
        }
    }

    @Test
    void demoValidatesSubmitsWaitsAndDownloads() throws Exception {
        Path video = dir.resolve("demo.mp4");
        CliHarness cli = new CliHarness().env("FOXAPI_API_KEY", CliHarness.KEY);

        Result r = cli.run("demo", "--task-duration", "500ms", "--output", video.toString());

        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("1/4", "2/4", "3/4", "4/4", "Done in");
        assertThat(r.out()).contains("[veo.reference-images.count]", "[veo.safety-tolerance.range]", "[veo.variant.enhance-prompt]");
        assertThat(r.err()).contains("progress: completed 100%");
        assertThat(r.err()).contains("demo always runs on the embedded fake API");
        assertThat(video).hasBinaryContent(SampleVideo.bytes());
        assertThat(cli.started).singleElement().satisfies(api -> {
            assertThat(api.submitCount()).isEqualTo(1);
            assertThat(api.requests(Route.SUBMIT).get(0).authorized()).isTrue();
        });
    }

    @Test
    void aTimeoutOnTheEmbeddedFakeSaysWhatToDoInsteadOfResumingATaskThatIsGone() throws Exception {
        CliHarness cli = new CliHarness().onFakeStart(api -> api.defaultLifecycle(Lifecycle.builder().processing(30).runsForever()));

        Result r = cli.run("submit", validVeo().toString(), "--timeout", "400ms");

        assertThat(r.code()).as(r.toString()).isEqualTo(ExitCode.TIMEOUT);
        assertThat(r.err()).contains("embedded fake API, which ended with this command", "longer --timeout", "vidgen fake-server")
                .doesNotContain("resume with");
    }

    @Test
    void fakeServerCanScriptFailingTasksByAPromptWordSoExitCode4CanBeTried() throws Exception {
        CountDownLatch stop = new CountDownLatch(1);
        CliHarness server = new CliHarness().stopSignal(stop::await);
        CompletableFuture<Result> running = CompletableFuture.supplyAsync(() -> server.run("fake-server", "--port", "0",
                "--task-duration", "300ms", "--fail-prompt-containing", "FAIL"));
        try {
            FakeVideoApi api = awaitStarted(server);
            CliHarness client = new CliHarness().env("FOXAPI_BASE_URL", api.baseUrl().toString()).env("FOXAPI_API_KEY", CliHarness.KEY);

            Result failed = client.run("generate", "--model", "kling-o3-ref", "--prompt", "a fox that should fail", "--wait");
            assertThat(failed.code()).as(failed.toString()).isEqualTo(ExitCode.TASK_FAILED);
            assertThat(failed.err()).contains("error code " + FakeServerCommand.FAILURE_CODE);

            Result fine = client.run("generate", "--model", "kling-o3-ref", "--prompt", "a fox in the snow", "--wait");
            assertThat(fine.code()).as(fine.toString()).isZero();
        } finally {
            stop.countDown();
        }
        Result r = running.get(10, TimeUnit.SECONDS);
        assertThat(r.code()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Tasks whose prompt contains 'fail' fail with error code generation_failed");
    }

    private static FakeVideoApi awaitStarted(CliHarness server) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            synchronized (server.started) {
                if (!server.started.isEmpty()) {
                    return server.started.get(0);
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("fake-server did not start within 10 s");
    }
}
