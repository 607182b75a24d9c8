package dev.vidgen.domain.veo;

import java.util.Arrays;
import java.util.Optional;

/** The Veo 3.1 reference-to-video model variants. */
public enum VeoModel {
    STANDARD("veo-3.1-reference-to-video"),
    FAST("veo-3.1-fast-reference-to-video");

    private final String value;

    VeoModel(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<VeoModel> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
