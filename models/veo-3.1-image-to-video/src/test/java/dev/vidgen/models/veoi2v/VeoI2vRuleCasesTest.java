package dev.vidgen.models.veoi2v;

import static dev.vidgen.testkit.models.ModelFixtures.violations;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.validation.InvalidValueException;
import dev.vidgen.domain.validation.Violation;
import java.util.List;
import dev.vidgen.testkit.models.RuleCase;
import dev.vidgen.testkit.models.RuleCasesContract;
import org.junit.jupiter.api.Test;

/**
 * Every rule id of the family: a request at the edge of the rule passes, a request that breaks it
 * alone fails with exactly that rule, on that field, with a message naming what is allowed. Closed
 * sets (enums) can only be broken in JSON, so those cases go through the client's codec.
 */
class VeoI2vRuleCasesTest extends RuleCasesContract {

    static final String BASE = "\"prompt\":\"flowers\",\"image_url\":\"https://example.com/a.jpg\"";

    static String body(VeoI2vModel model, String more) {
        return "{\"model\":\"" + model.value() + "\"," + BASE + (more.isEmpty() ? "" : "," + more) + "}";
    }

    static VeoImageToVideoRequest.Builder valid(VeoI2vModel model) {
        return VeoImageToVideoRequest.builder(model).prompt("flowers").imageUrl("https://example.com/a.jpg");
    }

    static RuleCase json(String ruleId, String name, String pass, String fail, String path, String messagePart) {
        return RuleCase.json(ruleId, name, pass, fail, path, messagePart);
    }

    static RuleCase java(String ruleId, String name, VeoImageToVideoRequest pass, VeoImageToVideoRequest fail,
                         String path, String messagePart) {
        return RuleCase.java(ruleId, name, () -> pass, () -> fail, path, messagePart);
    }

    static final VeoI2vModel STD = VeoI2vModel.STANDARD;
    static final VeoI2vModel FAST = VeoI2vModel.FAST;
    static final VeoI2vModel LITE = VeoI2vModel.LITE;

    static final List<RuleCase> CASES = List.of(
            java(VeoI2vRuleIds.MODEL, "a variant is set, or none", valid(LITE).build(), valid(null).build(), "model",
                    "veo-3.1-lite-image-to-video"),
            json(VeoI2vRuleIds.PROMPT_REQUIRED, "one character, or blank",
                    "{\"model\":\"veo-3.1-image-to-video\",\"prompt\":\"a\",\"image_url\":\"https://e.com/a.jpg\"}",
                    "{\"model\":\"veo-3.1-image-to-video\",\"prompt\":\" \",\"image_url\":\"https://e.com/a.jpg\"}", "prompt", "not be blank"),
            json(VeoI2vRuleIds.PROMPT_REQUIRED, "given, or missing", body(STD, ""),
                    "{\"model\":\"veo-3.1-image-to-video\",\"image_url\":\"https://e.com/a.jpg\"}", "prompt", "not be blank"),
            json(VeoI2vRuleIds.URL_ABSOLUTE_HTTP, "plain http, or ftp",
                    "{\"model\":\"veo-3.1-image-to-video\",\"prompt\":\"a\",\"image_url\":\"http://e.com/a.jpg\"}",
                    "{\"model\":\"veo-3.1-image-to-video\",\"prompt\":\"a\",\"image_url\":\"ftp://e.com/a.jpg\"}", "imageUrl", "ftp://e.com/a.jpg"),
            java(VeoI2vRuleIds.URL_ABSOLUTE_HTTP, "given, or missing", valid(STD).build(), valid(STD).imageUrl((String) null).build(),
                    "imageUrl", "image_url is required"),
            java(VeoI2vRuleIds.URL_ABSOLUTE_HTTP, "a host, or a relative URL", valid(STD).imageUrl("https://h/a.jpg").build(),
                    valid(STD).imageUrl("/a.jpg").build(), "imageUrl", "\"/a.jpg\""),
            json(VeoI2vRuleIds.ASPECT_RATIO, "9:16, or 1:1", body(STD, "\"aspect_ratio\":\"9:16\""), body(STD, "\"aspect_ratio\":\"1:1\""),
                    "aspectRatio", "allowed: 16:9, 9:16"),
            java(VeoI2vRuleIds.DURATION, "4, or 5", valid(STD).duration(4).build(), valid(STD).duration(5).build(), "duration",
                    "4, 6 or 8 seconds; got 5"),
            java(VeoI2vRuleIds.DURATION, "8, or 10", valid(FAST).duration(8).build(), valid(FAST).duration(10).build(), "duration",
                    "got 10"),
            java(VeoI2vRuleIds.DURATION, "6 on lite at 720p, or 7",
                    valid(LITE).resolution(VeoI2vResolution.P720).duration(6).build(),
                    valid(LITE).resolution(VeoI2vResolution.P720).duration(7).build(), "duration", "got 7"),
            java(VeoI2vRuleIds.LITE_DURATION_1080P, "lite at 1080p for 8 s, or for 6 s",
                    valid(LITE).resolution(VeoI2vResolution.P1080).duration(8).build(),
                    valid(LITE).resolution(VeoI2vResolution.P1080).duration(6).build(), "duration", "8-second videos only; got 6"),
            java(VeoI2vRuleIds.LITE_DURATION_1080P, "standard at 1080p for 4 s is fine; lite is not",
                    valid(STD).resolution(VeoI2vResolution.P1080).duration(4).build(),
                    valid(LITE).resolution(VeoI2vResolution.P1080).duration(4).build(), "duration", "veo-3.1-lite-image-to-video at 1080p"),
            json(VeoI2vRuleIds.RESOLUTION, "4k, or 8k", body(STD, "\"resolution\":\"4k\""), body(STD, "\"resolution\":\"8k\""),
                    "resolution", "allowed: 720p, 1080p, 4k"),
            java(VeoI2vRuleIds.LITE_RESOLUTION, "lite at 1080p, or at 4k", valid(LITE).resolution(VeoI2vResolution.P1080).build(),
                    valid(LITE).resolution(VeoI2vResolution.UHD_4K).build(), "resolution", "720p or 1080p; got 4k"),
            java(VeoI2vRuleIds.LITE_RESOLUTION, "fast at 4k is fine; lite is not", valid(FAST).resolution(VeoI2vResolution.UHD_4K).build(),
                    valid(LITE).resolution(VeoI2vResolution.UHD_4K).build(), "resolution", "4k needs"),
            java(VeoI2vRuleIds.SAFETY_TOLERANCE_RANGE, "1, or 0", valid(STD).safetyTolerance(1).build(),
                    valid(STD).safetyTolerance(0).build(), "safetyTolerance", "1 (strictest) to 6 (most permissive); got 0"),
            java(VeoI2vRuleIds.SAFETY_TOLERANCE_RANGE, "6, or 7", valid(FAST).safetyTolerance(6).build(),
                    valid(FAST).safetyTolerance(7).build(), "safetyTolerance", "got 7"),
            java(VeoI2vRuleIds.VARIANT_SAFETY_TOLERANCE, "fast with it, or lite with it", valid(FAST).safetyTolerance(3).build(),
                    valid(LITE).safetyTolerance(3).build(), "safetyTolerance",
                    "not accepted by veo-3.1-lite-image-to-video; only veo-3.1-image-to-video and veo-3.1-fast-image-to-video accept it"));

    VeoI2vRuleCasesTest() {
        super(CASES, new VeoImageToVideoFamily(), VeoI2vRuleIds.ALL);
    }

    @Test
    void theTablesDifferWhereTheVariantsDo() {
        FieldSpec liteResolution = VeoImageToVideoFamily.capabilities(LITE).field("resolution").orElseThrow();
        assertThat(liteResolution.allowedValues()).containsExactly("720p", "1080p");
        assertThat(VeoImageToVideoFamily.capabilities(STD).field("resolution").orElseThrow().allowedValues())
                .containsExactly("720p", "1080p", "4k");
        assertThat(VeoImageToVideoFamily.capabilities(LITE).field("safety_tolerance")).isEmpty();
        assertThat(VeoImageToVideoFamily.capabilities(FAST).field("safety_tolerance")).get()
                .satisfies(f -> assertThat(List.of(f.min(), f.max())).containsExactly(1, 6));
        for (VeoI2vModel m : VeoI2vModel.values()) {
            FieldSpec duration = VeoImageToVideoFamily.capabilities(m).field("duration").orElseThrow();
            assertThat(duration.allowedValues()).containsExactly("4", "6", "8");
            assertThat(duration.defaultValue()).isEqualTo("8");
            assertThat(VeoImageToVideoFamily.capabilities(m).field("generate_audio").orElseThrow().defaultValue())
                    .as("the pages disagree on generate_audio's default: none is claimed").isNull();
        }
    }

    @Test
    void theEnumsParseTheApiSpellingAndNameTheRuleOtherwise() {
        assertThat(VeoI2vModel.parse("veo-3.1-lite-image-to-video")).isEqualTo(LITE);
        assertThat(VeoI2vResolution.parse("4k")).isEqualTo(VeoI2vResolution.UHD_4K);
        assertThat(VeoI2vAspectRatio.parse("9:16")).isEqualTo(VeoI2vAspectRatio.PORTRAIT_9_16);
        assertThatThrownBy(() -> VeoI2vModel.parse("veo-3.1-image-to-videoX")).isInstanceOf(InvalidValueException.class)
                .hasMessage("[veo-i2v.model] model must be one of veo-3.1-image-to-video, veo-3.1-fast-image-to-video, "
                        + "veo-3.1-lite-image-to-video; got \"veo-3.1-image-to-videoX\"");
        assertThatThrownBy(() -> VeoI2vResolution.parse("8k")).isInstanceOf(InvalidValueException.class)
                .satisfies(e -> assertThat(((InvalidValueException) e).violation().ruleId()).isEqualTo("veo.resolution"));
        assertThatThrownBy(() -> VeoI2vAspectRatio.parse(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("[veo-i2v.aspect-ratio]").hasMessageContaining("got nothing");
    }

    @Test
    void aRequestBreakingSeveralRulesGetsEveryViolation() {
        VeoImageToVideoRequest r = VeoImageToVideoRequest.builder(LITE).prompt("").imageUrl("not a url at all")
                .resolution(VeoI2vResolution.UHD_4K).duration(5).safetyTolerance(9).build();
        assertThat(violations(r)).extracting(Violation::ruleId).containsExactlyInAnyOrder(
                "veo-i2v.prompt.required", "url.absolute-http", "veo-i2v.lite.resolution", "veo-i2v.duration",
                "veo.safety-tolerance.range", "veo-i2v.variant.safety-tolerance");
    }
}
