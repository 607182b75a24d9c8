package dev.vidgen.domain.veo;

import dev.vidgen.domain.validation.InvalidValueException;
import dev.vidgen.domain.validation.RuleIds;
import java.util.Arrays;
import java.util.Optional;

/** Veo output resolution; the server's default is 1080p. */
public enum VeoResolution {
    P720("720p"),
    P1080("1080p"),
    UHD_4K("4k");

    private final String value;

    VeoResolution(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<VeoResolution> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value RuleIds#VEO_RESOLUTION}, naming the allowed values
     */
    public static VeoResolution parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(RuleIds.VEO_RESOLUTION, "resolution", "resolution", value,
                Arrays.stream(values()).map(VeoResolution::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
