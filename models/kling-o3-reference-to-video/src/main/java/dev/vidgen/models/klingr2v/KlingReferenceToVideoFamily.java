package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.Violation;
import java.util.List;
import java.util.Set;

/**
 * The Kling O3 reference-to-video family ({@code kling-o3-reference-to-video}): its capability table
 * and its cross-field rules. The rules foxapi's page does not confirm are {@link #upstreamRuleIds()}
 * and can be switched off one by one. Registered through
 * {@code META-INF/services/dev.vidgen.domain.catalog.ModelFamily}, which builder-made and
 * Guice-made clients alike read.
 *
 * <p>Not enforced, because the page does not confirm them: a maximum count of elements or
 * image_urls, and any rule between the start and end images.
 */
public final class KlingReferenceToVideoFamily implements ModelFamily<KlingReferenceToVideoRequest> {

    /** The family's name. */
    public static final String NAME = "kling-o3-reference-to-video";
    /** Most prompt characters. */
    public static final int MAX_PROMPT_LENGTH = 2500;
    /** Shortest video, seconds. */
    public static final int MIN_DURATION = 3;
    /** Longest video, seconds. */
    public static final int MAX_DURATION = 15;
    /** The total the multi_prompt segments must reach when duration is not set (inferred, as on the seed model). */
    public static final int ASSUMED_DEFAULT_DURATION = 5;

    private static final List<ModelCapabilities> MODELS = List.of(table());

    /** Creates the descriptor (stateless; ServiceLoader and {@code @CapabilityRules} use this constructor). */
    public KlingReferenceToVideoFamily() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<KlingReferenceToVideoRequest> requestType() {
        return KlingReferenceToVideoRequest.class;
    }

    @Override
    public List<ModelCapabilities> models() {
        return MODELS;
    }

    @Override
    public List<Violation> checkRules(KlingReferenceToVideoRequest request) {
        return KlingR2vRules.check(request);
    }

    /** The inferred rules: {@link KlingR2vRuleIds#SWITCHABLE}. */
    @Override
    public Set<String> upstreamRuleIds() {
        return KlingR2vRuleIds.SWITCHABLE;
    }

    private static ModelCapabilities table() {
        List<FieldSpec> fields = List.of(
                new FieldSpec("model", "model", "string", true, List.of(KlingReferenceToVideoRequest.MODEL_ID), null, null, null,
                        List.of(), "the model id"),
                new FieldSpec("prompt", "prompt", "string", false, List.of(), null, MAX_PROMPT_LENGTH, null,
                        List.of(KlingR2vRuleIds.PROMPT_LENGTH, KlingR2vRuleIds.PROMPT_EXCLUSIVE, KlingR2vRuleIds.PROMPT_REQUIRED,
                                KlingR2vRuleIds.PROMPT_TEMPLATE_REF),
                        "what the video shows, at most 2500 characters; @Image1.. and @Element1.. name list items; "
                                + "give prompt or multi_prompt, not both"),
                new FieldSpec("resolution", "resolution", "string", false, FieldSpec.valuesOf(KlingR2vResolution.values()), null, null, null,
                        List.of(KlingR2vRuleIds.RESOLUTION), "output resolution (720p is probably the default)"),
                new FieldSpec("generate_audio", "generateAudio", "boolean", false, List.of(), null, null, null,
                        List.of(), "whether to generate audio"),
                new FieldSpec("start_image_url", "startImageUrl", "string", false, List.of(), null, null, null,
                        List.of(KlingR2vRuleIds.URL_ABSOLUTE_HTTP), "the first frame, an absolute http(s) URL"),
                new FieldSpec("end_image_url", "endImageUrl", "string", false, List.of(), null, null, null,
                        List.of(KlingR2vRuleIds.URL_ABSOLUTE_HTTP), "the end frame, an absolute http(s) URL"),
                new FieldSpec("image_urls", "imageUrls", "string[]", false, List.of(), null, null, null,
                        List.of(KlingR2vRuleIds.URL_ABSOLUTE_HTTP, KlingR2vRuleIds.LIST_ITEM_REQUIRED, KlingR2vRuleIds.PROMPT_TEMPLATE_REF),
                        "reference images, absolute http(s) URLs; the prompt names them @Image1, @Image2, ..."),
                new FieldSpec("elements", "elements", "object[]", false, List.of(), null, null, null,
                        List.of(KlingR2vRuleIds.LIST_ITEM_REQUIRED, KlingR2vRuleIds.PROMPT_TEMPLATE_REF),
                        "subject elements, named @Element1, @Element2, ... (advanced: do not pass unless necessary)"),
                new FieldSpec("elements[].frontal_image_url", "elements[].frontalImageUrl", "string", false, List.of(), null, null,
                        null, List.of(KlingR2vRuleIds.URL_ABSOLUTE_HTTP), "a frontal image of the subject, an absolute http(s) URL"),
                new FieldSpec("elements[].reference_image_urls", "elements[].referenceImageUrls", "string[]", false, List.of(),
                        null, null, null, List.of(KlingR2vRuleIds.URL_ABSOLUTE_HTTP, KlingR2vRuleIds.LIST_ITEM_REQUIRED),
                        "more images of the subject, absolute http(s) URLs"),
                new FieldSpec("aspect_ratio", "aspectRatio", "string", false, FieldSpec.valuesOf(KlingR2vAspectRatio.values()), null, null,
                        null, List.of(KlingR2vRuleIds.ASPECT_RATIO), "output aspect ratio"),
                new FieldSpec("duration", "duration", "integer", false, List.of(), MIN_DURATION, MAX_DURATION, null,
                        List.of(KlingR2vRuleIds.DURATION_RANGE, KlingR2vRuleIds.MULTI_PROMPT_SUM),
                        "seconds, 3 to 15 (5 is assumed when not set)"),
                new FieldSpec("shot_type", "shotType", "string", false, FieldSpec.valuesOf(KlingR2vShotType.values()), null, null, null,
                        List.of(KlingR2vRuleIds.SHOT_TYPE), "currently fixed to customize (advanced: do not pass unless necessary)"),
                new FieldSpec("multi_prompt", "multiPrompt", "object[]", false, List.of(), null, null, null,
                        List.of(KlingR2vRuleIds.MULTI_PROMPT_SUM, KlingR2vRuleIds.PROMPT_EXCLUSIVE, KlingR2vRuleIds.PROMPT_REQUIRED,
                                KlingR2vRuleIds.LIST_ITEM_REQUIRED),
                        "prompt segments whose durations add up to the duration (5 when not set); not with prompt"),
                new FieldSpec("multi_prompt[].prompt", "multiPrompt[].prompt", "string", false, List.of(), null, null, null,
                        List.of(KlingR2vRuleIds.PROMPT_TEMPLATE_REF), "the segment's prompt"),
                new FieldSpec("multi_prompt[].duration", "multiPrompt[].duration", "integer", true, List.of(), null, null, null,
                        List.of(KlingR2vRuleIds.MULTI_PROMPT_SUM), "the segment's length in seconds"));
        return new ModelCapabilities(KlingReferenceToVideoRequest.MODEL_ID, NAME,
                "Kling O3 reference-to-video (prompt or multi_prompt, frames, @Image/@Element references)", fields);
    }
}
