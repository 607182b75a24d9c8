package dev.vidgen.domain.veo;

import java.util.Arrays;
import java.util.Optional;

/** Veo person generation control (standard model only). */
public enum PersonGeneration {
    DONT_ALLOW("dont_allow"),
    ALLOW_ADULT("allow_adult");

    private final String value;

    PersonGeneration(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<PersonGeneration> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
