package dev.vidgen.domain.veo;

import dev.vidgen.domain.validation.InvalidValueException;
import dev.vidgen.domain.validation.RuleIds;
import java.util.Arrays;
import java.util.Optional;

/** Veo output aspect ratio; the server's default is 16:9. */
public enum VeoAspectRatio {
    LANDSCAPE_16_9("16:9"),
    PORTRAIT_9_16("9:16");

    private final String value;

    VeoAspectRatio(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<VeoAspectRatio> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value RuleIds#VEO_ASPECT_RATIO}, naming the allowed values
     */
    public static VeoAspectRatio parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(RuleIds.VEO_ASPECT_RATIO, "aspectRatio", "aspect_ratio", value,
                Arrays.stream(values()).map(VeoAspectRatio::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
