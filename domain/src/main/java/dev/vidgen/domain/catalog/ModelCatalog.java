package dev.vidgen.domain.catalog;

import dev.vidgen.domain.VideoRequest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The model families a client knows, looked up by model id or request type. Immutable.
 */
public final class ModelCatalog {

    private final List<ModelFamily<?>> families;
    private final Map<String, ModelFamily<?>> byModelId = new LinkedHashMap<>();

    private ModelCatalog(Collection<? extends ModelFamily<?>> families) {
        this.families = List.copyOf(families);
        for (ModelFamily<?> family : this.families) {
            for (String id : family.modelIds()) {
                ModelFamily<?> previous = byModelId.putIfAbsent(id, family);
                if (previous != null && previous != family) {
                    throw new IllegalArgumentException("model id " + id + " is registered twice: by "
                            + previous.getClass().getName() + " and " + family.getClass().getName());
                }
            }
        }
    }

    /** A catalog of exactly these families. */
    public static ModelCatalog of(Collection<? extends ModelFamily<?>> families) {
        return new ModelCatalog(families);
    }

    /** The families registered through {@link ServiceLoader} (the two seed families and any user's). */
    public static ModelCatalog loadInstalled() {
        List<ModelFamily<?>> found = new ArrayList<>();
        for (ModelFamily<?> family : ServiceLoader.load(ModelFamily.class)) {
            found.add(family);
        }
        return new ModelCatalog(found);
    }

    /** Every family, in registration order. */
    public List<ModelFamily<?>> families() {
        return families;
    }

    /** The family owning a model id. */
    public Optional<ModelFamily<?>> familyOf(String modelId) {
        return Optional.ofNullable(byModelId.get(modelId));
    }

    /** The family whose request type is the given class. */
    @SuppressWarnings("unchecked")
    public <R extends VideoRequest> Optional<ModelFamily<R>> familyOf(Class<R> requestType) {
        return families.stream().filter(f -> f.requestType().equals(requestType))
                .map(f -> (ModelFamily<R>) f).findFirst();
    }

    /** The capability table of a model id. */
    public Optional<ModelCapabilities> capabilities(String modelId) {
        ModelFamily<?> family = byModelId.get(modelId);
        return family == null ? Optional.empty()
                : family.models().stream().filter(m -> m.modelId().equals(modelId)).findFirst();
    }

    /** Every model's capability table. */
    public List<ModelCapabilities> allCapabilities() {
        return families.stream().flatMap(f -> f.models().stream()).toList();
    }

    /** Every model id. */
    public List<String> modelIds() {
        return List.copyOf(byModelId.keySet());
    }
}
