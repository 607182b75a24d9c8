package dev.vidgen.domain.validation.constraints;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A collection with {@link #min()} to {@link #max()} items; {@code null} is valid. Like
 * {@code @Size}, but the message gets {@code "; got <count>"} appended without needing an
 * EL-capable interpolator.
 */
@Documented
@Constraint(validatedBy = ListSizeValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface ListSize {

    /** Fewest items. */
    int min() default 0;

    /** Most items. */
    int max() default Integer.MAX_VALUE;

    /** The message; should start with the rule id in brackets; may use {@code {min}} and {@code {max}}. */
    String message();

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
