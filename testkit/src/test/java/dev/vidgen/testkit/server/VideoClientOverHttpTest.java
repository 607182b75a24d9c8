package dev.vidgen.testkit.server;

import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.Route;
import dev.vidgen.fake.server.SampleVideo;
import dev.vidgen.testkit.junit.FakeVideoApiExtension;

import static dev.vidgen.testkit.assertj.VidgenAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.error.InvalidRequestException;
import dev.vidgen.client.error.ServerException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.kling.KlingImage;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.ValidationPolicy;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.testkit.support.JdkTestTransport;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The real VideoClient over real HTTP against the fake API: the whole path a user's test takes. */
class VideoClientOverHttpTest {

    @RegisterExtension
    static final FakeVideoApiExtension FAKE = FakeVideoApiExtension.create(b -> b.taskDuration(Duration.ofMillis(300)));

    private final JdkTestTransport transport = new JdkTestTransport();

    private static final AwaitOptions QUICK = AwaitOptions.builder().timeout(Duration.ofSeconds(20))
            .minInterval(Duration.ofMillis(20)).maxInterval(Duration.ofMillis(100)).build();
    private static final RetryPolicy FAST_RETRIES = RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(10)).maxBackoff(Duration.ofMillis(50)).multiplier(2.0).jitter(0).build();

    @AfterEach
    void closeTransport() {
        transport.close();
    }

    private VideoClient client(FakeVideoApi api) {
        return VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).transport(transport).retryPolicy(FAST_RETRIES).build();
    }

    private static KlingReferenceRequest request() {
        return KlingReferenceRequest.builder().prompt("a rainy street at night").build();
    }

    @Test
    void submitAwaitAndDownloadTheServedVideo(FakeVideoApi api, @TempDir Path dir) throws Exception {
        try (VideoClient client = client(api)) {
            VideoTask task = client.submitAndAwait(request(), QUICK);

            assertThat(task).isCompleted().hasResultUrl().hasWellFormedId();
            assertThat(URI.create(task.firstResultUrl().orElseThrow().toString()).getPort()).isEqualTo(api.port());
            Path file = client.download(task, 0, dir.resolve("out.mp4"));
            assertThat(Files.readAllBytes(file)).isEqualTo(SampleVideo.bytes());
        }
        assertThat(api).receivedSubmits(1).createdTasks(1).receivedOnlyAuthorizedRequests();
        assertThat(api.requests(Route.SUBMIT).get(0).bodyText()).isEqualTo("{\"model\":\"kling-o3-ref\",\"prompt\":\"a rainy street at night\"}");
    }

    @Test
    void rateLimitsAreRetriedAndCreateOneTask(FakeVideoApi api) {
        api.faults().next(Route.SUBMIT, Fault.rateLimited(Duration.ZERO), 2);

        try (VideoClient client = client(api)) {
            assertThat(client.submit(request())).hasStatus("pending");
        }
        assertThat(api).receivedSubmits(3).createdTasks(1).usedAllScriptedFaults();
    }

    @Test
    void aServerErrorAfterCreatingIsNotRetriedBlindly(FakeVideoApi api) {
        api.faults().next(Route.SUBMIT, Fault.status(500).afterProcessing());

        try (VideoClient client = client(api)) {
            assertThatThrownBy(() -> client.submit(request())).isInstanceOfSatisfying(ServerException.class,
                    e -> assertThat(e.taskMayHaveBeenCreated()).isTrue());
        }
        assertThat(api).receivedSubmits(1).createdTasks(1);
    }

    @Test
    void queryFaultsAreRiddenOut(FakeVideoApi api) {
        api.faults().next(Route.QUERY, Fault.status(503)).next(Route.QUERY, Fault.reset())
                .next(Route.QUERY, Fault.unknownStatus("queued")).next(Route.QUERY, Fault.status(502))
                .completedWithoutResults(1).unknownFields(true);

        try (VideoClient client = client(api)) {
            assertThat(client.submitAndAwait(request(), QUICK)).isCompleted().hasResultUrl();
        }
        assertThat(api).receivedSubmits(1).usedAllScriptedFaults();
        assertThat(api.faults().pendingEmptyResults()).isZero();
    }

    @Test
    void aRuleTheClientSwitchedOffIsStillEnforcedByTheServer(FakeVideoApi api) {
        KlingReferenceRequest.Builder many = KlingReferenceRequest.builder().prompt("eight images");
        for (int i = 0; i < 8; i++) {
            many.image(KlingImage.reference(URI.create("https://example.com/" + i + ".jpg")));
        }
        try (VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).transport(transport)
                .validationPolicy(new ValidationPolicy(Set.of("kling.image.count"))).build()) {
            assertThatThrownBy(() -> client.submit(many.build())).isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                assertThat(e.httpStatus()).isEqualTo(422);
                assertThat(e.errorCode()).isEqualTo("kling.image.count");
            });
        }
        assertThat(api).receivedSubmits(1).createdTasks(0);
    }

    @Test
    void aWrongKeyIsAnAuthenticationFailureThatNeverShowsTheKey(FakeVideoApi api) {
        String wrong = "sk-not-the-right-one-4242";
        try (VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(wrong).transport(transport).build()) {
            assertThatThrownBy(() -> client.submit(request())).isInstanceOfSatisfying(VidgenException.class,
                    e -> assertThat(e.getMessage()).doesNotContain(wrong));
        }
        assertThat(api).createdTasks(0);
    }

    @Test
    void aFailedTaskIsReportedWithItsCode(FakeVideoApi api) {
        api.defaultLifecycle(Lifecycle.builder().processing(10).failed("generation_failed"));

        try (VideoClient client = client(api)) {
            VideoTask submitted = client.submit(request());
            assertThatThrownBy(() -> client.await(submitted.id(), QUICK))
                    .isInstanceOfSatisfying(dev.vidgen.client.error.TaskFailedException.class,
                            e -> assertThat(e.task()).isFailedWithCode("generation_failed"));
        }
    }
}
