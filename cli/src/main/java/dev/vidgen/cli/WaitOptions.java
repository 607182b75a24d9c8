package dev.vidgen.cli;

import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of {@code submit} and {@code generate} about what happens after the submit. */
final class WaitOptions {

    /** How long a waiting command may take unless {@code --timeout} says otherwise. */
    static final Duration DEFAULT_WAIT = Duration.ofMinutes(30);

    @Option(names = "--wait", description = "Wait for the task, showing progress, and print its result URL(s)")
    boolean wait;

    @Option(names = "--output", paramLabel = "PATH", description = "Download the first result to PATH (implies --wait); "
            + "an existing file is kept unless --force; only a new or regular file is written")
    String output;

    @Option(names = "--force", description = "With --output: replace an existing regular file")
    boolean force;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
            description = "The whole command (submit, wait, download) takes at most DURATION (90s, 5m, 1h, PT5M; default 30m"
                    + " when waiting; implies --wait); a wait that runs out exits 5, the task goes on")
    Duration timeout;

    @Option(names = "--json", description = "Print the task as JSON instead of its id / result URLs")
    boolean json;

    /** Whether the command waits for the task. */
    boolean waiting() {
        return wait || output != null || timeout != null;
    }
}
