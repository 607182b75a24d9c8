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
 * Rule {@code url.absolute-http}: the value is an absolute {@code http} or {@code https} URL with a
 * host and no spaces. Applies to {@link java.net.URI} and {@link CharSequence}; {@code null} is
 * valid (combine with {@code @NotNull} when the URL is required). The message gets
 * {@code "; got \"<value>\""} appended.
 */
@Documented
@Constraint(validatedBy = {HttpUrlValidator.ForUri.class, HttpUrlValidator.ForText.class})
@Target({FIELD, METHOD, PARAMETER, TYPE_USE, ANNOTATION_TYPE})
@Retention(RUNTIME)
public @interface HttpUrl {

    /** The message; starts with the rule id in brackets. */
    String message() default "[url.absolute-http] must be an absolute http or https URL with a host and no spaces";

    /** Validation groups. */
    Class<?>[] groups() default {};

    /** Payload. */
    Class<? extends Payload>[] payload() default {};
}
