package dev.vidgen.jobs;

import dev.vidgen.client.VideoClient;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.fake.server.FakeVideoApi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * README's "Durable jobs" library example, compiled and run against the embedded fake API. The
 * lines between the markers are the README's second Java block of that section;
 * {@link #readmeShowsThisExample()} checks that README.md still shows them verbatim.
 */
@Timeout(120)
class ReadmeDurableJobsTest {

    @TempDir
    Path temp;

    @Test
    void theExampleStoresTheVideoAndPrintsEveryTransition() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(300)).start();
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build()) {
            Path dir = temp.resolve("renders");
            System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
            try {
                // README-BEGIN
                try (VideoJobs jobs = VideoJobs.builder()
                        .client(client)                                               // a VideoClient, as above; not closed by the service
                        .journal(Journal.embedded(dir.resolve(".vidgen")))            // one machine: a file database, no server
                        .resultStore(new DirectoryResultStore(dir))                   // renders/order-42.mp4
                        .maxInFlight(4)
                        .listener(e -> System.out.println(e.job().key() + ": " + e.from().label() + " -> " + e.to().label()))
                        .build()
                        .start()) {                                                   // resumes whatever a previous run left
                    JobKey key = JobKey.of("order-42");
                    jobs.enqueue(key, KlingReferenceRequest.builder().prompt("a fox in the snow").build()); // persisted; returns at once
                    jobs.awaitSettled(List.of(key), Duration.ofMinutes(30));
                    Job job = jobs.job(key).orElseThrow();
                    System.out.println(job.state().label() + " " + job.results().get(0).location() + " sha256 " + job.results().get(0).sha256());
                }
                // README-END
            } finally {
                System.setOut(stdout);
            }
            assertThat(Files.size(dir.resolve("order-42.mp4"))).isPositive();
            assertThat(printed.toString(StandardCharsets.UTF_8)).contains("order-42: queued -> submitting", "order-42: completed -> stored",
                    "stored " + dir.resolve("order-42.mp4"));
            assertThat(api.createdTaskIds()).hasSize(1);
        }
    }

    @Test
    void readmeShowsThisExample() throws Exception {
        Path readme = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && readme == null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("README.md")) && Files.isDirectory(d.resolve("jobs"))) {
                readme = d.resolve("README.md");
            }
        }
        assumeThat(readme).as("the project's README.md").isNotNull();
        String text = Files.readString(readme);
        assertThat(text).contains("## Durable jobs");
        String section = text.substring(text.indexOf("## Durable jobs"));
        assertThat(normalize(section)).as("README.md shows the example of ReadmeDurableJobsTest verbatim").contains(normalize(example()));
    }

    private static String example() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/vidgen/jobs/ReadmeDurableJobsTest.java"));
        List<String> region = lines.subList(lines.indexOf("                // README-BEGIN") + 1, lines.indexOf("                // README-END"));
        return String.join("\n", region.stream().map(String::strip).toList());
    }

    private static String normalize(String s) {
        return s.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }
}
