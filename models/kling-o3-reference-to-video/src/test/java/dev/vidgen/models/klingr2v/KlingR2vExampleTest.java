package dev.vidgen.models.klingr2v;

import static dev.vidgen.testkit.models.ModelFixtures.CODEC;
import static dev.vidgen.testkit.models.ModelFixtures.resource;
import static dev.vidgen.testkit.models.ModelFixtures.violations;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import dev.vidgen.testkit.models.ModelFixtures;
import dev.vidgen.testkit.models.PageExampleContract;
import org.junit.jupiter.api.Test;

/** The example body of foxapi's page: valid, read into the typed request, and written back byte for byte. */
class KlingR2vExampleTest extends PageExampleContract {

    /** The page's body as one line, in the page's field order. */
    static String pageBody() throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        return json.writeValueAsString(json.readTree(resource(ModelFixtures.class, "examples/kling-o3-reference-to-video.json")));
    }

    static final KlingReferenceToVideoRequest PAGE_EXAMPLE = KlingReferenceToVideoRequest.builder()
            .prompt("Referencing the coastline composition of @Image1 and the character appearance of @Element1, "
                    + "generate a travel clip in morning mist")
            .resolution(KlingR2vResolution.P720)
            .startImageUrl("https://picsum.photos/id/1015/1280/720.jpg")
            .image("https://picsum.photos/id/1016/1280/720.jpg")
            .element(KlingElement.of("https://picsum.photos/id/1027/768/1024.jpg", "https://picsum.photos/id/1028/768/1024.jpg"))
            .aspectRatio(KlingR2vAspectRatio.LANDSCAPE_16_9)
            .duration(5)
            .build();

    KlingR2vExampleTest() throws Exception {
        super(pageBody(), PAGE_EXAMPLE);
    }

    @Test
    void theOtherFieldsAreWrittenInTheApisNamesAndOnlyWhenSet() {
        KlingReferenceToVideoRequest r = KlingReferenceToVideoRequest.builder().generateAudio(true)
                .endImageUrl(URI.create("https://e.com/end.jpg")).shotType(KlingR2vShotType.CUSTOMIZE)
                .duration(6).segment("a @Image1", 2).segment("b", 4).image(URI.create("https://e.com/1.jpg")).build();
        assertThat(new String(CODEC.encodeRequest(r), StandardCharsets.UTF_8)).isEqualTo("{\"model\":\"kling-o3-reference-to-video\","
                + "\"generate_audio\":true,\"end_image_url\":\"https://e.com/end.jpg\",\"image_urls\":[\"https://e.com/1.jpg\"],"
                + "\"duration\":6,\"shot_type\":\"customize\","
                + "\"multi_prompt\":[{\"prompt\":\"a @Image1\",\"duration\":2},{\"prompt\":\"b\",\"duration\":4}]}");
        assertThat(violations(r)).isEmpty();
        assertThat(new String(CODEC.encodeRequest(KlingReferenceToVideoRequest.builder().prompt("p").build()), StandardCharsets.UTF_8))
                .isEqualTo("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"p\"}");
    }

    @Test
    void stringAndUriUrlsMakeTheSameRequest() {
        KlingReferenceToVideoRequest withUris = PAGE_EXAMPLE.toBuilder()
                .startImageUrl(URI.create("https://picsum.photos/id/1015/1280/720.jpg"))
                .imageUrls(java.util.List.of(URI.create("https://picsum.photos/id/1016/1280/720.jpg")))
                .elements(java.util.List.of(KlingElement.of(URI.create("https://picsum.photos/id/1027/768/1024.jpg"),
                        URI.create("https://picsum.photos/id/1028/768/1024.jpg"))))
                .build();
        assertThat(withUris).isEqualTo(PAGE_EXAMPLE);
        assertThat(PAGE_EXAMPLE.toBuilder().build()).isEqualTo(PAGE_EXAMPLE);
    }

    @Test
    void theSeedsKlingO3RefIsAnotherModelWithAnotherShape() {
        assertThat(CODEC.decodeRequest("{\"model\":\"kling-o3-ref\",\"prompt\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KlingReferenceRequest.class);
        assertThat(CODEC.decodeRequest("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"a\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(KlingReferenceToVideoRequest.class);
        // the seed's field is unknown here, and this model's is unknown there
        assertThat(violations("{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"a\",\"image_list\":[]}"))
                .singleElement().satisfies(v -> assertThat(v.ruleId()).isEqualTo("json.unknown-field"));
        assertThat(violations("{\"model\":\"kling-o3-ref\",\"prompt\":\"a\",\"image_urls\":[]}"))
                .singleElement().satisfies(v -> assertThat(v.ruleId()).isEqualTo("json.unknown-field"));
    }
}
