package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code vidgen} as a process ({@link VidgenCli#main}), as a user runs it: it prints only its own
 * output, never a library's log line (SLF4J's provider warning, Hibernate Validator's version line).
 */
class MainProcessTest {

    @TempDir
    Path dir;

    @Test
    void theCommandPrintsOnlyItsOwnOutput() throws Exception {
        Path body = Files.writeString(dir.resolve("veo.json"), OfflineCommandsTest.VALID_VEO);
        Path invalid = Files.writeString(dir.resolve("bad.json"), OfflineCommandsTest.INVALID_VEO);

        Run validate = vidgen("validate", invalid.toString());
        Run submit = vidgen("submit", body.toString(), "--output", dir.resolve("v.mp4").toString());

        assertThat(validate.exit()).as(validate.toString()).isEqualTo(ExitCode.INVALID_REQUEST);
        assertThat(submit.exit()).as(submit.toString()).isZero();
        for (Run run : List.of(validate, submit)) {
            assertThat(run.err() + run.out()).as(run.toString()).doesNotContain("SLF4J", "HV000001", "INFO", "WARN");
            assertThat(run.err().lines()).as(run.toString()).allSatisfy(line -> assertThat(line)
                    .matches("(error|note|progress|saved|  \\[).*"));
        }
    }

    /**
     * One run's exit code and output.
     *
     * @param exit the exit code
     * @param out  standard output
     * @param err  standard error
     */
    record Run(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- out ---\n" + out + "--- err ---\n" + err;
        }
    }

    /** Runs {@code java -cp <this test's class path> dev.vidgen.cli.VidgenCli args} with no FOXAPI_ variables. */
    private static Run vidgen(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VidgenCli.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("FOXAPI_API_KEY");
        pb.environment().remove("FOXAPI_BASE_URL");
        Process p = pb.start();
        p.getOutputStream().close();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("vidgen " + String.join(" ", args) + " did not end within 60 s");
        }
        return new Run(p.exitValue(), out.join(), err.join());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
