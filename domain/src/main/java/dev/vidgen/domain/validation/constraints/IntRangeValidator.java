package dev.vidgen.domain.validation.constraints;

/** Validates {@link IntRange} on any integral {@link Number}. */
public final class IntRangeValidator extends BoundedValidator<IntRange, Number> {

    @Override
    public void initialize(IntRange annotation) {
        bounds(annotation.min(), annotation.max());
    }

    @Override
    long measure(Number value) {
        return value.longValue();
    }

    @Override
    String got(Number value, long measure) {
        return ConstraintMessages.escape(String.valueOf(value));
    }
}
