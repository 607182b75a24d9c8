package dev.vidgen.models.klingr2v;

import dev.vidgen.domain.validation.InvalidValueException;
import java.util.Arrays;
import java.util.Optional;

/** Kling O3 reference-to-video shot type: currently fixed to {@code customize} (advanced: do not pass unless necessary). */
public enum KlingR2vShotType {
    CUSTOMIZE("customize");

    private final String value;

    KlingR2vShotType(String value) {
        this.value = value;
    }

    /** The value as the API spells it. */
    public String value() {
        return value;
    }

    /** The constant the API spells {@code value}, if any. */
    public static Optional<KlingR2vShotType> fromValue(String value) {
        return Arrays.stream(values()).filter(v -> v.value.equals(value)).findFirst();
    }

    /**
     * The constant the API spells {@code value}.
     *
     * @throws InvalidValueException rule {@value KlingR2vRuleIds#SHOT_TYPE}, naming the allowed values
     */
    public static KlingR2vShotType parse(String value) {
        return fromValue(value).orElseThrow(() -> InvalidValueException.notOneOf(KlingR2vRuleIds.SHOT_TYPE, "shotType", "shot_type", value,
                Arrays.stream(values()).map(KlingR2vShotType::value).toList()));
    }

    @Override
    public String toString() {
        return value;
    }
}
