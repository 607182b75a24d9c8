package dev.vidgen.domain.validation.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link MaxLength}. */
public final class MaxLengthValidator implements ConstraintValidator<MaxLength, CharSequence> {

    private int max;

    @Override
    public void initialize(MaxLength annotation) {
        max = annotation.value();
    }

    @Override
    public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int length = Character.codePointCount(value, 0, value.length());
        if (length <= max) {
            return true;
        }
        return ConstraintMessages.rejectWithGot(context, length + " characters");
    }
}
