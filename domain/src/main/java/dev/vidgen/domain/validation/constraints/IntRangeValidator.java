package dev.vidgen.domain.validation.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/** Validates {@link IntRange} on any integral {@link Number}. */
public final class IntRangeValidator implements ConstraintValidator<IntRange, Number> {

    private long min;
    private long max;

    @Override
    public void initialize(IntRange annotation) {
        min = annotation.min();
        max = annotation.max();
    }

    @Override
    public boolean isValid(Number value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        long v = value.longValue();
        if (v >= min && v <= max) {
            return true;
        }
        return ConstraintMessages.rejectWithGot(context, ConstraintMessages.escape(String.valueOf(value)));
    }
}
