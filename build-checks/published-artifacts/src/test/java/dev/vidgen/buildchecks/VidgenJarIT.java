package dev.vidgen.buildchecks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The CLI's runnable jar ships what the command needs and no test framework or DI container:
 * {@code unzip -l cli/target/vidgen.jar | grep -cE 'org/junit|org/assertj|com/google/inject|com/google/common'} is 0.
 */
class VidgenJarIT {

    static final List<String> FORBIDDEN = List.of("org/junit/", "org/opentest4j/", "org/assertj/", "com/google/inject/", "com/google/common/");

    static Path jar() {
        return BuiltTree.root().resolve("cli/target/vidgen.jar");
    }

    @Test
    void containsNoJunitAssertjGuiceOrGuava() throws IOException {
        assertThat(jar()).as("the shaded CLI jar (cli's package phase makes it)").isRegularFile();
        try (ZipFile zip = new ZipFile(jar().toFile())) {
            List<String> forbidden = Collections.list(zip.entries()).stream().map(ZipEntry::getName)
                    .filter(name -> FORBIDDEN.stream().anyMatch(name::startsWith))
                    .toList();
            assertThat(forbidden).as("classes of JUnit, AssertJ, Guice or Guava in vidgen.jar").isEmpty();
            // and it is the CLI: the main class and the transports' and families' ServiceLoader entries are there
            assertThat(zip.getEntry("dev/vidgen/cli/VidgenCli.class")).isNotNull();
            assertThat(zip.getEntry("META-INF/services/dev.vidgen.ports.http.HttpTransportProvider")).isNotNull();
        }
    }

    @Test
    @Timeout(60)
    void runsWithoutThem() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-jar", jar().toString(), "models")
                .redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(50, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).contains("kling-o3-ref", "veo-3.1-image-to-video").doesNotContain("Exception", "SLF4J");
    }
}
