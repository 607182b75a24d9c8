package dev.vidgen.domain.kling;

import java.util.Arrays;
import java.util.Optional;

/** Kling generation mode; the server's default is standard. */
public enum KlingMode {
    STANDARD("standard"),
    PRO("pro");

    private final String value;

    KlingMode(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<KlingMode> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
