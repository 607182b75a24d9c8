package dev.vidgen.domain.veo;

import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.RuleIds;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The Veo 3.1 reference-to-video family (seed 000): the standard and fast variants, their
 * capability tables and their cross-field rules. The tables decide which optional fields a variant
 * accepts; the rule code reads them, so the table printed to a user is the one enforced.
 */
public final class VeoFamily implements ModelFamily<VeoReferenceRequest> {

    /** The family's name. */
    public static final String NAME = "veo-3.1-reference-to-video";
    /** Reference-to-video always makes 8-second videos. */
    public static final int DURATION = 8;
    /** Fewest reference images. */
    public static final int MIN_REFERENCE_IMAGES = 1;
    /** Most reference images. */
    public static final int MAX_REFERENCE_IMAGES = 3;
    /** Strictest safety tolerance. */
    public static final int MIN_SAFETY_TOLERANCE = 1;
    /** Most permissive safety tolerance. */
    public static final int MAX_SAFETY_TOLERANCE = 6;

    private static final List<ModelCapabilities> MODELS = List.of(table(VeoModel.STANDARD), table(VeoModel.FAST));

    /** Creates the descriptor (stateless; ServiceLoader and {@code @CapabilityRules} use this constructor). */
    public VeoFamily() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<VeoReferenceRequest> requestType() {
        return VeoReferenceRequest.class;
    }

    @Override
    public List<ModelCapabilities> models() {
        return MODELS;
    }

    @Override
    public List<Violation> checkRules(VeoReferenceRequest request) {
        return VeoRules.check(request);
    }

    /** The capability table of one variant. */
    public static ModelCapabilities capabilities(VeoModel model) {
        return MODELS.stream().filter(m -> m.modelId().equals(model.value())).findFirst().orElseThrow();
    }

    private static ModelCapabilities table(VeoModel model) {
        List<FieldSpec> fields = new ArrayList<>(List.of(
                new FieldSpec("model", "model", "string", true, List.of(model.value()), null, null, null,
                        List.of(RuleIds.VEO_MODEL), "the model id"),
                new FieldSpec("prompt", "prompt", "string", true, List.of(), null, null, null,
                        List.of(RuleIds.VEO_PROMPT_REQUIRED), "what the video shows, in Chinese or English"),
                new FieldSpec("reference_image_urls", "referenceImageUrls", "string[]", true, List.of(),
                        MIN_REFERENCE_IMAGES, MAX_REFERENCE_IMAGES, null,
                        List.of(RuleIds.VEO_REFERENCE_IMAGES_COUNT, RuleIds.URL_ABSOLUTE_HTTP, RuleIds.LIST_ITEM_REQUIRED),
                        "1 to 3 absolute http(s) image URLs, for character or style consistency"),
                new FieldSpec("aspect_ratio", "aspectRatio", "string", false, FieldSpec.valuesOf(VeoAspectRatio.values()), null, null,
                        VeoAspectRatio.LANDSCAPE_16_9.value(), List.of(RuleIds.VEO_ASPECT_RATIO), "output aspect ratio"),
                new FieldSpec("duration", "duration", "integer", false, List.of(), DURATION, DURATION,
                        String.valueOf(DURATION), List.of(RuleIds.VEO_DURATION_FIXED), "video length in seconds, fixed at 8"),
                new FieldSpec("resolution", "resolution", "string", false, FieldSpec.valuesOf(VeoResolution.values()), null, null,
                        VeoResolution.P1080.value(), List.of(RuleIds.VEO_RESOLUTION), "output resolution"),
                new FieldSpec("generate_audio", "generateAudio", "boolean", false, List.of(), null, null, "false",
                        List.of(), "whether to generate matching audio"),
                new FieldSpec("auto_fix", "autoFix", "boolean", false, List.of(), null, null, null,
                        List.of(), "let the server fix the prompt (advanced: do not pass unless necessary)"),
                new FieldSpec("safety_tolerance", "safetyTolerance", "integer", false, List.of(),
                        MIN_SAFETY_TOLERANCE, MAX_SAFETY_TOLERANCE, null, List.of(RuleIds.VEO_SAFETY_TOLERANCE_RANGE),
                        "content safety, 1 strictest to 6 most permissive (advanced)")));
        if (model == VeoModel.STANDARD) {
            fields.add(new FieldSpec("enhance_prompt", "enhancePrompt", "boolean", false, List.of(), null, null, null,
                    List.of(RuleIds.VEO_VARIANT_ENHANCE_PROMPT), "let the server improve the prompt (advanced)"));
            fields.add(new FieldSpec("person_generation", "personGeneration", "string", false,
                    FieldSpec.valuesOf(PersonGeneration.values()), null, null, null, List.of(RuleIds.VEO_VARIANT_PERSON_GENERATION),
                    "whether people may be generated (advanced)"));
            fields.add(new FieldSpec("reference_type", "referenceType", "string", false, FieldSpec.valuesOf(ReferenceType.values()),
                    null, null, null, List.of(RuleIds.VEO_VARIANT_REFERENCE_TYPE),
                    "use the images as assets (subjects) or as a style (advanced)"));
        }
        String description = model == VeoModel.STANDARD ? "Veo 3.1 reference-to-video, standard"
                : "Veo 3.1 reference-to-video, fast (no enhance_prompt, person_generation, reference_type)";
        return new ModelCapabilities(model.value(), NAME, description, fields);
    }
}
