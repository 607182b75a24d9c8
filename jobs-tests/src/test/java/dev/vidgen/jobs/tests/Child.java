package dev.vidgen.jobs.tests;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A child JVM on this test's class path; its stdout lines are queued for the test, stderr goes to a file. */
final class Child implements AutoCloseable {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final PrintWriter stdin;

    private Child(Process process) {
        this.process = process;
        this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String l; (l = r.readLine()) != null; ) {
                    lines.add(l);
                }
            } catch (IOException ignored) {
                // the child died: its stdout ends
            }
        }, "child-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code main} with {@code args}; stderr appended to {@code errFile}. */
    static Child start(Class<?> main, Path errFile, String... args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(errFile.toFile()));
        return new Child(pb.start());
    }

    /** The next stdout line starting with {@code prefix}, waiting at most {@code timeout}. */
    String await(String prefix, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            String l = left <= 0 ? null : lines.poll(left, TimeUnit.NANOSECONDS);
            if (l == null) {
                throw new AssertionError("no line '" + prefix + "...' from the child within " + timeout + (process.isAlive() ? "" : " (it exited " + process.exitValue() + ")"));
            }
            if (l.startsWith(prefix)) {
                return l;
            }
        }
    }

    /** Sends a command line and returns the answer line starting with {@code prefix}. */
    String ask(String command, String prefix) throws InterruptedException {
        stdin.println(command);
        return await(prefix, Duration.ofSeconds(30));
    }

    /** Sends {@code dump} and collects the {@code task} lines up to {@code end}. */
    List<String> dump() throws InterruptedException {
        stdin.println("dump");
        List<String> out = new ArrayList<>();
        while (true) {
            String l = await("", Duration.ofSeconds(30));
            if (l.equals("end")) {
                return out;
            }
            if (l.startsWith("task ")) {
                out.add(l.substring(5));
            }
        }
    }

    /** SIGKILL (on Linux, {@link Process#destroyForcibly()} sends SIGKILL), then waits for the death. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Waits for the exit, at most {@code timeout}; returns the exit code, or -1 if still running. */
    int waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
