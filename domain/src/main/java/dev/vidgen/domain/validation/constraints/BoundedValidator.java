package dev.vidgen.domain.validation.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.lang.annotation.Annotation;

/**
 * What {@link IntRange}, {@link ListSize} and {@link MaxLength} share: {@code null} is valid, a
 * value whose measure (the number, the size, the length) lies in the bounds is valid, anything else
 * is rejected with the constraint's message and {@code "; got <what was measured>"}.
 */
abstract class BoundedValidator<A extends Annotation, T> implements ConstraintValidator<A, T> {

    private long min;
    private long max;

    /** Sets the inclusive bounds, from the annotation. */
    final void bounds(long min, long max) {
        this.min = min;
        this.max = max;
    }

    /** The number the bounds apply to. */
    abstract long measure(T value);

    /** What the message says was got, already escaped for message interpolation. */
    abstract String got(T value, long measure);

    @Override
    public final boolean isValid(T value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        long measure = measure(value);
        if (measure >= min && measure <= max) {
            return true;
        }
        return ConstraintMessages.rejectWithGot(context, got(value, measure));
    }
}
