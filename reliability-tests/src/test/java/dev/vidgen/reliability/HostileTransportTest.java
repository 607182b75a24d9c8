package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.download.DownloadLimitException;
import dev.vidgen.client.download.DownloadOptions;
import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.MalformedResponseException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.transport.tck.LoopbackHttpServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 items 1, 2, 4, 7 and 9 (HTML) over real loopback HTTP, on both transports: a server that
 * sends answers without end, trickles, or serves an HTML page as the video cannot exhaust memory,
 * hang a call past its limits, or leave a file behind; a download never replaces what is not a
 * regular file. "Bounded" is what the server managed to write before the client hung up.
 */
@Timeout(120)
class HostileTransportTest {

    static final String KEY = "sk-hostile-5b1e0c7d9a3f2468";
    /** What a server may write past a cap before the hang-up reaches it: socket buffers, generously. */
    static final long SLACK = 32L * 1024 * 1024;

    @TempDir
    Path dir;

    private LoopbackHttpServer server;

    @BeforeEach
    void start() {
        server = LoopbackHttpServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A client whose base URL routes every API call to {@code route} of the loopback server. */
    private VideoClient client(String transport, String route) {
        return VideoClient.builder().baseUrl(server.uri(route).toString()).apiKey(KEY).transportName(transport)
                .retryPolicy(RetryPolicy.none()).attemptTimeout(Duration.ofSeconds(20)).callTimeout(Duration.ofSeconds(30)).build();
    }

    private static VideoRequest request() {
        return VeoReferenceRequest.builder(VeoModel.FAST).prompt("a fox in the snow").referenceImage("https://example.com/fox.png").build();
    }

    static VideoTask completed(URI resultUrl) {
        return new VideoTask(TaskId.of("task-unified-1757165031-uyujaw3d"), "veo-3.1-fast-reference-to-video", TaskStatus.COMPLETED, 100,
                null, List.of(new TaskResult(resultUrl, Map.of())), null, null, null, Instant.now());
    }

    /** One line of figures per scenario for RELIABILITY.md's hostile-server table. */
    private static void report(String scenario, String transport, long started, long serverWrote) {
        Runtime rt = Runtime.getRuntime();
        System.out.printf("[hostile] %-44s %-6s %6d ms; server wrote %,d bytes before the hang-up; heap used now %d MiB%n",
                scenario, transport, (System.nanoTime() - started) / 1_000_000, serverWrote, (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private List<String> filesInDir() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    // --- 12.2: answers are capped --------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void anEndlessSubmitAnswerStopsAtTheCapSayingATaskMayExist(String transport) {
        long started = System.nanoTime();
        try (VideoClient client = client(transport, "/endless/200")) {
            Throwable t = catchThrowable(() -> client.submit(request()));
            assertThat(t).isInstanceOf(MalformedResponseException.class)
                    .hasMessageContaining("larger than " + (8 * 1024 * 1024) + " bytes").hasMessageContaining("a task may have been created");
            assertThat(((VidgenException) t).taskMayHaveBeenCreated()).isTrue();
        }
        long wrote = server.awaitStreamEnd(Duration.ofSeconds(30));
        report("endless 200 answer to a submit (8 MiB cap)", transport, started, wrote);
        assertThat(wrote).as("bytes the server wrote before the client hung up").isBetween(8L * 1024 * 1024, 8L * 1024 * 1024 + SLACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void anEndlessErrorBodyIsReadOnlyAsFarAsItIsKept(String transport) {
        long started = System.nanoTime();
        try (VideoClient client = client(transport, "/endless/500")) {
            Throwable t = catchThrowable(() -> client.get(TaskId.of("task-unified-1757165031-uyujaw3d")));
            assertThat(t).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
        }
        long wrote = server.awaitStreamEnd(Duration.ofSeconds(30));
        report("endless 500 error body (16 KiB kept)", transport, started, wrote);
        assertThat(wrote).as("bytes written of an endless error body").isBetween(0L, SLACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void aSmallerConfiguredCapApplies(String transport) {
        try (VideoClient client = VideoClient.builder().baseUrl(server.uri("/huge/200").toString()).apiKey(KEY).transportName(transport)
                .transportSettings(dev.vidgen.ports.http.TransportSettings.defaults().withMaxAnswerBytes(64 * 1024))
                .retryPolicy(RetryPolicy.none()).build()) {
            assertThat(catchThrowable(() -> client.get(TaskId.of("task-unified-1757165031-uyujaw3d"))))
                    .isInstanceOf(MalformedResponseException.class).hasMessageContaining("larger than 65536 bytes");
        }
        assertThat(server.awaitStreamEnd(Duration.ofSeconds(30))).isBetween(64L * 1024, SLACK);
    }

    // --- 12.7: the attempt timeout bounds the whole exchange -----------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void aSlowBodyEndsAtTheAttemptTimeoutNotAtTheGapsBetweenBytes(String transport) {
        long started = System.nanoTime();
        try (VideoClient client = VideoClient.builder().baseUrl(server.uri("/trickle/50").toString()).apiKey(KEY).transportName(transport)
                .retryPolicy(RetryPolicy.none()).attemptTimeout(Duration.ofSeconds(1)).callTimeout(Duration.ofSeconds(10)).build()) {
            Throwable t = catchThrowable(() -> client.get(TaskId.of("task-unified-1757165031-uyujaw3d")));
            assertThat(t).isInstanceOf(TransportIoException.class).hasMessageContaining("no answer in time");
            assertThat(t.getCause()).isInstanceOfSatisfying(TransportException.class,
                    e -> assertThat(e.kind()).isEqualTo(TransportException.Kind.TIMEOUT));
        }
        long wrote = server.awaitStreamEnd(Duration.ofSeconds(30));
        report("answer trickling 1 B/50 ms (attempt 1 s)", transport, started, wrote);
        assertThat(wrote).as("bytes trickled before the hang-up").isBetween(1L, 999_999L);
    }

    // --- 12.4: downloads have a deadline and a size cap, and leave nothing behind --------------

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void aTricklingDownloadEndsAtItsDeadlineSayingHowMuchArrived(String transport) throws IOException {
        long started = System.nanoTime();
        try (VideoClient client = client(transport, "/")) {
            Throwable t = catchThrowable(() -> client.download(completed(server.uri("/trickle/20")), 0, dir.resolve("v.mp4"),
                    DownloadOptions.defaults().withTimeout(Duration.ofSeconds(1))));
            assertThat(t).isInstanceOfSatisfying(DownloadLimitException.class, e -> {
                assertThat(e.limit()).isEqualTo(DownloadLimitException.Limit.DEADLINE);
                assertThat(e.bytesReceived()).isPositive();
            }).hasMessageContaining("did not finish within its deadline of PT1S").hasMessageContaining("bytes had arrived");
        }
        assertThat(filesInDir()).as("nothing saved, no part file").isEmpty();
        long wrote = server.awaitStreamEnd(Duration.ofSeconds(30));
        report("download trickling 1 B/20 ms (deadline 1 s)", transport, started, wrote);
        assertThat(wrote).isBetween(1L, 999_999L);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void anEndlessDownloadStopsAtTheSizeCap(String transport) throws IOException {
        long started = System.nanoTime();
        try (VideoClient client = client(transport, "/")) {
            Throwable t = catchThrowable(() -> client.download(completed(server.uri("/endless/200")), 0, dir.resolve("v.mp4"),
                    DownloadOptions.defaults().withMaxBytes(4L * 1024 * 1024)));
            assertThat(t).isInstanceOfSatisfying(DownloadLimitException.class, e -> {
                assertThat(e.limit()).isEqualTo(DownloadLimitException.Limit.SIZE);
                assertThat(e.bytesReceived()).isGreaterThan(4L * 1024 * 1024);
            }).hasMessageContaining("size limit of 4194304 bytes");
        }
        assertThat(filesInDir()).as("nothing saved, no part file").isEmpty();
        long wrote = server.awaitStreamEnd(Duration.ofSeconds(30));
        report("endless download (cap 4 MiB)", transport, started, wrote);
        assertThat(wrote).isBetween(4L * 1024 * 1024, 4L * 1024 * 1024 + SLACK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void aDownloadAnnouncingMoreThanTheCapIsRefusedAtOnce(String transport) throws IOException {
        try (VideoClient client = client(transport, "/")) {
            Throwable t = catchThrowable(() -> client.download(completed(server.uri("/huge/200")), 0, dir.resolve("v.mp4")));
            assertThat(t).isInstanceOf(DownloadLimitException.class).hasMessageContaining("size limit of " + DownloadOptions.DEFAULT_MAX_BYTES)
                    .hasMessageContaining("the server announced more");
        }
        assertThat(filesInDir()).isEmpty();
    }

    // --- 12.9: an HTML page is not a video -------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"jdk:/html", "apache:/html", "jdk:/html-as-video", "apache:/html-as-video"})
    void anHtmlPageIsRefusedByContentTypeOrLeadingBytes(String transportAndRoute) throws IOException {
        String[] p = transportAndRoute.split(":");
        try (VideoClient client = client(p[0], "/")) {
            Throwable t = catchThrowable(() -> client.download(completed(server.uri(p[1])), 0, dir.resolve("v.mp4")));
            assertThat(t).isInstanceOf(VidgenException.class).hasMessageContaining("refusing to save result 0")
                    .hasMessageContaining(p[1].equals("/html") ? "text/html" : "HTML page");
        }
        assertThat(filesInDir()).isEmpty();
    }

    // --- 12.1: only nothing or a regular file is replaced ---------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"fifo", "symlink", "directory"})
    void aTargetThatIsNotARegularFileIsRefusedNamingWhatIsThere(String kind) throws Exception {
        Path target = dir.resolve("out.mp4");
        String expected = switch (kind) {
            case "fifo" -> {
                Process mkfifo = new ProcessBuilder("mkfifo", target.toString()).start();
                assertThat(mkfifo.waitFor()).as("mkfifo").isZero();
                yield "is a FIFO";
            }
            case "symlink" -> {
                Files.createSymbolicLink(target, Files.writeString(dir.resolve("real.mp4"), "keep"));
                yield "is a symbolic link";
            }
            default -> {
                Files.createDirectory(target);
                yield "is a directory";
            }
        };
        try (VideoClient client = client("jdk", "/")) {
            Throwable t = catchThrowable(() -> client.download(completed(server.uri("/bytes/1000")), 0, target));
            assertThat(t).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(expected);
        }
        assertThat(server.drainRequests()).as("nothing was fetched").isEmpty();
        assertThat(Files.isRegularFile(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)).as("left as it was").isFalse();
        assertThat(filesInDir()).allMatch(n -> !n.endsWith(".part"));
    }
}
