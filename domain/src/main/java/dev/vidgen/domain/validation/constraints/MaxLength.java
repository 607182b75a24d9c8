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
 * Text of at most {@link #value()} characters, counted as Unicode code points (so an emoji or a rare
 * CJK character counts once, as a person would count it); {@code null} is valid. The message gets
 * {@code "; got <length>"} appended.
 */
@Documented
@Constraint(validatedBy = MaxLengthValidator.class)
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface MaxLength {

    /** Most characters. */
    int value();

    /** The message; should start with the rule id in brackets; may use {@code {value}}. */
    String message();

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
