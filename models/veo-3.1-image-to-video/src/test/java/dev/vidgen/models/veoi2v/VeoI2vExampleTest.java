package dev.vidgen.models.veoi2v;

import static dev.vidgen.testkit.models.ModelFixtures.CODEC;
import static dev.vidgen.testkit.models.ModelFixtures.resource;
import static dev.vidgen.testkit.models.ModelFixtures.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import dev.vidgen.testkit.models.ModelFixtures;
import dev.vidgen.testkit.models.PageExampleContract;
import org.junit.jupiter.api.Test;

/** The example body of foxapi's page: valid, read into the typed request, and written back byte for byte. */
class VeoI2vExampleTest extends PageExampleContract {

    /** The page's body as one line, in the page's field order. */
    static String pageBody() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        return json.writeValueAsString(json.readTree(resource(ModelFixtures.class, "examples/veo-3.1-image-to-video.json")));
    }

    static final VeoImageToVideoRequest PAGE_EXAMPLE = VeoImageToVideoRequest.builder(VeoI2vModel.STANDARD)
            .prompt("The flowers sway gently in the wind")
            .imageUrl("https://example.com/photo.jpg")
            .resolution(VeoI2vResolution.P1080)
            .duration(8)
            .generateAudio(true)
            .build();

    VeoI2vExampleTest() throws Exception {
        super(pageBody(), PAGE_EXAMPLE);
    }

    @Test
    void onlyTheFieldsSetAreSentAndNoDefaultIsFilledIn() {
        VeoImageToVideoRequest minimal = VeoImageToVideoRequest.builder(VeoI2vModel.LITE).prompt("p")
                .imageUrl(URI.create("https://example.com/a.png")).build();
        assertThat(new String(CODEC.encodeRequest(minimal), StandardCharsets.UTF_8))
                .isEqualTo("{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\"p\",\"image_url\":\"https://example.com/a.png\"}");

        VeoImageToVideoRequest all = VeoImageToVideoRequest.builder(VeoI2vModel.FAST).prompt("p").imageUrl("https://example.com/a.png")
                .aspectRatio(VeoI2vAspectRatio.PORTRAIT_9_16).resolution(VeoI2vResolution.UHD_4K).duration(4)
                .generateAudio(false).autoFix(true).safetyTolerance(2).build();
        assertThat(new String(CODEC.encodeRequest(all), StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"veo-3.1-fast-image-to-video\","
                + "\"prompt\":\"p\",\"image_url\":\"https://example.com/a.png\",\"aspect_ratio\":\"9:16\",\"resolution\":\"4k\","
                + "\"duration\":4,\"generate_audio\":false,\"auto_fix\":true,\"safety_tolerance\":2}");
    }

    @Test
    void aStringUrlAndAUriUrlMakeTheSameRequest() {
        assertThat(PAGE_EXAMPLE.toBuilder().imageUrl(URI.create("https://example.com/photo.jpg")).build()).isEqualTo(PAGE_EXAMPLE);
        assertThat(PAGE_EXAMPLE.toBuilder().build()).isEqualTo(PAGE_EXAMPLE);
    }

    @Test
    void aMalformedUrlReachesValidationWithItsTextInsteadOfFailingTheBuilder() {
        VeoImageToVideoRequest r = PAGE_EXAMPLE.toBuilder().imageUrl("https://exa mple.com/a b.jpg").build();
        assertThat(violations(r)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo("url.absolute-http");
            assertThat(v.message()).contains("\"https://exa mple.com/a b.jpg\"");
        });
    }
}
