package dev.vidgen.client.internal;

import dev.vidgen.domain.catalog.ModelCatalog;
import dev.vidgen.domain.catalog.ModelFamily;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The one rule for which model families a client sees, for the builder and the Guice module
 * alike: those registered through {@link java.util.ServiceLoader}, plus those added in code. Not API.
 */
public final class Families {

    private Families() {
    }

    /** The installed families, then each added one whose class is not installed already. */
    public static ModelCatalog installedWith(Collection<? extends ModelFamily<?>> added) {
        List<ModelFamily<?>> families = new ArrayList<>(ModelCatalog.loadInstalled().families());
        for (ModelFamily<?> family : added) {
            if (families.stream().noneMatch(f -> f.getClass().equals(family.getClass()))) {
                families.add(family);
            }
        }
        return ModelCatalog.of(families);
    }
}
