package dev.vidgen.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.VideoClient;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.server.FakeVideoApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The README's Spring Boot example, compiled and run: an application with only the starter, one
 * adapter and the two properties {@code vidgen.api-key} and {@code vidgen.base-url} generates a
 * video against the fake API. The lines between the markers are the README's code block.
 */
@Timeout(60)
class ReadmeSpringBootExampleTest {

    // README-BEGIN
    @SpringBootApplication
    public static class VideoApp {

        public static void main(String[] args) {
            SpringApplication.run(VideoApp.class, args);
        }

        @Bean
        ApplicationRunner generate(VideoClient client, @Value("${video.output:fox.mp4}") Path output) {
            return args -> {
                VideoTask done = client.submitAndAwait(KlingReferenceRequest.builder()
                        .prompt("A red fox trotting through fresh snow").build());
                System.out.println("saved " + client.download(done, 0, output));
            };
        }
    }
    // README-END

    @Test
    void theExampleGeneratesAVideoWithTwoProperties(@TempDir Path dir) {
        Path output = dir.resolve("fox.mp4");
        try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(300)).start();
             // the two properties of the README; video.output only keeps the test's file in its temporary directory
             ConfigurableApplicationContext ctx = SpringApplication.run(VideoApp.class,
                     "--vidgen.api-key=" + api.apiKey(), "--vidgen.base-url=" + api.baseUrl(), "--video.output=" + output)) {
            assertThat(output).exists();
            assertThat(output.toFile().length()).isPositive();
            assertThat(api.submitCount()).isEqualTo(1);
            assertThat(ctx.getBean(VideoClient.class).models().modelIds()).isNotEmpty();
        }
    }

    @Test
    void theReadmeShowsThisExample() throws Exception {
        String readme = Files.readString(readme());
        String heading = "## Spring Boot";
        assertThat(readme).contains(heading);
        String section = readme.substring(readme.indexOf(heading));
        assertThat(normalize(section)).as("README.md shows the example of ReadmeSpringBootExampleTest verbatim")
                .contains(normalize(example()));
    }

    static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("README.md")) && Files.isDirectory(dir.resolve("spring-boot-starter"))) {
                return dir.resolve("README.md");
            }
        }
        throw new IllegalStateException("no README.md above " + Path.of("").toAbsolutePath());
    }

    /** The lines between the markers, without their common indentation and without "static" (a top-level class in the README). */
    static String example() throws Exception {
        List<String> lines = Files.readAllLines(Path.of("src/test/java/dev/vidgen/spring/example/ReadmeSpringBootExampleTest.java"));
        List<String> region = lines.subList(lines.indexOf("    // README-BEGIN") + 1, lines.indexOf("    // README-END"));
        return String.join("\n", region.stream().map(l -> l.length() >= 4 ? l.substring(4) : l.strip())
                .map(l -> l.replace("public static class", "public class")).toList());
    }

    private static String normalize(String s) {
        return s.replaceAll("[ \\t]+", " ").replaceAll("\\s*\\n\\s*", "\n").strip();
    }
}
