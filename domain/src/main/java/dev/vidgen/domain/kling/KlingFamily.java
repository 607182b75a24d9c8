package dev.vidgen.domain.kling;

import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.RuleIds;
import dev.vidgen.domain.validation.Violation;
import java.util.List;
import java.util.Set;

/**
 * The Kling O3 reference video family (seed 002, {@code kling-o3-ref}, built on kling-v3-omni):
 * its capability table and its cross-field rules. The limits documented by Kling upstream rather
 * than on the seed page are {@link #upstreamRuleIds()} and can be switched off one by one.
 */
public final class KlingFamily implements ModelFamily<KlingReferenceRequest> {

    /** The family's name. */
    public static final String NAME = "kling-o3-ref";
    /** Most prompt characters (Kling O3 family pages). */
    public static final int MAX_PROMPT_LENGTH = 2500;
    /** Shortest video, seconds. */
    public static final int MIN_DURATION = 3;
    /** Longest video, seconds. */
    public static final int MAX_DURATION = 15;
    /** The server's duration when none is sent. */
    public static final int DEFAULT_DURATION = 5;
    /** Longest video with a reference video (upstream). */
    public static final int MAX_DURATION_WITH_VIDEO = 10;
    /** Most images without a reference video (upstream). */
    public static final int MAX_IMAGES = 7;
    /** Most images with a reference video (upstream). */
    public static final int MAX_IMAGES_WITH_VIDEO = 4;
    /** Most reference videos. */
    public static final int MAX_VIDEOS = 1;
    /** Fewest multi_prompt segments (upstream). */
    public static final int MIN_SEGMENTS = 1;
    /** Most multi_prompt segments (upstream). */
    public static final int MAX_SEGMENTS = 6;
    /** Shortest multi_prompt segment, seconds (upstream). */
    public static final int MIN_SEGMENT_DURATION = 1;
    /** Most characters of a multi_prompt segment's prompt (upstream). */
    public static final int MAX_SEGMENT_PROMPT_LENGTH = 512;

    private static final List<ModelCapabilities> MODELS = List.of(table());

    /** Creates the descriptor (stateless; ServiceLoader and {@code @CapabilityRules} use this constructor). */
    public KlingFamily() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<KlingReferenceRequest> requestType() {
        return KlingReferenceRequest.class;
    }

    @Override
    public List<ModelCapabilities> models() {
        return MODELS;
    }

    @Override
    public List<Violation> checkRules(KlingReferenceRequest request) {
        return KlingRules.check(request);
    }

    @Override
    public Set<String> upstreamRuleIds() {
        return RuleIds.UPSTREAM;
    }

    private static ModelCapabilities table() {
        List<FieldSpec> fields = List.of(
                new FieldSpec("model", "model", "string", true, List.of(KlingReferenceRequest.MODEL_ID), null, null, null,
                        List.of(), "the model id"),
                new FieldSpec("prompt", "prompt", "string", true, List.of(), null, MAX_PROMPT_LENGTH, null,
                        List.of(RuleIds.KLING_PROMPT_REQUIRED, RuleIds.KLING_PROMPT_LENGTH, RuleIds.KLING_PROMPT_TEMPLATE_REF),
                        "what the video shows; <<<image_N>>> and <<<video_1>>> refer to list items, from 1"),
                new FieldSpec("mode", "mode", "string", false, FieldSpec.valuesOf(KlingMode.values()), null, null,
                        KlingMode.STANDARD.value(), List.of(RuleIds.KLING_MODE), "standard (faster) or pro (higher quality, slower)"),
                new FieldSpec("image_list", "imageList", "object[]", false, List.of(), null, MAX_IMAGES, null,
                        List.of(RuleIds.KLING_IMAGE_COUNT, RuleIds.KLING_IMAGE_END_NEEDS_FIRST,
                                RuleIds.KLING_VIDEO_BASE_EXCLUDES_FRAMES, RuleIds.LIST_ITEM_REQUIRED),
                        "images: first frame, end frame or plain references; at most 7, at most 4 with a reference video"),
                new FieldSpec("image_list[].image_url", "imageList[].imageUrl", "string", true, List.of(), null, null, null,
                        List.of(RuleIds.URL_ABSOLUTE_HTTP), "the image, an absolute http(s) URL"),
                new FieldSpec("image_list[].type", "imageList[].type", "string", false, FieldSpec.valuesOf(ImageType.values()), null, null,
                        null, List.of(RuleIds.KLING_IMAGE_TYPE, RuleIds.KLING_IMAGE_END_NEEDS_FIRST,
                                RuleIds.KLING_VIDEO_BASE_EXCLUDES_FRAMES),
                        "first_frame, end_frame, or absent for a plain reference image"),
                new FieldSpec("video_list", "videoList", "object[]", false, List.of(), null, MAX_VIDEOS, null,
                        List.of(RuleIds.KLING_VIDEO_COUNT, RuleIds.LIST_ITEM_REQUIRED), "the reference video, at most one"),
                new FieldSpec("video_list[].video_url", "videoList[].videoUrl", "string", true, List.of(), null, null, null,
                        List.of(RuleIds.URL_ABSOLUTE_HTTP), "the video, an absolute http(s) URL"),
                new FieldSpec("video_list[].refer_type", "videoList[].referType", "string", false, FieldSpec.valuesOf(ReferType.values()),
                        null, null, null, List.of(), "feature (a reference) or base (the footage to edit)"),
                new FieldSpec("video_list[].keep_original_sound", "videoList[].keepOriginalSound", "string", false,
                        FieldSpec.valuesOf(KeepOriginalSound.values()), null, null, null, List.of(), "whether to keep the video's sound"),
                new FieldSpec("aspect_ratio", "aspectRatio", "string", false, FieldSpec.valuesOf(KlingAspectRatio.values()), null, null,
                        KlingAspectRatio.LANDSCAPE_16_9.value(), List.of(RuleIds.KLING_ASPECT_RATIO), "output aspect ratio"),
                new FieldSpec("duration", "duration", "integer", false, List.of(), MIN_DURATION, MAX_DURATION,
                        String.valueOf(DEFAULT_DURATION),
                        List.of(RuleIds.KLING_DURATION_RANGE, RuleIds.KLING_DURATION_BASE_VIDEO, RuleIds.KLING_DURATION_WITH_VIDEO),
                        "seconds, 3 to 15 (at most 10 with a reference video); not with a base video, which decides it"),
                new FieldSpec("multi_prompt", "multiPrompt", "object[]", false, List.of(), MIN_SEGMENTS, MAX_SEGMENTS, null,
                        List.of(RuleIds.KLING_MULTI_PROMPT_SHAPE, RuleIds.KLING_MULTI_PROMPT_SUM, RuleIds.LIST_ITEM_REQUIRED),
                        "1 to 6 segments whose durations add up to the duration (5 when not set)"),
                new FieldSpec("multi_prompt[].prompt", "multiPrompt[].prompt", "string", true, List.of(), null,
                        MAX_SEGMENT_PROMPT_LENGTH, null,
                        List.of(RuleIds.KLING_PROMPT_REQUIRED, RuleIds.KLING_MULTI_PROMPT_SHAPE, RuleIds.KLING_PROMPT_TEMPLATE_REF),
                        "the segment's prompt, at most 512 characters"),
                new FieldSpec("multi_prompt[].duration", "multiPrompt[].duration", "integer", true, List.of(),
                        MIN_SEGMENT_DURATION, null, null, List.of(RuleIds.KLING_MULTI_PROMPT_SUM, RuleIds.KLING_MULTI_PROMPT_SHAPE),
                        "the segment's length in seconds, at least 1"));
        return new ModelCapabilities(KlingReferenceRequest.MODEL_ID, NAME, "Kling O3 reference video (kling-v3-omni)", fields);
    }
}
