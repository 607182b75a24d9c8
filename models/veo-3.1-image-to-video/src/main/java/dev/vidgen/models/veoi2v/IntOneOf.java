package dev.vidgen.models.veoi2v;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import dev.vidgen.domain.validation.constraints.ConstraintMessages;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Arrays;

/**
 * An integer that is one of {@link #value()}; {@code null} is valid. The domain has ranges
 * ({@code @IntRange}) but no closed set of numbers, so this module brings its own constraint: a
 * model module may. The message gets {@code "; got <value>"} appended.
 */
@Documented
@Constraint(validatedBy = IntOneOf.Validator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE})
@Retention(RUNTIME)
public @interface IntOneOf {

    /** The allowed values. */
    int[] value();

    /** The message; starts with the rule id in brackets. */
    String message();

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};

    /** Validates {@link IntOneOf} on any integral {@link Number}. */
    final class Validator implements ConstraintValidator<IntOneOf, Number> {
        private int[] allowed;

        @Override
        public void initialize(IntOneOf annotation) {
            allowed = annotation.value().clone();
        }

        @Override
        public boolean isValid(Number value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            long v = value.longValue();
            if (Arrays.stream(allowed).anyMatch(a -> a == v)) {
                return true;
            }
            return ConstraintMessages.rejectWithGot(context, ConstraintMessages.escape(String.valueOf(value)));
        }
    }
}
