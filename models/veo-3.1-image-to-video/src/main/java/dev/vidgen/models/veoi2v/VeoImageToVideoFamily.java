package dev.vidgen.models.veoi2v;

import dev.vidgen.domain.catalog.FieldSpec;
import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.catalog.ModelFamily;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The Veo 3.1 image-to-video family: the standard, fast and lite variants, their capability tables
 * and their per-variant rules. The tables decide what a variant accepts (lite: no 4k, no
 * safety_tolerance); the rule code reads them, so the table printed to a user is the one enforced.
 * Registered through {@code META-INF/services/dev.vidgen.domain.catalog.ModelFamily}, which
 * builder-made and Guice-made clients alike read.
 */
public final class VeoImageToVideoFamily implements ModelFamily<VeoImageToVideoRequest> {

    /** The family's name. */
    public static final String NAME = "veo-3.1-image-to-video";
    /** The allowed durations in seconds. */
    public static final List<Integer> DURATIONS = List.of(4, 6, 8);
    /** The server's duration when none is sent, and the only one of lite at 1080p. */
    public static final int DEFAULT_DURATION = 8;
    /** Strictest safety tolerance. */
    public static final int MIN_SAFETY_TOLERANCE = 1;
    /** Most permissive safety tolerance. */
    public static final int MAX_SAFETY_TOLERANCE = 6;

    private static final List<ModelCapabilities> MODELS = Arrays.stream(VeoI2vModel.values())
            .map(VeoImageToVideoFamily::table).toList();

    /** Creates the descriptor (stateless; ServiceLoader and {@code @CapabilityRules} use this constructor). */
    public VeoImageToVideoFamily() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Class<VeoImageToVideoRequest> requestType() {
        return VeoImageToVideoRequest.class;
    }

    @Override
    public List<ModelCapabilities> models() {
        return MODELS;
    }

    @Override
    public List<Violation> checkRules(VeoImageToVideoRequest request) {
        return VeoI2vRules.check(request);
    }

    /** {@value VeoI2vRuleIds#VARIANT_SAFETY_TOLERANCE}: inferred, so a ValidationPolicy may switch it off. */
    @Override
    public Set<String> upstreamRuleIds() {
        return VeoI2vRuleIds.SWITCHABLE;
    }

    /** The capability table of one variant. */
    public static ModelCapabilities capabilities(VeoI2vModel model) {
        return MODELS.get(model.ordinal());
    }

    private static ModelCapabilities table(VeoI2vModel model) {
        boolean lite = model == VeoI2vModel.LITE;
        List<String> resolutions = Arrays.stream(VeoI2vResolution.values())
                .filter(r -> !lite || r != VeoI2vResolution.UHD_4K).map(VeoI2vResolution::value).toList();
        List<FieldSpec> fields = new ArrayList<>(List.of(
                new FieldSpec("model", "model", "string", true, List.of(model.value()), null, null, null,
                        List.of(VeoI2vRuleIds.MODEL), "the model id"),
                new FieldSpec("prompt", "prompt", "string", true, List.of(), null, null, null,
                        List.of(VeoI2vRuleIds.PROMPT_REQUIRED), "what the video shows, in Chinese or English"),
                new FieldSpec("image_url", "imageUrl", "string", true, List.of(), null, null, null,
                        List.of(VeoI2vRuleIds.URL_ABSOLUTE_HTTP),
                        "the first frame, an absolute http(s) URL (16:9 or 9:16 and at least 720p recommended)"),
                new FieldSpec("aspect_ratio", "aspectRatio", "string", false, FieldSpec.valuesOf(VeoI2vAspectRatio.values()), null, null,
                        VeoI2vAspectRatio.LANDSCAPE_16_9.value(), List.of(VeoI2vRuleIds.ASPECT_RATIO), "output aspect ratio"),
                new FieldSpec("resolution", "resolution", "string", false, resolutions, null, null, null,
                        lite ? List.of(VeoI2vRuleIds.RESOLUTION, VeoI2vRuleIds.LITE_RESOLUTION, VeoI2vRuleIds.LITE_DURATION_1080P)
                                : List.of(VeoI2vRuleIds.RESOLUTION),
                        lite ? "output resolution: 720p or 1080p (1080p makes 8-second videos only)" : "output resolution"),
                new FieldSpec("duration", "duration", "integer", false, DURATIONS.stream().map(String::valueOf).toList(),
                        null, null, String.valueOf(DEFAULT_DURATION),
                        lite ? List.of(VeoI2vRuleIds.DURATION, VeoI2vRuleIds.LITE_DURATION_1080P) : List.of(VeoI2vRuleIds.DURATION),
                        lite ? "seconds: 4, 6 or 8; only 8 at 1080p" : "seconds: 4, 6 or 8"),
                new FieldSpec("generate_audio", "generateAudio", "boolean", false, List.of(), null, null, null,
                        List.of(), "whether to generate matching audio (the pages disagree on its default, so none is claimed: "
                                + "set it if it matters)"),
                new FieldSpec("auto_fix", "autoFix", "boolean", false, List.of(), null, null, null,
                        List.of(), "let the server fix the prompt (advanced: do not pass unless necessary)")));
        if (!lite) {
            fields.add(new FieldSpec("safety_tolerance", "safetyTolerance", "integer", false, List.of(),
                    MIN_SAFETY_TOLERANCE, MAX_SAFETY_TOLERANCE, null,
                    List.of(VeoI2vRuleIds.SAFETY_TOLERANCE_RANGE, VeoI2vRuleIds.VARIANT_SAFETY_TOLERANCE),
                    "content safety, 1 strictest to 6 most permissive (advanced; not on lite)"));
        }
        String description = switch (model) {
            case STANDARD -> "Veo 3.1 image-to-video, standard";
            case FAST -> "Veo 3.1 image-to-video, fast";
            case LITE -> "Veo 3.1 image-to-video, lite (720p or 1080p, no safety_tolerance)";
        };
        return new ModelCapabilities(model.value(), NAME, description, fields);
    }
}
