package dev.vidgen.models.veoi2v;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.testkit.models.HostileBodies;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every field of the model set to every kind of odd JSON value, one at a time (see {@link HostileBodies}). */
class HostileBodiesTest {

    static final List<String> FIELDS = List.of("prompt", "image_url", "aspect_ratio", "resolution", "duration", "generate_audio", "auto_fix", "safety_tolerance");
    static final String BASE = "{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\"p\",\"image_url\":\"https://e.com/a.jpg\"}";

    @Test
    void oddValuesEndInARequestOrInWellFormedViolations() throws Exception {
        assertThat(HostileBodies.check(BASE, FIELDS)).isEqualTo(1 + FIELDS.size() * HostileBodies.VALUES.size());
    }
}
