package dev.vidgen.testkit;

import dev.vidgen.fake.Lifecycle;

import static dev.vidgen.testkit.assertj.VidgenAssertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.util.Modules;
import dev.vidgen.client.ClientConfig;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.guice.VideoClientModule;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.testkit.guice.FakeTaskPortModule;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.testkit.junit.FakeVideoApiExtension;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import dev.vidgen.fake.time.VirtualTime;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The example of the README section "Testing your application with vidgen-testkit", compiled and
 * run. The lines between the README markers are the README's code block; if README.md has the
 * section, {@link #readmeShowsThisExample()} checks that it still matches.
 */
class ReadmeExampleTest {

    /** Stands for the application's production module. */
    static final class AppModule extends AbstractModule {
        @Override
        protected void configure() {
            install(new VideoClientModule(ClientConfig.builder().apiKey("sk-production").build()));
        }
    }

    /** Stands for an application service whose method blocks until the video is ready. */
    static final class RenderService {
        private final VideoClient client;

        RenderService(VideoClient client) {
            this.client = client;
        }

        VideoTask render(String prompt) {
            return client.submitAndAwait(KlingReferenceRequest.builder().prompt(prompt).build());
        }
    }

    // README-BEGIN
    // 1. No HTTP, no waiting: the fake port and virtual time.
    @Test
    void rendersAScene() throws Exception {
        VirtualTime time = new VirtualTime();
        FakeTaskPort port = FakeTaskPort.builder().clock(time)
                .defaultLifecycle(Lifecycle.builder().pending().processing(30).processing(70)
                        .completedAfter(Duration.ofMinutes(10)))
                .build();
        try (VideoClient client = VideoClient.builder().taskPort(port).scheduler(time).build()) {
            CompletableFuture<VideoTask> render = client.submitAndAwaitAsync(
                    KlingReferenceRequest.builder().prompt("a rainy street at night").build(), AwaitOptions.defaults());

            time.advanceUntil(render::isDone, Duration.ofMinutes(30)); // ten minutes, in milliseconds

            assertThat(render.get()).isCompleted().hasResultUrl();
            assertThat(port).receivedSubmits(1);
        }
    }

    // 2. Your Guice application, swapped onto the fakes.
    @Test
    void appWiringOnTheFakes() {
        FakeTaskPort port = new FakeTaskPort();
        Injector injector = Guice.createInjector(Modules.override(new AppModule()).with(new FakeTaskPortModule(port)));

        try (VideoClient client = injector.getInstance(VideoClient.class)) {
            client.submit(KlingReferenceRequest.builder().prompt("opening scene").build());
        }
        assertThat(port).receivedSubmits(1).submittedRequest(0).isValid();
    }

    // 3. Real HTTP against the embedded fake API, with faults.
    @RegisterExtension
    static FakeVideoApiExtension fakeApi = FakeVideoApiExtension.create(api -> api.taskDuration(Duration.ofMillis(300)));

    @Test
    void survivesAFlakyServer(FakeVideoApi api) {
        api.faults()
                .next(Route.SUBMIT, Fault.rateLimited(Duration.ofSeconds(1))) // 429 with Retry-After: 1
                .next(Route.QUERY, Fault.status(503))
                .next(Route.QUERY, Fault.reset());                           // a real TCP reset

        try (VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build()) {
            VideoTask task = client.submitAndAwait(KlingReferenceRequest.builder().prompt("a rainy street").build(),
                    AwaitOptions.builder().minInterval(Duration.ofMillis(50)).build());
            assertThat(task).isCompleted().hasResultUrl();
        }
        assertThat(api).receivedSubmits(2).createdTasks(1); // retried once, one task: nothing paid twice
    }

    // 4. The rules, without any client at all.
    @Test
    void aBadRequestIsCaughtBeforeAnyCall() {
        assertThat(KlingReferenceRequest.builder().prompt("a rainy street").duration(20).build())
                .hasViolation("kling.duration.range", "duration");
    }

    // 5. A service method that blocks (it calls submitAndAwait), on a worker thread, in virtual time.
    @Test
    void rendersThroughABlockingService() throws Exception {
        VirtualTime time = new VirtualTime();
        FakeTaskPort port = FakeTaskPort.builder().clock(time)
                .defaultLifecycle(Lifecycle.builder().pending().processing(50).completedAfter(Duration.ofMinutes(5)))
                .build();
        try (VideoClient client = VideoClient.builder().taskPort(port).scheduler(time).build()) {
            RenderService service = new RenderService(client); // your class: render() calls client.submitAndAwait(...)
            CompletableFuture<VideoTask> render = CompletableFuture.supplyAsync(() -> service.render("a rainy street"));

            // waits (in real time, bounded) for the worker to submit, then runs the five minutes at once;
            // it throws, saying why, if the render never finishes: a test cannot go on as if it had
            time.advanceUntil(render::isDone, Duration.ofMinutes(30));

            assertThat(render.get()).isCompleted().hasResultUrl();
        }
    }
    // README-END

    @Test
    void readmeShowsThisExample() throws Exception {
        Path readme = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && readme == null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("testkit"))) {
                readme = dir.resolve("README.md");
            }
        }
        assumeThat(readme).as("the project's README.md").isNotNull();
        String text = Files.readString(readme);
        assumeThat(text).as("README.md has the testkit section").contains("## Testing your application with vidgen-testkit");

        String section = text.substring(text.indexOf("## Testing your application with vidgen-testkit"));
        assertThat(normalize(section)).as("README.md shows the example of ReadmeExampleTest verbatim")
                .contains(normalize(example()));
    }

    /** The lines between the markers of this file, without their common indentation. */
    static String example() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/vidgen/testkit/ReadmeExampleTest.java"));
        List<String> region = lines.subList(lines.indexOf("    // README-BEGIN") + 1, lines.indexOf("    // README-END"));
        return String.join("\n", region.stream().map(l -> l.length() >= 4 ? l.substring(4) : l.strip()).toList());
    }

    private static String normalize(String s) {
        return s.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }
}
