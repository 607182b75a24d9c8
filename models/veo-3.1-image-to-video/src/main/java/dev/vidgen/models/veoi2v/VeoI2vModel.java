package dev.vidgen.models.veoi2v;

import dev.vidgen.domain.validation.InvalidValueException;
import java.util.Arrays;
import java.util.Optional;

/** The Veo 3.1 image-to-video variants: standard, fast and lite. */
public enum VeoI2vModel {
    STANDARD("veo-3.1-image-to-video"),
    FAST("veo-3.1-fast-image-to-video"),
    LITE("veo-3.1-lite-image-to-video");

    private final String value;

    VeoI2vModel(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<VeoI2vModel> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value VeoI2vRuleIds#MODEL}, naming the allowed values
     */
    public static VeoI2vModel parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(VeoI2vRuleIds.MODEL, "model", "model", value,
                Arrays.stream(values()).map(VeoI2vModel::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
