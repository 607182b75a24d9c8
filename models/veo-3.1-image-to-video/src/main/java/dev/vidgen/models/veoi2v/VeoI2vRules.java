package dev.vidgen.models.veoi2v;

import dev.vidgen.domain.catalog.ModelCapabilities;
import dev.vidgen.domain.validation.Violation;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The per-variant rules of {@link VeoImageToVideoFamily}, read from the capability tables. Missing
 * fields are the field constraints' business: a rule here skips what it cannot judge, and never throws.
 */
final class VeoI2vRules {

    private VeoI2vRules() {
    }

    static List<Violation> check(VeoImageToVideoRequest r) {
        List<Violation> out = new ArrayList<>();
        if (r.model() == null) {
            return out; // which variant's table applies is unknown; veo-i2v.model reports the model
        }
        ModelCapabilities table = VeoImageToVideoFamily.capabilities(r.model());
        String model = r.model().value();
        if (r.resolution() != null
                && !table.field("resolution").orElseThrow().allowedValues().contains(r.resolution().value())) {
            out.add(new Violation(VeoI2vRuleIds.LITE_RESOLUTION, "resolution", r.resolution(),
                    model + " takes resolution " + String.join(" or ", table.field("resolution").orElseThrow().allowedValues())
                            + "; got " + r.resolution().value() + " (4k needs veo-3.1-image-to-video or veo-3.1-fast-image-to-video)"));
        }
        if (r.model() == VeoI2vModel.LITE && r.resolution() == VeoI2vResolution.P1080
                && r.duration() != null && r.duration() != VeoImageToVideoFamily.DEFAULT_DURATION) {
            out.add(new Violation(VeoI2vRuleIds.LITE_DURATION_1080P, "duration", r.duration(),
                    model + " at 1080p makes " + VeoImageToVideoFamily.DEFAULT_DURATION + "-second videos only; got "
                            + r.duration() + " (set 8, leave duration unset, or use 720p)"));
        }
        if (r.safetyTolerance() != null && table.field("safety_tolerance").isEmpty()) {
            out.add(new Violation(VeoI2vRuleIds.VARIANT_SAFETY_TOLERANCE, "safetyTolerance", r.safetyTolerance(),
                    "safety_tolerance is not accepted by " + model + "; only " + acceptedBy("safety_tolerance")
                            + " accept it: leave it unset or switch model"));
        }
        return out;
    }

    private static String acceptedBy(String jsonName) {
        return String.join(" and ", Arrays.stream(VeoI2vModel.values())
                .filter(m -> VeoImageToVideoFamily.capabilities(m).field(jsonName).isPresent()).map(VeoI2vModel::value).toList());
    }
}
