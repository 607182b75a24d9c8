package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.vidgen.domain.kling.KeepOriginalSound;
import dev.vidgen.domain.kling.KlingMode;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.kling.KlingVideo;
import dev.vidgen.domain.kling.ReferType;
import dev.vidgen.domain.veo.ReferenceType;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.domain.veo.VeoResolution;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The example request of each seed document (its curl body) validates clean. */
class SeedExamplesTest {

    /** Seed 000's curl body. */
    static final VeoReferenceRequest VEO_EXAMPLE = VeoReferenceRequest.builder(VeoModel.STANDARD)
            .prompt("A woman walking through a garden")
            .referenceImage("https://example.com/ref1.jpg")
            .duration(8)
            .resolution(VeoResolution.P1080)
            .referenceType(ReferenceType.STYLE)
            .build();

    /** Seed 002's curl body. */
    static final KlingReferenceRequest KLING_EXAMPLE = KlingReferenceRequest.builder()
            .prompt("参照 <<<video_1>>> 的运镜和节奏,拍摄城市雨夜街景")
            .mode(KlingMode.PRO)
            .video(new KlingVideo(URI.create("https://example.com/reference.mp4"), ReferType.FEATURE, KeepOriginalSound.NO))
            .duration(5)
            .build();

    @Test
    void veoExampleIsValid() {
        assertThat(TestValidation.DEFAULTS.validate(VEO_EXAMPLE)).isEmpty();
    }

    @Test
    void klingExampleIsValid() {
        assertThat(TestValidation.DEFAULTS.validate(KLING_EXAMPLE)).isEmpty();
    }

    /** Guards the transcription above against the documents, where they are at hand (shared/seeds beside the repo). */
    @Test
    void theExamplesAreTheDocumentsOwn() throws IOException {
        Path seeds = ApiDocRuleIdsTest.sharedDir().map(d -> d.resolve("seeds")).orElse(null);
        assumeTrue(seeds != null && Files.isDirectory(seeds), "shared/seeds not beside the repository");
        String veo = Files.readString(seeds.resolve("000_d3b8dda72deb854a.txt"), StandardCharsets.UTF_8);
        String kling = Files.readString(seeds.resolve("002_fbfd22939f97d0df.txt"), StandardCharsets.UTF_8);
        assertThat(veo).contains("\"model\": \"veo-3.1-reference-to-video\"", "\"prompt\": \"A woman walking through a garden\"",
                "\"https://example.com/ref1.jpg\"", "\"duration\": 8", "\"resolution\": \"1080p\"", "\"reference_type\": \"STYLE\"");
        assertThat(kling).contains("\"model\": \"kling-o3-ref\"", "\"prompt\": \"" + KLING_EXAMPLE.prompt() + "\"", "\"mode\": \"pro\"",
                "\"video_url\": \"https://example.com/reference.mp4\"", "\"refer_type\": \"feature\"",
                "\"keep_original_sound\": \"no\"", "\"duration\": 5");
    }
}
