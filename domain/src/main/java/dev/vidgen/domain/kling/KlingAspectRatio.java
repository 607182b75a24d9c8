package dev.vidgen.domain.kling;

import java.util.Arrays;
import java.util.Optional;

/** Kling output aspect ratio; the server's default is 16:9. */
public enum KlingAspectRatio {
    LANDSCAPE_16_9("16:9"),
    PORTRAIT_9_16("9:16"),
    SQUARE_1_1("1:1");

    private final String value;

    KlingAspectRatio(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<KlingAspectRatio> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
