package com.example.pixel;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** The demo family's own field constraint: an even number (pixel animations loop in pairs). */
@Constraint(validatedBy = EvenNumber.Validator.class)
@Target({FIELD, METHOD, PARAMETER})
@Retention(RUNTIME)
public @interface EvenNumber {
    String message() default "[pixel.frames.even] frames must be an even number";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Validates {@link EvenNumber}. */
    class Validator implements jakarta.validation.ConstraintValidator<EvenNumber, Integer> {
        @Override
        public boolean isValid(Integer value, jakarta.validation.ConstraintValidatorContext context) {
            return value == null || value % 2 == 0;
        }
    }
}
