package dev.vidgen.domain.veo;

import dev.vidgen.domain.validation.InvalidValueException;
import dev.vidgen.domain.validation.RuleIds;
import java.util.Arrays;
import java.util.Optional;

/** The Veo 3.1 reference-to-video model variants. */
public enum VeoModel {
    STANDARD("veo-3.1-reference-to-video"),
    FAST("veo-3.1-fast-reference-to-video");

    private final String value;

    VeoModel(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<VeoModel> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value RuleIds#VEO_MODEL}, naming the allowed values
     */
    public static VeoModel parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(RuleIds.VEO_MODEL, "model", "model", value,
                Arrays.stream(values()).map(VeoModel::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
