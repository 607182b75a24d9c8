package dev.vidgen.domain.kling;

import dev.vidgen.domain.validation.InvalidValueException;
import dev.vidgen.domain.validation.RuleIds;
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

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value RuleIds#KLING_MODE}, naming the allowed values
     */
    public static KlingMode parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(RuleIds.KLING_MODE, "mode", "mode", value,
                Arrays.stream(values()).map(KlingMode::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
