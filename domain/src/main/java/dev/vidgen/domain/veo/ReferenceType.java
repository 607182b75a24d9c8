package dev.vidgen.domain.veo;

import java.util.Arrays;
import java.util.Optional;

/** How Veo uses the reference images (standard model only). */
public enum ReferenceType {
    ASSET("ASSET"),
    STYLE("STYLE");

    private final String value;

    ReferenceType(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<ReferenceType> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
