package dev.vidgen.models.veoi2v;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every field of the model set to every kind of odd JSON value, one at a time: reading and
 * validating the body ends in a request or in violations that name a rule and a path, never in
 * another exception (the family's rules must not throw on what the field constraints report).
 */
class HostileBodiesTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final List<String> FIELDS = List.of("prompt", "image_url", "aspect_ratio", "resolution", "duration", "generate_audio", "auto_fix", "safety_tolerance");
    static final List<String> VALUES = List.of("null", "0", "-1", "2147483648", "1e309", "true", "\"\"", "\"x\"", "\" \"",
            "\"${1+1}{max}\\\\\"", "[]", "[null]", "[[]]", "[{}]", "[{\"prompt\":null}]", "{}", "[\"ftp://e.com/a\",null,1]",
            "[{\"frontal_image_url\":null,\"reference_image_urls\":[null,\"x\"]},null]", "[{\"prompt\":\"@Image2\",\"duration\":-5}]");
    static final String BASE = "{\"model\":\"veo-3.1-lite-image-to-video\",\"prompt\":\"p\",\"image_url\":\"https://e.com/a.jpg\"}";

    @Test
    void oddValuesEndInARequestOrInWellFormedViolations() throws Exception {
        List<String> bodies = new ArrayList<>(List.of(BASE));
        for (String field : FIELDS) {
            for (String value : VALUES) {
                ObjectNode body = (ObjectNode) JSON.readTree(BASE);
                body.set(field, JSON.readTree(value));
                bodies.add(JSON.writeValueAsString(body));
            }
        }
        for (String body : bodies) {
            Throwable thrown = catchThrowable(() -> check(body));
            assertThat(thrown).as(body).isNull();
        }
    }

    private static void check(String body) {
        List<Violation> violations;
        try {
            violations = Fixtures.DEFAULTS.validate(Fixtures.CODEC.decodeRequest(body.getBytes(StandardCharsets.UTF_8)));
        } catch (RequestValidationException e) {
            violations = e.violations();
            assertThat(violations).as(body).isNotEmpty();
        }
        for (Violation v : violations) {
            assertThat(v.ruleId()).as(body).isNotBlank().doesNotContain(" ");
            assertThat(v.path()).as(body).isNotNull();
            assertThat(v.message()).as(body).isNotBlank();
        }
    }
}
