package dev.vidgen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.cli.CliHarness.Result;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.ResultShape;
import dev.vidgen.fake.server.SampleVideo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A fake API that answers finished tasks in the older {@code output} shape: the CLI still downloads the video. */
class OutputShapeTest {

    @TempDir
    Path dir;

    @Test
    void aTaskAnsweredInTheOutputShapeIsDownloaded() throws Exception {
        try (FakeVideoApi api = FakeVideoApi.builder().apiKeys(CliHarness.KEY).taskDuration(Duration.ofMillis(300))
                .resultShape(ResultShape.OUTPUT).start()) {
            Path body = Files.writeString(dir.resolve("veo.json"), OfflineCommandsTest.VALID_VEO);
            Path video = dir.resolve("v.mp4");

            Result r = CliHarness.against(api).run("submit", body.toString(), "--output", video.toString());

            assertThat(r.code()).as(r.toString()).isZero();
            assertThat(video).hasBinaryContent(SampleVideo.bytes());
        }
    }
}
