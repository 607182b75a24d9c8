package dev.vidgen.client.internal;

import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import java.lang.annotation.ElementType;

/**
 * Every property may be validated and cascaded into: what Hibernate Validator does anyway without
 * JPA, but decided without probing the class path for {@code jakarta.persistence} at start-up.
 */
public enum AlwaysTraversable implements TraversableResolver {
    /** The only instance. */
    INSTANCE;

    @Override
    public boolean isReachable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                               Path pathToTraversableObject, ElementType elementType) {
        return true;
    }

    @Override
    public boolean isCascadable(Object traversableObject, Path.Node traversableProperty, Class<?> rootBeanType,
                                Path pathToTraversableObject, ElementType elementType) {
        return true;
    }
}
