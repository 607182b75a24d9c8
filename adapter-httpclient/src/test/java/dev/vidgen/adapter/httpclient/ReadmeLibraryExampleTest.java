package dev.vidgen.adapter.httpclient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.kling.KeepOriginalSound;
import dev.vidgen.domain.kling.KlingMode;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.kling.KlingVideo;
import dev.vidgen.domain.kling.ReferType;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.domain.veo.ReferenceType;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.domain.veo.VeoResolution;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Route;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "Using the library / Without Guice" example, run as written but against the embedded
 * fake API (the README takes base URL and key from the defaults and the environment).
 */
@Timeout(60)
class ReadmeLibraryExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeExampleSubmitsAwaitsAndDownloadsBothFamilies() throws Exception {
        List<String> progress = new ArrayList<>();
        try (FakeVideoApi api = FakeVideoApi.builder().taskDuration(Duration.ofMillis(400)).start();
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build()) {
            VideoTask veo = client.submitAndAwait(
                    VeoReferenceRequest.builder(VeoModel.STANDARD)
                            .prompt("A woman walking through a garden")
                            .referenceImage("https://example.com/ref1.jpg")
                            .resolution(VeoResolution.P1080)
                            .referenceType(ReferenceType.STYLE)
                            .build(),
                    AwaitOptions.builder()
                            .timeout(Duration.ofMinutes(20))
                            .minInterval(Duration.ofMillis(50))
                            .listener(e -> progress.add(String.format("%s %d%% eta %s", e.task().status(), e.percent(), e.eta())))
                            .build());
            Path garden = client.download(veo, 0, dir.resolve("garden.mp4"));

            VideoTask submitted = client.submit(KlingReferenceRequest.builder()
                    .prompt("参照 <<<video_1>>> 的运镜和节奏,拍摄城市雨夜街景")
                    .mode(KlingMode.PRO)
                    .video(new KlingVideo(URI.create("https://example.com/reference.mp4"), ReferType.FEATURE, KeepOriginalSound.NO))
                    .duration(5)
                    .build());
            VideoTask kling = client.await(submitted.id(), AwaitOptions.builder().minInterval(Duration.ofMillis(50)).build());

            assertThat(veo.status().state()).isEqualTo(TaskState.COMPLETED);
            assertThat(Files.size(garden)).isPositive();
            assertThat(kling.firstResultUrl()).isPresent();
            assertThat(progress).isNotEmpty().first().asString().startsWith("pending");
            assertThat(api.count(Route.SUBMIT)).isEqualTo(2);
        }
    }

    @Test
    void theReadmeValidationExampleFailsBeforeAnyCallWithBothRules() {
        try (FakeVideoApi api = FakeVideoApi.start();
             VideoClient client = VideoClient.builder().baseUrl(api.baseUrl()).apiKey(api.apiKey()).build()) {
            RequestValidationException e = catchThrowableOfType(RequestValidationException.class, () ->
                    client.submit(KlingReferenceRequest.builder().prompt("<<<image_2>>> at dusk").duration(20).build()));
            assertThat(e.violations()).extracting(Violation::ruleId)
                    .containsExactlyInAnyOrder("kling.duration.range", "kling.prompt.template-ref");
            assertThat(e.getMessage()).startsWith("request is invalid (2 violations): ");
            assertThat(api.count(Route.SUBMIT)).isZero();
        }
    }
}
