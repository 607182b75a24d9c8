package dev.vidgen.models.klingr2v;

import static dev.vidgen.testkit.models.ModelFixtures.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.domain.validation.InvalidValueException;
import dev.vidgen.domain.validation.Violation;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import dev.vidgen.testkit.models.RuleCase;
import dev.vidgen.testkit.models.RuleCasesContract;
import org.junit.jupiter.api.Test;

/**
 * Every rule id of the family: a request at the edge of the rule passes, a request that breaks it
 * alone fails with exactly that rule, on that field, with a message saying what is allowed. Closed
 * sets (enums) can only be broken in JSON, so those cases go through the client's codec.
 */
class KlingR2vRuleCasesTest extends RuleCasesContract {

    static final String MODEL = "\"model\":\"kling-o3-reference-to-video\"";
    static final String IMG = "\"https://example.com/i.jpg\"";

    /** A body with the model and these fields. */
    static String body(String fields) {
        return "{" + MODEL + "," + fields + "}";
    }

    static KlingReferenceToVideoRequest.Builder prompt(String prompt) {
        return KlingReferenceToVideoRequest.builder().prompt(prompt);
    }

    static RuleCase json(String ruleId, String name, String pass, String fail, String path, String messagePart) {
        return RuleCase.json(ruleId, name, pass, fail, path, messagePart);
    }

    static RuleCase java(String ruleId, String name, KlingReferenceToVideoRequest.Builder pass,
                         KlingReferenceToVideoRequest.Builder fail, String path, String messagePart) {
        return RuleCase.java(ruleId, name, pass::build, fail::build, path, messagePart);
    }

    static final List<RuleCase> CASES = List.of(
            java(KlingR2vRuleIds.PROMPT_LENGTH, "2500 characters, or 2501", prompt("x".repeat(2500)), prompt("x".repeat(2501)),
                    "prompt", "at most 2500 characters; got 2501 characters"),
            java(KlingR2vRuleIds.PROMPT_LENGTH, "2500 code points (emoji count once), or 2501",
                    prompt("\uD83C\uDF0A".repeat(2500)), prompt("\uD83C\uDF0A".repeat(2501)), "prompt", "got 2501 characters"),
            java(KlingR2vRuleIds.PROMPT_EXCLUSIVE, "multi_prompt alone, or with a prompt",
                    KlingReferenceToVideoRequest.builder().segment("a", 2).segment("b", 3),
                    prompt("a").segment("a", 2).segment("b", 3), "prompt", "mutually exclusive"),
            java(KlingR2vRuleIds.PROMPT_EXCLUSIVE, "a prompt alone, or an empty prompt beside multi_prompt",
                    prompt("a"), prompt("").segment("a", 5), "prompt", "send one of them"),
            java(KlingR2vRuleIds.PROMPT_REQUIRED, "one character, or nothing", prompt("a"), KlingReferenceToVideoRequest.builder(),
                    "prompt", "give a prompt or a multi_prompt"),
            java(KlingR2vRuleIds.PROMPT_REQUIRED, "one segment, or blank prompt", KlingReferenceToVideoRequest.builder().segment("a", 5),
                    prompt("  "), "prompt", "give a prompt or a multi_prompt"),
            json(KlingR2vRuleIds.PROMPT_REQUIRED, "one segment, or none", body("\"multi_prompt\":[{\"prompt\":\"a\",\"duration\":5}]"),
                    body("\"multi_prompt\":[]"), "prompt", "at least one segment"),
            json(KlingR2vRuleIds.RESOLUTION, "4k, or 2k", body("\"prompt\":\"a\",\"resolution\":\"4k\""),
                    body("\"prompt\":\"a\",\"resolution\":\"2k\""), "resolution", "allowed: 720p, 1080p, 4k"),
            json(KlingR2vRuleIds.ASPECT_RATIO, "1:1, or 4:3", body("\"prompt\":\"a\",\"aspect_ratio\":\"1:1\""),
                    body("\"prompt\":\"a\",\"aspect_ratio\":\"4:3\""), "aspectRatio", "allowed: 16:9, 9:16, 1:1"),
            java(KlingR2vRuleIds.DURATION_RANGE, "3, or 2", prompt("a").duration(3), prompt("a").duration(2), "duration",
                    "3 to 15 seconds; got 2"),
            java(KlingR2vRuleIds.DURATION_RANGE, "15, or 16", prompt("a").duration(15), prompt("a").duration(16), "duration", "got 16"),
            json(KlingR2vRuleIds.SHOT_TYPE, "customize, or anything else", body("\"prompt\":\"a\",\"shot_type\":\"customize\""),
                    body("\"prompt\":\"a\",\"shot_type\":\"intelligent\""), "shotType", "allowed: customize"),
            java(KlingR2vRuleIds.MULTI_PROMPT_SUM, "7 + 8 = 15, or 7 + 7",
                    KlingReferenceToVideoRequest.builder().duration(15).segment("a", 7).segment("b", 8),
                    KlingReferenceToVideoRequest.builder().duration(15).segment("a", 7).segment("b", 7), "multiPrompt",
                    "add up to 14 seconds but the duration is 15; make them equal"),
            java(KlingR2vRuleIds.MULTI_PROMPT_SUM, "no duration: 2 + 3 = the assumed 5, or 2 + 2",
                    KlingReferenceToVideoRequest.builder().segment("a", 2).segment("b", 3),
                    KlingReferenceToVideoRequest.builder().segment("a", 2).segment("b", 2), "multiPrompt",
                    "the duration is 5 (assumed, as duration is not set)"),
            json(KlingR2vRuleIds.MULTI_PROMPT_SUM, "a segment with a duration, or without",
                    body("\"multi_prompt\":[{\"prompt\":\"a\",\"duration\":5}]"), body("\"multi_prompt\":[{\"prompt\":\"a\"}]"),
                    "multiPrompt[0].duration", "needs a duration"),
            java(KlingR2vRuleIds.PROMPT_TEMPLATE_REF, "@Image1 and @Element1 that exist, or @Image2",
                    prompt("@Image1 meets @Element1").image("https://e.com/1.jpg").element(KlingElement.of("https://e.com/f.jpg")),
                    prompt("@Image2 meets @Element1").image("https://e.com/1.jpg").element(KlingElement.of("https://e.com/f.jpg")),
                    "prompt", "prompt refers to @Image2 but image_urls has 1 item; references count from 1"),
            java(KlingR2vRuleIds.PROMPT_TEMPLATE_REF, "@Element2 of two, or @Element1 of none",
                    prompt("@Element2").element(KlingElement.of("https://e.com/a.jpg")).element(KlingElement.of("https://e.com/b.jpg")),
                    prompt("@Element1"), "prompt", "refers to @Element1 but there is no elements"),
            java(KlingR2vRuleIds.PROMPT_TEMPLATE_REF, "@Image1, or @Image0", prompt("@Image1").image("https://e.com/1.jpg"),
                    prompt("@Image0").image("https://e.com/1.jpg"), "prompt", "@Image0"),
            java(KlingR2vRuleIds.PROMPT_TEMPLATE_REF, "in a segment too",
                    KlingReferenceToVideoRequest.builder().image("https://e.com/1.jpg").segment("@Image1", 2).segment("then @Image1", 3),
                    KlingReferenceToVideoRequest.builder().image("https://e.com/1.jpg").segment("@Image1", 2).segment("then @Image3", 3),
                    "multiPrompt[1].prompt", "multi_prompt segment 2's prompt refers to @Image3"),
            java(KlingR2vRuleIds.URL_ABSOLUTE_HTTP, "http start frame, or ftp", prompt("a").startImageUrl("http://e.com/s.jpg"),
                    prompt("a").startImageUrl("ftp://e.com/s.jpg"), "startImageUrl", "start_image_url must be an absolute http"),
            java(KlingR2vRuleIds.URL_ABSOLUTE_HTTP, "end frame with a host, or without", prompt("a").endImageUrl(URI.create("https://e/x")),
                    prompt("a").endImageUrl(URI.create("https:///x")), "endImageUrl", "end_image_url"),
            json(KlingR2vRuleIds.URL_ABSOLUTE_HTTP, "a reference image, or a relative one", body("\"prompt\":\"a\",\"image_urls\":[" + IMG + "]"),
                    body("\"prompt\":\"a\",\"image_urls\":[" + IMG + ",\"/i.jpg\"]"), "imageUrls[1]", "\"/i.jpg\""),
            json(KlingR2vRuleIds.URL_ABSOLUTE_HTTP, "an element's frontal image, or a bad one",
                    body("\"prompt\":\"a\",\"elements\":[{\"frontal_image_url\":" + IMG + "}]"),
                    body("\"prompt\":\"a\",\"elements\":[{\"frontal_image_url\":\"a b\"}]"), "elements[0].frontalImageUrl", "\"a b\""),
            json(KlingR2vRuleIds.URL_ABSOLUTE_HTTP, "an element's reference image, or a bad one",
                    body("\"prompt\":\"a\",\"elements\":[{\"reference_image_urls\":[" + IMG + "]}]"),
                    body("\"prompt\":\"a\",\"elements\":[{\"reference_image_urls\":[" + IMG + ",\"mailto:x@e.com\"]}]"),
                    "elements[0].referenceImageUrls[1]", "mailto:x@e.com"),
            json(KlingR2vRuleIds.LIST_ITEM_REQUIRED, "an image, or null", body("\"prompt\":\"a\",\"image_urls\":[" + IMG + "]"),
                    body("\"prompt\":\"a\",\"image_urls\":[" + IMG + ",null]"), "imageUrls[1]", "must not be null"),
            java(KlingR2vRuleIds.LIST_ITEM_REQUIRED, "an element, or null", prompt("a").element(KlingElement.of("https://e.com/f.jpg")),
                    prompt("a").elements(Arrays.asList((KlingElement) null)), "elements[0]", "an elements item must not be null"),
            java(KlingR2vRuleIds.LIST_ITEM_REQUIRED, "an element's reference image, or null",
                    prompt("a").element(KlingElement.of(URI.create("https://e.com/f.jpg"), URI.create("https://e.com/r.jpg"))),
                    prompt("a").element(KlingElement.of(URI.create("https://e.com/f.jpg"), (URI) null)),
                    "elements[0].referenceImageUrls[0]", "must not be null"),
            json(KlingR2vRuleIds.LIST_ITEM_REQUIRED, "a segment, or null", body("\"multi_prompt\":[{\"prompt\":\"a\",\"duration\":5}]"),
                    body("\"multi_prompt\":[null]"), "multiPrompt[0]", "a multi_prompt segment must not be null"));

    KlingR2vRuleCasesTest() {
        super(CASES, new KlingReferenceToVideoFamily(), KlingR2vRuleIds.ALL);
    }

    @Test
    void theUnconfirmedCountLimitsAreNotEnforced() {
        KlingReferenceToVideoRequest.Builder many = prompt("a");
        for (int i = 1; i <= 10; i++) {
            many.image("https://e.com/" + i + ".jpg").element(KlingElement.of("https://e.com/f" + i + ".jpg"));
        }
        assertThat(violations(many.startImageUrl("https://e.com/s.jpg").build())).isEmpty();
        assertThat(violations(prompt("a").endImageUrl("https://e.com/end.jpg").build()))
                .as("an end frame without a start frame: no rule between them is confirmed").isEmpty();
    }

    @Test
    void theEnumsParseTheApiSpellingAndNameTheRuleOtherwise() {
        assertThat(KlingR2vResolution.parse("1080p")).isEqualTo(KlingR2vResolution.P1080);
        assertThat(KlingR2vAspectRatio.parse("1:1")).isEqualTo(KlingR2vAspectRatio.SQUARE_1_1);
        assertThat(KlingR2vShotType.parse("customize")).isEqualTo(KlingR2vShotType.CUSTOMIZE);
        assertThatThrownBy(() -> KlingR2vShotType.parse("intelligent")).isInstanceOf(InvalidValueException.class)
                .hasMessage("[kling-r2v.shot-type] shot_type must be one of customize; got \"intelligent\"");
        assertThatThrownBy(() -> KlingR2vResolution.parse("2k")).hasMessageStartingWith("[kling-r2v.resolution]");
        assertThatThrownBy(() -> KlingR2vAspectRatio.parse("4:3")).hasMessageStartingWith("[kling-r2v.aspect-ratio]");
    }

    @Test
    void aRequestBreakingSeveralRulesGetsEveryViolation() {
        KlingReferenceToVideoRequest r = prompt("@Image1 " + "x".repeat(2500)).duration(20).startImageUrl("nope")
                .segment("b", 3).build();
        assertThat(violations(r)).extracting(Violation::ruleId).containsExactlyInAnyOrder(
                "kling-r2v.prompt.length", "kling-r2v.prompt.exclusive", "kling-r2v.prompt.template-ref",
                "kling-r2v.duration.range", "kling-r2v.multi-prompt.sum", "url.absolute-http");
    }
}
