package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.validation.RuleIds;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of every rule {@link KlingReferenceToVideoFamily} enforces. An id names the same rule in
 * docs/models.md, in a constraint message ({@code [kling-r2v.duration.range] ...}), in a violation
 * and in the tests.
 */
public final class KlingR2vRuleIds {

    /** {@code prompt} has at most 2500 characters. */
    public static final String PROMPT_LENGTH = "kling-r2v.prompt.length";
    /** {@code prompt} and {@code multi_prompt} are mutually exclusive. */
    public static final String PROMPT_EXCLUSIVE = "kling-r2v.prompt.exclusive";
    /** One of {@code prompt} and {@code multi_prompt} is given (inferred: may be switched off). */
    public static final String PROMPT_REQUIRED = "kling-r2v.prompt.required";
    /** {@code resolution} is 720p, 1080p or 4k. */
    public static final String RESOLUTION = "kling-r2v.resolution";
    /** {@code aspect_ratio} is 16:9, 9:16 or 1:1. */
    public static final String ASPECT_RATIO = "kling-r2v.aspect-ratio";
    /** {@code duration} is 3 to 15 seconds. */
    public static final String DURATION_RANGE = "kling-r2v.duration.range";
    /** {@code shot_type} is {@code customize}. */
    public static final String SHOT_TYPE = "kling-r2v.shot-type";
    /**
     * The {@code multi_prompt} segment durations add up to {@code duration}. May be switched off: when
     * duration is not set the total is taken as 5 seconds, which is inferred (as on the seed model).
     */
    public static final String MULTI_PROMPT_SUM = "kling-r2v.multi-prompt.sum";
    /** {@code @ImageN} / {@code @ElementN} in a prompt name an existing item (inferred: may be switched off). */
    public static final String PROMPT_TEMPLATE_REF = "kling-r2v.prompt.template-ref";

    /** Every URL is an absolute http(s) URL: the rule every family shares. */
    public static final String URL_ABSOLUTE_HTTP = RuleIds.URL_ABSOLUTE_HTTP;
    /** A list item is not {@code null}: vidgen's own rule, as in every family. */
    public static final String LIST_ITEM_REQUIRED = RuleIds.LIST_ITEM_REQUIRED;

    /** Every rule id the family reports. */
    public static final Set<String> ALL = ordered(PROMPT_LENGTH, PROMPT_EXCLUSIVE, PROMPT_REQUIRED, RESOLUTION,
            URL_ABSOLUTE_HTTP, ASPECT_RATIO, DURATION_RANGE, SHOT_TYPE, MULTI_PROMPT_SUM, PROMPT_TEMPLATE_REF,
            LIST_ITEM_REQUIRED);

    /** The rules that are inferred rather than documented, which a ValidationPolicy may switch off. */
    public static final Set<String> SWITCHABLE = ordered(PROMPT_REQUIRED, MULTI_PROMPT_SUM, PROMPT_TEMPLATE_REF);

    private KlingR2vRuleIds() {
    }

    private static Set<String> ordered(String... ids) {
        return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(ids)));
    }
}
