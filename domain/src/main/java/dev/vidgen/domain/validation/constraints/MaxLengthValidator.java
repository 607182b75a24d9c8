package dev.vidgen.domain.validation.constraints;

/** Validates {@link MaxLength}, counting code points (an emoji is one character). */
public final class MaxLengthValidator extends BoundedValidator<MaxLength, CharSequence> {

    @Override
    public void initialize(MaxLength annotation) {
        bounds(Long.MIN_VALUE, annotation.value());
    }

    @Override
    long measure(CharSequence value) {
        return Character.codePointCount(value, 0, value.length());
    }

    @Override
    String got(CharSequence value, long measure) {
        return measure + " characters";
    }
}
