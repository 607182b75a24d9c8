package dev.vidgen.domain.validation.constraints;

import java.util.Collection;

/** Validates {@link ListSize}. */
public final class ListSizeValidator extends BoundedValidator<ListSize, Collection<?>> {

    @Override
    public void initialize(ListSize annotation) {
        bounds(annotation.min(), annotation.max());
    }

    @Override
    long measure(Collection<?> value) {
        return value.size();
    }

    @Override
    String got(Collection<?> value, long measure) {
        return String.valueOf(measure);
    }
}
