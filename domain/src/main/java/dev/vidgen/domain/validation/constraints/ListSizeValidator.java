package dev.vidgen.domain.validation.constraints;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.Collection;

/** Validates {@link ListSize}. */
public final class ListSizeValidator implements ConstraintValidator<ListSize, Collection<?>> {

    private int min;
    private int max;

    @Override
    public void initialize(ListSize annotation) {
        min = annotation.min();
        max = annotation.max();
    }

    @Override
    public boolean isValid(Collection<?> value, ConstraintValidatorContext context) {
        if (value == null || (value.size() >= min && value.size() <= max)) {
            return true;
        }
        return ConstraintMessages.rejectWithGot(context, String.valueOf(value.size()));
    }
}
