package dev.vidgen.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The training run of the class-data sharing archive that {@code mvn package} builds beside
 * {@code vidgen.jar} ({@code -XX:ArchiveClassesAtExit}; {@code bin/vidgen} starts the JVM with it):
 * the commands users start most, in one JVM, so that the archive holds the classes they load.
 * Everything runs on the embedded fake API (the environment is empty, so no key and no address are
 * read) with short tasks; nothing leaves 127.0.0.1.
 */
public final class CdsTraining {

    private static final List<List<String>> COMMANDS = List.of(
            List.of("--version"),
            List.of("--help"),
            List.of("models"),
            List.of("models", "--json"),
            List.of("generate", "--model", "kling-o3-ref", "--prompt", "a fox", "--mode", "pro"),
            List.of("--transport", "jdk", "generate", "--model", "kling-o3-ref", "--prompt", "a fox"));

    private CdsTraining() {
    }

    /** Runs the commands; exits 1, naming the command and its error output, when one fails. */
    public static void main(String[] args) {
        VidgenCli.quietLibraryLogging(); // as the real main does, which also loads the same logging classes
        for (List<String> command : COMMANDS) {
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            CliContext context = CliContext.builder().err(err).embeddedTaskDuration(Duration.ofMillis(200)).build();
            int code = VidgenCli.execute(context, command.toArray(String[]::new));
            if (code != ExitCode.OK) {
                System.err.println("CDS training: 'vidgen " + String.join(" ", command) + "' exited " + code + ": "
                        + err.toString(StandardCharsets.UTF_8));
                System.exit(1);
            }
        }
    }
}
