package dev.vidgen.models.veoi2v;

import dev.vidgen.domain.validation.RuleIds;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of every rule {@link VeoImageToVideoFamily} enforces. An id names the same rule in
 * docs/models.md, in a constraint message ({@code [veo-i2v.duration] ...}), in a violation and in
 * the tests.
 */
public final class VeoI2vRuleIds {

    /** {@code model} is one of the three variant ids. */
    public static final String MODEL = "veo-i2v.model";
    /** {@code prompt} is required and not blank. */
    public static final String PROMPT_REQUIRED = "veo-i2v.prompt.required";
    /** {@code aspect_ratio} is 16:9 or 9:16. */
    public static final String ASPECT_RATIO = "veo-i2v.aspect-ratio";
    /** {@code duration} is 4, 6 or 8. */
    public static final String DURATION = "veo-i2v.duration";
    /** The lite variant at 1080p makes 8-second videos only. */
    public static final String LITE_DURATION_1080P = "veo-i2v.lite.duration-1080p";
    /** The lite variant has 720p and 1080p only. */
    public static final String LITE_RESOLUTION = "veo-i2v.lite.resolution";
    /**
     * {@code safety_tolerance} is accepted by the standard and fast variants only. The field's JSON
     * name is confirmed on the reference-to-video page and only inferred for image-to-video, so this
     * rule may be switched off.
     */
    public static final String VARIANT_SAFETY_TOLERANCE = "veo-i2v.variant.safety-tolerance";

    /**
     * {@code resolution} is 720p, 1080p or 4k: the seed Veo family's rule for the same closed set
     * (image-to-video's page names no rule of its own for it).
     */
    public static final String RESOLUTION = RuleIds.VEO_RESOLUTION;
    /** {@code safety_tolerance} is 1 to 6: the seed Veo family's rule, the same on this page. */
    public static final String SAFETY_TOLERANCE_RANGE = RuleIds.VEO_SAFETY_TOLERANCE_RANGE;
    /** {@code image_url} is required and an absolute http(s) URL: the rule every family shares. */
    public static final String URL_ABSOLUTE_HTTP = RuleIds.URL_ABSOLUTE_HTTP;

    /** Every rule id the family reports. */
    public static final Set<String> ALL = ordered(MODEL, PROMPT_REQUIRED, URL_ABSOLUTE_HTTP, ASPECT_RATIO, DURATION,
            LITE_DURATION_1080P, RESOLUTION, LITE_RESOLUTION, SAFETY_TOLERANCE_RANGE, VARIANT_SAFETY_TOLERANCE);

    /** The rules that are inferred rather than documented, which a ValidationPolicy may switch off. */
    public static final Set<String> SWITCHABLE = ordered(VARIANT_SAFETY_TOLERANCE);

    private VeoI2vRuleIds() {
    }

    private static Set<String> ordered(String... ids) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(ids)));
    }
}
