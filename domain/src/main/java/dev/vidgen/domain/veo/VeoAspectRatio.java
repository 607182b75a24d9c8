package dev.vidgen.domain.veo;

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

    @Override
    public String toString() {
        return value;
    }
}
