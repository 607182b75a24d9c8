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
 * An integer between {@link #min()} and {@link #max()} inclusive; {@code null} is valid. Unlike
 * {@code @Min} + {@code @Max} it is one rule with one message, and the message gets
 * {@code "; got <value>"} appended without needing an EL-capable interpolator.
 */
@Documented
@Constraint(validatedBy = IntRangeValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface IntRange {

    /** Smallest allowed value. */
    long min() default Long.MIN_VALUE;

    /** Largest allowed value. */
    long max() default Long.MAX_VALUE;

    /** The message; should start with the rule id in brackets; may use {@code {min}} and {@code {max}}. */
    String message();

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
