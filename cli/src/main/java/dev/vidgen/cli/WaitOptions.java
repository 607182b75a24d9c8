package dev.vidgen.cli;

import java.nio.file.Path;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options of {@code submit} and {@code generate} about what happens after the submit. */
final class WaitOptions {

    @Option(names = "--wait", description = "Wait for the task, showing progress, and print its result URL(s)")
    boolean wait;

    @Option(names = "--output", paramLabel = "PATH", description = "Download the first result to PATH (implies --wait)")
    Path output;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
            description = "Wait at most DURATION (90s, 5m, 1h, PT5M; default 30m; implies --wait); then exit 5, the task goes on")
    Duration timeout;

    @Option(names = "--json", description = "Print the task as JSON instead of its id / result URLs")
    boolean json;
}
