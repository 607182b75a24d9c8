package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.validation.InvalidValueException;
import java.util.Arrays;
import java.util.Optional;

/** Kling O3 reference-to-video output resolution; 720p is probably the server's default (not confirmed). */
public enum KlingR2vResolution {
    P720("720p"),
    P1080("1080p"),
    UHD_4K("4k");

    private final String value;

    KlingR2vResolution(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<KlingR2vResolution> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value KlingR2vRuleIds#RESOLUTION}, naming the allowed values
     */
    public static KlingR2vResolution parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(KlingR2vRuleIds.RESOLUTION, "resolution", "resolution", value,
                Arrays.stream(values()).map(KlingR2vResolution::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
