package dev.vidgen.models.veoi2v;

import dev.vidgen.domain.validation.InvalidValueException;
import java.util.Arrays;
import java.util.Optional;

/** Veo image-to-video output aspect ratio; the server's default is 16:9. */
public enum VeoI2vAspectRatio {
    LANDSCAPE_16_9("16:9"),
    PORTRAIT_9_16("9:16");

    private final String value;

    VeoI2vAspectRatio(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<VeoI2vAspectRatio> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value VeoI2vRuleIds#ASPECT_RATIO}, naming the allowed values
     */
    public static VeoI2vAspectRatio parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(VeoI2vRuleIds.ASPECT_RATIO, "aspectRatio", "aspect_ratio", value,
                Arrays.stream(values()).map(VeoI2vAspectRatio::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
