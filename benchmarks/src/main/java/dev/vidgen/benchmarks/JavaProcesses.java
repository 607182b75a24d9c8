package dev.vidgen.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a main class of this module in a new JVM, on this JVM's class path. */
public final class JavaProcesses {

    private JavaProcesses() {
    }

    /** The command line for {@code main} with {@code jvmOptions} and {@code args}. */
    public static List<String> command(List<String> jvmOptions, Class<?> main, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        return command;
    }

    /** Starts it with standard input and output piped to this process and standard error inherited. */
    public static Process start(List<String> jvmOptions, Class<?> main, String... args) throws IOException {
        return new ProcessBuilder(command(jvmOptions, main, args)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }
}
