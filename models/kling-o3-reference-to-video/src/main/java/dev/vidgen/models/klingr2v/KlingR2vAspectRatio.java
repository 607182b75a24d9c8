package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.validation.InvalidValueException;
import java.util.Arrays;
import java.util.Optional;

/** Kling O3 reference-to-video output aspect ratio. */
public enum KlingR2vAspectRatio {
    LANDSCAPE_16_9("16:9"),
    PORTRAIT_9_16("9:16"),
    SQUARE_1_1("1:1");

    private final String value;

    KlingR2vAspectRatio(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<KlingR2vAspectRatio> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value KlingR2vRuleIds#ASPECT_RATIO}, naming the allowed values
     */
    public static KlingR2vAspectRatio parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(KlingR2vRuleIds.ASPECT_RATIO, "aspectRatio", "aspect_ratio", value,
                Arrays.stream(values()).map(KlingR2vAspectRatio::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
