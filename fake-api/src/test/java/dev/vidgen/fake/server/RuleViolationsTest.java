package dev.vidgen.fake.server;

import static dev.vidgen.fake.server.Http.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule of docs/api.md, broken alone in an otherwise valid body, gets a 422 that names the rule id
 * and the field (in the API's JSON names), and creates no task.
 */
class RuleViolationsTest {

    private static final String VEO = "\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"a garden\",\"reference_image_urls\":[\"https://example.com/1.jpg\"]";
    private static final String VEO_FAST = "\"model\":\"veo-3.1-fast-reference-to-video\",\"prompt\":\"a garden\",\"reference_image_urls\":[\"https://example.com/1.jpg\"]";
    private static final String KLING = "\"model\":\"kling-o3-ref\"";
    private static final String IMG = "{\"image_url\":\"https://example.com/i.jpg\"}";
    private static final String FEATURE_VIDEO = "{\"video_url\":\"https://example.com/v.mp4\",\"refer_type\":\"feature\"}";
    private static final String BASE_VIDEO = "{\"video_url\":\"https://example.com/v.mp4\",\"refer_type\":\"base\"}";

    private static FakeVideoApi api;

    @BeforeAll
    static void start() {
        api = FakeVideoApi.start();
    }

    @AfterAll
    static void stop() {
        api.close();
    }

    static Stream<Arguments> violations() {
        return Stream.of(
                rule("veo.prompt.required", "prompt", "{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\" \",\"reference_image_urls\":[\"https://example.com/1.jpg\"]}"),
                rule("veo.reference-images.count", "reference_image_urls", "{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"a\",\"reference_image_urls\":[]}"),
                rule("veo.reference-images.count", "reference_image_urls", "{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"a\",\"reference_image_urls\":"
                        + "[\"https://e.com/1.jpg\",\"https://e.com/2.jpg\",\"https://e.com/3.jpg\",\"https://e.com/4.jpg\"]}"),
                rule("url.absolute-http", "reference_image_urls[0]", "{\"model\":\"veo-3.1-reference-to-video\",\"prompt\":\"a\",\"reference_image_urls\":[\"ftp://example.com/1.jpg\"]}"),
                rule("veo.aspect-ratio", "aspect_ratio", "{" + VEO + ",\"aspect_ratio\":\"4:3\"}"),
                rule("veo.duration.fixed", "duration", "{" + VEO + ",\"duration\":5}"),
                rule("veo.resolution", "resolution", "{" + VEO + ",\"resolution\":\"8k\"}"),
                rule("veo.safety-tolerance.range", "safety_tolerance", "{" + VEO + ",\"safety_tolerance\":7}"),
                rule("veo.variant.enhance-prompt", "enhance_prompt", "{" + VEO_FAST + ",\"enhance_prompt\":true}"),
                rule("veo.variant.person-generation", "person_generation", "{" + VEO_FAST + ",\"person_generation\":\"allow_adult\"}"),
                rule("veo.variant.reference-type", "reference_type", "{" + VEO_FAST + ",\"reference_type\":\"STYLE\"}"),
                rule("kling.prompt.required", "prompt", "{" + KLING + ",\"prompt\":\"\"}"),
                rule("kling.prompt.length", "prompt", "{" + KLING + ",\"prompt\":\"" + "x".repeat(2501) + "\"}"),
                rule("kling.mode", "mode", "{" + KLING + ",\"prompt\":\"a\",\"mode\":\"ultra\"}"),
                rule("kling.image.type", "image_list[0].type", "{" + KLING + ",\"prompt\":\"a\",\"image_list\":[{\"image_url\":\"https://e.com/i.jpg\",\"type\":\"middle_frame\"}]}"),
                rule("kling.video.count", "video_list", "{" + KLING + ",\"prompt\":\"a\",\"video_list\":[" + FEATURE_VIDEO + "," + FEATURE_VIDEO + "]}"),
                rule("kling.aspect-ratio", "aspect_ratio", "{" + KLING + ",\"prompt\":\"a\",\"aspect_ratio\":\"4:3\"}"),
                rule("kling.duration.range", "duration", "{" + KLING + ",\"prompt\":\"a\",\"duration\":2}"),
                rule("kling.duration.base-video", "duration", "{" + KLING + ",\"prompt\":\"a\",\"video_list\":[" + BASE_VIDEO + "],\"duration\":5}"),
                rule("kling.multi-prompt.sum", "multi_prompt", "{" + KLING + ",\"prompt\":\"a\",\"duration\":6,\"multi_prompt\":[{\"prompt\":\"a\",\"duration\":2},{\"prompt\":\"b\",\"duration\":2}]}"),
                rule("kling.prompt.template-ref", "prompt", "{" + KLING + ",\"prompt\":\"like <<<image_2>>>\",\"image_list\":[" + IMG + "]}"),
                rule("kling.image.end-needs-first", "image_list[0].type", "{" + KLING + ",\"prompt\":\"a\",\"image_list\":[{\"image_url\":\"https://e.com/i.jpg\",\"type\":\"end_frame\"}]}"),
                rule("kling.image.count", "image_list", "{" + KLING + ",\"prompt\":\"a\",\"image_list\":[" + String.join(",", java.util.Collections.nCopies(8, IMG)) + "]}"),
                rule("kling.video.base-excludes-frames", "image_list[0].type", "{" + KLING + ",\"prompt\":\"a\",\"video_list\":[" + BASE_VIDEO + "],"
                        + "\"image_list\":[{\"image_url\":\"https://e.com/i.jpg\",\"type\":\"first_frame\"}]}"),
                rule("kling.duration.with-video", "duration", "{" + KLING + ",\"prompt\":\"a\",\"video_list\":[" + FEATURE_VIDEO + "],\"duration\":12}"),
                rule("kling.multi-prompt.shape", "multi_prompt", "{" + KLING + ",\"prompt\":\"a\",\"duration\":7,\"multi_prompt\":["
                        + String.join(",", java.util.Collections.nCopies(7, "{\"prompt\":\"s\",\"duration\":1}")) + "]}"),
                // the wire format's own checks (the client's codec), before any model rule
                rule("json.unknown-field", "foo", "{" + KLING + ",\"prompt\":\"a\",\"foo\":1}"),
                rule("json.type", "duration", "{" + KLING + ",\"prompt\":\"a\",\"duration\":\"five\"}"));
    }

    private static Arguments rule(String ruleId, String field, String body) {
        return Arguments.of(ruleId, field, body);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("violations")
    void brokenRuleIs422NamingRuleAndField(String ruleId, String field, String body) throws Exception {
        int tasksBefore = api.createdTaskIds().size();

        HttpResponse<byte[]> r = new Http(api).submit(body);

        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(422);
        JsonNode error = json(r).get("error");
        assertThat(error.get("type").asText()).isEqualTo("invalid_request_error");
        List<String> named = new ArrayList<>();
        error.get("violations").forEach(v -> named.add(v.get("rule").asText() + " @ " + v.get("field").asText()));
        assertThat(named).as(error.get("message").asText()).contains(ruleId + " @ " + field);
        assertThat(error.get("message").asText()).contains("[" + ruleId + "]");
        assertThat(api.createdTaskIds()).hasSize(tasksBefore);
    }
}
