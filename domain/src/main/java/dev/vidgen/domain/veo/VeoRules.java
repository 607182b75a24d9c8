package dev.vidgen.domain.veo;

import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.validation.RuleIds;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/** The cross-field and per-variant rules of {@link VeoFamily}. */
final class VeoRules {

    /** An optional field that only some variants accept, and the rule that says so. */
    private record Gated(String javaName, String jsonName, String ruleId, Function<VeoReferenceRequest, Object> value) {
    }

    private static final List<Gated> GATED = List.of(
            new Gated("enhancePrompt", "enhance_prompt", RuleIds.VEO_VARIANT_ENHANCE_PROMPT, VeoReferenceRequest::enhancePrompt),
            new Gated("personGeneration", "person_generation", RuleIds.VEO_VARIANT_PERSON_GENERATION, VeoReferenceRequest::personGeneration),
            new Gated("referenceType", "reference_type", RuleIds.VEO_VARIANT_REFERENCE_TYPE, VeoReferenceRequest::referenceType));

    private VeoRules() {
    }

    static List<Violation> check(VeoReferenceRequest r) {
        List<Violation> out = new ArrayList<>();
        String model = r.model() == null ? "Veo 3.1 reference-to-video" : r.model().value();
        if (r.duration() != null && r.duration() != VeoFamily.DURATION) {
            out.add(new Violation(RuleIds.VEO_DURATION_FIXED, "duration", r.duration(),
                    "duration is fixed at " + VeoFamily.DURATION + " for " + model + "; got " + r.duration()
                            + " (leave it unset or set " + VeoFamily.DURATION + ")"));
        }
        if (r.model() != null) {
            ModelCapabilities table = VeoFamily.capabilities(r.model());
            for (Gated g : GATED) {
                Object value = g.value().apply(r);
                if (value != null && table.field(g.jsonName()).isEmpty()) {
                    out.add(new Violation(g.ruleId(), g.javaName(), value, g.jsonName() + " is not accepted by " + model
                            + "; only " + acceptedBy(g.jsonName()) + " accepts it: leave it unset or switch model"));
                }
            }
        }
        return out;
    }

    private static String acceptedBy(String jsonName) {
        return String.join(" and ", Arrays.stream(VeoModel.values())
                .filter(m -> VeoFamily.capabilities(m).field(jsonName).isPresent()).map(VeoModel::value).toList());
    }
}
