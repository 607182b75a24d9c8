package dev.vidgen.testkit.models;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Every field of a model set to every kind of odd JSON value, one at a time: reading and
 * validating the body must end in a request or in violations that name a rule and a path, never in
 * another exception (a family's rules must not throw on what the field constraints report).
 */
public final class HostileBodies {

    /** The odd values each field is set to. */
    public static final List<String> VALUES = List.of("null", "0", "-1", "2147483648", "1e309", "true", "\"\"", "\"x\"", "\" \"",
            "\"${1+1}{max}\\\\\"", "[]", "[null]", "[[]]", "[{}]", "[{\"prompt\":null}]", "{}", "[\"ftp://e.com/a\",null,1]",
            "[{\"frontal_image_url\":null,\"reference_image_urls\":[null,\"x\"]},null]", "[{\"prompt\":\"@Image2\",\"duration\":-5}]");

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private HostileBodies() {
    }

    /**
     * Checks {@code base} and every body made from it by setting one of {@code fields} to one of
     * {@link #VALUES}; returns how many bodies were checked.
     */
    public static int check(String base, List<String> fields) throws Exception {
        List<String> bodies = new ArrayList<>(List.of(base));
        for (String field : fields) {
            for (String value : VALUES) {
                ObjectNode body = (ObjectNode) JSON.readTree(base);
                body.set(field, JSON.readTree(value));
                bodies.add(JSON.writeValueAsString(body));
            }
        }
        for (String body : bodies) {
            Throwable thrown = catchThrowable(() -> checkOne(body));
            assertThat(thrown).as(body).isNull();
        }
        return bodies.size();
    }

    private static void checkOne(String body) {
        List<Violation> violations;
        try {
            violations = ModelFixtures.DEFAULTS.validate(ModelFixtures.CODEC.decodeRequest(body.getBytes(StandardCharsets.UTF_8)));
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
