package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.validation.PromptReferences;
import dev.vidgen.domain.validation.SegmentSum;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The cross-field rules of {@link KlingReferenceToVideoFamily}. Missing fields and null items are
 * the field constraints' business: every rule here skips what it cannot judge, and never throws.
 */
final class KlingR2vRules {

    /** {@code @Image2}, {@code @Element1}; numbering starts at 1. */
    private static final PromptReferences REFERENCES =
            new PromptReferences(KlingR2vRuleIds.PROMPT_TEMPLATE_REF, Pattern.compile("@(Image|Element)(\\d+)"));

    private KlingR2vRules() {
    }

    static List<Violation> check(KlingReferenceToVideoRequest r) {
        List<Violation> out = new ArrayList<>();
        List<KlingPromptSegment> segments = r.multiPrompt() == null ? List.of() : r.multiPrompt();

        if (r.prompt() != null && r.multiPrompt() != null) {
            out.add(new Violation(KlingR2vRuleIds.PROMPT_EXCLUSIVE, "prompt", r.prompt(),
                    "prompt and multi_prompt are mutually exclusive; send one of them"));
        }
        if ((r.prompt() == null || r.prompt().isBlank()) && segments.isEmpty()) {
            out.add(new Violation(KlingR2vRuleIds.PROMPT_REQUIRED, "prompt", r.prompt(),
                    "give a prompt or a multi_prompt with at least one segment"));
        }
        SegmentSum.check(KlingR2vRuleIds.MULTI_PROMPT_SUM, r.multiPrompt(), KlingPromptSegment::duration, r.duration(),
                KlingReferenceToVideoFamily.ASSUMED_DEFAULT_DURATION, "assumed", out);

        int images = r.imageUrls() == null ? 0 : r.imageUrls().size();
        int elements = r.elements() == null ? 0 : r.elements().size();
        REFERENCES.check(r.prompt(), r.multiPrompt(), KlingPromptSegment::prompt, Map.of(
                "Image", new PromptReferences.Target("image_urls", images, "item", "items"),
                "Element", new PromptReferences.Target("elements", elements, "item", "items")), out);
        return out;
    }
}
