package dev.vidgen.models.veoi2v;

import dev.vidgen.domain.validation.InvalidValueException;
import java.util.Arrays;
import java.util.Optional;

/** Veo image-to-video output resolution; the lite variant has no 4k. No default is documented. */
public enum VeoI2vResolution {
    P720("720p"),
    P1080("1080p"),
    UHD_4K("4k");

    private final String value;

    VeoI2vResolution(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<VeoI2vResolution> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value VeoI2vRuleIds#RESOLUTION}, naming the allowed values
     */
    public static VeoI2vResolution parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(VeoI2vRuleIds.RESOLUTION, "resolution", "resolution", value,
                Arrays.stream(values()).map(VeoI2vResolution::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
