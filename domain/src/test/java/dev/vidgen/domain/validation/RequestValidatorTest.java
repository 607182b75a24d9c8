package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vidgen.domain.kling.ImageType;
import dev.vidgen.domain.kling.KlingImage;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.kling.KlingShot;
import dev.vidgen.domain.kling.KlingVideo;
import dev.vidgen.domain.kling.ReferType;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    @Test
    void aNullRequestIsAViolationNotAnException() {
        assertThat(TestValidation.DEFAULTS.validate(null)).singleElement().satisfies(v -> {
            assertThat(v.ruleId()).isEqualTo(RuleIds.REQUEST_REQUIRED);
            assertThat(v.path()).isEmpty();
            assertThat(v.message()).contains("must not be null");
        });
    }

    @Test
    void anEmptyVeoRequestNamesEveryRequiredField() {
        assertThat(TestValidation.DEFAULTS.validate(VeoReferenceRequest.builder(null).build()))
                .extracting(Violation::path, Violation::ruleId)
                .containsExactly(
                        tuple("model", RuleIds.VEO_MODEL),
                        tuple("prompt", RuleIds.VEO_PROMPT_REQUIRED),
                        tuple("referenceImageUrls", RuleIds.VEO_REFERENCE_IMAGES_COUNT));
    }

    @Test
    void nullsInsideAKlingRequestAreViolationsNotExceptions() {
        var request = new KlingReferenceRequest(null, null,
                Arrays.asList(new KlingImage(null, ImageType.END_FRAME), null),
                Arrays.asList(new KlingVideo(null, ReferType.BASE, null)),
                null, null,
                Arrays.asList(new KlingShot(null, null), null));
        assertThat(TestValidation.DEFAULTS.validate(request))
                .extracting(Violation::path, Violation::ruleId)
                .containsExactly(
                        tuple("imageList[0].imageUrl", RuleIds.URL_ABSOLUTE_HTTP),
                        tuple("imageList[0].type", RuleIds.KLING_IMAGE_END_NEEDS_FIRST),
                        tuple("imageList[0].type", RuleIds.KLING_VIDEO_BASE_EXCLUDES_FRAMES),
                        tuple("imageList[1]", RuleIds.LIST_ITEM_REQUIRED),
                        tuple("multiPrompt[0].duration", RuleIds.KLING_MULTI_PROMPT_SUM),
                        tuple("multiPrompt[0].prompt", RuleIds.KLING_PROMPT_REQUIRED),
                        tuple("multiPrompt[1]", RuleIds.LIST_ITEM_REQUIRED),
                        tuple("prompt", RuleIds.KLING_PROMPT_REQUIRED),
                        tuple("videoList[0].videoUrl", RuleIds.URL_ABSOLUTE_HTTP));
    }

    @Test
    void violationsComeSortedByPathWithNumericIndexes() {
        var images = new java.util.ArrayList<KlingImage>();
        for (int i = 0; i < 12; i++) {
            images.add(KlingImage.reference(URI.create(i == 2 || i == 10 ? "ftp://example.com/x" : "https://example.com/x")));
        }
        var request = KlingReferenceRequest.builder().prompt("x").imageList(images).duration(2).build();
        assertThat(TestValidation.DEFAULTS.validate(request)).extracting(Violation::path).containsExactly(
                "duration", "imageList", "imageList[2].imageUrl", "imageList[10].imageUrl");
    }

    @Test
    void aRequestBreakingManyRulesGetsThemAllReportedAtOnce() {
        var request = KlingReferenceRequest.builder()
                .prompt("<<<image_9>>>")
                .video(new KlingVideo(URI.create("https://example.com/v.mp4"), ReferType.BASE, null))
                .image(KlingImage.endFrame(URI.create("https://example.com/e.png")))
                .duration(12)
                .multiPrompt(List.of(new KlingShot("a", 12)))
                .build();
        assertThat(TestValidation.DEFAULTS.validate(request)).extracting(Violation::ruleId).containsExactlyInAnyOrder(
                RuleIds.KLING_DURATION_BASE_VIDEO, RuleIds.KLING_DURATION_WITH_VIDEO, RuleIds.KLING_IMAGE_END_NEEDS_FIRST,
                RuleIds.KLING_VIDEO_BASE_EXCLUDES_FRAMES, RuleIds.KLING_PROMPT_TEMPLATE_REF);
    }

    @Test
    void needsAValidatorAndAPolicy() {
        assertThatThrownBy(() -> new RequestValidator(null, ValidationPolicy.defaults())).hasMessageContaining("validator");
        assertThatThrownBy(() -> new RequestValidator(TestValidation.NO_EL, null)).hasMessageContaining("policy");
    }
}
