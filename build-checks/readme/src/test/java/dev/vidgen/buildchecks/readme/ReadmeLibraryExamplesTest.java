package dev.vidgen.buildchecks.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Route;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Using the library" Java blocks, taken from README.md (not copied), compiled and run as programs
 * in a shell where {@code FOXAPI_BASE_URL} and {@code FOXAPI_API_KEY} point at the embedded fake API.
 */
@Timeout(180)
class ReadmeLibraryExamplesTest {

    static final Readme README = Readme.load();

    @TempDir
    Path dir;

    static String withoutGuice() {
        return README.blocks("### Without Guice", "java").get(0);
    }

    static Map<String, String> environment(FakeVideoApi api) {
        return Map.of("FOXAPI_BASE_URL", api.baseUrl().toString(), "FOXAPI_API_KEY", api.apiKey());
    }

    @Test
    void theWholeProgramWithoutGuiceSubmitsAwaitsAndDownloadsBothFamilies() throws Exception {
        String program = withoutGuice();
        JavaSnippet.compile(program, dir);
        try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(300)).start()) {
            JavaSnippet.Run run = JavaSnippet.run(JavaSnippet.className(program), dir, environment(api), 120);

            assertThat(run.exitCode()).as(run.describe()).isZero();
            List<String> lines = Arrays.asList(run.output().strip().split("\n"));
            assertThat(lines).as(run.describe()).anyMatch(l -> l.matches("(pending|processing|completed) \\d+% eta (unknown|\\d+s)"));
            assertThat(lines.get(lines.size() - 1)).as("the Kling result URL, printed last").startsWith("http");
            assertThat(dir.resolve("garden.mp4")).isRegularFile();
            assertThat(Files.size(dir.resolve("garden.mp4"))).isPositive();
            assertThat(api.count(Route.SUBMIT)).as("one task per family").isEqualTo(2);
        }
    }

    @Test
    void theValidationExampleFailsBeforeAnyCallWithTheMessageItShows() throws Exception {
        String block = README.blocks("### Without Guice", "java").get(1);
        String statement = lines(block).stream().filter(l -> !l.startsWith("//")).collect(Collectors.joining("\n"));
        String shown = lines(block).stream().filter(l -> l.startsWith("//")).map(l -> l.substring(2).strip())
                .collect(Collectors.joining(" "));
        String imports = lines(withoutGuice()).stream().filter(l -> l.startsWith("import ")).collect(Collectors.joining("\n"));
        String program = imports + "\nimport dev.vidgen.client.error.RequestValidationException;\n"
                + "public class ValidationExample {\n"
                + "    static void example(VideoClient client) {\n" + statement + "\n    }\n"
                + "    public static void main(String[] args) {\n"
                + "        try (VideoClient client = VideoClient.builder().build()) {\n"
                + "            example(client);\n"
                + "            System.out.println(\"no exception\");\n"
                + "        } catch (RequestValidationException e) {\n"
                + "            System.out.println(\"RequestValidationException: \" + e.getMessage());\n"
                + "        }\n    }\n}\n";
        JavaSnippet.compile(program, dir);
        try (FakeVideoApi api = FakeVideoApi.start()) {
            JavaSnippet.Run run = JavaSnippet.run("ValidationExample", dir, environment(api), 60);

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(normalize(run.output())).isEqualTo(normalize(shown));
            assertThat(api.count(Route.SUBMIT)).as("nothing sent").isZero();
        }
    }

    @Test
    void theGuiceProgramReachesTheFakeThroughTheEnvironment() throws Exception {
        String program = README.blocks("### With Guice", "java").get(0);
        JavaSnippet.compile(program, dir);
        try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(300)).start()) {
            JavaSnippet.Run run = JavaSnippet.run(JavaSnippet.className(program), dir, environment(api), 120);

            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.output().strip()).as(run.describe()).startsWith("http");
            assertThat(api.count(Route.SUBMIT)).isEqualTo(1);
        }
    }

    private static List<String> lines(String block) {
        return block.strip().lines().map(String::strip).toList();
    }

    private static String normalize(String s) {
        return s.replaceAll("\\s+", " ").strip();
    }
}
