package dev.vidgen.domain.kling;

import java.util.Arrays;
import java.util.Optional;

/** How Kling uses the reference video: as a feature reference or as the base to edit. */
public enum ReferType {
    FEATURE("feature"),
    BASE("base");

    private final String value;

    ReferType(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<ReferType> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
