package dev.vidgen.domain.validation;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The ids of every rule the seed families enforce. An id names the same rule in docs/api.md, in a
 * constraint message ({@code [kling.duration.range] ...}), in a {@link Violation} and in the tests.
 */
public final class RuleIds {

    // Veo 3.1 reference-to-video (seed 000)
    public static final String VEO_MODEL = "veo.model";
    public static final String VEO_PROMPT_REQUIRED = "veo.prompt.required";
    public static final String VEO_REFERENCE_IMAGES_COUNT = "veo.reference-images.count";
    public static final String VEO_ASPECT_RATIO = "veo.aspect-ratio";
    public static final String VEO_DURATION_FIXED = "veo.duration.fixed";
    public static final String VEO_RESOLUTION = "veo.resolution";
    public static final String VEO_SAFETY_TOLERANCE_RANGE = "veo.safety-tolerance.range";
    public static final String VEO_VARIANT_ENHANCE_PROMPT = "veo.variant.enhance-prompt";
    public static final String VEO_VARIANT_PERSON_GENERATION = "veo.variant.person-generation";
    public static final String VEO_VARIANT_REFERENCE_TYPE = "veo.variant.reference-type";

    // Kling O3 reference video (seed 002)
    public static final String KLING_PROMPT_REQUIRED = "kling.prompt.required";
    public static final String KLING_MODE = "kling.mode";
    public static final String KLING_IMAGE_TYPE = "kling.image.type";
    public static final String KLING_VIDEO_COUNT = "kling.video.count";
    public static final String KLING_ASPECT_RATIO = "kling.aspect-ratio";
    public static final String KLING_DURATION_RANGE = "kling.duration.range";
    public static final String KLING_DURATION_BASE_VIDEO = "kling.duration.base-video";
    public static final String KLING_MULTI_PROMPT_SUM = "kling.multi-prompt.sum";
    public static final String KLING_PROMPT_TEMPLATE_REF = "kling.prompt.template-ref";

    // Kling limits documented upstream (Kling's kling-v3-omni and O3 family pages), not on the seed page
    public static final String KLING_PROMPT_LENGTH = "kling.prompt.length";
    public static final String KLING_IMAGE_END_NEEDS_FIRST = "kling.image.end-needs-first";
    public static final String KLING_IMAGE_COUNT = "kling.image.count";
    public static final String KLING_VIDEO_BASE_EXCLUDES_FRAMES = "kling.video.base-excludes-frames";
    public static final String KLING_DURATION_WITH_VIDEO = "kling.duration.with-video";
    public static final String KLING_MULTI_PROMPT_SHAPE = "kling.multi-prompt.shape";

    // Shared by every family
    public static final String URL_ABSOLUTE_HTTP = "url.absolute-http";

    // vidgen's own (not in docs/api.md): input that no API rule covers because it cannot even be sent
    /** A {@code null} request. */
    public static final String REQUEST_REQUIRED = "request.required";
    /** A {@code null} item inside a list field. */
    public static final String LIST_ITEM_REQUIRED = "list.item.required";

    /** Every rule id that docs/api.md names. */
    public static final Set<String> API = ordered(
            VEO_MODEL, VEO_PROMPT_REQUIRED, VEO_REFERENCE_IMAGES_COUNT, VEO_ASPECT_RATIO, VEO_DURATION_FIXED,
            VEO_RESOLUTION, VEO_SAFETY_TOLERANCE_RANGE, VEO_VARIANT_ENHANCE_PROMPT, VEO_VARIANT_PERSON_GENERATION,
            VEO_VARIANT_REFERENCE_TYPE,
            KLING_PROMPT_REQUIRED, KLING_PROMPT_LENGTH, KLING_MODE, KLING_IMAGE_TYPE, KLING_VIDEO_COUNT,
            KLING_ASPECT_RATIO, KLING_DURATION_RANGE, KLING_DURATION_BASE_VIDEO, KLING_MULTI_PROMPT_SUM,
            KLING_PROMPT_TEMPLATE_REF, KLING_IMAGE_END_NEEDS_FIRST, KLING_IMAGE_COUNT,
            KLING_VIDEO_BASE_EXCLUDES_FRAMES, KLING_DURATION_WITH_VIDEO, KLING_MULTI_PROMPT_SHAPE,
            URL_ABSOLUTE_HTTP);

    /** The rules documented upstream rather than on the seed pages: the only ones a {@link ValidationPolicy} may switch off. */
    public static final Set<String> UPSTREAM = ordered(
            KLING_PROMPT_LENGTH, KLING_IMAGE_END_NEEDS_FIRST, KLING_IMAGE_COUNT, KLING_VIDEO_BASE_EXCLUDES_FRAMES,
            KLING_DURATION_WITH_VIDEO, KLING_MULTI_PROMPT_SHAPE);

    /** vidgen's own rule ids, not named by docs/api.md. */
    public static final Set<String> VIDGEN = ordered(REQUEST_REQUIRED, LIST_ITEM_REQUIRED);

    /** Every rule id the domain enforces. */
    public static final Set<String> ALL = ordered(Stream.concat(API.stream(), VIDGEN.stream()).toArray(String[]::new));

    /** The rules that can never be switched off: {@link #ALL} less {@link #UPSTREAM}. */
    public static final Set<String> SEED = ordered(ALL.stream().filter(id -> !UPSTREAM.contains(id)).toArray(String[]::new));

    private RuleIds() {
    }

    private static Set<String> ordered(String... ids) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(Arrays.asList(ids)));
    }
}
