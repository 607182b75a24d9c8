package dev.vidgen.client.download;

import static dev.vidgen.client.testsupport.FakeHttpTransport.ok;
import static dev.vidgen.client.testsupport.FakeHttpTransport.redirect;
import static dev.vidgen.client.testsupport.FakeHttpTransport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.error.ResultExpiredException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.client.testsupport.FakeHttpTransport;
import dev.vidgen.client.testsupport.FakeHttpTransport.BreakMidStream;
import dev.vidgen.client.testsupport.FakeHttpTransport.Fail;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.client.testsupport.Snapshots;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.TransportException;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResultDownloaderTest {

    private static final String ID = "task-unified-1757165031-uyujaw3d";
    private static final String URL = "https://cdn.example.com/v/video.mp4?X-Amz-Signature=s3cr3tsig";
    private static final RetryPolicy RETRY = RetryPolicy.builder().maxAttempts(3).initialBackoff(Duration.ofMillis(500)).maxBackoff(Duration.ofSeconds(8)).multiplier(2.0).jitter(0.2).build();

    @TempDir
    Path dir;

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

    private ResultDownloader downloader(FakeHttpTransport transport) {
        return new ResultDownloader(transport, RETRY, d -> sleeps.add(d));
    }

    private static VideoTask completed(String... urls) {
        Snapshots s = Snapshots.of(ID).status("completed").progress(100);
        for (String u : urls) {
            s.result(u);
        }
        return s.build();
    }

    private List<Path> filesInDir() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.toList();
        }
    }

    private static String read(Path p) throws IOException {
        return Files.readString(p, StandardCharsets.UTF_8);
    }

    // --- success, atomically -----------------------------------------------------------------

    @Test
    void streamsIntoATempFileBesideTheTargetThenMovesItIntoPlace() throws IOException {
        Path target = dir.resolve("video.mp4");
        FakeHttpTransport transport = new FakeHttpTransport(r -> {
            // while the body streams, the target does not exist yet
            assertThat(target).doesNotExist();
            return ok("MP4 bytes");
        });

        Path result = downloader(transport).download(completed(URL), 0, target);

        assertThat(result).isEqualTo(target);
        assertThat(read(target)).isEqualTo("MP4 bytes");
        assertThat(filesInDir()).containsExactly(target);
        Path written = transport.targets().get(0);
        assertThat(written).isNotEqualTo(target);
        assertThat(written.getParent()).isEqualTo(target.toAbsolutePath().getParent());
        assertThat(written).doesNotExist();
    }

    @Test
    void sendsAPlainGetWithoutAnyHeaderToTheResultUrl() {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(ok("x"));

        downloader(transport).download(completed(URL), 0, dir.resolve("v.mp4"));

        assertThat(transport.requests()).singleElement().satisfies(r -> {
            assertThat(r.method()).isEqualTo("GET");
            assertThat(r.uri()).isEqualTo(URI.create(URL));
            assertThat(r.headers()).isEmpty();
        });
    }

    @Test
    void picksTheResultByIndexAndReplacesAnExistingFile() throws IOException {
        Path target = dir.resolve("second.mp4");
        Files.writeString(target, "old");
        FakeHttpTransport transport = FakeHttpTransport.inTurn(ok("new"));

        downloader(transport).download(completed(URL, "https://cdn.example.com/second.mp4"), 1, target);

        assertThat(read(target)).isEqualTo("new");
        assertThat(transport.requests().get(0).uri()).hasToString("https://cdn.example.com/second.mp4");
    }

    @Test
    void createsTheTargetDirectory() throws IOException {
        Path target = dir.resolve("a/b/v.mp4");

        downloader(FakeHttpTransport.inTurn(ok("x"))).download(completed(URL), 0, target);

        assertThat(read(target)).isEqualTo("x");
    }

    // --- failures leave nothing behind -------------------------------------------------------

    @Test
    void aTransferBrokenMidStreamEveryTimeLeavesNoPartialFile() throws IOException {
        Path target = dir.resolve("v.mp4");
        FakeHttpTransport transport = FakeHttpTransport.inTurn(new BreakMidStream("MP4 by".getBytes(StandardCharsets.UTF_8)));

        assertThatThrownBy(() -> downloader(transport).download(completed(URL), 0, target))
                .isInstanceOf(TransportIoException.class)
                .hasMessageContaining("result 0 of task " + ID)
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("connection reset");

        assertThat(transport.requests()).hasSize(3);
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aFailedDownloadLeavesAnExistingTargetAsItWas() throws IOException {
        Path target = dir.resolve("v.mp4");
        Files.writeString(target, "previous video");
        FakeHttpTransport transport = FakeHttpTransport.inTurn(new BreakMidStream(new byte[] {1, 2, 3}));

        assertThatThrownBy(() -> downloader(transport).download(completed(URL), 0, target)).isInstanceOf(TransportIoException.class);

        assertThat(read(target)).isEqualTo("previous video");
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void ioErrorsAreRetriedWithBackoffThenSucceed() throws IOException {
        Path target = dir.resolve("v.mp4");
        FakeHttpTransport transport = FakeHttpTransport.inTurn(
                new BreakMidStream(new byte[] {1, 2}), new Fail(TransportException.Kind.CONNECT), ok("whole video"));

        downloader(transport).download(completed(URL), 0, target);

        assertThat(read(target)).isEqualTo("whole video");
        assertThat(filesInDir()).containsExactly(target);
        assertThat(transport.requests()).hasSize(3);
        // 500 ms then 1 s, each minus up to 20% jitter
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ofMillis(400), Duration.ofMillis(500));
        assertThat(sleeps.get(1)).isBetween(Duration.ofMillis(800), Duration.ofMillis(1000));
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404, 410})
    void anExpiredOrVanishedUrlIsResultExpiredNamingTheTask(int code) throws IOException {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(status(code));

        assertThatThrownBy(() -> downloader(transport).download(completed(URL), 0, dir.resolve("v.mp4")))
                .isInstanceOfSatisfying(ResultExpiredException.class, e -> {
                    assertThat(e.taskId().value()).isEqualTo(ID);
                    assertThat(e.httpStatus()).isEqualTo(code);
                })
                .hasMessageContaining(ID).hasMessageContaining("expired or is gone");

        assertThat(transport.requests()).hasSize(1);
        assertThat(filesInDir()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(ints = {429, 500, 502, 503, 504})
    void rateLimitsAndServerErrorsAreRetried(int code) throws IOException {
        Path target = dir.resolve("v.mp4");
        FakeHttpTransport transport = FakeHttpTransport.inTurn(status(code), ok("video"));

        downloader(transport).download(completed(URL), 0, target);

        assertThat(read(target)).isEqualTo("video");
        assertThat(transport.requests()).hasSize(2);
    }

    @Test
    void aPersistentServerErrorFailsAfterEveryAttemptWithoutLeakingTheSignature() throws IOException {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(status(503));

        assertThatThrownBy(() -> downloader(transport).download(completed(URL), 0, dir.resolve("v.mp4")))
                .isInstanceOf(VidgenException.class)
                .hasMessageContaining("HTTP 503")
                .hasMessageContaining("after 3 attempts")
                .hasMessageContaining("https://cdn.example.com")
                .hasMessageNotContaining("s3cr3tsig");

        assertThat(transport.requests()).hasSize(3);
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void retryAfterIsHonouredUpToAMinute() {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(
                status(503, "Retry-After", "5"), status(429, "Retry-After", "3600"), ok("video"));

        downloader(transport).download(completed(URL), 0, dir.resolve("v.mp4"));

        assertThat(sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofMinutes(1));
    }

    @Test
    void anotherClientErrorFailsAtOnce() throws IOException {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(status(400));

        assertThatThrownBy(() -> downloader(transport).download(completed(URL), 0, dir.resolve("v.mp4")))
                .isInstanceOf(VidgenException.class).isNotInstanceOf(ResultExpiredException.class)
                .hasMessageContaining("HTTP 400");

        assertThat(transport.requests()).hasSize(1);
        assertThat(sleeps).isEmpty();
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void anInterruptWhileWaitingToRetryStopsWithTheFlagKeptAndNoFile() throws IOException {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(status(503));
        ResultDownloader interrupted = new ResultDownloader(transport, RETRY, d -> {
            throw new InterruptedException();
        });

        try {
            assertThatThrownBy(() -> interrupted.download(completed(URL), 0, dir.resolve("v.mp4")))
                    .isInstanceOf(CancellationException.class).hasMessageContaining("interrupted");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(transport.requests()).hasSize(1);
        assertThat(filesInDir()).isEmpty();
    }

    // --- https only, loopback http allowed ---------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"http://cdn.example.com/v.mp4", "http://10.0.0.1/v.mp4", "ftp://cdn.example.com/v.mp4",
            "file:///etc/passwd", "http://127.0.0.1.example.com/v.mp4"})
    void aUrlThatIsNotHttpsIsRefusedBeforeAnyRequest(String url) throws IOException {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(ok("x"));

        assertThatThrownBy(() -> downloader(transport).download(completed(url), 0, dir.resolve("v.mp4")))
                .isInstanceOf(VidgenException.class)
                .hasMessageContaining("refusing to download result 0 of task " + ID)
                .hasMessageContaining("not https");

        assertThat(transport.requests()).isEmpty();
        assertThat(filesInDir()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/v.mp4", "http://127.1.2.3/v.mp4", "http://localhost:9000/v.mp4", "http://[::1]:8080/v.mp4"})
    void plainHttpToALoopbackHostIsAllowedWhenEnabled(String url) throws IOException {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(ok("local"));
        Path target = dir.resolve("v.mp4");

        downloader(transport).download(completed(url), 0, target);

        assertThat(read(target)).isEqualTo("local");
    }

    // --- redirects ---------------------------------------------------------------------------

    @Test
    void redirectsAreFollowedToAnotherHostWithoutCredentials() throws IOException {
        Path target = dir.resolve("v.mp4");
        FakeHttpTransport transport = FakeHttpTransport.inTurn(
                redirect(302, "https://storage.example.net/bucket/v.mp4?sig=abc"),
                redirect(307, "/bucket/final.mp4"),
                ok("moved video"));

        downloader(transport).download(completed(URL), 0, target);

        assertThat(read(target)).isEqualTo("moved video");
        assertThat(transport.requests()).extracting(r -> r.uri().toString()).containsExactly(
                URL, "https://storage.example.net/bucket/v.mp4?sig=abc", "https://storage.example.net/bucket/final.mp4");
        assertThat(transport.requests()).allSatisfy(r -> {
            assertThat(r.header("Authorization")).isEmpty();
            assertThat(r.headers()).isEmpty();
        });
        assertThat(filesInDir()).containsExactly(target);
    }

    @Test
    void fiveRedirectsAreFollowedButNotSix() throws IOException {
        FakeHttpTransport five = new FakeHttpTransport(redirectsThen(5));
        downloader(five).download(completed(URL), 0, dir.resolve("five.mp4"));
        assertThat(five.requests()).hasSize(6);

        FakeHttpTransport six = new FakeHttpTransport(redirectsThen(6));
        assertThatThrownBy(() -> downloader(six).download(completed(URL), 0, dir.resolve("six.mp4")))
                .isInstanceOf(VidgenException.class).hasMessageContaining("more than 5 redirects");
        assertThat(six.requests()).hasSize(6);
        assertThat(filesInDir()).extracting(p -> p.getFileName().toString()).containsExactly("five.mp4");
    }

    private static java.util.function.Function<HttpRequest, FakeHttpTransport.Reply> redirectsThen(int redirects) {
        return r -> {
            String path = r.uri().getPath();
            int hop = path.startsWith("/hop") ? Integer.parseInt(path.substring(4)) : 0;
            return hop < redirects ? redirect(302, "/hop" + (hop + 1)) : ok("after " + hop);
        };
    }

    @Test
    void aRedirectToPlainHttpIsRefused() throws IOException {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(redirect(301, "http://cdn.example.com/v.mp4"), ok("x"));

        assertThatThrownBy(() -> downloader(transport).download(completed(URL), 0, dir.resolve("v.mp4")))
                .isInstanceOf(VidgenException.class).hasMessageContaining("redirect target http://cdn.example.com is not https");

        assertThat(transport.requests()).hasSize(1);
        assertThat(filesInDir()).isEmpty();
    }

    @Test
    void aRedirectWithoutLocationFails() {
        FakeHttpTransport transport = FakeHttpTransport.inTurn(status(302));

        assertThatThrownBy(() -> downloader(transport).download(completed(URL), 0, dir.resolve("v.mp4")))
                .isInstanceOf(VidgenException.class).hasMessageContaining("without a Location header");
    }

    // --- bad input ---------------------------------------------------------------------------

    @Test
    void onlyACompletedTaskWithThatResultCanBeDownloaded() {
        ResultDownloader d = downloader(FakeHttpTransport.inTurn(ok("x")));
        VideoTask running = Snapshots.of(ID).status("processing").build();

        assertThatThrownBy(() -> d.download(running, 0, dir.resolve("v.mp4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is processing; only a completed task");
        assertThatThrownBy(() -> d.download(completed(URL), 1, dir.resolve("v.mp4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 1 result; result index 1 is out of range (0 to 0)");
        assertThatThrownBy(() -> d.download(completed(), 0, dir.resolve("v.mp4")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 0 results");
        assertThatThrownBy(() -> d.download(completed(URL), 0, dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("is a directory");
    }

    // --- waiting in virtual time, async form ---------------------------------------------------

    @Test
    void theSchedulerSleeperWaitsForTheSchedulersTime() throws Exception {
        VirtualTime time = new VirtualTime();
        ResultDownloader d = new ResultDownloader(FakeHttpTransport.inTurn(status(503), ok("video")), RETRY, time);
        Path target = dir.resolve("v.mp4");

        CompletableFuture<Path> f = CompletableFuture.supplyAsync(() -> d.download(completed(URL), 0, target));
        while (time.pendingTasks() == 0) {
            Thread.sleep(1);
        }
        assertThat(f).isNotDone();
        time.advance(Duration.ofMillis(500));

        assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(target);
        assertThat(read(target)).isEqualTo("video");
    }

    @Test
    void downloadAsyncRunsOnTheGivenExecutor() throws Exception {
        List<String> threads = new CopyOnWriteArrayList<>();
        ResultDownloader d = downloader(new FakeHttpTransport(r -> {
            threads.add(Thread.currentThread().getName());
            return ok("video");
        }));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "download-pool"));
        try {
            Path p = d.downloadAsync(completed(URL), 0, dir.resolve("v.mp4"), pool).get(5, TimeUnit.SECONDS);
            assertThat(read(p)).isEqualTo("video");
            assertThat(threads).containsExactly("download-pool");
        } finally {
            pool.shutdownNow();
        }
    }
}
