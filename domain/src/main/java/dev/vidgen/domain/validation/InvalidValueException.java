package dev.vidgen.domain.validation;

import java.util.Collection;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Text that is not one of a field's allowed values, for example {@code "4:3"} for a Veo aspect
 * ratio. Thrown by the {@code parse} methods of the value types; carries the {@link Violation}
 * (rule id, field path, rejected text, a sentence naming the allowed values).
 */
public final class InvalidValueException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final transient Violation violation;

    /** An exception for this violation; its message is {@code [rule.id] sentence}. */
    public InvalidValueException(Violation violation) {
        super("[" + violation.ruleId() + "] " + violation.message());
        this.violation = violation;
    }

    /** The broken rule. */
    public Violation violation() {
        return violation;
    }

    /** The text is none of the allowed values of the field. */
    public static InvalidValueException notOneOf(String ruleId, String path, String jsonName, String text,
            Collection<String> allowed) {
        Objects.requireNonNull(ruleId, "ruleId");
        String got = text == null ? "nothing" : "\"" + text + "\"";
        String message = jsonName + " must be one of " + allowed.stream().collect(Collectors.joining(", ")) + "; got " + got;
        return new InvalidValueException(new Violation(ruleId, path, text, message));
    }
}
