package dev.vidgen.domain.kling;

import java.util.Arrays;
import java.util.Optional;

/** The role of a Kling image: first frame or end frame; a plain reference image has no type. */
public enum ImageType {
    FIRST_FRAME("first_frame"),
    END_FRAME("end_frame");

    private final String value;

    ImageType(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<ImageType> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    @Override
    public String toString() {
        return value;
    }
}
