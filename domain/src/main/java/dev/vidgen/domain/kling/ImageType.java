package dev.vidgen.domain.kling;

import dev.vidgen.domain.validation.InvalidValueException;
import dev.vidgen.domain.validation.RuleIds;
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

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value RuleIds#KLING_IMAGE_TYPE}, naming the allowed values (the path is relative to {@link KlingImage})
     */
    public static ImageType parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(RuleIds.KLING_IMAGE_TYPE, "type", "type", value,
                Arrays.stream(values()).map(ImageType::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
