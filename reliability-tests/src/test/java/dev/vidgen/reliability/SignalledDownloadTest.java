package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgen.cli.VidgenCli;
import dev.vidgen.client.VideoClient;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12 item 4: a real child JVM (the CLI, or a library user's program) is signalled mid-download
 * with SIGTERM or SIGINT (Ctrl-C) while a loopback server trickles the video; the part file goes with
 * it (the {@code PartFiles} shutdown hook), no target appears, and nothing the server sent is printed.
 * SIGKILL runs no hook: the next download to that target deletes the part file once it is stale.
 * Every wait is for a condition, with a bound.
 */
@Timeout(180)
class SignalledDownloadTest {

    static final String KEY = "sk-signal-3c9e1a7b5d2f4680";
    static final String ID = "task-unified-1757165031-uyujaw3d";
    /** Sent in a header and at the start of the body: the child must never print it. */
    static final String MARKER = "RAW-SERVER-TEXT-b7e41c";
    static final String SMALL = "\0\0\0\u0018ftypmp42 a tiny video";
    static final Duration BOUND = Duration.ofSeconds(60);

    @TempDir
    Path tmp;

    private HttpServer server;
    private ExecutorService threads;
    private String base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "signal-test-server");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(threads);
        base = "http://127.0.0.1:" + server.getAddress().getPort();
        server.createContext("/video", SignalledDownloadTest::trickle);
        server.createContext("/small", SignalledDownloadTest::small);
        server.createContext("/", this::task);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
        threads.shutdownNow();
    }

    /** Any API call: the task, completed, its result on this server. */
    private void task(HttpExchange x) throws IOException {
        byte[] body = ("{\"id\":\"" + ID + "\",\"model\":\"veo-3.1-fast-reference-to-video\",\"status\":\"completed\",\"progress\":100,"
                + "\"created\":1757165031,\"results\":[{\"url\":\"" + base + "/video\"}]}").getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().add("Content-Type", "application/json");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    /** A whole, tiny video. */
    private static void small(HttpExchange x) throws IOException {
        byte[] body = SMALL.getBytes(StandardCharsets.US_ASCII);
        x.getResponseHeaders().add("Content-Type", "video/mp4");
        x.sendResponseHeaders(200, body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    /** 200 announcing 1,000,000 bytes; 8 bytes every 100 ms until the client is gone (or 2 minutes). */
    private static void trickle(HttpExchange x) throws IOException {
        x.getResponseHeaders().add("Content-Type", "video/mp4");
        x.getResponseHeaders().add("X-Marker", MARKER);
        x.sendResponseHeaders(200, 1_000_000);
        try (OutputStream out = x.getResponseBody()) {
            out.write(MARKER.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            for (int i = 0; i < 1200; i++) {
                Thread.sleep(100);
                out.write("\0\0\0\0ftyp".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException gone) {
            // the child died: the point of the test
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"cli, TERM, 143", "cli, INT, 130", "library, TERM, 143", "library, INT, 130"})
    void aSignalMidDownloadLeavesNoPartFileNoTargetAndPrintsNoServerText(String who, String signal, int exit) throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path target = out.resolve("v.mp4");
        Path stdout = tmp.resolve("child.out");
        Path stderr = tmp.resolve("child.err");
        Process child = startMidDownload(who, target, stdout, stderr);
        try {
            long signalled = System.nanoTime();
            if (signal.equals("TERM")) {
                child.destroy(); // SIGTERM on Linux
            } else {
                Assumptions.assumeFalse(ignoresSigint(child.pid()),
                        "SIGINT is ignored in this environment (as for a background job), and a JVM keeps it ignored");
                Process kill = new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start();
                assertThat(kill.waitFor(30, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -INT was sent").isTrue();
            }
            assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).as("the child ends within %s of SIG%s", BOUND, signal).isTrue();
            long tookMs = (System.nanoTime() - signalled) / 1_000_000;
            String printed = read(stdout) + read(stderr);
            assertThat(child.exitValue()).as("exit code after SIG%s; printed: %s", signal, printed).isEqualTo(exit);
            try (Stream<Path> left = Files.list(out)) {
                assertThat(left).as("no part file and no target are left").isEmpty();
            }
            assertThat(printed).doesNotContain(MARKER).doesNotContain(KEY);
            System.out.printf("[signal] %s SIG%s: exit %d %d ms after the signal%n", who, signal, child.exitValue(), tookMs);
        } finally {
            child.destroyForcibly();
        }
    }

    /** Starts the child and returns once its part file has bytes (the download is under way). */
    private Process startMidDownload(String who, Path target, Path stdout, Path stderr) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path")));
        if (who.equals("cli")) {
            cmd.addAll(List.of(VidgenCli.class.getName(), "download", ID, "--output", target.toString(), "--timeout", "10m"));
        } else {
            cmd.addAll(List.of(DownloadMainForSignals.class.getName(), base, base + "/video", target.toString()));
        }
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
        pb.environment().put("FOXAPI_BASE_URL", base);
        pb.environment().put("FOXAPI_API_KEY", KEY);
        Process child = pb.start();
        Path out = target.getParent();
        try {
            boolean writing = await(() -> partFiles(out).anyMatch(p -> size(p) > 0) || !child.isAlive(), BOUND);
            assertThat(child.isAlive()).as("the child is mid-download; stderr: %s", read(stderr)).isTrue();
            assertThat(writing).as("a part file with bytes appeared within %s", BOUND).isTrue();
            assertThat(Files.exists(target)).isFalse();
            return child;
        } catch (Throwable t) {
            child.destroyForcibly();
            throw t;
        }
    }

    @Test
    void afterSigkillThePartFileStaysAndTheNextDownloadToThatTargetDeletesItOnceStale() throws Exception {
        Path out = Files.createDirectory(tmp.resolve("out"));
        Path target = out.resolve("v.mp4");
        Process child = startMidDownload("library", target, tmp.resolve("child.out"), tmp.resolve("child.err"));
        child.destroyForcibly(); // SIGKILL: no hook runs
        assertThat(child.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).isEqualTo(137);
        List<Path> left = partFiles(out).toList();
        assertThat(left).as("SIGKILL leaves the part file: the reason for the clean-up").hasSize(1);
        // an hour later (the cut-off), the same target is downloaded again
        Files.setLastModifiedTime(left.get(0), FileTime.from(Instant.now().minus(Duration.ofHours(2))));
        try (VideoClient client = VideoClient.builder().baseUrl(base).apiKey(KEY).build()) {
            assertThat(client.download(HostileTransportTest.completed(URI.create(base + "/small")), 0, target)).isEqualTo(target);
        }
        try (Stream<Path> files = Files.list(out)) {
            assertThat(files).as("the stale part file is gone; the new video is there").containsExactly(target);
        }
        assertThat(Files.readString(target, StandardCharsets.US_ASCII)).isEqualTo(SMALL);
    }

    private static boolean ignoresSigint(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("SigIgn:")) {
                return (Long.parseUnsignedLong(line.substring(7).strip(), 16) & 0x2) != 0; // bit 1 is signal 2, SIGINT
            }
        }
        return false;
    }

    private static Stream<Path> partFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().matches("\\.v\\.mp4\\.[0-9a-f-]{36}\\.part")).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0; // deleted meanwhile
        }
    }

    private static String read(Path p) throws IOException {
        return Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : "";
    }

    private static boolean await(java.util.function.BooleanSupplier condition, Duration bound) throws InterruptedException {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }
}
