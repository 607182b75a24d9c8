package dev.vidgen.domain.validation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.kling.ImageType;
import dev.vidgen.domain.kling.KeepOriginalSound;
import dev.vidgen.domain.kling.KlingAspectRatio;
import dev.vidgen.domain.kling.KlingImage;
import dev.vidgen.domain.kling.KlingMode;
import dev.vidgen.domain.kling.KlingReferenceRequest;
import dev.vidgen.domain.kling.KlingShot;
import dev.vidgen.domain.kling.KlingVideo;
import dev.vidgen.domain.kling.ReferType;
import dev.vidgen.domain.veo.PersonGeneration;
import dev.vidgen.domain.veo.ReferenceType;
import dev.vidgen.domain.veo.VeoAspectRatio;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.domain.veo.VeoResolution;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every rule id: an input that passes at the edge of the rule and one that breaks it, with
 * the rule id and the field path of the violation. The failing input breaks only that rule.
 */
class RuleCasesTest {

    /** Something to validate with the given validator: a request, or text given to a value type's {@code parse}. */
    interface Check {
        List<Violation> run(RequestValidator validator);

        default List<Violation> run() {
            return run(TestValidation.DEFAULTS);
        }
    }

    record Case(String ruleId, String name, Check passing, Check failing, String path) {
        @Override
        public String toString() {
            return ruleId + ": " + name;
        }
    }

    static final URI IMG = URI.create("https://example.com/ref1.jpg");
    static final URI VIDEO = URI.create("https://example.com/reference.mp4");

    static VeoReferenceRequest.Builder veo() {
        return VeoReferenceRequest.builder(VeoModel.STANDARD).prompt("A woman walking through a garden").referenceImage(IMG);
    }

    static KlingReferenceRequest.Builder kling() {
        return KlingReferenceRequest.builder().prompt("a rainy city street at night");
    }

    static KlingVideo video(ReferType type) {
        return new KlingVideo(VIDEO, type, KeepOriginalSound.NO);
    }

    static List<KlingImage> plainImages(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> KlingImage.reference(URI.create("https://example.com/" + i + ".png"))).toList();
    }

    static List<KlingShot> shots(int... seconds) {
        return Arrays.stream(seconds).mapToObj(s -> new KlingShot("shot of " + s + "s", s)).toList();
    }

    static <T> List<T> withNull(List<T> items, int at) {
        List<T> list = new ArrayList<>(items);
        list.add(at, null);
        return list;
    }

    static Check req(Supplier<? extends VideoRequest> request) {
        return validator -> validator.validate(request.get());
    }

    static Check parse(Supplier<?> parse) {
        return validator -> {
            try {
                parse.get();
                return List.of();
            } catch (InvalidValueException e) {
                return List.of(e.violation());
            }
        };
    }

    static Case c(String ruleId, String name, Check passing, Check failing, String path) {
        return new Case(ruleId, name, passing, failing, path);
    }

    static Stream<Case> cases() {
        return Stream.of(
                // ---- Veo ----
                c(RuleIds.VEO_MODEL, "model must be set", req(() -> veo().model(VeoModel.FAST).build()),
                        req(() -> veo().model(null).build()), "model"),
                c(RuleIds.VEO_MODEL, "model text must be a Veo id", parse(() -> VeoModel.parse("veo-3.1-fast-reference-to-video")),
                        parse(() -> VeoModel.parse("veo-3.1")), "model"),
                c(RuleIds.VEO_PROMPT_REQUIRED, "one character is enough, blank is not", req(() -> veo().prompt("x").build()),
                        req(() -> veo().prompt(" \t").build()), "prompt"),
                c(RuleIds.VEO_PROMPT_REQUIRED, "prompt must be present", req(() -> veo().prompt("女人在花园里散步").build()),
                        req(() -> veo().prompt(null).build()), "prompt"),
                c(RuleIds.VEO_REFERENCE_IMAGES_COUNT, "at most 3 images", req(() -> veo().referenceImage(IMG).referenceImage(IMG).build()),
                        req(() -> veo().referenceImage(IMG).referenceImage(IMG).referenceImage(IMG).build()), "referenceImageUrls"),
                c(RuleIds.VEO_REFERENCE_IMAGES_COUNT, "at least 1 image", req(() -> veo().build()),
                        req(() -> veo().referenceImageUrls(List.of()).build()), "referenceImageUrls"),
                c(RuleIds.VEO_REFERENCE_IMAGES_COUNT, "images are required", req(() -> veo().build()),
                        req(() -> veo().referenceImageUrls(null).build()), "referenceImageUrls"),
                c(RuleIds.VEO_ASPECT_RATIO, "9:16 or 16:9", parse(() -> VeoAspectRatio.parse("9:16")),
                        parse(() -> VeoAspectRatio.parse("1:1")), "aspectRatio"),
                c(RuleIds.VEO_ASPECT_RATIO, "enum value in a request", req(() -> veo().aspectRatio(VeoAspectRatio.PORTRAIT_9_16).build()),
                        parse(() -> VeoAspectRatio.parse("16:10")), "aspectRatio"),
                c(RuleIds.VEO_DURATION_FIXED, "duration 8 only", req(() -> veo().duration(8).build()),
                        req(() -> veo().duration(6).build()), "duration"),
                c(RuleIds.VEO_DURATION_FIXED, "fast variant too", req(() -> veo().model(VeoModel.FAST).duration(8).build()),
                        req(() -> veo().model(VeoModel.FAST).duration(9).build()), "duration"),
                c(RuleIds.VEO_RESOLUTION, "720p, 1080p or 4k", req(() -> veo().resolution(VeoResolution.parse("4k")).build()),
                        parse(() -> VeoResolution.parse("4K UHD")), "resolution"),
                c(RuleIds.VEO_SAFETY_TOLERANCE_RANGE, "upper edge 6", req(() -> veo().safetyTolerance(6).build()),
                        req(() -> veo().safetyTolerance(7).build()), "safetyTolerance"),
                c(RuleIds.VEO_SAFETY_TOLERANCE_RANGE, "lower edge 1", req(() -> veo().safetyTolerance(1).build()),
                        req(() -> veo().safetyTolerance(0).build()), "safetyTolerance"),
                c(RuleIds.VEO_VARIANT_ENHANCE_PROMPT, "standard only", req(() -> veo().enhancePrompt(true).build()),
                        req(() -> veo().model(VeoModel.FAST).enhancePrompt(false).build()), "enhancePrompt"),
                c(RuleIds.VEO_VARIANT_PERSON_GENERATION, "standard only",
                        req(() -> veo().personGeneration(PersonGeneration.ALLOW_ADULT).build()),
                        req(() -> veo().model(VeoModel.FAST).personGeneration(PersonGeneration.DONT_ALLOW).build()), "personGeneration"),
                c(RuleIds.VEO_VARIANT_REFERENCE_TYPE, "standard only", req(() -> veo().referenceType(ReferenceType.ASSET).build()),
                        req(() -> veo().model(VeoModel.FAST).referenceType(ReferenceType.STYLE).build()), "referenceType"),
                c(RuleIds.URL_ABSOLUTE_HTTP, "http is fine, ftp is not",
                        req(() -> veo().referenceImageUrls(List.of(URI.create("http://a.b/x.jpg"))).build()),
                        req(() -> veo().referenceImageUrls(List.of(URI.create("ftp://example.com/a.jpg"))).build()), "referenceImageUrls[0]"),
                c(RuleIds.URL_ABSOLUTE_HTTP, "relative URL", req(() -> veo().referenceImage("https://example.com/2.jpg").build()),
                        req(() -> veo().referenceImage("/images/2.jpg").build()), "referenceImageUrls[1]"),
                c(RuleIds.URL_ABSOLUTE_HTTP, "spaces", req(() -> veo().referenceImage("https://example.com/a%20b.jpg").build()),
                        req(() -> veo().referenceImage("https://example.com/a b.jpg").build()), "referenceImageUrls[1]"),
                c(RuleIds.URL_ABSOLUTE_HTTP, "kling image URL needs a host",
                        req(() -> kling().image(KlingImage.reference(URI.create("https://cdn.example.com/a.png"))).build()),
                        req(() -> kling().image(KlingImage.reference(URI.create("https:///a.png"))).build()), "imageList[0].imageUrl"),
                c(RuleIds.URL_ABSOLUTE_HTTP, "kling video URL is required", req(() -> kling().video(video(ReferType.FEATURE)).build()),
                        req(() -> kling().video(new KlingVideo(null, ReferType.FEATURE, null)).build()), "videoList[0].videoUrl"),

                // ---- Kling ----
                c(RuleIds.KLING_PROMPT_REQUIRED, "prompt must not be blank", req(() -> kling().prompt("x").build()),
                        req(() -> kling().prompt("").build()), "prompt"),
                c(RuleIds.KLING_PROMPT_REQUIRED, "segment prompts too", req(() -> kling().multiPrompt(shots(2, 3)).build()),
                        req(() -> kling().multiPrompt(List.of(new KlingShot(" ", 2), new KlingShot("b", 3))).build()),
                        "multiPrompt[0].prompt"),
                c(RuleIds.KLING_PROMPT_LENGTH, "2500 characters, counted as a person would",
                        req(() -> kling().prompt("雨".repeat(2500)).build()), req(() -> kling().prompt("雨".repeat(2501)).build()), "prompt"),
                c(RuleIds.KLING_MODE, "standard or pro", req(() -> kling().mode(KlingMode.parse("pro")).build()),
                        parse(() -> KlingMode.parse("turbo")), "mode"),
                c(RuleIds.KLING_ASPECT_RATIO, "16:9, 9:16 or 1:1", req(() -> kling().aspectRatio(KlingAspectRatio.parse("1:1")).build()),
                        parse(() -> KlingAspectRatio.parse("4:3")), "aspectRatio"),
                c(RuleIds.KLING_IMAGE_TYPE, "first_frame or end_frame", parse(() -> ImageType.parse("end_frame")),
                        parse(() -> ImageType.parse("last_frame")), "type"),
                c(RuleIds.KLING_VIDEO_COUNT, "one video at most", req(() -> kling().video(video(ReferType.FEATURE)).build()),
                        req(() -> kling().video(video(ReferType.FEATURE)).video(video(ReferType.FEATURE)).build()), "videoList"),
                c(RuleIds.KLING_DURATION_RANGE, "upper edge 15", req(() -> kling().duration(15).build()),
                        req(() -> kling().duration(16).build()), "duration"),
                c(RuleIds.KLING_DURATION_RANGE, "lower edge 3", req(() -> kling().duration(3).build()),
                        req(() -> kling().duration(2).build()), "duration"),
                c(RuleIds.KLING_DURATION_BASE_VIDEO, "no duration with a base video", req(() -> kling().video(video(ReferType.BASE)).build()),
                        req(() -> kling().video(video(ReferType.BASE)).duration(5).build()), "duration"),
                c(RuleIds.KLING_MULTI_PROMPT_SUM, "sum to the default 5", req(() -> kling().multiPrompt(shots(2, 3)).build()),
                        req(() -> kling().multiPrompt(shots(2, 2)).build()), "multiPrompt"),
                c(RuleIds.KLING_MULTI_PROMPT_SUM, "sum to the duration", req(() -> kling().duration(10).multiPrompt(shots(4, 6)).build()),
                        req(() -> kling().duration(10).multiPrompt(shots(4, 5)).build()), "multiPrompt"),
                c(RuleIds.KLING_MULTI_PROMPT_SUM, "each segment needs a duration", req(() -> kling().multiPrompt(shots(5)).build()),
                        req(() -> kling().multiPrompt(List.of(new KlingShot("a", 5), new KlingShot("b", null))).build()),
                        "multiPrompt[1].duration"),
                c(RuleIds.KLING_PROMPT_TEMPLATE_REF, "last existing image and the video",
                        req(() -> kling().prompt("<<<image_2>>> in the style of <<<video_1>>>").imageList(plainImages(2))
                                .video(video(ReferType.FEATURE)).build()),
                        req(() -> kling().prompt("<<<image_3>>> walks").imageList(plainImages(2)).build()), "prompt"),
                c(RuleIds.KLING_PROMPT_TEMPLATE_REF, "numbering starts at 1",
                        req(() -> kling().prompt("<<<image_1>>>").imageList(plainImages(1)).build()),
                        req(() -> kling().prompt("<<<image_0>>>").imageList(plainImages(1)).build()), "prompt"),
                c(RuleIds.KLING_PROMPT_TEMPLATE_REF, "in multi_prompt segments",
                        req(() -> kling().multiPrompt(List.of(new KlingShot("a", 2), new KlingShot("like <<<video_1>>>", 3)))
                                .video(video(ReferType.FEATURE)).build()),
                        req(() -> kling().multiPrompt(List.of(new KlingShot("a", 2), new KlingShot("like <<<video_1>>>", 3))).build()),
                        "multiPrompt[1].prompt"),
                c(RuleIds.KLING_IMAGE_END_NEEDS_FIRST, "end frame needs a first frame",
                        req(() -> kling().image(KlingImage.firstFrame(IMG)).image(KlingImage.endFrame(IMG)).build()),
                        req(() -> kling().image(KlingImage.endFrame(IMG)).build()), "imageList[0].type"),
                c(RuleIds.KLING_IMAGE_END_NEEDS_FIRST, "one first frame at most",
                        req(() -> kling().image(KlingImage.firstFrame(IMG)).image(KlingImage.reference(IMG)).build()),
                        req(() -> kling().image(KlingImage.firstFrame(IMG)).image(KlingImage.firstFrame(IMG)).build()), "imageList[1].type"),
                c(RuleIds.KLING_IMAGE_END_NEEDS_FIRST, "one end frame at most",
                        req(() -> kling().image(KlingImage.firstFrame(IMG)).image(KlingImage.endFrame(IMG)).build()),
                        req(() -> kling().image(KlingImage.firstFrame(IMG)).image(KlingImage.endFrame(IMG))
                                .image(KlingImage.endFrame(IMG)).build()), "imageList[2].type"),
                c(RuleIds.KLING_IMAGE_COUNT, "7 images without a video", req(() -> kling().imageList(plainImages(7)).build()),
                        req(() -> kling().imageList(plainImages(8)).build()), "imageList"),
                c(RuleIds.KLING_IMAGE_COUNT, "4 images with a video",
                        req(() -> kling().imageList(plainImages(4)).video(video(ReferType.FEATURE)).build()),
                        req(() -> kling().imageList(plainImages(5)).video(video(ReferType.FEATURE)).build()), "imageList"),
                c(RuleIds.KLING_VIDEO_BASE_EXCLUDES_FRAMES, "plain references are fine with a base video",
                        req(() -> kling().imageList(plainImages(4)).video(video(ReferType.BASE)).build()),
                        req(() -> kling().image(KlingImage.firstFrame(IMG)).video(video(ReferType.BASE)).build()), "imageList[0].type"),
                c(RuleIds.KLING_VIDEO_BASE_EXCLUDES_FRAMES, "frames are fine with a feature video",
                        req(() -> kling().image(KlingImage.firstFrame(IMG)).video(video(ReferType.FEATURE)).build()),
                        req(() -> kling().image(KlingImage.reference(IMG)).image(KlingImage.firstFrame(IMG))
                                .video(video(ReferType.BASE)).build()), "imageList[1].type"),
                c(RuleIds.KLING_DURATION_WITH_VIDEO, "10 seconds at most with a video",
                        req(() -> kling().video(video(ReferType.FEATURE)).duration(10).build()),
                        req(() -> kling().video(video(ReferType.FEATURE)).duration(11).build()), "duration"),
                c(RuleIds.KLING_MULTI_PROMPT_SHAPE, "6 segments at most",
                        req(() -> kling().duration(6).multiPrompt(shots(1, 1, 1, 1, 1, 1)).build()),
                        req(() -> kling().duration(7).multiPrompt(shots(1, 1, 1, 1, 1, 1, 1)).build()), "multiPrompt"),
                c(RuleIds.KLING_MULTI_PROMPT_SHAPE, "1 segment at least", req(() -> kling().multiPrompt(shots(5)).build()),
                        req(() -> kling().multiPrompt(List.of()).build()), "multiPrompt"),
                c(RuleIds.KLING_MULTI_PROMPT_SHAPE, "segments last 1 second at least", req(() -> kling().multiPrompt(shots(1, 4)).build()),
                        req(() -> kling().multiPrompt(shots(0, 5)).build()), "multiPrompt[0].duration"),
                c(RuleIds.KLING_MULTI_PROMPT_SHAPE, "segment prompts of 512 characters at most",
                        req(() -> kling().multiPrompt(List.of(new KlingShot("a".repeat(512), 5))).build()),
                        req(() -> kling().multiPrompt(List.of(new KlingShot("a".repeat(513), 5))).build()), "multiPrompt[0].prompt"),

                // ---- vidgen's own ----
                c(RuleIds.LIST_ITEM_REQUIRED, "no null reference image", req(() -> veo().referenceImage(IMG).build()),
                        req(() -> veo().referenceImageUrls(withNull(List.of(IMG), 1)).build()), "referenceImageUrls[1]"),
                c(RuleIds.LIST_ITEM_REQUIRED, "no null image", req(() -> kling().imageList(plainImages(2)).build()),
                        req(() -> kling().imageList(withNull(plainImages(2), 1)).build()), "imageList[1]"),
                c(RuleIds.LIST_ITEM_REQUIRED, "no null video", req(() -> kling().video(video(ReferType.FEATURE)).build()),
                        req(() -> kling().videoList(Collections.singletonList(null)).build()), "videoList[0]"),
                c(RuleIds.LIST_ITEM_REQUIRED, "no null segment", req(() -> kling().multiPrompt(shots(5)).build()),
                        req(() -> kling().multiPrompt(withNull(shots(5), 0)).build()), "multiPrompt[0]"),
                c(RuleIds.REQUEST_REQUIRED, "a request is required", req(() -> veo().build()), req(() -> null), ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void passesAtTheEdge(Case c) {
        assertThat(c.passing().run()).as(c.toString()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void failsWithRuleIdAndPath(Case c) {
        List<Violation> violations = c.failing().run();
        assertThat(violations).as("violations of " + c).isNotEmpty();
        assertThat(violations).as("only %s is broken", c.ruleId()).extracting(Violation::ruleId).containsOnly(c.ruleId());
        assertThat(violations).extracting(Violation::path).as(c.toString()).contains(c.path());
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).isNotBlank().doesNotStartWith("[").doesNotContain("{"));
    }

    @Test
    void everyRuleIdHasACase() {
        Set<String> covered = cases().map(Case::ruleId).collect(Collectors.toCollection(TreeSet::new));
        assertThat(covered).containsExactlyInAnyOrderElementsOf(RuleIds.ALL);
    }
}
