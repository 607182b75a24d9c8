package dev.vidgen.domain.kling;

import java.util.Arrays;
import java.util.Optional;

/** Whether Kling keeps the reference video's sound. */
public enum KeepOriginalSound {
    YES("yes"),
    NO("no");

    private final String value;

    KeepOriginalSound(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<KeepOriginalSound> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
