package dev.vidgen.models.klingr2v;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.testkit.models.HostileBodies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field of the model set to every kind of odd JSON value, one at a time (see {@link HostileBodies}). */
class HostileBodiesTest {

    static final List<String> FIELDS = List.of("prompt", "resolution", "generate_audio", "start_image_url", "end_image_url", "image_urls", "elements", "aspect_ratio", "duration", "shot_type", "multi_prompt");
    static final String BASE = "{\"model\":\"kling-o3-reference-to-video\",\"prompt\":\"@Image1 @Element99999999999 @Image0\",\"elements\":[{}],\"multi_prompt\":[{\"prompt\":null,\"duration\":2147483647},{\"duration\":2147483647}]}";

    @Test
    void oddValuesEndInARequestOrInWellFormedViolations() throws Exception {
        assertThat(HostileBodies.check(BASE, FIELDS)).isEqualTo(1 + FIELDS.size() * HostileBodies.VALUES.size());
    }
}
