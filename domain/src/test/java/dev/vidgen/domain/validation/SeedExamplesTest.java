package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/**
 * The example request of each built-in family (its page's curl body, kept in this module's test
 * resources under {@code seeds/}) validates clean.
 */
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

    /** Guards the transcription above against the pages' own examples (test resources {@code seeds/*.curl}). */
    @Test
    void theExamplesAreTheDocumentsOwn() throws IOException {
        String veo = seed("veo-3.1-reference-to-video.curl");
        String kling = seed("kling-o3-ref.curl");
        assertThat(veo).contains("\"model\": \"veo-3.1-reference-to-video\"", "\"prompt\": \"A woman walking through a garden\"",
                "\"https://example.com/ref1.jpg\"", "\"duration\": 8", "\"resolution\": \"1080p\"", "\"reference_type\": \"STYLE\"");
        assertThat(kling).contains("\"model\": \"kling-o3-ref\"", "\"prompt\": \"" + KLING_EXAMPLE.prompt() + "\"", "\"mode\": \"pro\"",
                "\"video_url\": \"https://example.com/reference.mp4\"", "\"refer_type\": \"feature\"",
                "\"keep_original_sound\": \"no\"", "\"duration\": 5");
    }

    /** A seed example from the test resources (also in this module's test-jar, for the fake API's tests). */
    static String seed(String name) throws IOException {
        try (InputStream in = SeedExamplesTest.class.getResourceAsStream("/seeds/" + name)) {
            if (in == null) {
                throw new IOException("test resource seeds/" + name + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
